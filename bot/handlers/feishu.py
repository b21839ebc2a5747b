"""Feishu events in, internal commands out: one table from the kind of event to the code that translates it.

| event                                                        | kind         | becomes                             |
|--------------------------------------------------------------|--------------|-------------------------------------|
| card.action.trigger (a button or a picker on a card)         | (cards)      | an /inq command, a picker, a prompt |
| `/inq ...` typed in any chat with the bot                    | command      | execute(/inq ...)                   |
| a reply in the intake group (a thread under a message)       | intake_reply | a note on the logged inquiry        |
| text, rich text or a merged forward in the intake group      | intake       | ingest(IntakeMessage)               |
| a file or an image without text there                        | intake_file  | a hint: paste the text or /inq new  |
| a reply to one of the bot's messages elsewhere               | reply        | the prompt's answer or a note       |
| other text in a DM with the bot                              | chat         | the open prompt's answer, or a hint |
| im.message.recalled_v1 of a logged intake message           | (recalled)   | the specialist asked: grey or keep  |
| im.chat.member.bot.added_v1 (the bot joins a group)          | (added)      | a log line with the chat id         |
| messages from bots and apps, anything else                   | None         | ignored                             |

Re-deliveries change nothing: intake dedupes on the event id and the message id; every other route claims the
event id once before it acts.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from bot.handlers.commands import Origin, execute
from bot.handlers.feishu_base import FeishuDeps, first_delivery
from bot.handlers.feishu_cards import on_card
from bot.handlers.feishu_messages import (
    PLATFORM,
    READABLE,
    Incoming,
    command_text,
    incoming,
    merged_text,
    millis,
)
from bot.handlers.feishu_prompts import recall, run
from bot.handlers.prompts import DEFAULT_METHOD, prompt_command
from bot.org.model import Person
from bot.outbound import Reply
from bot.services import intake_events
from bot.services.intake import IntakeMessage, ingest
from bot.services.intake_events import IntakeChange, is_intake_person
from bot.services.notes import logged_inquiry, noted_inquiry
from bot.services.refusals import roster_refusal

log = logging.getLogger(__name__)

QUEUED_REPLIES = frozenset({"intake.created"})  # the intake reply is queued in the outbox already

Route = Callable[["FeishuHandlers", Incoming], Awaitable[None]]


def classify(message: Incoming, intake_chat: str | None) -> str | None:
    """The kind of a message event (the table above); None means it is not for us."""
    if message.sender_type != "user" or not message.open_id:
        return None
    if command_text(message) is not None:
        return "command"
    in_intake = intake_chat is not None and message.chat_id == intake_chat
    if message.parent_id:
        return "intake_reply" if in_intake else "reply"
    if in_intake:
        return "intake" if message.msg_type in READABLE else "intake_file"
    return "chat" if message.private else None


class FeishuHandlers:
    """The inbound side: the HTTP endpoint and the long connection both hand each event's JSON to `handle`."""

    def __init__(self, deps: FeishuDeps) -> None:
        self.deps = deps

    @property
    def intake_chat(self) -> str | None:
        """Read from the org each time, so `/inq reload` moves the intake group without a restart."""
        return self.deps.ctx.org.intake.on(PLATFORM)

    async def handle(self, payload: dict[str, Any]) -> dict[str, Any]:
        """What to answer Feishu. Intake failures raise (the caller answers 500 and Feishu delivers again)."""
        event_type = str((payload.get("header") or {}).get("event_type") or "")
        if event_type == "card.action.trigger":
            return await on_card(self.deps, payload)
        if event_type == "im.message.recalled_v1":
            await self.on_recalled(payload)
            return {}
        if event_type == "im.chat.member.bot.added_v1":
            event = payload.get("event") or {}
            log.info("feishu: the bot was added to chat %s (%r)", event.get("chat_id"), event.get("name") or "")
            return {}
        if event_type != "im.message.receive_v1":
            log.debug("feishu event %s ignored", event_type)
            return {}
        message = incoming(payload)
        kind = classify(message, self.intake_chat) if message else None
        route = ROUTES.get(kind) if kind else None
        if message is None or route is None:
            return {}
        if kind in ("intake", "intake_reply"):
            await route(self, message)
            return {}
        try:
            await route(self, message)
        except Exception:
            log.exception("feishu %s event %s failed", kind, message.event_id)
            await self._apologise(message)
        return {}

    async def _apologise(self, message: Incoming) -> None:
        try:
            person = self.deps.person(message.open_id)
            await self.deps.answer(message, Reply("error.apology", {}, ok=False), person)
        except Exception:
            log.exception("feishu: the apology could not be sent either")

    async def on_recalled(self, payload: dict[str, Any]) -> None:
        """A logged intake message was recalled (Feishu's delete): its specialist is asked to mark it grey or keep
        it, once. Feishu does not say who recalled it."""
        event, header = payload.get("event") or {}, payload.get("header") or {}
        chat, message_id = str(event.get("chat_id") or ""), str(event.get("message_id") or "")
        if not chat or chat != self.intake_chat or not message_id:
            return
        at = millis(event.get("recall_time") or header.get("create_time") or 0)
        event_id = header.get("event_id")
        await intake_events.deleted(IntakeChange(
            PLATFORM, f"{PLATFORM}:{chat}:{message_id}", at,
            delivery_key=f"{PLATFORM}-event:{event_id}" if event_id else None), ctx=self.deps.ctx)

    # routes ------------------------------------------------------------------------------------

    async def on_command(self, message: Incoming) -> None:
        if not await first_delivery(self.deps, message.delivery_key):
            return
        person = self.deps.person(message.open_id)
        log.info("feishu: /inq from user %s (%s) in chat %s (%s)", message.open_id,
                 person.id if person else "not in org.yaml", message.chat_id, message.chat_type)
        origin = Origin(PLATFORM, message.message_key, dict(message.reply_to), message.created, message.open_id)
        reply = await execute(self.deps.ctx, person, command_text(message) or "", origin)
        if reply.key not in QUEUED_REPLIES:
            await self.deps.answer(message, reply, person)

    async def on_intake(self, message: Incoming) -> None:
        person = self.deps.person(message.open_id)
        if person is None:
            log.info("feishu intake message from %s, who is not in the roster: ignored", message.open_id)
            return
        text, received = message.text, None
        if message.msg_type == "merge_forward":
            text, received = merged_text(await self.deps.api.get(message.message_id), message.message_id)
        if not text.strip():
            await intake_events.no_text(person, PLATFORM, dict(message.reply_to), message.delivery_key,
                                        ctx=self.deps.ctx)
            return
        await ingest(IntakeMessage(
            platform=PLATFORM, sender=person, text=text, forwarded_at=message.created, received_at=received,
            message_key=message.message_key, delivery_key=message.delivery_key, reply_to=dict(message.reply_to),
        ), ctx=self.deps.ctx)

    async def on_intake_file(self, message: Incoming) -> None:
        person = self.deps.person(message.open_id)
        if person is not None:
            await intake_events.no_text(person, PLATFORM, dict(message.reply_to), message.delivery_key,
                                        ctx=self.deps.ctx)

    async def on_intake_reply(self, message: Incoming) -> None:
        """A reply under a logged message is a note (the rep's follow-up, or a specialist's); a reply under
        anything else in the intake group is read as intake."""
        person, text = self.deps.person(message.open_id), message.text
        replied = [i for i in (message.parent_id, message.root_id) if i]
        inquiry_id = None
        for replied_id in replied:
            inquiry_id = inquiry_id or await logged_inquiry(self.deps.ctx, PLATFORM, message.chat_id, replied_id)
        if inquiry_id is None:
            await self.on_intake(message)
            return
        if person is None or not text.strip() or not await first_delivery(self.deps, message.delivery_key):
            return
        command = await self._note_command(message, person, text)
        if command is None and is_intake_person(person):
            command = f"note {inquiry_id} {text}"
        if command is not None:
            await run(self.deps, message, person, command)

    async def on_reply(self, message: Incoming) -> None:
        """A reply to one of the bot's messages: the open prompt's answer, or a note on its inquiry."""
        person, text = self.deps.person(message.open_id), message.text
        if person is None or not text.strip() or not await first_delivery(self.deps, message.delivery_key):
            return
        pending = await recall(self.deps, person)
        if pending is not None and pending.get("message") in (message.parent_id, message.root_id):
            await run(self.deps, message, person, prompt_command(pending, text))
            return
        command = await self._note_command(message, person, text)
        if command is not None:
            await run(self.deps, message, person, command)
        elif message.private:
            await self.deps.answer(message, Reply("chat.not_a_command", {}), person)

    async def on_chat(self, message: Incoming) -> None:
        """Plain text in a DM: the answer to an open prompt, else a hint on how to talk to the bot."""
        person = self.deps.person(message.open_id)
        if not await first_delivery(self.deps, message.delivery_key):
            return
        if person is None:
            refused = await roster_refusal(self.deps.ctx, None, PLATFORM, message.open_id, "message")
            await self.deps.answer(message, refused or Reply("error.not_in_roster", {}, ok=False), None)
            return
        pending = await recall(self.deps, person)
        if pending is not None and message.text.strip():
            await run(self.deps, message, person, prompt_command(pending, message.text))
            return
        await self.deps.answer(message, Reply("chat.not_a_command", {}), person)

    async def _note_command(self, message: Incoming, person: Person, text: str) -> str | None:
        """`followup ID METHOD NOTE` when the replied message is about an inquiry this person follows up."""
        for replied_id in (message.parent_id, message.root_id):
            if not replied_id:
                continue
            inquiry_id = await noted_inquiry(self.deps.ctx, person, PLATFORM, message.chat_id, replied_id)
            if inquiry_id is None:
                continue
            pending = await recall(self.deps, person)
            method = DEFAULT_METHOD
            if pending and pending.get("verb") == "followup" and pending.get("value") == inquiry_id:
                method = str(pending.get("method") or DEFAULT_METHOD)
            return f"followup {inquiry_id} {method} {text}"
        return None


ROUTES: dict[str, Route] = {
    "command": FeishuHandlers.on_command,
    "intake": FeishuHandlers.on_intake,
    "intake_file": FeishuHandlers.on_intake_file,
    "intake_reply": FeishuHandlers.on_intake_reply,
    "reply": FeishuHandlers.on_reply,
    "chat": FeishuHandlers.on_chat,
}
