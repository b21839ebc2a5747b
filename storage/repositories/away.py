"""Leave recorded in chat (`/inq away`)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import literal, null, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from bot.org.model import AwayPeriod
from storage.database import dialect_of
from storage.tables import AssignmentPointerRow, AwayRow

Leave = dict[str, tuple[AwayPeriod, ...]]  # recorded leave by person


class AwayRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, person_id: str, start: date, end: date, delegate: str | None, by: str, now: datetime) -> None:
        self.session.add(AwayRow(person_id=person_id, start=start, end=end, delegate_id=delegate, created_by=by,
                                 created_at=now))

    async def periods(self, on: date | None = None) -> dict[str, tuple[AwayPeriod, ...]]:
        """Recorded leave by person; only the periods covering `on` when given (ingest needs one day, and the
        table only grows)."""
        found: dict[str, list[AwayPeriod]] = defaultdict(list)
        stmt = select(AwayRow).order_by(AwayRow.id)
        if on is not None:
            stmt = stmt.where(AwayRow.start <= on, AwayRow.end >= on)
        for row in (await self.session.execute(stmt)).scalars():
            found[row.person_id].append(AwayPeriod(row.start, row.end, row.delegate_id))
        return {person: tuple(periods) for person, periods in found.items()}

    async def pointer_and_leave(self, department_id: str, on: date) -> tuple[str | None, Leave]:
        """The department's round-robin pointer and the leave covering `on`, as ingest needs them.

        On SQLite one statement reads both (writers take turns, so no row lock is needed); on PostgreSQL the
        pointer is read FOR UPDATE, which a UNION does not allow, so there it is two statements.
        """
        if dialect_of(self.session) != "sqlite":
            locked = select(AssignmentPointerRow.last_person_id).where(
                AssignmentPointerRow.department_id == department_id).with_for_update()
            return (await self.session.execute(locked)).scalar_one_or_none(), await self.periods(on=on)
        leave = select(literal("away").label("kind"), AwayRow.person_id, AwayRow.start, AwayRow.end,
                       AwayRow.delegate_id).where(AwayRow.start <= on, AwayRow.end >= on)
        pointer = select(literal("pointer"), AssignmentPointerRow.last_person_id, null(), null(), null()).where(
            AssignmentPointerRow.department_id == department_id)
        last: str | None = None
        found: dict[str, list[AwayPeriod]] = defaultdict(list)
        for row in (await self.session.execute(union_all(leave, pointer))).mappings():
            if row["kind"] == "pointer":
                last = row["person_id"]
            else:
                found[row["person_id"]].append(AwayPeriod(row["start"], row["end"], row["delegate_id"]))
        return last, {person: tuple(periods) for person, periods in found.items()}
