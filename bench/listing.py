"""`inquirybot inquiries list --json` at 5,000 and 100,000 stored, beside `inquiries show` (the floor).

    python -m bench.listing [--sizes 5000 100000] [--rounds 3]

Each stored inquiry has two history events (received, assigned), like a fresh ingest. The databases are seeded
with bulk inserts, then each round runs `show` and `list --json` on every size, interleaved; medians are
printed. Limits (issue 13): at 100,000 <= 3 s; at 5,000 <= 1.5x `inquiries show`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, timedelta

from bench.cli import ROOT, timed


async def seed(url: str, n: int) -> None:
    from sqlalchemy import insert

    from bench.common import local, make_app
    from bench.sweep import row
    from bot.clock import FrozenClock
    from storage.tables import InquiryEventRow, InquiryRow

    app = await make_app(url, FrozenClock(local(2026, 11, 23, 9, 0)))
    start = local(2026, 1, 5, 9, 0).astimezone(UTC)
    async with app.engine.begin() as conn:
        for first in range(1, n + 1, 5000):
            inquiries, events = [], []
            for i in range(first, min(first + 5000, n + 1)):
                at = start + timedelta(minutes=i)
                inquiries.append(row(i, at, "assigned", at + timedelta(hours=14), None))
                holder = {"holder_id": ("zhang", "zhou", "wu")[i % 3], "holder_department_id": "trade1",
                          "holder_due_at": at + timedelta(hours=14)}
                events.append({"inquiry_id": f"INQ-2026-{i:06d}", "at": at, "actor_id": "li", "kind": "received",
                               "data": {"platform": "slack", "region": "latam", "routed_by": "phone"}, **holder})
                events.append({"inquiry_id": f"INQ-2026-{i:06d}", "at": at, "actor_id": None, "kind": "assigned",
                               "data": {"to": holder["holder_id"], "previous": None}, **holder})
            await conn.execute(insert(InquiryRow), inquiries)
            await conn.execute(insert(InquiryEventRow), events)
    await app.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 100_000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed:
        asyncio.run(seed(args.seed[0], int(args.seed[1])))
        return
    folder = tempfile.mkdtemp()
    urls = {n: f"sqlite+aiosqlite:///{folder}/list{n}.db" for n in args.sizes}
    for n, url in urls.items():
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bench.listing", "--seed", url, str(n)], check=True, cwd=ROOT)
        print(f"seeded {n} inquiries ({2 * n} events) in {time.perf_counter() - started:.1f} s")
    base = {**os.environ, "INQUIRYBOT_ORG": str(ROOT / "org.example.yaml"), "SLACK_BOT_TOKEN": "",
            "TELEGRAM_BOT_TOKEN": ""}
    cli = [sys.executable, "-m", "bot", "inquiries"]
    times: dict[str, list[float]] = {}
    peaks: dict[str, float] = {}
    for _ in range(args.rounds):
        for n, url in urls.items():
            env = {**base, "DATABASE_URL": url}
            for name, command in ((f"show (floor) at {n}", [*cli, "show", "INQ-2026-000002", "--json"]),
                                  (f"list --json at {n}", [*cli, "list", "--json"])):
                took, peak = timed(command, env)
                times.setdefault(name, []).append(took)
                peaks[name] = max(peaks.get(name, 0.0), peak)
    listed = subprocess.run([*cli, "list", "--json"], env={**base, "DATABASE_URL": urls[args.sizes[0]]},
                            capture_output=True, check=True, cwd=ROOT).stdout
    assert len(json.loads(listed)) == args.sizes[0]
    print(f"median of {args.rounds} interleaved rounds on SQLite (WAL); one query, streamed, one JSON object a line")
    for n in args.sizes:
        floor = statistics.median(times[f"show (floor) at {n}"])
        took = statistics.median(times[f"list --json at {n}"])
        limit = "limit 3 s" if n >= 100_000 else "limit 1.5x show"
        print(f"inquiries list --json, {n:>7} stored: {took:6.2f} s = {took / floor:5.2f}x `inquiries show` "
              f"({floor:.2f} s); peak RSS {peaks[f'list --json at {n}']:.0f} MB ({limit})")


if __name__ == "__main__":
    main()
