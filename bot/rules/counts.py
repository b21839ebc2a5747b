"""The thrice-daily inquiry counts (P2.1) and the managers' reconciliation (P2.2), from inquiries to numbers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.org.model import Org
from bot.rules.inquiry import CLOSED_STATUSES, Inquiry


@dataclass(frozen=True)
class RepCount:
    person_id: str
    total: int
    followed_up: int

    @property
    def open(self) -> int:
        return self.total - self.followed_up


@dataclass(frozen=True)
class RegionCount:
    region_id: str
    total: int
    followed_up: int
    reps: tuple[RepCount, ...]

    @property
    def open(self) -> int:
        return self.total - self.followed_up

    @property
    def reps_with_open(self) -> tuple[str, ...]:
        return tuple(r.person_id for r in self.reps if r.open > 0)


@dataclass(frozen=True)
class Reconciliation:
    department_id: str
    forwarded: int
    acknowledged: int
    unacknowledged: tuple[str, ...]  # inquiry ids


@dataclass(frozen=True)
class CountReport:
    day: date
    total: int
    unrouted: int
    regions: tuple[RegionCount, ...]
    departments: tuple[Reconciliation, ...]


def is_followed_up(inquiry: Inquiry) -> bool:
    return inquiry.followed_up_at is not None or inquiry.status in CLOSED_STATUSES


def count_report(inquiries: Iterable[Inquiry], day: date, org: Org) -> CountReport:
    """Counts of the inquiries forwarded on `day` (raw counts: grey ones are still received ones)."""
    items = list(inquiries)
    regions = tuple(_region(org_region.id, [i for i in items if i.region_id == org_region.id])
                    for org_region in org.regions)
    departments = tuple(_reconcile(d.id, [i for i in items if i.department_id == d.id]) for d in org.departments)
    return CountReport(day, len(items), sum(1 for i in items if i.region_id is None), regions, departments)


def _region(region_id: str, items: list[Inquiry]) -> RegionCount:
    reps: dict[str, list[Inquiry]] = {}
    for inquiry in items:
        reps.setdefault(inquiry.assignee_id or "", []).append(inquiry)
    rep_counts = tuple(
        RepCount(person, len(mine), sum(1 for i in mine if is_followed_up(i)))
        for person, mine in sorted(reps.items())
    )
    return RegionCount(region_id, len(items), sum(1 for i in items if is_followed_up(i)), rep_counts)


def _reconcile(department_id: str, items: list[Inquiry]) -> Reconciliation:
    unacknowledged = tuple(i.id for i in items if i.acknowledged_at is None and i.status not in CLOSED_STATUSES)
    return Reconciliation(department_id, len(items), len(items) - len(unacknowledged), unacknowledged)


def report_json(report: CountReport) -> dict[str, Any]:
    """The stable JSON of `inquirybot report counts --json`."""
    return {
        "date": report.day.isoformat(),
        "total": report.total,
        "unrouted": report.unrouted,
        "regions": [
            {"region": r.region_id, "total": r.total, "followed_up": r.followed_up, "open": r.open,
             "reps": [{"person": p.person_id or None, "total": p.total, "followed_up": p.followed_up,
                       "open": p.open} for p in r.reps]}
            for r in report.regions
        ],
        "departments": [
            {"department": d.department_id, "forwarded": d.forwarded, "acknowledged": d.acknowledged,
             "unacknowledged": list(d.unacknowledged)}
            for d in report.departments
        ],
    }
