"""Issue 10's penalty buttons on Slack and Telegram: a P3 is confirmed with the amount typed into its own modal
or prompt (never read out of prose), a P5 on an inquiry with a P1.4 is recorded by the "different lapse" button,
and a grey proposal can be rejected with a button."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import pytest

from bot.bootstrap import App
from bot.clock import FrozenClock
from bot.org.model import Org
from bot.rules.penalties import Penalty
from bot.services import all_jobs  # noqa: F401  (registers the job bodies)
from bot.services.jobs import run_at
from tests.conftest import local

from .fakes import FakeSlack, FakeTelegram
from .fakes.signing import shared_message_event
from .fakes.telegram import callback_query_update, command_update, forwarded_message_update, origin_user
from .fakes.telegram_updates import text_message_update
from .slack_support import CUSTOMER_TEXT, INTAKE, LI, WANG, ZHANG, SlackBot, action_ids, slack_bot
from .telegram_harness import INTAKE as TG_INTAKE
from .telegram_harness import LI as TG_LI
from .telegram_harness import PERU, Harness, telegram_app
from .telegram_harness import WANG as TG_WANG
from .telegram_harness import ZHANG as TG_ZHANG

INQ = "INQ-2026-000001"


async def penalties(app: App) -> list[Penalty]:
    async with app.ctx.uow() as uow:
        return await uow.penalties.list()


async def job(app: App, clock: FrozenClock, name: str, at: datetime) -> None:
    clock.set(at)
    assert (await run_at(app.ctx, name, at)).status == "done"
    await app.dispatcher.drain()


# ---- Slack ----

@pytest.fixture
async def bot(sqlite_url: str, org: Org, clock: FrozenClock, fake_slack: FakeSlack) -> AsyncIterator[SlackBot]:
    async with slack_bot(sqlite_url, org, clock, fake_slack) as running:
        await running.event(shared_message_event(LI, INTAKE, running.ts(), CUSTOMER_TEXT, running.ts(7200), "U0D"))
        await running.app.dispatcher.drain()
        await fake_slack.wait_for("chat.postMessage", count=2)
        yield running


def slack_dm(fake: FakeSlack, user: str, button: str) -> tuple[str, str]:
    """The DM to `user` that carries `button`: (channel, ts)."""
    for (chat, ts), message in fake.messages.items():
        if chat == "D" + user and button in [a.split(":")[0] for a in action_ids(message)]:
            return chat, ts
    raise AssertionError(f"no DM to {user} with {button}")


def typed(amount: str, reason: str = "") -> dict[str, Any]:
    return {"amount": {"amount": {"type": "plain_text_input", "value": amount}},
            "reason": {"reason": {"type": "plain_text_input", "value": reason or None}}}


async def test_slack_p3_amount_comes_from_its_modal(bot: SlackBot, fake_slack: FakeSlack) -> None:
    assert (await bot.command(ZHANG, f"won {INQ} 38000")).status_code == 200
    await job(bot.app, bot.clock, "crm_audit", local(2026, 12, 4, 10, 0))  # the rep's CRM week is over
    channel, ts = slack_dm(fake_slack, LI, "penalty_amount")

    assert (await bot.click(LI, "penalty_amount", "PEN-2026-00001", channel, ts)).status_code == 200
    [opened] = await fake_slack.wait_for("views.open")
    view = opened.json("view")
    assert [b["block_id"] for b in view["blocks"]] == ["amount", "reason"]

    prose = await bot.submit(LI, view["callback_id"], typed("2 deals checked"), view["private_metadata"])
    assert prose.json()["response_action"] == "errors" and set(prose.json()["errors"]) == {"amount"}
    assert [(p.amount, p.status.value) for p in await penalties(bot.app)] == [(None, "proposed")]

    done = await bot.submit(LI, view["callback_id"], typed("1,900", "commission on the GC-2030"),
                            view["private_metadata"])
    assert done.status_code == 200 and done.text == ""
    [p3] = await penalties(bot.app)
    assert (p3.amount, p3.status.value, p3.reason) == (1900, "confirmed", "commission on the GC-2030")


async def test_slack_p5_after_a_p1_4_is_recorded_by_the_button_and_the_manager_is_told(
        bot: SlackBot, fake_slack: FakeSlack) -> None:
    await job(bot.app, bot.clock, "followup_sweep", local(2026, 11, 23, 23, 59))
    bot.clock.set(local(2026, 11, 27, 10, 0))
    asked = await bot.command(LI, f"penalty add zhang P5 {INQ} the second question was never answered")
    assert "confirm" in asked.json()["text"]
    assert [p.rule for p in await penalties(bot.app)] == ["P1.4"]
    await fake_slack.wait_for("chat.postMessage", count=5)  # intake, zhang, the P1.4 to zhang and li, li's question
    channel, ts = slack_dm(fake_slack, LI, "p5_different")

    assert (await bot.click(LI, "p5_different", INQ, channel, ts)).status_code == 200
    await fake_slack.wait_for("chat.update")
    p14, p5 = await penalties(bot.app)
    assert (p5.rule, p5.person_id, p5.amount, p5.status.value) == ("P5", "zhang", 40, "confirmed")
    assert p5.facts.different_from == (p14.id,)
    await fake_slack.wait_for("chat.postMessage", count=7)  # then the P5 to zhang and to his manager
    assert any("P5" in str(c.params.get("text")) for c in bot.posts("D" + WANG))


async def test_slack_grey_reject_button(bot: SlackBot, fake_slack: FakeSlack) -> None:
    await bot.command(ZHANG, f"grey {INQ} spam: an SEO agency")
    await fake_slack.wait_for("chat.postMessage", count=3)  # the intake reply, zhang's DM, li's question
    channel, ts = slack_dm(fake_slack, LI, "grey_reject")
    assert (await bot.click(LI, "grey_reject", INQ, channel, ts)).status_code == 200
    [after] = await bot.inquiries()
    assert (after.grey_state, after.status.value) == ("rejected", "assigned")


# ---- Telegram ----

@pytest.fixture
async def tg(fake_telegram: FakeTelegram, sqlite_url: str, clock: FrozenClock, org: Org) -> AsyncIterator[Harness]:
    async with telegram_app(fake_telegram, sqlite_url, clock, org) as harness:
        await harness.post(forwarded_message_update(1, TG_INTAKE, TG_LI, PERU, message_id=55, date=harness.date,
                                                    origin=origin_user(9001, date=harness.date - 60)))
        await harness.deliver()
        yield harness


def tg_dm(tg: Harness, chat_id: int, action: str) -> dict[str, Any]:
    """The newest message to `chat_id` whose keyboard has a button for `action`."""
    for (chat, _mid), stored in sorted(tg.fake.messages.items(), key=lambda kv: kv[0][1], reverse=True):
        rows = (stored.get("reply_markup") or {}).get("inline_keyboard") or []
        if chat == chat_id and any(b["callback_data"].startswith(action + ":") for row in rows for b in row):
            return stored
    raise AssertionError(f"no message to {chat_id} with {action}")


async def test_telegram_p3_amount_is_asked_and_the_reply_gives_it(tg: Harness) -> None:
    await tg.post(command_update(f"/inq won {INQ} 38000", 2, chat_id=TG_ZHANG, from_id=TG_ZHANG))
    await job(tg.app, tg.clock, "crm_audit", local(2026, 12, 4, 10, 0))
    message = tg_dm(tg, TG_LI, "penalty_amount")
    await tg.post(callback_query_update(3, TG_LI, "penalty_amount:PEN-2026-00001", message))
    prompt = tg.fake.messages[max(k for k in tg.fake.messages if k[0] == TG_LI)]
    assert "P3" in prompt["text"]

    await tg.post(text_message_update(4, TG_LI, TG_LI, "1900 checked in CRM: not entered", message_id=900,
                                      date=tg.date, reply_to=prompt))
    [p3] = await penalties(tg.app)
    assert (p3.amount, p3.status.value, p3.reason) == (1900, "confirmed", "checked in CRM: not entered")


async def test_telegram_p5_different_button(tg: Harness) -> None:
    await job(tg.app, tg.clock, "followup_sweep", local(2026, 11, 23, 23, 59))
    tg.clock.set(local(2026, 11, 27, 10, 0))
    await tg.post(command_update(f"/inq penalty add zhang P5 {INQ} quote promised, never sent", 2,
                                 chat_id=TG_LI, from_id=TG_LI))
    await tg.deliver()
    await tg.post(callback_query_update(3, TG_LI, f"p5_different:{INQ}", tg_dm(tg, TG_LI, "p5_different")))
    assert [(p.rule, p.status.value) for p in await penalties(tg.app)] == [("P1.4", "proposed"), ("P5", "confirmed")]
    await tg.deliver()
    assert any("P5" in c.params["text"] for c in tg.sent_to(TG_WANG))
