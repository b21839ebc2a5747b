"""Text that answers the bot: a reply to an inquiry message is a follow-up note; a prompt's answer is a reason.

A prompt (the follow-up method picked, "reply with the reason") is remembered per person in the conversation
table, so a restart between the button and the reply loses nothing.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Message
from telegram.constants import ChatType

from bot.handlers import prompts
from bot.handlers.commands import Origin, execute
from bot.handlers.prompts import DEFAULT_METHOD, prompt_command
from bot.handlers.telegram_intake import message_key, reply_to
from bot.handlers.telegram_replies import PLATFORM, TelegramDeps
from bot.org.model import Person
from bot.outbound import Reply
from bot.services.intake_events import is_intake_person
from bot.services.notes import logged_inquiry, noted_inquiry
from bot.services.refusals import roster_refusal

log = logging.getLogger(__name__)

async def remember(deps: TelegramDeps, person: Person, pending: dict[str, Any]) -> None:
    await prompts.remember(deps.ctx, PLATFORM, person, pending)


async def recall(deps: TelegramDeps, person: Person) -> dict[str, Any] | None:
    return await prompts.recall(deps.ctx, PLATFORM, person)


async def forget(deps: TelegramDeps, person: Person) -> None:
    await prompts.forget(deps.ctx, PLATFORM, person)


def answered_prompt(pending: dict[str, Any] | None, message: Message) -> dict[str, Any] | None:
    """The open prompt when `message` replies to it, else None."""
    replied = message.reply_to_message
    if pending is None or replied is None:
        return None
    if pending.get("chat") == message.chat_id and pending.get("message") == replied.message_id:
        return pending
    return None


async def on_reply(deps: TelegramDeps, message: Message, person: Person | None, text: str) -> None:
    """A reply to one of the bot's messages: the open prompt's answer, or a note on the inquiry it was about."""
    if person is None:
        return
    pending = await recall(deps, person)
    prompt = answered_prompt(pending, message)
    if prompt is not None:
        await run(deps, message, person, prompt_command(prompt, text))
        return
    command = await _note_command(deps, message, person, pending, text)
    if command is not None:
        await run(deps, message, person, command)
    elif str(message.chat_id) == deps.ctx.org.intake.on(PLATFORM):
        await on_intake_reply(deps, message, person, text)
    elif message.chat.type == ChatType.PRIVATE:  # in a group, replies to the bot may just be conversation
        await deps.reply(message, Reply("chat.not_a_command", {}), person)


async def _note_command(
    deps: TelegramDeps, message: Message, person: Person, pending: dict[str, Any] | None, text: str
) -> str | None:
    """`followup ID METHOD NOTE` when the replied message is about an inquiry this person follows up."""
    replied = message.reply_to_message
    if replied is None:
        return None
    inquiry_id = await noted_inquiry(deps.ctx, person, PLATFORM, str(message.chat_id), str(replied.message_id))
    if inquiry_id is None:
        return None
    method = DEFAULT_METHOD
    if pending and pending.get("verb") == "followup" and pending.get("value") == inquiry_id:
        method = str(pending.get("method", DEFAULT_METHOD))
    return f"followup {inquiry_id} {method} {text}"


async def on_intake_reply(deps: TelegramDeps, message: Message, person: Person | None, text: str) -> bool:
    """In the intake group, a reply to a logged message: the rep's follow-up note, or a specialist's note on the
    inquiry. True when the replied message is logged (so the reply is never a new inquiry)."""
    replied = message.reply_to_message
    if replied is None:
        return False
    inquiry_id = await logged_inquiry(deps.ctx, PLATFORM, str(message.chat_id), str(replied.message_id))
    if inquiry_id is None:
        return False
    if person is None or not text.strip():
        return True
    command = await _note_command(deps, message, person, await recall(deps, person), text)
    if command is None and is_intake_person(person):
        command = f"note {inquiry_id} {text}"
    if command is not None and await _first_delivery(deps, message):
        await run(deps, message, person, command)
    return True


async def _first_delivery(deps: TelegramDeps, message: Message) -> bool:
    """A re-delivered update records its note once."""
    async with deps.ctx.uow() as uow:
        first = await uow.events.claim(f"{message_key(message)}:note", deps.ctx.now())
        await uow.commit()
    return first


async def on_private_text(deps: TelegramDeps, message: Message, person: Person | None, text: str) -> None:
    """Plain text in a DM: the answer to an open prompt, else a hint on how to talk to the bot."""
    pending = await recall(deps, person) if person else None
    if person is not None and pending is not None:
        await run(deps, message, person, prompt_command(pending, text))
        return
    if person is None:
        user = message.from_user.id if message.from_user else None
        refused = await roster_refusal(deps.ctx, None, PLATFORM, user, "message")
        await deps.reply(message, refused or Reply("error.not_in_roster", {}, ok=False), None)
        return
    await deps.reply(message, Reply("chat.not_a_command", {}), person)


async def run(deps: TelegramDeps, message: Message, person: Person, command: str) -> Reply:
    """Execute the command for the person, answer in the chat, and close the prompt when it went through."""
    origin = Origin(PLATFORM, message_key(message), dict(reply_to(message)), message.date)
    reply = await execute(deps.ctx, person, f"/inq {command}", origin)
    if reply.ok:
        await forget(deps, person)
    await deps.reply(message, reply, person)
    return reply
