"""Countries that a company's legal form points to ("S.A. de C.V." is Mexican, "ТОО" Kazakh)."""

from __future__ import annotations

import re

__all__ = ["legal_form_countries"]

# Only forms used in one country or a few; "Ltd" or "S.A." say nothing.
_FORMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"s\.?\s?a\.?\s+de\s+c\.?\s?v\.?|s\.?\s+de\s+r\.?\s?l\.?(?:\s+de\s+c\.?\s?v\.?)?", ("MX",)),
    (r"s\.?a\.?c\.?|e\.?i\.?r\.?l\.?", ("PE",)),
    (r"eireli|ltda\.?\s*-?\s*(?:me|epp)", ("BR",)),
    (r"spa", ("CL",)),
    (r"s\.?a\.?s\.?", ("CO", "FR")),
    (r"ооо|оао|зао|пао", ("RU", "BY", "KZ", "UZ", "KG")),
    (r"тоо", ("KZ",)),
    (r"тов|пп", ("UA",)),
    (r"осоо", ("KG",)),
    (r"чуп|одо|уп", ("BY",)),
    (r"sp\.?\s*z\s*o\.?\s*o\.?", ("PL",)),
    (r"a\.?\s?ş\.?|ltd\.?\s*şti\.?|şti\.?", ("TR",)),
    (r"w\.?l\.?l\.?", ("BH", "KW", "QA")),
    (r"\(pty\)\s*ltd|pty\s+ltd", ("ZA", "AU")),
    (r"b\.?v\.?", ("NL", "BE")),
    (r"s\.?r\.?l\.?|s\.?p\.?a\.?", ("IT", "RO", "AR")),
    (r"gmbh", ("DE", "AT", "CH")),
    (r"sarl|s\.?a\.?r\.?l\.?", ("FR", "MA", "DZ", "TN")),
    (r"(?:S\.L\.(?:U\.)?|SLU?)(?!\.?\w)", ("ES",)),  # capitals only ("Farmalab Levante SL"); not S.L.P.
    (r"tnhh|công\s+ty", ("VN",)),
    (r"PT|CV|Tbk", ("ID",)),
    (r"fze|fzco|fz[-\s]?llc", ("AE",)),
    (r"plc", ("NG", "GB", "ET", "GH")),
    (r"sdn\.?\s*bhd\.?|bhd\.?", ("MY",)),
    (r"жшс", ("KZ",)),
    (r"mchj|мчж", ("UZ",)),
    (r"ххк", ("MN",)),
    (r"MMC|MMŞ", ("AZ",)),  # Azerbaijani limited liability companies
    (r"pvt\.?\s*ltd\.?|private\s+limited", ("IN", "PK", "BD", "LK", "NP")),
    (r"kft\.?|zrt\.?", ("HU",)),
    (r"s\.r\.o\.?", ("CZ", "SK")),
    (r"d\.o\.o\.?", ("RS", "HR", "SI", "BA")),
    (r"s\.a\.e\.?", ("EG",)),
    (r"lda\.?", ("PT", "AO", "MZ")),
    (r"주식회사|\(주\)", ("KR",)),
    (r"株式会社|有限会社", ("JP",)),
)
_FORM_RES = tuple(
    (re.compile(rf"(?<![^\W\d_]){pattern}(?![^\W\d_])", 0 if re.search("[A-Z]", pattern) else re.IGNORECASE), codes)
    for pattern, codes in _FORMS
)


def legal_form_countries(text: str) -> tuple[str, ...]:
    """Countries of the legal forms written in the text, in the order they appear."""
    found: list[tuple[int, str]] = []
    for regex, codes in _FORM_RES:
        match = regex.search(text)
        if match:
            found += [(match.start(), code) for code in codes]
    return tuple(dict.fromkeys(code for _, code in sorted(found)))
