"""Leave recorded in chat (`/inq away`)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.org.model import AwayPeriod
from storage.tables import AwayRow


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
