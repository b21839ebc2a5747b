"""Where a company's name ends and starts, once it is found: no "I have a small company" before it, no town
written after a name whose legal form stands in front ("CV Sumber Rejeki Teknik Malang", "شركة النور للكيماويات
بدمنهور"), where nothing else would mark the end.
"""

from __future__ import annotations

import re

from bot.rules.company_shapes import without_final_stop
from bot.rules.countries import find_country_in_text
from bot.rules.free_text import FROM_PARTICLES
from bot.rules.name_words import HONORIFIC_RE, LEGAL_RE
from bot.rules.places import city_mentions

__all__ = ["trimmed_company", "without_person"]

# "I have small company "X"", "we run a family business called X": the writer's words, not the name.
_OWNED_RE = re.compile(
    r"^(?:I|we)\s+(?:have|own|run|manage|represent|work\s+(?:at|for|in))\s+"
    r"(?:(?:a|an|one|the|my|our|small|little|new|young|family|trading|private|local)\s+)*"
    r"(?:company|firm|business|enterprise|shop|store)\s+(?:called\s+|named\s+)?",
    re.IGNORECASE,
)
_QUOTED_RE = re.compile(r"[\"“«„]([^\"“”«»„]+)[\"”»“]")
# Legal forms written before the name: after them the name has no form to end on.
_PREFIX_FORM_RE = re.compile(r"^(?:PT|CV|UD|Công\s+ty|Cty|ООО|ОАО|ЗАО|ПАО|АО|ТОО|ТОВ|شركة|مؤسسة)(?![^\W\d_])",
                             re.IGNORECASE)
_PLACE_TAIL_RE = re.compile(r"\s+[–—-]\s+|,\s+(?=[^,]+$)")
_NAME_WORDS = 3  # words a name keeps before a trailing town is cut ("PT Semen Gresik" keeps its town)


# "van", "de", Swahili "wa": from (a company); never "y", "i", "e" (and: "Juan Pérez y Hijos S.A." is the founder's)
_FROM_LINKS = FROM_PARTICLES | {"van", "dos", "das", "wa", "of"}


def without_person(company: str | None, name: str | None) -> str | None:
    """ "Pieter de Vries van Aqualab Noord B.V." read as one run: the customer's name (with its honorific: "Ustaz
    Hamisi Juma wa Zanzibar Quality Lab") and its "van"/"de"/"wa" go."""
    if company and name and not company.startswith(name + " "):
        bare = HONORIFIC_RE.sub("", company)
        company = bare if bare.startswith(name + " ") else company
    if not company or not name or not company.startswith(name + " "):
        return company
    link, _, rest = company[len(name) + 1 :].partition(" ")
    return rest if link.casefold() in _FROM_LINKS and rest[:1].isupper() else company


def trimmed_company(company: str | None) -> str | None:
    """The company without the writer's lead-in and without a town after a prefixed name."""
    if not company:
        return company
    if LEGAL_RE.fullmatch(company.strip(" ()[].,;")):
        return None  # a legal form alone ("(metan, CO)") names no company
    # "Công ty TNHH … Sài Gòn is distributor in Vietnam": the sentence goes on after the name (a lower-case verb: the
    # "Est" of "Groupe Nord Est" is east).
    named, *said = _COPULA_RE.split(company, maxsplit=1)
    if said and len(named.split()) >= 2:
        company = named
    owned = _OWNED_RE.match(company)
    if owned:
        rest = company[owned.end() :].strip()
        quoted = _QUOTED_RE.match(rest)
        company = quoted.group(1).strip() if quoted else rest
    # "وزارة الصحة – دولة الكويت", "Delta Labs - Egypt": the place after a dash or comma is no part of it.
    *name, tail = _PLACE_TAIL_RE.split(company, maxsplit=1) if _PLACE_TAIL_RE.search(company) else (company, "")
    if tail and _only_place(tail) and len(name[0].split()) >= 2:
        company = name[0]
    # "Minera Quebrada Honda SpA – Laboratorio Químico", "… GmbH – Zentrallabor": a unit of the company after its
    # legal form and a dash
    unit = _UNIT_TAIL_RE.search(company)
    if unit and LEGAL_RE.search(company[: unit.start()].split()[-1] if company[: unit.start()].split() else ""):
        company = company[: unit.start()].rstrip()
    # 'Бид Улаанбаатар хотод байрладаг "Хөх Тэнгэр Лаб" ХХК' (we are located in …): a quoted name and its legal
    # form close the company; the words before the quote are the sentence it stands in.
    quoted_name = _QUOTED_THEN_FORM_RE.search(company)
    if quoted_name and quoted_name.start() > 0 and LEGAL_RE.fullmatch(quoted_name.group("form")):
        company = without_final_stop(company[quoted_name.start() :])  # "… ХХК. Бутлуур …": the sentence's stop
    form = _PREFIX_FORM_RE.match(company)
    words = company.split()
    if form and len(words) - len(form.group().split()) > _NAME_WORDS and _is_town(words[-1]):
        return " ".join(words[:-1])
    return company


_UNIT_TAIL_RE = re.compile(
    r"\s+[–—-]\s+(?:(?:central|zentral|main|QC|R&D)\s*)?(?:laborator\w*|labor|zentrallabor|labs?|laboratoire|"
    r"laboratório|лаборатори\w*|المختبر|مختبر|department|dept\.?|division|unit|quality\s+control|procurement|"
    r"purchasing|compras|abteilung|departamento|área|sección|gerencia|service|servicio|отдел\w*)(?![^\W\d_])[^\n]*$",
    re.IGNORECASE,
)
_QUOTED_THEN_FORM_RE = re.compile(r'[«"“][^«»"“”\n]{2,60}[»"”][ \t]*(?P<form>[^\s«»"“”]+)$')
_COPULA_RE = re.compile(r"\s+(?-i:is|are|was|est|es|é|ist|è)\s+(?:a\s+|an\s+|the\s+|un\s+|une\s+|uma?\s+|ein\w*\s+)?"
                        r"(?:\w+\s+){0,2}?(?:distributor|dealer|importer|company|firm|manufacturer|supplier|"
                        r"distribuidor|importador|empresa|distributeur|importateur|société|Händler|Firma)\b",
                        re.IGNORECASE)


def _only_place(tail: str) -> bool:
    """"دولة الكويت", "Egypt", "Republic of Kenya" are only a place; "University of Leeds" and "فرع الإسكندرية"
    ("the Alexandria branch") are more."""
    words = [w for w in tail.split() if w.casefold() not in _PLACE_FILLERS]
    if not 1 <= len(words) <= 2:
        return False
    return bool(find_country_in_text(" ".join(words)) and find_country_in_text(words[0])
                or any(at == 0 for at, _ in city_mentions(" ".join(words))) and city_mentions(words[0]))


_PLACE_FILLERS = frozenset({"state", "of", "the", "republic", "kingdom", "city", "دولة", "جمهورية", "مملكة", "سلطنة",
                            "إمارة", "مدينة"})


def _is_town(word: str) -> bool:
    """A known city, or in Arabic "ب" ("in") glued to a name without the article ("بطنطا", not "بالكيماويات"
    and not a word of the name such as "للأسمدة")."""
    bare = word.strip(".,;:()")
    if city_mentions(bare):
        return True
    return bool(re.fullmatch(r"ب(?!ال)[\u0600-\u06ff]{3,}", bare))
