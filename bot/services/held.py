"""Messages that could not reach a person directly (a DM the platform refuses until they open the bot) are held and
delivered when they first talk to the bot, so nothing meant for them is lost."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.outbound import Outbound, Target
from bot.services.context import Context

HOLD_FOR = timedelta(days=30)
PREFIX = "held:"


async def hold(ctx: Context, platform: str, person_id: str, key: str, data: dict[str, Any], ref: str) -> None:
    """Keep a message for `person_id` on `platform` until they open the chat (`ref` makes the key unique)."""
    async with ctx.uow() as uow:
        await uow.conversations.put(platform, person_id, f"{PREFIX}{ref}", {"key": key, "data": data},
                                    ctx.now() + HOLD_FOR)
        await uow.commit()


async def release(ctx: Context, platform: str, person_id: str) -> int:
    """Queue every held message for the person, oldest first; returns how many."""
    async with ctx.uow() as uow:
        held = await uow.conversations.take_prefix(platform, person_id, PREFIX, ctx.now())
        for entry in held:
            data = dict(entry["data"])
            inquiry = data.get("inquiry")
            inquiry_id = inquiry.get("id") if isinstance(inquiry, dict) else None
            await uow.outbox.add(Outbound(str(entry["key"]), Target.to_person(person_id, platform), data,
                                          inquiry_id), ctx.now())
        await uow.commit()
    return len(held)
