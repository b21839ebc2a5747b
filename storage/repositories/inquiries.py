"""Inquiries and their append-only history."""

from __future__ import annotations

import builtins
import json
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import fields
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Row, Select, String, bindparam, func, insert, or_, select, type_coerce, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.rules.inquiry import OPEN_STATUSES, Customer, HistoryEvent, Holder, Inquiry, Status
from storage.base import table_of
from storage.database import prepared, run_core
from storage.errors import AlreadyStored
from storage.inquiry_tables import InquiryEventRow, InquiryRow

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


def to_domain(row: InquiryRow | Row[Any]) -> Inquiry:
    """An inquiry from its ORM object or from a Core row of the whole table (the same attribute names)."""
    customer = Customer(**{attr: getattr(row, column) for attr, column in _CUSTOMER_COLUMNS.items()})
    plain = {name: getattr(row, name) for name in _PLAIN_FIELDS}
    return Inquiry(status=Status(row.status), customer=customer, **plain)


def _columns(inquiry: Inquiry) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(inquiry, name) for name in _PLAIN_FIELDS}
    values["status"] = inquiry.status.value
    for attr, column in _CUSTOMER_COLUMNS.items():
        values[column] = getattr(inquiry.customer, attr)
    return values


class ListedEvent(NamedTuple):
    """One history event as `inquiries list` shows it (no ORM object behind it)."""

    at: datetime
    kind: str
    actor_id: str | None
    data: dict[str, Any]
    holder_id: str | None
    holder_department_id: str | None
    holder_due_at: datetime | None


class ListedInquiry(NamedTuple):
    """The columns of one inquiry that `inquiries list --json` shows, with its history, oldest event first."""

    id: str
    status: str
    region_id: str | None
    department_id: str | None
    assignee_id: str | None
    source: str | None
    customer_name: str | None
    company: str | None
    email: str | None
    phone: str | None
    country: str | None
    received_at: datetime | None
    forwarded_at: datetime | None
    due_at: datetime | None
    acknowledged_at: datetime | None
    followed_up_at: datetime | None
    history: builtins.list[ListedEvent]


_I = InquiryRow
_E = InquiryEventRow
_INSERT = insert(table_of(InquiryRow))  # built once: the values are parameters
_INSERT_EVENT = insert(table_of(InquiryEventRow))


def _duplicate_query(*, by_email: bool, by_phone: bool) -> Select[Any]:
    """Open inquiries since :since with the same :email or :phone, earliest first (built once per shape)."""
    same = [c for c in (_I.email == bindparam("email") if by_email else None,
                        _I.phone == bindparam("phone") if by_phone else None) if c is not None]
    return (select(table_of(InquiryRow)).where(or_(*same))
            .where(_I.status.in_([s.value for s in OPEN_STATUSES]))
            .where(_I.forwarded_at >= bindparam("since")).order_by(_I.seq).limit(1))
_LISTED_PLAIN = (_I.id, _I.status, _I.region_id, _I.department_id, _I.assignee_id, _I.source, _I.customer_name,
                 _I.company, _I.email, _I.phone, _I.country)
_LISTED_INSTANTS = (_I.received_at, _I.forwarded_at, _I.due_at, _I.acknowledged_at, _I.followed_up_at)


def _raw(column: Any) -> ColumnElement[Any]:
    """The stored value without SQLAlchemy's result processing (a listing converts it once, see `_utc`)."""
    return type_coerce(column, String()).label(None)


def _utc(value: Any) -> datetime | None:
    """A raw stored instant as an aware UTC datetime: SQLite keeps naive UTC text, PostgreSQL gives datetimes."""
    if value is None:
        return None
    if isinstance(value, str):
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    assert isinstance(value, datetime)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class _Instants(dict[Any, Any]):
    """Raw stored instant -> aware UTC datetime, each distinct value converted once (a plain dict lookup after)."""

    def __init__(self) -> None:
        super().__init__({None: None})

    def __missing__(self, raw: Any) -> datetime | None:
        found = self[raw] = _utc(raw)
        return found


class _Datas(dict[Any, Any]):
    """Raw stored event data -> dict, decoded once per distinct text; shared, so callers copy, never change it."""

    def __missing__(self, raw: Any) -> dict[str, Any]:
        found = self[raw] = _data(raw)
        return found


