"""Country signals in an inquiry: a country name in free text, and the country of an email domain."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache

import pycountry

from bot.rules.country_names import ABBREVIATIONS, CJK_CHARS, NameTables, fold, name_tables, strip_marks
from bot.rules.free_text import introductions, signature_lines
from bot.rules.name_words import COMPANY_WORD_RE
from bot.rules.places import city_mentions, demonym_mentions

__all__ = ["CountryEvidence", "country_evidence", "country_of_email_domain", "find_country_in_text", "iso_countries"]

# Two-letter TLDs sold worldwide as generic names (.co "company", .io, .ai, .me, .tv ...). A bare "acme.co"
# says nothing about Colombia; "acme.com.co" (a national second level) does.
GENERIC_CCTLDS = frozenset({"co", "io", "ai", "me", "tv", "cc", "ws", "fm", "gg", "to"})
NATIONAL_SECOND_LEVELS = frozenset({"com", "net", "org", "edu", "gov", "gob", "ac", "co", "nom", "mil"})

# A labelled line such as "Country/Region: Peru" (Alibaba), "País: Brasil", "国家/地区：巴西" beats free text.
_LABELLED_RE = re.compile(
    r"^[ \t*•-]*(?:country(?:\s*/\s*region)?|location|pa[ií]s|pays|land|kraj|ülke|paese|nazione|"
    r"quốc\s+gia|negara|страна|країна|国家(?:\s*/\s*地区)?|国家和地区|所在国家|البلد|الدولة)\s*[:：]\s*(?P<value>.+)$",
    re.IGNORECASE | re.MULTILINE,
)
# Lines where customers write where they are: an address, a city, a P.O. box.
_ADDRESS_RE = re.compile(
    r"^[ \t*•-]*(?:(?:postal\s+|mailing\s+|business\s+)?address|addr|city|town|direcci[oó]n|ciudad|endere[cç]o|"
    r"cidade|adresse|ville|anschrift|adres|indirizzo|адрес|город|العنوان|المدينة|地址|城市|所在城市)\s*[:：]"
    r"|\bp\.?\s?o\.?\s+box\b|\bc\.?p\.?\s*\d{4,5}\b|\bcep\s*:?\s*\d{5}-?\d{3}\b",
    re.IGNORECASE | re.MULTILINE,
)
_ABBREVIATION_RE = re.compile(
    r"(?<![\w.])(" + "|".join(map(re.escape, sorted(ABBREVIATIONS, key=len, reverse=True))) + r")(?![\w])"
)
# A British postcode ("Harrogate HG1 4QR", "LS11 5DN"): its shape is Britain's alone.
_UK_POSTCODE_RE = re.compile(r"(?<![\w-])[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[ABD-HJLNP-UW-Z]{2}(?![\w-])")
_TOKEN_RE = re.compile(rf"(?P<cjk>[{CJK_CHARS}（）]+)|(?P<word>(?:(?![{CJK_CHARS}])[^\W_])+)")
_ARABIC_PREFIXES = "وبلف"

# Arabic names that only their vowel marks tell apart: "عمّان" (Amman) is "عُمان" (Oman) without them, so
# the marked spelling is read before the marks go ("في عمّان" -> Amman, Jordan).
_MARKED_CITIES = {"عمّان": "Amman"}
_MARKED_CITIES_RE = re.compile(
    r"(?<![\u0600-\u06ff])[وبلف]?(?P<city>" + "|".join(_MARKED_CITIES) + r")(?![\u0600-\u06ff])"
)
# A country's name in a sea's: "Océan Indien", "Oceano Índico", "Mar de China" are no customer's country.
_SEA_WORDS = frozenset({"ocean", "oceano", "sea", "mer", "mar", "океан", "море"})
_STREET_WORDS = frozenset({"av", "avda", "avenida", "avenue", "calle", "rua", "rue", "jr", "jiron", "paseo", "calzada",
                           "street", "ulitsa", "улица", "ул", "проспект"})

Match = tuple[int, str | None]  # (position in the text, alpha-2 or None for "not a country")


@cache
def iso_countries() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 code that pycountry knows."""
    return frozenset(c.alpha_2 for c in pycountry.countries)


def country_of_email_domain(domain: str) -> str | None:
    """ISO alpha-2 of a domain's ccTLD: "empresa.com.br" -> "BR", "x.co.uk" -> "GB", "acme.com" -> None."""
    labels = domain.strip().lower().rsplit("@", 1)[-1].rstrip(".").split(".")
    tld = labels[-1]
    if len(labels) < 2 or len(tld) != 2:
        return None
    if tld in GENERIC_CCTLDS and (len(labels) < 3 or labels[-2] not in NATIONAL_SECOND_LEVELS):
        return None
    code = "GB" if tld == "uk" else tld.upper()
    return code if code in iso_countries() else None


