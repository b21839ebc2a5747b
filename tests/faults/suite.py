"""The fault suite: `serve` on PostgreSQL against the fake Slack and Telegram, under kill -9, a database
outage, two replicas with a leader kill, and a burst; returns the figures measured from outside.

Every wait is bounded in count and time; sizes come from a Plan (`SHORT` for CI, `FULL` for bench/faults.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import shutil
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import yaml
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.org.loader import load_org
from tests.conftest import EXAMPLE_ORG
from tests.platforms.fakes import FakeSlack, FakeTelegram

from .cluster import Cluster, pg_bin
from .figures import Figures, Window, measure
from .processes import Replica, serve_env
from .traffic import Traffic, make_event


@dataclass(frozen=True)
class Plan:
    kills: int
    kill_every: float  # seconds of traffic between two kills
    outage: float  # seconds the database is down
    stream_rate: float  # events per second during the fault phases
    burst: int  # inquiries sent at once at the end
    burst_concurrency: int = 20
    leader_kill: bool = True
    # Re-plan the count slots at the last kill so that one fires during the outage and the leader dies just
    # before the next (costs up to two minutes of waiting); otherwise the slots fall where they fall.
    align_slots: bool = False
    settle: float = 120.0  # at most this long for the outbox to empty at the end


# The stream stays under what one intake channel may carry (Slack 1/s, a Telegram group 20/min), so every
# delay measured after a fault is the fault's, not pacing's.
SHORT = Plan(kills=3, kill_every=3.0, outage=5.0, stream_rate=0.5, burst=24)
BURST = Plan(kills=0, kill_every=0.0, outage=0.0, stream_rate=0.5, burst=200, leader_kill=False, settle=420.0)
FULL = Plan(kills=20, kill_every=10.0, outage=30.0, stream_rate=0.5, burst=200, align_slots=True, settle=420.0)
SLOT_GAP = timedelta(minutes=2)
OUTAGE_BEFORE_SLOT = 10.0  # seconds: the database goes down this long before the slot it makes fail
KILL_BEFORE_SLOT = 3.0

Say = Callable[[str], None]


def fault_org(path: Path, first: datetime) -> list[datetime]:
    """The example org with its three daily count posts moved to minutes the suite runs through."""
    org = yaml.safe_load(EXAMPLE_ORG.read_text())
    slots = [first + SLOT_GAP * i for i in range(3)]
    org["schedule"]["counts"] = [s.astimezone(ZoneInfo(org["timezone"])).strftime("%H:%M") for s in slots]
    path.write_text(yaml.safe_dump(org, allow_unicode=True, sort_keys=False))
    return slots


@dataclass
class Schedule:
    """Which org file the replicas ran with, from when to when (its slots in that span are expected to run)."""

    org_file: Path
    since: datetime
    slots: list[datetime]
    until: datetime | None = None


async def pause_until(moment: datetime, at_most: float) -> None:
    await asyncio.sleep(max(0.0, min(moment.timestamp() - time.time(), at_most)))


def next_minute(after: float) -> datetime:
    moment = datetime.fromtimestamp(after, UTC).replace(second=0, microsecond=0)
    return moment + timedelta(minutes=1)


class Run:
    def __init__(self, plan: Plan, say: Say) -> None:
        self.plan = plan
        self.say = say
        self.windows: list[Window] = []
        self.workdir = Path(tempfile.mkdtemp(prefix="faults-"))
        self.numbers = itertools.count(1)
        self.schedules: list[Schedule] = []

    async def __call__(self) -> Figures:
        binaries = pg_bin()
        if binaries is None:
            raise RuntimeError("no PostgreSQL binaries under /usr/lib/postgresql/*/bin (initdb, pg_ctl)")
        cluster = Cluster(binaries)
        async with FakeSlack() as slack, FakeTelegram() as telegram:
            try:
                await cluster.create()
                return await self._run(cluster, slack, telegram)
            finally:
                await cluster.destroy()

    async def _run(self, cluster: Cluster, slack: FakeSlack, telegram: FakeTelegram) -> Figures:
        org_file = self.workdir / "org.yaml"
        slots = fault_org(org_file, next_minute(time.time() + 25))
        env = serve_env(cluster.url, org_file, slack, telegram)
        replicas = [Replica("one", env, self.workdir), Replica("two", env, self.workdir)]
        traffic = Traffic(replicas)
        await replicas[0].start()
        await replicas[0].wait_healthy()
        self.schedules = [Schedule(self.workdir / "org-0.yaml", datetime.now(UTC), slots)]
        shutil.copy(org_file, self.schedules[0].org_file)
        self.say(f"serve is up on {cluster.url}; count slots at {', '.join(f'{s:%H:%M}' for s in slots)} UTC")
        try:
            async with httpx.AsyncClient(timeout=10.0) as http:
                async with self._stream(http, traffic) as senders:
                    await self._kills(replicas[0], org_file)
                    if self.plan.outage:
                        await self._outage(cluster)
                    if self.plan.leader_kill:
                        await self._leader_kill(replicas)
                await asyncio.wait_for(asyncio.gather(*senders), timeout=traffic.give_up_after + 30)
                for replica in replicas:  # the burst meets two replicas
                    if not replica.alive:
                        await replica.start()
                        await replica.wait_healthy()
                await self._burst(http, traffic)
            await self._settle(cluster.url)
        finally:
            for replica in replicas:
                await replica.terminate()
        self.schedules[-1].until = datetime.now(UTC) - timedelta(seconds=20)
        spans = [(load_org(s.org_file), s.since, s.until or s.since) for s in self.schedules]
        figures = await measure(cluster.url, spans, slack, telegram, traffic, self.windows)
        figures.kills = self.plan.kills + 1
        figures.outage = self.plan.outage
        return figures

    @contextlib.asynccontextmanager
    async def _stream(self, http: httpx.AsyncClient, traffic: Traffic) -> AsyncIterator[list[asyncio.Task[None]]]:
        """Events at the plan's rate, Slack and Telegram in turn, each sent (and re-sent) on its own."""
        senders: list[asyncio.Task[None]] = []
        stop = asyncio.Event()

        async def produce() -> None:
            for n in self.numbers:
                if stop.is_set() or n > 100_000:
                    return
                event = make_event(n, "telegram" if n % 4 == 0 else "slack")
                senders.append(asyncio.create_task(traffic.send(http, event)))
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=1 / self.plan.stream_rate)

        producer = asyncio.create_task(produce())
        try:
            yield senders
        finally:
            stop.set()
            await producer

    async def _kills(self, replica: Replica, org_file: Path) -> None:
        for n in range(self.plan.kills):
            await asyncio.sleep(self.plan.kill_every)
            started = time.time()
            await replica.kill()
            if self.plan.align_slots and n == self.plan.kills - 1:
                self._replan(org_file)
            await replica.start()  # a process manager restarts it at once
            await replica.wait_healthy()
            self.windows.append(Window("kill", started, time.time()))
            self.say(f"kill -9 #{n + 1}: back in {time.time() - started:.1f} s")

    def _replan(self, org_file: Path) -> None:
        """New count slots: the next one falls in the outage, the one after just after the leader's death."""
        now = datetime.now(UTC)
        slots = fault_org(org_file, next_minute(time.time() + self.plan.kill_every + OUTAGE_BEFORE_SLOT + 15))
        self.schedules[-1].until = now
        self.schedules.append(Schedule(self.workdir / f"org-{len(self.schedules)}.yaml", now, slots))
        shutil.copy(org_file, self.schedules[-1].org_file)
        self.say(f"count slots moved to {', '.join(f'{s:%H:%M}' for s in slots)} UTC")

    async def _outage(self, cluster: Cluster) -> None:
        if self.plan.align_slots:
            await pause_until(self.schedules[-1].slots[0] - timedelta(seconds=OUTAGE_BEFORE_SLOT), 120.0)
        else:
            await asyncio.sleep(self.plan.kill_every)
        started = time.time()
        await cluster.stop()
        await asyncio.sleep(self.plan.outage)
        await cluster.start()
        self.windows.append(Window("outage", started, time.time()))
        self.say(f"database outage: {time.time() - started:.1f} s")

    async def _leader_kill(self, replicas: list[Replica]) -> None:
        """A second replica joins; the leader is killed (just before a slot when the plan says so)."""
        await replicas[1].start()
        await replicas[1].wait_healthy()
        leader = await self._leader(replicas)
        if self.plan.align_slots:
            await pause_until(self.schedules[-1].slots[1] - timedelta(seconds=KILL_BEFORE_SLOT), 150.0)
        started = time.time()
        await leader.kill()
        follower = next(r for r in replicas if r is not leader)
        for _ in range(60):  # the follower's backoff is at most 15 s
            if await follower.leads():
                break
            await asyncio.sleep(1.0)
        else:
            raise AssertionError("no replica took over the scheduler within 60 s of the leader's death")
        self.windows.append(Window("leader_kill", started, time.time()))
        self.say(f"leader {leader.name} killed; {follower.name} leads after {time.time() - started:.1f} s")
        await leader.start()
        await leader.wait_healthy()
        # requests the load balancer sends to the dead replica until it is back fail: no fault of the bot's
        self.windows.append(Window("restart", started, time.time()))

    async def _leader(self, replicas: list[Replica]) -> Replica:
        for _ in range(60):
            for replica in replicas:
                if await replica.leads():
                    return replica
            await asyncio.sleep(1.0)
        raise AssertionError("no replica leads the scheduler")

    async def _burst(self, http: httpx.AsyncClient, traffic: Traffic) -> None:
        events = [make_event(n, "telegram" if n % 4 == 0 else "slack")
                  for n in itertools.islice(self.numbers, self.plan.burst)]
        gate = asyncio.Semaphore(self.plan.burst_concurrency)

        async def one(event_index: int) -> None:
            async with gate:
                await traffic.send(http, events[event_index])

        started = time.time()
        await asyncio.gather(*(one(i) for i in range(len(events))))
        self.windows.append(Window("burst", started, time.time()))
        self.say(f"burst of {len(events)} inquiries accepted in {time.time() - started:.1f} s")

    async def _settle(self, database_url: str) -> None:
        """Wait (bounded) until nothing is left to send."""
        engine = create_async_engine(database_url)
        started = time.monotonic()
        try:
            while time.monotonic() - started < self.plan.settle:
                async with engine.connect() as db:
                    left = (await db.execute(text(
                        "SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')"))).scalar_one()
                if left == 0:
                    break
                await asyncio.sleep(1.0)
        finally:
            await engine.dispose()
        self.say(f"outbox settled after {time.monotonic() - started:.0f} s")


async def run(plan: Plan, say: Say = print) -> Figures:
    return await Run(plan, say)()
