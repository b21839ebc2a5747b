"""The country names behind `find_country_in_text`: babel and pycountry names plus curated aliases."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import pycountry
from babel import Locale

# Locales whose territory names we accept: the two the policy names (English, Chinese) and the languages of
# the markets the department sells to, so "Brasil", "México", "Россия", "مصر", "Deutschland" are found too.
NAME_LOCALES = ("en", "zh", "zh_Hant", "es", "pt", "fr", "ru", "ar", "de", "uk", "tr", "it")
# Korean and Japanese colleagues of a customer abroad name the country in their script ("베트남", "インドネシア").
PHONETIC_LOCALES = ("ko", "ja")

# Curated aliases that babel and pycountry lack; they also win over the ambiguity rule in `_add`.
ALIASES: dict[str, str] = {
    "China": "CN", "Korea": "KR", "Britain": "GB", "Great Britain": "GB", "England": "GB", "Scotland": "GB",
    "Wales": "GB", "Northern Ireland": "GB", "Holland": "NL", "Ivory Coast": "CI", "Turkey": "TR",
    "Turkiye": "TR",
    "Macedonia": "MK", "Swaziland": "SZ", "Burma": "MM", "Palestine": "PS", "Czech Republic": "CZ",
    "Russian Federation": "RU", "Dubai": "AE", "Abu Dhabi": "AE", "Sharjah": "AE", "Vatican": "VA",
    "DR Congo": "CD", "DRC": "CD", "Democratic Republic of the Congo": "CD", "Congo Kinshasa": "CD",
    "Congo Brazzaville": "CG",
    # Nigeria's Niger Delta and Niger State are no Niger ("Niger Delta Institute …, Port Harcourt")
    "Niger Delta": "NG", "Niger State": "NG",
    "阿联酋": "AE", "迪拜": "AE", "阿布扎比": "AE", "沙特": "SA", "俄国": "RU", "香港": "HK",
    "中国香港": "HK", "澳门": "MO", "澳門": "MO", "中国澳门": "MO", "中国台湾": "TW", "刚果金": "CD",
    "刚果布": "CG",
    "Великобритания": "GB", "Белоруссия": "BY", "Англия": "GB", "Эмираты": "AE", "Дубай": "AE",
    "السعودية": "SA", "الإمارات": "AE", "دبي": "AE", "أبوظبي": "AE", "بيلاروسيا": "BY", "روسيا البيضاء": "BY",
    "بلاروسيا": "BY", "Киргизия": "KG", "Кыргызстан": "KG",
    # Names in the countries' own languages and common short forms that babel's locales above lack.
    "Nederland": "NL", "Polska": "PL", "Qazaqstan": "KZ", "Қазақстан": "KZ", "Oʻzbekiston": "UZ",
    "O'zbekiston": "UZ", "Ozbekiston": "UZ", "Saudi": "SA", "Emiratos": "AE", "Emirados Árabes": "AE",
    "Estados Unidos Mexicanos": "MX", "Rep. Dominicana": "DO", "Российская Федерация": "RU", "Голландия": "NL",
    "سلطنة عمان": "OM", "بريطانيا": "GB", "乌兹别克": "UZ", "吉尔吉斯": "KG", "哈萨克": "KZ",
}

# Russian and Ukrainian decline country names: "из Индии", "в Беларуси", "из Китая", "Кыргызстана".
_DECLENSIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ия", ("ии", "ию", "ией", "іі", "ії")),
    ("ія", ("ії", "ію", "ією")),
    ("на", ("ни", "не", "ну", "ной", "ні")),
    ("я", ("и", "ю", "ей", "е", "ї")),
    ("а", ("ы", "и", "е", "у", "ой", "і")),
    ("и", ("я", "е", "ю", "ем")),  # "й" folds to "и": "китаи" -> "китая"
    ("ь", ("и", "ью", "і")),
    ("ы", ("ов", "ах", "ам")),
    ("", ("а", "е", "у", "ом", "і")),
)

# Upper-case abbreviations, matched case-sensitively only ("usa" is Spanish for "uses"). A bare "US" is left
# out on purpose: upper-case form dumps say "CONTACT US".
ABBREVIATIONS: dict[str, str] = {
    "USA": "US", "U.S.A.": "US", "U.S.": "US", "UK": "GB", "U.K.": "GB", "UAE": "AE", "U.A.E.": "AE",
    "KSA": "SA", "EEUU": "US", "EE.UU.": "US", "EE. UU.": "US", "EUA": "US", "РФ": "RU", "США": "US",
    "ОАЭ": "AE", "ЮАР": "ZA", "U.A.E": "AE", "РК": "KZ", "РБ": "BY", "RSA": "ZA",
}

# Names that are also everyday words or first names count only when written with capitals ("china" is
# porcelain, "peru" a Portuguese turkey, "cuba" a Spanish vat). Jordan, Georgia and Chad stay in although
# they are common first names (and Georgia a US state); before a capitalised surname ("Jordan Smith") they are a
# person's name (countries._first_name_of).
CAPITALISED_ONLY = frozenset(
    {
        "chad", "jordan", "georgia", "turkey", "jersey", "guernsey", "china", "japan", "chile", "guinea",
        "panama", "peru", "cuba", "malta", "bermuda", "bermudas", "niger", "jordania", "chili",
    }
)

# Names that cause more harm than good: "Того" is Russian for "of that"; "Maurice", "Mauricio", "Dominique"
# are first names; "Réunion"/"reunião" mean a meeting; "Salvador", "Granada", "Guadalupe" are cities as well;
# "Island" (German for Iceland) and "Oma" (Portuguese "Omã" folded) are everyday words; "中非" is mostly
# "China-Africa"; a bare "Congo" may be either Congo; "Santa Helena"/"Santa Elena" (Saint Helena in Portuguese and
# Spanish) are towns of Brazil and Ecuador and the names of their firms.
BLOCKED = frozenset(
    {
        "того", "maurice", "mauricio", "dominique", "reunion", "reuniao", "salvador", "granada", "guadalupe",
        "island", "oma", "ira", "keeling", "中非", "congo", "конго", "刚果", "剛果", "santa helena", "santa elena",
    }
)

# Phrases that contain a country name but name something else; matching them consumes the words.
# (and "San Martín": Saint-Martin in Spanish, but a hero's name on streets, towns and a Peruvian region)
NOT_COUNTRIES = ("New Mexico", "New Jersey", "New South Wales", "Latin America", "América Latina", "San Martín")

CJK_CHARS = "\u3400-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{CJK_CHARS}]")
_PARENS_RE = re.compile(r"^(.*?)\s*[(（]([^)）]*)[)）]\s*$")
_CYRILLIC_ENDINGS = "аяьйоеиы"
WORD_RE = re.compile(rf"(?:(?![{CJK_CHARS}])[^\W_])+")


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Case- and accent-insensitive form: "México" and "MEXICO" both become "mexico"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch != "\u0640")


_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def strip_marks(text: str) -> str:
    """Arabic vowel marks and the tatweel removed: "من الصّين" reads as "من الصين"; Persian yeh and kaf written
    as Arabic's, so "دبی" is "دبي" (Dubai)."""
    return _MARKS_RE.sub("", text).translate(_PERSIAN_LETTERS)


