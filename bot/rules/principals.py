"""Whom a writer acts for: "Escrevo em nome do Dr. X", "I am writing on behalf of Mr. Y", "أكتب نيابة عن المهندس Z".

A secretary or an assistant who writes for a named person sends the inquiry, but the customer is that person:
their name is the customer's, and the address and number given for them after it ("please send the offer
directly to Dr. X: x@…, mobile …") are the customer's, not the writer's own in the header or the signature.
An organisation after the phrase ("on behalf of Lusaka Water ...") names the company, not a person, and is left
to the company finders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.rules.name_words import CLOSING_RE, HONORIFIC_RE

__all__ = ["Principal", "principal_of"]


@dataclass(frozen=True)
class Principal:
    """The person the writer acts for, and where the text speaks of them (up to the writer's closing)."""

    honorific_led: str  # what follows the phrase, from the honorific to the end of its clause
    start: int
    end: int


_BEHALF_RE = re.compile(
    r"(?<![^\W\d_])(?:on\s+behalf\s+of|im\s+Auftrag\s+von|en\s+nombre\s+de(?:l)?|a\s+nombre\s+de(?:l)?|"
    r"em\s+nome\s+d[aeo]|au\s+nom\s+d[eu]|per\s+conto\s+d(?:i|el|ella)|от\s+имени|w\s+imieniu|atas\s+nama|"
    r"(?:ب)?النيابة\s+عن|نيابة\s+عن|نيابةً\s+عن)[ \t]+(?P<rest>[^\n]+)",
    re.IGNORECASE,
)
_CLAUSE_END_RE = re.compile(r"[،,;:()\n]|\.(?:\s|$)(?<!\b\w\.\s)")


def principal_of(text: str) -> Principal | None:
    """The person named with a title after "on behalf of" (in the languages we meet), else None."""
    for match in _BEHALF_RE.finditer(text):
        rest = match.group("rest")
        if not HONORIFIC_RE.match(rest):
            continue  # a company ("on behalf of Abyssinia Pharma Share Company") or a role ("of our director")
        titled = HONORIFIC_RE.sub("", HONORIFIC_RE.sub("", rest, count=1), count=1)
        clause = _CLAUSE_END_RE.split(titled, maxsplit=1)[0].strip()
        closing = next((m.start() for m in _LINE_RE.finditer(text, match.end()) if CLOSING_RE.match(m.group())),
                       len(text))
        return Principal(clause, match.start("rest"), closing)
    return None


_LINE_RE = re.compile(r"^[^\n]*", re.MULTILINE)
