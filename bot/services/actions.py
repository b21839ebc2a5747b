"""The one path every change to an inquiry takes: authorise, apply the pure rule, persist, notify."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from bot.errors import InvalidInput, NotAllowed, NotFound
from bot.org.model import Person
from bot.outbound import Outbound, Reply
from bot.rules.cover import covered_by
from bot.rules.ids import normalise_inquiry_id
from bot.rules.inquiry import HistoryEvent, Inquiry
from bot.rules.lifecycle import Change
from bot.rules.permissions import Action, refusal
from bot.services.assigning import availability
from bot.services.context import Context
from bot.services.views import inquiry_view
from storage.uow import UnitOfWork

Apply = Callable[[Inquiry, datetime], Change]
Notify = Callable[[Inquiry, Inquiry], list[Outbound]]
After = Callable[[UnitOfWork, Inquiry], Awaitable[list[Outbound]]]  # more work in the same transaction


def parse_id(raw: str | None) -> str:
    normalised = normalise_inquiry_id(raw or "")
    if normalised is None:
        raise InvalidInput("error.bad_inquiry_id", value=raw or "")
    return normalised


async def load(uow: UnitOfWork, raw_id: str | None) -> Inquiry:
    inquiry_id = parse_id(raw_id)
    inquiry = await uow.inquiries.get_for_update(inquiry_id)
    if inquiry is None:
        raise NotFound("error.inquiry_not_found", id=inquiry_id)
    return inquiry


async def refuse(
    uow: UnitOfWork, ctx: Context, actor: Person, inquiry: Inquiry | None, action: str, key: str, **data: object
) -> None:
    """Write a refusal to the audit log and the inquiry's history, commit it, then raise it.

    `data` goes to the audit entry and to the reply's template.
    """
    await uow.audit.record(ctx.now(), actor.id, action, inquiry.id if inquiry else None, "refused", reason=key,
                           **data)
    if inquiry is not None:
        await uow.inquiries.append_event(
            inquiry.id, HistoryEvent(ctx.now(), "refused", actor.id, {"action": action, "reason": key})
        )
    await uow.commit()
    raise NotAllowed(key, **data, action=action, id=inquiry.id if inquiry else None)


async def covering(uow: UnitOfWork, ctx: Context, actor: Person) -> frozenset[str]:
    """Whom the actor covers today: leave from the org file and from `/inq away` that names them as delegate."""
    return covered_by(ctx.org, actor.id, ctx.today(), await availability(uow, ctx))


async def act(
    ctx: Context,
    actor: Person,
    raw_id: str | None,
    action: Action,
    apply: Apply,
    notify: Notify | None = None,
    reply_key: str = "inquiry.updated",
    after: After | None = None,
) -> Reply:
    """Run one change on one inquiry in one transaction; refusals are recorded, never silent."""
    async with ctx.uow() as uow:
        inquiry = await load(uow, raw_id)
        reason = refusal(ctx.org, actor, inquiry, action, await covering(uow, ctx, actor))
        if reason is not None:
            await refuse(uow, ctx, actor, inquiry, action.value, reason)
        updated, event = apply(inquiry, ctx.now())
        await uow.inquiries.save(updated)
        await uow.inquiries.append_event(updated.id, event)
        notices = notify(inquiry, updated) if notify else []
        notices += await after(uow, updated) if after else []
        for notice in notices:
            await uow.outbox.add(notice, ctx.now())
        await uow.commit()
    return Reply(reply_key, {"inquiry": inquiry_view(updated), "event": event.kind, **event.data})
