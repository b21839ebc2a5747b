"""What Telegram handlers share: who a user is, the reader's locale, and answering in rendered HTML."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardMarkup, Message, User
from telegram.constants import ParseMode

from bot.notifiers.pacing import Pacer
from bot.notifiers.render import Renderer
from bot.notifiers.telegram import NO_PREVIEW
from bot.notifiers.telegram_markup import action_keyboard, chunks
from bot.org.model import Person
from bot.outbound import Reply
from bot.services.context import Context

PLATFORM = "telegram"
MAX_ANSWER = 200  # answerCallbackQuery text limit


@dataclass
class TelegramDeps:
    """The few things every Telegram handler needs, built once by bootstrap_telegram."""

    ctx: Context
    renderer: Renderer
    pacer: Pacer

    def person(self, user: User | None) -> Person | None:
        return self.ctx.org.person_on(PLATFORM, user.id) if user else None

    def locale(self, person: Person | None) -> str:
        return self.ctx.org.locale_of(person)

    def html(self, key: str, data: dict[str, Any], person: Person | None) -> str:
        return self.renderer.render(key, data, locale=self.locale(person), platform="telegram")

    def plain(self, reply: Reply, person: Person | None, limit: int = MAX_ANSWER) -> str:
        """A reply as plain text (callback answers and alerts cannot carry HTML), cut to `limit`."""
        text = self.renderer.render(reply.key, reply.data, locale=self.locale(person), platform="shell")
        return text if len(text) <= limit else text[: limit - 1] + "…"

    def term(self, group: str, value: str, person: Person | None) -> str:
        return str(self.renderer.term_function(self.locale(person))(group, value))

    def buttons(self, reply: Reply, person: Person | None) -> InlineKeyboardMarkup | None:
        locale = self.locale(person)
        actions = reply.data.get("actions", [])
        return action_keyboard([{**a, "label": self.renderer.button_label(a["id"], locale)} for a in actions])

    async def send(self, message: Message, text: str, markup: InlineKeyboardMarkup | None = None) -> Message:
        """Answer `message` in its chat (quoted in groups), paced like every other send."""
        parts = chunks(text)
        sent = message
        for index, part in enumerate(parts):
            await self.pacer.wait(message.chat_id)
            sent = await message.reply_text(
                part, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
                reply_markup=markup if index == len(parts) - 1 else None,
            )
        return sent

    async def reply(self, message: Message, reply: Reply, person: Person | None) -> Message:
        return await self.send(message, self.html(reply.key, reply.data, person), self.buttons(reply, person))
