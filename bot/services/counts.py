"""Count posts at 09:30 (yesterday), 18:30 and 21:45 (today so far), `/inq counts` and `report counts`."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.commands import Command
from bot.errors import InvalidInput
from bot.org.model import Org, Person
from bot.outbound import Outbound, Reply, Target
from bot.rules.counts import CountReport, count_report, report_json
from bot.rules.deadlines import local_day_bounds
from bot.rules.inquiry import Status
from bot.rules.months import parse_day as parse_calendar_day
from bot.services.context import Context
from bot.services.holders import seen_at
from bot.services.jobs import SlotRun, job
from bot.services.views import inquiry_view
from storage.uow import UnitOfWork


async def report_for(uow: UnitOfWork, ctx: Context, day: date, until: datetime | None = None) -> CountReport:
    """The day's counts by who held each inquiry that day (its end, or `until`): a later re-assignment or
    transfer never changes a past day's count."""
    start, end = local_day_bounds(day, ctx.tz)
    cutoff = min(end, until) if until else end
    inquiries = await uow.inquiries.list(forwarded_from=start, forwarded_to=cutoff)
    held_at = min(cutoff, ctx.now()) - timedelta(microseconds=1)
    return count_report(await seen_at(uow, inquiries, lambda _i: held_at), day, ctx.org)


def region_target(org: Org, region_id: str) -> Target:
    """A region's channel, else the intake channel (SPEC section 3)."""
    region = org.region(region_id)
    channel = region.channel if region and region.channel else org.intake
    return Target.to_channel(channel.ids)


def count_posts(org: Org, report: CountReport, run: SlotRun, *, night: bool, workday: bool = True) -> list[Outbound]:
    """The region posts (and at night the managers' reconciliation); on a day off the counts are posted but
    nobody is @-mentioned to follow up: their inquiries are due on the next working day."""
    data = {"day": report.day.isoformat(), "slot": run.slot.isoformat(), "late": run.late, "job": run.job}
    posts = [
        Outbound("counts.region", region_target(org, r.region_id),
                 {**data, "region": report_json(report)["regions"][n],
                  "mentions": list(r.reps_with_open) if workday else []})
        for n, r in enumerate(report.regions)  # every region at every slot: "0" tells a quiet region the bot is up
    ]
    if night:
        for n, d in enumerate(report.departments):
            department = org.department(d.department_id)
            if department is None or not (d.forwarded or d.unacknowledged):
                continue
            posts.append(Outbound("counts.reconciliation", Target.to_person(department.manager),
                                  {**data, "department": report_json(report)["departments"][n],
                                   "actions": [{"id": "counts_match", "value": d.department_id}]}))
    return posts


async def _post(ctx: Context, uow: UnitOfWork, run: SlotRun, day: date, *, night: bool = False) -> str:
    report = await report_for(uow, ctx, day, until=run.slot)
    workday = ctx.calendar.is_workday(ctx.local(run.slot).date())
    for post in count_posts(ctx.org, report, run, night=night, workday=workday):
        await uow.outbox.add(post, ctx.now())
    for reminder in await _region_reminders(uow, ctx.org):
        await uow.outbox.add(reminder, ctx.now())
    return f"{report.total} inquiries on {day.isoformat()}"


async def _region_reminders(uow: UnitOfWork, org: Org) -> list[Outbound]:
    """An inquiry whose region nobody could tell is brought up again at every count until it has one."""
    unrouted = await uow.inquiries.list(statuses=[Status.UNASSIGNED])
    regions = [r.id for r in org.regions]
    return [
        Outbound("intake.pick_region", Target.to_person(i.specialist_id, i.platform),
                 {"inquiry": inquiry_view(i), "regions": regions, "reminder": True,
                  "actions": [{"id": "pick_region", "value": i.id}]}, i.id)
        for i in unrouted
        if i.specialist_id
    ]


@job("counts_morning")
async def counts_morning(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    return await _post(ctx, uow, run, ctx.local(run.slot).date() - timedelta(days=1))


@job("counts_evening")
async def counts_evening(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    return await _post(ctx, uow, run, ctx.local(run.slot).date())


@job("counts_night")
async def counts_night(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    return await _post(ctx, uow, run, ctx.local(run.slot).date(), night=True)


def parse_day(raw: str | None, ctx: Context) -> date:
    if not raw or raw.lower() == "today":
        return ctx.today()
    if raw.lower() == "yesterday":
        return ctx.today() - timedelta(days=1)
    try:
        return parse_calendar_day(raw)
    except ValueError:
        raise InvalidInput("error.bad_date", value=raw) from None


async def counts_command(ctx: Context, actor: Person, cmd: Command) -> Reply:
    day = parse_day(cmd.arg("DATE"), ctx)
    async with ctx.uow() as uow:
        report = await report_for(uow, ctx, day)
    return Reply("counts.reply", {"report": report_json(report)})
