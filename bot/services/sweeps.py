"""Deadline sweeps that propose penalties: P1.4, P4, P6, P7 and the P3 audit draft."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.outbound import Outbound, Target
from bot.rules.deadlines import daily_deals_due, ledger_days_late, ledger_due, local_day_bounds, monthly_deals_due
from bot.rules.inquiry import Inquiry
from bot.rules.months import previous_month
from bot.rules.penalties import (
    PenaltyDraft,
    crm_audit_lapses,
    daily_deal_lapses,
    followup_lapses,
    ledger_lapses,
    legacy_followup_key,
    monthly_deal_lapses,
)
from bot.rules.penalty_facts import crm_window_end
from bot.services.context import Context
from bot.services.jobs import SlotRun, job
from bot.services.penalty_records import penalty_view, record
from storage.uow import UnitOfWork


@job("followup_sweep")
async def followup_sweep(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    """P1.4: inquiries due by this slot and not followed up in time."""
    due = await uow.inquiries.due_by(run.slot)
    drafts = followup_lapses(due, run.slot, ctx.org, ctx.tz)
    recorded = await record(uow, ctx, await _not_recorded_before(uow, drafts), late=run.late)
    return f"{len(recorded)} P1.4 proposed"


async def _not_recorded_before(uow: UnitOfWork, drafts: list[PenaltyDraft]) -> list[PenaltyDraft]:
    """Drop lapses recorded under the old one-per-transfer key for the same due day (before issue 10)."""
    legacy = {legacy_followup_key(d.lapse_key): d for d in drafts}
    old = {(p.lapse_key, p.period) for p in await uow.penalties.for_inquiries([d.inquiry_id or "" for d in drafts])
           if p.lapse_key in legacy}
    return [d for d in drafts if (legacy_followup_key(d.lapse_key), d.period) not in old]


@job("deals_daily_sweep")
async def deals_daily_sweep(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    """P4: departments whose manager sent no daily deal report by 21:00 on a working day."""
    day = ctx.local(run.slot).date()
    deadline = daily_deals_due(day, ctx.tz, ctx.org.schedule)
    reports = await uow.reports.deal_reports("daily", day.isoformat())
    on_time = {d for d, r in reports.items() if r.reported_at <= deadline}
    recorded = await record(uow, ctx, daily_deal_lapses(day, ctx.org, on_time), late=run.late)
    return f"{len(recorded)} P4 proposed"


@job("deals_monthly_sweep")
async def deals_monthly_sweep(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    """P6: won inquiries of the month missing from an on-time monthly report; and last month's deals won
    after its deadline (after the last working day's 15:30), which no on-time report could have held."""
    day = ctx.local(run.slot).date()
    this_month = date(day.year, day.month, 1)
    last_month = date.fromisoformat(f"{previous_month(day)}-01")
    month_start, _ = local_day_bounds(this_month, ctx.tz)
    drafts = [
        *await _unreported_deals(uow, ctx, this_month, None),
        *await _unreported_deals(uow, ctx, last_month, month_start),
    ]
    recorded = await record(uow, ctx, drafts, late=run.late)
    return f"{len(recorded)} P6 records proposed"


async def _unreported_deals(
    uow: UnitOfWork, ctx: Context, first_day: date, until: datetime | None
) -> list[PenaltyDraft]:
    """Deals won in the month from its start (or from its deadline, when `until` closes the month) that the
    department's on-time monthly report did not list."""
    month = first_day.strftime("%Y-%m")
    deadline = monthly_deals_due(first_day.year, first_day.month, ctx.tz, ctx.calendar, ctx.org.schedule)
    start, _ = local_day_bounds(first_day, ctx.tz)
    window = (deadline, until) if until else (start, deadline)
    won = await uow.inquiries.won_between(*window)
    by_department: dict[str, list[Inquiry]] = {}
    for inquiry in won:
        by_department.setdefault(inquiry.department_id or "", []).append(inquiry)
    reports = await uow.reports.deal_reports("monthly", month)
    on_time = {d: set(r.inquiry_ids) for d, r in reports.items() if r.reported_at <= deadline}
    return monthly_deal_lapses(month, ctx.org, by_department, on_time)


@job("ledger_sweep")
async def ledger_sweep(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    """P7: each specialist whose departments' ledger extract of last month is unconfirmed, per day late."""
    today = ctx.local(run.slot).date()
    month = previous_month(today)
    due = ledger_due(today.year, today.month, ctx.tz, ctx.calendar, ctx.org.schedule)
    first_run = await uow.jobs.first_claim()
    if first_run is not None and first_run > due:
        return f"no P7: the bot started after this month's deadline ({due:%Y-%m-%d %H:%M})"
    confirmed = await uow.reports.ledger_confirmations(month)
    drafts = []
    for specialist in sorted({r.specialist for r in ctx.org.regions}):
        departments = {r.department for r in ctx.org.regions if r.specialist == specialist}
        times = [confirmed.get(d) for d in departments]
        last = None if any(t is None for t in times) else max(t for t in times if t is not None)
        # the sweep stands just after its deadline: at 17:30:00 itself an unconfirmed extract is already late
        after = run.slot + timedelta(seconds=1)
        late = ledger_days_late(today.year, today.month, last, after, ctx.tz, ctx.calendar, ctx.org.schedule)
        drafts.extend(ledger_lapses(month, specialist, late, ctx.org.penalties.p7))
    recorded = await record(uow, ctx, drafts, late=run.late)
    return f"{len(recorded)} P7 proposed (due {due:%Y-%m-%d %H:%M})"


@job("crm_audit")
async def crm_audit(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    """P3: the monthly audit draft of won inquiries with no CRM confirmation, for the specialist to approve.
    Only deals whose rep's one-week CRM window is over; one still inside it waits for next month's audit."""
    today = ctx.local(run.slot).date()
    month = previous_month(today)
    earliest = previous_month(date.fromisoformat(f"{month}-01"))  # a deal last audit found inside its window
    start, _ = local_day_bounds(date.fromisoformat(f"{earliest}-01"), ctx.tz)
    end, _ = local_day_bounds(today.replace(day=1), ctx.tz)
    missing = [i for i in await uow.inquiries.won_between(start, end) if i.crm_confirmed_at is None
               and crm_window_end(i.assigned_at or i.forwarded_at, ctx.tz) <= run.slot]
    audited = {p.inquiry_id for p in await uow.penalties.for_inquiries([i.id for i in missing]) if p.rule == "P3"}
    missing = [i for i in missing if i.id not in audited]  # one P3 per inquiry, however it was entered
    drafts = [d for i in missing for d in crm_audit_lapses([i], ctx.local(i.won_at or run.slot).strftime("%Y-%m"))]
    recorded = await record(uow, ctx, drafts, late=run.late)
    for specialist in sorted({r.specialist for r in ctx.org.regions}):
        mine = [penalty_view(p) for p in recorded
                if (inq := next((i for i in missing if i.id == p.inquiry_id), None))
                and (region := ctx.org.region(inq.region_id or "")) and region.specialist == specialist]
        if mine:
            await uow.outbox.add(Outbound("crm_audit.draft", Target.to_person(specialist),
                                          {"month": month, "penalties": mine, "late": run.late}), ctx.now())
    return f"{len(recorded)} P3 drafted"

