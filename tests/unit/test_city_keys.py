"""`city_mentions` skips the countries whose city names cannot be in a text (a cheap substring check first);
for every known name, written as people write it, the answer is the one a scan with every pattern gives."""

from __future__ import annotations

import pytest

from bot.rules.places import _CITIES, _city_patterns, city_matches, city_mentions

NAMES = sorted({name for names in _CITIES.values() for name in names.split("|")})


@pytest.mark.parametrize("name", NAMES)
def test_the_key_filter_never_hides_a_city(name: str) -> None:
    every = [(pattern, code) for pattern, code, _keys in _city_patterns()]
    for text in (f"Office in {name}.", f"office in {name.lower()}, thanks", f"{name.upper()} branch",
                 f"Ana Lima from {name}", f"发自{name}", f"({name})"):
        assert city_mentions(text) == city_matches(text, every), text
