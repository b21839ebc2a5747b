"""Scheduled-job runs: one row per (job, slot), claimed in the same transaction as the slot's work."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.database import insert_once
from storage.tables import JobRunRow


class JobRunRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def claim(self, job: str, slot: str, worker: str, now: datetime, late: bool) -> bool:
        """True for the one caller that gets the slot; a concurrent caller waits, then gets False."""
        return await insert_once(self.session, JobRunRow, JobRunRow.id, job=job, slot=slot, claimed_at=now,
                                 claimed_by=worker, late=late, status="running")

    async def finish(self, job: str, slot: str, now: datetime) -> None:
        await self.session.execute(
            update(JobRunRow).where(JobRunRow.job == job, JobRunRow.slot == slot)
            .values(status="done", finished_at=now)
        )

    async def done_slots(self, job: str, slots: list[str]) -> set[str]:
        if not slots:
            return set()
        stmt = select(JobRunRow.slot).where(JobRunRow.job == job, JobRunRow.slot.in_(slots))
        return {str(s) for s in (await self.session.execute(stmt)).scalars()}

    async def first_claim(self) -> datetime | None:
        """When this database first ran any job: catch-up never reaches back before the bot existed."""
        return (await self.session.execute(select(func.min(JobRunRow.claimed_at)))).scalar_one_or_none()

    async def runs(self, job: str | None = None) -> list[tuple[str, str, bool, str]]:
        stmt = select(JobRunRow.job, JobRunRow.slot, JobRunRow.late, JobRunRow.status).order_by(JobRunRow.id)
        if job:
            stmt = stmt.where(JobRunRow.job == job)
        return [(str(j), str(s), bool(late), str(st)) for j, s, late, st in (await self.session.execute(stmt)).all()]
