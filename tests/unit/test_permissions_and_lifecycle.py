"""Who may do what, and how each action changes an inquiry (pure rules)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.errors import InvalidInput
from bot.org.model import Org, Role
from bot.rules import lifecycle
from bot.rules.inquiry import Customer, Inquiry, Status
from bot.rules.permissions import (
    Action,
    department_specialists,
    departments_in_view,
    may_record_leave,
    people_in_view,
    refusal,
)
from tests.conftest import local

NOW = local(2026, 11, 23, 15, 0)


def latam_inquiry(**changes: object) -> Inquiry:
    base = Inquiry(
        id="INQ-2026-000001", status=Status.ASSIGNED, region_id="latam", department_id="trade1",
        assignee_id="zhang", specialist_id="li", source="alibaba", customer=Customer(country="BR"),
        original_text="...", platform="shell", received_at=NOW, forwarded_at=NOW,
        due_at=local(2026, 11, 23, 23, 59),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("person", "action", "expected"),
    [
        ("zhang", Action.ACK, None),  # the assignee
        ("zhang", Action.FOLLOWUP, None),
        ("zhang", Action.ASSIGN, "refused.reps_cannot_reassign"),
        ("zhou", Action.ASSIGN, "refused.reps_cannot_reassign"),  # another rep of the department
        ("zhou", Action.ACK, "refused.not_yours"),
        ("huang", Action.FOLLOWUP, "refused.not_yours"),  # a rep of another department
        ("wang", Action.ASSIGN, None),  # the department's manager
        ("wang", Action.WON, None),
        ("wang", Action.GREY_CONFIRM, "refused.specialist_only"),
        ("chen", Action.ASSIGN, "refused.not_yours"),  # another department's manager
        ("li", Action.ASSIGN, None),  # the region's specialist
        ("li", Action.GREY_CONFIRM, None),
        ("zhao", Action.ASSIGN, "refused.not_yours"),  # a specialist of other regions
        ("gao", Action.TRANSFER, None),  # admin
        ("ma", Action.ACK, "refused.inactive"),  # left the company
    ],
)
def test_authorisation(org: Org, person: str, action: Action, expected: str | None) -> None:
    who = org.person(person)
    assert who is not None
    inquiry = latam_inquiry(assignee_id="ma") if person == "ma" else latam_inquiry()
    assert refusal(org, who, inquiry, action) == expected


@pytest.mark.parametrize(
    ("person", "covering", "action", "expected"),
    [
        ("zhou", {"zhang"}, Action.ACK, None),  # covers the away assignee
        ("zhou", {"zhang"}, Action.FOLLOWUP, None),
        ("zhou", {"zhang"}, Action.VIEW, None),
        ("zhou", {"zhang"}, Action.WON, None),
        ("zhou", {"zhang"}, Action.ASSIGN, "refused.reps_cannot_reassign"),  # what zhang could do, never more
        ("zhou", {"zhang"}, Action.GREY_CONFIRM, "refused.specialist_only"),
        ("zhou", set(), Action.ACK, "refused.not_yours"),  # not covering
        ("zhou", {"wu"}, Action.FOLLOWUP, "refused.not_yours"),  # covering someone else
        ("huang", {"zhang"}, Action.FOLLOWUP, None),  # a rep of another department may cover a rep
        ("li", {"wang"}, Action.ASSIGN, None),  # li may anyway: it is his region
        ("zhao", {"li"}, Action.GREY_CONFIRM, None),  # a specialist covers a specialist
        ("zhao", {"li"}, Action.ACK, None),
        ("liu", {"wang"}, Action.ASSIGN, None),  # a manager covers a manager
        ("liu", {"wang"}, Action.GREY_CONFIRM, "refused.specialist_only"),
        ("sun", {"wang"}, Action.ASSIGN, "refused.not_yours"),  # a specialist never covers a manager
        ("liu", {"zhang"}, Action.FOLLOWUP, "refused.not_yours"),  # nor a manager a rep
        ("gao", {"zhang"}, Action.ASSIGN, None),  # an admin needs no cover
    ],
)
def test_authorisation_while_covering(
    org: Org, person: str, covering: set[str], action: Action, expected: str | None
) -> None:
    who = org.person(person)
    assert who is not None
    assert refusal(org, who, latam_inquiry(), action, frozenset(covering)) == expected


def test_cover_gives_only_the_roles_the_two_share(org: Org) -> None:
    """A rep covering a colleague who is also a manager does the rep's work only."""
    chen = org.person("chen")
    assert chen is not None
    both = replace(chen, roles=frozenset({Role.MANAGER, Role.REP}), department="trade2")
    mixed = replace(org, people=tuple(both if p.id == "chen" else p for p in org.people))
    huang = mixed.person("huang")
    assert huang is not None
    trade2 = latam_inquiry(region_id="mena", department_id="trade2", assignee_id="xu", specialist_id="zhao")
    assert refusal(mixed, huang, trade2, Action.ASSIGN, frozenset({"chen"})) == "refused.reps_cannot_reassign"
    assert refusal(mixed, huang, trade2, Action.VIEW, frozenset({"chen"})) == "refused.not_yours"
    assert refusal(mixed, huang, replace(trade2, assignee_id="chen"), Action.ACK, frozenset({"chen"})) is None


