"""Outbound messages as data: a template key, its data and where it goes. Notifiers render and send them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

TargetKind = Literal["person", "channel", "reply"]


@dataclass(frozen=True)
class Target:
    """Where a message goes: a person (their DM), a channel (each platform it has), or a reply in a thread."""

    kind: TargetKind
    person: str | None = None
    slack: str | None = None
    telegram: int | None = None
    platform: str | None = None  # the platform to prefer (the one an inquiry came from), or the reply's
    thread: str | None = None  # Slack thread ts, or Telegram message id to reply to

    @staticmethod
    def to_person(person_id: str, platform: str | None = None) -> Target:
        return Target(kind="person", person=person_id, platform=platform)

    def as_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    @staticmethod
    def from_json(data: dict[str, Any]) -> Target:
        return Target(**data)


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
