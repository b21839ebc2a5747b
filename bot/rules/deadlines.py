"""Due times of the policy's deadlines (P1.4, P3, P4, P6, P7, P8), computed from instants given as parameters.

Conventions, shared by every function here:
- Inputs must be timezone-aware; outputs are aware datetimes in the org time zone `tz` (compare them freely
  with UTC instants from storage).
- A deadline is the exact configured instant: "23:59" means 23:59:00. Work recorded at or before that instant
  is on time; anything later is late. The scheduler's sweep slot at 23:59 therefore sees every inquiry due.
- P1.4 cutoff: "forwarded after 21:59" names a whole minute, so 21:59:59 is still on time for a same-day
  follow-up and 22:00:00 is the first instant that moves the due day to the next working day.
- P3 CRM reminders and the P8 transfer warning count calendar days (weekends included) from the local date
  of assignment/forwarding and fire at 10:00 local; the P8 transfer is due one calendar month after
  forwarding at the same local time of day, clamped to the month's end (31 Jan -> 28/29 Feb).
- P7 lateness: one day for the due day once 17:30 has passed unconfirmed, plus one for every later working
  day whose 17:30 passes unconfirmed (the daily ledger sweep runs then); weekends and holidays never count.
"""

from __future__ import annotations

import calendar as _stdcal
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.org.model import Schedule
from bot.rules.calendar import WorkCalendar

REMINDER_TIME = time(10, 0)
CRM_REMINDER_DAYS = (5, 7)
TRANSFER_WARNING_DAY = 25


def local_at(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The aware instant of wall-clock time `at` on local `day` in `tz`."""
    return datetime.combine(day, at, tzinfo=tz)


def local_day_bounds(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """[start, end) of a local day as aware datetimes, so "today's inquiries" is one range query."""
    return local_at(day, time(0), tz), local_at(day + timedelta(days=1), time(0), tz)


def followup_due(forwarded_at: datetime, tz: ZoneInfo, cal: WorkCalendar, schedule: Schedule) -> datetime:
    """P1.4: end of the forwarding day, or of the next working day if forwarded late or on a day off."""
    local = _local(forwarded_at, tz)
    day = local.date()
    cutoff = schedule.followup_cutoff
    after_cutoff = (local.hour, local.minute) > (cutoff.hour, cutoff.minute)
    if after_cutoff or not cal.is_workday(day):
        day = cal.next_workday(day)
    return local_at(day, schedule.followup_due, tz)


def crm_reminder_times(assigned_at: datetime, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """P3: CRM-entry reminders at 10:00 local on calendar days 5 and 7 after assignment (policy: a week)."""
    day = _local(assigned_at, tz).date()
    first, second = (local_at(day + timedelta(days=n), REMINDER_TIME, tz) for n in CRM_REMINDER_DAYS)
    return first, second


def transfer_warning_at(forwarded_at: datetime, tz: ZoneInfo) -> datetime:
    """P8: the transfer warning, 10:00 local on calendar day 25 after forwarding."""
    day = _local(forwarded_at, tz).date() + timedelta(days=TRANSFER_WARNING_DAY)
    return local_at(day, REMINDER_TIME, tz)


def transfer_due_at(forwarded_at: datetime, tz: ZoneInfo) -> datetime:
    """P8: one calendar month after forwarding at the same local time, clamped to the month's end."""
    local = _local(forwarded_at, tz)
    year, month = (local.year + 1, 1) if local.month == 12 else (local.year, local.month + 1)
    day = min(local.day, _stdcal.monthrange(year, month)[1])
    return local_at(date(year, month, day), local.time(), tz)


def ledger_due(year: int, month: int, tz: ZoneInfo, cal: WorkCalendar, schedule: Schedule) -> datetime:
    """P7: the ledger extract deadline, the configured working day of the month at the configured time."""
    rule = schedule.ledger_due
    return local_at(cal.nth_workday(year, month, rule.workday), rule.at, tz)


def monthly_deals_due(year: int, month: int, tz: ZoneInfo, cal: WorkCalendar, schedule: Schedule) -> datetime:
    """P6: the monthly deal report deadline, the month's last working day at deals_monthly_due."""
    return local_at(cal.last_workday(year, month), schedule.deals_monthly_due, tz)


def daily_deals_due(day: date, tz: ZoneInfo, schedule: Schedule) -> datetime:
    """P4: the daily deal report deadline on `day` (callers skip non-working days)."""
    return local_at(day, schedule.deals_daily_due, tz)


def ledger_days_late(
    year: int,
    month: int,
    confirmed_at: datetime | None,
    now: datetime,
    tz: ZoneInfo,
    cal: WorkCalendar,
    schedule: Schedule,
) -> int:
    """P7 "每推迟一天": daily deadlines missed as of `now` (or of confirmation, if earlier); 0 if on time."""
    due = ledger_due(year, month, tz, cal, schedule)
    settled = _aware(now) if confirmed_at is None else min(_aware(confirmed_at), _aware(now))
    if settled <= due:
        return 0
    due_day, last_day = due.date(), _local(settled, tz).date()
    late = 1 + cal.workdays_between(due_day, last_day)
    # The settling day counts only once its own deadline time has passed.
    last_deadline = local_at(last_day, schedule.ledger_due.at, tz)
    if last_day > due_day and cal.is_workday(last_day) and settled <= last_deadline:
        late -= 1
    return late


def _aware(instant: datetime) -> datetime:
    """`instant` itself, refusing naive datetimes, which would silently mean the server's local zone."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"naive datetime {instant.isoformat()} given where an aware one is required")
    return instant


def _local(instant: datetime, tz: ZoneInfo) -> datetime:
    """`instant` as local wall-clock time in `tz`."""
    return _aware(instant).astimezone(tz)
