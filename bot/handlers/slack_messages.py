"""Slack `message` events: forwards and pastes in the intake channel become inquiries; their edits re-read them
and their deletion asks the specialist; a file without text gets a hint; thread replies become follow-up notes
(the rep) or notes (a specialist, in the intake thread); everything else is ignored. One table decides which."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.handlers.slack_base import SlackDeps, slack_time
from bot.org.model import Person
from bot.services import intake_events
from bot.services.intake import IntakeMessage, ingest
from bot.services.intake_events import IntakeChange, is_intake_person
from bot.services.notes import logged_inquiry, noted_inquiry

log = logging.getLogger(__name__)

Event = dict[str, Any]
FOLLOWUP_STATE = "followup_method"  # conversation key: the method a rep picked in the follow-up modal
PLAIN_SUBTYPES = (None, "file_share", "thread_broadcast")


def shared_attachments(event: Event) -> list[dict[str, Any]]:
    """The messages a "Forward"/"Share message" carries (no subtype; content in attachments[])."""
    return [a for a in event.get("attachments") or [] if a.get("is_share") or a.get("is_msg_unfurl")]


def is_thread_reply(event: Event) -> bool:
    return bool(event.get("thread_ts")) and event.get("thread_ts") != event.get("ts")


def in_intake(event: Event, intake: str | None) -> bool:
    return intake is not None and event.get("channel") == intake


def is_deletion(event: Event) -> bool:
    """`message_deleted`, or the "This message was deleted." tombstone Slack leaves when the deleted message had
    thread replies (an intake message always has one: the bot's reply) and sends as `message_changed`."""
    if event.get("subtype") == "message_deleted":
        return True
    changed = event.get("message") or {}
    return event.get("subtype") == "message_changed" and changed.get("subtype") == "tombstone"


# (kind, test): the first row whose test holds names the event. Order matters: bots, edits and deletes
# are never intake; a forward counts even inside a thread; other thread replies may be follow-up notes.
MESSAGE_KINDS: tuple[tuple[str, Callable[[Event, str | None], bool]], ...] = (
    ("bot", lambda e, _: bool(e.get("bot_id")) or e.get("subtype") == "bot_message"),
    ("delete", lambda e, intake: in_intake(e, intake) and is_deletion(e)),
    ("edit", lambda e, intake: in_intake(e, intake) and e.get("subtype") == "message_changed"),
    ("other_change", lambda e, _: e.get("subtype") in ("message_changed", "message_deleted")),
    ("system", lambda e, _: e.get("subtype") not in PLAIN_SUBTYPES),
    ("forward", lambda e, intake: in_intake(e, intake) and bool(shared_attachments(e))),
    ("thread_reply", lambda e, _: is_thread_reply(e)),
    ("pasted", lambda e, intake: in_intake(e, intake) and e.get("subtype") is None),
    ("with_files", lambda e, intake: in_intake(e, intake) and e.get("subtype") == "file_share"),
)


def classify(event: Event, intake: str | None) -> str:
    return next((kind for kind, test in MESSAGE_KINDS if test(event, intake)), "other")


def own_text(event: Event) -> str:
    """The original text of what was forwarded, then the specialist's own words."""
    parts = [a.get("text") or a.get("fallback") or "" for a in shared_attachments(event)]
    parts.append(event.get("text") or "")
    return "\n\n".join(p for p in parts if p.strip())


def intake_text(event: Event) -> str:
    """What intake reads: the text and, when there is text, the names of attached files (a file alone is not an
    inquiry: nobody can read its content here)."""
    text = own_text(event)
    if not text:
        return ""
    files = [f.get("title") or f.get("name") or "" for f in event.get("files") or []]
    return "\n\n".join(p for p in [text, *files] if p.strip())


def intake_message(body: dict[str, Any], event: Event, sender: Person) -> IntakeMessage:
    """Platform timestamps only: the share's ts is when the customer wrote, the event's when it was forwarded."""
    channel, ts = str(event["channel"]), str(event["ts"])
    shares = shared_attachments(event)
    original_ts = shares[0].get("ts") if shares else None
    event_id = body.get("event_id")
    return IntakeMessage(
        platform="slack",
        sender=sender,
        text=intake_text(event),
        forwarded_at=slack_time(ts),
        received_at=slack_time(str(original_ts)) if original_ts else None,
        message_key=f"slack:{channel}:{ts}",
        delivery_key=f"slack-event:{event_id}" if event_id else None,
        reply_to={"slack": channel, "thread": str(event.get("thread_ts") or ts)},
    )


async def on_intake(deps: SlackDeps, body: dict[str, Any], event: Event, _client: AsyncWebClient) -> None:
    """Committed before bolt answers Slack (process_before_response): an acked forward is never lost."""
    sender = deps.person(event.get("user"))
    if sender is None:
        log.info("intake message from %s, who is not in the roster: ignored", event.get("user"))
        return
    message = intake_message(body, event, sender)
    if not message.text.strip():
        if event.get("files") or shared_attachments(event):  # a file, or a shared message that was only a file
            await intake_events.no_text(sender, "slack", message.reply_to, message.delivery_key, ctx=deps.ctx)
        log.info("slack message %s:%s has no text: nothing to log", event.get("channel"), event.get("ts"))
        return
    result = await ingest(message, ctx=deps.ctx)
    if not result.created:
        log.info("slack message %s:%s made no new inquiry", event.get("channel"), event.get("ts"))


async def on_thread_reply(deps: SlackDeps, body: dict[str, Any], event: Event, client: AsyncWebClient) -> None:
    """The assignee's reply in the thread of an inquiry message is a follow-up note (SPEC section 7)."""
    person = deps.person(event.get("user"))
    channel, thread_ts = str(event.get("channel")), str(event.get("thread_ts"))
    inquiry_id = await noted_inquiry(deps.ctx, person, "slack", channel, thread_ts) if person else None
    if person is not None and inquiry_id is None and in_intake(event, deps.org.intake.on("slack")):
        await on_intake_note(deps, body, event, client, person)
        return
    if person is None or inquiry_id is None:
        return
    if not await _first_delivery(deps, body):
        return
    method = await _picked_method(deps, person, inquiry_id)
    note = own_text(event)
    reply = await deps.run(person, f"followup {inquiry_id} {method} {note}")
    if reply.ok:
        await _forget_method(deps, person)
    text = deps.render(reply, person)
    deps.background.spawn(client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=text), "thread reply")


