"""Turn a Target (a person, a channel, a reply) into concrete addresses on the platforms that are running."""

from __future__ import annotations

from collections.abc import Sequence, Set
from typing import Any

from bot import platforms
from bot.notifiers.base import Address
from bot.org.model import Channel, Org, Person
from bot.outbound import Target
from storage.repositories.outbox import lane_key, lane_of


def person_platform(
    person: Person, hint: str | None, available: Set[str], order: Sequence[str] | None = None
) -> str | None:
    """`prefer` first, then the platform the inquiry came from, then the registry's order (SPEC section 3):
    the first of those the person has an id on and that is running."""
    for platform in (person.prefer, hint, *(platforms.names() if order is None else order)):
        if platform and person.on(platform) is not None and platform in available:
            return platform
    return None


def resolve(org: Org, target: Target, available: Set[str]) -> list[Address]:
    if "shell" in available:
        return [_shell_address(org, target)]
    if target.kind == "person":
        return _person(org, target, available)
    if target.kind == "reply":
        return _reply(org, target, available)
    return _channel(Channel(ids=target.ids), available, target.thread)


def _person(org: Org, target: Target, available: Set[str]) -> list[Address]:
    """A DM: the address is the person's user id on the platform chosen (the notifier opens the DM)."""
    person = org.person(target.person or "")
    if person is None:
        return []
    platform = person_platform(person, target.platform, available)
    user = person.on(platform) if platform else None
    if platform is None or user is None:
        return []
    return [Address(platform, user=user, person_id=person.id, label=person.name)]


def _reply(org: Org, target: Target, available: Set[str]) -> list[Address]:
    chat = target.ids.get(target.platform or "")
    if target.platform and chat and target.platform in available:
        return [Address(target.platform, channel=chat, thread=target.thread, label="intake thread")]
    return _channel(org.intake, available, None)


def _channel(channel: Channel, available: Set[str], thread: str | None) -> list[Address]:
    return [Address(platform, channel=chat, thread=thread, label=_label(platform, chat))
            for platform, chat in channel.ids.items() if platform in available]


def _label(platform: str, chat: str) -> str:
    return f"#{chat}" if chat[:1].isalpha() else chat


def _shell_address(org: Org, target: Target) -> Address:
    if target.kind == "person":
        person = org.person(target.person or "")
        name = person.name if person else (target.person or "?")
        return Address("shell", person_id=target.person, label=f"{name} (DM)")
    if target.kind == "reply":
        return Address("shell", label="intake thread")
    first = next(iter(target.ids.values()), "")
    return Address("shell", label=f"channel {first}".strip())


def lane_for(org: Org, target: dict[str, Any], available: Set[str]) -> str:
    """The outbox lane of a target: the chats it reaches now (whatever thread), so two targets that reach one
    DM or channel share a lane and its pace; a target that reaches nothing gets a lane of its own."""
    addresses = resolve(org, Target.from_json(target), available)
    if not addresses:
        return lane_of(target)
    return lane_key("|".join(sorted(f"{a.platform}:{a.channel or a.user or a.label}" for a in addresses)))
