"""Round-robin and least-open assignment, skipping people who left or are away."""

from __future__ import annotations

from datetime import date

import pytest

from bot.org.model import AwayPeriod, Org
from bot.rules.assignment import (
    NO_EXTRA_AWAY,
    Availability,
    acting_for,
    choose_rep,
    pick_least_open,
    pick_round_robin,
)
from bot.rules.cover import covered_by

ORDER = ["zhang", "zhou", "wu"]


@pytest.mark.parametrize(
    ("candidates", "last", "expected"),
    [
        (ORDER, None, "zhang"),
        (ORDER, "zhang", "zhou"),
        (ORDER, "zhou", "wu"),
        (ORDER, "wu", "zhang"),
        (["zhang", "wu"], "zhang", "wu"),  # zhou away: skipped, order kept
        (["zhang"], "zhang", "zhang"),
        (["zhou", "wu"], "ghost", "zhou"),  # pointer names someone who left the org file
        ([], "zhang", None),
    ],
)
def test_round_robin_follows_the_fixed_order(candidates: list[str], last: str | None, expected: str | None) -> None:
    assert pick_round_robin(candidates, ORDER, last) == expected


def test_round_robin_is_fair_over_many_inquiries() -> None:
    last, counts = None, {p: 0 for p in ORDER}
    for _ in range(30):
        last = pick_round_robin(ORDER, ORDER, last)
        assert last is not None
        counts[last] += 1
    assert counts == {"zhang": 10, "zhou": 10, "wu": 10}


@pytest.mark.parametrize(
    ("open_counts", "last", "expected"),
    [
        ({"zhang": 3, "zhou": 1, "wu": 2}, None, "zhou"),
        ({"zhang": 1, "zhou": 1, "wu": 2}, "zhang", "zhou"),  # tie goes round-robin
        ({"zhang": 1, "zhou": 1, "wu": 1}, "wu", "zhang"),
        ({}, None, "zhang"),
    ],
)
def test_least_open_prefers_the_lightest_load(open_counts: dict[str, int], last: str | None, expected: str) -> None:
    assert pick_least_open(ORDER, open_counts, ORDER, last) == expected


def test_choose_rep_skips_inactive_and_away_people(org: Org) -> None:
    december = date(2026, 12, 3)  # wu is away 1-10 December (org file)
    picks = []
    last = None
    for _ in range(4):
        last = choose_rep(org, "trade1", december, NO_EXTRA_AWAY, last, {})
        picks.append(last)
    assert picks == ["zhang", "zhou", "zhang", "zhou"]
    assert "ma" not in {choose_rep(org, "trade3", december, NO_EXTRA_AWAY, p, {}) for p in ("he", "lin", None)}


def test_leave_recorded_in_chat_counts_like_the_org_file(org: Org) -> None:
    extra = Availability({"zhang": (AwayPeriod(date(2026, 11, 20), date(2026, 11, 30), "zhou"),)})
    assert choose_rep(org, "trade1", date(2026, 11, 23), extra, None, {}) == "zhou"
    assert acting_for(org, "zhang", date(2026, 11, 23), extra) == "zhou"
    assert acting_for(org, "zhang", date(2026, 12, 1), extra) == "zhang"


@pytest.mark.parametrize(
    ("absent", "delegate", "covers"),
    [
        ("zhang", "zhou", True),  # a rep covers a rep
        ("zhang", "huang", True),  # of another department too
        ("wang", "chen", True),  # a manager covers a manager
        ("li", "zhao", True),  # a specialist covers a specialist
        ("chen", "li", False),  # the review's exploit: a specialist named himself a manager's delegate
        ("wang", "zhang", False),  # a rep does not cover a manager
        ("zhang", "wang", False),
        ("zhang", "ma", False),  # ma has left
    ],
)
def test_only_a_peer_covers(org: Org, absent: str, delegate: str, covers: bool) -> None:
    """Leave naming a delegate who does another job (org file or an old `/inq away`) routes nothing to them."""
    day = date(2026, 11, 23)
    extra = Availability({absent: (AwayPeriod(day, day, delegate),)})
    assert acting_for(org, absent, day, extra) == (delegate if covers else absent)
    assert covered_by(org, delegate, day, extra) == (frozenset({absent}) if covers else frozenset())


def test_when_everyone_is_away_the_delegate_takes_the_work(org: Org) -> None:
    day = date(2026, 11, 23)
    everyone = Availability({
        p: (AwayPeriod(day, day, "huang" if p == "zhang" else None),) for p in ("zhang", "zhou", "wu")
    })
    assert choose_rep(org, "trade1", day, everyone, None, {}) == "huang"
