"""Ack times of a real `inquirybot serve`: signed Slack forwards and Telegram forwards (each one a new inquiry,
committed before the answer) at two loads, each beside a floor measured in the same run at the same load: the
same server answering GET /healthz (one database read, no write).

    python -m bench.acks [--database-url postgresql+asyncpg://postgres@127.0.0.1:5432/test]
                         [--clients 50] [--per-client 20] [--rate 20] [--seconds 30]

Loads: `clients` clients each sending `per-client` requests back to back (the next one as soon as the previous
is answered); then a steady `rate` requests per second for `seconds` seconds (sent on schedule, whether or not
earlier ones were answered). Targets (issue 12): back to back p99 < 500 ms and max < 1 s; steady p99 < 100 ms.

The load generator shares the machine with the server, so it is kept cheap: every request is built and signed
before its load starts, and written as raw HTTP/1.1 on a keep-alive connection (one per back-to-back client);
the answer's status line, headers and body are read and nothing else is parsed. Each line prints this
process's CPU per request ("client cpu"; it includes the fake Slack and Telegram servers the dispatcher
sends to) and the serve process's ("server cpu", all its threads, the dispatcher's sends included): on a shared
machine the times swing with other work, the CPU per request much less. httpx is used only to wait for the
server and for the backlog between loads.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import statistics
import time
from collections import deque
from collections.abc import Callable
from urllib.parse import urlsplit

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
TRANSPORT_ERRORS = (OSError, asyncio.IncompleteReadError, ValueError)

Build = Callable[[int], bytes]  # request number -> the whole HTTP/1.1 request, ready to write


def request(method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None) -> bytes:
    """Host is not checked by the server, so every request names the same one."""
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if method != "GET":
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def slack_forward(n: int) -> bytes:
    now = time.time()
    ts, original = f"{now:.6f}", f"{now - 600:.6f}"
    event = shared_message_event(SLACK_LI, SLACK_INTAKE, ts, TEXTS[n % len(TEXTS)].format(n=n), original, "U0D")
    body = json.dumps(event_callback(event, event_id=f"EvAck{n:08d}")).encode()
    return request("POST", "/slack/events", body, signed_headers(SIGNING_SECRET, body))


def telegram_forward(n: int) -> bytes:
    update = forwarded_message_update(n, TELEGRAM_INTAKE, TELEGRAM_LI, TEXTS[n % len(TEXTS)].format(n=n),
                                      message_id=n, date=int(time.time()), origin=origin_user(50_000 + n % 1000))
    headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
    return request("POST", "/telegram/webhook", json.dumps(update).encode(), headers)


def health(_n: int) -> bytes:
    return request("GET", "/healthz")


def forward(n: int) -> bytes:
    """Slack and Telegram in turn."""
    return (slack_forward if n % 2 else telegram_forward)(n)


class Connection:
    """One keep-alive HTTP/1.1 connection: write a request, read the status line, the headers and the body."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer
        self.open = True

    @classmethod
    async def to(cls, url: str) -> Connection:
        where = urlsplit(url)
        return cls(*await asyncio.open_connection(where.hostname, where.port))

    async def exchange(self, raw: bytes) -> int:
        self.writer.write(raw)
        status = int((await self.reader.readuntil(b"\r\n")).split(b" ", 2)[1])
        length, chunked = 0, False
        while (line := await self.reader.readuntil(b"\r\n")) != b"\r\n":
            name, _, value = line.partition(b":")
            name, value = name.strip().lower(), value.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding":
                chunked = value == b"chunked"
            elif name == b"connection" and value == b"close":
                self.open = False
        if chunked:
            while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                await self.reader.readexactly(size + 2)
            await self.reader.readuntil(b"\r\n")
        else:
            await self.reader.readexactly(length)
        return status

    def close(self) -> None:
        self.open = False
        self.writer.close()


class Pool:
    """Idle connections to reuse; a request that finds none opens a new one (steady load: a late answer does
    not hold back the next request)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.idle: deque[Connection] = deque()
        self.opened: list[Connection] = []

    async def take(self) -> Connection:
        while self.idle:
            connection = self.idle.popleft()  # the longest idle first: every kept connection stays warm
            if not connection.reader.at_eof():  # the server closes a connection idle for 5 s
                return connection
            connection.close()
        connection = await Connection.to(self.url)
        self.opened.append(connection)
        return connection

    def give_back(self, connection: Connection) -> None:
        if connection.open:
            self.idle.append(connection)

    def close(self) -> None:
        for connection in self.opened:
            connection.close()


class Timings:
    def __init__(self) -> None:
        self.seconds: list[float] = []
        self.statuses: dict[int | str, int] = {}
        self.cpu = 0.0  # this process's CPU seconds over the whole load (the generator and the fake platforms)
        self.server_cpu = 0.0  # the serve process's CPU seconds over the same time

    async def time(self, pool: Pool, raw: bytes) -> None:
        started = time.perf_counter()
        connection: Connection | None = None
        try:
            connection = await pool.take()
            status: int | str = await connection.exchange(raw)
        except TRANSPORT_ERRORS as error:
            status = type(error).__name__
            if connection is not None:
                connection.close()
        self.seconds.append(time.perf_counter() - started)
        self.statuses[status] = self.statuses.get(status, 0) + 1
        if connection is not None:
            pool.give_back(connection)

    def line(self, label: str) -> str:
        ms = sorted(s * 1000 for s in self.seconds)
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        return (f"{label:34} n={len(ms):5d} p50 {statistics.median(ms):7.1f} ms  p99 {p99:7.1f} ms  "
                f"max {ms[-1]:7.1f} ms  client cpu {self.cpu / len(ms) * 1000:5.2f} ms/req  "
                f"server cpu {self.server_cpu / len(ms) * 1000:5.2f} ms/req  "
                f"answers {self.statuses}")


async def back_to_back(server: Served, build: Build, clients: int, each: int, numbers: itertools.count[int],
                       ) -> Timings:
    """Each client owns one connection (opened before the clock starts) and its requests, built and signed
    before the clock starts."""
    timings = Timings()
    requests = [[build(next(numbers)) for _ in range(each)] for _ in range(clients)]
    pools = [Pool(server.url) for _ in range(clients)]
    for pool in pools:
        pool.give_back(await pool.take())

    async def client(pool: Pool, mine: list[bytes]) -> None:
        for raw in mine:
            await timings.time(pool, raw)

    cpu, server_cpu = time.process_time(), server.cpu_seconds()
    await asyncio.gather(*(client(pool, mine) for pool, mine in zip(pools, requests, strict=True)))
    timings.cpu, timings.server_cpu = time.process_time() - cpu, server.cpu_seconds() - server_cpu
    for pool in pools:
        pool.close()
    return timings


async def steady(server: Served, build: Build, rate: float, seconds: float, numbers: itertools.count[int],
                 ) -> Timings:
    timings = Timings()
    requests = [build(next(numbers)) for _ in range(int(rate * seconds))]
    pool = Pool(server.url)
    tasks: list[asyncio.Task[None]] = []
    cpu, server_cpu = time.process_time(), server.cpu_seconds()
    started = time.perf_counter()
    for index, raw in enumerate(requests):
        await asyncio.sleep(max(0.0, started + index / rate - time.perf_counter()))
        tasks.append(asyncio.create_task(timings.time(pool, raw)))
    await asyncio.gather(*tasks)
    timings.cpu, timings.server_cpu = time.process_time() - cpu, server.cpu_seconds() - server_cpu
    pool.close()
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
