"""Importing this module registers every scheduled job body (each family registers with @job)."""

from bot.services import charts, counts, digests, ledger, reminders, sweeps, transfers, weekly_table  # noqa: F401
