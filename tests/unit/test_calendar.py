"""WorkCalendar: holidays, make-up days (调休), month ends, overrides, the uncovered-year fallback."""

from __future__ import annotations

import logging
from datetime import date, timedelta

import pytest

from bot.rules.calendar import WorkCalendar, first_friday

D = date.fromisoformat


@pytest.fixture(scope="module")
def cn() -> WorkCalendar:
    return WorkCalendar("cn")


@pytest.fixture(scope="module")
def weekdays() -> WorkCalendar:
    return WorkCalendar("weekdays")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # National Day / Mid-autumn 2025: 1-8 Oct off, Sun 28 Sep and Sat 11 Oct are make-up working days.
        ("2025-09-26", True),
        ("2025-09-27", False),
        ("2025-09-28", True),
        ("2025-09-30", True),
        ("2025-10-01", False),
        ("2025-10-04", False),
        ("2025-10-06", False),
        ("2025-10-08", False),
        ("2025-10-09", True),
        ("2025-10-10", True),
        ("2025-10-11", True),
        ("2025-10-12", False),
        # Spring Festival 2026 per chinesecalendar 1.11: 15-23 Feb off; Sat 14 Feb and Sat 28 Feb make-up.
        ("2026-02-13", True),
        ("2026-02-14", True),
        ("2026-02-15", False),
        ("2026-02-17", False),
        ("2026-02-23", False),
        ("2026-02-24", True),
        ("2026-02-28", True),
        # Other 2026 make-up days: Sun 4 Jan, Sat 9 May, Sun 20 Sep, Sat 10 Oct.
        ("2026-01-01", False),
        ("2026-01-02", False),
        ("2026-01-04", True),
        ("2026-05-09", True),
        ("2026-09-20", True),
        ("2026-10-07", False),
        ("2026-10-10", True),
        # Ordinary days.
        ("2025-11-03", True),
        ("2025-11-08", False),
        ("2025-11-09", False),
    ],
)
def test_cn_is_workday(cn: WorkCalendar, day: str, expected: bool) -> None:
    assert cn.is_workday(D(day)) is expected


@pytest.mark.parametrize(
    ("year", "month", "n", "expected"),
    [
        (2025, 10, 1, "2025-10-09"),
        (2025, 10, 2, "2025-10-10"),
        (2025, 10, 3, "2025-10-11"),  # a Saturday make-up day is the P7 ledger day
        (2025, 10, 4, "2025-10-13"),
        (2026, 10, 3, "2026-10-10"),  # again a Saturday make-up day
        (2026, 1, 1, "2026-01-04"),  # New Year 1-3 Jan, then a Sunday make-up day
        (2026, 2, 1, "2026-02-02"),  # Feb starts on a Sunday
        (2025, 2, 3, "2025-02-07"),  # Spring Festival 2025 until 4 Feb
        (2025, 5, 3, "2025-05-08"),  # Labour Day 1-5 May 2025
        (2026, 5, 3, "2026-05-08"),
        (2025, 11, 1, "2025-11-03"),  # month starts on a weekend
        (2025, 12, 3, "2025-12-03"),
    ],
)
def test_nth_workday(cn: WorkCalendar, year: int, month: int, n: int, expected: str) -> None:
    assert cn.nth_workday(year, month, n) == D(expected)


@pytest.mark.parametrize(
    ("year", "month", "expected"),
    [
        (2025, 8, "2025-08-29"),  # month ends on a Sunday -> Friday
        (2025, 11, "2025-11-28"),  # ends on a Sunday
        (2025, 5, "2025-05-30"),  # ends on a Saturday
        (2026, 1, "2026-01-30"),  # ends on a Saturday
        (2026, 5, "2026-05-29"),  # ends on a Sunday
        (2026, 2, "2026-02-28"),  # ends on a Saturday that is a make-up working day
        (2025, 9, "2025-09-30"),  # before National Day
        (2025, 1, "2025-01-27"),  # Spring Festival starts 28 Jan
        (2025, 12, "2025-12-31"),
        (2026, 10, "2026-10-30"),
    ],
)
def test_last_workday(cn: WorkCalendar, year: int, month: int, expected: str) -> None:
    assert cn.last_workday(year, month) == D(expected)
    assert cn.nth_last_workday(year, month, 1) == D(expected)


@pytest.mark.parametrize(
    ("year", "month", "n", "expected"),
    [
        (2025, 1, 2, "2025-01-26"),  # second-to-last is a Sunday make-up day
        (2026, 2, 2, "2026-02-27"),
        (2025, 9, 2, "2025-09-29"),
        (2025, 10, 2, "2025-10-30"),
        (2025, 8, 2, "2025-08-28"),
        (2026, 3, 3, "2026-03-27"),
    ],
)
def test_nth_last_workday(cn: WorkCalendar, year: int, month: int, n: int, expected: str) -> None:
    assert cn.nth_last_workday(year, month, n) == D(expected)


