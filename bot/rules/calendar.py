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
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

import chinese_calendar

if TYPE_CHECKING:
    import holidays

log = logging.getLogger(__name__)

CalendarKind = Literal["cn", "weekdays"]
Coverage = Literal["statutory", "overrides", "weekdays", "fallback"]

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

    def override(self, day: date) -> bool | None:
        """The org file's word on `day` (True working, False holiday), None when it says nothing."""
        return self._overrides.get(day)

    def coverage(self, year: int) -> Coverage:
        """Where a year's working days come from; "fallback" means guessed (no make-up days), so penalties
        derived from it are marked and admins are told (issue 10)."""
        if self.kind == "weekdays":
            return "weekdays"
        if has_statutory_data(year):
            return "statutory"
        if any(day.year == year for day in self._overrides):
            return "overrides"
        return "fallback"

    def is_fallback(self, day: date) -> bool:
        return self.coverage(day.year) == "fallback"

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
            import holidays  # only for years chinese_calendar lacks: the import alone costs about 0.1 s

            table = holidays.country_holidays("CN", years=year)
            self._fallback_years[year] = table
        return table


def first_friday(year: int, month: int) -> date:
    """The first calendar Friday of a month (P3 audit notice, 次月第一个周五), holiday or not."""
    first = date(year, month, 1)
    return first + timedelta(days=(4 - first.weekday()) % 7)


def has_statutory_data(year: int) -> bool:
    """Whether the installed chinesecalendar has the State Council's arrangement for `year`."""
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def missing_years(cal: WorkCalendar, years: tuple[int, ...]) -> list[int]:
    """Years among `years` the calendar can only guess (no statutory data, no overrides)."""
    return [y for y in years if cal.coverage(y) == "fallback"]


def years_to_check(today: date) -> tuple[int, ...]:
    """The current year, and from 1 December the next one too (the notice comes a month ahead)."""
    return (today.year, today.year + 1) if today.month == 12 else (today.year,)


@dataclass(frozen=True)
class DayRange:
    """Consecutive days off with the holiday's name, as `calendar show` prints them."""

    first: date
    last: date
    name: str


@dataclass(frozen=True)
class YearSummary:
    """`inquirybot calendar show YEAR`: holidays, make-up working days, each month's 3rd and last working day."""

    year: int
    coverage: Coverage
    holidays: tuple[DayRange, ...]
    makeup_days: tuple[date, ...]
    months: tuple[tuple[int, date | None, date | None], ...]  # (month, 3rd working day, last working day)


def _holiday_name(day: date, cal: WorkCalendar) -> str | None:
    """The statutory name of a day off (None for a plain weekend); overrides and fallback name what they can."""
    if cal.override(day) is False:
        return "override"
    if cal.kind == "cn" and has_statutory_data(day.year):
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
        return str(name) if on_holiday and name else None
    if cal.kind == "cn":
        import holidays

        names = holidays.country_holidays("CN", years=day.year)
        found = names.get(day)
        return str(found) if found else None
    return None


def year_summary(cal: WorkCalendar, year: int) -> YearSummary:
    every = [d for n in range(366) if (d := date(year, 1, 1) + timedelta(days=n)).year == year]
    ranges: list[DayRange] = []
    for day in every:
        name = None if cal.is_workday(day) else _holiday_name(day, cal)
        if name is None and not cal.is_workday(day) and day.weekday() < 5:
            name = "day off"
        if name is None:
            continue
        if ranges and ranges[-1].last == day - timedelta(days=1) and ranges[-1].name == name:
            ranges[-1] = DayRange(ranges[-1].first, day, name)
        else:
            ranges.append(DayRange(day, day, name))
    makeup = tuple(d for d in every if d.weekday() >= 5 and cal.is_workday(d))
    months = tuple((m, _nth_or_none(cal, year, m, 3), _nth_or_none(cal, year, m, -1)) for m in range(1, 13))
    return YearSummary(year, cal.coverage(year), tuple(ranges), makeup, months)


def _nth_or_none(cal: WorkCalendar, year: int, month: int, n: int) -> date | None:
    days = cal.workdays_of_month(year, month)
    if n < 0:
        return days[n] if days else None
    return days[n - 1] if len(days) >= n else None
