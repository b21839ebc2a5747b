"""Working days (工作日): the Chinese statutory calendar with make-up days (调休), or plain Monday-Friday.

Make-up Saturdays and Sundays are working days like any other, so "the 3rd working day of October 2025" is
Saturday 11 October. Layers, first answer wins: the org's `calendar_overrides`, then `chinese_calendar`
(official State Council data), then, for years it does not cover, the `holidays` package (rule-based, knows
no make-up days) with one logged warning per year and calendar.
"""

from __future__ import annotations

import calendar as _stdcal
import logging
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Literal

import chinese_calendar
import holidays

log = logging.getLogger(__name__)

CalendarKind = Literal["cn", "weekdays"]

# A year without one working day is a broken override file, not a calendar; stop searching there.
_MAX_SEARCH_DAYS = 366


class WorkCalendar:
    """Answers "is this a working day?" and the month arithmetic built on it, caching every answer."""

    def __init__(self, kind: CalendarKind, overrides: Mapping[date, bool] | None = None) -> None:
        if kind not in ("cn", "weekdays"):
            raise ValueError(f"unknown calendar kind {kind!r}; expected 'cn' or 'weekdays'")
        self.kind: CalendarKind = kind
        self._overrides: dict[date, bool] = dict(overrides or {})
        self._days: dict[date, bool] = {}
        self._months: dict[tuple[int, int], tuple[date, ...]] = {}
        self._fallback_years: dict[int, holidays.HolidayBase] = {}

    def is_workday(self, day: date) -> bool:
        """True if `day` is a working day; overrides (True = working, False = holiday) beat the calendar."""
        cached = self._days.get(day)
        if cached is None:
            cached = self._compute(day)
            self._days[day] = cached
        return cached

    def next_workday(self, day: date) -> date:
        """The first working day strictly after `day`."""
        return self.workday_on_or_after(day + timedelta(days=1))

    def workday_on_or_after(self, day: date) -> date:
        """`day` itself if it is a working day, else the next one."""
        for offset in range(_MAX_SEARCH_DAYS):
            candidate = day + timedelta(days=offset)
            if self.is_workday(candidate):
                return candidate
        raise ValueError(f"no working day within {_MAX_SEARCH_DAYS} days of {day.isoformat()}")

    def days_served(self, day: date) -> tuple[date, ...]:
        """The days a duty moved to working day `day` stands for: the non-working days just before it, then
        `day` itself (only `day` after a working day); empty when `day` is not a working day."""
        if not self.is_workday(day):
            return ()
        served = [day]
        for _ in range(_MAX_SEARCH_DAYS):
            before = served[0] - timedelta(days=1)
            if self.is_workday(before):
                break
            served.insert(0, before)
        return tuple(served)

    def nth_workday(self, year: int, month: int, n: int) -> date:
        """The `n`-th (1-based) working day of a month, e.g. the P7 ledger deadline day."""
        days = self.workdays_of_month(year, month)
        if not 1 <= n <= len(days):
            raise ValueError(f"{year}-{month:02d} has {len(days)} working days; asked for number {n}")
        return days[n - 1]

    def last_workday(self, year: int, month: int) -> date:
        """The last working day of a month (P6 monthly deal report day)."""
        return self.nth_last_workday(year, month, 1)

    def nth_last_workday(self, year: int, month: int, n: int) -> date:
        """The `n`-th working day counted from the month's end: 1 = last, 2 = second-to-last."""
        days = self.workdays_of_month(year, month)
        if not 1 <= n <= len(days):
            raise ValueError(f"{year}-{month:02d} has {len(days)} working days; asked for {n} from the end")
        return days[-n]

    def workdays_of_month(self, year: int, month: int) -> tuple[date, ...]:
        """All working days of a month in order, cached because month-end jobs ask for them daily."""
        key = (year, month)
        days = self._months.get(key)
        if days is None:
            length = _stdcal.monthrange(year, month)[1]
            every = (date(year, month, d) for d in range(1, length + 1))
            days = tuple(d for d in every if self.is_workday(d))
            self._months[key] = days
        return days

    def workdays_between(self, start: date, end: date) -> int:
        """How many working days lie in (start, end]; 0 when `end` is not after `start`."""
        count = 0
        day = start + timedelta(days=1)
        while day <= end:
            count += self.is_workday(day)
            day += timedelta(days=1)
        return count

    def _compute(self, day: date) -> bool:
        """The uncached answer, layer by layer."""
        override = self._overrides.get(day)
        if override is not None:
            return override
        if self.kind == "weekdays":
            return day.weekday() < 5
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            return self._fallback(day.year).is_working_day(day)

    def _fallback(self, year: int) -> holidays.HolidayBase:
        """The `holidays` package's CN calendar for a year chinese_calendar lacks, warning once per year."""
        table = self._fallback_years.get(year)
        if table is None:
            log.warning(
                "chinese_calendar has no data for %d; using the holidays package, which knows no make-up "
                "working days (调休). Add calendar_overrides to org.yaml or upgrade chinesecalendar.",
                year,
            )
            table = holidays.country_holidays("CN", years=year)
            self._fallback_years[year] = table
        return table


def first_friday(year: int, month: int) -> date:
    """The first calendar Friday of a month (P3 audit notice, 次月第一个周五), holiday or not."""
    first = date(year, month, 1)
    return first + timedelta(days=(4 - first.weekday()) % 7)