@pytest.mark.parametrize("n", [0, -1, 24])
def test_nth_workday_out_of_range(cn: WorkCalendar, n: int) -> None:
    with pytest.raises(ValueError, match="working days"):
        cn.nth_workday(2025, 10, n)


@pytest.mark.parametrize("n", [0, 24])
def test_nth_last_workday_out_of_range(cn: WorkCalendar, n: int) -> None:
    with pytest.raises(ValueError, match="working days"):
        cn.nth_last_workday(2025, 10, n)


@pytest.mark.parametrize(
    ("day", "expected_next", "expected_on_or_after"),
    [
        ("2025-09-30", "2025-10-09", "2025-09-30"),  # into the National Day week
        ("2025-10-01", "2025-10-09", "2025-10-09"),
        ("2025-10-10", "2025-10-11", "2025-10-10"),  # Friday -> make-up Saturday
        ("2025-10-11", "2025-10-13", "2025-10-11"),
        ("2025-09-26", "2025-09-28", "2025-09-26"),  # Friday -> make-up Sunday
        ("2025-11-07", "2025-11-10", "2025-11-07"),  # ordinary Friday -> Monday
        ("2025-11-08", "2025-11-10", "2025-11-10"),
        ("2026-02-13", "2026-02-14", "2026-02-13"),
        ("2026-02-14", "2026-02-24", "2026-02-14"),  # whole Spring Festival skipped
        ("2026-02-15", "2026-02-24", "2026-02-24"),
        ("2025-12-31", "2026-01-04", "2025-12-31"),  # across the year boundary
    ],
)
def test_next_and_on_or_after(
    cn: WorkCalendar, day: str, expected_next: str, expected_on_or_after: str
) -> None:
    assert cn.next_workday(D(day)) == D(expected_next)
    assert cn.workday_on_or_after(D(day)) == D(expected_on_or_after)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2025-10-11", "2025-10-11", 0),
        ("2025-10-11", "2025-10-10", 0),
        ("2025-10-11", "2025-10-13", 1),
        ("2025-10-10", "2025-10-13", 2),  # Sat 11 Oct counts
        ("2025-09-30", "2025-10-09", 1),
        ("2025-09-25", "2025-10-12", 7),  # 26, 28, 29, 30 Sep and 9, 10, 11 Oct
        ("2025-10-31", "2025-11-30", 20),
        ("2026-02-01", "2026-02-28", 16),  # both make-up Saturdays count
    ],
)
def test_workdays_between(cn: WorkCalendar, start: str, end: str, expected: int) -> None:
    assert cn.workdays_between(D(start), D(end)) == expected


@pytest.mark.parametrize("month", range(1, 13))
def test_workdays_between_matches_month_list(cn: WorkCalendar, month: int) -> None:
    days = cn.workdays_of_month(2026, month)
    eve = date(2026, month, 1) - timedelta(days=1)
    assert cn.workdays_between(eve, days[-1]) == len(days)
    assert all(cn.is_workday(d) for d in days)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2025-10-01", True),  # Wednesday, no holiday in weekdays mode
        ("2025-10-11", False),  # no make-up Saturdays either
        ("2025-09-28", False),
        ("2026-02-17", True),
        ("2026-02-28", False),
        ("2031-10-01", True),
    ],
)
def test_weekdays_mode(weekdays: WorkCalendar, day: str, expected: bool) -> None:
    assert weekdays.is_workday(D(day)) is expected


@pytest.mark.parametrize(
    ("method", "args", "expected"),
    [
        ("nth_workday", (2025, 10, 3), "2025-10-03"),
        ("last_workday", (2026, 2), "2026-02-27"),
        ("last_workday", (2025, 8), "2025-08-29"),
        ("nth_last_workday", (2025, 10, 2), "2025-10-30"),
    ],
)
def test_weekdays_mode_month_arithmetic(
    weekdays: WorkCalendar, method: str, args: tuple[int, ...], expected: str
) -> None:
    assert getattr(weekdays, method)(*args) == D(expected)


OVERRIDES = {
    D("2025-10-11"): False,  # the company drops a make-up Saturday
    D("2025-10-08"): True,  # and works on a statutory holiday
    D("2025-11-08"): True,  # an ordinary Saturday worked
    D("2025-11-10"): False,  # an ordinary Monday off
    D("2027-01-02"): True,  # uncovered year: the org file enters next year's notice
    D("2027-01-04"): False,
}


