"""Importing this module registers every scheduled job body (each family registers with @job)."""

from bot.services import counts, sweeps  # noqa: F401
