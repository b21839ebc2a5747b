"""Sweep and count cost against a large history: N stored inquiries, a few hundred due tonight.

    python -m bench.sweep -n 50000 [--database-url postgresql+asyncpg://...]

The point: the 23:59 sweep and the count posts read through indexes, so their time follows what is due
today, not how much is stored.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, timedelta

from sqlalchemy import insert

from bench.common import arguments, close_app, local, make_app, peak_rss_mb
from bot.clock import FrozenClock
from bot.services.jobs import run_at
from storage.tables import InquiryRow

DUE_TONIGHT = 300


def row(n: int, forwarded: object, status: str, due: object, followed: object) -> dict[str, object]:
    return {
        "id": f"INQ-2026-{n:06d}", "seq": 2026_000_000 + n, "status": status, "region_id": "latam",
        "department_id": "trade1", "assignee_id": ("zhang", "zhou", "wu")[n % 3], "specialist_id": "li",
        "platform": "slack", "received_at": forwarded, "forwarded_at": forwarded, "due_at": due,
        "followed_up_at": followed, "transfers": 0, "country": "BR", "email": f"c{n}@example.com.br",
    }


async def seed(app_engine: object, n: int) -> None:
    from sqlalchemy.ext.asyncio import AsyncEngine

    assert isinstance(app_engine, AsyncEngine)
    tonight = local(2026, 11, 23, 23, 59).astimezone(UTC)
    rows = []
    for i in range(1, n + 1):
        if i > n - DUE_TONIGHT:
            rows.append(row(i, tonight - timedelta(hours=8), "assigned", tonight, None))
        else:
            old = tonight - timedelta(days=30 + i % 300)
            rows.append(row(i, old, "followed_up", old + timedelta(hours=14), old + timedelta(hours=2)))
    async with app_engine.begin() as conn:
        for start in range(0, len(rows), 5000):
            await conn.execute(insert(InquiryRow), rows[start:start + 5000])


async def main() -> None:
    args = arguments(__doc__ or "", 50_000)
    clock = FrozenClock(local(2026, 11, 23, 23, 59))
    app = await make_app(args.database_url, clock)
    await seed(app.engine, args.n)
    for job, at in (("followup_sweep", local(2026, 11, 23, 23, 59)), ("counts_night", local(2026, 11, 23, 21, 45))):
        started = time.perf_counter()
        outcome = await run_at(app.ctx, job, at)
        elapsed = time.perf_counter() - started
        print(f"{job}: {elapsed * 1000:.0f} ms with {args.n} stored, {DUE_TONIGHT} due — {outcome.summary}")
    print(f"peak RSS {peak_rss_mb():.0f} MB on {app.engine.dialect.name}")
    await close_app(app)


if __name__ == "__main__":
    asyncio.run(main())