@dataclass(frozen=True)
class CountryEvidence:
    """Where the text says the customer is, by how surely it says so.

    - `stated`: a labelled "Country:" line, else a country or city in an address line or the signature
      block: the customer telling us where they are. It outranks even the phone (a Nigerian buyer with a UK
      mobile is in Nigeria).
    - `mentioned`: the first country or city named anywhere ("for our plant in Medellín").
    - `nationality`: "a Nigerian distributor", "empresa mexicana", "شركة سعودية": the weakest.
    """

    stated: str | None = None
    mentioned: str | None = None
    nationality: str | None = None
    named: tuple[str, ...] = field(default=(), compare=False)  # every country named or whose city is, in order

    @property
    def best(self) -> str | None:
        return self.stated or self.mentioned or self.nationality


def country_evidence(text: str) -> CountryEvidence:
    """The country signals of a text, strongest first (see CountryEvidence)."""
    text = strip_marks(_MARKED_CITIES_RE.sub(lambda m: " " + _MARKED_CITIES[m.group("city")], text))
    stated = next((c for c in map(_named_in, _stated_parts(text)) if c), None)
    named = [*_matches(text), *city_mentions(text)] if text.strip() else []
    codes = tuple(dict.fromkeys(code for _, code in sorted(named, key=lambda m: m[0]) if code))
    return CountryEvidence(stated, _pick(named), _pick(demonym_mentions(text)), codes)


def find_country_in_text(text: str) -> str | None:
    """ISO alpha-2 of a country named in the text: a labelled "Country:" line, an address or the signature
    first, else the first country or city mentioned, else a nationality ("a Kenyan distributor").

    China counts only when no other country is named: the maker is Chinese, so "your factory in China" or
    "Made in China" describe us, not the customer.
    """
    return country_evidence(text).best


def _stated_parts(text: str) -> list[str]:
    """The labelled "Country:" values, the address lines, the signature block, then the sentences where the
    customer introduces themself, in that order."""
    labelled = [m.group("value") for m in _LABELLED_RE.finditer(text)]
    lines = text.splitlines()
    address = [line for line in lines if _ADDRESS_RE.search(line)]
    # In an introduction only a place standing as its own part counts ("..., Port Harcourt, Nigeria."), not
    # one in a phrase ("we are looking to export to Nigeria").
    places = [
        part for sentence in introductions(text) for part in re.split(r"[,;()]\s*|\s[-–—]\s", sentence.rstrip(". "))
        if 0 < len(part.split()) <= 4 and part.strip()[:1].isupper()
    ]
    return [*labelled, *address, "\n".join(signature_lines(text)), *places]


def _named_in(text: str) -> str | None:
    return _pick([*_matches(text), *city_mentions(text)]) if text.strip() else None


def _pick(matches: Sequence[Match]) -> str | None:
    codes = [code for _, code in sorted(matches, key=lambda m: m[0]) if code]
    return next((c for c in codes if c != "CN"), codes[0] if codes else None)


def _matches(text: str) -> list[Match]:
    tables = name_tables()
    found: list[Match] = [(m.start(), ABBREVIATIONS[m.group(1)]) for m in _ABBREVIATION_RE.finditer(text)]
    found += [(m.start(), "GB") for m in _UK_POSTCODE_RE.finditer(text)]
    words: list[re.Match[str]] = []
    for token in _TOKEN_RE.finditer(text):
        if token.lastgroup == "cjk":
            found += _cjk_matches(token.group(), token.start(), tables)
        else:
            words.append(token)
    found += _word_matches(words, tables)
    return found


def _cjk_matches(run: str, offset: int, tables: NameTables) -> Iterator[Match]:
    """Leftmost-longest substring matches in a run of Chinese characters ("印度尼西亚" is ID, not IN)."""
    i = 0
    while i < len(run) - 1:
        for length in range(min(tables.max_cjk, len(run) - i), 1, -1):
            code = tables.cjk.get(run[i : i + length])
            if code:
                yield offset + i, code
                i += length
                break
        else:
            i += 1


def _cad_without_cedilla(word: re.Match[str]) -> bool:
    """Turkish Chad is "Çad" ("Çad'dan"); "Cad." is Caddesi (a street in every Turkish address), "CAD" drawings."""
    return fold(word.group()) == "cad" and "ç" not in word.group().casefold()


