"""Prompts before deadlines: follow-ups due tonight (P1.4), deal reports (P4, P6), CRM entry (P3), ledger (P7).

Every prompt goes to the person, or to their delegate while they are away, and only to people with something
left to do: a rep with nothing due, or a manager whose report is in, hears nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from bot.outbound import Outbound, Target
from bot.rules.assignment import Availability
from bot.rules.cover import prompt_recipient
from bot.rules.deadlines import (
    crm_reminder_times,
    daily_deals_due,
    ledger_due,
    local_day_bounds,
    monthly_deals_due,
)
from bot.rules.inquiry import Inquiry, Status
from bot.rules.months import previous_month
from bot.services.assigning import availability
from bot.services.context import Context
from bot.services.jobs import SlotRun, job
from bot.services.views import inquiry_view, iso
from storage.uow import UnitOfWork

CRM_FORWARD_LOOKBACK = timedelta(days=31)  # an inquiry left unrouted longer than this is P8's business


def slot_data(run: SlotRun) -> dict[str, Any]:
    """What every scheduled post carries, so a late run can say it is late."""
    return {"slot": run.slot.isoformat(), "late": run.late, "job": run.job}


async def dm(uow: UnitOfWork, ctx: Context, person_id: str, key: str, data: dict[str, Any]) -> None:
    """A scheduled prompt to one person; `recipient` lets the text say when a delegate reads it."""
    await uow.outbox.add(Outbound(key, Target.to_person(person_id), {**data, "recipient": person_id}), ctx.now())


def by_recipient(
    ctx: Context, inquiries: Iterable[Inquiry], day: date, cover: Availability
) -> dict[str, list[Inquiry]]:
    """Inquiries grouped by whom their rep's prompt reaches today (the rep, or the delegate)."""
    grouped: dict[str, list[Inquiry]] = {}
    for inquiry in inquiries:
        recipient = prompt_recipient(ctx.org, inquiry.assignee_id or "", day, cover)
        if recipient is not None:
            grouped.setdefault(recipient, []).append(inquiry)
    return grouped


def deal_actions(none: str, pick: str, department: str, listed: list[dict[str, Any]]) -> list[dict[str, str]]:
    """A deal prompt's buttons: "no deals", and a picker of the listed inquiries when there are any."""
    buttons = [{"id": none, "value": department}]
    return [*buttons, {"id": pick, "value": department}] if listed else buttons


