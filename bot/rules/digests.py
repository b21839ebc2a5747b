"""Follow-up states of a week's inquiries, tallied per rep for the weekly digests (policy 1.5, 1.6, 5)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from bot.rules.inquiry import Inquiry, Status
from bot.rules.ledger_rows import Cell, Label, naive_local
from bot.rules.rankings import median, minutes
from bot.rules.working_time import Elapsed

FollowupState = Literal["on_time", "late", "missed", "pending", "grey"]
STATES: tuple[FollowupState, ...] = ("on_time", "late", "missed", "pending", "grey")


def followup_state(inquiry: Inquiry, now: datetime) -> FollowupState:
    """Grey ones apart; closing as won or lost counts as the follow-up, like the count posts do."""
    if inquiry.status is Status.GREY:
        return "grey"
    followed = inquiry.followed_up_at
    if followed is None and inquiry.status in (Status.WON, Status.LOST):
        followed = inquiry.closed_at
    if followed is not None:
        return "on_time" if inquiry.due_at is None or followed <= inquiry.due_at else "late"
    if inquiry.due_at is not None and inquiry.due_at > now:
        return "pending"
    return "missed"


@dataclass(frozen=True)
class Tally:
    """How one rep's (or a group's) inquiries of a period stand; `person_id` None for a total."""

    person_id: str | None
    received: int
    on_time: int
    late: int
    missed: int
    pending: int
    grey: int

    def as_json(self) -> dict[str, object]:
        """The template and outbox shape: `person` instead of `person_id`."""
        return {"person": self.person_id, "received": self.received, "on_time": self.on_time, "late": self.late,
                "missed": self.missed, "pending": self.pending, "grey": self.grey}


def tally(inquiries: Iterable[Inquiry], now: datetime, person_id: str | None = None) -> Tally:
    """Count the inquiries per follow-up state as of `now`."""
    states = [followup_state(i, now) for i in inquiries]
    counts = {state: states.count(state) for state in STATES}
    return Tally(person_id, len(states), counts["on_time"], counts["late"], counts["missed"], counts["pending"],
                 counts["grey"])


def tally_by_rep(inquiries: Iterable[Inquiry], now: datetime) -> list[Tally]:
    """One tally per assignee, unassigned inquiries last."""
    by_rep: dict[str, list[Inquiry]] = {}
    for inquiry in inquiries:
        by_rep.setdefault(inquiry.assignee_id or "", []).append(inquiry)
    ordered = sorted(by_rep, key=lambda rep: (rep == "", rep))
    return [tally(by_rep[rep], now, rep or None) for rep in ordered]


@dataclass(frozen=True)
class ForwardingDelay:
    """P1.1: how long inquiries waited between the customer's message and the forward, in working time."""

    measured: int  # forwards that carry the customer's original time
    median: timedelta | None
    worst: timedelta | None
    worst_id: str | None

    def as_json(self) -> dict[str, object]:
        return {"measured": self.measured, "median_minutes": minutes(self.median),
                "worst_minutes": minutes(self.worst), "worst_id": self.worst_id}


def forwarding_delay(inquiries: Iterable[Inquiry], elapsed: Elapsed) -> ForwardingDelay:
    """Only forwards whose platform carried the original time (received before forwarded) are measured."""
    waits = sorted(((elapsed(i.received_at, i.forwarded_at), i.id) for i in inquiries
                    if i.received_at < i.forwarded_at), key=lambda pair: (pair[0], pair[1]))
    if not waits:
        return ForwardingDelay(0, None, None, None)
    worst, worst_id = waits[-1]
    return ForwardingDelay(len(waits), median([w for w, _ in waits]), worst, worst_id)


def median_followup(inquiries: Iterable[Inquiry], elapsed: Elapsed) -> timedelta | None:
    """The median time from forward to first follow-up, in working time; None when nothing was followed up."""
    return median([elapsed(i.forwarded_at, i.followed_up_at) for i in inquiries if i.followed_up_at is not None])


TABLE_COLUMNS = ("id", "forwarded", "customer", "company", "country", "rep", "due", "state", "first_followup",
                 "method", "status", "agent")


def table_row(inquiry: Inquiry, now: datetime, label: Label, tz: ZoneInfo) -> tuple[Cell, ...]:
    """One row of the weekly manager table (policy 1.5, 1.6): the inquiry and its follow-up state at `now`."""
    c = inquiry.customer
    values: dict[str, Cell] = {
        "id": inquiry.id, "forwarded": naive_local(inquiry.forwarded_at, tz), "customer": c.name,
        "company": c.company, "country": label("country", c.country) or None,
        "rep": label("person", inquiry.assignee_id) or None, "due": naive_local(inquiry.due_at, tz),
        "state": label("followup_state", followup_state(inquiry, now)),
        "first_followup": naive_local(inquiry.followed_up_at, tz),
        "method": label("method", inquiry.followup_method) or None,
        "status": label("status", inquiry.status.value), "agent": inquiry.agent_name,
    }
    return tuple(values[name] for name in TABLE_COLUMNS)
