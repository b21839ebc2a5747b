"""Send rendered messages through the Telegram Bot API: HTML, inline keyboards, replies, pacing and errors."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import warnings
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Bot, InlineKeyboardMarkup, LinkPreviewOptions, Message, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.warnings import PTBDeprecationWarning

from bot.notifiers.base import Address, Attachment, DeliveryError, Rendered, attachment_of
from bot.notifiers.pacing import Pacer
from bot.notifiers.render import RenderPlatform
from bot.notifiers.telegram_markup import action_keyboard, chunks

log = logging.getLogger(__name__)

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
MAX_INLINE_WAIT = 5.0  # a longer flood wait goes back to the outbox, which reschedules the row

DmForbidden = Callable[["TelegramNotifier", Address, Rendered, str], Awaitable[dict[str, Any]]]


def retry_seconds(error: RetryAfter) -> float:
    """RetryAfter.retry_after is an int or a timedelta depending on PTB settings; seconds either way."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


def delivery_error(error: TelegramError) -> DeliveryError:
    """Permanent for what a retry cannot fix (bad chat, no rights, bad token); transient otherwise."""
    if isinstance(error, RetryAfter):
        return DeliveryError("rate_limited", permanent=False, retry_after=retry_seconds(error))
    if isinstance(error, ChatMigrated):
        return DeliveryError(f"chat_migrated to {error.new_chat_id}: update org.yaml", permanent=True)
    if isinstance(error, Forbidden):
        return DeliveryError(f"forbidden: {error.message}", permanent=True)
    if isinstance(error, BadRequest):  # a NetworkError subclass, so it is checked first
        return DeliveryError(f"bad_request: {error.message}", permanent=True)
    if isinstance(error, InvalidToken | EndPointNotFound):
        return DeliveryError(f"bad_configuration: {error.message}", permanent=True)
    if isinstance(error, NetworkError):
        return DeliveryError(f"network: {error.message}", permanent=False)
    return DeliveryError(f"telegram: {error.message}", permanent=False)


def _reply_parameters(thread: str | None) -> ReplyParameters | None:
    if not thread or not thread.isdigit():
        return None
    return ReplyParameters(message_id=int(thread), allow_sending_without_reply=True)


class TelegramNotifier:
    """The outbox's Telegram side; a DM to someone who never started the bot goes to `on_dm_forbidden`."""

    platform: RenderPlatform = "telegram"

    def __init__(
        self,
        bot: Bot,
        *,
        pacer: Pacer | None = None,
        on_dm_forbidden: DmForbidden | None = None,
        max_inline_wait: float = MAX_INLINE_WAIT,
    ) -> None:
        self.bot = bot
        self.pacer = pacer or Pacer()
        self.on_dm_forbidden = on_dm_forbidden
        self.max_inline_wait = max_inline_wait

    async def send(self, address: Address, message: Rendered) -> dict[str, Any]:
        chat_id = int(address.channel or address.user or "0")
        attachment = attachment_of(message)
        try:
            ref = await self.post(chat_id, message.text, action_keyboard(message.buttons), address.thread)
            if attachment is not None:
                await self._document(chat_id, attachment, str(ref["message_id"]))
            return ref
        except Forbidden as error:
            if address.user is None or self.on_dm_forbidden is None:
                raise delivery_error(error) from error
            log.info("telegram DM to %s refused (%s); using the group fallback", address.person_id, error.message)
            return await self.on_dm_forbidden(self, address, message, error.message)
        except TelegramError as error:
            raise delivery_error(error) from error

    async def post(
        self, chat_id: int, text: str, markup: InlineKeyboardMarkup | None = None, reply_to: str | None = None
    ) -> dict[str, Any]:
        """Send `text` (split when long; the keyboard goes on the last part); raises TelegramError."""
        parts = chunks(text)
        message_ids = []
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            reply = _reply_parameters(reply_to) if index == 0 else None
            sent = await self._send_one(chat_id, part, markup if last else None, reply)
            message_ids.append(sent.message_id)
        return {"chat": chat_id, "message_id": message_ids[-1]}

    async def _send_one(
        self, chat_id: int, text: str, markup: InlineKeyboardMarkup | None, reply: ReplyParameters | None
    ) -> Message:
        """One sendMessage; a short flood wait is honoured here once, a long one goes back to the outbox."""
        try:
            return await self._send_paced(chat_id, text, markup, reply)
        except RetryAfter as error:
            wait = retry_seconds(error)
            if wait > self.max_inline_wait:
                raise
            log.info("telegram flood limit in chat %s; waiting %.1fs", chat_id, wait)
            await asyncio.sleep(wait)
        return await self._send_paced(chat_id, text, markup, reply)

    async def _document(self, chat_id: int, attachment: Attachment, reply_to: str) -> None:
        """A report file (sendDocument) as a reply to the message that announces it."""
        await self.pacer.wait(chat_id)
        with attachment.path.open("rb") as handle:
            await self.bot.send_document(
                chat_id, document=handle, filename=attachment.filename, reply_parameters=_reply_parameters(reply_to)
            )

    async def _send_paced(
        self, chat_id: int, text: str, markup: InlineKeyboardMarkup | None, reply: ReplyParameters | None
    ) -> Message:
        await self.pacer.wait(chat_id)
        return await self.bot.send_message(
            chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup, reply_parameters=reply,
            link_preview_options=NO_PREVIEW,
        )
