"""Commands that change one inquiry: ack, followup, crm, agent, won, lost, grey, assign, region, exception."""

from __future__ import annotations

import math
from datetime import datetime
from functools import partial

from bot.commands import Command
from bot.errors import InvalidInput, NotFound
from bot.org.model import Person, Role
from bot.outbound import Outbound, Reply, Target
from bot.rules import lifecycle
from bot.rules.assignment import Availability
from bot.rules.deadlines import followup_due
from bot.rules.inquiry import Inquiry
from bot.rules.lifecycle import Change
from bot.rules.permissions import Action, is_specialist_or_admin, refusal
from bot.services.actions import act, covering, load, refuse
from bot.services.assigning import pick_assignee
from bot.services.context import Context
from bot.services.grey_penalties import settle_after_grey
from bot.services.notices import assigned_notices, to_specialist
from bot.services.views import inquiry_view


async def ack(ctx: Context, actor: Person, cmd: Command) -> Reply:
    return await act(ctx, actor, cmd.arg("ID"), Action.ACK, partial(_ack, actor.id), reply_key="inquiry.acknowledged")


def _ack(actor: str, inquiry: Inquiry, now: datetime) -> Change:
    return lifecycle.acknowledge(inquiry, actor, now)


async def followup(ctx: Context, actor: Person, cmd: Command) -> Reply:
    method, note = cmd.arg("METHOD") or "", cmd.arg("NOTE") or ""

    def apply(inquiry: Inquiry, now: datetime) -> Change:
        return lifecycle.follow_up(inquiry, actor.id, method, note, now)

    def notify(_before: Inquiry, after: Inquiry) -> list[Outbound]:
        return to_specialist("inquiry.followed_up_notice", after, method=method, note=note, by=actor.id)

    return await act(ctx, actor, cmd.arg("ID"), Action.FOLLOWUP, apply, notify, "inquiry.followed_up")


async def crm(ctx: Context, actor: Person, cmd: Command) -> Reply:
    crm_id = cmd.arg("CRM-ID") or ""
    return await act(ctx, actor, cmd.arg("ID"), Action.CRM,
                     lambda i, now: lifecycle.record_crm(i, actor.id, crm_id, now), reply_key="inquiry.crm_recorded")


async def agent(ctx: Context, actor: Person, cmd: Command) -> Reply:
    name = cmd.arg("NAME") or ""
    return await act(ctx, actor, cmd.arg("ID"), Action.AGENT,
                     lambda i, now: lifecycle.hand_to_agent(i, actor.id, name, now), reply_key="inquiry.agent_recorded")


async def won(ctx: Context, actor: Person, cmd: Command) -> Reply:
    amount = cmd.arg("AMOUNT")
    if amount is not None and not _is_amount(amount):
        raise InvalidInput("error.bad_amount", value=amount)

    def notify(_before: Inquiry, after: Inquiry) -> list[Outbound]:
        return to_specialist("inquiry.won_notice", after, by=actor.id)

    return await act(ctx, actor, cmd.arg("ID"), Action.WON,
                     lambda i, now: lifecycle.mark_won(i, actor.id, amount, now), notify, "inquiry.won")


def _is_amount(raw: str) -> bool:
    if len(raw) > 16 or not all(c.isdigit() or c in ",." for c in raw):
        return False
    try:
        value = float(raw.replace(",", ""))
    except ValueError:
        return False
    return math.isfinite(value) and 0 <= value < 1e12


async def lost(ctx: Context, actor: Person, cmd: Command) -> Reply:
    reason = cmd.arg("REASON") or ""

    def notify(_before: Inquiry, after: Inquiry) -> list[Outbound]:
        return to_specialist("inquiry.lost_notice", after, by=actor.id, reason=reason)

    return await act(ctx, actor, cmd.arg("ID"), Action.LOST,
                     lambda i, now: lifecycle.mark_lost(i, actor.id, reason, now), notify, "inquiry.lost")


