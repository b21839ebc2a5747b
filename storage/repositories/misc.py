"""Small tables: id sequences, the round-robin pointer, processed inbound events, the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.database import insert_once, prepared, run_core
from storage.tables import AssignmentPointerRow, AuditRow, ProcessedEventRow, SequenceRow, table_of


def _sequence_upsert(insert: Any) -> Any:
    """A new sequence starts at the count taken; an existing one moves on by it (`excluded` is the count)."""
    stmt = insert(table_of(SequenceRow))
    return stmt.on_conflict_do_update(index_elements=[SequenceRow.name, SequenceRow.year],
                                      set_={"last": SequenceRow.last + stmt.excluded.last}).returning(SequenceRow.last)


def _pointer_upsert(insert: Any) -> Any:
    stmt = insert(table_of(AssignmentPointerRow))
    return stmt.on_conflict_do_update(index_elements=[AssignmentPointerRow.department_id],
                                      set_={"last_person_id": stmt.excluded.last_person_id,
                                            "updated_at": stmt.excluded.updated_at})


class SequenceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def next(self, name: str, year: int) -> int:
        """The next number of a yearly sequence in one upsert; its row lock makes concurrent callers queue."""
        return (await self.take(name, year, 1))[0]

    async def take(self, name: str, year: int, count: int) -> list[int]:
        """The next `count` numbers of a yearly sequence, in order, in one upsert (a sweep's penalty ids)."""
        stmt = prepared(self.session, ("sequence_take",), _sequence_upsert)
        result = await run_core(self.session, stmt, {"name": name, "year": year, "last": count})
        last = int(result.scalar_one())
        return list(range(last - count + 1, last + 1))


class PointerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def set(self, department_id: str, person_id: str, now: datetime) -> None:
        """Move the pointer in one upsert (read, and locked on PostgreSQL, by `AwayRepository.pointer_and_leave`)."""
        stmt = prepared(self.session, ("pointer_set",), _pointer_upsert)
        await run_core(self.session, stmt, {"department_id": department_id, "last_person_id": person_id,
                                            "updated_at": now})


class ProcessedEventRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def claim(self, key: str, now: datetime) -> bool:
        """True the first time a delivery key is seen; False for a retry or re-delivery."""
        return await insert_once(self.session, ProcessedEventRow, ProcessedEventRow.key, key=key, at=now)


class AuditRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(
        self, now: datetime, actor: str, action: str, target: str | None, outcome: str, **detail: Any
    ) -> None:
        self.session.add(AuditRow(at=now, actor=actor, action=action, target=target, outcome=outcome, detail=detail))

    async def exists(self, action: str, target: str) -> bool:
        stmt = select(AuditRow.id).where(AuditRow.action == action, AuditRow.target == target).limit(1)
        return (await self.session.execute(stmt)).first() is not None

    async def entries(self, target: str | None = None) -> list[dict[str, Any]]:
        stmt = select(AuditRow).order_by(AuditRow.id)
        if target:
            stmt = stmt.where(AuditRow.target == target)
        return [
            {"at": r.at, "actor": r.actor, "action": r.action, "target": r.target, "outcome": r.outcome,
             "detail": dict(r.detail)}
            for r in (await self.session.execute(stmt)).scalars()
        ]