@job("followup_reminders")
async def followup_reminders(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    """P1.4: each rep hears which of their inquiries are still due tonight."""
    day = ctx.local(run.slot).date()
    start, end = local_day_bounds(day, ctx.tz)
    due = await uow.inquiries.due_unfollowed(start, end)
    grouped = by_recipient(ctx, due, day, await availability(uow, ctx))
    for person, items in grouped.items():
        await dm(uow, ctx, person, "reminder.followup",
                 {**slot_data(run), "inquiries": [inquiry_view(i) for i in items]})
    return f"{len(due)} inquiries due tonight, {len(grouped)} people reminded"


@job("deals_daily_prompt")
async def deals_daily_prompt(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    """P4: managers who have not sent today's deal report are asked for it, with today's inquiries to pick."""
    day = ctx.local(run.slot).date()
    start, end = local_day_bounds(day, ctx.tz)
    forwarded = await uow.inquiries.list(forwarded_from=start, forwarded_to=end)
    prompt = DealPrompt("reminder.deals_daily", "daily", day.isoformat(), "deals_none", "deals_pick",
                        iso(daily_deals_due(day, ctx.tz, ctx.org.schedule)), {"day": day.isoformat()})
    prompted = await ask_managers(uow, ctx, run, prompt, [i for i in forwarded if i.status is not Status.GREY])
    return f"{prompted} managers asked for today's deals"


@job("crm_reminders")
async def crm_reminders(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    """P3: on days 5 and 7 after assignment, reps are reminded of inquiries not yet entered in CRM."""
    day = ctx.local(run.slot).date()
    served = set(ctx.calendar.days_served(day)) or {day}  # day 5 or 7 on a weekend is reminded on Monday
    start, _ = local_day_bounds(min(served) - timedelta(days=7), ctx.tz)
    end, _ = local_day_bounds(day - timedelta(days=4), ctx.tz)
    found = await uow.inquiries.assigned_without_crm(start, end, start - CRM_FORWARD_LOOKBACK)
    due = [i for i in found if i.assigned_at and any(
        t.date() in served for t in crm_reminder_times(i.assigned_at, ctx.tz))]
    grouped = by_recipient(ctx, due, day, await availability(uow, ctx))
    for person, items in grouped.items():
        entries = [{"inquiry": inquiry_view(i), "day": (day - ctx.local(i.assigned_at).date()).days}
                   for i in items if i.assigned_at]
        await dm(uow, ctx, person, "reminder.crm", {**slot_data(run), "items": entries})
    return f"{len(due)} CRM reminders to {len(grouped)} people"


@job("deals_monthly_prompt")
async def deals_monthly_prompt(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    """P6: managers without this month's report see the month's won inquiries (agent deals included)."""
    day = ctx.local(run.slot).date()
    month = day.strftime("%Y-%m")
    start, _ = local_day_bounds(day.replace(day=1), ctx.tz)
    due = iso(monthly_deals_due(day.year, day.month, ctx.tz, ctx.calendar, ctx.org.schedule))
    prompt = DealPrompt("reminder.deals_monthly", "monthly", month, "deals_month_none", "deals_month_pick", due,
                        {"month": month})
    prompted = await ask_managers(uow, ctx, run, prompt, await uow.inquiries.won_between(start, run.slot))
    return f"{prompted} managers asked for the month's deals"


@dataclass(frozen=True)
class DealPrompt:
    """The daily or monthly deal prompt: its template, report period, buttons and deadline."""

    key: str
    kind: str
    period: str
    none_button: str
    pick_button: str
    due_at: str | None
    data: dict[str, Any]


async def ask_managers(uow: UnitOfWork, ctx: Context, run: SlotRun, prompt: DealPrompt,
                       inquiries: list[Inquiry]) -> int:
    """Each manager (or their cover) without the period's report gets the prompt with their department's list."""
    day = ctx.local(run.slot).date()
    reported = await uow.reports.deal_reports(prompt.kind, prompt.period)
    cover = await availability(uow, ctx)
    prompted = 0
    for department in ctx.org.departments:
        recipient = prompt_recipient(ctx.org, department.manager, day, cover)
        if department.id in reported or recipient is None:
            continue
        mine = [inquiry_view(i) for i in inquiries if i.department_id == department.id]
        await dm(uow, ctx, recipient, prompt.key, {
            **slot_data(run), **prompt.data, "department": department.id, "manager": department.manager,
            "due_at": prompt.due_at, "inquiries": mine,
            "actions": deal_actions(prompt.none_button, prompt.pick_button, department.id, mine),
        })
        prompted += 1
    return prompted


@job("ledger_reminders")
async def ledger_reminders(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    """P7: specialists whose departments' ledger extract of last month is unconfirmed are reminded."""
    day = ctx.local(run.slot).date()
    month = previous_month(day)
    confirmed = await uow.reports.ledger_confirmations(month)
    cover = await availability(uow, ctx)
    due = iso(ledger_due(day.year, day.month, ctx.tz, ctx.calendar, ctx.org.schedule))
    reminded = 0
    for specialist in sorted({r.specialist for r in ctx.org.regions}):
        pending = sorted({r.department for r in ctx.org.regions_of_specialist(specialist)} - set(confirmed))
        recipient = prompt_recipient(ctx.org, specialist, day, cover)
        if not pending or recipient is None:
            continue
        await dm(uow, ctx, recipient, "reminder.ledger", {
            **slot_data(run), "month": month, "specialist": specialist, "departments": pending, "due_at": due,
            "actions": [{"id": "ledger_sent", "value": month}],
        })
        reminded += 1
    return f"{reminded} specialists reminded of the {month} ledger"
