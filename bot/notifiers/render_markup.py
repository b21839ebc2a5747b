"""How a platform writes text: the escaping of every printed value and the form of a mention. Each plug-in
platform declares its own in its registry ENTRY (bot/platform_<name>.py); the renderer names none of them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


class Safe(str):
    """Text already formatted for the platform (a mention, a link): not escaped again."""

    __slots__ = ()


@dataclass(frozen=True)
class Markup:
    """`escape` for every value a template prints, `mention(user id, name)` for a person who is on the platform.
    A platform without one gets plain text and `@name`."""

    escape: Callable[[str], str]
    mention: Callable[[str, str], str] | None = None


PLAIN = Markup(str)
