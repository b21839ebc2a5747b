"""Verified inbound requests the bot could not process: kept as received, so someone can see what came in."""

from __future__ import annotations

from bot.services.context import Context
from storage.repositories.inbound import InboundFailure

MAX_ERROR = 2000  # characters of the error kept beside the body


async def keep_unprocessable(ctx: Context, platform: str, error: str, body: bytes) -> None:
    """One row in inbound_failures, in its own short transaction."""
    async with ctx.uow() as uow:
        await uow.inbound_failures.add(InboundFailure(platform, ctx.now(), error[:MAX_ERROR], body))
        await uow.commit()
