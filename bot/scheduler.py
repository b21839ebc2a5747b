"""APScheduler 3 in the org time zone, with one trigger that asks bot.rules.slots when each job fires.

Only one process schedules: on PostgreSQL the leader holds an advisory lock on a dedicated connection (it is
released when the process dies); SQLite is single-process by definition. Every run still goes through the
slot guard, so a second scheduler by mistake would do nothing twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.base import BaseTrigger
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot import metrics
from bot.notifiers.dispatcher import Dispatcher
from bot.rules.slots import next_slot
from bot.services.context import Context
from bot.services.jobs import BODIES, catch_up, fire, mark_started

log = logging.getLogger(__name__)

LEADER_LOCK = 0x1E0_B07  # any constant shared by all replicas
LEADER_RETRY_SECONDS = 30.0


class SlotTrigger(BaseTrigger):  # type: ignore[misc]
    """Fires at the job's slots as bot.rules.slots defines them (working days, Nth working day, ...)."""

    def __init__(self, job: str, ctx: Context) -> None:
        self.job = job
        self.ctx = ctx

    def get_next_fire_time(self, previous_fire_time: datetime | None, now: datetime) -> datetime | None:
        after = previous_fire_time if previous_fire_time is not None else now - timedelta(microseconds=1)
        return next_slot(self.job, after, self.ctx.tz, self.ctx.org.schedule, self.ctx.calendar)

    def __str__(self) -> str:
        return f"slots[{self.job}]"


class Scheduler:
    def __init__(self, ctx: Context, dispatcher: Dispatcher, engine: AsyncEngine) -> None:
        self.ctx = ctx
        self.dispatcher = dispatcher
        self.engine = engine
        self.aps = AsyncIOScheduler(
            timezone=ctx.tz, job_defaults={"coalesce": True, "misfire_grace_time": 3600, "max_instances": 1}
        )
        self._lock_connection: AsyncConnection | None = None
        self._waiter: asyncio.Task[None] | None = None
        self.leading = False  # read by /healthz and /metrics

    def add_jobs(self) -> None:
        for name in sorted(BODIES):
            self.aps.add_job(self._fire, trigger=SlotTrigger(name, self.ctx), args=[name], id=name, name=name,
                             replace_existing=True)

    async def _fire(self, name: str) -> None:
        try:
            outcome = await fire(self.ctx, name)
        except Exception:
            metrics.job_failed(name)
            log.exception("job %s failed; the slot stays open for `inquirybot jobs run`", name)
            return
        if outcome.status == "done":
            self.dispatcher.wakeup.set()

    async def start(self) -> None:
        """Become the leader (or wait to), then catch up on missed slots and start firing."""
        if await self.try_lead():
            await self._begin()
        else:
            log.info("another process schedules jobs; retrying leadership every %.0fs", LEADER_RETRY_SECONDS)
            self._waiter = asyncio.create_task(self._wait_for_leadership())

    async def _begin(self) -> None:
        self.leading = True
        metrics.leadership(True)
        await mark_started(self.ctx)
        outcomes = await catch_up(self.ctx)
        if outcomes:
            log.info("caught up on %d missed slots", len(outcomes))
            self.dispatcher.wakeup.set()
        self.add_jobs()
        self.aps.start()

    async def _wait_for_leadership(self) -> None:
        while True:
            await asyncio.sleep(LEADER_RETRY_SECONDS)
            if await self.try_lead():
                break
        await self._begin()

    async def try_lead(self) -> bool:
        if self.engine.dialect.name != "postgresql":
            return True
        connection = await self.engine.connect()
        won = bool((await connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": LEADER_LOCK})).scalar())
        if won:
            self._lock_connection = connection  # kept open: closing the session is what releases the lock
        else:
            await connection.close()
        return won

    async def stop(self) -> None:
        if self._waiter is not None:
            self._waiter.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._waiter
        if self.aps.running:
            self.aps.shutdown(wait=False)
        if self.leading:
            self.leading = False
            metrics.leadership(False)
        if self._lock_connection is not None:
            await self._lock_connection.invalidate()  # end the session so the lock goes with it
            self._lock_connection = None
