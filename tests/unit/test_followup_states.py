"""How a week's inquiry counts in the digests: on time, late, missed, not yet due, grey."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.rules.digests import followup_state, tally, tally_by_rep
from bot.rules.inquiry import Customer, Inquiry, Status
from tests.conftest import local

NOW = local(2026, 11, 30, 10, 0)
DUE = local(2026, 11, 23, 23, 59)


def inquiry(number: int = 1, /, **changes: object) -> Inquiry:
    base = Inquiry(
        id=f"INQ-2026-{number:06d}", status=Status.ASSIGNED, region_id="latam", department_id="trade1",
        assignee_id="zhang", specialist_id="li", source=None, customer=Customer(), original_text=None,
        platform="shell", received_at=local(2026, 11, 23, 9, 0), forwarded_at=local(2026, 11, 23, 9, 0),
        due_at=DUE,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "state"),
    [
        ({"status": Status.FOLLOWED_UP, "followed_up_at": DUE}, "on_time"),  # at the deadline is on time
        ({"status": Status.FOLLOWED_UP, "followed_up_at": local(2026, 11, 24, 0, 0)}, "late"),
        ({}, "missed"),
        ({"due_at": local(2026, 11, 30, 23, 59)}, "pending"),
        ({"status": Status.GREY, "followed_up_at": DUE}, "grey"),
        ({"status": Status.WON, "closed_at": local(2026, 11, 23, 15, 0)}, "on_time"),  # closing counts
        ({"status": Status.LOST, "closed_at": local(2026, 11, 25, 15, 0)}, "late"),
    ],
)
def test_followup_state(changes: dict[str, object], state: str) -> None:
    assert followup_state(inquiry(**changes), NOW) == state


def test_tallies_per_rep_put_unassigned_last() -> None:
    items = [
        inquiry(1, status=Status.FOLLOWED_UP, followed_up_at=DUE),
        inquiry(2, assignee_id="zhou"),
        inquiry(3, assignee_id=None, status=Status.UNASSIGNED),
        inquiry(4, status=Status.GREY),
    ]
    reps = tally_by_rep(items, NOW)
    assert [t.person_id for t in reps] == ["zhang", "zhou", None]
    assert (reps[0].received, reps[0].on_time, reps[0].grey) == (2, 1, 1)
    total = tally(items, NOW).as_json()
    assert total == {"person": None, "received": 4, "on_time": 1, "late": 0, "missed": 2, "pending": 0, "grey": 1}