async def on_intake_note(deps: SlackDeps, body: dict[str, Any], event: Event, client: AsyncWebClient,
                         person: Person) -> None:
    """A specialist's reply in the thread of a logged intake message is a note on that inquiry (as on Telegram)."""
    channel, thread_ts = str(event.get("channel")), str(event.get("thread_ts"))
    text = own_text(event)
    if not is_intake_person(person) or not text:
        return
    inquiry_id = await logged_inquiry(deps.ctx, "slack", channel, thread_ts)
    if inquiry_id is None or not await _first_delivery(deps, body):
        return
    reply = await deps.run(person, f"note {inquiry_id} {text}")
    answer = deps.render(reply, person)
    deps.background.spawn(client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=answer), "note reply")


def change_of(body: dict[str, Any], event: Event, deps: SlackDeps) -> IntakeChange:
    """An edit or deletion: `message` is the message as it is now (for a deletion, `deleted_ts` names it)."""
    changed = event.get("message") or {}
    ts = str(event.get("deleted_ts") or changed.get("ts") or event.get("ts"))
    edited = changed.get("edited") or {}
    event_id = body.get("event_id")
    return IntakeChange(
        platform="slack",
        message_key=f"slack:{event.get('channel')}:{ts}",
        at=slack_time(str(edited.get("ts") or event.get("event_ts") or event.get("ts"))),
        editor=deps.person(edited.get("user") or changed.get("user")),
        text=intake_text(changed),
        delivery_key=f"slack-event:{event_id}" if event_id else None,
    )


async def on_edit(deps: SlackDeps, body: dict[str, Any], event: Event, _client: AsyncWebClient) -> None:
    """The intake message was edited: its inquiry is re-read (idempotent: the same text changes nothing)."""
    await intake_events.reread(change_of(body, event, deps), ctx=deps.ctx)


async def on_delete(deps: SlackDeps, body: dict[str, Any], event: Event, _client: AsyncWebClient) -> None:
    """The intake message was deleted: the specialist is asked whether to mark its inquiry grey."""
    await intake_events.deleted(change_of(body, event, deps), ctx=deps.ctx)


async def _first_delivery(deps: SlackDeps, body: dict[str, Any]) -> bool:
    """Slack re-sends an event it thinks we missed; a note is recorded once."""
    event_id = body.get("event_id")
    if not event_id:
        return True
    async with deps.ctx.uow() as uow:
        first = await uow.events.claim(f"slack-event:{event_id}", deps.ctx.now())
        await uow.commit()
    return first


async def _picked_method(deps: SlackDeps, person: Person, inquiry_id: str) -> str:
    async with deps.ctx.uow() as uow:
        state = await uow.conversations.get("slack", person.id, FOLLOWUP_STATE, deps.ctx.now())
    if state and state.get("inquiry") == inquiry_id and state.get("method"):
        return str(state["method"])
    return "other"


async def _forget_method(deps: SlackDeps, person: Person) -> None:
    async with deps.ctx.uow() as uow:
        await uow.conversations.clear("slack", person.id, FOLLOWUP_STATE)
        await uow.commit()


MessageHandler = Callable[[SlackDeps, dict[str, Any], Event, AsyncWebClient], Awaitable[None]]
HANDLERS: dict[str, MessageHandler] = {
    "forward": on_intake,
    "pasted": on_intake,
    "with_files": on_intake,
    "thread_reply": on_thread_reply,
    "edit": on_edit,
    "delete": on_delete,
}


async def on_message(deps: SlackDeps, body: dict[str, Any], event: Event, client: AsyncWebClient) -> None:
    kind = classify(event, deps.org.intake.on("slack"))
    handler = HANDLERS.get(kind)
    if handler is None:
        log.debug("slack message %s:%s (%s) ignored", event.get("channel"), event.get("ts"), kind)
        return
    await handler(deps, body, event, client)
