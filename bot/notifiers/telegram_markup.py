"""Telegram message shapes: inline keyboards, callback data within 64 bytes, texts split to 4096 characters."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import InlineKeyboardButtonLimit, MessageLimit

log = logging.getLogger(__name__)

MAX_CALLBACK_BYTES = int(InlineKeyboardButtonLimit.MAX_CALLBACK_DATA)
MAX_TEXT = int(MessageLimit.MAX_TEXT_LENGTH)
SEPARATOR = ":"
ROW_WIDTH = 2


def callback_data(action: str, *values: str) -> str | None:
    """`ack:INQ-2026-000001`; None when it would not fit Telegram's 64-byte limit."""
    data = SEPARATOR.join([action, *values])
    if len(data.encode("utf-8")) > MAX_CALLBACK_BYTES:
        log.warning("callback data for %s is longer than %d bytes; button left out", action, MAX_CALLBACK_BYTES)
        return None
    return data


def parse_callback(data: str) -> tuple[str, list[str]]:
    """The inverse of callback_data: the action and its values."""
    action, *values = data.split(SEPARATOR)
    return action, values


def keyboard(buttons: Sequence[tuple[str, str | None]], width: int = ROW_WIDTH) -> InlineKeyboardMarkup | None:
    """An inline keyboard from (label, callback data) pairs, `width` buttons a row; None when empty."""
    usable = [InlineKeyboardButton(label, callback_data=data) for label, data in buttons if data is not None]
    if not usable:
        return None
    return InlineKeyboardMarkup([usable[i: i + width] for i in range(0, len(usable), width)])


def action_keyboard(buttons: Sequence[dict[str, str]]) -> InlineKeyboardMarkup | None:
    """The keyboard for a rendered message's buttons ({"id", "value", "label"})."""
    return keyboard([(b["label"], callback_data(b["id"], b.get("value", ""))) for b in buttons])


def chunks(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Split at line breaks so no part exceeds `limit`; markup never spans lines in our templates."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            candidate = line
        current = candidate
    if current or not parts:
        parts.append(current)
    return parts
