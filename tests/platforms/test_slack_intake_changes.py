"""Issue 11 on Slack, after the forward: an edit re-reads the inquiry, a deletion asks the specialist, a file
without text gets a hint, and a specialist's reply in the intake thread is a note. Signed requests only."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.clock import FrozenClock
from bot.org.model import Org
from bot.rules.inquiry import HistoryEvent, Status

from .fakes import FakeSlack
from .fakes.signing import (
    message_changed_event,
    message_deleted_event,
    message_event,
    shared_message_event,
    tombstone_event,
)
from .slack_support import INTAKE, LI, ZHANG, ZHOU, SlackBot, action_ids, dm_with_buttons, slack_bot

INQ = "INQ-2026-000001"
# The customer's message as shared: no e-mail in it yet (the specialist adds it in the comment later).
SHARED = ("Alibaba inquiry from Maria Silva, Empresa Ltda\nWhatsApp: +55 11 98765-4321\n"
          "We need 20 units of your flow meter, please send a quote.")


@pytest.fixture
async def bot(sqlite_url: str, org: Org, clock: FrozenClock, fake_slack: FakeSlack) -> AsyncIterator[SlackBot]:
    async with slack_bot(sqlite_url, org, clock, fake_slack) as running:
        yield running


async def forward(bot: SlackBot, fake_slack: FakeSlack) -> dict[str, Any]:
    share = shared_message_event(LI, INTAKE, bot.ts(600), SHARED, bot.ts(7200), "U0CUSTOMERDESK")
    assert (await bot.event(share)).status_code == 200
    await fake_slack.wait_for("chat.postMessage", count=2)
    return share


async def history(bot: SlackBot) -> list[HistoryEvent]:
    async with bot.app.ctx.uow() as uow:
        return await uow.inquiries.history(INQ)


def thread(bot: SlackBot, ts: str) -> list[str]:
    return [str(c.params["text"]) for c in bot.posts(INTAKE) if c.params.get("thread_ts") == ts]


async def test_an_edited_forward_updates_the_inquiry_except_what_was_corrected_by_hand(
    bot: SlackBot, fake_slack: FakeSlack
) -> None:
    share = await forward(bot, fake_slack)
    assert (await bot.command(LI, f"source {INQ} website")).status_code == 200
    edit = message_changed_event(share, bot.ts(30), text="Email: maria@empresa.com.br")

    for event_id, retry in (("EvEdit1", None), ("EvEdit1", 1), ("EvEdit2", None)):  # retry, then re-delivery
        assert (await bot.event(edit, event_id=event_id, retry=retry)).status_code == 200
    await fake_slack.wait_for("chat.postMessage", count=3)  # the intake reply, the rep's DM, the re-read note
    await bot.app.dispatcher.drain()

    [inquiry] = await bot.inquiries()
    assert inquiry.customer.email == "maria@empresa.com.br"
    assert inquiry.source == "website"  # the text still says Alibaba, but a person corrected it
    assert "Email: maria@empresa.com.br" in (inquiry.original_text or "")
    [reread] = [e for e in await history(bot) if e.kind == "reread"]
    assert reread.data["changes"] == {"email": [None, "maria@empresa.com.br"]}
    assert reread.data["kept"] == ["source"]
    [note] = [t for t in thread(bot, share["ts"]) if "maria@empresa.com.br" in t]
    assert INQ in note


async def test_a_deleted_forward_asks_its_specialist_once_and_mark_grey_closes_it(
    bot: SlackBot, fake_slack: FakeSlack
) -> None:
    share = await forward(bot, fake_slack)

    # the forward has the bot's thread reply, so Slack reports the deletion as a tombstone first
    assert (await bot.event(tombstone_event(share, bot.ts(20)))).status_code == 200
    assert (await bot.event(message_deleted_event(share, bot.ts(10)))).status_code == 200
    await fake_slack.wait_for("chat.postMessage", count=3)
    await bot.app.dispatcher.drain()

    channel, ts, question = dm_with_buttons(fake_slack, LI)
    assert action_ids(question) == ["grey_deleted", "keep"]
    assert INQ in question["text"]
    assert len([c for c in fake_slack.called("chat.postMessage") if c.params.get("channel") == channel]) == 1
    assert [e.kind for e in await history(bot)].count("intake_deleted") == 1
    [inquiry] = await bot.inquiries()
    assert inquiry.status is Status.ASSIGNED  # not closed until the specialist decides: proposed grey meanwhile
    assert inquiry.grey_state == "proposed"

    assert (await bot.click(LI, "grey_deleted", INQ, channel, ts)).status_code == 200
    await fake_slack.wait_for("chat.update")

    [inquiry] = await bot.inquiries()
    assert inquiry.status is Status.GREY
    assert action_ids(fake_slack.messages[(channel, ts)]) == []


async def test_keep_leaves_the_inquiry_open_and_says_so_in_its_history(bot: SlackBot, fake_slack: FakeSlack) -> None:
    share = await forward(bot, fake_slack)
    await bot.event(message_deleted_event(share, bot.ts(10)))
    await fake_slack.wait_for("chat.postMessage", count=3)
    channel, ts, _ = dm_with_buttons(fake_slack, LI)

    assert (await bot.click(ZHANG, "keep", INQ, channel, ts)).status_code == 200  # a rep may not decide
    assert (await bot.click(LI, "keep", INQ, channel, ts)).status_code == 200
    await fake_slack.wait_for("chat.update")

    [inquiry] = await bot.inquiries()
    assert inquiry.status is Status.ASSIGNED
    assert inquiry.grey_state is None  # the deletion's grey proposal is withdrawn
    kinds = [(e.kind, e.actor_id) for e in await history(bot)]
    assert ("deletion_kept", "li") in kinds
    assert ("deletion_kept", "zhang") not in kinds


async def test_a_file_shared_without_text_gets_a_hint_instead_of_an_inquiry(
    bot: SlackBot, fake_slack: FakeSlack
) -> None:
    ts = bot.ts()
    files = [{"id": "F1", "name": "IMG_2041.jpg", "title": "IMG_2041.jpg", "mimetype": "image/jpeg"}]
    only_file = message_event(LI, INTAKE, "", ts, subtype="file_share", files=files)

    assert (await bot.event(only_file, event_id="EvFile")).status_code == 200
    assert (await bot.event(only_file, event_id="EvFile", retry=1)).status_code == 200
    await fake_slack.wait_for("chat.postMessage")
    await bot.app.dispatcher.drain()

    assert await bot.inquiries() == []
    [hint] = thread(bot, ts)
    assert "/inq new" in hint


async def test_a_specialists_reply_in_the_intake_thread_is_a_note(bot: SlackBot, fake_slack: FakeSlack) -> None:
    share = await forward(bot, fake_slack)
    text = "She called again, the order may double next month"

    reply = message_event(LI, INTAKE, text, bot.ts(5), thread_ts=share["ts"])
    assert (await bot.event(reply, event_id="EvNote")).status_code == 200
    assert (await bot.event(reply, event_id="EvNote", retry=1)).status_code == 200
    other = message_event(ZHOU, INTAKE, "is this one for me? looks like a big order", bot.ts(4), thread_ts=share["ts"])
    assert (await bot.event(other)).status_code == 200
    await bot.app.dispatcher.drain()

    assert len(await bot.inquiries()) == 1
    assert [(e.actor_id, e.data["note"]) for e in await history(bot) if e.kind == "note"] == [("li", text)]
    await fake_slack.wait_for("chat.postMessage", count=4)  # thread reply, DM, the note's answer, the rep told
    assert any(INQ in t for t in thread(bot, share["ts"])[1:])
