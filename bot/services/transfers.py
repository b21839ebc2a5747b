"""P8 transfers: `/inq transfer ID DEPARTMENT [PERSON]` and the daily check that warns and suggests a target."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.commands import Command
from bot.errors import InvalidInput, NotFound
from bot.org.model import Org, Person, Role
from bot.outbound import Outbound, Reply, Target
from bot.rules import transfers
from bot.rules.assignment import Availability
from bot.rules.cover import prompt_recipient
from bot.rules.deadlines import TRANSFER_WARNING_DAY, followup_due, local_day_bounds, transfer_due_at
from bot.rules.inquiry import HistoryEvent, Inquiry
from bot.rules.permissions import Action, refusal
from bot.rules.slots import next_slot
from bot.services.actions import covering, load, refuse
from bot.services.assigning import availability, pick_assignee
from bot.services.context import Context
from bot.services.jobs import SlotRun, job
from bot.services.notices import assigned_notices
from bot.services.reminders import dm, slot_data
from bot.services.views import inquiry_view, iso
from storage.repositories.inquiries import SWEEP_WINDOW
from storage.uow import UnitOfWork

TRANSFER_LOOKBACK = timedelta(days=32) + SWEEP_WINDOW  # a month after forwarding, plus a week of downtime


def specialist_of(org: Org, inquiry: Inquiry) -> str | None:
    """The specialist of the inquiry's region, else whoever forwarded it."""
    region = org.region(inquiry.region_id) if inquiry.region_id else None
    return region.specialist if region else inquiry.specialist_id


def _target_rep(org: Org, department_id: str, raw: str | None) -> str | None:
    """The rep named in the command, checked against the target department; None lets the strategy pick."""
    if org.department(department_id) is None:
        raise NotFound("error.unknown_department", department=department_id,
                       choices=", ".join(d.id for d in org.departments))
    if not raw:
        return None
    person = org.person(raw.lower())
    if person is None or not person.has(Role.REP):
        raise NotFound("error.unknown_rep", person=raw.lower())
    if not person.active:
        raise InvalidInput("error.person_inactive", person=person.id)
    if person.department != department_id:
        raise InvalidInput("error.rep_not_in_department", person=person.id, department=department_id)
    return person.id


async def _may_transfer(uow: UnitOfWork, ctx: Context, actor: Person, inquiry: Inquiry) -> str | None:
    """Specialists of the region and admins; also whoever covers the region's specialist while they are away."""
    return refusal(ctx.org, actor, inquiry, Action.TRANSFER, await covering(uow, ctx, actor))


