"""Who was responsible, as of the event (issue 10): reports read the holders recorded in the history.

Each history event records the rep, department and due time right after it. From those facts an inquiry is seen
as it stood for a day's count or a period's ledger, and split into *stints* (one per holder) for rankings, so a
later re-assignment or transfer never rewrites a past count, ranking or exported period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from bot.rules.inquiry import CLOSED_STATUSES, HistoryEvent, Holder, Inquiry, Status

HAND_OVERS = ("assigned", "transferred")


@dataclass(frozen=True)
class Stint:
    """One holder's time with an inquiry: [start, end), `end` None while they still hold it."""

    holder: Holder
    start: datetime
    end: datetime | None
    cause: str  # the event that began it: "received", "assigned" or "transferred"


def holder_at(events: Sequence[HistoryEvent], at: datetime) -> Holder | None:
    """The holder recorded by the last event at or before `at` (None before any was recorded)."""
    found = None
    for event in events:
        if event.at <= at and event.holder is not None:
            found = event.holder
    return found


def holders_until(events: Sequence[HistoryEvent], at: datetime) -> list[str]:
    """Every rep who held the inquiry up to `at`, in order, each once (the ledger's transfers column)."""
    people = [e.holder.person_id for e in events if e.at <= at and e.holder and e.holder.person_id]
    return list(dict.fromkeys(people))


def _first(events: Sequence[HistoryEvent], kind: str, start: datetime | None = None,
           end: datetime | None = None) -> HistoryEvent | None:
    return next((e for e in events if e.kind == kind and (start is None or e.at >= start)
                 and (end is None or e.at < end)), None)


def as_of(inquiry: Inquiry, events: Sequence[HistoryEvent], at: datetime) -> Inquiry:
    """The inquiry with the holder of `at`, and its first acknowledgement and follow-up as recorded (a later
    transfer's reset does not erase them); unchanged when its history records no holder (older data)."""
    holder = holder_at(events, at)
    if holder is None:
        return inquiry
    followed, acked = _first(events, "followed_up"), _first(events, "acknowledged")
    status = inquiry.status
    if status not in CLOSED_STATUSES:
        status = Status.FOLLOWED_UP if followed else Status.ACKNOWLEDGED if acked else status
    return replace(
        inquiry, assignee_id=holder.person_id, department_id=holder.department_id,
        due_at=holder.due_at or inquiry.due_at, status=status,
        transfers=sum(1 for e in events if e.kind == "transferred" and e.at <= at),
        followed_up_at=followed.at if followed else inquiry.followed_up_at,
        followup_method=str(followed.data.get("method")) if followed else inquiry.followup_method,
        acknowledged_at=(acked.at if acked else followed.at if followed else inquiry.acknowledged_at),
    )


def stints(inquiry: Inquiry, events: Sequence[HistoryEvent]) -> list[Stint]:
    """The inquiry's holders in order; the first stint starts when it was forwarded."""
    found: list[Stint] = []
    for event in events:
        holder = event.holder
        if holder is None or holder.person_id is None:
            continue
        last = found[-1] if found else None
        if last is not None and (last.holder.person_id, last.holder.department_id) == (
                holder.person_id, holder.department_id):
            if last.holder.due_at is None and holder.due_at is not None:
                found[-1] = replace(last, holder=holder)
            continue
        if last is not None:
            found[-1] = replace(last, end=event.at)
        start = inquiry.forwarded_at if last is None else event.at
        found.append(Stint(holder, start, None, event.kind if last is not None else "received"))
    return found


def rated_views(inquiry: Inquiry, events: Sequence[HistoryEvent], start: datetime, end: datetime) -> list[Inquiry]:
    """The inquiry once per stint begun in [start, end), as the ranking rules read it: the holder at the due
    time gets the lapse or the on-time follow-up; a stint handed on before its due time without a follow-up
    belongs to nobody; a re-assignment after the follow-up starts no new clock; only the last stint can be won."""
    if not any(e.holder and e.holder.person_id for e in events):
        return [inquiry] if start <= inquiry.forwarded_at < end else []
    views = []
    held = stints(inquiry, events)
    for n, stint in enumerate(held):
        if not start <= stint.start < end:
            continue
        if stint.cause == "assigned" and _first(events, "followed_up", end=stint.start) is not None:
            continue
        since = stint.start if stint.cause == "transferred" else None
        followed = _first(events, "followed_up", since, stint.end)
        due = stint.holder.due_at or (inquiry.due_at if stint.end is None else None)
        if stint.end is not None and followed is None and (due is None or stint.end <= due):
            continue
        final = n == len(held) - 1
        views.append(replace(
            inquiry, assignee_id=stint.holder.person_id, department_id=stint.holder.department_id, due_at=due,
            followed_up_at=followed.at if followed else None, forwarded_at=stint.start if n else inquiry.forwarded_at,
            status=inquiry.status if final else Status.ASSIGNED,
        ))
    return views


@dataclass(frozen=True)
class PeriodRow:
    """A ledger row's facts as the period ended: the inquiry then, the holders before the period-end one, and
    the people who held it only afterwards (their penalties belong to a later period)."""

    inquiry: Inquiry
    earlier: tuple[str, ...]
    later_only: frozenset[str]


def period_row(inquiry: Inquiry, events: Sequence[HistoryEvent], end: datetime) -> PeriodRow:
    held = holders_until(events, end)
    ever = {e.holder.person_id for e in events if e.holder and e.holder.person_id}
    return PeriodRow(as_of(inquiry, events, end), tuple(held[:-1]), frozenset(ever - set(held)))
