"""What an operator asks of a running process: is the database there, what waits in the outbox, when did
each job last succeed. Read from the database at the moment of asking, so every replica tells the same story."""

from __future__ import annotations

from collections import Counter
from collections.abc import Set
from dataclasses import dataclass, field
from datetime import datetime

from bot.notifiers.addressing import resolve
from bot.outbound import Target
from bot.services.context import Context


@dataclass(frozen=True)
class Backlog:
    """Outbox rows not sent yet (pending and being sent) and given up on (failed), per platform."""

    pending: int
    failed: int
    pending_by_platform: dict[str, int] = field(default_factory=dict)
    failed_by_platform: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Snapshot:
    backlog: Backlog
    last_success: dict[str, datetime]


async def snapshot(ctx: Context, platforms: Set[str]) -> Snapshot:
    """One read transaction; a database that is down raises, and the caller says so."""
    async with ctx.uow() as uow:
        rows = await uow.outbox.backlog()
        last = await uow.jobs.last_done()
    return Snapshot(backlog_of(ctx, rows, platforms), last)


def backlog_of(ctx: Context, rows: list[tuple[dict[str, object], str, int]], platforms: Set[str]) -> Backlog:
    """SQL counted rows per destination; the destination's platform is the one the dispatcher would pick."""
    pending: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    for target, status, count in rows:
        try:
            addresses = resolve(ctx.org, Target.from_json(dict(target)), platforms)
        except TypeError:  # a row written by a newer version with fields this one does not know
            addresses = []
        names = sorted({a.platform for a in addresses}) or ["none"]
        bucket = failed if status == "failed" else pending
        for name in names:
            bucket[name] += count
    total_pending = sum(n for _t, status, n in rows if status != "failed")
    total_failed = sum(n for _t, status, n in rows if status == "failed")
    return Backlog(total_pending, total_failed, dict(pending), dict(failed))
