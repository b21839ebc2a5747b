"""What a penalty is about (the rule's facts) and what happened to it (its steps), kept apart from any reason.

Facts are fixed when the lapse is found: the department of a P4, the N-th working day of a P7, the due time a
P1.4 missed, the month, the inquiry, the split group. Decisions add steps (who, when, why) and never touch them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.rules.calendar import WorkCalendar, first_friday
from bot.rules.deadlines import local_at

CRM_WINDOW_DAYS = 7  # policy 3: 一周之内必须在CRM中录入
BLANK_AMOUNTS = frozenset({"none", "blank", "-"})


@dataclass(frozen=True)
class PenaltyFacts:
    """The rule's own details of one lapse; every field is optional because each rule uses a few."""

    inquiry: str | None = None
    department: str | None = None
    day: int | None = None  # P7: the N-th working day late
    date: str | None = None  # P4: the working day without a report
    month: str | None = None  # P3, P6, P7: the month concerned
    due_at: str | None = None  # P1.4: the due time (ISO, UTC) that was missed
    split_group: str | None = None  # P6: the two linked records
    share: str | None = None  # P6: manager | rep
    different_from: tuple[str, ...] = ()  # P5: the P1.4 records the specialist confirmed this is not

    def as_json(self) -> dict[str, Any]:
        """Only the facts that are set, so stored JSON stays short and readable."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value not in (None, (), False):
                out[f.name] = list(value) if isinstance(value, tuple) else value
        return out

    @staticmethod
    def from_json(data: dict[str, Any] | None) -> PenaltyFacts:
        known = {f.name for f in fields(PenaltyFacts)}
        values = {k: v for k, v in (data or {}).items() if k in known}
        if "different_from" in values:
            values["different_from"] = tuple(values["different_from"])
        return PenaltyFacts(**values)


@dataclass(frozen=True)
class PenaltyStep:
    """One step of a penalty's history: proposed, recorded, appealed, confirmed, waived, published, corrected."""

    what: str
    at: datetime
    who: str | None = None  # None: the bot
    reason: str | None = None
    amount: int | None = None  # the amount set by this step (P3), if any

    def as_json(self) -> dict[str, Any]:
        return {"what": self.what, "who": self.who, "when": self.at.isoformat(), "reason": self.reason,
                "amount": self.amount}


def parse_amount(raw: str) -> tuple[bool, int | None]:
    """`amount=1900` -> (True, 1900); `amount=none` -> (True, None): blank on purpose; else (False, None)."""
    cleaned = raw.strip().replace(",", "")
    if cleaned.lower() in BLANK_AMOUNTS:
        return True, None
    if cleaned.isdigit() and len(cleaned) <= 9:
        return True, int(cleaned)
    return False, None


def p3_notice_day(year: int, month: int, cal: WorkCalendar) -> date:
    """The P3 public notice of a month (次月第一个周五): its first Friday, or the next working day when that
    Friday is a holiday."""
    return cal.workday_on_or_after(first_friday(year, month))


def crm_window_end(assigned_at: datetime, tz: ZoneInfo) -> datetime:
    """When a rep's week to enter an inquiry in CRM is over: the end of the 7th calendar day after assignment
    (the day of the last CRM reminder)."""
    day = assigned_at.astimezone(tz).date() + timedelta(days=CRM_WINDOW_DAYS + 1)
    return local_at(day, datetime.min.time(), tz)
