"""Realistic Telegram Bot API Update JSON for tests (feed to Update.de_json or FakeTelegram.push_update)."""

from __future__ import annotations

from typing import Any

BOT_ID = 999
BOT_USERNAME = "inquiry_desk_bot"
BOT_FIRST_NAME = "Inquiry Desk"
DEFAULT_DATE = 1_700_000_000

JSON = dict[str, Any]


def utf16_len(text: str) -> int:
    """Telegram entity offsets/lengths count UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def user(user_id: int, first_name: str | None = None, username: str | None = None, *, is_bot: bool = False,
         language_code: str | None = "en") -> JSON:
    out: JSON = {"id": user_id, "is_bot": is_bot, "first_name": first_name or f"User{user_id}"}
    if username:
        out["username"] = username
    if language_code and not is_bot:
        out["language_code"] = language_code
    return out


def bot_user() -> JSON:
    return user(BOT_ID, BOT_FIRST_NAME, BOT_USERNAME, is_bot=True)


def chat(chat_id: int, title: str | None = None, *, chat_type: str | None = None) -> JSON:
    """Private chat for positive ids, supergroup for negative ones (unless `chat_type` says otherwise)."""
    kind = chat_type or ("private" if chat_id > 0 else "supergroup")
    if kind == "private":
        return {"id": chat_id, "type": kind, "first_name": title or f"User{chat_id}"}
    return {"id": chat_id, "type": kind, "title": title or f"Group {chat_id}"}


def message(chat_id: int, from_id: int, message_id: int = 1, date: int = DEFAULT_DATE, **fields: Any) -> JSON:
    """A Message from user `from_id` in chat `chat_id`; `fields` adds text, caption, entities, ..."""
    out: JSON = {"message_id": message_id, "from": user(from_id), "chat": chat(chat_id), "date": date}
    out.update({k: v for k, v in fields.items() if v is not None})
    return out


def bot_message(chat_id: int, message_id: int, text: str, date: int = DEFAULT_DATE,
                reply_markup: JSON | None = None) -> JSON:
    """A message the bot sent earlier (what a callback query's `message` looks like)."""
    out: JSON = {"message_id": message_id, "from": bot_user(), "chat": chat(chat_id), "date": date,
                 "text": text}
    if reply_markup is not None:
        out["reply_markup"] = reply_markup
    return out


def _reply_to(reply_to: int | JSON | None, chat_id: int, date: int) -> JSON | None:
    if reply_to is None or isinstance(reply_to, dict):
        return reply_to
    return {"message_id": reply_to, "from": bot_user(), "chat": chat(chat_id), "date": date, "text": "..."}


def text_message_update(update_id: int, chat_id: int, from_id: int, text: str, message_id: int = 1,
                        date: int = DEFAULT_DATE, reply_to: int | JSON | None = None) -> JSON:
    """A plain text message; `reply_to` is a message dict or the id of a bot message being replied to."""
    msg = message(chat_id, from_id, message_id, date, text=text,
                  reply_to_message=_reply_to(reply_to, chat_id, date))
    return {"update_id": update_id, "message": msg}


# forward_origin (Bot API 7.0+) ------------------------------------------------------------------


def origin_user(user_id: int, date: int = DEFAULT_DATE, first_name: str | None = None,
                username: str | None = None) -> JSON:
    return {"type": "user", "date": date, "sender_user": user(user_id, first_name, username)}


def origin_hidden_user(sender_user_name: str, date: int = DEFAULT_DATE) -> JSON:
    return {"type": "hidden_user", "date": date, "sender_user_name": sender_user_name}


def origin_chat(chat_id: int, title: str, date: int = DEFAULT_DATE,
                author_signature: str | None = None) -> JSON:
    out: JSON = {"type": "chat", "date": date, "sender_chat": chat(chat_id, title, chat_type="supergroup")}
    if author_signature:
        out["author_signature"] = author_signature
    return out


def origin_channel(chat_id: int, title: str, message_id: int, date: int = DEFAULT_DATE,
                   author_signature: str | None = None, username: str | None = None) -> JSON:
    channel = chat(chat_id, title, chat_type="channel")
    if username:
        channel["username"] = username
    out: JSON = {"type": "channel", "date": date, "chat": channel, "message_id": message_id}
    if author_signature:
        out["author_signature"] = author_signature
    return out


def forwarded_message_update(update_id: int, chat_id: int, from_id: int, text: str, message_id: int = 1,
                             date: int = DEFAULT_DATE, *, origin: JSON,
                             is_automatic_forward: bool = False) -> JSON:
    """A forwarded text message; build `origin` with origin_user/_hidden_user/_chat/_channel."""
    msg = message(chat_id, from_id, message_id, date, forward_origin=origin, text=text,
                  is_automatic_forward=True if is_automatic_forward else None)
    return {"update_id": update_id, "message": msg}


# media ------------------------------------------------------------------------------------------


def photo_with_caption_update(update_id: int, chat_id: int, from_id: int, caption: str | None, message_id: int = 1,
                              date: int = DEFAULT_DATE, *, file_id: str = "photo-file-1",
                              origin: JSON | None = None) -> JSON:
    """A photo (two sizes, as Telegram sends) with a caption; optionally forwarded."""
    small, large = f"{file_id}-s", file_id
    sizes = [
        {"file_id": small, "file_unique_id": f"u-{small}", "file_size": 1200, "width": 90, "height": 67},
        {"file_id": large, "file_unique_id": f"u-{large}", "file_size": 48000, "width": 1280, "height": 960},
    ]
    msg = message(chat_id, from_id, message_id, date, forward_origin=origin, photo=sizes, caption=caption)
    return {"update_id": update_id, "message": msg}


def document_with_caption_update(update_id: int, chat_id: int, from_id: int, caption: str | None,
                                 message_id: int = 1, date: int = DEFAULT_DATE, *,
                                 file_id: str = "doc-file-1",
                                 file_name: str = "inquiry.pdf", mime_type: str = "application/pdf",
                                 file_size: int = 2048, origin: JSON | None = None) -> JSON:
    """A document with a caption; use FakeTelegram.add_file(...) to make `file_id` downloadable."""
    document = {"file_name": file_name, "mime_type": mime_type, "file_id": file_id,
                "file_unique_id": f"u-{file_id}", "file_size": file_size}
    msg = message(chat_id, from_id, message_id, date, forward_origin=origin, document=document,
                  caption=caption)
    return {"update_id": update_id, "message": msg}


def edited_message_update(update_id: int, original: JSON, edit_date: int, **changes: Any) -> JSON:
    """The `edited_message` update for a message sent earlier: same message_id and date, new text or caption
    (`changes`) and its edit_date."""
    return {"update_id": update_id, "edited_message": {**original, **changes, "edit_date": edit_date}}


# callbacks and commands -------------------------------------------------------------------------


def callback_query_update(update_id: int, from_id: int, data: str, message: JSON, *,
                          query_id: str | None = None) -> JSON:
    """A press on an inline button of `message` (see bot_message)."""
    query = {
        "id": query_id or f"cbq-{update_id}", "from": user(from_id), "message": message,
        "chat_instance": f"ci-{message['chat']['id']}", "data": data,
    }
    return {"update_id": update_id, "callback_query": query}


def command_update(text: str, update_id: int = 1, chat_id: int = 100, from_id: int = 100, message_id: int = 1,
                   date: int = DEFAULT_DATE, *, bot_username: str | None = None) -> JSON:
    """A command message with its bot_command entity. `bot_username` turns "/inq mine" into the group
    form "/inq@<bot_username> mine" (a text that already has "@bot" is kept as is)."""
    head, sep, rest = text.partition(" ")
    if bot_username and "@" not in head:
        head = f"{head}@{bot_username}"
    full = head + sep + rest
    entities = [{"type": "bot_command", "offset": 0, "length": utf16_len(head)}]
    msg = message(chat_id, from_id, message_id, date, text=full, entities=entities)
    return {"update_id": update_id, "message": msg}
