"""Importing this module registers every scheduled job body (each family registers with @job)."""

from bot.services import charts, counts, digests, ledger, p3_notices, reminders, sweeps, transfers  # noqa: F401
