"""Inquiries and their append-only history."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Sequence
from dataclasses import fields
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.rules.inquiry import OPEN_STATUSES, Customer, HistoryEvent, Holder, Inquiry, Status
from storage.tables import InquiryEventRow, InquiryRow

_CUSTOMER_COLUMNS = {
    "name": "customer_name",
    "company": "company",
    "email": "email",
    "phone": "phone",
    "country": "country",
    "product": "product",
}
SWEEP_WINDOW = timedelta(days=8)  # a week of downtime is still swept; older lapses were swept back then
_PLAIN_FIELDS = tuple(f.name for f in fields(Inquiry) if f.name not in ("customer", "status"))


def to_domain(row: InquiryRow) -> Inquiry:
    customer = Customer(**{attr: getattr(row, column) for attr, column in _CUSTOMER_COLUMNS.items()})
    plain = {name: getattr(row, name) for name in _PLAIN_FIELDS}
    return Inquiry(status=Status(row.status), customer=customer, **plain)


def _columns(inquiry: Inquiry) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(inquiry, name) for name in _PLAIN_FIELDS}
    values["status"] = inquiry.status.value
    for attr, column in _CUSTOMER_COLUMNS.items():
        values[column] = getattr(inquiry.customer, attr)
    return values


class InquiryRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, inquiry: Inquiry, seq: int, message_key: str | None) -> None:
        self.session.add(InquiryRow(seq=seq, message_key=message_key, **_columns(inquiry)))
        await self.session.flush()

    async def save(self, inquiry: Inquiry) -> None:
        await self.session.execute(
            update(InquiryRow).where(InquiryRow.id == inquiry.id).values(**_columns(inquiry))
        )

    async def get(self, inquiry_id: str) -> Inquiry | None:
        row = await self.session.get(InquiryRow, inquiry_id)
        return to_domain(row) if row else None

    async def get_for_update(self, inquiry_id: str) -> Inquiry | None:
        """Read with a row lock on PostgreSQL, so two concurrent changes queue instead of racing."""
        stmt = select(InquiryRow).where(InquiryRow.id == inquiry_id).with_for_update()
        row = (await self.session.execute(stmt)).scalar_one_or_none()
        return to_domain(row) if row else None

    async def by_message_key(self, message_key: str) -> Inquiry | None:
        stmt = select(InquiryRow).where(InquiryRow.message_key == message_key)
        row = (await self.session.execute(stmt)).scalar_one_or_none()
        return to_domain(row) if row else None

    async def find_duplicate(self, email: str | None, phone: str | None, since: datetime) -> Inquiry | None:
        """The earliest open inquiry since `since` with the same normalised email or phone."""
        conditions = [c for c in (
            InquiryRow.email == email if email else None,
            InquiryRow.phone == phone if phone else None,
        ) if c is not None]
        if not conditions:
            return None
        stmt = (
            select(InquiryRow)
            .where(or_(*conditions))
            .where(InquiryRow.status.in_([s.value for s in OPEN_STATUSES]))
            .where(InquiryRow.forwarded_at >= since)
            .order_by(InquiryRow.seq)
            .limit(1)
        )
        row = (await self.session.execute(stmt)).scalar_one_or_none()
        return to_domain(row) if row else None

    async def list(
        self,
        *,
        statuses: Sequence[Status] | None = None,
        assignee_id: str | None = None,
        forwarded_from: datetime | None = None,
        forwarded_to: datetime | None = None,
        limit: int | None = None,
    ) -> builtins.list[Inquiry]:
        stmt = select(InquiryRow).order_by(InquiryRow.seq)
        if statuses:
            stmt = stmt.where(InquiryRow.status.in_([s.value for s in statuses]))
        if assignee_id:
            stmt = stmt.where(InquiryRow.assignee_id == assignee_id)
        if forwarded_from:
            stmt = stmt.where(InquiryRow.forwarded_at >= forwarded_from)
        if forwarded_to:
            stmt = stmt.where(InquiryRow.forwarded_at < forwarded_to)
        if limit:
            stmt = stmt.limit(limit)
        return [to_domain(r) for r in (await self.session.execute(stmt)).scalars()]

    async def due_by(self, slot: datetime, window: timedelta = SWEEP_WINDOW) -> builtins.list[Inquiry]:
        """Open inquiries due in (slot - window, slot] and not followed up in time: what a sweep must look at."""
        stmt = (
            select(InquiryRow)
            .where(InquiryRow.status.in_([s.value for s in OPEN_STATUSES if s is not Status.UNASSIGNED]))
            .where(InquiryRow.due_at <= slot, InquiryRow.due_at > slot - window)
            .where(or_(InquiryRow.followed_up_at.is_(None), InquiryRow.followed_up_at > InquiryRow.due_at))
            .order_by(InquiryRow.seq)
        )
        return [to_domain(r) for r in (await self.session.execute(stmt)).scalars()]

    async def won_between(self, start: datetime, end: datetime) -> builtins.list[Inquiry]:
        stmt = (
            select(InquiryRow)
            .where(InquiryRow.status == Status.WON.value, InquiryRow.won_at >= start, InquiryRow.won_at < end)
            .order_by(InquiryRow.seq)
        )
        return [to_domain(r) for r in (await self.session.execute(stmt)).scalars()]

    async def open_counts(self, person_ids: Sequence[str]) -> dict[str, int]:
        stmt = (
            select(InquiryRow.assignee_id, func.count())
            .where(InquiryRow.assignee_id.in_(person_ids))
            .where(InquiryRow.status.in_([s.value for s in OPEN_STATUSES]))
            .group_by(InquiryRow.assignee_id)
        )
        return {str(pid): int(n) for pid, n in (await self.session.execute(stmt)).all()}

    async def append_event(self, inquiry_id: str, event: HistoryEvent) -> None:
        """Append to the history with the holder as of this event: the inquiry's rep, department and due time
        once the change that caused it is saved (callers save first), unless the event names its own."""
        holder = event.holder
        if holder is None:
            row = await self.session.get(InquiryRow, inquiry_id)
            holder = Holder(row.assignee_id, row.department_id, row.due_at) if row else Holder(None, None)
        self.session.add(
            InquiryEventRow(
                inquiry_id=inquiry_id, at=event.at, actor_id=event.actor_id, kind=event.kind, data=event.data,
                holder_id=holder.person_id, holder_department_id=holder.department_id, holder_due_at=holder.due_at,
            )
        )

    async def history(self, inquiry_id: str) -> builtins.list[HistoryEvent]:
        return (await self.histories([inquiry_id])).get(inquiry_id, [])

    async def histories(self, inquiry_ids: Sequence[str]) -> dict[str, builtins.list[HistoryEvent]]:
        """The histories of many inquiries in one query per 500 ids, each oldest first."""
        found: dict[str, builtins.list[HistoryEvent]] = {}
        ids = list(dict.fromkeys(inquiry_ids))
        for start in range(0, len(ids), 500):
            stmt = (select(InquiryEventRow).where(InquiryEventRow.inquiry_id.in_(ids[start:start + 500]))
                    .order_by(InquiryEventRow.id))
            for r in (await self.session.execute(stmt)).scalars():
                found.setdefault(r.inquiry_id, []).append(HistoryEvent(
                    at=r.at, kind=r.kind, actor_id=r.actor_id, data=dict(r.data),
                    holder=Holder(r.holder_id, r.holder_department_id, r.holder_due_at),
                ))
        return found

    async def changed_hands_between(self, start: datetime, end: datetime) -> builtins.list[Inquiry]:
        """Inquiries assigned or transferred in [start, end): their new holders' stints belong to that period."""
        ids = (select(InquiryEventRow.inquiry_id)
               .where(InquiryEventRow.kind.in_(("assigned", "transferred")))
               .where(InquiryEventRow.at >= start, InquiryEventRow.at < end))
        stmt = select(InquiryRow).where(InquiryRow.id.in_(ids)).order_by(InquiryRow.seq)
        return [to_domain(r) for r in (await self.session.execute(stmt)).scalars()]

    async def scrub_events(
        self, inquiry_id: str, kinds: Sequence[str], scrub: Callable[[dict[str, Any]], dict[str, Any]]
    ) -> int:
        """Erasure on request only (SPEC 9): rewrite the data of some events with `scrub`; the events stay."""
        stmt = select(InquiryEventRow).where(InquiryEventRow.inquiry_id == inquiry_id,
                                             InquiryEventRow.kind.in_(list(kinds)))
        rows = list((await self.session.execute(stmt)).scalars())
        for row in rows:
            row.data = scrub(dict(row.data))
        return len(rows)

    async def due_unfollowed(self, start: datetime, end: datetime) -> builtins.list[Inquiry]:
        """Assigned, open inquiries due in [start, end) with no follow-up yet: tonight's reminders."""
        stmt = (
            select(InquiryRow)
            .where(InquiryRow.status.in_([s.value for s in OPEN_STATUSES if s is not Status.UNASSIGNED]))
            .where(InquiryRow.due_at >= start, InquiryRow.due_at < end, InquiryRow.followed_up_at.is_(None))
            .order_by(InquiryRow.seq)
        )
        return [to_domain(r) for r in (await self.session.execute(stmt)).scalars()]

    async def assigned_without_crm(
        self, start: datetime, end: datetime, forwarded_since: datetime
    ) -> builtins.list[Inquiry]:
        """Open or won inquiries first assigned in [start, end) with no CRM confirmation (P3 reminders).

        The forwarding time bounds the scan through its index: an inquiry is assigned at or after it is forwarded.
        """
        stmt = (
            select(InquiryRow)
            .where(InquiryRow.forwarded_at >= forwarded_since, InquiryRow.forwarded_at < end)
            .where(InquiryRow.assigned_at >= start, InquiryRow.assigned_at < end)
            .where(InquiryRow.crm_confirmed_at.is_(None))
            .where(InquiryRow.status.in_([s.value for s in (*OPEN_STATUSES, Status.WON) if s is not Status.UNASSIGNED]))
            .order_by(InquiryRow.seq)
        )
        return [to_domain(r) for r in (await self.session.execute(stmt)).scalars()]

    async def open_never_transferred(self, forwarded_from: datetime, forwarded_to: datetime) -> builtins.list[Inquiry]:
        """Assigned, open, never-transferred inquiries forwarded in [from, to): the P8 candidates of a day."""
        stmt = (
            select(InquiryRow)
            .where(InquiryRow.forwarded_at >= forwarded_from, InquiryRow.forwarded_at < forwarded_to)
            .where(InquiryRow.status.in_([s.value for s in OPEN_STATUSES if s is not Status.UNASSIGNED]))
            .where(InquiryRow.transfers == 0)
            .order_by(InquiryRow.seq)
        )
        return [to_domain(r) for r in (await self.session.execute(stmt)).scalars()]

    async def event_kinds(self, inquiry_ids: Sequence[str], kinds: Sequence[str]) -> dict[str, set[str]]:
        """Which of `kinds` each inquiry's history already has (read through the inquiry_id index)."""
        if not inquiry_ids:
            return {}
        stmt = (
            select(InquiryEventRow.inquiry_id, InquiryEventRow.kind)
            .where(InquiryEventRow.inquiry_id.in_(list(inquiry_ids)), InquiryEventRow.kind.in_(list(kinds)))
        )
        found: dict[str, set[str]] = {}
        for inquiry_id, kind in (await self.session.execute(stmt)).all():
            found.setdefault(str(inquiry_id), set()).add(str(kind))
        return found