def test_covering_someone_who_left_gives_nothing(org: Org) -> None:
    he = org.person("he")
    assert he is not None
    inquiry = latam_inquiry(region_id="europe", department_id="trade3", assignee_id="ma", specialist_id="sun")
    assert refusal(org, he, inquiry, Action.ACK, frozenset({"ma"})) == "refused.not_yours"


@pytest.mark.parametrize(
    ("actor", "person", "expected"),
    [
        ("zhang", "zhang", True),  # their own leave
        ("wang", "zhang", True),  # the manager of zhang's department
        ("gao", "chen", True),  # an admin
        ("wang", "wang", True),
        ("chen", "zhang", False),  # another department's manager
        ("li", "chen", False),  # the review's exploit: a specialist for a manager
        ("li", "zhang", False),  # specialists no longer record anyone's leave but their own
        ("zhou", "zhang", False),  # a colleague
        ("wang", "chen", False),  # a manager for another manager
    ],
)
def test_who_may_record_leave(org: Org, actor: str, person: str, expected: bool) -> None:
    who, whom = org.person(actor), org.person(person)
    assert who is not None and whom is not None
    assert may_record_leave(org, who, whom) is expected


@pytest.mark.parametrize(
    ("person", "departments", "people"),
    [
        ("gao", None, None),  # an admin sees everything
        ("li", ["trade1"], {"li", "wang", "zhang", "zhou", "wu"}),  # a specialist: their regions' departments
        ("zhao", ["trade2"], {"zhao", "chen", "huang", "xu", "emma"}),
        ("wang", ["trade1"], {"wang", "zhang", "zhou", "wu"}),  # a manager: their department
        ("zhang", [], {"zhang"}),  # a rep: themselves
    ],
)
def test_who_sees_which_reports(
    org: Org, person: str, departments: list[str] | None, people: set[str] | None
) -> None:
    who = org.person(person)
    assert who is not None
    assert departments_in_view(org, who) == departments
    assert people_in_view(org, who) == (None if people is None else frozenset(people))


def test_department_specialists_fall_back_to_the_admins(org: Org) -> None:
    assert department_specialists(org, "trade1") == ["li"]
    assert department_specialists(org, "trade2") == ["zhao"]
    gone = replace(org, people=tuple(replace(p, active=False) if p.id == "li" else p for p in org.people))
    assert department_specialists(gone, "trade1") == ["gao"]


def test_follow_up_sets_both_timestamps_once() -> None:
    first, event = lifecycle.follow_up(latam_inquiry(), "zhang", "WhatsApp", "Sent the catalogue and prices", NOW)
    assert first.status is Status.FOLLOWED_UP
    assert first.acknowledged_at == NOW and first.followed_up_at == NOW and first.followup_method == "whatsapp"
    assert event.kind == "followed_up" and event.data == {"method": "whatsapp", "note": "Sent the catalogue and prices"}
    later = local(2026, 11, 24, 10, 0)
    second, _ = lifecycle.follow_up(first, "zhang", "email", "Sent the formal quotation PDF", later)
    assert second.followed_up_at == NOW  # the first follow-up is what the deadline looked at


@pytest.mark.parametrize("note", ["ok", "sent", "  called   ", "回复了客户"])
def test_notes_under_ten_characters_are_refused(note: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        lifecycle.follow_up(latam_inquiry(), "zhang", "email", note, NOW)
    assert caught.value.key == "error.note_too_short"


def test_unknown_methods_are_refused_with_the_choices() -> None:
    with pytest.raises(InvalidInput) as caught:
        lifecycle.follow_up(latam_inquiry(), "zhang", "fax", "Faxed the brochure to them", NOW)
    assert caught.value.data["choices"] == "email, whatsapp, wechat, phone, other"


def test_closed_inquiries_refuse_further_changes() -> None:
    won, _ = lifecycle.mark_won(latam_inquiry(), "zhang", "12000", NOW)
    assert won.status is Status.WON and won.closed_at == NOW
    with pytest.raises(InvalidInput, match="error.closed"):
        lifecycle.mark_lost(won, "zhang", "customer changed their mind", NOW)
    crm, _ = lifecycle.record_crm(won, "zhang", "CRM-1", NOW)  # P3 still wants the CRM id of a won deal
    assert crm.crm_id == "CRM-1"


def test_grey_is_proposed_then_confirmed() -> None:
    proposed, event = lifecycle.propose_grey(latam_inquiry(), "zhang", "supplier trying to sell us parts", NOW)
    assert proposed.status is Status.ASSIGNED and proposed.grey_state == "proposed"
    assert event.data["grey_kind"] == "supplier"
    confirmed, event = lifecycle.confirm_grey(proposed, "li", None, NOW)
    assert confirmed.status is Status.GREY and confirmed.closed_at == NOW
    assert event.data["reason"] == "supplier trying to sell us parts"


def test_reassignment_keeps_the_original_rep() -> None:
    moved, event = lifecycle.assign(latam_inquiry(original_assignee_id="zhang"), "li", "zhou", NOW, None)
    assert moved.assignee_id == "zhou" and moved.original_assignee_id == "zhang"
    assert event.data["to"] == "zhou" and event.data["previous"] == "zhang"
    assert event.data["previous_due_at"] is not None and event.data["due_at"] is None  # the old due time is kept
