"""Scheduled-job runs: one row per (job, slot), claimed in the same transaction as the slot's work."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.database import insert_once
from storage.tables import JobRunRow

SCHEDULER_MARK = "_scheduler"  # a row claimed when a scheduler first starts on this database


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

    async def last_done_before(self, job: str, slot: str) -> str | None:
        """The newest finished slot of `job` before `slot` (keys sort as local wall-clock times)."""
        stmt = select(func.max(JobRunRow.slot)).where(JobRunRow.job == job, JobRunRow.slot < slot,
                                                      JobRunRow.status == "done")
        found = (await self.session.execute(stmt)).scalar_one_or_none()
        return str(found) if found is not None else None

    async def first_claim(self) -> datetime | None:
        """When scheduling began here (the scheduler's first start, else the first job run of any kind):
        catch-up and P7 never reach back before the bot existed. A back-filled `jobs run --at <past>` does
        not move this once the scheduler has started."""
        started = select(func.min(JobRunRow.claimed_at)).where(JobRunRow.job == SCHEDULER_MARK)
        found = (await self.session.execute(started)).scalar_one_or_none()
        if found is None:
            found = (await self.session.execute(select(func.min(JobRunRow.claimed_at)))).scalar_one_or_none()
        return found

    async def last_done(self) -> dict[str, datetime]:
        """When each job last finished a slot successfully (failed runs roll back and leave no row)."""
        stmt = (select(JobRunRow.job, func.max(JobRunRow.finished_at))
                .where(JobRunRow.status == "done", JobRunRow.job != SCHEDULER_MARK).group_by(JobRunRow.job))
        return {str(job): at for job, at in (await self.session.execute(stmt)).all() if at is not None}

    async def scheduler_started(self) -> bool:
        stmt = select(JobRunRow.id).where(JobRunRow.job == SCHEDULER_MARK).limit(1)
        return (await self.session.execute(stmt)).first() is not None

    async def runs(self, job: str | None = None) -> list[tuple[str, str, bool, str]]:
        stmt = select(JobRunRow.job, JobRunRow.slot, JobRunRow.late, JobRunRow.status).order_by(JobRunRow.id)
        if job:
            stmt = stmt.where(JobRunRow.job == job)
        return [(str(j), str(s), bool(late), str(st)) for j, s, late, st in (await self.session.execute(stmt)).all()]
