"""Sweep and count cost against a large history: N stored inquiries, a few hundred due tonight, each job beside
its floor (its own main query, alone).

    python -m bench.sweep -n 10000 1000000 [--rounds 5] [--database-url postgresql+asyncpg://...]

Each size is seeded, then ANALYZEd (so plans are those a database with statistics picks). Each round runs every
job body inside a transaction that is rolled back (so it can run again) and its floor query, interleaved;
the figures are medians. The point: the 23:59 sweep and the count posts read through indexes, so their time
follows what is due today, not how much is stored. Limits (issue 13): followup_sweep <= 150 ms, and at
1,000,000 stored <= 2x its time at 10,000; the counts jobs at 1,000,000 <= 2x their time at 10,000.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from datetime import UTC, timedelta

from sqlalchemy import event, insert, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.common import close_app, local, make_app, peak_rss_mb
from bot.clock import FrozenClock
from bot.rules.inquiry import Status
from bot.services.jobs import BODIES, SlotRun
from storage.tables import InquiryRow

DUE_TONIGHT = 300
UNROUTED = 10
SLOT = (2026, 11, 23, 23, 59)


def row(n: int, forwarded: object, status: str, due: object, followed: object) -> dict[str, object]:
    return {
        "id": f"INQ-2026-{n:06d}", "seq": 2026_000_000 + n, "status": status, "region_id": "latam",
        "department_id": "trade1", "assignee_id": ("zhang", "zhou", "wu")[n % 3], "specialist_id": "li",
        "platform": "slack", "received_at": forwarded, "forwarded_at": forwarded, "due_at": due,
        "followed_up_at": followed, "transfers": 0, "country": "BR", "email": f"c{n}@example.com.br",
    }


async def seed(engine: AsyncEngine, n: int) -> None:
    tonight = local(*SLOT).astimezone(UTC)
    async with engine.begin() as conn:
        rows = []
        for i in range(1, n + 1):
            if i > n - DUE_TONIGHT:
                rows.append(row(i, tonight - timedelta(hours=8), "assigned", tonight, None))
            elif i <= UNROUTED:  # a few never routed, as in life (their number does not grow with the history)
                rows.append(row(i, tonight - timedelta(days=40 + i % 300), "unassigned", None, None))
            else:
                old = tonight - timedelta(days=30 + i % 300)
                rows.append(row(i, old, "followed_up", old + timedelta(hours=14), old + timedelta(hours=2)))
            if len(rows) == 5000:
                await conn.execute(insert(InquiryRow), rows)
                rows = []
        if rows:
            await conn.execute(insert(InquiryRow), rows)
        await conn.execute(text("ANALYZE"))


async def floor_query(engine: AsyncEngine, job: str) -> None:
    """The job's own main query, alone: what the database needs to find tonight's work."""
    slot = local(*SLOT)
    async with engine.connect() as conn:
        if job == "followup_sweep":
            stmt = InquiryRow.__table__.select().where(
                InquiryRow.status.in_([Status.ASSIGNED.value, Status.ACKNOWLEDGED.value]),
                InquiryRow.due_at <= slot, InquiryRow.due_at > slot - timedelta(days=8))
        else:
            start = local(2026, 11, 23, 0, 0)
            stmt = InquiryRow.__table__.select().where(InquiryRow.forwarded_at >= start,
                                                       InquiryRow.forwarded_at < start + timedelta(days=1))
        (await conn.execute(stmt)).all()


async def one_size(database_url: str | None, n: int, rounds: int) -> dict[str, tuple[float, float, int]]:
    clock = FrozenClock(local(*SLOT))
    app = await make_app(database_url, clock)
    started = time.perf_counter()
    await seed(app.engine, n)
    print(f"seeded {n} on {app.engine.dialect.name} in {time.perf_counter() - started:.1f} s (then ANALYZE)")
    statements: list[str] = []
    event.listen(app.engine.sync_engine, "before_cursor_execute", lambda *_a: statements.append(""))
    jobs = {"followup_sweep": local(*SLOT), "counts_night": local(2026, 11, 23, 21, 45),
            "counts_evening": local(2026, 11, 23, 18, 30)}
    took: dict[str, list[float]] = {}
    floors: dict[str, list[float]] = {}
    counted: dict[str, int] = {}
    for _ in range(rounds):
        for name, at in jobs.items():
            clock.set(at)
            began = time.perf_counter()
            before = len(statements)
            async with app.ctx.uow() as uow:
                await BODIES[name](app.ctx, uow, SlotRun(name, at, False))  # rolled back: runs again next round
            took.setdefault(name, []).append(time.perf_counter() - began)
            counted[name] = len(statements) - before
            began = time.perf_counter()
            await floor_query(app.engine, name)
            floors.setdefault(name, []).append(time.perf_counter() - began)
    await close_app(app)
    return {name: (statistics.median(took[name]), statistics.median(floors[name]), counted[name]) for name in jobs}


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, nargs="+", default=[10_000, 1_000_000])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    args = parser.parse_args()
    results = {n: await one_size(args.database_url, n, args.rounds) for n in args.n}
    smallest = min(args.n)
    print(f"medians of {args.rounds} rounds, {DUE_TONIGHT} due tonight; each job beside its own query")
    for n, figures in results.items():
        for name, (job, floor, count) in figures.items():
            growth = job / results[smallest][name][0]
            print(f"{name:<15} {n:>8} stored: {job * 1000:7.1f} ms ({count} statements) = {job / floor:5.1f}x its "
                  f"query ({floor * 1000:.1f} ms); {growth:.2f}x its time at {smallest}")
    print(f"peak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    asyncio.run(main())
