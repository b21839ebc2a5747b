"""A message in the Telegram intake group becomes an IntakeMessage: text, dates and idempotency keys."""

from __future__ import annotations

from datetime import datetime

from telegram import Message, Update

from bot.handlers.grammar import strip_prefix
from bot.org.model import Person
from bot.services.intake import IntakeMessage

PLATFORM = "telegram"


def message_key(message: Message) -> str:
    """The same Telegram message never makes two inquiries, whatever update delivers it."""
    return f"{PLATFORM}:{message.chat_id}:{message.message_id}"


def delivery_key(update: Update) -> str:
    return f"{PLATFORM}-update:{update.update_id}"


def reply_to(message: Message) -> dict[str, int | str]:
    """Where the intake reply goes: a reply to this very message in its chat."""
    return {PLATFORM: message.chat_id, "thread": str(message.message_id)}


def inquiry_text(message: Message) -> str | None:
    """Forwarded or pasted text, or the caption of a photo or document; None when there is nothing to read."""
    text = message.text if message.text is not None else message.caption
    return text if text and text.strip() else None


def edited_text(message: Message) -> str:
    """The text an edit of an intake message carries; for an edited `/inq new TEXT`, the TEXT."""
    text = inquiry_text(message) or ""
    if not text.startswith("/"):
        return text
    verb, _, rest = strip_prefix(text).partition(" ")
    return rest.strip() if verb.lower() == "new" else ""


def received_at(message: Message) -> datetime | None:
    """When the customer's message was first sent: the forward origin's date, whatever kind of origin it is."""
    origin = message.forward_origin
    return origin.date if origin is not None else None


def intake_message(update: Update, message: Message, sender: Person) -> IntakeMessage | None:
    """Translate; None for messages that carry no inquiry (a sticker, a photo without a caption)."""
    text = inquiry_text(message)
    if text is None:
        return None
    return IntakeMessage(
        platform=PLATFORM,
        sender=sender,
        text=text,
        forwarded_at=message.date,
        received_at=received_at(message),
        message_key=message_key(message),
        delivery_key=delivery_key(update),
        reply_to=reply_to(message),
    )
