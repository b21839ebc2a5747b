"""Phone numbers in an inquiry, normalised to E.164 with phonenumbers; only valid numbers count."""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import Leniency, NumberParseException, PhoneNumberFormat, PhoneNumberMatcher

__all__ = ["country_of_phone", "find_phone", "normalise_phone"]

# "0055 11 ..." is "+55 11 ...": rewritten in place (same length, so positions stay) before matching.
_INTL_00_RE = re.compile(r"(?<![\w+:.,/()-])(?<!\d[ \t])00(?=[ \t]?[1-9])")
# A first digit group of "0", "8" or any single digit but the country codes 1 and 7 is a trunk prefix
# ("8 (495) ..." in Russia), so such a number is never read as international without its "+".
_INTERNATIONAL_START_RE = re.compile(r"^\(?(?:[17]|[1-9]\d+)(?!\d)")

# Numbers without "+" are read only after a phone label, where a digit run is surely a phone number
# ("WhatsApp 5491123456789", "Тел.: 8 (495) 123-45-67"); elsewhere they are order numbers, dates, prices.
_LABEL = (
    r"(?:(?<![^\W\d_])(?:whats\s?app|wa|tel|telephone|phone|mobile|mob|cell|cellphone|celular|tel[eé]fono|"
    r"telefone|t[eé]l[eé]phone|portable|gsm|тел|телефон|моб|мобильный|(?:ال)?هاتف|(?:ال)?جوال|واتساب|واتس)"
    r"|电话|手机|联系电话|手机号|电话号码)"
)
_LABELLED_RE = re.compile(
    _LABEL + r"\.?[ \t]*(?:\([^)\n]{0,20}\))?[ \t]*(?:[/,][ \t]*" + _LABEL + r"\.?[ \t]*)*[:：]?[ \t]*"
    r"(?P<number>\+?\(?\d[\d \t().\-]{6,22}\d)",
    re.IGNORECASE,
)
_NON_DIGITS_RE = re.compile(r"\D")


def normalise_phone(raw: str, default_region: str | None = None) -> str | None:
    """E.164 form of a phone number, or None if it is not a valid number.

    "+..." and "00..." are international. Otherwise the number is read in `default_region` first, then, if
    it has 10-15 digits, as international without the "+" ("55 11 98765 4321" -> "+5511987654321").
    """
    text = raw.strip()
    digits = _NON_DIGITS_RE.sub("", text)
    if not 7 <= len(digits) <= 17:
        return None
    if text.startswith("+"):
        return _valid("+" + digits, None)
    if text.startswith("00"):
        return _valid("+" + digits[2:], None)
    national = _valid(text, default_region) if default_region else None
    if national is None and 10 <= len(digits) <= 15 and _INTERNATIONAL_START_RE.match(text):
        return _valid("+" + digits, None)
    return national


def find_phone(text: str, default_region: str | None = None) -> str | None:
    """The first valid phone number in the text, in E.164; `default_region` reads labelled local numbers."""
    prepared = _INTL_00_RE.sub(" +", text)
    found: list[tuple[int, str]] = [
        (m.start, phonenumbers.format_number(m.number, PhoneNumberFormat.E164))
        for m in PhoneNumberMatcher(prepared, None, leniency=Leniency.VALID)
    ]
    for labelled in _LABELLED_RE.finditer(prepared):
        number = normalise_phone(labelled.group("number"), default_region)
        if number:
            found.append((labelled.start("number"), number))
    return min(found)[1] if found else None


def country_of_phone(e164: str) -> str | None:
    """ISO alpha-2 of an E.164 number ("+12025550143" -> "US", "+77001234567" -> "KZ")."""
    try:
        region: str | None = phonenumbers.region_code_for_number(phonenumbers.parse(e164, None))
    except NumberParseException:
        return None
    return region if region and region != "001" else None


def _valid(text: str, region: str | None) -> str | None:
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    e164: str = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return e164
