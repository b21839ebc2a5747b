"""Correctly signed but malformed Slack and Telegram requests against a real `inquirybot serve`: how many got 500
(must be 0 while the database is up), what the others got, and how many were kept in inbound_failures.

    python -m bench.poison -n 3000 [--seed 1] [--database-url postgresql+asyncpg://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import time

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bench.serving import WEBHOOK_SECRET, served
from tests.platforms.fakes.junk import malformed_requests

SLACK_PEOPLE = ["U01LI", "U07ZHANG", "U08ZHOU", "U0STRANGER"]
TELEGRAM_PEOPLE = [100001, 100007, 100009, 777]


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", default=None, help="PostgreSQL server to create a fresh database on; "
                        "default: a temporary SQLite file")
    args = parser.parse_args()
    answers: collections.Counter[str] = collections.Counter()
    by_kind: collections.Counter[tuple[str, str]] = collections.Counter()
    started = time.perf_counter()
    async with served(args.database_url) as server:
        for junk in malformed_requests(args.seed, args.n, slack_people=SLACK_PEOPLE, slack_channel="C0INTAKE",
                                       telegram_people=TELEGRAM_PEOPLE, telegram_chat=-1001000000001,
                                       telegram_secret=WEBHOOK_SECRET):
            try:
                status = str((await server.http.post(junk.path, content=junk.body, headers=junk.headers)).status_code)
            except httpx.TransportError as error:
                status = type(error).__name__
            answers[status] += 1
            by_kind[(junk.kind, status)] += 1
        healthy = (await server.http.get("/healthz")).status_code
        engine = create_async_engine(server.database_url)
        async with engine.connect() as connection:
            kept = (await connection.execute(text(
                "SELECT platform, count(*) FROM inbound_failures GROUP BY platform ORDER BY platform"))).all()
        await engine.dispose()
    elapsed = time.perf_counter() - started
    print(f"poison: {args.n} signed malformed requests (seed {args.seed}) in {elapsed:.0f} s on "
          f"{'PostgreSQL' if args.database_url else 'SQLite'}")
    print(f"  answers: {dict(sorted(answers.items()))}; 500s: {answers['500']} (must be 0); healthz after: {healthy}")
    print(f"  kept in inbound_failures: {dict((p, c) for p, c in kept)}")
    for (kind, status), count in sorted(by_kind.items()):
        print(f"    {kind:22} {status:>20} {count:5d}")


if __name__ == "__main__":
    asyncio.run(main())
