"""What every Feishu handler shares: who an open id is, rendering in the reader's locale, answering in a chat."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from jinja2 import TemplateError

from bot.context import Context
from bot.handlers.feishu_messages import PLATFORM, Incoming
from bot.notifiers.feishu_api import FeishuApi
from bot.notifiers.feishu_cards import action_buttons, card
from bot.notifiers.render import Renderer
from bot.org.model import Person
from bot.outbound import Reply

log = logging.getLogger(__name__)

MAX_TOAST = 200


@dataclass
class FeishuDeps:
    """Built once per process by bootstrap_feishu and handed to every handler."""

    ctx: Context
    renderer: Renderer
    api: FeishuApi

    def person(self, open_id: str | None) -> Person | None:
        return self.ctx.org.person_on(PLATFORM, open_id) if open_id else None

    def locale(self, person: Person | None) -> str:
        return self.ctx.org.locale_of(person)

    def text(self, key: str, data: dict[str, Any], person: Person | None) -> str:
        """Plain text in the reader's locale (Feishu text and plain_text card elements need no markup)."""
        return self.renderer.render(key, data, locale=self.locale(person), platform=PLATFORM)

    def render(self, reply: Reply, person: Person | None) -> str:
        """A reply as plain text; a template that cannot be rendered becomes the apology."""
        for key, data in ((reply.key, reply.data), ("error.apology", {})):
            try:
                return self.text(key, data, person)
            except TemplateError:
                log.exception("cannot render %s for Feishu", key)
        return reply.key

    def toast(self, reply: Reply, person: Person | None) -> dict[str, Any]:
        """The callback answer a press shows for a moment: success, or the refusal in red."""
        text = self.render(reply, person)
        text = text if len(text) <= MAX_TOAST else text[: MAX_TOAST - 1] + "…"
        return {"toast": {"type": "success" if reply.ok else "error", "content": text}}

    def term(self, group: str, value: str, person: Person | None) -> str:
        return str(self.renderer.term_function(self.locale(person))(group, value))

    def buttons(self, reply: Reply, person: Person | None) -> list[dict[str, Any]]:
        locale = self.locale(person)
        actions = reply.data.get("actions", [])
        return action_buttons([{**a, "label": self.renderer.button_label(a["id"], locale)} for a in actions])

    async def answer(self, message: Incoming, reply: Reply, person: Person | None) -> None:
        """Answer `message` in its chat, quoting it; a reply with buttons is a card."""
        text, buttons = self.render(reply, person), self.buttons(reply, person)
        msg_type, content = ("interactive", card(text, buttons)) if buttons else ("text", {"text": text})
        await self.api.reply(message.chat_id, message.message_id, msg_type, content, in_thread=False)


async def first_delivery(deps: FeishuDeps, key: str) -> bool:
    """Feishu delivers an event again when it did not see our answer in time; it is acted on once."""
    async with deps.ctx.uow() as uow:
        first = await uow.events.claim(key, deps.ctx.now())
        await uow.commit()
    return first
