"""What an operator scrapes: /metrics moves when an inquiry is ingested and delivered, /healthz shows the outbox
backlog counted in the database, the last successful run of each job, and who leads the scheduler."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.bootstrap import build
from bot.clock import FrozenClock
from bot.org.model import Org
from bot.services.jobs import run_at
from bot.web import create_web_app
from tests.conftest import local

from .fakes import FakeSlack
from .fakes.signing import shared_message_event
from .slack_support import CUSTOMER_TEXT, INTAKE, LI, SlackBot, slack_settings


@pytest.fixture
async def bot(database_url: str, org: Org, clock: FrozenClock, fake_slack: FakeSlack) -> AsyncIterator[SlackBot]:
    """As `serve` runs it, but without the background dispatcher: the test decides when the outbox drains."""
    app = await build(slack_settings(database_url, fake_slack), clock=clock, org=org)
    web = create_web_app(app, scheduler=False, lifespan=False)
    try:
        transport = httpx.ASGITransport(app=web)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield SlackBot(app, http, fake_slack, clock)
    finally:
        await app.close()


async def scrape(bot: SlackBot) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of GET /metrics, parsed by prometheus_client's own text parser."""
    response = await bot.http.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    samples = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def value(samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


async def test_metrics_count_an_inquiry_from_ingest_to_delivery(bot: SlackBot, fake_slack: FakeSlack) -> None:
    before = await scrape(bot)

    share = shared_message_event(LI, INTAKE, bot.ts(60), CUSTOMER_TEXT, bot.ts(3600), "U0CUSTOMERDESK")
    assert (await bot.event(share, event_id="EvM1")).status_code == 200
    queued = await scrape(bot)
    await bot.app.dispatcher.drain()
    after = await scrape(bot)

    assert value(after, "inquirybot_inquiries_ingested_total", platform="slack") == \
        value(before, "inquirybot_inquiries_ingested_total", platform="slack") + 1
    sent = value(after, "inquirybot_outbox_sent_total", platform="slack") - \
        value(before, "inquirybot_outbox_sent_total", platform="slack")
    assert sent >= 1  # at least the rep's DM went through the outbox
    latency = value(after, "inquirybot_delivery_latency_seconds_count", platform="slack") - \
        value(before, "inquirybot_delivery_latency_seconds_count", platform="slack")
    assert latency == sent
    assert value(queued, "inquirybot_outbox_messages", platform="slack", status="pending") == sent
    assert value(after, "inquirybot_outbox_messages", platform="slack", status="pending") == 0
    assert value(after, "inquirybot_database_up") == 1
    assert ("inquirybot_scheduler_leader", ()) in after


async def test_penalties_and_job_runs_are_counted(bot: SlackBot, fake_slack: FakeSlack) -> None:
    share = shared_message_event(LI, INTAKE, bot.ts(60), CUSTOMER_TEXT, bot.ts(3600), "U0CUSTOMERDESK")
    await bot.event(share, event_id="EvM2")
    before = await scrape(bot)

    await run_at(bot.app.ctx, "followup_sweep", local(2026, 11, 23, 23, 59))
    again = await run_at(bot.app.ctx, "followup_sweep", local(2026, 11, 23, 23, 59))
    after = await scrape(bot)

    assert again.status == "already_done"
    assert value(after, "inquirybot_penalties_proposed_total", rule="P1.4") == \
        value(before, "inquirybot_penalties_proposed_total", rule="P1.4") + 1
    for outcome in ("done", "already_done"):
        assert value(after, "inquirybot_job_runs_total", job="followup_sweep", outcome=outcome) == \
            value(before, "inquirybot_job_runs_total", job="followup_sweep", outcome=outcome) + 1
    assert value(after, "inquirybot_job_last_success_timestamp_seconds", job="followup_sweep") > 0


async def test_healthz_shows_backlog_jobs_and_leadership(bot: SlackBot, fake_slack: FakeSlack) -> None:
    share = shared_message_event(LI, INTAKE, bot.ts(60), CUSTOMER_TEXT, bot.ts(3600), "U0CUSTOMERDESK")
    await bot.event(share, event_id="EvH1")
    await run_at(bot.app.ctx, "counts_morning", local(2026, 11, 23, 9, 30))

    response = await bot.http.get("/healthz")

    body = response.json()
    assert response.status_code == 200
    assert body["ok"] is True and body["database"] == "ok"
    assert body["platforms"] == ["slack"]
    assert body["scheduler_leader"] is False  # this app was started with --no-scheduler
    async with bot.app.ctx.uow() as uow:
        queued = len(await uow.outbox.rows("pending"))
    assert queued >= 1  # the rep's DM and the count posts, not delivered yet
    assert body["outbox"]["pending"] == body["outbox_pending"] == queued
    by_platform = body["outbox"]["pending_by_platform"]  # "none": a reader with no Slack identity (Slack-only bot)
    assert sum(by_platform.values()) == queued and by_platform["slack"] >= 1 and set(by_platform) <= {"slack", "none"}
    await bot.app.dispatcher.drain()
    assert (await bot.http.get("/healthz")).json()["outbox"]["pending"] == 0
    assert body["jobs_last_success"]["counts_morning"].startswith("2026-11-23T01:")  # 09:00 Shanghai in UTC
