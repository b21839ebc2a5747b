"""State changes of an inquiry (SPEC 4.4): each returns the new value and the history event it causes."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from bot.errors import InvalidInput
from bot.rules.inquiry import CLOSED_STATUSES, FOLLOWUP_METHODS, GREY_REASONS, HistoryEvent, Inquiry, Status

MIN_NOTE_LENGTH = 10

Change = tuple[Inquiry, HistoryEvent]


def _event(now: datetime, name: str, actor: str | None, **data: Any) -> HistoryEvent:
    return HistoryEvent(at=now, kind=name, actor_id=actor, data=data)


def _require_open(inquiry: Inquiry) -> None:
    if inquiry.status in CLOSED_STATUSES:
        raise InvalidInput("error.closed", id=inquiry.id, status=inquiry.status.value)


def require_note(note: str, field: str = "note") -> str:
    """Notes under 10 characters say nothing a colleague can use (the 003 precedent)."""
    cleaned = " ".join(note.split())
    if len(cleaned) < MIN_NOTE_LENGTH:
        raise InvalidInput("error.note_too_short", field=field, minimum=MIN_NOTE_LENGTH, length=len(cleaned))
    return cleaned


def acknowledge(inquiry: Inquiry, actor: str, now: datetime) -> Change:
    _require_open(inquiry)
    if inquiry.acknowledged_at is not None:
        raise InvalidInput("error.already_acknowledged", id=inquiry.id)
    status = Status.ACKNOWLEDGED if inquiry.status is Status.ASSIGNED else inquiry.status
    return replace(inquiry, status=status, acknowledged_at=now), _event(now, "acknowledged", actor)


def follow_up(inquiry: Inquiry, actor: str, method: str, note: str, now: datetime) -> Change:
    """Record a follow-up; the first one sets followed_up_at and stops the P1.4 clock."""
    _require_open(inquiry)
    if inquiry.status is Status.UNASSIGNED:
        raise InvalidInput("error.unassigned", id=inquiry.id)
    method = method.strip().lower()
    if method not in FOLLOWUP_METHODS:
        raise InvalidInput("error.bad_method", method=method, choices=", ".join(FOLLOWUP_METHODS))
    text = require_note(note)
    updated = replace(
        inquiry,
        status=Status.FOLLOWED_UP,
        acknowledged_at=inquiry.acknowledged_at or now,
        followed_up_at=inquiry.followed_up_at or now,
        followup_method=inquiry.followup_method or method,
    )
    return updated, _event(now, "followed_up", actor, method=method, note=text)


def record_crm(inquiry: Inquiry, actor: str, crm_id: str, now: datetime) -> Change:
    """P3: the rep confirms the CRM entry with source and campaign = 电子商务 (allowed on won inquiries too)."""
    if inquiry.status in (Status.LOST, Status.GREY):
        raise InvalidInput("error.closed", id=inquiry.id, status=inquiry.status.value)
    crm = crm_id.strip()
    if not crm:
        raise InvalidInput("error.missing_argument", argument="CRM-ID")
    updated = replace(inquiry, crm_id=crm, crm_confirmed_at=now)
    return updated, _event(now, "crm_recorded", actor, crm_id=crm)


def hand_to_agent(inquiry: Inquiry, actor: str, agent: str, now: datetime) -> Change:
    _require_open(inquiry)
    name = agent.strip()
    if not name:
        raise InvalidInput("error.missing_argument", argument="NAME")
    return replace(inquiry, agent_name=name), _event(now, "agent_handoff", actor, agent=name)


def mark_won(inquiry: Inquiry, actor: str, amount: str | None, now: datetime) -> Change:
    _require_open(inquiry)
    updated = replace(inquiry, status=Status.WON, won_at=now, won_amount=amount, closed_at=now)
    return updated, _event(now, "won", actor, amount=amount)


def mark_lost(inquiry: Inquiry, actor: str, reason: str, now: datetime) -> Change:
    _require_open(inquiry)
    text = require_note(reason, field="reason")
    updated = replace(inquiry, status=Status.LOST, lost_reason=text, closed_at=now)
    return updated, _event(now, "lost", actor, reason=text)


def parse_grey_reason(reason: str) -> tuple[str, str]:
    """`duplicate of INQ-...` -> ("duplicate", full text); an unknown first word counts as `other`."""
    words = reason.strip().split(maxsplit=1)
    if not words:
        raise InvalidInput("error.missing_argument", argument="REASON")
    head = words[0].lower().rstrip(":,")
    kind = head if head in GREY_REASONS else "other"
    return kind, reason.strip()


def propose_grey(inquiry: Inquiry, actor: str, reason: str, now: datetime) -> Change:
    _require_open(inquiry)
    kind, text = parse_grey_reason(reason)
    updated = replace(inquiry, grey_state="proposed", grey_reason=text)
    return updated, _event(now, "grey_proposed", actor, grey_kind=kind, reason=text)


def confirm_grey(inquiry: Inquiry, actor: str, reason: str | None, now: datetime) -> Change:
    """Confirmed grey closes the inquiry, stops its clocks and removes it from rankings."""
    _require_open(inquiry)
    text = reason.strip() if reason and reason.strip() else inquiry.grey_reason
    if not text:
        raise InvalidInput("error.missing_argument", argument="REASON")
    kind, _ = parse_grey_reason(text)
    updated = replace(inquiry, status=Status.GREY, grey_state="confirmed", grey_reason=text, closed_at=now)
    return updated, _event(now, "grey_confirmed", actor, grey_kind=kind, reason=text)


def reject_grey(inquiry: Inquiry, actor: str, reason: str | None, now: datetime, resumed_due: datetime) -> Change:
    """The specialist finds the inquiry valid after all: the P1.4 clock, paused while grey was pending, runs
    again. Not yet followed up, it is due by the later of its old due time and one counted from now (the rep
    never pays for the time the proposal was pending); followed up already, nothing changes."""
    _require_open(inquiry)
    if inquiry.grey_state != "proposed":
        raise InvalidInput("error.no_grey_proposal", id=inquiry.id)
    due = inquiry.due_at
    if inquiry.followed_up_at is None and (due is None or resumed_due > due):
        due = resumed_due
    updated = replace(inquiry, grey_state="rejected", grey_reason=None, due_at=due)
    return updated, _event(now, "grey_rejected", actor, reason=(reason or "").strip() or None,
                           due_at=due.isoformat() if due else None)


def assign(inquiry: Inquiry, actor: str | None, person_id: str, now: datetime, due_at: datetime | None) -> Change:
    """Give the inquiry to a rep; the first assignee stays on record as the original. A re-assignment gives the
    new rep the fresh P1.4 due time `due_at` (counted from the hand-over); the old one stays in the history."""
    _require_open(inquiry)
    status = inquiry.status if inquiry.status is not Status.UNASSIGNED else Status.ASSIGNED
    changed_hands = inquiry.assignee_id is not None and inquiry.assignee_id != person_id
    due = due_at if changed_hands or inquiry.due_at is None else inquiry.due_at
    updated = replace(
        inquiry,
        assignee_id=person_id,
        status=status,
        assigned_at=inquiry.assigned_at or now,
        due_at=due,
        original_assignee_id=inquiry.original_assignee_id or person_id,
    )
    return updated, _event(now, "assigned", actor, to=person_id, previous=inquiry.assignee_id,
                           due_at=due.isoformat() if due else None,
                           previous_due_at=inquiry.due_at.isoformat() if inquiry.due_at else None)


def set_region(inquiry: Inquiry, actor: str, region_id: str, department_id: str, now: datetime) -> Change:
    _require_open(inquiry)
    updated = replace(inquiry, region_id=region_id, department_id=department_id)
    return updated, _event(
        now, "region_changed", actor, region=region_id, department=department_id, previous=inquiry.region_id
    )


def request_exception(inquiry: Inquiry, actor: str, now: datetime) -> Change:
    """P1.3: the rep asks to answer from a private mailbox; a specialist approves."""
    _require_open(inquiry)
    if inquiry.exception_state == "approved":
        raise InvalidInput("error.exception_already_approved", id=inquiry.id)
    return replace(inquiry, exception_state="requested"), _event(now, "exception_requested", actor)


def approve_exception(inquiry: Inquiry, actor: str, now: datetime) -> Change:
    return replace(inquiry, exception_state="approved"), _event(now, "exception_approved", actor)
