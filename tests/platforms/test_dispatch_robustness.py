"""The outbox under failure: partial deliveries are not repeated, bugs do not wedge a queue, admins are told
once per destination and reason."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from bot.bootstrap import App, build
from bot.clock import FrozenClock
from bot.notifiers.base import Address, Rendered
from bot.org.model import Org
from bot.outbound import Outbound, Target
from tests.conftest import Transcript

from .fakes import FakeSlack, FakeTelegram
from .test_telegram_cross_platform import both_settings

LATAM = Target.to_channel({"slack": "C0LATAM", "telegram": "-1001000000002"})
POST = {"day": "2026-11-23", "slot": "2026-11-23T18:30:00+08:00", "late": False, "job": "counts_evening",
        "region": {"region": "latam", "total": 1, "followed_up": 0, "open": 1,
                   "reps": [{"person": "zhang", "total": 1, "followed_up": 0, "open": 1}]},
        "mentions": ["zhang"]}


@pytest.fixture
async def both(
    fake_slack: FakeSlack, fake_telegram: FakeTelegram, sqlite_url: str, clock: FrozenClock, org: Org
) -> AsyncIterator[App]:
    app = await build(both_settings(sqlite_url, fake_slack, fake_telegram), clock=clock, org=org)
    for runtime in app.runtimes:
        await runtime.start(http=True)
    yield app
    for runtime in app.runtimes:
        await runtime.stop()
    await app.close()


async def queue(app: App, *messages: Outbound) -> None:
    async with app.ctx.uow() as uow:
        for message in messages:
            await uow.outbox.add(message, app.ctx.now())
        await uow.commit()


async def test_a_platform_that_failed_is_retried_without_repeating_the_other(
    both: App, fake_slack: FakeSlack, fake_telegram: FakeTelegram, clock: FrozenClock
) -> None:
    fake_telegram.fail_next("sendMessage", status=500)
    await queue(both, Outbound("counts.region", LATAM, POST))
    await both.dispatcher.drain()
    assert len(fake_slack.called("chat.postMessage")) == 1
    clock.advance(timedelta(minutes=1))  # past the backoff
    await both.dispatcher.drain()
    assert len(fake_slack.called("chat.postMessage")) == 1  # Slack was not posted to again
    assert len(fake_telegram.called("sendMessage")) == 2  # the failed attempt and the one that went through
    async with both.ctx.uow() as uow:
        (row,) = await uow.outbox.rows()
    assert row[1] == "sent"


async def test_admins_hear_once_about_a_destination_that_keeps_failing(
    both: App, fake_slack: FakeSlack, fake_telegram: FakeTelegram
) -> None:
    slack_only = Target.to_channel({"slack": "C0GONE"})
    for _ in range(3):
        fake_slack.fail_next("chat.postMessage", error="channel_not_found")
    await queue(both, *(Outbound("counts.region", slack_only, POST) for _ in range(3)))
    await both.dispatcher.drain()
    async with both.ctx.uow() as uow:
        rows = await uow.outbox.rows()
    failed = [r for r in rows if r[1] == "failed"]
    notices = [r for r in rows if r[0].message.key == "delivery.failed"]
    assert len(failed) == 3 and {r[2] for r in failed} == {"channel_not_found"}
    assert [n[0].message.target.person for n in notices] == ["gao"]  # one admin, one notice


async def test_a_message_that_breaks_rendering_does_not_hold_up_the_next(app: App, transcript: Transcript) -> None:
    broken = {"inquiry": {"id": "INQ-2026-000009", "due_at": "not a time"}, "actions": []}
    await queue(app, Outbound("inquiry.assigned", Target.to_person("zhang"), broken),
                Outbound("help", Target.to_person("zhang"), {"usage": {}, "roles": ["rep"], "topic": None}))
    await app.dispatcher.drain()
    async with app.ctx.uow() as uow:
        statuses = [(r[0].message.key, r[1]) for r in await uow.outbox.rows()]
    assert ("inquiry.assigned", "failed") in statuses
    assert ("help", "sent") in statuses
    assert "to 张伟 (DM)" in transcript.text


async def test_an_unexpected_error_is_retried_later_and_does_not_hold_up_the_next(
    app: App, transcript: Transcript
) -> None:
    help_data = {"usage": {}, "roles": ["rep"], "topic": None}
    await queue(app, Outbound("help", Target.to_person("zhang"), {**help_data, "actions": [{"value": "no id"}]}),
                Outbound("help", Target.to_person("zhang"), help_data))
    await app.dispatcher.drain()
    async with app.ctx.uow() as uow:
        rows = [(r[1], r[2]) for r in await uow.outbox.rows()]
    assert rows[0][0] == "pending" and (rows[0][1] or "").startswith("internal_error")  # kept, to retry
    assert rows[1] == ("sent", None)


async def crashed_after_claim(app: App) -> int:
    """A worker claimed the row, marked it attempted, then died: its lease has run out."""
    async with app.ctx.uow() as uow:
        [item] = await uow.outbox.claim("crashed", app.ctx.now(), lease=timedelta(0))
        assert await uow.outbox.attempt(item.id, "crashed", lease=timedelta(0))
        await uow.commit()
    return item.id


async def test_a_post_the_crashed_worker_made_is_found_on_slack_and_only_telegram_is_sent_again(
    both: App, fake_slack: FakeSlack, fake_telegram: FakeTelegram
) -> None:
    await queue(both, Outbound("counts.region", LATAM, POST))
    row_id = await crashed_after_claim(both)
    slack_post = Rendered("counts", outbox_id=row_id)
    posted = await both.notifiers["slack"].send(Address("slack", channel="C0LATAM"), slack_post)
    await both.notifiers["telegram"].send(Address("telegram", channel=LATAM.ids["telegram"]), Rendered("counts"))

    await both.dispatcher.drain()

    assert len(fake_slack.called("chat.postMessage")) == 1  # found by its metadata: not posted twice
    [lookup] = fake_slack.called("conversations.history")
    assert lookup.params["channel"] == "C0LATAM"
    assert len(fake_telegram.called("sendMessage")) == 2  # Telegram cannot be asked: sent again
    async with both.ctx.uow() as uow:
        [(item, status, _)] = await uow.outbox.rows()
    assert status == "sent" and item.delivered["slack"]["message_id"] == posted["message_id"]


async def test_an_attempt_that_never_reached_slack_is_posted_once_with_its_outbox_id(
    both: App, fake_slack: FakeSlack
) -> None:
    await queue(both, Outbound("counts.region", LATAM, POST))
    row_id = await crashed_after_claim(both)

    await both.dispatcher.drain()
    await both.dispatcher.drain()

    [post] = fake_slack.called("chat.postMessage")
    assert fake_slack.called("conversations.history")
    assert post.json("metadata") == {"event_type": "inquiry_desk_outbox", "event_payload": {"outbox_id": str(row_id)}}


async def test_targets_that_reach_one_chat_share_its_lane_and_other_chats_do_not(both: App) -> None:
    await queue(both, Outbound("help", Target.to_person("emma", "slack")),
                Outbound("help", Target.to_person("emma", "telegram")),  # emma is on Slack only: the same DM
                Outbound("help", Target.to_person("zhang", "slack")))
    async with both.ctx.uow() as uow:  # what intake queues goes in one statement: the same lanes
        await uow.outbox.add_many([Outbound("help", Target.to_person("zhang", "telegram")),  # another chat
                                   Outbound("help", Target.to_person("zhang"))], both.ctx.now())
        await uow.commit()
    async with both.ctx.uow() as uow:
        lanes = [item.lane for item, _, _ in await uow.outbox.rows()]

    assert lanes[0] == lanes[1]
    assert len({lanes[1], lanes[2], lanes[3]}) == 3
    assert lanes[4] == lanes[2]  # zhang without a hint: his first platform, Slack
