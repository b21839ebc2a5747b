"""P8 transfers (policy 8): moving an inquiry to another department, when it is due, and whom to suggest."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from fractions import Fraction
from typing import Literal
from zoneinfo import ZoneInfo

from bot.errors import InvalidInput
from bot.org.model import Org
from bot.rules.assignment import Availability, eligible_reps, pick_least_open
from bot.rules.deadlines import transfer_due_at, transfer_warning_at
from bot.rules.inquiry import CLOSED_STATUSES, HistoryEvent, Inquiry, Status
from bot.rules.lifecycle import Change

WARNING_EVENT = "transfer_warning"
SUGGESTED_EVENT = "transfer_suggested"
Stage = Literal["warning", "due"]


@dataclass(frozen=True)
class Suggestion:
    """Where an inquiry due for transfer should go: a department other than its own, and a rep there."""

    department_id: str
    person_id: str


def transfer(
    inquiry: Inquiry, actor: str, department_id: str, person_id: str, now: datetime, due_at: datetime
) -> Change:
    """Hand the inquiry to another department's rep; the new rep's follow-up clock starts again from `due_at`."""
    if inquiry.status in CLOSED_STATUSES:
        raise InvalidInput("error.closed", id=inquiry.id, status=inquiry.status.value)
    if department_id == inquiry.department_id:
        raise InvalidInput("error.same_department", id=inquiry.id, department=department_id)
    updated = replace(
        inquiry,
        department_id=department_id,
        assignee_id=person_id,
        status=Status.ASSIGNED,
        acknowledged_at=None,
        followed_up_at=None,
        followup_method=None,
        due_at=due_at,
        assigned_at=inquiry.assigned_at or now,
        original_assignee_id=inquiry.original_assignee_id or person_id,
        transfers=inquiry.transfers + 1,
    )
    event = HistoryEvent(now, "transferred", actor, {
        "to": person_id, "previous": inquiry.assignee_id, "department": department_id,
        "previous_department": inquiry.department_id, "due_at": due_at.isoformat(),
    })
    return updated, event


def p8_stage(inquiry: Inquiry, at: datetime, tz: ZoneInfo) -> Stage | None:
    """"due" one calendar month after forwarding, "warning" from day 25; None for closed or moved inquiries, and
    for inquiries handed to an agent (P1.6): the agent works them, another department's rep could not."""
    if not inquiry.is_open or inquiry.assignee_id is None or inquiry.transfers > 0 or inquiry.agent_name:
        return None
    if transfer_due_at(inquiry.forwarded_at, tz) <= at:
        return "due"
    if transfer_warning_at(inquiry.forwarded_at, tz) <= at:
        return "warning"
    return None


def suggest_target(
    org: Org, from_department: str | None, day: date, availability: Availability, open_counts: Mapping[str, int]
) -> Suggestion | None:
    """The other department with the least open load per available rep, and its least-loaded rep."""
    best: tuple[Fraction, str, list[str]] | None = None
    for department in org.departments:
        if department.id == from_department:
            continue
        reps = eligible_reps(org, department.id, day, availability)
        if not reps:
            continue
        load = Fraction(sum(open_counts.get(r, 0) for r in reps), len(reps))
        if best is None or load < best[0]:
            best = (load, department.id, reps)
    if best is None:
        return None
    _, department_id, reps = best
    ordered = [p.id for p in org.reps_of(department_id)]
    person = pick_least_open(reps, open_counts, ordered, None)
    return Suggestion(department_id, person) if person else None
