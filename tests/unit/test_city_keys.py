"""`city_mentions` tries a country's city patterns only where one of their keys stands in the text; for every
known name, written as people write it (with an Arabic preposition glued on, twice in a row, in capitals), the
answer is the one a scan of the whole text with every pattern gives."""

from __future__ import annotations

import pytest

from bot.rules.places import _CITIES, _city_patterns, _fold, _hand_table_spans, city_matches

NAMES = sorted({name for names in _CITIES.values() for name in names.split("|")})


@pytest.mark.parametrize("name", NAMES)
def test_the_key_filter_never_hides_a_city(name: str) -> None:
    every = [(pattern, code) for pattern, code, _keys in _city_patterns()]
    for text in (f"Office in {name}.", f"office in {name.lower()}, thanks", f"{name.upper()} branch",
                 f"Ana Lima from {name}", f"发自{name}", f"({name})", f"و{name}", f"بال{name}", f"لل{name[2:]}",
                 f"{name} {name}", f"{name}{name}", f"Déjà vu in {name}, São Paulo"):
        keyed = [(start, code) for start, _end, code in _hand_table_spans(text, _fold(text).lower())]
        assert keyed == city_matches(text, every), text
