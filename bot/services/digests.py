"""Weekly digests: per rep for the specialist's P5 check (Monday), per department for the manager (Friday)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from bot.rules.cover import prompt_recipient
from bot.rules.deadlines import local_day_bounds
from bot.rules.digests import followup_state, forwarding_delay, median_followup, minutes, tally, tally_by_rep
from bot.rules.inquiry import Inquiry
from bot.rules.working_time import working_clock
from bot.services.assigning import availability
from bot.services.context import Context
from bot.services.jobs import SlotRun, job
from bot.services.reminders import dm, slot_data
from bot.services.views import inquiry_view
from storage.uow import UnitOfWork


@job("weekly_rep_digest")
async def weekly_rep_digest(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    """P5: each specialist sees last week's inquiries of their regions per rep: on time, late, missed, grey."""
    day = ctx.local(run.slot).date()
    monday = day - timedelta(days=day.weekday() + 7)
    start, _ = local_day_bounds(monday, ctx.tz)
    end, _ = local_day_bounds(monday + timedelta(days=7), ctx.tz)
    week = await uow.inquiries.list(forwarded_from=start, forwarded_to=end)
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
            **slot_data(run), **_week(monday, monday + timedelta(days=6)), "specialist": specialist,
            "regions": regions, "reps": reps, "total": tally(mine, run.slot).as_json(),
            "forwarding": forwarding_delay([i for i in week if i.specialist_id == specialist], hours).as_json(),
        })
        sent += 1
    return f"{len(week)} inquiries last week, {sent} digests"


@job("weekly_manager_table")
async def weekly_manager_table(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    """Policy 1.5/1.6: each manager gets this week's follow-up table, direct and agent inquiries apart."""
    day = ctx.local(run.slot).date()
    monday = day - timedelta(days=day.weekday())
    start, _ = local_day_bounds(monday, ctx.tz)
    week = await uow.inquiries.list(forwarded_from=start, forwarded_to=run.slot)
    cover = await availability(uow, ctx)
    sent = 0
    for department in ctx.org.departments:
        mine = [i for i in week if i.department_id == department.id]
        recipient = prompt_recipient(ctx.org, department.manager, day, cover)
        if not mine or recipient is None:
            continue
        direct = [i for i in mine if not i.agent_name]
        agent = [i for i in mine if i.agent_name]
        await dm(uow, ctx, recipient, "digest.weekly_manager", {
            **slot_data(run), **_week(monday, day), "department": department.id, "manager": department.manager,
            "direct": _rows(direct, run), "agent": _rows(agent, run),
            "direct_total": tally(direct, run.slot).as_json(), "agent_total": tally(agent, run.slot).as_json(),
        })
        sent += 1
    return f"{len(week)} inquiries this week, {sent} tables"


def _week(first: date, last: date) -> dict[str, str]:
    """The days a digest covers, as the templates show them."""
    return {"week_start": first.isoformat(), "week_end": last.isoformat()}


def _rows(inquiries: list[Inquiry], run: SlotRun) -> list[dict[str, Any]]:
    """One table row per inquiry: what it is and how its follow-up stands at the slot."""
    return [{"inquiry": inquiry_view(i), "state": followup_state(i, run.slot)} for i in inquiries]
