"""Working time: only working days of the calendar, only inside the working day, lunch left out."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from bot.org.model import WorkingHours
from bot.rules.calendar import WorkCalendar
from bot.rules.working_time import working_clock
from tests.conftest import SHANGHAI, local

CN = working_clock(SHANGHAI, WorkCalendar("cn").is_workday, WorkingHours())


@pytest.mark.parametrize(("start", "end", "minutes"), [
    (local(2026, 11, 23, 9, 0), local(2026, 11, 23, 10, 30), 90),  # a Monday morning
    (local(2026, 11, 23, 11, 30), local(2026, 11, 23, 13, 30), 60),  # lunch left out
    (local(2026, 11, 23, 20, 0), local(2026, 11, 24, 9, 0), 30),  # the evening and night do not count
    (local(2026, 11, 27, 17, 0), local(2026, 11, 30, 9, 0), 60),  # Friday 17:00 to Monday 09:00: the weekend is out
    (local(2026, 9, 30, 17, 0), local(2026, 10, 8, 9, 0), 60),  # the eve of National Day to the first day back
    (local(2026, 10, 9, 17, 0), local(2026, 10, 10, 9, 0), 60),  # the make-up Saturday 10 Oct is a working day
    (local(2026, 11, 23, 9, 0), local(2026, 11, 23, 9, 0), 0),
    (local(2026, 11, 23, 10, 0), local(2026, 11, 23, 9, 0), 0),  # never negative
])
def test_working_minutes(start: datetime, end: datetime, minutes: int) -> None:
    assert CN(start, end) == timedelta(minutes=minutes)


def test_a_working_day_without_lunch_and_other_hours() -> None:
    long_day = working_clock(SHANGHAI, WorkCalendar("weekdays").is_workday, WorkingHours(time(9), time(18), None))
    assert long_day(local(2026, 11, 23, 8, 0), local(2026, 11, 24, 8, 0)) == timedelta(hours=9)
    assert WorkingHours().periods() == ((time(8, 30), time(12)), (time(13), time(17, 30)))


def test_instants_in_other_zones_are_measured_in_the_orgs_day() -> None:
    from datetime import UTC

    start = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai
    assert CN(start, start + timedelta(hours=1)) == timedelta(hours=1)
