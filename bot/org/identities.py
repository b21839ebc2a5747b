"""How one platform writes the ids of people and chats in the org file: pure data plus one generic parser.

A platform's ENTRY (bot/platform_<name>.py) carries an IdentitySpec; the org schema gains a `<name>:` key for people
and channels for every registered platform, validated by `parse_identity`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.org.values import org_error


@dataclass(frozen=True)
class IdentityKind:
    """One kind of id (a person's or a chat's) on one platform."""

    noun: str  # "member id", "user id", "channel id", "chat id"
    pattern: str  # the whole id must match (for a numeric id: its decimal text)
    fix: str  # what to do when it does not
    example: str  # "U…", "123…", "-100…" (the hint of a missing identity)
    numeric: bool = False  # written as a YAML number, never quoted


@dataclass(frozen=True)
class IdentitySpec:
    label: str  # "Slack": how people call the platform
    user: IdentityKind
    chat: IdentityKind


def parse_identity(label: str, kind: IdentityKind, value: object) -> str:
    """The id as text (numbers too), or an org error with the platform's own message and fix."""
    if kind.numeric:
        text = str(value) if isinstance(value, int) and not isinstance(value, bool) else None
    else:
        text = value if isinstance(value, str) else None
    if text is not None and re.fullmatch(kind.pattern, text):
        return text
    raise org_error(f"{value!r} is not a {label} {kind.noun}", kind.fix)
