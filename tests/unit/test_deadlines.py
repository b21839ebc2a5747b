"""Due times: P1.4 follow-up, P3 CRM reminders, P4/P6 deal reports, P7 ledger and lateness, P8 transfer."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.org.model import Schedule, WorkdayTime
from bot.rules.calendar import WorkCalendar
from bot.rules.deadlines import (
    crm_reminder_times,
    daily_deals_due,
    followup_due,
    ledger_days_late,
    ledger_due,
    local_at,
    local_day_bounds,
    monthly_deals_due,
    transfer_due_at,
    transfer_warning_at,
)

SH = ZoneInfo("Asia/Shanghai")
DEFAULT = Schedule()
CN = WorkCalendar("cn")
WEEKDAYS = WorkCalendar("weekdays")


def at(text: str) -> datetime:
    """An aware instant: ISO text with an offset is kept, without one it is Shanghai wall-clock time."""
    parsed = datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=SH)


# --- P1.4 follow-up due ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("forwarded", "due"),
    [
        ("2025-11-03T10:00", "2025-11-03T23:59"),  # Monday morning: same day
        ("2025-11-03T00:00", "2025-11-03T23:59"),
        ("2025-11-03T21:59", "2025-11-03T23:59"),
        ("2025-11-03T21:59:30", "2025-11-03T23:59"),  # still inside the 21:59 minute
        ("2025-11-03T21:59:59.999999", "2025-11-03T23:59"),
        ("2025-11-03T22:00", "2025-11-04T23:59"),  # first instant after the cutoff
        ("2025-11-03T23:59:30", "2025-11-04T23:59"),
        ("2025-11-07T22:05", "2025-11-10T23:59"),  # Friday night -> Monday
        ("2025-11-08T08:00", "2025-11-10T23:59"),  # ordinary Saturday
        ("2025-11-09T23:30", "2025-11-10T23:59"),  # ordinary Sunday
        ("2025-09-26T22:05", "2025-09-28T23:59"),  # Friday night -> make-up Sunday
        ("2025-09-30T22:05", "2025-10-09T23:59"),  # before National Day -> after it
        ("2025-10-01T10:00", "2025-10-09T23:59"),  # on a National Day holiday
        ("2025-10-08T21:00", "2025-10-09T23:59"),
        ("2025-10-11T09:00", "2025-10-11T23:59"),  # make-up Saturday is a working day
        ("2025-10-11T22:30", "2025-10-13T23:59"),
        ("2026-02-13T23:00", "2026-02-14T23:59"),  # -> make-up Saturday before Spring Festival
        ("2026-02-14T22:00", "2026-02-24T23:59"),  # whole Spring Festival skipped
        ("2026-02-16T11:00", "2026-02-24T23:59"),  # on a Spring Festival holiday
        ("2026-02-27T22:10", "2026-02-28T23:59"),  # -> make-up Saturday at month end
        ("2025-12-31T22:00", "2026-01-04T23:59"),  # New Year, then a make-up Sunday
    ],
)
def test_followup_due(forwarded: str, due: str) -> None:
    assert followup_due(at(forwarded), SH, CN, DEFAULT) == at(due)


@pytest.mark.parametrize(
    ("forwarded_instant", "due_local"),
    [
        ("2025-11-03T13:59:30+00:00", "2025-11-03T23:59"),  # 21:59:30 local
        ("2025-11-03T14:00:00+00:00", "2025-11-04T23:59"),  # 22:00 local
        ("2025-11-02T16:30:00+00:00", "2025-11-03T23:59"),  # Sunday in UTC, Monday 00:30 local
        ("2025-11-07T14:05:00+00:00", "2025-11-10T23:59"),  # Friday 22:05 local
        ("2025-10-10T23:00:00+00:00", "2025-10-11T23:59"),  # make-up Saturday 07:00 local
        ("2025-09-30T16:00:00+00:00", "2025-10-09T23:59"),  # 1 Oct 00:00 local
        ("2025-11-03T08:00:00-05:00", "2025-11-03T23:59"),  # 21:00 local: any offset works
        ("2025-11-03T10:00:00-05:00", "2025-11-04T23:59"),  # 23:00 local
    ],
)
def test_followup_due_converts_instants_to_local_time(forwarded_instant: str, due_local: str) -> None:
    due = followup_due(at(forwarded_instant), SH, CN, DEFAULT)
    assert due == at(due_local)
    assert due.tzinfo == SH
    assert due.utcoffset() == timedelta(hours=8)


def test_followup_due_is_exactly_the_configured_minute() -> None:
    due = followup_due(at("2025-11-03T10:00"), SH, CN, DEFAULT)
    assert due.isoformat() == "2025-11-03T23:59:00+08:00"
    assert due.astimezone(UTC).isoformat() == "2025-11-03T15:59:00+00:00"


@pytest.mark.parametrize(
    ("forwarded", "due"),
    [
        ("2025-11-03T20:00:30", "2025-11-03T22:00"),
        ("2025-11-03T20:01", "2025-11-04T22:00"),
        ("2025-11-07T20:01", "2025-11-10T22:00"),
    ],
)
def test_followup_due_uses_the_configured_times(forwarded: str, due: str) -> None:
    schedule = Schedule(followup_due=time(22, 0), followup_cutoff=time(20, 0))
    assert followup_due(at(forwarded), SH, CN, schedule) == at(due)


@pytest.mark.parametrize(
    ("forwarded", "due"),
    [
        ("2025-10-01T10:00", "2025-10-01T23:59"),  # holidays are working days in weekdays mode
        ("2025-10-11T09:00", "2025-10-13T23:59"),  # and make-up Saturdays are not
        ("2025-10-10T22:00", "2025-10-13T23:59"),
    ],
)
def test_followup_due_weekdays_calendar(forwarded: str, due: str) -> None:
    assert followup_due(at(forwarded), SH, WEEKDAYS, DEFAULT) == at(due)


def test_followup_due_honours_overrides() -> None:
    cal = WorkCalendar("cn", {date(2025, 10, 11): False, date(2025, 10, 8): True})
    assert followup_due(at("2025-10-11T09:00"), SH, cal, DEFAULT) == at("2025-10-13T23:59")
    assert followup_due(at("2025-09-30T22:05"), SH, cal, DEFAULT) == at("2025-10-08T23:59")


@pytest.mark.parametrize("month", [9, 10, 11])
def test_followup_due_invariants_every_half_hour(month: int) -> None:
    start = datetime(2025, month, 1, tzinfo=SH)
    for step in range(31 * 48):
        forwarded = start + timedelta(minutes=30 * step)
        due = followup_due(forwarded, SH, CN, DEFAULT)
        assert due > forwarded
        assert CN.is_workday(due.date())
        assert due.timetz() == time(23, 59, tzinfo=SH)
        assert due - forwarded < timedelta(days=10)


def test_followup_due_refuses_naive_datetimes() -> None:
    with pytest.raises(ValueError, match="naive"):
        followup_due(datetime(2025, 11, 3, 10, 0), SH, CN, DEFAULT)


# --- P3 CRM reminders -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("assigned", "day5", "day7"),
    [
        ("2025-11-03T15:20", "2025-11-08T10:00", "2025-11-10T10:00"),  # calendar days: a Saturday is fine
        ("2025-11-02T17:00:00+00:00", "2025-11-08T10:00", "2025-11-10T10:00"),  # 01:00 local on 3 Nov
        ("2025-10-29T23:59", "2025-11-03T10:00", "2025-11-05T10:00"),
        ("2025-12-28T09:00", "2026-01-02T10:00", "2026-01-04T10:00"),
        ("2025-09-30T18:00", "2025-10-05T10:00", "2025-10-07T10:00"),  # holidays are not skipped
    ],
)
def test_crm_reminder_times(assigned: str, day5: str, day7: str) -> None:
    assert crm_reminder_times(at(assigned), SH) == (at(day5), at(day7))


# --- P8 transfer ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("forwarded", "warning"),
    [
        ("2025-10-01T09:00", "2025-10-26T10:00"),
        ("2025-09-30T20:00:00+00:00", "2025-10-26T10:00"),  # 04:00 local on 1 Oct
        ("2026-01-31T23:00", "2026-02-25T10:00"),
        ("2025-12-20T15:00", "2026-01-14T10:00"),
    ],
)
def test_transfer_warning_at(forwarded: str, warning: str) -> None:
    assert transfer_warning_at(at(forwarded), SH) == at(warning)


@pytest.mark.parametrize(
    ("forwarded", "due"),
    [
        ("2026-01-31T14:20", "2026-02-28T14:20"),  # end-of-month clamp
        ("2028-01-31T14:20", "2028-02-29T14:20"),  # leap year
        ("2026-01-29T08:00", "2026-02-28T08:00"),
        ("2026-01-28T08:00", "2026-02-28T08:00"),
        ("2025-03-31T09:15:42", "2025-04-30T09:15:42"),
        ("2025-05-31T12:00", "2025-06-30T12:00"),
        ("2025-10-30T12:00", "2025-11-30T12:00"),
        ("2025-12-15T16:45", "2026-01-15T16:45"),  # year boundary
        ("2025-12-31T23:59", "2026-01-31T23:59"),
        ("2026-01-30T17:00:00+00:00", "2026-02-28T01:00"),  # 31 Jan 01:00 local
    ],
)
def test_transfer_due_at(forwarded: str, due: str) -> None:
    assert transfer_due_at(at(forwarded), SH) == at(due)


@pytest.mark.parametrize("day", range(1, 32))
def test_transfer_warning_comes_before_due(day: int) -> None:
    forwarded = datetime(2026, 1, day, 23, 30, tzinfo=SH)
    assert forwarded < transfer_warning_at(forwarded, SH) < transfer_due_at(forwarded, SH)


# --- P7 ledger, P6 and P4 deal reports ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "month", "due"),
    [
        (2025, 10, "2025-10-11T17:30:00+08:00"),  # 3rd working day is a make-up Saturday
        (2026, 10, "2026-10-10T17:30:00+08:00"),
        (2026, 2, "2026-02-04T17:30:00+08:00"),
        (2026, 1, "2026-01-06T17:30:00+08:00"),
        (2025, 2, "2025-02-07T17:30:00+08:00"),
        (2025, 11, "2025-11-05T17:30:00+08:00"),
        (2031, 10, "2031-10-08T17:30:00+08:00"),  # uncovered year: fallback, no crash
    ],
)
def test_ledger_due(year: int, month: int, due: str) -> None:
    assert ledger_due(year, month, SH, CN, DEFAULT).isoformat() == due


def test_ledger_due_follows_the_schedule() -> None:
    schedule = Schedule(ledger_due=WorkdayTime(1, time(9, 0)))
    assert ledger_due(2025, 10, SH, CN, schedule) == at("2025-10-09T09:00")
    assert ledger_due(2025, 10, SH, WEEKDAYS, DEFAULT) == at("2025-10-03T17:30")


@pytest.mark.parametrize(
    ("year", "month", "due"),
    [
        (2026, 2, "2026-02-28T15:30"),  # make-up Saturday is the last working day
        (2025, 8, "2025-08-29T15:30"),  # month ends on a Sunday
        (2026, 5, "2026-05-29T15:30"),
        (2025, 9, "2025-09-30T15:30"),
        (2025, 1, "2025-01-27T15:30"),  # Spring Festival starts the next day
        (2025, 12, "2025-12-31T15:30"),
    ],
)
def test_monthly_deals_due(year: int, month: int, due: str) -> None:
    assert monthly_deals_due(year, month, SH, CN, DEFAULT) == at(due)


@pytest.mark.parametrize(
    ("day", "due"),
    [
        ("2025-11-03", "2025-11-03T21:00:00+08:00"),
        ("2025-10-11", "2025-10-11T21:00:00+08:00"),
    ],
)
def test_daily_deals_due(day: str, due: str) -> None:
    assert daily_deals_due(date.fromisoformat(day), SH, DEFAULT).isoformat() == due


# --- P7 lateness ----------------------------------------------------------------------------------------

# October 2025: due Saturday 11 Oct 17:30; the next working days are Mon 13 .. Fri 17 Oct.


@pytest.mark.parametrize(
    ("confirmed", "late"),
    [
        ("2025-10-09T10:00", 0),
        ("2025-10-11T17:00", 0),
        ("2025-10-11T17:30", 0),  # exactly at the deadline is on time
        ("2025-10-11T17:30:01", 1),
        ("2025-10-11T23:00", 1),
        ("2025-10-12T12:00", 1),  # Sunday does not count
        ("2025-10-13T09:00", 1),  # Monday's 17:30 has not passed yet
        ("2025-10-13T17:30", 1),
        ("2025-10-13T17:31", 2),
        ("2025-10-14T18:00", 3),
        ("2025-10-18T10:00", 6),  # 11 Oct plus Mon-Fri
        ("2025-10-11T09:30:00+00:00", 0),  # 17:30 local given in UTC
        ("2025-10-11T09:30:01+00:00", 1),
        ("2025-10-13T09:31:00+00:00", 2),
    ],
)
def test_ledger_days_late_when_confirmed(confirmed: str, late: int) -> None:
    now = at("2025-10-31T12:00")
    assert ledger_days_late(2025, 10, at(confirmed), now, SH, CN, DEFAULT) == late


@pytest.mark.parametrize(
    ("now", "late"),
    [
        ("2025-10-01T12:00", 0),
        ("2025-10-11T17:00", 0),
        ("2025-10-11T17:45", 1),
        ("2025-10-20T09:00", 6),
        ("2025-10-20T18:00", 7),
    ],
)
def test_ledger_days_late_while_unconfirmed(now: str, late: int) -> None:
    assert ledger_days_late(2025, 10, None, at(now), SH, CN, DEFAULT) == late


def test_ledger_days_late_stops_at_confirmation_and_is_as_of_now() -> None:
    confirmed = at("2025-10-13T18:00")
    assert ledger_days_late(2025, 10, confirmed, at("2025-10-31T12:00"), SH, CN, DEFAULT) == 2
    # A replayed sweep as of an earlier instant sees only the lateness known then.
    assert ledger_days_late(2025, 10, confirmed, at("2025-10-11T18:00"), SH, CN, DEFAULT) == 1


@pytest.mark.parametrize(
    ("year", "month", "confirmed", "late"),
    [
        (2025, 4, "2025-04-07T09:00", 1),  # due Thu 3 Apr; 4-6 Apr Tomb-sweeping do not count
        (2025, 4, "2025-04-07T18:00", 2),
        (2026, 2, "2026-02-14T18:00", 9),  # make-up Saturday counts
        (2026, 2, "2026-02-24T09:00", 9),  # Spring Festival does not
        (2025, 9, "2025-10-09T09:00", 21),  # National Day does not
    ],
)
def test_ledger_days_late_skips_days_off(year: int, month: int, confirmed: str, late: int) -> None:
    instant = at(confirmed)
    assert ledger_days_late(year, month, instant, instant, SH, CN, DEFAULT) == late


def test_ledger_days_late_weekdays_calendar() -> None:
    # Weekdays mode: due Friday 3 Oct 2025 17:30, the holiday week counts.
    now = at("2025-10-06T17:31")
    assert ledger_days_late(2025, 10, None, now, SH, WEEKDAYS, DEFAULT) == 2


def test_ledger_days_late_refuses_naive_datetimes() -> None:
    with pytest.raises(ValueError, match="naive"):
        ledger_days_late(2025, 10, None, datetime(2025, 10, 20), SH, CN, DEFAULT)


# --- local days -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "start_utc", "end_utc"),
    [
        ("2025-11-03", "2025-11-02T16:00:00+00:00", "2025-11-03T16:00:00+00:00"),
        ("2025-12-31", "2025-12-30T16:00:00+00:00", "2025-12-31T16:00:00+00:00"),
        ("2028-02-29", "2028-02-28T16:00:00+00:00", "2028-02-29T16:00:00+00:00"),
    ],
)
def test_local_day_bounds(day: str, start_utc: str, end_utc: str) -> None:
    start, end = local_day_bounds(date.fromisoformat(day), SH)
    assert start.astimezone(UTC).isoformat() == start_utc
    assert end.astimezone(UTC).isoformat() == end_utc
    assert start.tzinfo == SH


@pytest.mark.parametrize(
    ("instant", "inside"),
    [
        ("2025-11-02T15:59:59+00:00", False),
        ("2025-11-02T16:00:00+00:00", True),
        ("2025-11-03T15:59:59.999999+00:00", True),
        ("2025-11-03T16:00:00+00:00", False),
    ],
)
def test_local_day_bounds_half_open(instant: str, inside: bool) -> None:
    start, end = local_day_bounds(date(2025, 11, 3), SH)
    assert (start <= at(instant) < end) is inside


@pytest.mark.parametrize(
    ("zone", "day", "hours"),
    [
        ("Asia/Shanghai", "2025-03-30", 24),
        ("Europe/Berlin", "2025-03-30", 23),  # the rules work in any zone, DST included
        ("Europe/Berlin", "2025-10-26", 25),
    ],
)
def test_local_day_length(zone: str, day: str, hours: int) -> None:
    start, end = local_day_bounds(date.fromisoformat(day), ZoneInfo(zone))
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=hours)


def test_local_at() -> None:
    assert local_at(date(2025, 10, 11), time(17, 30), SH).isoformat() == "2025-10-11T17:30:00+08:00"
