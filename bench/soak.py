"""Memory soak: N ingests with the outbox draining (every message rendered and "sent" by the shell notifier),
RSS sampled as it goes, tracemalloc snapshots after warm-up and at the end.

    python -m bench.soak -n 50000 [--database-url postgresql+asyncpg://...]   (a shorter -n 5000 takes minutes)

Prints RSS at each tenth, the growth over the second half (limit, issue 13: <= 5 %, flat after warm-up), and
the allocation sites that grew most between the snapshots, so a leak names its line.
"""

from __future__ import annotations

import asyncio
import gc
import os
import time
import tracemalloc
from datetime import timedelta

from bench.common import arguments, close_app, local, make_app
from bench.ingest import sample
from bot.clock import FrozenClock
from bot.services.intake import IntakeMessage, ingest

PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def rss_mb() -> float:
    """Resident memory now (not the peak)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE_MB


async def main() -> None:
    args = arguments(__doc__ or "", 50_000)
    clock = FrozenClock(local(2026, 11, 23, 9, 0))
    app = await make_app(args.database_url, clock)
    li = app.org.person("li")
    assert li is not None
    tenth = max(1, args.n // 10)
    samples: list[tuple[int, float]] = []
    first_snapshot: tracemalloc.Snapshot | None = None
    started = time.perf_counter()
    for n in range(1, args.n + 1):
        clock.advance(timedelta(seconds=20))
        await ingest(IntakeMessage("slack", li, sample(n), clock.now(), message_key=f"slack:C0INTAKE:{n}",
                                   delivery_key=f"slack-event:Ev{n}"), ctx=app.ctx)
        if n % 10 == 0:
            await app.dispatcher.drain()
        if n % tenth == 0:
            gc.collect()
            samples.append((n, rss_mb()))
            print(f"{n:>7} ingests: RSS {samples[-1][1]:6.1f} MB "
                  f"({(time.perf_counter() - started) / n * 1000:.1f} ms each)", flush=True)
            if n == tenth:  # warm-up over: every cache and pool has been filled once
                tracemalloc.start(1)  # one frame: the line that allocated (deeper traces slow every ingest)
                first_snapshot = tracemalloc.take_snapshot()
    await app.dispatcher.drain()
    gc.collect()
    last = tracemalloc.take_snapshot()
    half = samples[len(samples) // 2 - 1][1]
    end = samples[-1][1]
    print(f"RSS after warm-up {samples[0][1]:.1f} MB, at half-way {half:.1f} MB, at the end {end:.1f} MB: "
          f"{(end - half) / half * 100:+.1f} % over the second half (limit +5 %); "
          f"traced Python memory now {tracemalloc.get_traced_memory()[0] / 1024 / 1024:.1f} MB")
    assert first_snapshot is not None
    print("grew most between the snapshots (after warm-up -> end):")
    for stat in last.compare_to(first_snapshot, "lineno")[:12]:
        print(f"  {stat.size_diff / 1024:+9.1f} KiB {stat.count_diff:+7d} blocks  {stat.traceback[0]}")
    await close_app(app)


if __name__ == "__main__":
    asyncio.run(main())
