"""Refusals before any use case runs: the person is not in the roster, or no longer active. Like every other
refusal (services.actions.refuse) they are written to the audit log; unknown people by platform identity."""

from __future__ import annotations

from bot.org.model import Person
from bot.outbound import Reply
from bot.services.context import Context

ID_LIMIT = 64  # audit_log.actor and .action are VARCHAR(64)


async def roster_refusal(
    ctx: Context, person: Person | None, platform: str, user_id: object, action: str
) -> Reply | None:
    """None when the person may act; else the reply, after the refusal is committed to the audit log."""
    if person is not None and person.active:
        return None
    key = "error.not_in_roster" if person is None else "refused.inactive"
    actor = person.id if person is not None else f"{platform}:{user_id if user_id is not None else '?'}"
    async with ctx.uow() as uow:
        await uow.audit.record(ctx.now(), actor[:ID_LIMIT], action[:ID_LIMIT] or "?", None, "refused", reason=key,
                               platform=platform)
        await uow.commit()
    return Reply(key, {}, ok=False)
