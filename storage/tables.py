"""SQLAlchemy 2 rows. ORM objects stay inside storage/; repositories hand out domain dataclasses.

The base and the inquiry tables live in storage/base.py and storage/inquiry_tables.py (so `inquiries show` maps
only those); importing this module gives every table, under the names it always had."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import NAMING_CONVENTION, Base, table_of
from storage.inquiry_tables import InquiryEventRow, InquiryRow

__all__ = [
    "NAMING_CONVENTION", "AssignmentPointerRow", "AuditRow", "AwayRow", "Base", "ConversationRow", "CountMatchRow",
    "DealReportRow", "IdentityRow", "InboundFailureRow", "InquiryEventRow", "InquiryRow", "JobRunRow",
    "LedgerSentRow", "OutboxRow", "PenaltyRow", "PenaltyStepRow", "PersonRow", "ProcessedEventRow",
    "SentMessageRow", "SequenceRow", "table_of",
]


class PersonRow(Base):
    """A person as last seen in the org file; kept after they leave so history still resolves."""

    __tablename__ = "people"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    department_id: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(default=True)
    in_org: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[datetime]


class IdentityRow(Base):
    """A platform account of a person (the platform's name and its user id there)."""

    __tablename__ = "person_identities"
    __table_args__ = (UniqueConstraint("platform", "external_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    platform: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(64))


class SequenceRow(Base):
    """The last number handed out per (name, year): inquiry and penalty ids are monotonic."""

    __tablename__ = "sequences"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class AuditRow(Base):
    """Refusals, exports and other acts worth proving later."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str | None] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))
    detail: Mapped[dict[str, Any]]


class AssignmentPointerRow(Base):
    """Who got the last round-robin inquiry of a department, so restarts stay fair."""

    __tablename__ = "assignment_pointers"
    department_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_person_id: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime]


class ProcessedEventRow(Base):
    """Inbound platform deliveries already handled (by the platform's event or update id)."""

    __tablename__ = "processed_events"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    at: Mapped[datetime]


class OutboxRow(Base):
    """A message to send, written in the same transaction as the change that caused it."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_next", "status", "next_attempt_at"),
                      Index("ix_outbox_lane_status", "lane", "status", "lease_until"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime]
    key: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]]
    target: Mapped[dict[str, Any]]
    inquiry_id: Mapped[str | None] = mapped_column(String(20), index=True)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(Text)
    delivery: Mapped[dict[str, Any] | None]
    lane: Mapped[str | None] = mapped_column(String(40))  # one destination: its rows go out in order, by one worker
    lease_until: Mapped[datetime | None]  # on the database's clock; renewed by the worker while it sends
    attempted_at: Mapped[datetime | None]  # a send may have happened: check the platform before sending again


class JobRunRow(Base):
    """One row per (job, slot): a slot's work happens once across restarts and replicas."""

    __tablename__ = "job_runs"
    __table_args__ = (UniqueConstraint("job", "slot"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    job: Mapped[str] = mapped_column(String(64))
    slot: Mapped[str] = mapped_column(String(40))
    claimed_at: Mapped[datetime]
    claimed_by: Mapped[str] = mapped_column(String(64))
    late: Mapped[bool] = mapped_column(default=False)
    finished_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16), default="running")


class PenaltyRow(Base):
    __tablename__ = "penalties"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    lapse_key: Mapped[str] = mapped_column(String(200), unique=True)
    rule: Mapped[str] = mapped_column(String(8), index=True)
    person_id: Mapped[str] = mapped_column(String(64), index=True)
    amount: Mapped[int | None] = mapped_column(Integer)
    inquiry_id: Mapped[str | None] = mapped_column(String(20), index=True)
    period: Mapped[str] = mapped_column(String(10), index=True)
    status: Mapped[str] = mapped_column(String(16))
    appealed: Mapped[bool] = mapped_column(default=False)
    appeal_reason: Mapped[str | None] = mapped_column(Text)
    split_group: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime]
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None]
    reason: Mapped[str | None] = mapped_column(Text)
    calendar_fallback: Mapped[bool] = mapped_column(default=False, server_default=false())  # guessed working days
    facts: Mapped[dict[str, Any] | None]  # the rule's facts (department, day N, due time...), never a reason


class PenaltyStepRow(Base):
    """A penalty's history, append-only: proposed, recorded, appealed, confirmed, waived, published, corrected."""

    __tablename__ = "penalty_steps"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    penalty_id: Mapped[str] = mapped_column(String(20), index=True)
    what: Mapped[str] = mapped_column(String(16))
    who: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime]
    reason: Mapped[str | None] = mapped_column(Text)
    amount: Mapped[int | None] = mapped_column(Integer)


class DealReportRow(Base):
    """A manager's daily or monthly deal report for a department."""

    __tablename__ = "deal_reports"
    __table_args__ = (UniqueConstraint("department_id", "kind", "period"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    department_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8))
    period: Mapped[str] = mapped_column(String(10))
    reported_at: Mapped[datetime]
    reported_by: Mapped[str] = mapped_column(String(64))
    inquiry_ids: Mapped[list[Any]]


class LedgerSentRow(Base):
    """A specialist's confirmation that a month's ledger extract went out through OA (P7)."""

    __tablename__ = "ledger_sent"
    __table_args__ = (UniqueConstraint("month", "department_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    month: Mapped[str] = mapped_column(String(7))
    department_id: Mapped[str] = mapped_column(String(64))
    confirmed_by: Mapped[str] = mapped_column(String(64))
    confirmed_at: Mapped[datetime]


class AwayRow(Base):
    """Leave recorded in chat with `/inq away` (the org file's `away` entries live in the org)."""

    __tablename__ = "away_periods"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(String(64), index=True)
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)
    delegate_id: Mapped[str | None] = mapped_column(String(64))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]


class CountMatchRow(Base):
    """A manager's "counts match" for a day (P2.2)."""

    __tablename__ = "count_matches"
    __table_args__ = (UniqueConstraint("department_id", "day"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    department_id: Mapped[str] = mapped_column(String(64))
    day: Mapped[date] = mapped_column(Date)
    by: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]


class SentMessageRow(Base):
    """A message the bot posted, so a thread reply or a button press can be traced back to its inquiry."""

    __tablename__ = "sent_messages"
    __table_args__ = (UniqueConstraint("platform", "chat", "message_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[str] = mapped_column(String(64))
    key: Mapped[str] = mapped_column(String(64))
    inquiry_id: Mapped[str | None] = mapped_column(String(20), index=True)
    person_id: Mapped[str | None] = mapped_column(String(64))
    outbox_id: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[datetime]


class ConversationRow(Base):
    """Short-lived state of a multi-step chat interaction (a method picked, waiting for the note)."""

    __tablename__ = "conversations"
    __table_args__ = (UniqueConstraint("platform", "person_id", "key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    platform: Mapped[str] = mapped_column(String(16))
    person_id: Mapped[str] = mapped_column(String(64))
    key: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]]
    expires_at: Mapped[datetime]


class InboundFailureRow(Base):
    """A verified request the bot could not process: answered 200 (so the platform stops re-sending it) and kept
    here, exactly as received, for someone to look at."""

    __tablename__ = "inbound_failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    platform: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[datetime] = mapped_column(index=True)
    error: Mapped[str] = mapped_column(Text)
    body: Mapped[bytes] = mapped_column(LargeBinary)
