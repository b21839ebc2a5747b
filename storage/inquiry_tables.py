"""Inquiries and their append-only history: the two tables `inquiries show` reads, mapped apart from the rest
(storage/tables.py re-exports them) so that reading one inquiry does not build all nineteen mapped classes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base


class InquiryRow(Base):
    __tablename__ = "inquiries"
    __table_args__ = (
        Index("ix_inquiries_status_due", "status", "due_at"),
        Index("ix_inquiries_assignee_status", "assignee_id", "status"),
        Index("ix_inquiries_status_seq", "status", "seq"),  # unrouted ones in order, without a seq-index walk
        Index("ix_inquiries_status_won", "status", "won_at"),
    )
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    status: Mapped[str] = mapped_column(String(20))
    region_id: Mapped[str | None] = mapped_column(String(64))
    department_id: Mapped[str | None] = mapped_column(String(64))
    assignee_id: Mapped[str | None] = mapped_column(String(64))
    original_assignee_id: Mapped[str | None] = mapped_column(String(64))
    specialist_id: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str | None] = mapped_column(String(32))
    customer_name: Mapped[str | None] = mapped_column(String(200))
    company: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320), index=True)
    phone: Mapped[str | None] = mapped_column(String(32), index=True)
    country: Mapped[str | None] = mapped_column(String(2))
    product: Mapped[str | None] = mapped_column(String(200))
    original_text: Mapped[str | None] = mapped_column(Text)
    platform: Mapped[str] = mapped_column(String(16))
    message_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    intake_ref: Mapped[dict[str, Any] | None]
    duplicate_of: Mapped[str | None] = mapped_column(String(20))
    received_at: Mapped[datetime]
    forwarded_at: Mapped[datetime] = mapped_column(index=True)
    due_at: Mapped[datetime | None]
    assigned_at: Mapped[datetime | None]
    acknowledged_at: Mapped[datetime | None]
    followed_up_at: Mapped[datetime | None]
    followup_method: Mapped[str | None] = mapped_column(String(16))
    crm_id: Mapped[str | None] = mapped_column(String(64))
    crm_confirmed_at: Mapped[datetime | None]
    agent_name: Mapped[str | None] = mapped_column(String(200))
    won_at: Mapped[datetime | None]
    won_amount: Mapped[str | None] = mapped_column(String(32))
    lost_reason: Mapped[str | None] = mapped_column(Text)
    grey_state: Mapped[str | None] = mapped_column(String(16))
    grey_reason: Mapped[str | None] = mapped_column(Text)
    exception_state: Mapped[str | None] = mapped_column(String(16))
    transfers: Mapped[int] = mapped_column(Integer, default=0)
    closed_at: Mapped[datetime | None]
    erased_at: Mapped[datetime | None]


class InquiryEventRow(Base):
    """Append-only history of an inquiry: nothing here is ever updated or deleted."""

    __tablename__ = "inquiry_events"
    __table_args__ = (Index("ix_inquiry_events_kind_at", "kind", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    inquiry_id: Mapped[str] = mapped_column(ForeignKey("inquiries.id"), index=True)
    at: Mapped[datetime]
    actor_id: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]]
    # Who held the inquiry right after this event (issue 10): reports read these, never today's assignee.
    holder_id: Mapped[str | None] = mapped_column(String(64))
    holder_department_id: Mapped[str | None] = mapped_column(String(64))
    holder_due_at: Mapped[datetime | None]
