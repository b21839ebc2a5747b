"""Scheduled jobs: one guarded path for every slot, whoever fires it (scheduler, catch-up, `jobs run`)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import import_module

from bot import metrics
from bot.rules.slots import JOBS as SCHEDULES
from bot.rules.slots import latest_slot, slot_key, slots_between
from bot.services.all_jobs import BODY_PATHS
from bot.services.context import Context
from bot.worker import worker_name
from storage.repositories.jobs import SCHEDULER_MARK
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

CATCH_UP_WINDOW = timedelta(hours=24)
STALE_SLOT = timedelta(hours=24)  # `jobs run --at`: a slot older than this before --at needs --force
LATE_AFTER = timedelta(minutes=5)
SKIP_LOG_WINDOW = timedelta(days=7)


@dataclass(frozen=True)
class SlotRun:
    """One run of one job: the instant it stands for, and whether it runs after its time."""

    job: str
    slot: datetime
    late: bool


JobBody = Callable[[Context, UnitOfWork, SlotRun], Awaitable[str]]


class _Bodies(Mapping[str, JobBody]):
    """Job name -> body, imported from its dotted path (bot.services.all_jobs) the first time it is asked for."""

    def __getitem__(self, name: str) -> JobBody:
        module, _, attribute = BODY_PATHS[name].partition(":")
        body: JobBody = getattr(import_module(module), attribute)
        return body

    def __iter__(self) -> Iterator[str]:
        return iter(BODY_PATHS)

    def __len__(self) -> int:
        return len(BODY_PATHS)


BODIES: Mapping[str, JobBody] = _Bodies()


def job(name: str) -> Callable[[JobBody], JobBody]:
    """Mark the body of a scheduled job; names are those of SPEC section 8, each listed in all_jobs.BODY_PATHS."""
    if name not in SCHEDULES or name not in BODY_PATHS:
        raise ValueError(f"{name} has no schedule in bot.rules.slots or no path in bot.services.all_jobs")

    def mark(body: JobBody) -> JobBody:
        return body

    return mark


@dataclass(frozen=True)
class Outcome:
    job: str
    slot: str
    status: str  # "done" | "already_done" | "no_slot" | "too_old"
    summary: str = ""
    at: datetime | None = None  # the slot's instant, when there is one


async def run_slot(ctx: Context, name: str, slot: datetime, *, late: bool) -> Outcome:
    """Claim the slot and do its work in one transaction: a second run, a restart or a replica does nothing."""
    key = slot_key(slot, ctx.tz)
    body = BODIES[name]
    async with ctx.uow() as uow:
        if not await uow.jobs.claim(name, key, worker_name(), ctx.now(), late):
            metrics.job_ran(name, "already_done")
            return Outcome(name, key, "already_done", at=slot)
        summary = await body(ctx, uow, SlotRun(name, slot, late))
        await uow.jobs.finish(name, key, ctx.now())
        await uow.commit()
    metrics.job_ran(name, "done")
    log.info("job %s slot %s done%s: %s", name, key, " (late)" if late else "", summary)
    return Outcome(name, key, "done", summary, at=slot)


async def run_at(
    ctx: Context, name: str, at: datetime, *, sent_at: datetime | None = None, force: bool = True
) -> Outcome:
    """`jobs run JOB --at T`: the job's latest slot at or before T; late if it goes out (`sent_at`, else T)
    well after its time. Without `force`, a slot more than 24 h before T is refused ("too_old"): an operator
    asking for 1 October must not get August's ledger extracts by accident."""
    slot = latest_slot(name, at, ctx.tz, ctx.org.schedule, ctx.calendar)
    if slot is None:
        return Outcome(name, "", "no_slot")
    if not force and at - slot > STALE_SLOT:
        return Outcome(name, slot_key(slot, ctx.tz), "too_old", at=slot)
    return await run_slot(ctx, name, slot, late=(sent_at or at) - slot > LATE_AFTER)


async def fire(ctx: Context, name: str) -> Outcome:
    """What the scheduler calls when a job's time comes."""
    return await run_at(ctx, name, ctx.now())


async def catch_up(ctx: Context) -> list[Outcome]:
    """After downtime: run each missed slot of the last 24 h once (marked late); log and skip older ones."""
    now = ctx.now()
    async with ctx.uow() as uow:
        first = await uow.jobs.first_claim()
    if first is None:
        return []  # a new database: nothing was ever scheduled, so nothing was missed
    outcomes = []
    since = max(first, now - SKIP_LOG_WINDOW)
    for name in sorted(BODIES):
        missed = slots_between(name, since, now, ctx.tz, ctx.org.schedule, ctx.calendar)
        async with ctx.uow() as uow:
            done = await uow.jobs.done_slots(name, [slot_key(s, ctx.tz) for s in missed])
        for slot in missed:
            if slot_key(slot, ctx.tz) in done:
                continue
            if now - slot > CATCH_UP_WINDOW:
                log.warning("skipping missed slot %s of %s: older than 24 h", slot_key(slot, ctx.tz), name)
                continue
            outcomes.append(await run_slot(ctx, name, slot, late=now - slot > LATE_AFTER))
    return outcomes


async def mark_started(ctx: Context) -> None:
    """Remember when scheduling began, so the first start never "catches up" on a past it never had."""
    async with ctx.uow() as uow:
        if not await uow.jobs.scheduler_started():
            await uow.jobs.claim(SCHEDULER_MARK, slot_key(ctx.now(), ctx.tz), worker_name(), ctx.now(), False)
            await uow.commit()
