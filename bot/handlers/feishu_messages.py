"""An im.message.receive_v1 event as a small value: who wrote what where, and the text intake reads.

| message_type  | text read                                                                          |
|---------------|------------------------------------------------------------------------------------|
| text          | `content.text`, with the `@_user_N` placeholders of mentions removed               |
| post          | every text, link and mention of the rich text, a line per paragraph, title first   |
| merge_forward | the forwarded messages, read with im.v1 messages get (their own times and texts)   |
| anything else | nothing: a file or an image alone is not an inquiry anyone can read here          |

A single forwarded message arrives as a new message of its own type; Feishu does not say when the original was
written, so only a merged forward gives `received_at`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

PLATFORM = "feishu"
MENTION = re.compile(r"@_user_\d+\s?")
READABLE = frozenset({"text", "post", "merge_forward"})


@dataclass(frozen=True)
class Incoming:
    """One message event, flattened."""

    event_id: str
    message_id: str
    chat_id: str
    chat_type: str  # "group" | "p2p"
    msg_type: str
    content: dict[str, Any]
    open_id: str
    sender_type: str  # "user" | "app"
    created: datetime
    parent_id: str | None = None
    root_id: str | None = None

    @property
    def text(self) -> str:
        return text_of(self.msg_type, self.content)

    @property
    def message_key(self) -> str:
        """The same Feishu message never makes two inquiries, whatever event delivers it."""
        return f"{PLATFORM}:{self.chat_id}:{self.message_id}"

    @property
    def delivery_key(self) -> str:
        return f"{PLATFORM}-event:{self.event_id}"

    @property
    def reply_to(self) -> dict[str, str]:
        """Where the intake reply goes: the thread of this very message in its chat."""
        return {PLATFORM: self.chat_id, "thread": self.message_id}

    @property
    def private(self) -> bool:
        return self.chat_type == "p2p"


def millis(value: Any) -> datetime:
    """Feishu's millisecond timestamps (as text or number) as aware UTC datetimes."""
    return datetime.fromtimestamp(int(value) / 1000, tz=UTC)


def incoming(payload: dict[str, Any]) -> Incoming | None:
    """The message of a receive event; None when the payload is not one."""
    event = payload.get("event") or {}
    message, sender = event.get("message") or {}, event.get("sender") or {}
    if not message.get("message_id") or not message.get("chat_id"):
        return None
    try:
        content = json.loads(message.get("content") or "{}")
    except ValueError:
        content = {}
    header = payload.get("header") or {}
    return Incoming(
        event_id=str(header.get("event_id") or message["message_id"]),
        message_id=str(message["message_id"]),
        chat_id=str(message["chat_id"]),
        chat_type=str(message.get("chat_type") or ""),
        msg_type=str(message.get("message_type") or ""),
        content=content if isinstance(content, dict) else {},
        open_id=str((sender.get("sender_id") or {}).get("open_id") or ""),
        sender_type=str(sender.get("sender_type") or ""),
        created=millis(message.get("create_time") or header.get("create_time") or 0),
        parent_id=message.get("parent_id") or None,
        root_id=message.get("root_id") or None,
    )


def text_of(msg_type: str, content: dict[str, Any]) -> str:
    if msg_type == "text":
        return MENTION.sub("", str(content.get("text") or "")).strip()
    if msg_type == "post":
        return _post_text(content)
    return ""


def _post_text(content: dict[str, Any]) -> str:
    """A rich-text post; the event sends `{"title", "content"}`, the message API may wrap it per language."""
    if "content" not in content and content:
        content = next((v for v in content.values() if isinstance(v, dict)), {})
    lines = [str(content.get("title") or "")]
    for paragraph in content.get("content") or []:
        words = [str(e.get("text") or e.get("user_name") or e.get("href") or "") for e in paragraph or []
                 if isinstance(e, dict) and e.get("tag") in ("text", "a", "at", "code_block", "md")]
        lines.append("".join(words))
    return "\n".join(line for line in lines if line.strip()).strip()


def command_text(message: Incoming) -> str | None:
    """`/inq ...` typed in a chat (after any @mention of the bot); None for other text."""
    text = message.text
    if message.msg_type != "text" or not text.startswith("/"):
        return None
    name = text.split(maxsplit=1)[0][1:].lower()
    return text if name == "inq" else None


def merged_text(items: list[Any], merged_id: str) -> tuple[str, datetime | None]:
    """The forwarded messages of a merged forward (from im.v1 messages get), oldest first, and when the first
    was written."""
    subs = [item for item in items if getattr(item, "upper_message_id", None) == merged_id]
    subs.sort(key=lambda item: int(getattr(item, "create_time", 0) or 0))
    texts = []
    for item in subs:
        try:
            content = json.loads(getattr(getattr(item, "body", None), "content", None) or "{}")
        except ValueError:
            continue
        if isinstance(content, dict):
            texts.append(text_of(str(getattr(item, "msg_type", "")), content))
    first = getattr(subs[0], "create_time", None) if subs else None
    return "\n\n".join(t for t in texts if t), millis(first) if first else None
