"""`GET /metrics`: this process's counters plus gauges read from the database at scrape time (Prometheus text)."""

from __future__ import annotations

from collections.abc import Iterator

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector

from bot.health import Snapshot
from bot.metrics import METRICS

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class _Collector(Collector):
    def __init__(self, snap: Snapshot | None, platforms: list[str], leader: bool) -> None:
        self.snap = snap
        self.platforms = platforms
        self.leader = leader

    def collect(self) -> Iterator[Metric]:
        yield from _counters(self.platforms)
        yield _latency(self.platforms)
        yield from _jobs()
        leader = GaugeMetricFamily("inquirybot_scheduler_leader", "1 when this process leads the scheduler")
        leader.add_metric([], 1.0 if self.leader else 0.0)
        yield leader
        up = GaugeMetricFamily("inquirybot_database_up", "1 when the database answered this scrape")
        up.add_metric([], 0.0 if self.snap is None else 1.0)
        yield up
        if self.snap is not None:
            yield from _database(self.snap, self.platforms)


def _per_platform(name: str, doc: str, values: dict[str, int], platforms: list[str]) -> CounterMetricFamily:
    family = CounterMetricFamily(name, doc, labels=["platform"])
    for platform in sorted({*platforms, *values}):
        family.add_metric([platform], float(values.get(platform, 0)))
    return family


def _counters(platforms: list[str]) -> Iterator[Metric]:
    with METRICS.lock:
        yield _per_platform("inquirybot_inquiries_ingested", "Inquiries created by this process",
                            dict(METRICS.ingested), platforms)
        yield _per_platform("inquirybot_outbox_sent", "Outbox messages this process delivered",
                            dict(METRICS.sent), platforms)
        yield _per_platform("inquirybot_outbox_failed", "Outbox messages this process gave up on",
                            dict(METRICS.failed), platforms)
        yield _per_platform("inquirybot_outbox_retries", "Deliveries this process will try again",
                            dict(METRICS.retried), platforms)
        proposed = CounterMetricFamily("inquirybot_penalties_proposed", "Penalties the bot proposed, per rule",
                                       labels=["rule"])
        for rule, count in sorted(METRICS.penalties_proposed.items()):
            proposed.add_metric([rule], float(count))
        yield proposed


def _latency(platforms: list[str]) -> HistogramMetricFamily:
    family = HistogramMetricFamily("inquirybot_delivery_latency_seconds",
                                   "From queueing an outbox message to its delivery", labels=["platform"])
    with METRICS.lock:
        for platform in sorted({*platforms, *METRICS.latency}):
            histogram = METRICS.latency[platform]
            buckets = [(bound, float(count)) for bound, count in histogram.cumulative()]
            family.add_metric([platform], buckets, histogram.total)
    return family


def _jobs() -> Iterator[Metric]:
    runs = CounterMetricFamily("inquirybot_job_runs", "Job slots this process ran, by outcome",
                               labels=["job", "outcome"])
    failures = CounterMetricFamily("inquirybot_job_failures", "Job runs that raised in this process",
                                   labels=["job"])
    with METRICS.lock:
        for (job, outcome), count in sorted(METRICS.job_runs.items()):
            runs.add_metric([job, outcome], float(count))
        for job, count in sorted(METRICS.job_failures.items()):
            failures.add_metric([job], float(count))
    yield runs
    yield failures


def _database(snap: Snapshot, platforms: list[str]) -> Iterator[Metric]:
    backlog = GaugeMetricFamily("inquirybot_outbox_messages", "Outbox rows not sent, counted in the database",
                                labels=["platform", "status"])
    for status, counts in (("pending", snap.backlog.pending_by_platform), ("failed", snap.backlog.failed_by_platform)):
        for platform in sorted({*platforms, *counts}):
            backlog.add_metric([platform, status], float(counts.get(platform, 0)))
    yield backlog
    last = GaugeMetricFamily("inquirybot_job_last_success_timestamp_seconds",
                             "When each job last finished a slot (any process)", labels=["job"])
    for job, at in sorted(snap.last_success.items()):
        last.add_metric([job], at.timestamp())
    yield last


def render(snap: Snapshot | None, platforms: list[str], *, leader: bool) -> bytes:
    """A fresh registry per scrape: the database part is a snapshot taken just before."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_Collector(snap, platforms, leader))
    return generate_latest(registry)
