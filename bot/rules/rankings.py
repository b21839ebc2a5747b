"""Follow-up rankings per rep and per department for a month (`/inq rank`).

Confirmed grey inquiries take no part in any number here (policy 1.7: 标灰的询盘不参与任何的排名计算).
An inquiry counts towards the on-time rate once it is due or followed up, so today's open work is not "late" yet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.rules.inquiry import Inquiry, Status
from bot.rules.working_time import Elapsed


@dataclass(frozen=True)
class Score:
    key: str  # person id or department id
    handled: int
    due: int  # inquiries whose follow-up clock has run out or that were followed up
    on_time: int
    won: int
    median_followup: timedelta | None

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.due if self.due else None

    @property
    def conversion(self) -> float | None:
        return self.won / self.handled if self.handled else None


@dataclass(frozen=True)
class Ranking:
    month: str
    reps: tuple[Score, ...]
    departments: tuple[Score, ...]
    excluded_grey: int


def is_confirmed_grey(inquiry: Inquiry) -> bool:
    return inquiry.status is Status.GREY or inquiry.grey_state == "confirmed"


def followed_on_time(inquiry: Inquiry) -> bool:
    due, done = inquiry.due_at, inquiry.followed_up_at
    return due is not None and done is not None and done <= due


def counts_for_rate(inquiry: Inquiry, now: datetime) -> bool:
    return inquiry.followed_up_at is not None or (inquiry.due_at is not None and inquiry.due_at <= now)


def median(values: Sequence[timedelta]) -> timedelta | None:
    if not values:
        return None
    ordered, middle = sorted(values), len(values) // 2
    return ordered[middle] if len(values) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def wall_clock(start: datetime, end: datetime) -> timedelta:
    """Plain elapsed time, for callers that do not measure in working hours."""
    return end - start


def score(key: str, inquiries: Sequence[Inquiry], now: datetime, elapsed: Elapsed = wall_clock) -> Score:
    """`elapsed` measures forward-to-first-follow-up (the org's working hours in reports)."""
    rated = [i for i in inquiries if counts_for_rate(i, now)]
    waits = [elapsed(i.forwarded_at, i.followed_up_at) for i in inquiries if i.followed_up_at is not None]
    return Score(key=key, handled=len(inquiries), due=len(rated), on_time=sum(map(followed_on_time, rated)),
                 won=sum(1 for i in inquiries if i.status is Status.WON), median_followup=median(waits))


def _order(s: Score) -> tuple[float, float, int, str]:
    """Best first: on-time rate, then the faster median follow-up, then more handled."""
    rate = s.on_time_rate if s.on_time_rate is not None else -1.0
    wait = s.median_followup.total_seconds() if s.median_followup is not None else float("inf")
    return (-rate, wait, -s.handled, s.key)


def _scores(inquiries: Sequence[Inquiry], key: Callable[[Inquiry], str | None], now: datetime,
            elapsed: Elapsed) -> tuple[Score, ...]:
    groups: dict[str, list[Inquiry]] = {}
    for inquiry in inquiries:
        if (name := key(inquiry)) is not None:
            groups.setdefault(name, []).append(inquiry)
    return tuple(sorted((score(k, v, now, elapsed) for k, v in groups.items()), key=_order))


def rank(inquiries: Iterable[Inquiry], month: str, now: datetime, elapsed: Elapsed = wall_clock) -> Ranking:
    """The month's ranking of the inquiries given (those forwarded in it), grey ones left out."""
    found = list(inquiries)
    valid = [i for i in found if not is_confirmed_grey(i)]
    return Ranking(month=month, reps=_scores(valid, lambda i: i.assignee_id, now, elapsed),
                   departments=_scores(valid, lambda i: i.department_id, now, elapsed),
                   excluded_grey=len(found) - len(valid))


def _percent(value: float | None) -> float | None:
    return round(100 * value, 1) if value is not None else None


def minutes(value: timedelta | None) -> int | None:
    """A duration as whole minutes, the unit reports and their JSON use; None stays None."""
    return round(value.total_seconds() / 60) if value is not None else None


def score_json(s: Score) -> dict[str, Any]:
    return {"key": s.key, "handled": s.handled, "due": s.due, "on_time": s.on_time,
            "on_time_pct": _percent(s.on_time_rate), "median_minutes": minutes(s.median_followup), "won": s.won,
            "conversion_pct": _percent(s.conversion)}


def ranking_json(r: Ranking) -> dict[str, Any]:
    return {"month": r.month, "excluded_grey": r.excluded_grey,
            "reps": [score_json(s) for s in r.reps], "departments": [score_json(s) for s in r.departments]}


@dataclass(frozen=True)
class WeeklyChart:
    """Inquiries per region per day (grey included: raw counts keep them) and the on-time rate (grey out), overall
    and per region, with the days that were not working days (shaded in the chart)."""

    days: tuple[date, ...]
    counts: dict[str, tuple[int, ...]]  # region id ("" for no region yet) -> per day
    on_time: tuple[float | None, ...]
    week_on_time: float | None = None
    region_on_time: dict[str, tuple[float | None, ...]] = field(default_factory=dict)
    non_working: tuple[date, ...] = ()

    @property
    def total(self) -> int:
        return sum(sum(v) for v in self.counts.values())


def _rate(found: Sequence[Inquiry]) -> float | None:
    return sum(map(followed_on_time, found)) / len(found) if found else None


def weekly_chart(inquiries: Iterable[Inquiry], days: Sequence[date], regions: Sequence[str], tz: ZoneInfo,
                 now: datetime, is_workday: Callable[[date], bool] | None = None) -> WeeklyChart:
    """Per local day of forwarding: how many inquiries each region got, and the share followed up on time."""
    index = {day: n for n, day in enumerate(days)}
    counts = {r: [0] * len(days) for r in regions}
    by_day: list[list[Inquiry]] = [[] for _ in days]
    by_region: dict[str, list[list[Inquiry]]] = {r: [[] for _ in days] for r in regions}
    for inquiry in inquiries:
        n = index.get(inquiry.forwarded_at.astimezone(tz).date())
        if n is None:
            continue
        region = inquiry.region_id or ""
        counts.setdefault(region, [0] * len(days))[n] += 1
        if not is_confirmed_grey(inquiry) and counts_for_rate(inquiry, now):
            by_day[n].append(inquiry)
            by_region.setdefault(region, [[] for _ in days])[n].append(inquiry)
    rated = [i for d in by_day for i in d]
    return WeeklyChart(
        tuple(days), {k: tuple(v) for k, v in counts.items()}, tuple(_rate(d) for d in by_day), _rate(rated),
        {r: tuple(_rate(d) for d in per_day) for r, per_day in by_region.items() if r},
        tuple(d for d in days if is_workday is not None and not is_workday(d)),
    )
