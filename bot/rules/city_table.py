"""The GeoNames city table (data/cities.tsv, written by data/make_cities.py): a city's name -> its country.

Tens of thousands of names do not fit a regex per country, so the text's words are looked up in a dict: each
word (or run of words) folded as the table's keys are. Read on first use, then kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from bot.rules.country_names import fold
from bot.rules.scripts import UNSPACED

__all__ = ["Span", "cued", "name_key", "table_spans"]

Span = tuple[int, int, str]  # (start, end, ISO alpha-2)

_UNSPACED = f"{UNSPACED}\u30fb\u30fc"  # names are substrings (scripts.UNSPACED); with katakana ・ and ー
_TOKEN_RE = re.compile(rf"(?P<run>[{_UNSPACED}]+)|[^\W\d_{_UNSPACED}]+")
_GAP_RE = re.compile(r"[ \t\-'’]{1,2}")  # what may stand between two words of one name
_PERSIAN = str.maketrans("یک", "يك")  # countries.py reads Persian yeh and kaf as Arabic's; so do the keys
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]+")
_ARABIC_PREFIXES = "وبلف"
_SURNAME_RE = re.compile(r"(?:ов|ев|ин|ын)(?:а|ои|ою)$")  # folded: "ё" is "е", "й" is "и"


@dataclass(frozen=True)
class _Table:
    words: dict[str, str]  # a name's words, folded and joined by one space -> country
    firsts: frozenset[str]  # every name's first word (most words of a text are none)
    longest: int  # words in the longest name
    unspaced: dict[str, str]  # names in an unspaced script -> country
    longest_unspaced: int
    unspaced_starts: frozenset[str]  # their first two characters: most places of a run start none


def _key(text: str) -> str:
    return text.lower() if text.isascii() else fold(text).translate(_PERSIAN)


def name_key(name: str) -> str:
    """How the table keys a name: its words folded, one space between ("Ado-Ekiti" -> "ado ekiti")."""
    if re.fullmatch(f"[{_UNSPACED}]+", name):
        return _key(name)
    return " ".join(_key(m.group()) for m in _TOKEN_RE.finditer(name))


@cache
def _table(skip: frozenset[str]) -> _Table:
    """The table without the names in `skip` (the hand table's, which keep their own country and guards)."""
    words: dict[str, str] = {}
    unspaced: dict[str, str] = {}
    shared: set[str] = set()  # keys of two countries' names (two spellings that fold alike): neither is read
    for line in files("bot.rules").joinpath("data/cities.tsv").read_text(encoding="utf-8").splitlines():
        code, _, names = line.partition("\t")
        for name in names.split("|"):
            key = name_key(name)
            table = unspaced if re.fullmatch(f"[{_UNSPACED}]+", name) else words
            if table.setdefault(key, code) != code:
                shared.add(key)
    for key in shared | skip:
        words.pop(key, None)
        unspaced.pop(key, None)
    return _Table(
        words, frozenset(k.split(" ")[0] for k in words), max(k.count(" ") + 1 for k in words),
        unspaced, max(map(len, unspaced)), frozenset(k[:2] for k in unspaced),
    )


def table_spans(text: str, skip: frozenset[str]) -> list[Span]:
    """Every name of the table in the text, leftmost-longest, with no regard to case or the words around it."""
    table = _table(skip)
    tokens = list(_TOKEN_RE.finditer(text))
    found: list[Span] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.lastgroup == "run":
            found += _in_run(token.group(), token.start(), table)
            i += 1
            continue
        hit = _longest_at(tokens, i, table)
        if hit is None:
            i += 1
            continue
        n, code = hit
        start, end = token.start(), tokens[i + n - 1].end()
        # Glued to a letter of an unspaced script ("发自Caxias") it is no word of its own (as in places.py).
        if not (text[start - 1 : start].isalpha() or text[end : end + 1].isalpha()):
            found.append((start, end, code))
        i += n
    return found


def _longest_at(tokens: list[re.Match[str]], i: int, table: _Table) -> tuple[int, str] | None:
    """(words, country) of the longest name that starts at token i."""
    word = _key(tokens[i].group())
    if word not in table.firsts and (word.isascii() or not any(
        form in table.firsts for first in _first_forms(word) for form in _last_forms(first)
    )):
        return None  # most words of a text: one look-up, no variants for a Latin word
    firsts = [*_first_forms(word)]
    keys = [_key(tokens[j].group()) for j in _joined(tokens, i, table.longest)]
    for n in range(len(keys), 0, -1):
        for first in firsts:
            heads = [first, *keys[1 : n - 1]] if n > 1 else []
            for last in _last_forms(keys[n - 1] if n > 1 else first):
                code = table.words.get(" ".join([*heads, last]))
                if code:
                    return n, code
    return None


def _joined(tokens: list[re.Match[str]], i: int, most: int) -> Iterator[int]:
    """Token i and the words that follow it inside one name (a space or hyphen between, nothing else)."""
    yield i
    j = i + 1
    while j < len(tokens) and j - i < most and tokens[j].lastgroup != "run" and _GAP_RE.fullmatch(
        tokens[j].string, tokens[j - 1].end(), tokens[j].start()
    ):
        yield j
        j += 1


def _first_forms(word: str) -> Iterable[str]:
    """The word, and without an Arabic preposition glued on: "بالرياض", "للمنصورة" (its article's alif drops)."""
    yield word
    if len(word) > 4 and word[0] in _ARABIC_PREFIXES:  # four letters left at least: "لينا" is Lina, not Jena
        yield word[1:]
        if word.startswith("لل"):
            yield "ال" + word[2:]


def _last_forms(word: str) -> Iterable[str]:
    """The word, and a Cyrillic one without its case ending: "Новокузнецка", "Тольятти", "Караганде". Not a
    woman's surname: "Королёва", "Ивановой" are no cases of Королёв or Иваново."""
    yield word
    if _CYRILLIC_RE.fullmatch(word) and len(word) > 5 and not _SURNAME_RE.search(word):
        yield word[:-1]
        yield word[:-2]
        yield word[:-1] + "а"
        yield word[:-2] + "а"


def _in_run(run: str, offset: int, table: _Table) -> Iterator[Span]:
    """Leftmost-longest names inside a run of an unspaced script. The run is folded once, a character at a time,
    so that a folded position leads back to the text's (Thai tone and vowel marks fold away)."""
    folded, at = "", []
    for i, char in enumerate(run):
        part = _key(char)
        folded += part
        at += [i] * len(part)
    at.append(len(run))
    i = 0
    # Korean glues particles after a word, never before: a Hangul name starts its run ("수원에서").
    while i < (1 if "\uac00" <= run[0] <= "\ud7af" else len(folded) - 1):
        if folded[i : i + 2] not in table.unspaced_starts:
            i += 1
            continue
        for length in range(min(table.longest_unspaced, len(folded) - i), 1, -1):
            code = table.unspaced.get(folded[i : i + length])
            if code:
                yield offset + at[i], offset + at[i + length], code
                i += length
                break
        else:
            i += 1


# What puts a place after it: a preposition ("in Nakuru", "из Караганды"), a postcode, a bracket, a place label.
_CUE_RE = re.compile(
    r"(?:(?<![^\W\d_])(?:in|at|from|near|to|en|em|no|na|de|del|desde|da|do|dos|das|à|a|au|aux|aus|nach|bei|im|di|"
    r"i|w|we|z|ze|u|v|ve|ở|tại|dari|ke|katika|kutoka|niko|tuko|nipo|tupo|iko|mjini|huko|в|во|из|с|со|от|до|под|г\.|"
    r"city\s+of|ciudad\s+de|cidade\s+de|ville\s+de|(?:city|ciudad|cidade|ville|stadt|città|location|localidad|"
    r"località|ort|город|kota|address|dirección|endereço|adresse|indirizzo|province|provincia|estado|state)[ \t]*[:：])"
    r"[ \t]+|(?:\d{4,6}|\d{2}-\d{3})[ \t]+|[(（][ \t]*)$",
    re.IGNORECASE,
)


def cued(text: str, start: int) -> bool:
    """A city from the GeoNames table in a cased script counts only after a cue (see _CUE_RE): alone it is as
    often a surname signing a message ("Atenciosamente\nMetz") or a word ("somos Delicias del Norte")."""
    first = next((c for c in text[start : start + 2] if c.isalpha()), "")
    if first.lower() == first.upper():
        return True  # Arabic, Thai, Hangul …: no capitals to tell a name from a word, the table's filters decide
    return _CUE_RE.search(text, max(0, start - 24), start) is not None
