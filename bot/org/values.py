"""Parsers for single values in the org file; each failure carries a plain-English message and a fix."""

from __future__ import annotations

import difflib
import re
import zoneinfo
from datetime import date, datetime, time
from functools import cache

import pycountry
from pydantic_core import PydanticCustomError

from bot.org.model import WeeklyTime

_ID = re.compile(r"[a-z][a-z0-9_-]{0,31}")
_HHMM = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def org_error(message: str, fix: str) -> PydanticCustomError:
    """A validation error whose message and fix the loader shows as they are."""
    return PydanticCustomError("org", "{message}", {"message": message, "fix": fix})


def parse_id(value: object) -> str:
    """An id: a short lowercase slug, because people type it in chat commands."""
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise org_error(
            f"{value!r} is not a valid id",
            "use a short lowercase slug (a-z, digits, '-' or '_'; starting with a letter), e.g. 'li'",
        )
    return value


def parse_hhmm(value: object) -> time:
    """A 24-hour "HH:MM" time."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        # YAML 1.1 reads an unquoted 10:00 as the base-60 number 600.
        raise org_error(
            f"the time was read as the number {value} because it is not quoted",
            f'put it in quotes: "{value // 60:02d}:{value % 60:02d}"',
        )
    match = _HHMM.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise org_error(f'{value!r} is not a time like "09:30"', 'write a 24-hour time in quotes, e.g. "09:30"')
    return time(int(match[1]), int(match[2]))


def parse_weekly(value: object) -> WeeklyTime:
    """A weekday and time such as "mon 10:00"."""
    fix = 'write a weekday and a 24-hour time, e.g. "mon 10:00" (mon tue wed thu fri sat sun)'
    parts = value.split() if isinstance(value, str) else []
    if len(parts) != 2 or parts[0].lower() not in WEEKDAYS:
        raise org_error(f'{value!r} is not a weekly time like "mon 10:00"', fix)
    return WeeklyTime(WEEKDAYS.index(parts[0].lower()), parse_hhmm(parts[1]))


def parse_date(value: object) -> date:
    """A calendar date, either as YAML wrote it (2026-12-01) or as a string."""
    fix = "write the date as YYYY-MM-DD, e.g. 2026-12-01"
    if isinstance(value, datetime):
        raise org_error(f"expected a date without a time, got {value}", fix)
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise org_error(f"'{value}' is not a real date", fix) from None
    raise org_error(f"{value!r} is not a date", fix)


MAX_OVERRIDE_RANGE = 31  # a statutory holiday lasts at most nine days; a month-long range is a typo


def parse_day_range(value: object) -> tuple[date, date]:
    """An override key: one date (2027-01-04) or an inclusive range (2027-01-01..2027-01-03)."""
    if isinstance(value, str) and ".." in value:
        first_raw, _, last_raw = value.partition("..")
        first, last = parse_date(first_raw.strip()), parse_date(last_raw.strip())
        fix = "write the range as FIRST..LAST with FIRST not after LAST, e.g. 2027-01-01..2027-01-03"
        if last < first:
            raise org_error(f"'{value}' ends before it starts", fix)
        if (last - first).days >= MAX_OVERRIDE_RANGE:
            raise org_error(f"'{value}' spans more than {MAX_OVERRIDE_RANGE} days", fix)
        return first, last
    day = parse_date(value)
    return day, day


@cache
def _timezones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _is_timezone(value: object) -> bool:
    """Asked of the tz database directly: listing all of it costs about 10 ms on every start."""
    if not isinstance(value, str) or not value or value.startswith(("/", ".")) or ".." in value:
        return False
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def parse_timezone(value: object) -> str:
    """An IANA timezone name such as Asia/Shanghai."""
    if _is_timezone(value):
        return str(value)
    close = difflib.get_close_matches(str(value), sorted(_timezones()), n=1)
    use = f"did you mean '{close[0]}'? Use" if close else "use"
    raise org_error(f"unknown timezone {value!r}", f"{use} an IANA timezone name; mainland China is 'Asia/Shanghai'")


def parse_country(value: object) -> str:
    """An ISO 3166 alpha-2 country code such as BR."""
    if value is False:
        # YAML 1.1 reads an unquoted NO (Norway) as the boolean false.
        raise org_error("a country code was read as 'false'", "put Norway in quotes: 'NO'")
    if not isinstance(value, str):
        raise org_error(f"{value!r} is not a country code", "use a two-letter ISO code such as BR or AE")
    if len(value) != 2 or not value.isalpha() or pycountry.countries.get(alpha_2=value.upper()) is None:
        raise org_error(f"unknown country code {value!r}", "use a two-letter ISO 3166 code such as BR or AE")
    if value != value.upper():
        raise org_error(f"country code {value!r} is in lower case", f"write it in capitals: {value.upper()}")
    return value


_DOMAIN = re.compile(r"(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")


def parse_domain(value: object) -> str:
    """One of our own e-mail domains, such as sino-instruments.com (lower case, no "@")."""
    text = value.strip().lower().removeprefix("@") if isinstance(value, str) else ""
    if not _DOMAIN.fullmatch(text):
        raise org_error(f"{value!r} is not an e-mail domain", "write the part after '@', e.g. sino-instruments.com")
    return text


def parse_phone(value: object) -> str:
    """One of our own phone numbers in international form ("+86 21 5888 8888"), kept as E.164."""
    import phonenumbers  # noqa: PLC0415 - only org files with `own.phones` need it

    fix = 'write it with "+" and the country code, in quotes, e.g. "+86 21 5888 8888"'
    if not isinstance(value, str) or not value.strip().startswith("+"):
        raise org_error(f"{value!r} is not an international phone number", fix)
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        raise org_error(f"{value!r} is not a phone number", fix) from None
    if not phonenumbers.is_valid_number(number):
        raise org_error(f"{value!r} is not a valid phone number", fix)
    e164: str = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return e164
