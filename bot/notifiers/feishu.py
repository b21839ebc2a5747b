"""Send rendered messages to Feishu / Lark: text, or an interactive card when there are buttons; replies in the
intake thread; DMs by open id; report files uploaded and posted under the message that announces them."""

from __future__ import annotations

import logging
from typing import Any

import httpx

from bot.notifiers.base import Address, DeliveryError, Rendered, attachment_of
from bot.notifiers.feishu_api import FeishuApi, FeishuApiError
from bot.notifiers.feishu_cards import action_buttons, card
from bot.notifiers.render import RenderPlatform

log = logging.getLogger(__name__)

MAX_TEXT = 100_000  # a text message may carry 150 KB of JSON; leave room for escaping


def content_of(message: Rendered) -> tuple[str, dict[str, Any]]:
    """msg_type and content: a card when the message has buttons, plain text otherwise."""
    if message.buttons:
        return "interactive", card(message.text, action_buttons(message.buttons))
    text = message.text if len(message.text) <= MAX_TEXT else message.text[: MAX_TEXT - 1] + "…"
    return "text", {"text": text}


class FeishuNotifier:
    """The outbox's Feishu side. Texts are rendered with bot/notifiers/feishu_markup.py: values neutralised so
    no customer text becomes a tag, a mention an at-tag that notifies (in a card, a lark_md line of at-tags)."""

    platform: RenderPlatform = "feishu"

    def __init__(self, api: FeishuApi) -> None:
        self.api = api

    async def send(self, address: Address, message: Rendered) -> dict[str, Any]:
        attachment = attachment_of(message)
        msg_type, content = content_of(message)
        try:
            posted = await self.post(address, msg_type, content)
            ref = {"chat": str(posted.chat_id), "message_id": str(posted.message_id)}
            if attachment is not None:
                file_type, file_content = await self.api.upload(attachment.path, attachment.filename)
                receiver = address.user or address.channel or ""
                await self.api.reply(receiver, ref["message_id"], file_type, file_content, in_thread=False)
            return ref
        except FeishuApiError as error:
            raise error.delivery_error() from error
        except httpx.TransportError as error:
            raise DeliveryError(f"network: {type(error).__name__}", permanent=False) from error

    async def post(self, address: Address, msg_type: str, content: dict[str, Any]) -> Any:
        """A reply in the thread of `address.thread`, a DM to `address.user`, or a post in `address.channel`."""
        if address.thread and address.channel:
            return await self.api.reply(address.channel, address.thread, msg_type, content, in_thread=True)
        if address.user:
            return await self.api.send("open_id", address.user, msg_type, content)
        if address.channel:
            return await self.api.send("chat_id", address.channel, msg_type, content)
        raise DeliveryError("feishu: no chat or user to send to", permanent=True)