@pytest.mark.parametrize(
    ("kind", "day", "expected"),
    [
        ("cn", "2025-10-11", False),
        ("cn", "2025-10-08", True),
        ("cn", "2025-11-08", True),
        ("cn", "2025-11-10", False),
        ("cn", "2027-01-02", True),
        ("cn", "2027-01-04", False),
        ("cn", "2025-10-10", True),  # not overridden: calendar answer
        ("weekdays", "2025-10-11", False),
        ("weekdays", "2025-11-08", True),
        ("weekdays", "2025-11-10", False),
        ("weekdays", "2027-01-02", True),
    ],
)
def test_overrides_win(kind: str, day: str, expected: bool) -> None:
    cal = WorkCalendar("cn" if kind == "cn" else "weekdays", OVERRIDES)
    assert cal.is_workday(D(day)) is expected


def test_overrides_move_month_arithmetic() -> None:
    cal = WorkCalendar("cn", OVERRIDES)
    assert cal.nth_workday(2025, 10, 1) == D("2025-10-08")
    assert cal.nth_workday(2025, 10, 3) == D("2025-10-10")
    assert cal.nth_workday(2025, 10, 4) == D("2025-10-13")
    assert cal.next_workday(D("2025-11-07")) == D("2025-11-08")
    assert cal.next_workday(D("2025-11-08")) == D("2025-11-11")


def test_overrides_are_copied() -> None:
    mine = {D("2025-10-10"): False}
    cal = WorkCalendar("cn", mine)
    mine[D("2025-10-10")] = True
    assert cal.is_workday(D("2025-10-10")) is False


def test_unknown_kind_refused() -> None:
    with pytest.raises(ValueError, match="unknown calendar kind"):
        WorkCalendar("us")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2031-01-01", False),  # New Year
        ("2031-01-02", True),
        ("2031-01-23", False),  # Spring Festival (rule-based)
        ("2031-01-27", False),  # observed day estimated by the holidays package
        ("2031-10-01", False),
        ("2031-10-03", False),
        ("2031-10-04", False),  # Saturday; no make-up days known
        ("2031-10-06", True),
        ("2031-10-11", False),
        ("2003-10-01", False),  # before chinese_calendar's coverage too
        ("2003-10-08", True),
    ],
)
def test_uncovered_year_falls_back(day: str, expected: bool) -> None:
    assert WorkCalendar("cn").is_workday(D(day)) is expected


def test_uncovered_year_warns_once_per_year(caplog: pytest.LogCaptureFixture) -> None:
    cal = WorkCalendar("cn")
    with caplog.at_level(logging.WARNING, logger="bot.rules.calendar"):
        for month in range(1, 13):
            cal.workdays_of_month(2031, month)
        cal.nth_workday(2031, 10, 3)
        cal.last_workday(2031, 2)
        cal.is_workday(D("2032-03-01"))
        cal.is_workday(D("2032-03-02"))
        cal.is_workday(D("2026-03-02"))  # covered: no warning
    warnings = [r for r in caplog.records if r.name == "bot.rules.calendar"]
    assert [r.levelno for r in warnings] == [logging.WARNING, logging.WARNING]
    assert "2031" in warnings[0].getMessage()
    assert "2032" in warnings[1].getMessage()


def test_uncovered_year_month_arithmetic() -> None:
    cal = WorkCalendar("cn")
    assert cal.nth_workday(2031, 10, 1) == D("2031-10-06")
    assert cal.last_workday(2031, 8) == D("2031-08-29")
    assert cal.next_workday(D("2031-12-31")) == D("2032-01-02")


def test_covered_years_do_not_warn(cn: WorkCalendar, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.rules.calendar"):
        for year in (2004, 2025, 2026):
            cn.workdays_of_month(year, 10)
    assert caplog.records == []


def test_answers_are_cached_and_stable(cn: WorkCalendar) -> None:
    first = [cn.is_workday(D("2025-10-11")) for _ in range(1000)]
    assert first == [True] * 1000
    assert cn.workdays_of_month(2025, 10) is cn.workdays_of_month(2025, 10)


@pytest.mark.parametrize(
    ("year", "month", "expected"),
    [
        (2025, 10, "2025-10-03"),  # a National Day holiday; still the calendar Friday
        (2025, 11, "2025-11-07"),
        (2025, 8, "2025-08-01"),  # the 1st is a Friday
        (2026, 1, "2026-01-02"),
        (2026, 2, "2026-02-06"),
        (2026, 5, "2026-05-01"),
        (2025, 3, "2025-03-07"),  # the 1st is a Saturday
    ],
)
def test_first_friday(year: int, month: int, expected: str) -> None:
    assert first_friday(year, month) == D(expected)