_PERSIAN_LETTERS = str.maketrans("یک", "يك")


def is_cjk(text: str) -> bool:
    return bool(_CJK_RE.search(text))


def word_key(text: str) -> str:
    """The lookup key of a Latin/Cyrillic/Arabic name: folded words joined by one space."""
    return " ".join(fold(w) for w in WORD_RE.findall(text))


@dataclass(frozen=True)
class NameTables:
    words: dict[str, str | None]  # word_key -> alpha-2 (None: a phrase that is not a country)
    capitalised: dict[str, str]  # word_key -> alpha-2, only when every word is capitalised in the text
    stems: dict[str, str]  # folded Cyrillic stem -> alpha-2 ("росси" finds "России", "Россией")
    first_words: frozenset[str]  # first word of every key, to skip most words of a text at once
    cjk: dict[str, str]  # Chinese name -> alpha-2, matched as a substring
    max_words: int
    max_cjk: int


def _variants(name: str) -> list[str]:
    """A name and its parts: "Myanmar (Burma)" -> also "Myanmar", "Burma"; "Korea, Republic of" -> "Korea"."""
    out = [name]
    paren = _PARENS_RE.match(name)
    if paren:
        out += [paren.group(1), paren.group(2)]
    if "," in name:
        out.append(name.split(",", 1)[0])
    return [v.strip() for v in out if len(v.strip()) >= 2]


