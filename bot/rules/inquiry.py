"""The inquiry as the rules see it: a frozen value, plus its statuses and history events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    UNASSIGNED = "unassigned"
    ASSIGNED = "assigned"
    ACKNOWLEDGED = "acknowledged"
    FOLLOWED_UP = "followed_up"
    WON = "won"
    LOST = "lost"
    GREY = "grey"


OPEN_STATUSES = frozenset({Status.UNASSIGNED, Status.ASSIGNED, Status.ACKNOWLEDGED, Status.FOLLOWED_UP})
CLOSED_STATUSES = frozenset({Status.WON, Status.LOST, Status.GREY})
FOLLOWUP_METHODS = ("email", "whatsapp", "wechat", "phone", "other")
GREY_REASONS = ("spam", "supplier", "competitor", "duplicate", "unreachable", "not_our_product", "other")


@dataclass(frozen=True)
class Customer:
    name: str | None = None
    company: str | None = None
    email: str | None = None
    phone: str | None = None
    country: str | None = None
    product: str | None = None


@dataclass(frozen=True)
class Inquiry:
    id: str
    status: Status
    region_id: str | None
    department_id: str | None
    assignee_id: str | None
    specialist_id: str | None
    source: str | None
    customer: Customer
    original_text: str | None
    platform: str
    received_at: datetime
    forwarded_at: datetime
    due_at: datetime | None = None
    assigned_at: datetime | None = None
    acknowledged_at: datetime | None = None
    followed_up_at: datetime | None = None
    followup_method: str | None = None
    crm_id: str | None = None
    crm_confirmed_at: datetime | None = None
    agent_name: str | None = None
    won_at: datetime | None = None
    won_amount: str | None = None
    lost_reason: str | None = None
    grey_state: str | None = None
    grey_reason: str | None = None
    exception_state: str | None = None
    duplicate_of: str | None = None
    original_assignee_id: str | None = None
    transfers: int = 0
    closed_at: datetime | None = None
    intake_ref: dict[str, Any] | None = None
    erased_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class HistoryEvent:
    """One line of an inquiry's append-only history."""

    at: datetime
    kind: str
    actor_id: str | None
    data: dict[str, Any] = field(default_factory=dict)
    holder: Holder | None = None  # who held the inquiry right after the event, as recorded then


@dataclass(frozen=True)
class Holder:
    """Who was responsible for an inquiry at a moment: the rep, their department, and the follow-up due time."""

    person_id: str | None
    department_id: str | None
    due_at: datetime | None = None
