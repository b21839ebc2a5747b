"""The outbox: rows written with the change that caused them, claimed atomically by any dispatcher."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import String, cast, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.outbound import Outbound, Target
from storage.database import dialect_of
from storage.tables import OutboxRow, table_of

STALE_CLAIM = timedelta(minutes=5)


@dataclass(frozen=True)
class OutboxItem:
    id: int
    message: Outbound
    attempts: int
    created_at: datetime
    delivered: dict[str, dict[str, Any]]  # platforms already sent on an earlier attempt


def _item(row: OutboxRow) -> OutboxItem:
    message = Outbound(
        key=row.key, target=Target.from_json(row.target), data=dict(row.data), inquiry_id=row.inquiry_id
    )
    return OutboxItem(id=row.id, message=message, attempts=row.attempts, created_at=row.created_at,
                      delivered=dict(row.delivery or {}))


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


class OutboxRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.added = 0

    async def add_many(self, messages: list[Outbound], now: datetime) -> None:
        """Several messages in one statement (an executemany, no ORM objects): what one change queues."""
        if not messages:
            return
        self.added += len(messages)
        await self.session.execute(insert(table_of(OutboxRow)), [  # Core: one executemany
            {"created_at": now, "key": m.key, "data": m.data, "target": m.target.as_json(),
             "inquiry_id": m.inquiry_id, "status": "pending", "attempts": 0, "next_attempt_at": now}
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
            )
        )

    async def claim(self, worker: str, now: datetime, limit: int = 50) -> list[OutboxItem]:
        """Mark up to `limit` due rows as ours in one statement; a row is claimed by one worker only."""
        due = (
            select(OutboxRow.id)
            .where(
                or_(
                    (OutboxRow.status == "pending") & (OutboxRow.next_attempt_at <= now),
                    (OutboxRow.status == "sending") & (OutboxRow.claimed_at < now - STALE_CLAIM),
                )
            )
            .order_by(OutboxRow.id)
            .limit(limit)
        )
        if dialect_of(self.session) == "postgresql":
            due = due.with_for_update(skip_locked=True)
        stmt = (
            update(OutboxRow)
            .where(OutboxRow.id.in_(due.scalar_subquery()))
            .values(status="sending", claimed_by=worker, claimed_at=now, attempts=OutboxRow.attempts + 1)
            .returning(OutboxRow)
            .execution_options(synchronize_session=False)
        )
        rows = (await self.session.execute(stmt)).scalars().all()
        return sorted((_item(r) for r in rows), key=lambda i: i.id)

    async def mark_sent(self, item_id: int, now: datetime, delivery: dict[str, Any]) -> None:
        await self._set(item_id, status="sent", sent_at=now, delivery=delivery, error=None)

    async def mark_retry(
        self, item_id: int, error: str, next_attempt_at: datetime, delivered: dict[str, Any] | None = None
    ) -> None:
        await self._set(item_id, status="pending", error=error, next_attempt_at=next_attempt_at,
                        delivery=delivered or None)

    async def mark_failed(
        self, item_id: int, error: str, now: datetime, delivered: dict[str, Any] | None = None
    ) -> None:
        """A permanent failure: kept with its reason, never retried, reported by the dispatcher."""
        await self._set(item_id, status="failed", error=error, sent_at=None, claimed_at=now,
                        delivery=delivered or None)

    async def renew(self, item_ids: list[int], worker: str, now: datetime) -> set[int]:
        """Push the claim time forward so a long paced round is not mistaken for a crash; returns the ids that
        are still ours (a worker that stalled past the stale limit may have lost some to another)."""
        stmt = (
            update(OutboxRow)
            .where(OutboxRow.id.in_(item_ids), OutboxRow.claimed_by == worker, OutboxRow.status == "sending")
            .values(claimed_at=now)
            .returning(OutboxRow.id)
            .execution_options(synchronize_session=False)
        )
        return {int(i) for i in (await self.session.execute(stmt)).scalars()}

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
