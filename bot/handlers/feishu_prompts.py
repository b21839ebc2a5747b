"""Prompts that wait for text: after "Mark grey" or a follow-up method, the card asks for a reply with the reason
or the note. The open prompt is kept per person in the conversation table, so a restart loses nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.actions import ANSWERS
from bot.handlers.commands import Origin, execute
from bot.handlers.feishu_base import FeishuDeps
from bot.handlers.feishu_messages import PLATFORM, Incoming
from bot.org.model import Person
from bot.outbound import Reply

PENDING = "pending"
PENDING_TTL = timedelta(hours=12)
DEFAULT_METHOD = "other"



async def remember(deps: FeishuDeps, person: Person, pending: dict[str, Any]) -> None:
    """One open prompt per person: {"verb", "value", "method"?, "chat", "message"}."""
    async with deps.ctx.uow() as uow:
        await uow.conversations.put(PLATFORM, person.id, PENDING, pending, deps.ctx.now() + PENDING_TTL)
        await uow.commit()


async def recall(deps: FeishuDeps, person: Person) -> dict[str, Any] | None:
    async with deps.ctx.uow() as uow:
        return await uow.conversations.get(PLATFORM, person.id, PENDING, deps.ctx.now())


async def forget(deps: FeishuDeps, person: Person) -> None:
    async with deps.ctx.uow() as uow:
        await uow.conversations.clear(PLATFORM, person.id, PENDING)
        await uow.commit()


def prompt_command(pending: dict[str, Any], text: str) -> str:
    template = ANSWERS[str(pending["verb"])]
    return template.format(value=pending.get("value", ""), method=pending.get("method") or DEFAULT_METHOD,
                           text=text)


async def run(deps: FeishuDeps, message: Incoming, person: Person, command: str) -> Reply:
    """Execute the command for the person, answer in the chat, and close the prompt when it went through."""
    origin = Origin(PLATFORM, message.message_key, dict(message.reply_to), message.created)
    reply = await execute(deps.ctx, person, f"/inq {command}", origin)
    if reply.ok:
        await forget(deps, person)
    await deps.answer(message, reply, person)
    return reply