async def transfer_command(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """Move an inquiry to another department's rep; the new rep's follow-up clock restarts now."""
    department_id = (cmd.arg("DEPARTMENT") or "").lower()
    named = _target_rep(ctx.org, department_id, cmd.arg("PERSON"))
    async with ctx.uow() as uow:
        inquiry = await load(uow, cmd.arg("ID"))
        reason = await _may_transfer(uow, ctx, actor, inquiry)
        if reason is not None:
            await refuse(uow, ctx, actor, inquiry, Action.TRANSFER.value, reason)
        now = ctx.now()
        if inquiry.department_id == department_id:
            raise InvalidInput("error.same_department", id=inquiry.id, department=department_id)
        rep = named or await pick_assignee(uow, ctx, department_id, now)
        if rep is None:
            raise InvalidInput("error.no_rep_available", department=department_id)
        due = followup_due(now, ctx.tz, ctx.calendar, ctx.org.schedule)
        updated, event = transfers.transfer(inquiry, actor.id, department_id, rep, now, due)
        await uow.inquiries.save(updated)
        await uow.inquiries.append_event(updated.id, event)
        for notice in _transfer_notices(ctx.org, inquiry, updated, actor.id):
            await uow.outbox.add(notice, now)
        await uow.commit()
    return Reply("inquiry.transferred", {"inquiry": inquiry_view(updated), "previous": inquiry.assignee_id,
                                         "previous_department": inquiry.department_id})


def _transfer_notices(org: Org, before: Inquiry, after: Inquiry, by: str) -> list[Outbound]:
    """The new rep (with buttons) and the old rep, as for any re-assignment, plus the new department's manager."""
    notices = assigned_notices(after, previous=before.assignee_id)
    department = org.department(after.department_id or "")
    if department is not None:
        notices.append(Outbound(
            "inquiry.transferred_notice", Target.to_person(department.manager, after.platform),
            {"inquiry": inquiry_view(after), "previous_department": before.department_id, "by": by}, after.id,
        ))
    return notices


@job("transfer_check")
async def transfer_check(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    """P8: one warning on day 25, one suggestion once the month is up; each at most once per inquiry."""
    day = ctx.local(run.slot).date()
    newest, _ = local_day_bounds(day - timedelta(days=TRANSFER_WARNING_DAY - 1), ctx.tz)
    candidates = await uow.inquiries.open_never_transferred(run.slot - TRANSFER_LOOKBACK, newest)
    staged = [(i, stage) for i in candidates if (stage := transfers.p8_stage(i, run.slot, ctx.tz))]
    seen = await uow.inquiries.event_kinds([i.id for i, _ in staged],
                                           (transfers.WARNING_EVENT, transfers.SUGGESTED_EVENT))
    cover = await availability(uow, ctx)
    loads = await uow.inquiries.open_counts([p.id for p in ctx.org.people if p.has(Role.REP)])
    warned = suggested = 0
    for inquiry, stage in staged:
        done = seen.get(inquiry.id, set())
        if transfers.SUGGESTED_EVENT in done:
            continue
        if stage == "due":
            await _suggest(ctx, uow, run, inquiry, day, cover, loads)
            suggested += 1
        elif transfers.WARNING_EVENT not in done:
            await _warn(ctx, uow, run, inquiry, day, cover)
            warned += 1
    return f"{warned} P8 warnings, {suggested} transfers suggested"


def suggestion_at(ctx: Context, inquiry: Inquiry) -> datetime:
    """When the suggestion will really come: the first transfer check at or after the month is up."""
    due = transfer_due_at(inquiry.forwarded_at, ctx.tz)
    check = next_slot("transfer_check", due - timedelta(microseconds=1), ctx.tz, ctx.org.schedule, ctx.calendar)
    return check or due


async def _warn(ctx: Context, uow: UnitOfWork, run: SlotRun, inquiry: Inquiry, day: date, cover: Availability) -> None:
    """Day 25: the rep, the department's manager and the specialist hear when the suggestion will come (the
    time the transfer check will make it); the history keeps that they were told."""
    due = iso(suggestion_at(ctx, inquiry))
    department = ctx.org.department(inquiry.department_id or "")
    people = [inquiry.assignee_id, department.manager if department else None, specialist_of(ctx.org, inquiry)]
    recipients = dict.fromkeys(r for p in people if p and (r := prompt_recipient(ctx.org, p, day, cover)))
    for person in recipients:
        await dm(uow, ctx, person, "transfer.warning",
                 {**slot_data(run), "inquiry": inquiry_view(inquiry), "transfer_due_at": due})
    await uow.inquiries.append_event(inquiry.id, HistoryEvent(ctx.now(), transfers.WARNING_EVENT, None,
                                                              {"transfer_due_at": due}))


async def _suggest(
    ctx: Context, uow: UnitOfWork, run: SlotRun, inquiry: Inquiry, day: date, cover: Availability,
    loads: dict[str, int],
) -> None:
    """DM the specialist the exact command; the suggested rep's load grows so one run spreads its suggestions."""
    target = transfers.suggest_target(ctx.org, inquiry.department_id, day, cover, loads)
    command = f"/inq transfer {inquiry.id} {target.department_id} {target.person_id}" if target else None
    if target is not None:
        loads[target.person_id] = loads.get(target.person_id, 0) + 1
    specialist = specialist_of(ctx.org, inquiry)
    recipient = prompt_recipient(ctx.org, specialist, day, cover) if specialist else None
    if recipient is not None:
        await dm(uow, ctx, recipient, "transfer.suggestion", {
            **slot_data(run), "specialist": specialist, "inquiry": inquiry_view(inquiry), "command": command,
            "department": target.department_id if target else None, "person": target.person_id if target else None,
        })
    await uow.inquiries.append_event(inquiry.id, HistoryEvent(ctx.now(), transfers.SUGGESTED_EVENT, None, {
        "department": target.department_id if target else None, "to": target.person_id if target else None,
    }))
