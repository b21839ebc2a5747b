"""Slack intake over signed HTTP: forwards become one inquiry each, with a thread reply and a DM to the rep."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.clock import FrozenClock
from bot.handlers.slack_base import slack_time
from bot.org.model import Org
from bot.rules.inquiry import Status

from .fakes import FakeSlack
from .fakes.signing import message_event, shared_message_event
from .slack_support import CUSTOMER_TEXT, INTAKE, LI, ZHANG, ZHOU, SlackBot, action_ids, dm_with_buttons, slack_bot


@pytest.fixture
async def bot(sqlite_url: str, org: Org, clock: FrozenClock, fake_slack: FakeSlack) -> AsyncIterator[SlackBot]:
    async with slack_bot(sqlite_url, org, clock, fake_slack) as running:
        yield running


async def test_shared_message_makes_one_inquiry_a_thread_reply_and_a_dm_even_when_slack_retries(
    bot: SlackBot, fake_slack: FakeSlack
) -> None:
    original_ts, ts = bot.ts(3600), bot.ts(60)
    share = shared_message_event(LI, INTAKE, ts, CUSTOMER_TEXT, original_ts, "U0CUSTOMERDESK")

    first = await bot.event(share, event_id="Ev0001")

    assert first.status_code == 200
    [inquiry] = await bot.inquiries()  # committed before the 200 went out
    assert inquiry.received_at == slack_time(original_ts)
    assert inquiry.forwarded_at == slack_time(ts)
    assert inquiry.assignee_id == "zhang"
    assert inquiry.customer.email == "maria@empresa.com.br"
    assert inquiry.original_text == CUSTOMER_TEXT
    await fake_slack.wait_for("chat.postMessage", count=2)
    [thread_reply] = bot.posts(INTAKE)
    assert thread_reply.params["thread_ts"] == ts
    assert f"<@{ZHANG}>" in thread_reply.params["text"]
    assert inquiry.id in thread_reply.params["text"]
    assert fake_slack.called("conversations.open")[0].params["users"] == ZHANG
    _, _, dm = dm_with_buttons(fake_slack, ZHANG)
    assert action_ids(dm) == ["ack", "followup", "grey", "won"]
    values = {e["value"] for b in dm["blocks"] if b["type"] == "actions" for e in b["elements"]}
    assert values == {inquiry.id}

    again = await bot.event(share, event_id="Ev0001", retry=1)
    await bot.app.dispatcher.drain()

    assert again.status_code == 200
    assert len(await bot.inquiries()) == 1
    assert len(bot.posts(INTAKE)) == 1
    assert len(fake_slack.called("chat.postMessage")) == 2


async def test_the_same_message_under_a_new_event_id_is_still_one_inquiry(bot: SlackBot) -> None:
    ts = bot.ts()
    pasted = message_event(LI, INTAKE, CUSTOMER_TEXT, ts)

    assert (await bot.event(pasted, event_id="EvA")).status_code == 200
    assert (await bot.event(pasted, event_id="EvB")).status_code == 200

    assert len(await bot.inquiries()) == 1


async def test_pasted_text_and_a_message_with_files_are_inquiries_dated_by_slack(bot: SlackBot) -> None:
    pasted_ts, files_ts = bot.ts(7200), bot.ts(30)
    pasted = message_event(LI, INTAKE, "#latam Carlos from Lima wants 3 analysers", pasted_ts)
    files = {"id": "F1", "name": "inquiry.png", "title": "Screenshot of the Alibaba inquiry"}
    with_files = message_event(LI, INTAKE, "see the screenshot, customer in Chile", files_ts,
                               subtype="file_share", files=[files])

    await bot.event(pasted)
    await bot.event(with_files)

    first, second = await bot.inquiries()
    assert first.forwarded_at == first.received_at == slack_time(pasted_ts)
    assert first.region_id == "latam"
    assert second.forwarded_at == slack_time(files_ts)
    assert "Screenshot of the Alibaba inquiry" in (second.original_text or "")
    assert second.region_id == "latam"


async def test_bots_edits_deletes_non_specialists_and_chatter_create_nothing(
    bot: SlackBot, fake_slack: FakeSlack
) -> None:
    parent = bot.ts(600)
    ignored = [
        message_event("U0OTHERBOT", INTAKE, CUSTOMER_TEXT, bot.ts(), bot_id="B0OTHER", subtype="bot_message"),
        message_event("U0APP", INTAKE, CUSTOMER_TEXT, bot.ts(), bot_id="B0APP"),
        {"type": "message", "subtype": "message_changed", "hidden": True, "channel": INTAKE, "ts": bot.ts(),
         "message": {"type": "message", "user": LI, "text": CUSTOMER_TEXT, "ts": parent},
         "previous_message": {"type": "message", "user": LI, "text": "old", "ts": parent}},
        {"type": "message", "subtype": "message_deleted", "hidden": True, "channel": INTAKE, "ts": bot.ts(),
         "deleted_ts": parent},
        message_event(ZHOU, INTAKE, CUSTOMER_TEXT, bot.ts()),
        message_event("U0STRANGER", INTAKE, CUSTOMER_TEXT, bot.ts()),
        message_event(LI, INTAKE, "thanks, I will check this one", bot.ts(), thread_ts=parent),
        message_event(LI, "C0ELSEWHERE", CUSTOMER_TEXT, bot.ts()),
        message_event(LI, INTAKE, "  ", bot.ts()),
    ]

    statuses = [(await bot.event(e)).status_code for e in ignored]
    await bot.app.dispatcher.drain()

    assert statuses == [200] * len(ignored)
    assert await bot.inquiries() == []
    assert fake_slack.called("chat.postMessage") == []


async def test_the_reps_reply_in_the_dm_thread_is_a_follow_up_note(bot: SlackBot, fake_slack: FakeSlack) -> None:
    await bot.event(shared_message_event(LI, INTAKE, bot.ts(), CUSTOMER_TEXT, bot.ts(7200), "U0DESK"))
    channel, dm_ts, _ = await bot.recorded_dm(ZHANG)
    note = "Called Maria, sending the quotation by email today"

    reply = message_event(ZHANG, channel, note, bot.ts(5), thread_ts=dm_ts, channel_type="im")
    assert (await bot.event(reply, event_id="EvNote")).status_code == 200
    assert (await bot.event(reply, event_id="EvNote", retry=1)).status_code == 200

    [inquiry] = await bot.inquiries()
    assert inquiry.status is Status.FOLLOWED_UP
    assert inquiry.followup_method == "other"
    async with bot.app.ctx.uow() as uow:
        history = await uow.inquiries.history(inquiry.id)
    assert [e.data.get("note") for e in history if e.kind == "followed_up"] == [note]
    await fake_slack.wait_for("chat.postMessage", count=3)
    [answer] = [c for c in bot.posts(channel) if c.params.get("thread_ts") == dm_ts]
    assert inquiry.id in answer.params["text"]


async def test_a_reply_in_the_intake_thread_by_someone_else_is_not_a_note(bot: SlackBot, fake_slack: FakeSlack) -> None:
    ts = bot.ts()
    await bot.event(shared_message_event(LI, INTAKE, ts, CUSTOMER_TEXT, bot.ts(7200), "U0DESK"))

    await bot.event(message_event(ZHOU, INTAKE, "is this one for me? looks like a big order", bot.ts(5),
                                  thread_ts=ts))

    [inquiry] = await bot.inquiries()
    assert inquiry.status is Status.ASSIGNED
