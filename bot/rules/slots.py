"""When each scheduled job fires (SPEC section 6), as pure functions of the calendar and the org schedule.

A *slot* is one scheduled instant of one job. Its key (job + local wall-clock time) is stored with a unique
constraint, so a slot's work happens once however often the job fires. The APScheduler trigger, catch-up after
downtime and `inquirybot jobs run --at` all ask these functions, so there is one definition of "when".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.org.model import Schedule
from bot.rules.calendar import WorkCalendar
from bot.rules.deadlines import local_at
from bot.rules.penalty_facts import p3_notice_day

TEN = time(10, 0)
FireTimes = Callable[[date, Schedule, WorkCalendar], tuple[time, ...]]


def _daily(pick: Callable[[Schedule], tuple[time, ...]]) -> FireTimes:
    return lambda _day, schedule, _cal: pick(schedule)


def _workdays(pick: Callable[[Schedule], tuple[time, ...]]) -> FireTimes:
    return lambda day, schedule, cal: pick(schedule) if cal.is_workday(day) else ()


def _moved(nominal: Callable[[date, Schedule], bool], at: Callable[[Schedule], time]) -> FireTimes:
    """A weekly or monthly duty whose nominal day is not a working day moves to the next working day (policy:
    duties fall on working days); two nominal days moved onto one working day make one slot."""

    def fire(day: date, schedule: Schedule, cal: WorkCalendar) -> tuple[time, ...]:
        return (at(schedule),) if any(nominal(d, schedule) for d in cal.days_served(day)) else ()

    return fire


def _weekly(pick: Callable[[Schedule], tuple[int, time]]) -> FireTimes:
    return _moved(lambda day, s: day.weekday() == pick(s)[0], lambda s: pick(s)[1])


def _shift(at: time, minutes: int) -> time:
    moved = datetime.combine(date(2000, 1, 1), at) + timedelta(minutes=minutes)
    return moved.time()


def _monthly_prompt(day: date, schedule: Schedule, cal: WorkCalendar) -> tuple[time, ...]:
    """2nd-to-last working day 10:00; last working day 10:00 and one hour before the 15:30 deadline."""
    if day == cal.last_workday(day.year, day.month):
        return (TEN, _shift(schedule.deals_monthly_due, -60))
    if day == cal.nth_last_workday(day.year, day.month, 2):
        return (TEN,)
    return ()


def _monthly_sweep(day: date, schedule: Schedule, cal: WorkCalendar) -> tuple[time, ...]:
    return (schedule.deals_monthly_due,) if day == cal.last_workday(day.year, day.month) else ()


def _nth_workday(n: int, at: time) -> FireTimes:
    return lambda day, _schedule, cal: (at,) if day == cal.nth_workday(day.year, day.month, n) else ()


def _ledger_reminders(day: date, schedule: Schedule, cal: WorkCalendar) -> tuple[time, ...]:
    """P7 reminders: 2nd working day 10:00; due day two hours and half an hour before the deadline."""
    due = schedule.ledger_due
    if day == cal.nth_workday(day.year, day.month, due.workday):
        return (_shift(due.at, -120), _shift(due.at, -30))
    if due.workday > 2 and day == cal.nth_workday(day.year, day.month, 2):
        return (TEN,)
    return ()


def _ledger_sweep(day: date, schedule: Schedule, cal: WorkCalendar) -> tuple[time, ...]:
    """The P7 deadline, then every later working day of the month until the extract is confirmed."""
    due = schedule.ledger_due
    if cal.is_workday(day) and day >= cal.nth_workday(day.year, day.month, due.workday):
        return (due.at,)
    return ()


P3_NOTICE_AT = time(16, 0)


def _crm_audit(day: date, _schedule: Schedule, cal: WorkCalendar) -> tuple[time, ...]:
    """The P3 audit draft: the month's first Friday, or the next working day when that Friday is a holiday."""
    return (TEN,) if day == p3_notice_day(day.year, day.month, cal) else ()


def _p3_notice(day: date, _schedule: Schedule, cal: WorkCalendar) -> tuple[time, ...]:
    """The P3 public notice, the afternoon of the audit day: what the specialist has confirmed by then."""
    return (P3_NOTICE_AT,) if day == p3_notice_day(day.year, day.month, cal) else ()


def _calendar_check(day: date, schedule: Schedule, cal: WorkCalendar) -> tuple[time, ...]:
    """Issue 10: every Monday (or the next working day) and the 1st working day of each month, 09:00, so a
    missing next year is raised from 1 December on and weekly until fixed."""
    monday = _weekly(lambda _s: (0, time(9, 0)))(day, schedule, cal)
    return monday or _nth_workday(1, time(9, 0))(day, schedule, cal)


JOBS: dict[str, FireTimes] = {
    "counts_morning": _daily(lambda s: (s.counts[0],)),
    "counts_evening": _daily(lambda s: (s.counts[1],)),
    "counts_night": _daily(lambda s: (s.counts[2],)),
    "followup_reminders": _workdays(lambda s: s.followup_reminders),  # due times only fall on working days
    "followup_sweep": _workdays(lambda s: (s.followup_due,)),
    "deals_daily_prompt": _workdays(lambda s: s.deals_daily_prompts),
    "deals_daily_sweep": _workdays(lambda s: (s.deals_daily_due,)),
    "crm_reminders": _workdays(lambda _s: (TEN,)),  # a day 5 or 7 off work is reminded the next working day
    "weekly_rep_digest": _weekly(lambda s: (s.weekly_rep_digest.weekday, s.weekly_rep_digest.at)),
    "weekly_manager_table": _weekly(lambda s: (s.weekly_manager_table.weekday, s.weekly_manager_table.at)),
    "deals_monthly_prompt": _monthly_prompt,
    "deals_monthly_sweep": _monthly_sweep,
    "ledger_extracts": _nth_workday(1, time(9, 0)),
    "ledger_reminders": _ledger_reminders,
    "ledger_sweep": _ledger_sweep,
    "crm_audit": _crm_audit,
    "p3_notice": _p3_notice,
    "transfer_check": _workdays(lambda _s: (TEN,)),
    "weekly_chart": _weekly(lambda _s: (0, time(9, 0))),
    "calendar_check": _calendar_check,
}

