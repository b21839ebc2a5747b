"""What the suite measures, read from outside the bot: the database it wrote and the calls the fakes got."""

from __future__ import annotations

import json
import statistics
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.org.model import Org
from bot.rules.calendar import WorkCalendar
from bot.rules.slots import JOBS, slot_key, slots_between
from tests.platforms.fakes import FakeSlack, FakeTelegram

from .traffic import Event, Traffic

BACKLOGGED = 10  # messages queued at once for one DM by the burst
LATE_AFTER = 30.0  # seconds after a fault's end (or the row's creation, if later)
# A request sent this long after a kill, the outage or the leader kill is no longer "during the fault": a replica
# is back within ~2 s of a kill and its pool reconnects within a few seconds of the database's return.
FAULT_GRACE = 10.0
WALL_OFFSET = time.time() - time.monotonic()  # fake calls are stamped with the monotonic clock


@dataclass(frozen=True)
class Window:
    """A fault, or the burst: wall-clock seconds."""

    kind: str
    start: float
    end: float


@dataclass
class Delivery:
    outbox_id: int | None
    destination: str
    at: float  # wall clock


@dataclass
class Figures:
    events: int = 0
    undelivered_events: int = 0
    redeliveries: int = 0
    inquiries_lost: int = 0
    inquiries_duplicated: int = 0
    messages: int = 0
    messages_lost: int = 0
    slack_posts: int = 0
    slack_duplicates: int = 0
    telegram_sends: int = 0
    telegram_duplicates: int = 0
    late: int = 0
    latest_after_fault: float = 0.0
    slots_expected: int = 0
    slots_missed: list[str] = field(default_factory=list)
    slots_twice: list[str] = field(default_factory=list)
    burst_rates: dict[str, tuple[int, float]] = field(default_factory=dict)  # DM destination -> (n, msg/s)
    burst_drain: float = 0.0
    ack_p50: float = 0.0
    ack_p99: float = 0.0
    ack_max: float = 0.0
    answers: dict[str, int] = field(default_factory=dict)
    refused_outside_faults: dict[str, int] = field(default_factory=dict)  # non-200 answers while nothing was down
    kills: int = 0
    outage: float = 0.0

    def lines(self) -> list[str]:
        rates = sorted(r for n, r in self.burst_rates.values())
        per_thousand = 1000 * self.telegram_duplicates / self.telegram_sends if self.telegram_sends else 0.0
        return [
            f"events sent {self.events} (re-delivered on purpose {self.redeliveries}, never acknowledged "
            f"{self.undelivered_events}); kills -9 {self.kills}; database outage {self.outage:.0f} s",
            f"inquiries lost {self.inquiries_lost}, duplicated {self.inquiries_duplicated}",
            f"messages {self.messages}: lost {self.messages_lost}; Slack posts {self.slack_posts}, duplicated "
            f"{self.slack_duplicates}; Telegram sends {self.telegram_sends}, duplicated {self.telegram_duplicates} "
            f"({per_thousand:.1f} per 1,000)",
            f"delivered more than {LATE_AFTER:.0f} s after the fault's end: {self.late} "
            f"(latest {self.latest_after_fault:.1f} s)",
            f"slots expected {self.slots_expected}: missed {len(self.slots_missed)} {self.slots_missed}, run twice "
            f"{len(self.slots_twice)} {self.slots_twice}",
            f"burst: {len(self.burst_rates)} rep DMs, per-destination rate min "
            f"{(rates or [0.0])[0]:.2f} / median {statistics.median(rates or [0.0]):.2f} msg/s "
            f"(floor 0.90, limit 1.00); burst drained in {self.burst_drain:.0f} s",
            "burst per DM (messages, msg/s): " + ", ".join(
                f"{d} {n} {r:.2f}" for d, (n, r) in sorted(self.burst_rates.items())),
            f"acks: p50 {1000 * self.ack_p50:.0f} ms, p99 {1000 * self.ack_p99:.0f} ms, max {1000 * self.ack_max:.0f} "
            f"ms over {sum(1 for k in self.answers if k == '200') and self.answers.get('200', 0)} answers of 200; "
            f"other answers {dict((k, v) for k, v in self.answers.items() if k != '200')}; of those sent while no "
            f"replica or database was down (more than {FAULT_GRACE:.0f} s after every fault): "
            f"{self.refused_outside_faults or 'none'}",
        ]