def _official_names() -> list[tuple[str, str]]:
    codes = {c.alpha_2 for c in pycountry.countries}
    pairs: list[tuple[str, str]] = []
    for c in pycountry.countries:
        names = (getattr(c, a, None) for a in ("name", "common_name", "official_name"))
        pairs += [(c.alpha_2, n) for n in names if n]
    for loc in NAME_LOCALES:
        pairs += [(code, name) for code, name in Locale.parse(loc).territories.items() if code in codes]
    for loc in PHONETIC_LOCALES:  # their Hangul and katakana names; a Han name may mean another country in Chinese
        pairs += [(code, name) for code, name in Locale.parse(loc).territories.items()
                  if code in codes and not is_cjk(name)]
    return pairs


def _add(seen: dict[str, set[str]], key: str, code: str) -> None:
    if key and key not in BLOCKED:
        seen.setdefault(key, set()).add(code)


def _declined(words: dict[str, str | None]) -> dict[str, str]:
    """Inflected forms of single-word Cyrillic names ("индия" -> "индии", "индию", "индией")."""
    forms: dict[str, str] = {}
    for key, code in words.items():
        if not code or " " in key or not re.fullmatch(r"[а-яіїєґ]+", key) or len(key) < 4:
            continue
        for ending, replacements in _DECLENSIONS:
            if key.endswith(ending) and (ending or key[-1] not in _CYRILLIC_ENDINGS):
                stem = key[: len(key) - len(ending)]
                forms.update({stem + r: code for r in replacements if stem + r not in words})
                break
    return forms


def _cyrillic_stems(words: dict[str, str | None]) -> dict[str, str]:
    stems: dict[str, str] = {}
    for key, code in words.items():
        if code and " " not in key and re.fullmatch(r"[а-я]+", key):
            stem = key[:-1] if key[-1] in _CYRILLIC_ENDINGS else key
            if len(stem) >= 5:
                stems[stem] = code
    return stems


@cache
def name_tables() -> NameTables:
    """Build the tables once; a name claimed by two countries ("Virgin Islands") is dropped unless curated."""
    seen: dict[str, set[str]] = {}
    for code, name in _official_names():
        for variant in _variants(name):
            _add(seen, variant if is_cjk(variant) else word_key(variant), code)
    unique = {key: next(iter(codes)) for key, codes in seen.items() if len(codes) == 1}
    for alias, code in ALIASES.items():
        unique[alias if is_cjk(alias) else word_key(alias)] = code
    cjk = {k: v for k, v in unique.items() if is_cjk(k) and len(k) >= 2}
    words: dict[str, str | None] = {
        k: v for k, v in unique.items() if not is_cjk(k) and k not in CAPITALISED_ONLY
    }
    words.update({k: v for k, v in _declined(words).items() if k not in BLOCKED})
    words.update({word_key(phrase): None for phrase in NOT_COUNTRIES})
    capitalised = {k: v for k, v in unique.items() if k in CAPITALISED_ONLY}
    return NameTables(
        words=words,
        capitalised=capitalised,
        stems=_cyrillic_stems(words),
        first_words=frozenset(k.split(" ", 1)[0] for k in [*words, *capitalised]),
        cjk=cjk,
        max_words=max(len(k.split()) for k in [*words, *capitalised]),
        max_cjk=max(len(k) for k in cjk),
    )
