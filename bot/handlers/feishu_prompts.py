"""Prompts that wait for text: after "Mark grey" or a follow-up method, the card asks for a reply with the reason
or the note. The open prompt is kept per person in the conversation table, so a restart loses nothing."""

from __future__ import annotations

from typing import Any

from bot.handlers import prompts
from bot.handlers.commands import Origin, execute
from bot.handlers.feishu_base import FeishuDeps
from bot.handlers.feishu_messages import PLATFORM, Incoming
from bot.org.model import Person
from bot.outbound import Reply


async def remember(deps: FeishuDeps, person: Person, pending: dict[str, Any]) -> None:
    await prompts.remember(deps.ctx, PLATFORM, person, pending)


async def recall(deps: FeishuDeps, person: Person) -> dict[str, Any] | None:
    return await prompts.recall(deps.ctx, PLATFORM, person)


async def forget(deps: FeishuDeps, person: Person) -> None:
    await prompts.forget(deps.ctx, PLATFORM, person)


async def run(deps: FeishuDeps, message: Incoming, person: Person, command: str) -> Reply:
    """Execute the command for the person, answer in the chat, and close the prompt when it went through."""
    origin = Origin(PLATFORM, message.message_key, dict(message.reply_to), message.created)
    reply = await execute(deps.ctx, person, f"/inq {command}", origin)
    if reply.ok:
        await forget(deps, person)
    await deps.answer(message, reply, person)
    return reply
