"""As-of-event holders (issue 10): who a count, a ranking or a ledger row belongs to, read from the history."""

from __future__ import annotations

from datetime import datetime

from bot.rules.holders import as_of, holder_at, holders_until, rated_views, stints
from bot.rules.inquiry import Customer, HistoryEvent, Holder, Inquiry, Status
from bot.rules.rankings import rank
from tests.conftest import local

FORWARDED = local(2026, 9, 28, 10, 0)
DUE = local(2026, 9, 28, 23, 59)
SEPTEMBER = (local(2026, 9, 1), local(2026, 10, 1))
OCTOBER = (local(2026, 10, 1), local(2026, 11, 1))


def inquiry(**changes: object) -> Inquiry:
    base = Inquiry(id="INQ-2026-000001", status=Status.ASSIGNED, region_id="latam", department_id="trade1",
                   assignee_id="zhang", specialist_id="li", source=None, customer=Customer(), original_text=None,
                   platform="shell", received_at=FORWARDED, forwarded_at=FORWARDED, due_at=DUE)
    return base.__class__(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def event(at: datetime, kind: str, person: str | None, department: str = "trade1", due: datetime | None = DUE,
          **data: object) -> HistoryEvent:
    return HistoryEvent(at, kind, None, dict(data), Holder(person, department, due))


def received() -> list[HistoryEvent]:
    return [event(FORWARDED, "received", "zhang"), event(FORWARDED, "assigned", "zhang")]


def test_a_transfer_a_month_later_leaves_the_september_miss_with_the_first_rep() -> None:
    history = [*received(), event(local(2026, 10, 28, 10, 0), "transferred", "huang", "trade2",
                                  local(2026, 10, 28, 23, 59))]
    now_state = inquiry(assignee_id="huang", department_id="trade2", due_at=local(2026, 10, 28, 23, 59),
                        transfers=1)
    september = rank(rated_views(now_state, history, *SEPTEMBER), "2026-09", local(2026, 11, 5))
    assert [(s.key, s.due, s.on_time) for s in september.reps] == [("zhang", 1, 0)]
    assert [s.key for s in september.departments] == ["trade1"]
    october = rank(rated_views(now_state, history, *OCTOBER), "2026-10", local(2026, 11, 5))
    assert [(s.key, s.due, s.on_time) for s in october.reps] == [("huang", 1, 0)]


def test_a_reassignment_before_the_due_time_leaves_the_first_rep_out_of_the_rate() -> None:
    later_due = local(2026, 9, 29, 23, 59)
    history = [*received(), event(local(2026, 9, 28, 11, 0), "assigned", "zhou", due=later_due),
               HistoryEvent(local(2026, 9, 29, 9, 0), "followed_up", "zhou", {"method": "email"},
                            Holder("zhou", "trade1", later_due))]
    views = rated_views(inquiry(assignee_id="zhou", due_at=later_due), history, *SEPTEMBER)
    assert [(v.assignee_id, v.due_at, v.followed_up_at) for v in views] == [
        ("zhou", later_due, local(2026, 9, 29, 9, 0))]


def test_a_reassignment_after_the_follow_up_starts_no_new_clock() -> None:
    history = [*received(), HistoryEvent(local(2026, 9, 28, 12, 0), "followed_up", "zhang", {"method": "phone"},
                                         Holder("zhang", "trade1", DUE)),
               event(local(2026, 9, 30, 9, 0), "assigned", "wu", due=local(2026, 9, 30, 23, 59))]
    views = rated_views(inquiry(assignee_id="wu", status=Status.FOLLOWED_UP), history, *SEPTEMBER)
    assert [(v.assignee_id, v.followed_up_at) for v in views] == [("zhang", local(2026, 9, 28, 12, 0))]


def test_a_day_is_counted_for_its_holder_and_keeps_a_follow_up_a_transfer_reset() -> None:
    history = [*received(), HistoryEvent(local(2026, 9, 28, 12, 0), "followed_up", "zhang", {"method": "email"},
                                         Holder("zhang", "trade1", DUE)),
               event(local(2026, 10, 28, 10, 0), "transferred", "huang", "trade2", local(2026, 10, 28, 23, 59))]
    now_state = inquiry(assignee_id="huang", department_id="trade2", followed_up_at=None, transfers=1)
    seen = as_of(now_state, history, local(2026, 9, 28, 23, 59))
    assert (seen.assignee_id, seen.department_id, seen.status, seen.transfers) == (
        "zhang", "trade1", Status.FOLLOWED_UP, 0)
    assert seen.followed_up_at == local(2026, 9, 28, 12, 0) and seen.followup_method == "email"
    assert holders_until(history, local(2026, 11, 1)) == ["zhang", "huang"]
    assert holder_at(history, local(2026, 9, 1)) is None
    assert [s.cause for s in stints(now_state, history)] == ["received", "transferred"]


def test_an_inquiry_without_recorded_holders_reads_as_it_is() -> None:
    plain = inquiry()
    assert as_of(plain, [], local(2026, 9, 30)) == plain
    assert rated_views(plain, [], *SEPTEMBER) == [plain] and rated_views(plain, [], *OCTOBER) == []