async def measure(
    database_url: str, schedules: list[tuple[Org, datetime, datetime]], slack: FakeSlack, telegram: FakeTelegram,
    traffic: Traffic, windows: list[Window],
) -> Figures:
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as db:
            emails = Counter(str(e) for (e,) in (await db.execute(text("SELECT email FROM inquiries"))).all())
            rows = list((await db.execute(text(
                "SELECT id, status, created_at, key, target, data, delivery FROM outbox"))).all())
            runs = list((await db.execute(text("SELECT job, slot, status FROM job_runs"))).all())
    finally:
        await engine.dispose()
    figures = Figures(events=len(traffic.delivered), undelivered_events=len(traffic.undelivered),
                      redeliveries=traffic.redeliveries, answers=dict(traffic.answers))
    _inquiries(figures, traffic.delivered, emails)
    faults = [w for w in windows if w.kind != "burst"]
    figures.refused_outside_faults = dict(Counter(
        answer for sent, answer in traffic.refused
        if not any(w.start - 1.0 <= sent <= w.end + FAULT_GRACE for w in faults)))
    deliveries = _deliveries(figures, rows, slack, telegram)
    _lateness(figures, rows, deliveries, windows)
    _burst(figures, rows, deliveries, windows)
    for org, since, until in schedules:
        _expected_slots(figures, org, runs, since, until)
    _slots_twice(figures, rows)
    acks = sorted(traffic.acks)
    if acks:
        figures.ack_p50, figures.ack_max = acks[len(acks) // 2], acks[-1]
        figures.ack_p99 = acks[min(len(acks) - 1, int(len(acks) * 0.99))]
    return figures


def _inquiries(figures: Figures, events: list[Event], emails: Counter[str]) -> None:
    for event in events:
        found = emails.get(event.email, 0)
        figures.inquiries_lost += found == 0
        figures.inquiries_duplicated += max(0, found - 1)


def _deliveries(figures: Figures, rows: list[Any], slack: FakeSlack, telegram: FakeTelegram) -> list[Delivery]:
    """Every post the platforms saw, tied to its outbox row where the platform lets us (Slack metadata, the
    Telegram message the row recorded as its own)."""
    figures.messages = len(rows)
    figures.messages_lost = sum(1 for r in rows if r.status != "sent")
    found: list[Delivery] = []
    per_row: Counter[int] = Counter()
    for call in slack.called("chat.postMessage"):
        metadata = call.json("metadata") if "metadata" in call.params else {}
        outbox_id = int(metadata["event_payload"]["outbox_id"]) if metadata else None
        channel = str(call.params.get("channel"))
        found.append(Delivery(outbox_id, f"slack:{channel}", call.at + WALL_OFFSET))
        if outbox_id is not None:
            per_row[outbox_id] += 1
    figures.slack_posts = sum(per_row.values())
    figures.slack_duplicates = sum(n - 1 for n in per_row.values() if n > 1)
    recorded = {(int(ref["chat"]), int(ref["message_id"])): int(r.id) for r in rows
                for ref in [_json(r.delivery).get("telegram")] if ref}
    for (chat, message_id), at in telegram.posted_at.items():
        found.append(Delivery(recorded.get((chat, message_id)), f"telegram:{chat}", at + WALL_OFFSET))
    figures.telegram_sends = len(telegram.called("sendMessage"))
    figures.telegram_duplicates = max(0, figures.telegram_sends - len(recorded))
    return found


def _lateness(figures: Figures, rows: list[Any], deliveries: list[Delivery], windows: list[Window]) -> None:
    created = {int(r.id): _aware(r.created_at).timestamp() for r in rows}
    first: dict[int, float] = {}
    for d in deliveries:
        if d.outbox_id is not None:
            first[d.outbox_id] = min(d.at, first.get(d.outbox_id, d.at))
    faults = [w for w in windows if w.kind not in ("burst", "restart")]
    bursts = [w for w in windows if w.kind == "burst"]
    for outbox_id, at in first.items():
        born = created[outbox_id]
        if any(b.start <= born <= b.end + 1 for b in bursts):
            continue  # a burst queues by design; its pace is measured per destination instead
        since = max([born] + [f.end for f in faults if f.start <= at and f.end >= born])
        waited = at - since
        figures.latest_after_fault = max(figures.latest_after_fault, waited)
        figures.late += waited > LATE_AFTER


def _burst(figures: Figures, rows: list[Any], deliveries: list[Delivery], windows: list[Window]) -> None:
    """Per DM, the pace of the messages the burst queued for it: (n - 1) / (last - first). Only destinations
    that got at least BACKLOGGED of them count: fewer, and their own arrival, not the pace, sets the rate."""
    bursts = [w for w in windows if w.kind == "burst"]
    if not bursts:
        return
    burst = bursts[-1]
    queued = {int(r.id) for r in rows if burst.start <= _aware(r.created_at).timestamp() <= burst.end + 1}
    times: defaultdict[str, list[float]] = defaultdict(list)
    for d in deliveries:
        if d.outbox_id in queued:
            times[d.destination].append(d.at)
    figures.burst_drain = max((max(t) for t in times.values()), default=burst.end) - burst.start
    for destination, at in times.items():
        dm = destination.startswith("slack:D") or (destination.startswith("telegram:") and
                                                   not destination.startswith("telegram:-"))
        if dm and len(at) >= BACKLOGGED:
            at.sort()
            figures.burst_rates[destination] = (len(at), (len(at) - 1) / max(at[-1] - at[0], 1e-9))


def _expected_slots(figures: Figures, org: Org, runs: list[Any], start: datetime, end: datetime) -> None:
    tz, calendar = ZoneInfo(org.timezone), WorkCalendar(org.calendar, org.calendar_overrides)
    done = {(str(r.job), str(r.slot)) for r in runs if r.status == "done"}
    for job in JOBS:
        for slot in slots_between(job, start, end, tz, org.schedule, calendar):
            figures.slots_expected += 1
            if (job, slot_key(slot, tz)) not in done:
                figures.slots_missed.append(f"{job}@{slot_key(slot, tz)}")


def _slots_twice(figures: Figures, rows: list[Any]) -> None:
    """A slot's messages queued twice (the same message to the same place) means it ran twice."""
    posts: Counter[str] = Counter()
    for r in rows:
        data = _json(r.data)
        if "job" in data and "slot" in data:
            posts[json.dumps([r.key, _json(r.target), data], sort_keys=True)] += 1
    figures.slots_twice = [key for key, n in posts.items() if n > 1]


def _json(value: Any) -> dict[str, Any]:
    loaded = json.loads(value) if isinstance(value, str) else value
    return dict(loaded or {})


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)
