"""Calendar months as `YYYY-MM` text: parsing what people type and the local instants a month spans."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.rules.deadlines import local_day_bounds

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
YEARS = range(2000, 2100)  # what a person can mean; outside it date arithmetic would overflow


def parse_day(text: str) -> date:
    """`2026-11-23` as a date within YEARS; ValueError for anything else."""
    day = date.fromisoformat(text.strip())
    if day.year not in YEARS:
        raise ValueError(f"{text!r} is out of range")
    return day


def parse_month(text: str) -> str:
    """`2026-11` (or `2026-1`) as canonical `YYYY-MM`; ValueError for anything else."""
    found = _MONTH.match(text.strip())
    if found is None or not 1 <= int(found.group(2)) <= 12 or int(found.group(1)) not in YEARS:
        raise ValueError(f"{text!r} is not a month like 2026-11")
    return f"{int(found.group(1)):04d}-{int(found.group(2)):02d}"


def looks_like_month(text: str | None) -> bool:
    """True for `2026-11`-shaped text, so `/inq ledger trade1` can tell a department from a month."""
    return bool(text and _MONTH.match(text.strip()))


def first_day(month: str) -> date:
    year, number = (int(part) for part in month.split("-"))
    return date(year, number, 1)


def next_month(month: str) -> str:
    day = first_day(month)
    year, number = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return f"{year:04d}-{number:02d}"


def month_bounds(month: str, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """[start, end) of a local month as aware datetimes: "inquiries forwarded in November" is one range."""
    start, _ = local_day_bounds(first_day(month), tz)
    end, _ = local_day_bounds(first_day(next_month(month)), tz)
    return start, end


def previous_month(day: date) -> str:
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    return f"{year:04d}-{month:02d}"