DESCRIPTIONS = {
    "counts_morning": "daily {counts[0]}", "counts_evening": "daily {counts[1]}", "counts_night": "daily {counts[2]}",
    "followup_reminders": "working days {followup_reminders}", "followup_sweep": "working days {followup_due}",
    "deals_daily_prompt": "working days {deals_daily_prompts}", "deals_daily_sweep": "working days {deals_daily_due}",
    "crm_reminders": "working days 10:00 (day 5 and 7 after assignment, or the next working day)",
    "weekly_rep_digest": "weekly {weekly_rep_digest} (or the next working day)",
    "weekly_manager_table": "weekly {weekly_manager_table} (or the next working day)",
    "deals_monthly_prompt": "2nd-to-last working day 10:00; last working day 10:00 and 1 h before the deadline",
    "deals_monthly_sweep": "last working day {deals_monthly_due}", "ledger_extracts": "1st working day 09:00",
    "ledger_reminders": "2nd working day 10:00; due day 2 h and 30 min before the deadline",
    "ledger_sweep": "working day {ledger_due} of the month, then every working day",
    "crm_audit": "first working Friday of the month 10:00 (a holiday Friday: the next working day)",
    "p3_notice": "the P3 audit day 16:00 (notice in announce)",
    "transfer_check": "working days 10:00 (day 25 / one month)",
    "weekly_chart": "Monday 09:00 (or the next working day)",
    "calendar_check": "Monday and 1st working day 09:00: admins told of a year without holiday data",
}
LOOKBACK_DAYS = 62


def slots_on(job: str, day: date, tz: ZoneInfo, schedule: Schedule, cal: WorkCalendar) -> list[datetime]:
    return sorted(local_at(day, at, tz) for at in JOBS[job](day, schedule, cal))


def latest_slot(job: str, at: datetime, tz: ZoneInfo, schedule: Schedule, cal: WorkCalendar) -> datetime | None:
    """The job's latest scheduled instant at or before `at` (`--at 18:31` still means the 18:30 slot)."""
    day = at.astimezone(tz).date()
    for back in range(LOOKBACK_DAYS):
        due = [s for s in slots_on(job, day - timedelta(days=back), tz, schedule, cal) if s <= at]
        if due:
            return due[-1]
    return None


def next_slot(job: str, after: datetime, tz: ZoneInfo, schedule: Schedule, cal: WorkCalendar) -> datetime | None:
    """The job's first scheduled instant strictly after `after`."""
    day = after.astimezone(tz).date()
    for ahead in range(LOOKBACK_DAYS):
        later = [s for s in slots_on(job, day + timedelta(days=ahead), tz, schedule, cal) if s > after]
        if later:
            return later[0]
    return None


def slots_between(
    job: str, start: datetime, end: datetime, tz: ZoneInfo, schedule: Schedule, cal: WorkCalendar
) -> list[datetime]:
    """Every slot in (start, end], oldest first: what a process that was down has missed."""
    found: list[datetime] = []
    cursor = next_slot(job, start, tz, schedule, cal)
    while cursor is not None and cursor <= end:
        found.append(cursor)
        cursor = next_slot(job, cursor, tz, schedule, cal)
    return found


def slot_key(slot: datetime, tz: ZoneInfo) -> str:
    """`2026-11-23T18:30`: the local wall-clock time a slot stands for."""
    return slot.astimezone(tz).strftime("%Y-%m-%dT%H:%M")


def _hhmm(at: time) -> str:
    return at.strftime("%H:%M")


def describe(job: str, schedule: Schedule) -> str:
    """A person-readable schedule for `inquirybot jobs list`."""
    days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    values = {
        "counts": [_hhmm(t) for t in schedule.counts],
        "followup_reminders": ", ".join(_hhmm(t) for t in schedule.followup_reminders),
        "followup_due": _hhmm(schedule.followup_due),
        "deals_daily_prompts": ", ".join(_hhmm(t) for t in schedule.deals_daily_prompts),
        "deals_daily_due": _hhmm(schedule.deals_daily_due),
        "deals_monthly_due": _hhmm(schedule.deals_monthly_due),
        "ledger_due": f"{schedule.ledger_due.workday} {_hhmm(schedule.ledger_due.at)}",
        "weekly_rep_digest": f"{days[schedule.weekly_rep_digest.weekday]} {_hhmm(schedule.weekly_rep_digest.at)}",
        "weekly_manager_table": f"{days[schedule.weekly_manager_table.weekday]} "
        f"{_hhmm(schedule.weekly_manager_table.at)}",
    }
    return DESCRIPTIONS[job].format(**values)


def listing(now: datetime, tz: ZoneInfo, schedule: Schedule, cal: WorkCalendar) -> list[dict[str, str | None]]:
    """Name, schedule and next run of every job (`inquirybot jobs list`), in name order."""
    rows: list[dict[str, str | None]] = []
    for name in sorted(JOBS):
        upcoming = next_slot(name, now, tz, schedule, cal)
        rows.append({"job": name, "schedule": describe(name, schedule),
                     "next_run": upcoming.astimezone(tz).isoformat() if upcoming else None})
    return rows
