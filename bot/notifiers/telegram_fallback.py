"""A DM Telegram refuses (the person never pressed Start, or blocked the bot) goes to a group with a mention.

The admins are told once per person; the audit log remembers that across restarts.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from telegram.error import TelegramError

from bot.context import Context
from bot.notifiers.base import Address, DeliveryError, Rendered
from bot.notifiers.render import Renderer
from bot.org.model import Org, Person, Role
from bot.outbound import Outbound, Target

if TYPE_CHECKING:
    from bot.notifiers.telegram import TelegramNotifier

log = logging.getLogger(__name__)

# keeps the message for the person until they open the chat (bootstrap passes services.held.hold):
# (ctx, platform, person id, template key, data, a unique reference)
Hold = Callable[[Context, str, str, str, dict[str, Any], str], Awaitable[None]]

AUDIT_ACTION = "delivery.dm_blocked"
NOTICE_KEY = "delivery.dm_blocked"
FALLBACK_KEY = "delivery.dm_fallback"
PLATFORM = "telegram"


def fallback_chat(org: Org, person: Person) -> tuple[int, str | None] | None:
    """The Telegram group of a region of the person's department, else the intake group (chat, region)."""
    for region in org.regions:
        chat = region.channel.on(PLATFORM) if region.channel else None
        if person.department and region.department == person.department and chat:
            return int(chat), region.id
    intake = org.intake.on(PLATFORM)
    return (int(intake), None) if intake is not None else None


class DmFallback:
    """Called by TelegramNotifier when a DM answers 403."""

    def __init__(self, ctx: Context, renderer: Renderer, bot_username: Callable[[], str], hold: Hold) -> None:
        self.ctx = ctx
        self.renderer = renderer
        self.bot_username = bot_username
        self.hold = hold

    async def __call__(
        self, notifier: TelegramNotifier, address: Address, message: Rendered, reason: str
    ) -> dict[str, Any]:
        person = self.ctx.org.person(address.person_id or "")
        place = fallback_chat(self.ctx.org, person) if person else None
        if person is None or place is None:
            raise DeliveryError(f"forbidden: {reason}", permanent=True)
        chat_id, region_id = place
        # a group sees only that something waits, never the private message (customer details, penalties)
        inquiry = message.data.get("inquiry")
        data = {"person": person.id, "bot": self.bot_username(),
                "inquiry": inquiry.get("id") if isinstance(inquiry, dict) else None}
        text = self.renderer.render(FALLBACK_KEY, data, locale=message.locale, platform="telegram")
        try:
            ref = await notifier.post(chat_id, text)
        except TelegramError as error:
            detail = f"forbidden: {reason}; group fallback in {chat_id} failed: {error.message}"
            raise DeliveryError(detail, permanent=True) from error
        await self.hold(self.ctx, PLATFORM, person.id, message.key, message.data, str(ref["message_id"]))
        await self._tell_admins_once(person, chat_id, region_id, reason)
        return ref

    async def _tell_admins_once(self, person: Person, chat_id: int, region_id: str | None, reason: str) -> None:
        target = f"telegram:{person.id}"
        now = self.ctx.now()
        async with self.ctx.uow() as uow:
            if await uow.audit.exists(AUDIT_ACTION, target):
                return
            await uow.audit.record(now, "bot", AUDIT_ACTION, target, "admins_told", chat=chat_id, reason=reason)
            data = {"person": person.id, "chat": chat_id, "region": region_id, "bot": self.bot_username(),
                    "reason": reason}
            for admin in self.ctx.org.people:
                if admin.has(Role.ADMIN) and admin.active:
                    await uow.outbox.add(Outbound(NOTICE_KEY, Target.to_person(admin.id), data), now)
            await uow.commit()
        log.warning("telegram: %s cannot be messaged directly; admins told once", person.id)
