"""The Slack notifier under the outbox dispatcher: Retry-After honoured, per-channel pacing, failures classified."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import text

from bot.bootstrap import App, build
from bot.bootstrap_slack import web_client
from bot.clock import FrozenClock
from bot.notifiers.dispatcher import Dispatcher
from bot.notifiers.slack import SlackNotifier
from bot.org.model import Org
from bot.outbound import Outbound, Target

from .fakes import FakeSlack
from .slack_support import GAO, ZHANG, slack_settings

LATAM = "C0LATAM"


@pytest.fixture
async def app(sqlite_url: str, org: Org, clock: FrozenClock, fake_slack: FakeSlack) -> AsyncIterator[App]:
    """Built by bootstrap with Slack on, not started: each test drives the dispatcher itself."""
    built = await build(slack_settings(sqlite_url, fake_slack), clock=clock, org=org)
    try:
        yield built
    finally:
        await built.close()


async def queue(app: App, *messages: Outbound) -> None:
    async with app.ctx.uow() as uow:
        for message in messages:
            await uow.outbox.add(message, app.ctx.now())
        await uow.commit()


def to_latam(n: int) -> Outbound:
    return Outbound("intake.exists", Target.to_channel({"slack": LATAM}), {"id": f"INQ-2026-{n:06d}"})


async def outbox(app: App) -> list[tuple[str, str, str | None]]:
    async with app.ctx.uow() as uow:
        return [(item.message.key, status, error) for item, status, error in await uow.outbox.rows()]


async def test_a_ratelimited_post_is_delivered_once_after_retry_after(app: App, fake_slack: FakeSlack) -> None:
    await queue(app, to_latam(1))
    fake_slack.fail_next("chat.postMessage", status=429, retry_after=1)

    await app.dispatcher.drain()

    first, second = fake_slack.called("chat.postMessage")
    assert second.at - first.at >= 1.0
    assert await outbox(app) == [("intake.exists", "sent", None)]
    assert len(fake_slack.messages) == 1


async def test_fifty_posts_to_one_channel_arrive_in_order(app: App, fake_slack: FakeSlack) -> None:
    """The pace itself is tested on an injected clock (tests/unit/test_pacing.py)."""
    notifier = SlackNotifier(web_client(app.settings, "xoxb-test"), pacing=0.0)
    dispatcher = Dispatcher(app.ctx, app.renderer, {"slack": notifier})
    await queue(app, *(to_latam(n) for n in range(1, 51)))

    await dispatcher.drain()

    posts = fake_slack.called("chat.postMessage")
    assert [re.findall(r"INQ-2026-(\d{6})", p.params["text"])[0] for p in posts] == [f"{n:06d}" for n in range(1, 51)]
    assert {status for _, status, _ in await outbox(app)} == {"sent"}


async def test_different_channels_do_not_wait_for_each_other(app: App, fake_slack: FakeSlack) -> None:
    notifier = SlackNotifier(web_client(app.settings, "xoxb-test"), pacing=5.0)
    dispatcher = Dispatcher(app.ctx, app.renderer, {"slack": notifier})
    channels = ["C0A", "C0B", "C0C"]
    await queue(app, *(Outbound("intake.exists", Target.to_channel({"slack": c}), {"id": c}) for c in channels))

    await dispatcher.drain()

    posts = fake_slack.called("chat.postMessage")
    assert sorted(p.params["channel"] for p in posts) == channels  # each in its own lane, in any order
    assert posts[-1].at - posts[0].at < 1.0


async def test_a_permanent_error_fails_the_row_tells_the_admin_once_and_is_not_retried(
    app: App, fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    await queue(app, to_latam(7))
    fake_slack.fail_next("chat.postMessage", error="channel_not_found")

    await app.dispatcher.drain()
    clock.advance(timedelta(hours=1))
    await app.dispatcher.drain()

    assert await outbox(app) == [("intake.exists", "failed", "channel_not_found"), ("delivery.failed", "sent", None)]
    latam, admin = fake_slack.called("chat.postMessage")
    assert latam.params["channel"] == LATAM
    assert admin.params["channel"] == "D" + GAO
    assert "channel_not_found" in admin.params["text"]


async def test_server_errors_are_retried_later_not_given_up(app: App, fake_slack: FakeSlack) -> None:
    await queue(app, to_latam(9))
    for _ in range(3):  # the client's own retries (2) are used up first
        fake_slack.fail_next("chat.postMessage", status=503, error="service_unavailable")

    await app.dispatcher.drain()

    assert await outbox(app) == [("intake.exists", "pending", "service_unavailable")]
    assert fake_slack.pending_scripts == {}


async def test_direct_messages_open_the_dm_once_and_carry_buttons(app: App, fake_slack: FakeSlack) -> None:
    dm = Target.to_person("zhang")
    data = {"id": "INQ-2026-000003", "actions": [{"id": "ack", "value": "INQ-2026-000003"},
                                                 {"id": "pick_region", "value": "INQ-2026-000003 latam"},
                                                 {"id": "pick_region", "value": "INQ-2026-000003 europe"}]}
    await queue(app, Outbound("intake.exists", dm, data), Outbound("intake.exists", dm, {"id": "INQ-2026-000004"}))

    await app.dispatcher.drain()

    assert len(fake_slack.called("conversations.open")) == 1
    first, second = fake_slack.called("chat.postMessage")
    assert first.params["channel"] == second.params["channel"] == "D" + ZHANG
    [actions] = [b for b in first.params["blocks"] if b["type"] == "actions"]
    assert [e["action_id"] for e in actions["elements"]] == ["ack", "pick_region", "pick_region:1"]
    assert "INQ-2026-000003" in first.params["text"]
    [(channel, ts), _] = fake_slack.messages
    async with app.ctx.uow() as uow:
        sent = await uow.sent.find("slack", channel, ts)
    assert sent is not None
    assert sent.person_id == "zhang"


async def test_a_row_this_process_is_still_sending_is_not_claimed_again_after_its_lease(
    app: App, fake_slack: FakeSlack
) -> None:
    """After an outage longer than a lease, a lane's own row comes due again while its "sent" mark waits for the
    database; the next round must leave it to that lane (sending it again was a duplicate on Telegram)."""
    await queue(app, to_latam(1))
    async with app.ctx.uow() as uow:
        (item,) = await uow.outbox.claim(app.dispatcher.worker, app.ctx.now(), 10)
        await uow.commit()
    held = app.dispatcher._fresh([item])  # a lane of this process holds it, mid-send
    assert held == [item]
    async with app.engine.begin() as conn:  # its lease runs out while the database is away
        await conn.execute(text("UPDATE outbox SET lease_until = '2000-01-01 00:00:00'"))

    assert await app.dispatcher.run_once() == 0
    assert len(fake_slack.messages) == 0

    # the lane ended without marking it (cut off for good): once its lease runs out, a round sends it
    app.dispatcher._held.clear()
    async with app.engine.begin() as conn:
        await conn.execute(text("UPDATE outbox SET lease_until = '2000-01-01 00:00:00'"))
    assert await app.dispatcher.run_once() == 1
    assert len(fake_slack.messages) == 1
