"""Outbound messages as data: a template key, its data and where it goes. Notifiers render and send them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Literal

TargetKind = Literal["person", "channel", "reply"]


@dataclass(frozen=True)
class Target:
    """Where a message goes: a person (their DM), a channel (each platform it has), or a reply in a thread.

    `ids` maps a platform name to the chat there (a channel's, or the chat a reply goes to)."""

    kind: TargetKind
    person: str | None = None
    ids: Mapping[str, str] = field(default_factory=dict, hash=False)
    platform: str | None = None  # the platform to prefer (the one an inquiry came from), or the reply's
    thread: str | None = None  # the platform's thread or message to reply under

    @staticmethod
    def to_person(person_id: str, platform: str | None = None) -> Target:
        return Target(kind="person", person=person_id, platform=platform)

    @staticmethod
    def to_channel(ids: Mapping[str, str]) -> Target:
        return Target(kind="channel", ids=dict(ids))

    @staticmethod
    def reply(platform: str | None, ref: Mapping[str, Any]) -> Target:
        """The reply to an intake message, from the reference its handler kept: `{platform: chat, "thread": …}`."""
        ids = {name: str(chat) for name, chat in ref.items() if name != "thread" and chat is not None}
        thread = ref.get("thread")
        return Target(kind="reply", platform=platform, ids=ids, thread=None if thread is None else str(thread))

    def as_json(self) -> dict[str, Any]:
        """Flat, as outbox rows always stored it: `{"kind": "channel", "slack": "C1", "telegram": "-100…"}`."""
        plain = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "ids"}
        return {**{k: v for k, v in plain.items() if v is not None}, **dict(self.ids)}

    @staticmethod
    def from_json(data: dict[str, Any]) -> Target:
        known = {f.name for f in fields(Target)} - {"ids"}
        ids = {name: str(value) for name, value in data.items() if name not in known and value is not None}
        return Target(**{k: v for k, v in data.items() if k in known}, ids=ids)


@dataclass(frozen=True)
class Outbound:
    key: str
    target: Target
    data: dict[str, Any] = field(default_factory=dict)
    inquiry_id: str | None = None


@dataclass(frozen=True)
class Reply:
    """The direct answer to whoever issued a command (rendered by the handler at once, not queued)."""

    key: str
    data: dict[str, Any] = field(default_factory=dict)
    ok: bool = True
