"""The weekly digest per rep for the specialist's P5 check (Monday); the manager's table is in weekly_table."""

from __future__ import annotations

from datetime import date, timedelta

from bot.rules.cover import prompt_recipient
from bot.rules.deadlines import local_day_bounds
from bot.rules.digests import forwarding_delay, median_followup, tally, tally_by_rep
from bot.rules.rankings import minutes
from bot.rules.working_time import working_clock
from bot.services.assigning import availability
from bot.services.context import Context
from bot.services.holders import at_due_or, seen_at
from bot.services.jobs import SlotRun, job
from bot.services.reminders import dm, slot_data
from storage.uow import UnitOfWork


@job("weekly_rep_digest")
async def weekly_rep_digest(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    """P5: each specialist sees last week's inquiries of their regions per rep: on time, late, missed, grey."""
    day = ctx.local(run.slot).date()
    monday, last = weeks_served(ctx, day)
    start, _ = local_day_bounds(monday, ctx.tz)
    end, _ = local_day_bounds(last + timedelta(days=1), ctx.tz)
    week = await seen_at(uow, await uow.inquiries.list(forwarded_from=start, forwarded_to=end), at_due_or(run.slot))
    cover = await availability(uow, ctx)
    sent = 0
    for specialist in sorted({r.specialist for r in ctx.org.regions}):
        regions = [r.id for r in ctx.org.regions_of_specialist(specialist)]
        mine = [i for i in week if i.region_id in regions]
        recipient = prompt_recipient(ctx.org, specialist, day, cover)
        if not mine or recipient is None:
            continue
        hours = working_clock(ctx.tz, ctx.calendar.is_workday, ctx.org.schedule.working_hours)
        reps = [{**t.as_json(), "median_minutes": minutes(median_followup(
            [i for i in mine if (i.assignee_id or None) == t.person_id], hours))} for t in tally_by_rep(mine, run.slot)]
        await dm(uow, ctx, recipient, "digest.weekly_reps", {
            **slot_data(run), **week_data(monday, last), "specialist": specialist,
            "regions": regions, "reps": reps, "total": tally(mine, run.slot).as_json(),
            "forwarding": forwarding_delay([i for i in week if i.specialist_id == specialist], hours).as_json(),
        })
        sent += 1
    return f"{len(week)} inquiries last week, {sent} digests"


def weeks_served(ctx: Context, day: date) -> tuple[date, date]:
    """The Monday-to-Sunday weeks before the nominal Mondays this run stands for: a digest moved past a long
    holiday (two Mondays off) covers both weeks, so no week goes unreported."""
    mondays = [d for d in ctx.calendar.days_served(day) if d.weekday() == 0]
    first, last = (min(mondays), max(mondays)) if mondays else (day - timedelta(days=day.weekday()),) * 2
    return first - timedelta(days=7), last - timedelta(days=1)


def week_data(first: date, last: date) -> dict[str, str]:
    """The days a digest covers, as the templates show them."""
    return {"week_start": first.isoformat(), "week_end": last.isoformat()}
