"""A reply to the bot's message about an inquiry is a follow-up note (SPEC section 7), on every platform."""

from __future__ import annotations

from bot.org.model import Person
from bot.services.actions import covering
from bot.services.context import Context


async def logged_inquiry(ctx: Context, platform: str, chat: str, message_id: str) -> str | None:
    """The inquiry a message is about: the bot's message about it, or the intake message that created it."""
    async with ctx.uow() as uow:
        sent = await uow.sent.find(platform, chat, message_id)
        if sent is not None and sent.inquiry_id is not None:
            return sent.inquiry_id
        forwarded = await uow.inquiries.by_message_key(f"{platform}:{chat}:{message_id}")
    return forwarded.id if forwarded else None


async def noted_inquiry(ctx: Context, person: Person, platform: str, chat: str, message_id: str) -> str | None:
    """The inquiry a reply is a note on: the replied message is the bot's message about it (or the forward
    that created it), and the person replying is its rep or covers them. Anyone else is just talking."""
    async with ctx.uow() as uow:
        sent = await uow.sent.find(platform, chat, message_id)
        inquiry_id = sent.inquiry_id if sent else None
        if inquiry_id is None:
            forwarded = await uow.inquiries.by_message_key(f"{platform}:{chat}:{message_id}")
            inquiry_id = forwarded.id if forwarded else None
        inquiry = await uow.inquiries.get(inquiry_id) if inquiry_id else None
        if inquiry is None or inquiry.assignee_id is None:
            return None
        writers = {person.id} | await covering(uow, ctx, person)
    return inquiry.id if inquiry.assignee_id in writers else None
