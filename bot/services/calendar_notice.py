"""The calendar never runs out silently: admins hear of a year the bot can only guess, weekly until it is fixed."""

from __future__ import annotations

from bot.org.model import Role
from bot.rules.calendar import missing_years, years_to_check
from bot.services.context import Context
from bot.services.jobs import SlotRun, job
from bot.services.reminders import dm, slot_data
from storage.uow import UnitOfWork


@job("calendar_check")
async def calendar_check(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    """The current year, and from 1 December the next, with no statutory data and no overrides: tell admins
    which year and exactly how to fix it."""
    day = ctx.local(run.slot).date()
    missing = missing_years(ctx.calendar, years_to_check(day))
    admins = [p.id for p in ctx.org.people if p.has(Role.ADMIN) and p.active]
    for year in missing:
        for admin in admins:
            await dm(uow, ctx, admin, "calendar.missing_year", {
                **slot_data(run), "year": year, "example_range": f"{year}-01-01..{year}-01-03",
                "example_day": f"{year}-01-04",
            })
    return f"years without holiday data: {missing or 'none'}; {len(admins) * len(missing)} notices"
