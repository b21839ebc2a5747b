"""Intake: a forwarded or pasted message becomes a routed, assigned inquiry (SPEC 4.1-4.3)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from bot import metrics
from bot.org.model import Person, Role
from bot.outbound import Outbound, Reply, Target
from bot.rules import lifecycle
from bot.rules.deadlines import followup_due
from bot.rules.ids import inquiry_id, inquiry_seq
from bot.rules.inquiry import Customer, HistoryEvent, Holder, Inquiry, Status
from bot.rules.intake import ParsedInquiry
from bot.rules.own_side import own_side_of
from bot.rules.routing import RegionDecision, decide_region
from bot.rules.signal import has_signal
from bot.services.assigning import pick_assignee
from bot.services.context import Context
from bot.services.notices import assigned_notices
from bot.services.views import inquiry_view
from storage.errors import AlreadyStored
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

DUPLICATE_WINDOW = timedelta(days=90)
UNSURE_SPACE = "intake"  # conversation space of texts held until the specialist says whether they are inquiries
UNSURE_KEPT = timedelta(days=7)


def unsure_key(token: str) -> str:
    return f"unsure:{token}"


@dataclass(frozen=True)
class IntakeMessage:
    """A message in the intake channel, as a platform handler saw it."""

    platform: str
    sender: Person
    text: str
    forwarded_at: datetime
    received_at: datetime | None = None
    message_key: str | None = None  # "<platform>:<chat>:<message id>": the same message never makes two inquiries
    delivery_key: str | None = None  # "<platform>-event:<id>": the same delivery is ignored
    reply_to: dict[str, Any] = field(default_factory=dict)  # where the intake reply goes (thread / reply)
    confirmed: bool = False  # the specialist said it is an inquiry (`/inq new`, or "Log it" on the question)


@dataclass(frozen=True)
class IntakeResult:
    inquiry: Inquiry | None
    created: bool
    reply: Reply | None = None


async def ingest(message: IntakeMessage, *, ctx: Context) -> IntakeResult:
    """Create the inquiry, assign it and queue its notices, all in one transaction; idempotent per message."""
    if not message.sender.has(Role.SPECIALIST) and not message.sender.has(Role.ADMIN):
        return IntakeResult(None, created=False)
    parsed = await ctx.parse(message.text, own_side_of(ctx.org))
    try:
        async with ctx.uow() as uow:
            await uow.intake_turn()
            if message.delivery_key and not await uow.events.claim(message.delivery_key, ctx.now()):
                return IntakeResult(None, created=False)
            if not message.confirmed and not has_signal(parsed):
                await _ask_if_inquiry(message, uow, ctx)
                await uow.commit()
                return IntakeResult(None, created=False)
            # No look-up by message key first: the unique key on the inquiry refuses a second one (below).
            inquiry = await _create(message, parsed, uow, ctx)
            await uow.commit()
    except AlreadyStored:
        existing = await _already_logged(message, ctx)
        if existing is None:
            raise
        return IntakeResult(existing, created=False)
    metrics.inquiry_ingested(message.platform)
    log.info("inquiry %s created (%s, region %s)", inquiry.id, message.platform, inquiry.region_id)
    return IntakeResult(inquiry, created=True, reply=Reply("intake.created", {"inquiry": inquiry_view(inquiry)}))


async def _already_logged(message: IntakeMessage, ctx: Context) -> Inquiry | None:
    """The inquiry a message already made (its key is taken); the delivery is claimed as handled."""
    if message.message_key is None:
        return None
    async with ctx.uow() as uow:
        existing = await uow.inquiries.by_message_key(message.message_key)
        if existing is None:
            return None
        if message.delivery_key:
            await uow.events.claim(message.delivery_key, ctx.now())
        await uow.commit()
    return existing


async def _ask_if_inquiry(message: IntakeMessage, uow: UnitOfWork, ctx: Context) -> None:
    """Hold a text with no usable signal and ask the specialist, in its thread, whether to log it."""
    token = str(await uow.sequences.next("unsure", 0))
    held = {"text": message.text, "platform": message.platform, "forwarded_at": message.forwarded_at.isoformat(),
            "received_at": message.received_at.isoformat() if message.received_at else None,
            "message_key": message.message_key, "reply_to": message.reply_to}
    await uow.conversations.put(UNSURE_SPACE, message.sender.id, unsure_key(token), held, ctx.now() + UNSURE_KEPT)
    target = Target.reply(message.platform, message.reply_to)
    await uow.outbox.add(Outbound("intake.unsure", target, {
        "specialist": message.sender.id, "excerpt": message.text[:80], "token": token,
        "actions": [{"id": "intake_log", "value": token}, {"id": "intake_drop", "value": token}],
    }), ctx.now())


async def _create(message: IntakeMessage, parsed: ParsedInquiry, uow: UnitOfWork, ctx: Context) -> Inquiry:
    decision = decide_region(parsed, ctx.org, message.sender.id)
    year = ctx.local(message.forwarded_at).year
    region = ctx.org.region(decision.region_id) if decision.region_id else None
    # The number is taken last, just before the insert: its row lock orders concurrent intakes until commit, so
    # the reads before it (duplicates, pointer, leave) are not done while other intakes wait.
    draft = _draft(message, parsed, decision, "", region.department if region else None)
    duplicate = await uow.inquiries.find_duplicate(
        draft.customer.email, draft.customer.phone, message.forwarded_at - DUPLICATE_WINDOW
    )
    events = [_received_event(message, parsed, decision)]
    inquiry = draft
    if duplicate is not None:
        # Routing decides the region; the link never moves an inquiry across regions.
        inquiry = replace(inquiry, duplicate_of=duplicate.id)
        events.append(HistoryEvent(ctx.now(), "duplicate_linked", None, {"of": duplicate.id}))
    assignee = _earlier_rep(duplicate, inquiry.department_id, ctx)
    if assignee is None and inquiry.department_id is not None:
        assignee = await pick_assignee(uow, ctx, inquiry.department_id, message.forwarded_at)
    if assignee is not None:
        due = followup_due(message.forwarded_at, ctx.tz, ctx.calendar, ctx.org.schedule)
        inquiry, event = lifecycle.assign(inquiry, None, assignee, ctx.now(), due)
        events.append(event)
    number = await uow.sequences.next("inquiry", year)
    inquiry = replace(inquiry, id=inquiry_id(year, number))
    await uow.inquiries.add(inquiry, inquiry_seq(year, number), message.message_key)
    held = Holder(inquiry.assignee_id, inquiry.department_id, inquiry.due_at)  # as saved: no read back
    await uow.inquiries.append_events(inquiry.id, [e if e.holder else replace(e, holder=held) for e in events])
    notices = _intake_notices(message, inquiry, decision, duplicate, tuple(r.id for r in ctx.org.regions))
    await uow.outbox.add_many(notices, ctx.now())
    return inquiry


def _earlier_rep(duplicate: Inquiry | None, department_id: str | None, ctx: Context) -> str | None:
    """The earlier inquiry's rep, only when they are a rep of this inquiry's department."""
    if duplicate is None or duplicate.assignee_id is None or department_id is None:
        return None
    rep = ctx.org.person(duplicate.assignee_id)
    return rep.id if rep is not None and rep.department == department_id and rep.active else None


def _draft(
    message: IntakeMessage, parsed: ParsedInquiry, decision: RegionDecision, new_id: str, department: str | None
) -> Inquiry:
    return Inquiry(
        id=new_id,
        status=Status.UNASSIGNED,
        region_id=decision.region_id,
        department_id=department,
        assignee_id=None,
        specialist_id=message.sender.id,
        source=parsed.source,
        customer=Customer(
            name=parsed.customer_name, company=parsed.company, email=parsed.email, phone=parsed.phone,
            country=decision.country, product=parsed.product,
        ),
        original_text=message.text,
        platform=message.platform,
        received_at=message.received_at or message.forwarded_at,
        forwarded_at=message.forwarded_at,
        intake_ref=message.reply_to or None,
    )


def _received_event(message: IntakeMessage, parsed: ParsedInquiry, decision: RegionDecision) -> HistoryEvent:
    return HistoryEvent(
        at=message.forwarded_at,
        kind="received",
        actor_id=message.sender.id,
        data={"platform": message.platform, "region": decision.region_id, "routed_by": decision.reason,
              "source": parsed.source, "other_phones": list(parsed.other_phones)},
    )


def _intake_notices(
    message: IntakeMessage, inquiry: Inquiry, decision: RegionDecision, duplicate: Inquiry | None,
    regions: tuple[str, ...],
) -> list[Outbound]:
    view = inquiry_view(inquiry)
    reply_target = Target.reply(message.platform, message.reply_to)
    notices = [Outbound("intake.reply", reply_target, {"inquiry": view, "routed_by": decision.reason,
                                                       "actions": _intake_actions(inquiry)}, inquiry.id)]
    if inquiry.region_id is None:
        notices.append(Outbound("intake.pick_region", Target.to_person(message.sender.id, message.platform),
                                {"inquiry": view, "regions": list(regions),
                                 "actions": [{"id": "pick_region", "value": inquiry.id}]}, inquiry.id))
    if duplicate is not None:
        notices.append(Outbound("intake.possible_duplicate",
                                Target.to_person(message.sender.id, message.platform),
                                {"inquiry": view, "original": duplicate.id,
                                 "actions": [{"id": "grey", "value": inquiry.id}]}, inquiry.id))
    notices.extend(assigned_notices(inquiry, previous=None))
    return notices


def _intake_actions(inquiry: Inquiry) -> list[dict[str, str]]:
    return [{"id": "reassign", "value": inquiry.id}, {"id": "change_region", "value": inquiry.id},
            {"id": "grey", "value": inquiry.id}]
