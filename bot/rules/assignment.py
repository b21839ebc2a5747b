"""Who gets the next inquiry of a department: round-robin or least open load, skipping absent people."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from bot.org.model import AwayPeriod, Org, Person


@dataclass(frozen=True)
class Availability:
    """Leave recorded at run time (`/inq away`), on top of the org file's `away` entries."""

    extra_away: Mapping[str, tuple[AwayPeriod, ...]]

    def away(self, person: Person, day: date) -> AwayPeriod | None:
        periods = (*person.away, *self.extra_away.get(person.id, ()))
        return next((a for a in periods if a.covers(day)), None)


NO_EXTRA_AWAY = Availability({})


def eligible_reps(org: Org, department_id: str, day: date, availability: Availability) -> list[str]:
    """Active reps of a department who are not away on `day`, in org-file order."""
    return [
        p.id
        for p in org.reps_of(department_id)
        if p.active and availability.away(p, day) is None
    ]


def pick_round_robin(candidates: Sequence[str], ordered_all: Sequence[str], last: str | None) -> str | None:
    """The first candidate after `last` in the department's fixed order, wrapping around."""
    if not candidates:
        return None
    if last is None or last not in ordered_all:
        return candidates[0]
    start = ordered_all.index(last)
    rotation = [*ordered_all[start + 1 :], *ordered_all[: start + 1]]
    return next(p for p in rotation if p in candidates)


def pick_least_open(
    candidates: Sequence[str], open_counts: Mapping[str, int], ordered_all: Sequence[str], last: str | None
) -> str | None:
    """The candidate with the fewest open inquiries; ties go round-robin so nobody is favoured."""
    if not candidates:
        return None
    fewest = min(open_counts.get(p, 0) for p in candidates)
    tied = [p for p in candidates if open_counts.get(p, 0) == fewest]
    return pick_round_robin(tied, ordered_all, last)


def choose_rep(
    org: Org,
    department_id: str,
    day: date,
    availability: Availability,
    last: str | None,
    open_counts: Mapping[str, int],
) -> str | None:
    """Apply the org's strategy; when every rep is away, fall back to an active delegate of one of them."""
    ordered_all = [p.id for p in org.reps_of(department_id)]
    candidates = eligible_reps(org, department_id, day, availability)
    if org.assignment_strategy == "least_open":
        chosen = pick_least_open(candidates, open_counts, ordered_all, last)
    else:
        chosen = pick_round_robin(candidates, ordered_all, last)
    return chosen if chosen is not None else delegate_for_department(org, department_id, day, availability)


def delegate_for_department(org: Org, department_id: str, day: date, availability: Availability) -> str | None:
    for rep in org.reps_of(department_id):
        period = availability.away(rep, day)
        delegate = org.person(period.delegate) if period and period.delegate else None
        if delegate and may_cover(rep, delegate):
            return delegate.id
    return None


def may_cover(absent: Person, delegate: Person) -> bool:
    """A delegate does the same job: active, sharing a role (a rep covers a rep, a manager a manager, ...)."""
    return delegate.active and delegate.id != absent.id and bool(absent.roles & delegate.roles)


def acting_for(org: Org, person_id: str, day: date, availability: Availability) -> str:
    """Whom a prompt for `person_id` should reach today: the person, or their delegate while away."""
    person = org.person(person_id)
    if person is None:
        return person_id
    period = availability.away(person, day)
    if period and period.delegate and (delegate := org.person(period.delegate)) and may_cover(person, delegate):
        return delegate.id
    return person_id
