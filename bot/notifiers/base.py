"""What a platform notifier is: it sends one rendered message to one address, or says why it could not."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from bot.notifiers.render import RenderPlatform


@dataclass(frozen=True)
class Address:
    """A concrete place on one platform: a channel / chat, maybe a thread, maybe a person's DM."""

    platform: str
    channel: str | None = None  # Slack channel id, Telegram chat id (as text)
    user: str | None = None  # Slack user id / Telegram user id for a DM
    thread: str | None = None
    person_id: str | None = None
    label: str = ""  # who or where, for the shell transcript and logs


@dataclass(frozen=True)
class Rendered:
    text: str
    buttons: list[dict[str, str]] = field(default_factory=list)  # {"id", "value", "label"}
    key: str = ""
    locale: str = "en"
    data: dict[str, Any] = field(default_factory=dict)
    outbox_id: int | None = None  # carried with the post where the platform keeps it (Slack message metadata)


@dataclass(frozen=True)
class Attachment:
    """A file (ledger workbook, chart) that goes with a message."""

    path: Path
    filename: str


def attachment_of(message: Rendered) -> Attachment | None:
    """The file a message carries (`data["attachment"] = {"path", "filename"}`); a missing file is an error."""
    raw = message.data.get("attachment")
    if not isinstance(raw, dict) or not raw.get("path"):
        return None
    path = Path(str(raw["path"]))
    if not path.is_file():
        raise DeliveryError(f"attachment_missing: {path.name}", permanent=True)
    return Attachment(path, str(raw.get("filename") or path.name))


class DeliveryError(Exception):
    """A send failed. `permanent` failures are recorded and reported, never retried."""

    def __init__(self, reason: str, *, permanent: bool, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
        self.retry_after = retry_after


class Notifier(Protocol):
    platform: RenderPlatform

    async def send(self, address: Address, message: Rendered) -> dict[str, Any]:
        """Deliver; return `{"chat": ..., "message_id": ...}` of the posted message (Slack ts, Telegram id)."""
        ...


@runtime_checkable
class SentLookup(Protocol):
    """A platform that can tell whether an outbox row was already posted (Slack: message metadata)."""

    async def find_sent(self, address: Address, outbox_id: int) -> dict[str, Any] | None:
        """The `{"chat", "message_id"}` of the post carrying `outbox_id`, or None when there is none."""
        ...
