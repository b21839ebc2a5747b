"""P8 transfers as pure rules: the change itself, when an inquiry is due, which department and rep to suggest."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from bot.errors import InvalidInput
from bot.org.model import AwayPeriod, Org
from bot.rules.assignment import NO_EXTRA_AWAY, Availability
from bot.rules.cover import prompt_recipient, represented
from bot.rules.inquiry import Customer, Inquiry, Status
from bot.rules.transfers import Suggestion, p8_stage, suggest_target, transfer
from tests.conftest import local

TZ = ZoneInfo("Asia/Shanghai")


def inquiry(**changes: object) -> Inquiry:
    base = Inquiry(
        id="INQ-2026-000007", status=Status.FOLLOWED_UP, region_id="latam", department_id="trade1",
        assignee_id="zhang", specialist_id="li", source="alibaba", customer=Customer(country="BR"),
        original_text="quote please", platform="slack", received_at=local(2026, 1, 31, 8, 0),
        forwarded_at=local(2026, 1, 31, 9, 0), due_at=local(2026, 1, 31, 23, 59),
        assigned_at=local(2026, 1, 31, 9, 0), acknowledged_at=local(2026, 1, 31, 9, 30),
        followed_up_at=local(2026, 1, 31, 11, 0), followup_method="email", original_assignee_id="zhang",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_transfer_moves_the_inquiry_and_restarts_the_clock() -> None:
    now, due = local(2026, 3, 2, 10, 0), local(2026, 3, 2, 23, 59)
    moved, event = transfer(inquiry(), "li", "trade2", "huang", now, due)
    assert (moved.department_id, moved.assignee_id, moved.status) == ("trade2", "huang", Status.ASSIGNED)
    assert moved.acknowledged_at is None and moved.followed_up_at is None and moved.followup_method is None
    assert moved.due_at == due and moved.transfers == 1
    assert moved.original_assignee_id == "zhang" and moved.assigned_at == local(2026, 1, 31, 9, 0)
    assert moved.region_id == "latam"  # the customer's region does not change, only who works it
    assert event.kind == "transferred" and event.actor_id == "li" and event.at == now
    assert event.data == {"to": "huang", "previous": "zhang", "department": "trade2",
                          "previous_department": "trade1", "due_at": due.isoformat()}


@pytest.mark.parametrize("status", [Status.WON, Status.LOST, Status.GREY])
def test_a_closed_inquiry_is_not_transferred(status: Status) -> None:
    with pytest.raises(InvalidInput) as raised:
        transfer(inquiry(status=status), "li", "trade2", "huang", local(2026, 3, 2, 10, 0), local(2026, 3, 2, 23, 59))
    assert raised.value.key == "error.closed"


def test_a_transfer_goes_to_another_department() -> None:
    with pytest.raises(InvalidInput) as raised:
        transfer(inquiry(), "li", "trade1", "zhou", local(2026, 3, 2, 10, 0), local(2026, 3, 2, 23, 59))
    assert raised.value.key == "error.same_department"


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (local(2026, 2, 24, 9, 59), None),  # forwarded 31 January: day 24
        (local(2026, 2, 25, 9, 59), None),  # day 25, before 10:00
        (local(2026, 2, 25, 10, 0), "warning"),
        (local(2026, 2, 28, 8, 59), "warning"),  # one month is 28 February 09:00 (clamped to the month's end)
        (local(2026, 2, 28, 9, 0), "due"),
        (local(2026, 4, 1, 10, 0), "due"),
    ],
)
def test_p8_stage_counts_calendar_days_and_one_calendar_month(at: object, expected: str | None) -> None:
    assert p8_stage(inquiry(), at, TZ) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "changes",
    [{"status": Status.WON}, {"status": Status.GREY}, {"transfers": 1},
     {"assignee_id": None, "status": Status.UNASSIGNED}, {"agent_name": "Andes Instrumentos"}],
)
def test_closed_transferred_or_unassigned_inquiries_are_never_due(changes: dict[str, object]) -> None:
    assert p8_stage(inquiry(**changes), local(2026, 4, 1, 10, 0), TZ) is None


def test_the_suggestion_is_the_least_loaded_other_department_per_available_rep(org: Org) -> None:
    day = date(2026, 11, 23)
    # trade2: huang 3, xu 0, emma 0 -> 1 per rep; trade3: he 1, lin 2 (ma left) -> 1.5 per rep
    loads = {"huang": 3, "he": 1, "lin": 2, "zhang": 0}
    assert suggest_target(org, "trade1", day, NO_EXTRA_AWAY, loads) == Suggestion("trade2", "xu")
    assert suggest_target(org, "trade2", day, NO_EXTRA_AWAY, loads) == Suggestion("trade1", "zhang")


def test_the_suggestion_skips_away_reps_and_empty_departments(org: Org) -> None:
    day = date(2026, 11, 23)
    away = Availability({rep: (AwayPeriod(day, day, None),) for rep in ("huang", "xu", "emma")})
    assert suggest_target(org, "trade1", day, away, {"he": 5, "lin": 4}) == Suggestion("trade3", "lin")
    everyone = Availability({p.id: (AwayPeriod(day, day, None),) for p in org.people})
    assert suggest_target(org, "trade1", day, everyone, {}) is None


def test_prompts_reach_the_delegate_who_may_then_answer_them(org: Org) -> None:
    day = date(2026, 12, 5)  # wu is away 1-10 December with zhou covering (org file)
    assert prompt_recipient(org, "wu", day, NO_EXTRA_AWAY) == "zhou"
    assert prompt_recipient(org, "wu", date(2026, 12, 11), NO_EXTRA_AWAY) == "wu"
    assert prompt_recipient(org, "ma", day, NO_EXTRA_AWAY) is None  # left the company
    assert represented(org, "zhou", day, NO_EXTRA_AWAY) == {"zhou", "wu"}
    assert represented(org, "zhang", day, NO_EXTRA_AWAY) == {"zhang"}
