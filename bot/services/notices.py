"""Outbound notices shared by several use cases (who hears about an assignment, a follow-up, ...)."""

from __future__ import annotations

from bot.outbound import Outbound, Target
from bot.rules.inquiry import Inquiry
from bot.services.views import inquiry_view

REP_ACTIONS = ("ack", "followup", "grey", "won")


def rep_actions(inquiry: Inquiry) -> list[dict[str, str]]:
    return [{"id": action, "value": inquiry.id} for action in REP_ACTIONS]


def assigned_notices(inquiry: Inquiry, previous: str | None) -> list[Outbound]:
    """The new rep gets the inquiry with its buttons; a previous rep is told it moved on."""
    if inquiry.assignee_id is None:
        return []
    view = inquiry_view(inquiry)
    notices = [
        Outbound(
            "inquiry.assigned",
            Target.to_person(inquiry.assignee_id, inquiry.platform),
            {"inquiry": view, "actions": rep_actions(inquiry)},
            inquiry.id,
        )
    ]
    if previous and previous != inquiry.assignee_id:
        notices.append(
            Outbound("inquiry.reassigned_away", Target.to_person(previous, inquiry.platform),
                     {"inquiry": view, "to": inquiry.assignee_id}, inquiry.id)
        )
    return notices


def to_specialist(key: str, inquiry: Inquiry, **data: object) -> list[Outbound]:
    """A notice for the specialist who forwarded the inquiry (the policy's feedback loop, 1.4)."""
    if inquiry.specialist_id is None:
        return []
    return [Outbound(key, Target.to_person(inquiry.specialist_id, inquiry.platform),
                     {"inquiry": inquiry_view(inquiry), **data}, inquiry.id)]