def _data(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    loaded = json.loads(value) if isinstance(value, str | bytes) else value
    assert isinstance(loaded, dict)
    return loaded


class InquiryRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, inquiry: Inquiry, seq: int, message_key: str | None) -> None:
        """Insert now (Core, no ORM object: `run_core`). A refused insert of a keyed message is AlreadyStored: most
        likely the key made an inquiry before, which the caller reads after rolling back (and re-raises if not)."""
        try:
            await run_core(self.session, _INSERT, {"seq": seq, "message_key": message_key, **_columns(inquiry)})
        except IntegrityError as error:
            if message_key is None:
                raise
            raise AlreadyStored(message_key) from error

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
        if not email and not phone:
            return None
        stmt = prepared(self.session, ("find_duplicate", bool(email), bool(phone)),
                        lambda _insert: _duplicate_query(by_email=bool(email), by_phone=bool(phone)))
        row = (await run_core(self.session, stmt, {"email": email, "phone": phone, "since": since})).first()
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

    async def stream_listing(
        self, *, statuses: Sequence[Status] | None = None, forwarded_from: datetime | None = None,
        limit: int | None = None, chunk: int = 5000,
    ) -> AsyncIterator[ListedInquiry]:
        """Inquiries oldest first, each with its history, from ONE query (inquiries left-joined to their events,
        ordered by seq then event id) read in chunks: memory stays flat and no ORM object is built, so 100,000
        inquiries list in seconds. Filters and the limit are applied in SQL."""
        conditions: builtins.list[ColumnElement[bool]] = []
        if statuses:
            conditions.append(_I.status.in_([s.value for s in statuses]))
        if forwarded_from:
            conditions.append(_I.forwarded_at >= forwarded_from)
        if limit:
            conditions = [_I.id.in_(select(_I.id).where(*conditions).order_by(_I.seq).limit(limit).scalar_subquery())]
        stmt = (
            select(*_LISTED_PLAIN, *(_raw(c) for c in _LISTED_INSTANTS), _E.id, _raw(_E.at), _E.kind, _E.actor_id,
                   _raw(_E.data), _E.holder_id, _E.holder_department_id, _raw(_E.holder_due_at))
            .select_from(_I).outerjoin(_E, _E.inquiry_id == _I.id)
            .where(*conditions)
            .order_by(_I.seq, _E.id)
        )
        connection = await self.session.connection()  # Core rows: no ORM loading machinery per row
        result = await connection.stream(stmt)
        current: ListedInquiry | None = None
        instants = _Instants()  # an inquiry repeats its instants in its events
        datas = _Datas()  # and event data repeats across inquiries ({"to": "zhang", ...})
        async for part in result.partitions(chunk):
            for row in part:
                if current is None or row[0] != current.id:
                    if current is not None:
                        yield current
                    if len(instants) > 4096 or len(datas) > 4096:
                        instants, datas = _Instants(), _Datas()
                    current = ListedInquiry._make((*row[:11], instants[row[11]], instants[row[12]],
                                                   instants[row[13]], instants[row[14]], instants[row[15]], []))
                if row[16] is not None:
                    raw = row[20]  # text on SQLite; asyncpg may hand PostgreSQL json over decoded already
                    data = datas[raw] if isinstance(raw, str | bytes) else _data(raw)
                    current.history.append(ListedEvent(instants[row[17]], row[18], row[19], data,
                                                       row[21], row[22], instants[row[23]]))
        if current is not None:
            yield current

    async def won_between(self, start: datetime, end: datetime) -> builtins.list[Inquiry]:
        stmt = (
            select(InquiryRow)
            .where(InquiryRow.status == Status.WON.value, InquiryRow.won_at >= start, InquiryRow.won_at < end)
            .order_by(InquiryRow.seq)
        )
        return [to_domain(r) for r in (await self.session.execute(stmt)).scalars()]

    async def regions_and_platforms(self, inquiry_ids: Sequence[str]) -> dict[str, tuple[str | None, str]]:
        """Region and platform of each inquiry, one query per 500 ids (where a sweep's notices go)."""
        found: dict[str, tuple[str | None, str]] = {}
        ids = list(dict.fromkeys(inquiry_ids))
        for start in range(0, len(ids), 500):
            stmt = select(InquiryRow.id, InquiryRow.region_id, InquiryRow.platform).where(
                InquiryRow.id.in_(ids[start:start + 500]))
            found.update({str(i): (region, str(platform)) for i, region, platform in await self.session.execute(stmt)})
        return found

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

    async def append_events(self, inquiry_id: str, events: Sequence[HistoryEvent]) -> None:
        """Several events that name their holders, in one statement (an executemany, no ORM objects)."""
        if not events:
            return
        rows = []
        for event in events:
            if event.holder is None:
                raise ValueError("append_events needs each event's holder; append_event reads it from the inquiry")
            rows.append({"inquiry_id": inquiry_id, "at": event.at, "actor_id": event.actor_id, "kind": event.kind,
                         "data": event.data, "holder_id": event.holder.person_id,
                         "holder_department_id": event.holder.department_id, "holder_due_at": event.holder.due_at})
        await run_core(self.session, _INSERT_EVENT, rows)  # Core: one executemany

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
