"""Leave recorded in chat (`/inq away`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import CompoundSelect, bindparam, literal, null, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from bot.org.model import AwayPeriod
from storage.database import dialect_of, run_core
from storage.tables import AssignmentPointerRow, AwayRow

Leave = dict[str, tuple[AwayPeriod, ...]]  # recorded leave by person

# Built once, values as parameters: ingest reads these for every inquiry (bench.ingest).
_LEAVE = select(AwayRow.person_id, AwayRow.start, AwayRow.end, AwayRow.delegate_id)
_COVERS_ON = (AwayRow.start <= bindparam("on"), AwayRow.end >= bindparam("on"))
_ALL_LEAVE = _LEAVE.order_by(AwayRow.id)
_LEAVE_ON = _LEAVE.where(*_COVERS_ON).order_by(AwayRow.id)
_POINTER_LOCKED = select(AssignmentPointerRow.last_person_id).where(
    AssignmentPointerRow.department_id == bindparam("department_id")).with_for_update()
_POINTER_AND_LEAVE: CompoundSelect[Any] = union_all(
    select(literal("away").label("kind"), AwayRow.person_id, AwayRow.start, AwayRow.end, AwayRow.delegate_id)
    .where(*_COVERS_ON),
    select(literal("pointer"), AssignmentPointerRow.last_person_id, null(), null(), null())
    .where(AssignmentPointerRow.department_id == bindparam("department_id")),
)


class AwayRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, person_id: str, start: date, end: date, delegate: str | None, by: str, now: datetime) -> None:
        self.session.add(AwayRow(person_id=person_id, start=start, end=end, delegate_id=delegate, created_by=by,
                                 created_at=now))

    async def periods(self, on: date | None = None) -> Leave:
        """Recorded leave by person; only the periods covering `on` when given (ingest needs one day, and the
        table only grows)."""
        if on is None:
            return _by_person((await run_core(self.session, _ALL_LEAVE)).mappings())
        return _by_person((await run_core(self.session, _LEAVE_ON, {"on": on})).mappings())

    async def pointer_and_leave(self, department_id: str, on: date) -> tuple[str | None, Leave]:
        """The department's round-robin pointer and the leave covering `on`, as ingest needs them.

        On SQLite one statement reads both (writers take turns, so no row lock is needed); on PostgreSQL the
        pointer is read FOR UPDATE, which a UNION does not allow, so there it is two statements.
        """
        if dialect_of(self.session) != "sqlite":
            pointer = await run_core(self.session, _POINTER_LOCKED, {"department_id": department_id})
            return pointer.scalar_one_or_none(), await self.periods(on=on)
        rows = await run_core(self.session, _POINTER_AND_LEAVE, {"department_id": department_id, "on": on})
        last: str | None = None
        away = []
        for row in rows.mappings():
            if row["kind"] == "pointer":
                last = row["person_id"]
            else:
                away.append(row)
        return last, _by_person(away)


def _by_person(rows: Iterable[Mapping[str, Any]]) -> Leave:
    found: dict[str, list[AwayPeriod]] = defaultdict(list)
    for row in rows:
        found[row["person_id"]].append(AwayPeriod(row["start"], row["end"], row["delegate_id"]))
    return {person: tuple(periods) for person, periods in found.items()}
