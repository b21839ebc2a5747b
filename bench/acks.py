"""Ack times of a real `inquirybot serve`: signed Slack forwards and Telegram forwards (each one a new inquiry,
committed before the answer) at two loads, each beside a floor measured in the same run at the same load: the
same server answering GET /healthz (one database read, no write).

    python -m bench.acks [--database-url postgresql+asyncpg://postgres@127.0.0.1:5432/test]
                         [--clients 50] [--per-client 20] [--rate 20] [--seconds 30]

Loads: `clients` clients each sending `per-client` requests back to back (the next one as soon as the previous
is answered); then a steady `rate` requests per second for `seconds` seconds (sent on schedule, whether or not
earlier ones were answered). Targets (issue 12): back to back p99 < 500 ms and max < 1 s; steady p99 < 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import statistics
import time
from collections.abc import Awaitable, Callable

import httpx

from bench.serving import WEBHOOK_SECRET, Served, served
from tests.platforms.fakes.signing import SIGNING_SECRET, event_callback, shared_message_event, signed_headers
from tests.platforms.fakes.telegram_updates import forwarded_message_update, origin_user

SLACK_INTAKE, SLACK_LI = "C0INTAKE", "U01LI"
TELEGRAM_INTAKE, TELEGRAM_LI = -1001000000001, 100001
TEXTS = (
    "RFQ from Dubai, tel +971 50 1{n:06d}, ahmed{n}@gulf-lab.ae, need 3 units of HPLC",
    "Hello, this is Carlos from Minera Andina, Lima, Peru. We need {n} XRF analysers. carlos{n}@minera.pe",
    "Запрос: спектрофотометр, тел. +7 495 1{n:06d}, ivan{n}@lab-tech.ru",
    "Anfrage über die Website: Herr Müller, mueller{n}@labor.de, +49 30 1{n:06d}",
)

Send = Callable[[httpx.AsyncClient, int], Awaitable[int]]


async def slack_forward(http: httpx.AsyncClient, n: int) -> int:
    now = time.time()
    ts, original = f"{now:.6f}", f"{now - 600:.6f}"
    event = shared_message_event(SLACK_LI, SLACK_INTAKE, ts, TEXTS[n % len(TEXTS)].format(n=n), original, "U0D")
    body = json.dumps(event_callback(event, event_id=f"EvAck{n:08d}"))
    return (await http.post("/slack/events", content=body, headers=signed_headers(SIGNING_SECRET, body))).status_code


async def telegram_forward(http: httpx.AsyncClient, n: int) -> int:
    update = forwarded_message_update(n, TELEGRAM_INTAKE, TELEGRAM_LI, TEXTS[n % len(TEXTS)].format(n=n),
                                      message_id=n, date=int(time.time()), origin=origin_user(50_000 + n % 1000))
    headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
    return (await http.post("/telegram/webhook", json=update, headers=headers)).status_code


async def health(http: httpx.AsyncClient, _n: int) -> int:
    return (await http.get("/healthz")).status_code


async def forward(http: httpx.AsyncClient, n: int) -> int:
    """Slack and Telegram in turn."""
    return await (slack_forward if n % 2 else telegram_forward)(http, n)


class Timings:
    def __init__(self) -> None:
        self.seconds: list[float] = []
        self.statuses: dict[int | str, int] = {}

    async def time(self, send: Send, http: httpx.AsyncClient, n: int) -> None:
        started = time.perf_counter()
        try:
            status: int | str = await send(http, n)
        except httpx.TransportError as error:
            status = type(error).__name__
        self.seconds.append(time.perf_counter() - started)
        self.statuses[status] = self.statuses.get(status, 0) + 1

    def line(self, label: str) -> str:
        ms = sorted(s * 1000 for s in self.seconds)
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        return (f"{label:34} n={len(ms):5d} p50 {statistics.median(ms):7.1f} ms  p99 {p99:7.1f} ms  "
                f"max {ms[-1]:7.1f} ms  answers {self.statuses}")


def client_for(server: Served) -> httpx.AsyncClient:
    """A fresh client per load: no keep-alive connection the server closed while the previous load settled."""
    return httpx.AsyncClient(base_url=server.url, timeout=30,
                             limits=httpx.Limits(max_connections=200, max_keepalive_connections=200))


async def back_to_back(server: Served, send: Send, clients: int, each: int, numbers: itertools.count[int],
                       ) -> Timings:
    timings = Timings()
    async with client_for(server) as http:

        async def client() -> None:
            for _ in range(each):
                await timings.time(send, http, next(numbers))

        await asyncio.gather(*(client() for _ in range(clients)))
    return timings


async def steady(server: Served, send: Send, rate: float, seconds: float, numbers: itertools.count[int],
                 ) -> Timings:
    timings = Timings()
    tasks: list[asyncio.Task[None]] = []
    async with client_for(server) as http:
        started = time.perf_counter()
        for index in range(int(rate * seconds)):
            await asyncio.sleep(max(0.0, started + index / rate - time.perf_counter()))
            tasks.append(asyncio.create_task(timings.time(send, http, next(numbers))))
        await asyncio.gather(*tasks)
    return timings


async def settle(server: Served) -> None:
    """Let the dispatcher catch up between loads, so one load's sends do not land in the next one's figures."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        body = (await server.http.get("/healthz")).json()
        if not body.get("outbox_pending"):
            return
        await asyncio.sleep(1)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=None, help="PostgreSQL server to create a fresh database on; "
                        "default: a temporary SQLite file")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--per-client", type=int, default=20)
    parser.add_argument("--rate", type=float, default=20.0)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    numbers = itertools.count(1)
    async with served(args.database_url) as server:
        await back_to_back(server, forward, 5, 4, numbers)  # warm up: imports, caches, connections
        await settle(server)
        floor_b2b = await back_to_back(server, health, args.clients, args.per_client, numbers)
        b2b = await back_to_back(server, forward, args.clients, args.per_client, numbers)
        await settle(server)
        floor_steady = await steady(server, health, args.rate, args.seconds, numbers)
        steady_run = await steady(server, forward, args.rate, args.seconds, numbers)
    where = "PostgreSQL" if args.database_url else "SQLite"
    print(f"acks on {where}: Slack and Telegram forwards in turn, each a new inquiry committed before the answer")
    print("load average at the end (1, 5, 15 min): " + ", ".join(f"{load:.2f}" for load in os.getloadavg())
          + " (on 2 cores; another benchmark or test run at the same time distorts both)")
    print(floor_b2b.line(f"floor {args.clients} clients b2b (healthz)"))
    print(b2b.line(f"{args.clients} clients back to back"))
    print("  target: p99 < 500 ms and max < 1000 ms")
    print(floor_steady.line(f"floor {args.rate:.0f}/s steady (healthz)"))
    print(steady_run.line(f"{args.rate:.0f} req/s steady"))
    print("  target: p99 < 100 ms")


if __name__ == "__main__":
    asyncio.run(main())
