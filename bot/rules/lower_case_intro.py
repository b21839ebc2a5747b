"""Self-introductions typed all in lower case ("hola, soy ana ruiz de frutos del valle sa, ..."): chat writers skip
capitals, so the capitalised-run rules see no name; the introduction phrase, a link word and a legal form still
mark where the name and the company are."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.rules.countries import find_country_in_text
from bot.rules.name_words import COMPANY_WORD_RE, JOB_WORDS, LEGAL_RE, PARTICLES, THING_WORDS, TITLE_WORDS
from bot.rules.places import city_mentions

__all__ = ["LowerCaseIntro", "lower_case_intro", "without_intro_phrase"]

_INTRO = (r"soy|me\s+llamo|mi\s+nombre\s+es|my\s+name\s+is|my\s+name|i\s+am|i['’]m|im|this\s+is|sou|me\s+chamo|"
          r"meu\s+nome\s+é|je\s+suis|je\s+m['’]appelle|ich\s+bin|mi\s+chiamo|sono|saya|nama\s+saya")
_WORD = r"[^\W\d_A-ZÀ-ÞА-ЯЁ][^\W\d_]*"
_LOWER_INTRO_RE = re.compile(
    rf"(?:^|(?<=[\s,.!;:]))(?:{_INTRO})\s+(?:(?:el|la|o|a|dr|dra|ing|eng)\.?\s+)?"
    rf"(?P<name>{_WORD}(?:\s+{_WORD}){{1,2}}?)"
    rf"(?=\s*(?:[,.;!?]|$)|\s+(?:de|del|from|at|da|do|chez|von|bei|en|di|dari)\s)"
    rf"(?:\s*,?\s*(?:de|del|from|at|da|do|chez|von|bei|en|di|dari)\s+(?P<company>[^,.;!?\n]+))?",
    re.MULTILINE,
)
# Words of a sentence that follow "i am" / "soy" where no name does ("i am looking for", "soy interesado en").
_NOT_NAME = frozenset({
    "a", "an", "the", "in", "on", "at", "to", "for", "of", "and", "or", "not", "so", "very", "here", "there", "just",
    "interested", "looking", "writing", "trying", "calling", "going", "asking", "sorry", "glad", "happy", "new",
    "un", "una", "uno", "el", "la", "los", "las", "en", "y", "o", "muy", "interesado", "interesada", "buscando",
    "escribiendo", "nuevo", "nueva", "um", "uma", "os", "as", "e", "interessado", "interessada", "procurando",
    "le", "les", "et", "très", "intéressé", "intéressée", "ein", "eine", "der", "die", "das", "und", "sehr",
    "interessiert", "il", "lo", "interessato", "interessata", "yang", "dan", "mau", "ingin",
})
_INTRO_LEAD_RE = re.compile(rf"^\s*(?:{_INTRO})\s+", re.IGNORECASE)


@dataclass(frozen=True)
class LowerCaseIntro:
    name: str
    company: str | None


def lower_case_intro(text: str) -> LowerCaseIntro | None:
    """The first lower-case self-introduction: the name capitalised ("camila rojas" -> "Camila Rojas"), the company
    as typed when a legal form ends it ("viña santa elena spa")."""
    for match in _LOWER_INTRO_RE.finditer(text):
        line = text[text.rfind("\n", 0, match.start()) + 1 : match.end()]
        if any(ch.isupper() for ch in line):
            continue  # a sentence with capitals is read by the other rules
        words = match.group("name").split()
        if any(w in TITLE_WORDS | JOB_WORDS | THING_WORDS | _NOT_NAME for w in words) or words[0] in PARTICLES:
            continue
        name = " ".join(w if w in PARTICLES else w.capitalize() for w in words)
        if find_country_in_text(name) or city_mentions(name) or COMPANY_WORD_RE.search(name) or LEGAL_RE.search(name):
            continue
        return LowerCaseIntro(name, _typed_company(match.group("company") or ""))
    return None


def _typed_company(rest: str) -> str | None:
    """The words up to and including the last legal form: "agro sur srl rosario" -> "agro sur srl"."""
    ends = [m.end() for m in LEGAL_RE.finditer(rest) if m.start() > 0]
    company = rest[: ends[-1]].strip() if ends else ""
    return company if len(company.split()) >= 2 else None


def without_intro_phrase(value: str) -> str:
    """A label's value that starts with an introduction ("visitor: my name ali raza") without it."""
    return _INTRO_LEAD_RE.sub("", value, count=1)
