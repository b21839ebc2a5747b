"""Turn a Target (a person, a channel, a reply) into concrete addresses on the platforms that are running."""

from __future__ import annotations

from collections.abc import Set

from bot.notifiers.base import Address
from bot.org.model import Channel, Org, Person
from bot.outbound import Target


def person_platform(person: Person, hint: str | None, available: Set[str]) -> str | None:
    """`prefer` first, then the platform the inquiry came from, then Slack, then Telegram (SPEC section 3)."""
    has = {"slack": person.slack is not None, "telegram": person.telegram is not None}
    for platform in (person.prefer, hint, "slack", "telegram"):
        if platform and has.get(platform) and platform in available:
            return platform
    return None


def resolve(org: Org, target: Target, available: Set[str]) -> list[Address]:
    if "shell" in available:
        return [_shell_address(org, target)]
    if target.kind == "person":
        return _person(org, target, available)
    if target.kind == "reply":
        return _reply(org, target, available)
    return _channel(Channel(slack=target.slack, telegram=target.telegram), available, target.thread)


def _person(org: Org, target: Target, available: Set[str]) -> list[Address]:
    person = org.person(target.person or "")
    if person is None:
        return []
    platform = person_platform(person, target.platform, available)
    if platform == "slack":
        return [Address("slack", user=person.slack, person_id=person.id, label=person.name)]
    if platform == "telegram":
        return [Address("telegram", channel=str(person.telegram), user=str(person.telegram), person_id=person.id,
                        label=person.name)]
    return []


def _reply(org: Org, target: Target, available: Set[str]) -> list[Address]:
    if target.platform == "slack" and target.slack and "slack" in available:
        return [Address("slack", channel=target.slack, thread=target.thread, label="intake thread")]
    if target.platform == "telegram" and target.telegram is not None and "telegram" in available:
        return [Address("telegram", channel=str(target.telegram), thread=target.thread, label="intake reply")]
    return _channel(org.intake, available, None)


def _channel(channel: Channel, available: Set[str], thread: str | None) -> list[Address]:
    found = []
    if channel.slack and "slack" in available:
        found.append(Address("slack", channel=channel.slack, thread=thread, label=f"#{channel.slack}"))
    if channel.telegram is not None and "telegram" in available:
        found.append(Address("telegram", channel=str(channel.telegram), thread=thread, label=str(channel.telegram)))
    return found


def _shell_address(org: Org, target: Target) -> Address:
    if target.kind == "person":
        person = org.person(target.person or "")
        name = person.name if person else (target.person or "?")
        return Address("shell", person_id=target.person, label=f"{name} (DM)")
    if target.kind == "reply":
        return Address("shell", label="intake thread")
    return Address("shell", label=f"channel {target.slack or target.telegram or ''}".strip())
