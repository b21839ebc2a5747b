"""Counters of this process, cheap to bump from anywhere (no third-party import: the CLI stays fast).

`GET /metrics` turns them into Prometheus families (bot/metrics_export.py). Counters and the latency
histogram are per process, as Prometheus expects (it sums replicas); gauges that describe shared state, such
as the outbox backlog, are read from the database at scrape time instead, so every replica reports the truth.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field

LATENCY_BUCKETS = (0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3600.0)


@dataclass
class Histogram:
    """Cumulative buckets in the Prometheus sense, plus count and sum."""

    bounds: tuple[float, ...] = LATENCY_BUCKETS
    counts: list[int] = field(default_factory=lambda: [0] * (len(LATENCY_BUCKETS) + 1))
    total: float = 0.0

    def observe(self, value: float) -> None:
        self.counts[bisect_left(self.bounds, value)] += 1
        self.total += value

    def cumulative(self) -> list[tuple[str, int]]:
        """(upper bound, observations at or below it) for every bucket, ending with +Inf."""
        out, running = [], 0
        for bound, count in zip((*map(str, self.bounds), "+Inf"), self.counts, strict=True):
            running += count
            out.append((bound, running))
        return out


@dataclass
class Metrics:
    """Everything this process counted since it started."""

    ingested: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))  # platform
    sent: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))  # platform
    failed: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))  # platform
    retried: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))  # platform
    latency: defaultdict[str, Histogram] = field(default_factory=lambda: defaultdict(Histogram))  # platform
    job_runs: defaultdict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))  # job, outcome
    job_failures: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))  # job
    penalties_proposed: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))  # rule
    leader: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


METRICS = Metrics()


def inquiry_ingested(platform: str) -> None:
    with METRICS.lock:
        METRICS.ingested[platform] += 1


def outbox_sent(platform: str, seconds_since_queued: float) -> None:
    """One platform delivered one outbox row; latency counts from the commit that queued it."""
    with METRICS.lock:
        METRICS.sent[platform] += 1
        METRICS.latency[platform].observe(max(seconds_since_queued, 0.0))


def outbox_failed(platform: str, *, permanent: bool) -> None:
    with METRICS.lock:
        (METRICS.failed if permanent else METRICS.retried)[platform] += 1


def job_ran(job: str, outcome: str) -> None:
    """outcome: done | already_done | no_slot."""
    with METRICS.lock:
        METRICS.job_runs[(job, outcome)] += 1


def job_failed(job: str) -> None:
    with METRICS.lock:
        METRICS.job_failures[job] += 1


def penalty_proposed(rule: str) -> None:
    with METRICS.lock:
        METRICS.penalties_proposed[rule] += 1


def leadership(leads: bool) -> None:
    """The scheduler calls this when it wins or gives up the leader lock."""
    METRICS.leader = leads
