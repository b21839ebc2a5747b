"""Time measured the way the policy measures work: only working days of the org's calendar, only inside the
working day, lunch left out. A forward on the eve of National Day followed up first thing on 8 October took
minutes of working time, not 90 hours. Pure: instants, the zone, the calendar and the hours in; a duration out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from bot.org.model import WorkingHours

Elapsed = Callable[[datetime, datetime], timedelta]
MAX_DAYS = 400  # a follow-up measured over more than a year is a data error; never loop without end


def working_time(start: datetime, end: datetime, *, tz: ZoneInfo, is_workday: Callable[[date], bool],
                 hours: WorkingHours) -> timedelta:
    """Working time between two aware instants (zero when `end` is not after `start`)."""
    if end <= start:
        return timedelta(0)
    total = timedelta(0)
    day, last = start.astimezone(tz).date(), end.astimezone(tz).date()
    for _ in range(MAX_DAYS):
        if day > last:
            break
        if is_workday(day):
            for begin, finish in hours.periods():
                low = max(start, datetime.combine(day, begin, tz))
                high = min(end, datetime.combine(day, finish, tz))
                if high > low:
                    total += high - low
        day += timedelta(days=1)
    return total


def working_clock(tz: ZoneInfo, is_workday: Callable[[date], bool], hours: WorkingHours) -> Elapsed:
    """`working_time` with the org's zone, calendar and hours bound, for reports to call with two instants."""
    return partial(working_time, tz=tz, is_workday=is_workday, hours=hours)
