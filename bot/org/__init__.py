"""The organisation file: who works here, which regions exist, and the policy parameters."""

from bot.org.model import (
    AwayPeriod,
    Channel,
    Department,
    Org,
    Penalties,
    Person,
    Region,
    Role,
    Schedule,
)

__all__ = ["AwayPeriod", "Channel", "Department", "Org", "Penalties", "Person", "Region", "Role", "Schedule"]
