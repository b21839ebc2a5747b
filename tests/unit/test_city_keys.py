"""`city_mentions` tries a country's city patterns only where one of their keys stands in the text; for every
known name, written as people write it (with an Arabic preposition glued on, twice in a row, in capitals), the
answer is the one a scan of the whole text with every pattern gives."""

from __future__ import annotations

import re

import pytest

from bot.rules.places import _CITIES, _city_patterns, _fold, _hand_table_spans, _placed


def city_matches(text: str, patterns: list[tuple[re.Pattern[str], str]]) -> list[tuple[int, str]]:
    """The reference: every pattern scanned over the whole text with finditer."""
    found = [(m.start(), m.end(), code) for pattern, code in patterns for m in pattern.finditer(text)]
    return sorted((start, code) for start, end, code in found if _placed(text, start, end))


NAMES = sorted({name for names in _CITIES.values() for name in names.split("|")})


@pytest.mark.parametrize("name", NAMES)
def test_the_key_filter_never_hides_a_city(name: str) -> None:
    every = [(pattern, code) for pattern, code, _keys in _city_patterns()]
    for text in (f"Office in {name}.", f"office in {name.lower()}, thanks", f"{name.upper()} branch",
                 f"Ana Lima from {name}", f"发自{name}", f"({name})", f"و{name}", f"بال{name}", f"لل{name[2:]}",
                 f"{name} {name}", f"{name}{name}", f"Déjà vu in {name}, São Paulo",
                 f"in {name.replace('i', 'ı')}", f"in {name.replace('s', 'ſ')}"):
        keyed = [(start, code) for start, _end, code in _hand_table_spans(text, _fold(text).lower())]
        assert keyed == city_matches(text, every), text
