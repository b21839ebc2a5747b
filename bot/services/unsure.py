"""`/inq intake log|drop TOKEN`: the specialist's answer to "Is this an inquiry?" about a text with no signal.

Intake holds such a text instead of giving a rep a deadline for "hello"; logging it creates the inquiry exactly
as the forward would have (its own times, thread and message), dropping it forgets the text.
"""

from __future__ import annotations

from datetime import datetime

from bot.commands import USAGE, Command
from bot.errors import InvalidInput, NotFound
from bot.org.model import Person
from bot.outbound import Reply
from bot.services.context import Context
from bot.services.intake import UNSURE_SPACE, IntakeMessage, ingest, unsure_key


async def decide(ctx: Context, actor: Person, cmd: Command) -> Reply:
    decision, token = (cmd.arg("DECISION") or "").lower(), cmd.arg("TOKEN") or ""
    if decision not in ("log", "drop"):
        raise InvalidInput("error.usage", usage=USAGE["intake"])
    async with ctx.uow() as uow:
        held = await uow.conversations.get(UNSURE_SPACE, actor.id, unsure_key(token), ctx.now())
    if held is None:
        raise NotFound("intake.unsure_gone", token=token)
    if decision == "drop":
        await _forget(ctx, actor, token)
        return Reply("intake.dropped", {"excerpt": str(held["text"])[:80]})
    received = held.get("received_at")
    message = IntakeMessage(
        platform=str(held["platform"]), sender=actor, text=str(held["text"]),
        forwarded_at=datetime.fromisoformat(str(held["forwarded_at"])),
        received_at=datetime.fromisoformat(str(received)) if received else None,
        message_key=held.get("message_key"), reply_to=dict(held.get("reply_to") or {}), confirmed=True,
    )
    result = await ingest(message, ctx=ctx)
    await _forget(ctx, actor, token)
    if result.inquiry is None:
        return Reply("refused.specialist_only", {}, ok=False)
    return result.reply or Reply("intake.exists", {"id": result.inquiry.id})


async def _forget(ctx: Context, actor: Person, token: str) -> None:
    async with ctx.uow() as uow:
        await uow.conversations.clear(UNSURE_SPACE, actor.id, unsure_key(token))
        await uow.commit()