def _word_matches(words: list[re.Match[str]], tables: NameTables) -> Iterator[Match]:
    """Leftmost-longest matches of whole words ("Papua New Guinea" before "Guinea")."""
    folded = [fold(w.group()) for w in words]
    i = 0
    while i < len(words):
        if (not _may_start_name(folded[i], tables) or _after_sea_word(folded, words, i) or _in_compound(words[i])
                or _first_name_of(words, folded, i) or _cad_without_cedilla(words[i])):
            i += 1
            continue
        for n in range(min(tables.max_words, len(words) - i), 0, -1):
            hit = _lookup(folded[i : i + n], [w.group() for w in words[i : i + n]], tables)
            if hit is not None:
                yield words[i].start(), hit[0]
                i += n
                break
        else:
            i += 1


# Countries that are also common first names: before a capitalised surname ("Jordan Ellis", "Chad Morrison") the
# word is the person's name, not where they are.
_FIRST_NAME_COUNTRIES = frozenset({"jordan", "chad", "georgia"})


def _first_name_of(words: list[re.Match[str]], folded: list[str], i: int) -> bool:
    """The word is a country that is also a first name, with one capitalised word after it that is no place nor an
    organisation's word ("Jordan Ellis"; not "Jordan Amman", "Jordan Cement Factories", "Georgia Ministry of Health",
    "in Jordan Since 2005", nor "Georgia, Tbilisi")."""
    if folded[i] not in _FIRST_NAME_COUNTRIES or i + 1 >= len(words) or not words[i].group()[:1].isupper():
        return False
    text, word, after = words[i].string, words[i], words[i + 1]
    surname = after.group()
    if (text[word.end() : after.start()] not in (" ", "\t") or not (surname[:1].isupper() and surname[1:].islower())
            or i > 0 and folded[i - 1] in _PLACE_WORDS and text[words[i - 1].end() : word.start()] == " "):
        return False
    third = words[i + 2] if i + 2 < len(words) else None
    if third is not None and text[after.end() : third.start()] == " " and third.group()[:1].isupper():
        return False  # a run of three capitalised words is an organisation's name
    return (surname.casefold() not in _NOT_SURNAMES and not COMPANY_WORD_RE.search(surname)
            and not city_mentions(surname) and _lookup([folded[i + 1]], [surname], name_tables()) is None)


_PLACE_WORDS = frozenset({"in", "from", "to", "at", "of", "for", "de", "en", "à", "au", "em", "no", "na", "aus",
                          "nach"})
_NOT_SURNAMES = frozenset({"since", "branch", "office", "valley", "river", "national", "university", "ministry",
                           "cement", "phosphate", "petroleum", "tech", "state"})


def _in_compound(word: re.Match[str]) -> bool:
    """The end of a hyphenated place name: "France" in "Fort-de-France" (Martinique)."""
    at, text = word.start(), word.string
    return at >= 2 and text[at - 1] == "-" and text[at - 2].isalpha()


def _after_sea_word(folded: list[str], words: list[re.Match[str]], i: int) -> bool:
    """The word follows "Océan"/"Mar de": part of a sea's name; or a street's word: "Av. Grecia 1540, Antofagasta",
    "Rua Bélgica", "Calle Colombia" name a street."""
    before = [f for f in folded[max(0, i - 2) : i] if f not in ("de", "del", "of", "the")]
    return bool(before) and before[-1] in _SEA_WORDS | _STREET_WORDS


def _may_start_name(word: str, tables: NameTables) -> bool:
    return (
        word in tables.first_words
        or word[1:] in tables.first_words
        or word[:-1] in tables.stems
        or word[:-2] in tables.stems
    )


def _lookup(keys: list[str], originals: list[str], tables: NameTables) -> tuple[str | None] | None:
    """The country of one n-gram, wrapped so that "a phrase that is not a country" differs from "no match"."""
    key = " ".join(keys)
    if key in tables.words:
        return (tables.words[key],)
    if key in tables.capitalised and all(w[0].isupper() for w in originals):
        return (tables.capitalised[key],)
    first = keys[0]
    if first[0] in _ARABIC_PREFIXES and len(first) > 3:
        # Arabic attaches "and/in/for/so" to the word: "بمصر" is "in Egypt".
        stripped = " ".join([first[1:], *keys[1:]])
        if tables.words.get(stripped):
            return (tables.words[stripped],)
    if len(keys) == 1 and originals[0][0].isupper():
        # Russian declines names: "из России", "в Казахстане". Capitalised only: "грузить" is not Georgia.
        for cut in (1, 2):
            stem = first[:-cut]
            if len(stem) >= 5 and stem in tables.stems:
                return (tables.stems[stem],)
    return None
