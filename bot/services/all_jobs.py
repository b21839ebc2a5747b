"""Importing this module registers every scheduled job body (each family registers with @job)."""

from bot.services import counts, digests, reminders, sweeps, transfers  # noqa: F401
