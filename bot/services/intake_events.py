"""What happens to an intake message after it was logged: edited (re-read), deleted (ask the specialist), and
a file without text (tell the specialist to paste it). Every platform reaches these the same way."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.org.model import Person, Role
from bot.outbound import Outbound, Target
from bot.rules import corrections
from bot.rules.inquiry import HistoryEvent, Inquiry
from bot.rules.intake import parse_inquiry
from bot.rules.own_side import own_side_of
from bot.rules.routing import decide_region
from bot.services.context import Context
from bot.services.views import inquiry_view
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

DELETED = "intake_deleted"
DELETE_ACTIONS = ("grey_deleted", "keep")
DELETED_REASON = corrections.DELETED_REASON  # the grey reason the "Mark grey" button gives


@dataclass(frozen=True)
class IntakeChange:
    """An edit or a deletion of a message in the intake channel, as a platform handler saw it."""

    platform: str
    message_key: str  # the message_key the inquiry was logged under ("<platform>:<chat>:<message id>")
    at: datetime  # the platform's time of the edit / deletion
    editor: Person | None = None
    text: str = ""  # the edited message's full text (as intake would read it)
    delivery_key: str | None = None  # the same delivery is handled once


def is_intake_person(person: Person | None) -> bool:
    return person is not None and person.active and (person.has(Role.SPECIALIST) or person.has(Role.ADMIN))


def reply_target(inquiry: Inquiry) -> Target:
    """The thread under the intake message (or the reply to it, where the platform has no threads)."""
    ref: dict[str, Any] = inquiry.intake_ref or {}
    return Target.reply(inquiry.platform, ref)


async def _claim(uow: UnitOfWork, ctx: Context, key: str | None) -> bool:
    return key is None or await uow.events.claim(key, ctx.now())


async def reread(change: IntakeChange, *, ctx: Context) -> Inquiry | None:
    """Re-read an edited intake message; fields nobody corrected by hand follow the new text, and the thread
    hears what changed. A re-delivered (or older) edit changes nothing."""
    if not is_intake_person(change.editor) or not change.text.strip():
        return None
    async with ctx.uow() as uow:
        found = await uow.inquiries.by_message_key(change.message_key)
        if found is None or found.erased_at is not None or not await _claim(uow, ctx, change.delivery_key):
            return None
        inquiry = await uow.inquiries.get_for_update(found.id) or found
        history = await uow.inquiries.history(inquiry.id)
        if inquiry.original_text == change.text or _older_than_last_edit(history, change.at):
            await uow.commit()
            return None
        values, region = _read(change.text, ctx, inquiry)
        protected = corrections.corrected_fields(history)
        editor = change.editor.id if change.editor else None
        updated, event, changes, kept = corrections.reread(inquiry, change.text, values, protected, editor, ctx.now())
        event = HistoryEvent(event.at, event.kind, event.actor_id, {**event.data, "edited_at": change.at.isoformat()})
        await uow.inquiries.save(updated)
        await uow.inquiries.append_event(updated.id, event)
        if changes or kept or region:
            data = {"inquiry": inquiry_view(updated), "changes": changes, "kept": kept, "region": region}
            await uow.outbox.add(Outbound("intake.reread", reply_target(updated), data, updated.id), ctx.now())
        await uow.commit()
    log.info("inquiry %s re-read after an edit: %d field(s) changed", updated.id, len(changes))
    return updated


def _older_than_last_edit(history: list[HistoryEvent], at: datetime) -> bool:
    """Edits can arrive out of order (a retry after a later edit): only the newest text counts."""
    seen = [e.data.get("edited_at") for e in history if e.kind == corrections.REREAD]
    return any(isinstance(s, str) and datetime.fromisoformat(s) > at for s in seen)


def _read(text: str, ctx: Context, inquiry: Inquiry) -> tuple[dict[str, str | None], str | None]:
    """What intake would record from this text (the country as routing reads it), and the region routing would
    now pick when it differs from the inquiry's (only suggested: moving an inquiry is the specialist's call)."""
    parsed = parse_inquiry(text, own_side_of(ctx.org))
    decision = decide_region(parsed, ctx.org, inquiry.specialist_id or "")
    values = {"name": parsed.customer_name, "company": parsed.company, "email": parsed.email,
              "phone": parsed.phone, "country": decision.country, "product": parsed.product,
              "source": parsed.source}
    moved = decision.region_id not in (None, inquiry.region_id)
    return values, decision.region_id if moved else None


async def deleted(change: IntakeChange, *, ctx: Context) -> Inquiry | None:
    """The intake message was deleted: its specialist decides (buttons Mark grey / Keep); asked once."""
    async with ctx.uow() as uow:
        found = await uow.inquiries.by_message_key(change.message_key)
        if found is None or not await _claim(uow, ctx, change.delivery_key):
            return None
        inquiry = await uow.inquiries.get_for_update(found.id) or found
        if DELETED in {e.kind for e in await uow.inquiries.history(inquiry.id)}:
            await uow.commit()
            return None
        updated, events = corrections.propose_grey_on_deletion(inquiry, change.at)
        await uow.inquiries.save(updated)
        for event in events:
            await uow.inquiries.append_event(inquiry.id, event)
        asked = inquiry.specialist_id if inquiry.is_open else None
        if asked is not None:
            actions = [{"id": name, "value": inquiry.id} for name in DELETE_ACTIONS]
            await uow.outbox.add(Outbound("intake.deleted", Target.to_person(asked, inquiry.platform),
                                          {"inquiry": inquiry_view(inquiry), "actions": actions}, inquiry.id),
                                 ctx.now())
        await uow.commit()
    log.info("the intake message of inquiry %s was deleted", inquiry.id)
    return inquiry


async def no_text(sender: Person | None, platform: str, reply_to: dict[str, Any], delivery_key: str | None,
                  *, ctx: Context) -> bool:
    """A file or photo without text in the intake channel: nothing to log, so tell the specialist how to."""
    if not is_intake_person(sender):
        return False
    target = Target.reply(platform, reply_to)
    async with ctx.uow() as uow:
        if not await _claim(uow, ctx, delivery_key):
            return False
        await uow.outbox.add(Outbound("intake.paste_text", target, {}), ctx.now())
        await uow.commit()
    return True
