"""Who may do what to which inquiry (SPEC section 7, Authorisation). Pure: people and inquiries in, a reason out."""

from __future__ import annotations

from enum import StrEnum

from bot.org.model import Org, Person, Role
from bot.rules.inquiry import Inquiry


class Action(StrEnum):
    VIEW = "view"
    ACK = "ack"
    FOLLOWUP = "followup"
    CRM = "crm"
    AGENT = "agent"
    WON = "won"
    LOST = "lost"
    GREY_PROPOSE = "grey_propose"
    GREY_CONFIRM = "grey_confirm"
    ASSIGN = "assign"
    REGION = "region"
    TRANSFER = "transfer"
    EXCEPTION_REQUEST = "exception_request"
    EXCEPTION_APPROVE = "exception_approve"


REP_WORK = frozenset(
    {Action.VIEW, Action.ACK, Action.FOLLOWUP, Action.CRM, Action.AGENT, Action.WON, Action.LOST,
     Action.GREY_PROPOSE, Action.EXCEPTION_REQUEST}
)
MANAGER_WORK = REP_WORK | {Action.ASSIGN}
SPECIALIST_ONLY = frozenset(
    {Action.GREY_CONFIRM, Action.REGION, Action.TRANSFER, Action.EXCEPTION_APPROVE}
)


def covers_region(org: Org, person: Person, inquiry: Inquiry) -> bool:
    """A specialist covers an inquiry of their regions, or one they forwarded that has no region yet."""
    if inquiry.region_id is None:
        return inquiry.specialist_id == person.id
    region = org.region(inquiry.region_id)
    return region is not None and region.specialist == person.id


def manages(org: Org, person: Person, department_id: str | None) -> bool:
    department = org.department(department_id) if department_id else None
    return department is not None and department.manager == person.id


def refusal(org: Org, person: Person, inquiry: Inquiry, action: Action) -> str | None:
    """None when `person` may do `action` on `inquiry`; else the message key that says why not."""
    if not person.active:
        return "refused.inactive"
    if person.has(Role.ADMIN):
        return None
    if person.has(Role.SPECIALIST) and covers_region(org, person, inquiry):
        return None
    if action in SPECIALIST_ONLY:
        return "refused.specialist_only"
    if person.has(Role.MANAGER) and manages(org, person, inquiry.department_id):
        return None if action in MANAGER_WORK else "refused.specialist_only"
    if person.has(Role.REP) and inquiry.assignee_id == person.id:
        return None if action in REP_WORK else "refused.reps_cannot_reassign"
    if action is Action.ASSIGN and person.has(Role.REP) and not person.has(Role.MANAGER):
        return "refused.reps_cannot_reassign"
    return "refused.not_yours"


def is_specialist_or_admin(person: Person) -> bool:
    return person.active and (person.has(Role.SPECIALIST) or person.has(Role.ADMIN))