async def grey(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """A rep or manager proposes grey; the specialist of the region (or an admin) confirms it."""
    reason = cmd.arg("REASON")
    async with ctx.uow() as uow:
        inquiry = await load(uow, cmd.arg("ID"))
        covered = await covering(uow, ctx, actor)
    if refusal(ctx.org, actor, inquiry, Action.GREY_CONFIRM, covered) is None:  # the specialist (or cover)
        return await act(ctx, actor, inquiry.id, Action.GREY_CONFIRM,
                         lambda i, now: lifecycle.confirm_grey(i, actor.id, reason, now),
                         _grey_confirmed_notices, "inquiry.grey_confirmed",
                         after=lambda uow, after: settle_after_grey(uow, ctx, actor.id, after))
    if not reason:
        raise InvalidInput("error.usage", usage="grey ID REASON")

    def notify(_before: Inquiry, after: Inquiry) -> list[Outbound]:
        return to_specialist("inquiry.grey_proposed_notice", after, by=actor.id,
                             actions=[{"id": "grey_confirm", "value": after.id},
                                      {"id": "grey_reject", "value": after.id}])

    return await act(ctx, actor, inquiry.id, Action.GREY_PROPOSE,
                     lambda i, now: lifecycle.propose_grey(i, actor.id, reason, now), notify, "inquiry.grey_proposed")


async def grey_reject(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """`grey reject ID [REASON]`: the specialist keeps the inquiry valid; its paused P1.4 clock resumes."""
    reason = cmd.arg("REASON")

    def apply(inquiry: Inquiry, now: datetime) -> Change:
        resumed = followup_due(now, ctx.tz, ctx.calendar, ctx.org.schedule)
        return lifecycle.reject_grey(inquiry, actor.id, reason, now, resumed)

    def notify(_before: Inquiry, after: Inquiry) -> list[Outbound]:
        if after.assignee_id is None:
            return []
        return [Outbound("inquiry.grey_rejected_notice", Target.to_person(after.assignee_id, after.platform),
                         {"inquiry": inquiry_view(after), "reason": reason, "by": actor.id}, after.id)]

    return await act(ctx, actor, cmd.arg("ID"), Action.GREY_CONFIRM, apply, notify, "inquiry.grey_rejected")


def _grey_confirmed_notices(_before: Inquiry, after: Inquiry) -> list[Outbound]:
    if after.assignee_id is None:
        return []
    return [Outbound("inquiry.grey_confirmed_notice", Target.to_person(after.assignee_id, after.platform),
                     {"inquiry": inquiry_view(after)}, after.id)]


def first_due(ctx: Context, inquiry: Inquiry, now: datetime) -> datetime:
    """The due time for whoever gets the inquiry now: counted from now when it changes hands or gets its first
    rep only now (routed late), so nobody pays for time they did not hold it; else the one it has."""
    if inquiry.assignee_id is None and inquiry.due_at is not None:
        return inquiry.due_at
    return followup_due(now, ctx.tz, ctx.calendar, ctx.org.schedule)


async def assign(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """Give an inquiry to another rep of its department (another department is a `transfer`)."""
    person_id = (cmd.arg("PERSON") or "").lower()
    target = ctx.org.person(person_id)
    if target is None or not target.has(Role.REP):
        raise NotFound("error.unknown_rep", person=person_id)
    if not target.active:
        raise InvalidInput("error.person_inactive", person=person_id)
    async with ctx.uow() as uow:
        away = Availability(await uow.away.periods()).away(target, ctx.today())
    if away is not None:
        raise InvalidInput("error.person_away", person=target.id, until=away.end.isoformat(),
                           delegate=away.delegate or "")

    def apply(inquiry: Inquiry, now: datetime) -> Change:
        if inquiry.department_id is not None and target.department != inquiry.department_id:
            raise InvalidInput("error.rep_not_in_department", person=target.id, department=inquiry.department_id)
        return lifecycle.assign(inquiry, actor.id, target.id, now, first_due(ctx, inquiry, now))

    def notify(before: Inquiry, after: Inquiry) -> list[Outbound]:
        return assigned_notices(after, previous=before.assignee_id)

    return await act(ctx, actor, cmd.arg("ID"), Action.ASSIGN, apply, notify, "inquiry.assigned_reply")


async def region(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """Move an inquiry to another region; it follows the region's department and gets a rep there."""
    region_id = (cmd.arg("REGION") or "").lower()
    new_region = ctx.org.region(region_id)
    if new_region is None:
        raise NotFound("error.unknown_region", region=region_id,
                       choices=", ".join(r.id for r in ctx.org.regions))
    async with ctx.uow() as uow:
        inquiry = await load(uow, cmd.arg("ID"))
        reason = refusal(ctx.org, actor, inquiry, Action.REGION, await covering(uow, ctx, actor))
        if reason is not None:
            await refuse(uow, ctx, actor, inquiry, Action.REGION.value, reason)
        now = ctx.now()
        updated, event = lifecycle.set_region(inquiry, actor.id, new_region.id, new_region.department, now)
        events = [event]
        if inquiry.department_id != new_region.department or inquiry.assignee_id is None:
            rep = await pick_assignee(uow, ctx, new_region.department, now)
            if rep is not None:
                updated, assigned = lifecycle.assign(updated, actor.id, rep, now, first_due(ctx, inquiry, now))
                events.append(assigned)
        await uow.inquiries.save(updated)
        for e in events:
            await uow.inquiries.append_event(updated.id, e)
        if updated.assignee_id != inquiry.assignee_id:
            for notice in assigned_notices(updated, previous=inquiry.assignee_id):
                await uow.outbox.add(notice, now)
        await uow.commit()
    return Reply("inquiry.region_changed", {"inquiry": inquiry_view(updated)})


async def exception(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """P1.3: a rep requests permission to use a private mailbox; the specialist's same command approves it."""
    if is_specialist_or_admin(actor):
        return await act(ctx, actor, cmd.arg("ID"), Action.EXCEPTION_APPROVE,
                         lambda i, now: lifecycle.approve_exception(i, actor.id, now),
                         _exception_approved_notices, "inquiry.exception_approved")

    def notify(_before: Inquiry, after: Inquiry) -> list[Outbound]:
        return to_specialist("inquiry.exception_requested_notice", after, by=actor.id,
                             actions=[{"id": "exception_approve", "value": after.id}])

    return await act(ctx, actor, cmd.arg("ID"), Action.EXCEPTION_REQUEST,
                     lambda i, now: lifecycle.request_exception(i, actor.id, now), notify,
                     "inquiry.exception_requested")


def _exception_approved_notices(_before: Inquiry, after: Inquiry) -> list[Outbound]:
    if after.assignee_id is None:
        return []
    return [Outbound("inquiry.exception_approved_notice", Target.to_person(after.assignee_id, after.platform),
                     {"inquiry": inquiry_view(after)}, after.id)]


