"""The letters of each country's own Latin spelling beyond a-z (make_cities.py's tool, not run time).

GeoNames' main name is often the English one ("Gothenburg", "Lodz"); customers write the city as their own
language does ("Göteborg", "Łódź"). A Latin alternate name that carries these letters, and no other letter
beyond a-z, is the local spelling of the city (or a neighbour's, which names the same city).
"""

from __future__ import annotations

import unicodedata

_FRENCH = "éèêëàâçîïôûùœ"
_SPANISH = "áéíóúñü"
_PORTUGUESE = "ãõçáâêéíóôúà"
_GERMAN = "äöüß"
_SOUTH_SLAVIC = "čćđšž"
# Vietnamese: the vowels with their tone marks, and đ.
_VIETNAMESE = (
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
)

_BY_LANGUAGE = {
    "SE": "åäö",
    "NO": "æøå",
    "DK": "æøå",
    "FI": "äöå",
    "IS": "áéíóúýþæöð",
    "EE": "äöõüšž",
    "LV": "āčēģīķļņšž",
    "LT": "ąčęėįšųūž",
    "PL": "ąćęłńóśźż",
    "CZ": "áčďéěíňóřšťúůýž",
    "SK": "áäčďéíĺľňóôŕšťúýž",
    "HU": "áéíóöőúüű",
    "RO": "ăâîșțşţ",
    "MD": "ăâîșțşţ",
    "TR": "çğıİöşü",
    "AZ": "çəğıİöşü",
    "AL": "çë",
    "NL": "éëï",
    "DE": _GERMAN,
    "AT": _GERMAN,
    "LI": _GERMAN,
    "CH": _GERMAN + "éèêàâçôò",
    "LU": _GERMAN + _FRENCH,
    "FR": _FRENCH,
    "BE": _FRENCH,
    "MC": _FRENCH,
    "IT": "àèéìòù",
    "PT": _PORTUGUESE,
    "BR": _PORTUGUESE,
    "AO": _PORTUGUESE,
    "MZ": _PORTUGUESE,
    "VN": _VIETNAMESE,
    "HR": _SOUTH_SLAVIC,
    "BA": _SOUTH_SLAVIC,
    "RS": _SOUTH_SLAVIC,
    "ME": _SOUTH_SLAVIC,
    "SI": "čšž",
    "PH": "ñ",  # "Parañaque", "Biñan"
}
_SPANISH_SPEAKING = "ES MX GT HN SV NI CR PA CU DO PR CO VE EC PE BO CL AR UY PY GQ"
_FRENCH_SPEAKING = "SN CI CM ML BF NE TG BJ GN CD CG GA MG HT"

LETTERS: dict[str, frozenset[str]] = {
    code: frozenset(letters)
    for code, letters in {
        **_BY_LANGUAGE,
        **dict.fromkeys(_SPANISH_SPEAKING.split(), _SPANISH),
        **dict.fromkeys(_FRENCH_SPEAKING.split(), _FRENCH),
    }.items()
}


# Letters that keep no accent to drop: "Białystok" reads as "Bialystok" only through this table.
PLAIN = str.maketrans({"ł": "l", "ø": "o", "æ": "ae", "đ": "d", "ı": "i", "ß": "ss", "œ": "oe", "ð": "d",
                       "þ": "th", "ə": "e"})


def own_spelling(name: str, country: str) -> bool:
    """The name carries letters of the country's own Latin spelling and no other beyond a-z: "Göteborg" (SE),
    not "Gøteborg" (Norwegian)."""
    letters = LETTERS.get(country, frozenset())
    special = {c for c in unicodedata.normalize("NFC", name) if c.isalpha() and not c.isascii()}
    return bool(special) and all(c in letters or c.lower() in letters for c in special)
