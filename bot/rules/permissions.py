"""Who may do what to which inquiry, and who sees which reports (SPEC sections 3 and 7). Pure: people and
inquiries in, a reason or a scope out."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum

from bot.org.model import Org, Person, Role
from bot.rules.assignment import may_cover
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
    CORRECT = "correct"  # `/inq source`, `/inq edit`, keeping an inquiry whose forward was deleted
    NOTE = "note"


REP_WORK = frozenset(
    {Action.VIEW, Action.ACK, Action.FOLLOWUP, Action.CRM, Action.AGENT, Action.WON, Action.LOST,
     Action.GREY_PROPOSE, Action.EXCEPTION_REQUEST, Action.NOTE}
)
MANAGER_WORK = REP_WORK | {Action.ASSIGN}
SPECIALIST_ONLY = frozenset(
    {Action.GREY_CONFIRM, Action.REGION, Action.TRANSFER, Action.EXCEPTION_APPROVE, Action.CORRECT}
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


def refusal(
    org: Org, person: Person, inquiry: Inquiry, action: Action, covering: frozenset[str] = frozenset()
) -> str | None:
    """None when `person` may do `action` on `inquiry`; else the message key that says why not.

    `covering` is whom the person covers today (leave with a delegate): they may also do what one of those could
    do in the roles the two share, never more.
    """
    reason = _own_refusal(org, person, inquiry, action)
    if reason is None or not person.active:
        return reason
    for absent in (org.person(p) for p in sorted(covering - {person.id})):
        if absent is not None and may_cover(absent, person):
            as_delegate = replace(absent, roles=absent.roles & person.roles)
            if _own_refusal(org, as_delegate, inquiry, action) is None:
                return None
    return reason


def _own_refusal(org: Org, person: Person, inquiry: Inquiry, action: Action) -> str | None:
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


def may_record_leave(org: Org, actor: Person, person: Person) -> bool:
    """Leave is recorded by the person themselves, the manager of their department, or an admin."""
    return actor.active and (
        actor.id == person.id or actor.has(Role.ADMIN) or manages(org, actor, person.department)
    )


def is_specialist_or_admin(person: Person) -> bool:
    return person.active and (person.has(Role.SPECIALIST) or person.has(Role.ADMIN))


def departments_in_view(org: Org, person: Person) -> list[str] | None:
    """Departments whose reports (ledger, penalties) a person sees, in org order: None = all (admin);
    a manager's department; the departments of a specialist's regions."""
    if person.has(Role.ADMIN):
        return None
    mine = {r.department for r in org.regions if r.specialist == person.id and person.has(Role.SPECIALIST)}
    mine |= {d.id for d in org.departments if d.manager == person.id and person.has(Role.MANAGER)}
    return [d.id for d in org.departments if d.id in mine]


def people_in_view(org: Org, person: Person) -> frozenset[str] | None:
    """Whose penalties a person sees: None = everyone (admin); else themselves and the people and managers
    of the departments in their view."""
    departments = departments_in_view(org, person)
    if departments is None:
        return None
    members = {p.id for p in org.people if p.department in departments}
    managers = {d.manager for d in org.departments if d.id in departments}
    return frozenset({person.id, *members, *managers})


def department_specialists(org: Org, department_id: str) -> list[str]:
    """Who answers for a department's ledger and penalties: the active specialists of its regions, else the
    active admins."""
    found = sorted({r.specialist for r in org.regions if r.department == department_id})
    active = [p for p in found if (who := org.person(p)) is not None and who.active]
    return active or [p.id for p in org.people if p.has(Role.ADMIN) and p.active]
