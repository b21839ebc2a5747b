"""Importing this module registers every scheduled job body (each family registers with @job)."""

from bot.services import (  # noqa: F401
    calendar_notice,
    charts,
    counts,
    digests,
    ledger,
    p3_notices,
    reminders,
    sweeps,
    transfers,
    weekly_table,
)
