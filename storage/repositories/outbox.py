"""The outbox: rows written with the change that caused them, claimed by lane under a lease.

A lane is one destination: its rows go out in order, and one worker at a time holds it. A claim is a lease
on the database's clock (never a process clock, so replicas whose clocks disagree, or `jobs run --at` a
future time, cannot take rows a live worker is sending); the worker renews it while it sends, and the rows of
a worker that died are claimable again once the lease runs out.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import String, and_, bindparam, cast, exists, func, insert, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from bot.outbound import Outbound, Target
from storage.database import dialect_of, run_core
from storage.tables import OutboxRow, table_of

# Built once, values as parameters: every message sent runs these (the ORM's execute path and rebuilding a
# statement cost ~0.35 ms each, see storage.database.run_core). Parameter names avoid the SET columns' names.
_O = table_of(OutboxRow)
_INSERT = insert(_O)
_PG_NOW = text("SELECT clock_timestamp(), clock_timestamp() - pg_postmaster_start_time()")
_SQLITE_NOW = text("SELECT strftime('%Y-%m-%d %H:%M:%f', 'now')")
_ATTEMPT = (update(_O).where(_O.c.id == bindparam("item"), _O.c.claimed_by == bindparam("worker"),
                             _O.c.status == "sending")
            .values(attempted_at=bindparam("at"), lease_until=bindparam("until")).returning(_O.c.id))
_SENT = (update(_O).where(_O.c.id == bindparam("item"))
         .values(status="sent", sent_at=bindparam("sent"), delivery=bindparam("refs"), error=None,
                 lease_until=bindparam("until")))

LEASE = timedelta(seconds=15)
PACE = timedelta(seconds=1.1)  # a sent row keeps its lane from other workers this long: one chat's pace
CLAIM_LOCK = 0x1E0_B08  # PostgreSQL: claimers take turns, so two workers never pick the same lane at once


LaneOf = Callable[[dict[str, Any]], str]


def lane_of(target: dict[str, Any]) -> str:
    """The destination a target stands for when nothing better is known, whatever thread (replies in
    different threads share the channel's pace). The running bot passes `lanes` that resolve the target to the
    chats it reaches (see bot.bootstrap), so two targets reaching one DM share its lane and pace."""
    return lane_key(json.dumps({k: v for k, v in target.items() if k != "thread"}, sort_keys=True))


def lane_key(destination: str) -> str:
    return hashlib.sha1(destination.encode()).hexdigest()


@dataclass(frozen=True)
class DatabaseClock:
    """The database's now, and whether it has been up long enough for every live worker to have renewed its
    leases (after a database restart every lease looks expired, yet their workers may be alive)."""

    now: datetime
    settled: bool


async def database_clock(session: AsyncSession, lease: timedelta = LEASE) -> DatabaseClock:
    if dialect_of(session) == "postgresql":
        row = (await run_core(session, _PG_NOW)).one()
        return DatabaseClock(row[0].astimezone(UTC), row[1] >= lease)
    raw = (await run_core(session, _SQLITE_NOW)).scalar_one()
    return DatabaseClock(datetime.fromisoformat(str(raw)).replace(tzinfo=UTC), True)


@dataclass(frozen=True)
class OutboxItem:
    id: int
    message: Outbound
    attempts: int
    created_at: datetime
    delivered: dict[str, dict[str, Any]]  # platforms already sent on an earlier attempt
    attempted: bool = False  # an earlier attempt may have sent it: look on the platform before sending again
    lane: str = ""


def _item(row: OutboxRow) -> OutboxItem:
    message = Outbound(
        key=row.key, target=Target.from_json(row.target), data=dict(row.data), inquiry_id=row.inquiry_id
    )
    return OutboxItem(id=row.id, message=message, attempts=row.attempts, created_at=row.created_at,
                      delivered=dict(row.delivery or {}), attempted=row.attempted_at is not None,
                      lane=row.lane or "")


PERSONAL = ("name", "company", "email", "phone")


def _without_customer(value: Any, inquiry_id: str) -> Any:
    """A copy of message data in which the erased inquiry's `customer` block has its personal fields blanked."""
    if isinstance(value, dict):
        mine = value.get("id") == inquiry_id
        return {k: ({**v, **dict.fromkeys(PERSONAL)} if mine and k == "customer" and isinstance(v, dict)
                    else _without_customer(v, inquiry_id)) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_customer(v, inquiry_id) for v in value]
    return value


def _due(now: datetime, clock: DatabaseClock) -> ColumnElement[bool]:
    """Pending rows whose time has come (bot clock), and rows whose lease ran out (database clock)."""
    expired = and_(OutboxRow.status == "sending",
                   or_(OutboxRow.lease_until.is_(None), OutboxRow.lease_until <= clock.now))
    waiting = and_(OutboxRow.status == "pending", OutboxRow.next_attempt_at <= now)
    return or_(waiting, expired) if clock.settled else waiting


class OutboxRepository:
    def __init__(self, session: AsyncSession, lanes: LaneOf | None = None) -> None:
        self.session = session
        self.lanes = lanes or lane_of
        self.added = 0

    async def add_many(self, messages: list[Outbound], now: datetime) -> None:
        """Several messages in one statement (an executemany, no ORM objects): what one change queues."""
        if not messages:
            return
        self.added += len(messages)
        await run_core(self.session, _INSERT, [  # Core: one executemany, no ORM execute path
            {"created_at": now, "key": m.key, "data": m.data, "target": m.target.as_json(),
             "inquiry_id": m.inquiry_id, "status": "pending", "attempts": 0, "next_attempt_at": now,
             "lane": self.lanes(m.target.as_json())}
            for m in messages
        ])

    async def add(self, message: Outbound, now: datetime) -> None:
        self.added += 1
        self.session.add(
            OutboxRow(
                created_at=now,
                key=message.key,
                data=message.data,
                target=message.target.as_json(),
                inquiry_id=message.inquiry_id,
                status="pending",
                attempts=0,
                next_attempt_at=now,
                lane=self.lanes(message.target.as_json()),
            )
        )

    async def claim(
        self, worker: str, now: datetime, limit: int = 100, *, per_lane: int | None = None,
        lease: timedelta = LEASE, paced: bool = False,
    ) -> list[OutboxItem]:
        """Lease up to `limit` due rows (`per_lane` at most from one lane) of lanes no live worker holds and,
        when `paced`, none has sent to within its pace. `now` is the bot's clock and says which retries are
        due; leases are judged on the database's clock."""
        if dialect_of(self.session) == "postgresql":
            await self.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": CLAIM_LOCK})
        clock = await database_clock(self.session, lease)
        due = _due(now, clock)
        other = aliased(OutboxRow)
        held = other.status == "sending"
        if clock.settled:
            held = held & (other.lease_until > clock.now)
        if paced:  # a destination another worker has just sent to waits out its pace (that worker's pacer knows it)
            held = held | ((other.status == "sent") & (other.lease_until > clock.now) & (other.claimed_by != worker))
        free_lane = ~exists().where(other.lane == OutboxRow.lane, held)
        rank = func.row_number().over(partition_by=OutboxRow.lane, order_by=OutboxRow.id).label("rank")
        candidates = select(OutboxRow.id, rank).where(due, free_lane).subquery()
        chosen = select(candidates.c.id).order_by(candidates.c.id).limit(limit)
        if per_lane is not None:
            chosen = chosen.where(candidates.c.rank <= per_lane)
        stmt = (
            update(OutboxRow)
            .where(OutboxRow.id.in_(chosen.scalar_subquery()), due)  # `due` again: a racing claimer lost
            .values(status="sending", claimed_by=worker, claimed_at=clock.now, lease_until=clock.now + lease,
                    attempts=OutboxRow.attempts + 1)
            .returning(OutboxRow)
            .execution_options(synchronize_session=False)
        )
        rows = (await self.session.execute(stmt)).scalars().all()
        return sorted((_item(r) for r in rows), key=lambda i: i.id)

    async def claim_more(
        self, worker: str, lane: str, now: datetime, limit: int, lease: timedelta = LEASE
    ) -> list[OutboxItem]:
        """The next due rows of a lane this worker holds: the lane stays with one worker (and its pace) while
        it has work, instead of falling free between two batches for another replica to pick up mid-pace."""
        clock = await database_clock(self.session, lease)
        chosen = (select(OutboxRow.id).where(OutboxRow.lane == lane, OutboxRow.status == "pending",
                                              OutboxRow.next_attempt_at <= now)
                  .order_by(OutboxRow.id).limit(limit))
        stmt = (
            update(OutboxRow)
            .where(OutboxRow.id.in_(chosen.scalar_subquery()), OutboxRow.status == "pending")
            .values(status="sending", claimed_by=worker, claimed_at=clock.now, lease_until=clock.now + lease,
                    attempts=OutboxRow.attempts + 1)
            .returning(OutboxRow)
            .execution_options(synchronize_session=False)
        )
        rows = (await self.session.execute(stmt)).scalars().all()
        return sorted((_item(r) for r in rows), key=lambda i: i.id)

    async def attempt(self, item_id: int, worker: str, lease: timedelta = LEASE) -> bool:
        """Mark a row as attempted (committed before the send) while it is still ours; False when another
        worker took it over, which then sends it."""
        clock = await database_clock(self.session, lease)
        ours = await run_core(self.session, _ATTEMPT, {"item": item_id, "worker": worker, "at": clock.now,
                                                       "until": clock.now + lease})
        return ours.first() is not None

    async def mark_sent(self, item_id: int, now: datetime, delivery: dict[str, Any]) -> None:
        clock = await database_clock(self.session)
        await run_core(self.session, _SENT, {"item": item_id, "sent": now, "refs": delivery,
                                             "until": clock.now + PACE})

    async def mark_retry(
        self, item_id: int, error: str, next_attempt_at: datetime, delivered: dict[str, Any] | None = None
    ) -> None:
        await self._set(item_id, status="pending", error=error, next_attempt_at=next_attempt_at,
                        delivery=delivered or None, lease_until=None)

    async def mark_failed(
        self, item_id: int, error: str, now: datetime, delivered: dict[str, Any] | None = None
    ) -> None:
        """A permanent failure: kept with its reason, never retried, reported by the dispatcher."""
        await self._set(item_id, status="failed", error=error, sent_at=None, claimed_at=now,
                        delivery=delivered or None, lease_until=None)

    async def renew(self, worker: str, lease: timedelta = LEASE) -> set[int]:
        """Extend every lease `worker` holds, on the database's clock; returns the ids that are still ours (a
        worker cut off from the database longer than its lease may have lost some to another)."""
        clock = await database_clock(self.session, lease)
        stmt = (
            update(OutboxRow)
            .where(OutboxRow.claimed_by == worker, OutboxRow.status == "sending")
            .values(lease_until=clock.now + lease)
            .returning(OutboxRow.id)
            .execution_options(synchronize_session=False)
        )
        return {int(i) for i in (await self.session.execute(stmt)).scalars()}

    async def release(self, item_ids: list[int], worker: str) -> None:
        """Hand back rows not attempted yet (a stopping worker): due at once for whoever claims next."""
        if not item_ids:
            return
        await self.session.execute(
            update(OutboxRow)
            .where(OutboxRow.id.in_(item_ids), OutboxRow.claimed_by == worker, OutboxRow.status == "sending",
                   OutboxRow.attempted_at.is_(None))
            .values(status="pending", lease_until=None, attempts=OutboxRow.attempts - 1)
        )

    async def _set(self, item_id: int, **values: Any) -> None:
        await self.session.execute(update(OutboxRow).where(OutboxRow.id == item_id).values(**values))

    async def scrub_customer(self, inquiry_id: str) -> int:
        """Erasure reaches the outbox too: no queued or sent message keeps the inquiry's customer details,
        including reminders and digests that list several inquiries."""
        mentions = or_(OutboxRow.inquiry_id == inquiry_id, cast(OutboxRow.data, String).contains(inquiry_id))
        rows = (await self.session.execute(select(OutboxRow).where(mentions))).scalars()
        changed = 0
        for row in rows:
            data = _without_customer(row.data, inquiry_id)
            if data != row.data:
                row.data = data
                changed += 1
        return changed

    async def pending_count(self) -> int:
        stmt = select(func.count()).select_from(OutboxRow).where(OutboxRow.status.in_(("pending", "sending")))
        return int((await self.session.execute(stmt)).scalar_one())

    async def backlog(self) -> list[tuple[dict[str, Any], str, int]]:
        """Rows not sent (pending, sending, failed), counted in SQL per destination and status."""
        target_text = cast(OutboxRow.target, String)
        stmt = (
            select(target_text, OutboxRow.status, func.count())
            .where(OutboxRow.status.in_(("pending", "sending", "failed")))
            .group_by(target_text, OutboxRow.status)
        )
        return [(json.loads(t), str(status), int(n)) for t, status, n in (await self.session.execute(stmt)).all()]

    async def rows(self, status: str | None = None) -> list[tuple[OutboxItem, str, str | None]]:
        """Items with their status and error, for tests and `inquirybot outbox` style inspection."""
        stmt = select(OutboxRow).order_by(OutboxRow.id)
        if status:
            stmt = stmt.where(OutboxRow.status == status)
        return [(_item(r), r.status, r.error) for r in (await self.session.execute(stmt)).scalars()]
