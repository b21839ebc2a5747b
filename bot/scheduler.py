"""APScheduler 3 in the org time zone, with one trigger that asks bot.rules.slots when each job fires.

Only one process schedules: on PostgreSQL the leader holds an advisory lock on a dedicated connection (it is
released when the process dies or the database restarts; the leader notices and steps down); SQLite is
single-process by definition. Every run still goes through the slot guard, so a second scheduler by mistake
would do nothing twice.
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
LEADER_CHECK_SECONDS = 5.0  # how often the leader makes sure its lock session is still there
LEADER_RETRY_FIRST, LEADER_RETRY_MAX = 1.0, 15.0  # a follower's backoff between tries for the lock
SLOT_RETRY_FIRST, SLOT_RETRY_MAX = 5.0, 300.0  # a failed slot is tried again at this backoff
HOLDS_LOCK = ("SELECT count(*) > 0 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() "
              "AND granted AND objid = :k")


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
    """Schedules while it leads. The leader checks every few seconds (and before each run) that its lock session
    is alive and steps down when it is not; a follower tries again for ever, with backoff; a slot whose run
    failed (the database was down) is tried again until it runs or leaves the 24-hour catch-up window."""

    def __init__(self, ctx: Context, dispatcher: Dispatcher, engine: AsyncEngine) -> None:
        self.ctx = ctx
        self.dispatcher = dispatcher
        self.engine = engine
        self.aps = AsyncIOScheduler(
            timezone=ctx.tz, job_defaults={"coalesce": True, "misfire_grace_time": 3600, "max_instances": 1}
        )
        self._lock_connection: AsyncConnection | None = None
        self._watcher: asyncio.Task[None] | None = None
        self._retrying: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()
        self._checking = asyncio.Lock()
        self.leading = False  # read by /healthz and /metrics

    def add_jobs(self) -> None:
        for name in sorted(BODIES):
            self.aps.add_job(self._fire, trigger=SlotTrigger(name, self.ctx), args=[name], id=name, name=name,
                             replace_existing=True)

    async def _fire(self, name: str) -> None:
        if not await self.check_leadership():
            return  # the lock went with the session: whoever leads now runs (or catches up on) this slot
        try:
            outcome = await fire(self.ctx, name)
        except Exception:
            metrics.job_failed(name)
            log.exception("job %s failed; trying its slot again until it runs (24 h catch-up window)", name)
            self._retry_missed()
            return
        if outcome.status == "done":
            self.dispatcher.wakeup.set()

    async def start(self) -> None:
        """Become the leader now if the lock is free, and keep watching: lead, step down, or try again."""
        self._stopping.clear()
        if await self._try_lead_safely():
            await self._begin()
        if not self.leading:
            log.info("another process schedules jobs (or the database is down); trying again with backoff")
        self._watcher = asyncio.create_task(self._watch(), name="scheduler-leadership")

    async def _watch(self) -> None:
        delay = LEADER_RETRY_FIRST
        while not self._stopping.is_set():
            await _pause(self._stopping, LEADER_CHECK_SECONDS if self.leading else delay)
            if self._stopping.is_set():
                return
            if self.leading:
                await self.check_leadership()
            elif await self._try_lead_safely():
                await self._begin()
            delay = LEADER_RETRY_FIRST if self.leading else min(delay * 2, LEADER_RETRY_MAX)

    async def _begin(self) -> None:
        """Catch up on missed slots, then fire on time; a database failure here means stepping down again."""
        self.leading = True
        metrics.leadership(True)
        try:
            await mark_started(self.ctx)
            outcomes = await catch_up(self.ctx)
        except Exception:
            log.exception("could not catch up after taking the lead; stepping down to try again")
            await self._step_down()
            return
        if outcomes:
            log.info("caught up on %d missed slots", len(outcomes))
            self.dispatcher.wakeup.set()
        if not self.aps.running:
            self.add_jobs()
            self.aps.start()
        else:
            self.aps.resume()
        log.info("this process schedules jobs")

    async def check_leadership(self) -> bool:
        """True while the lock session is alive and holds the lock; otherwise step down (never two leaders)."""
        if not self.leading:
            return False
        if self.engine.dialect.name != "postgresql":
            return True
        try:
            async with self._checking:  # one query at a time on the lock session (the watcher and a firing job)
                connection = self._lock_connection
                assert connection is not None
                held = (await asyncio.wait_for(connection.execute(text(HOLDS_LOCK), {"k": LEADER_LOCK}),
                                               timeout=LEADER_CHECK_SECONDS)).scalar()
                await connection.commit()  # never idle in a transaction; the session-level lock stays
        except Exception as error:
            log.warning("the scheduler lock session is gone (%s); stepping down", type(error).__name__)
            held = False
        if not held:
            await self._step_down()
        return bool(held)

    async def _step_down(self) -> None:
        if self.aps.running:
            self.aps.pause()
        if self.leading:
            self.leading = False
            metrics.leadership(False)
        await self._drop_lock_connection()

    async def _drop_lock_connection(self) -> None:
        connection, self._lock_connection = self._lock_connection, None
        if connection is not None:
            with contextlib.suppress(Exception):
                await connection.invalidate()  # end the session so the lock goes with it

    def _retry_missed(self) -> None:
        if self._retrying is None or self._retrying.done():
            self._retrying = asyncio.create_task(self._retry_until_caught_up(), name="scheduler-retry")

    async def _retry_until_caught_up(self) -> None:
        """Run the slots that failed once the database answers again (catch-up skips what is done or older
        than 24 h); the leader that takes over after a step-down catches up on its own."""
        delay = SLOT_RETRY_FIRST
        while not self._stopping.is_set() and self.leading:
            await _pause(self._stopping, delay)
            if self._stopping.is_set() or not await self.check_leadership():
                return
            try:
                outcomes = await catch_up(self.ctx)
            except Exception as error:
                log.warning("missed slots still cannot run (%s); next try in %.0fs", type(error).__name__, delay)
                delay = min(delay * 2, SLOT_RETRY_MAX)
                continue
            if outcomes:
                log.info("ran %d slots that had failed", len(outcomes))
                self.dispatcher.wakeup.set()
            return

    async def _try_lead_safely(self) -> bool:
        try:
            return await self.try_lead()
        except Exception as error:
            log.warning("cannot try for scheduler leadership (%s); trying again later", type(error).__name__)
            return False

    async def try_lead(self) -> bool:
        if self.engine.dialect.name != "postgresql":
            return True
        connection = await self.engine.connect()
        try:
            result = await connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": LEADER_LOCK})
            won = bool(result.scalar())
            await connection.commit()
        except Exception:
            await connection.invalidate()
            raise
        if won:
            await self._drop_lock_connection()
            self._lock_connection = connection  # kept open: closing the session is what releases the lock
        else:
            await connection.close()
        return won

    async def stop(self) -> None:
        self._stopping.set()
        for task in (self._watcher, self._retrying):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        if self.aps.running:
            self.aps.shutdown(wait=False)
        if self.leading:
            self.leading = False
            metrics.leadership(False)
        await self._drop_lock_connection()


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)
