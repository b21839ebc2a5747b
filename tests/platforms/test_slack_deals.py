"""Slack, the deal prompt's picker: "Pick the deals" opens a modal of the day's inquiries; the ticked ones are
reported through `/inq deals today`, nothing ticked is refused inside the modal, and the prompt is updated."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.clock import FrozenClock
from bot.org.model import Org
from bot.rules.inquiry import Inquiry, Status
from bot.services.jobs import run_at
from tests.conftest import local

from .fakes import FakeSlack
from .fakes.signing import shared_message_event
from .slack_support import CUSTOMER_TEXT, INTAKE, LI, WANG, SlackBot, action_ids, slack_bot

CHILE_TEXT = ("Name: Pedro Rojas\nCompany: Minera Austral SpA\nCountry: Chile\nEmail: pedro@mineraaustral.cl\n"
              "WhatsApp: +56 9 8765 4321\nPlease quote 3 handheld XRF analysers.")


@pytest.fixture
async def bot(sqlite_url: str, org: Org, clock: FrozenClock, fake_slack: FakeSlack) -> AsyncIterator[SlackBot]:
    async with slack_bot(sqlite_url, org, clock, fake_slack) as running:
        yield running


async def delivered(bot: SlackBot) -> None:
    """Drain, then wait for the lifespan's own dispatcher too: a prompt counts once its delivery is recorded."""
    await bot.app.dispatcher.drain()
    async with asyncio.timeout(5):
        while True:
            async with bot.app.ctx.uow() as uow:
                if await uow.outbox.pending_count() == 0:
                    return
            await asyncio.sleep(0.01)


async def prompted(bot: SlackBot) -> tuple[list[Inquiry], str, str]:
    """Two trade1 inquiries forwarded by li, then the 20:00 deal prompt: (inquiries, channel, ts of wang's prompt)."""
    for n, text in enumerate((CUSTOMER_TEXT, CHILE_TEXT)):
        await bot.event(shared_message_event(LI, INTAKE, bot.ts(600 - n), text, bot.ts(7200 - n), "U0DESK"))
    await delivered(bot)
    bot.clock.set(local(2026, 11, 23, 20, 0))
    await run_at(bot.app.ctx, "deals_daily_prompt", local(2026, 11, 23, 20, 0))
    await delivered(bot)
    inquiries = sorted(await bot.inquiries(), key=lambda i: i.id)
    assert [i.department_id for i in inquiries] == ["trade1", "trade1"]
    [(channel, ts)] = [key for key, message in bot.fake.messages.items() if "deals_pick" in action_ids(message)]
    assert channel == "D" + WANG
    return inquiries, channel, ts


async def open_picker(bot: SlackBot, channel: str, ts: str) -> dict[str, Any]:
    assert (await bot.click(WANG, "deals_pick", "trade1", channel, ts)).status_code == 200
    [opened] = await bot.fake.wait_for("views.open")
    view: dict[str, Any] = opened.json("view")
    return view


def ticked(*ids: str) -> dict[str, Any]:
    options = [{"text": {"type": "plain_text", "text": i}, "value": i} for i in ids]
    return {"inquiries": {"inquiries": {"type": "checkboxes", "selected_options": options}}}


async def test_the_manager_picks_one_inquiry_and_it_is_reported_won(bot: SlackBot, fake_slack: FakeSlack) -> None:
    (first, second), channel, ts = await prompted(bot)
    assert action_ids(fake_slack.messages[(channel, ts)]) == ["deals_none", "deals_pick"]

    view = await open_picker(bot, channel, ts)

    assert view["callback_id"] == "inq_modal:deals_pick"
    [block] = view["blocks"]
    assert block["element"]["type"] == "checkboxes"
    options = block["element"]["options"]
    assert [o["value"] for o in options] == [first.id, second.id]
    rep = bot.app.ctx.org.person(second.assignee_id or "")
    assert rep is not None and first.assignee_id == "zhang"
    assert [o["text"]["text"] for o in options] == [  # id · customer (or —) · rep, looked up on our side
        f"{first.id} · Maria Silva · 张伟", f"{second.id} · Pedro Rojas · {rep.name}"]
    done = await bot.submit(WANG, view["callback_id"], ticked(first.id), view["private_metadata"])

    assert done.status_code == 200 and done.text == ""
    async with bot.app.ctx.uow() as uow:
        report = (await uow.reports.deal_reports("daily", "2026-11-23"))["trade1"]
    assert report.inquiry_ids == (first.id,) and report.reported_by == "wang"
    statuses = {i.id: i.status for i in await bot.inquiries()}
    assert statuses[first.id] is Status.WON and statuses[second.id] is not Status.WON
    [update] = await fake_slack.wait_for("chat.update")
    assert (update.params["channel"], update.params["ts"]) == (channel, ts)
    blocks = update.json("blocks")
    assert action_ids({"blocks": blocks}) == []  # reported: neither button can be pressed again
    [line] = [e["text"] for b in blocks if b["type"] == "context" for e in b["elements"]]
    assert line.startswith("✓") and "王芳" in line and "反馈了今日成交" in line


async def test_picking_nothing_is_refused_inside_the_modal(bot: SlackBot, fake_slack: FakeSlack) -> None:
    _, channel, ts = await prompted(bot)
    view = await open_picker(bot, channel, ts)

    empty = await bot.submit(WANG, view["callback_id"], ticked(), view["private_metadata"])

    assert empty.status_code == 200
    assert empty.json()["response_action"] == "errors"
    assert "今日无成交" in empty.json()["errors"]["inquiries"]  # tick one, or press "No deals today"
    async with bot.app.ctx.uow() as uow:
        assert await uow.reports.deal_reports("daily", "2026-11-23") == {}
    assert fake_slack.called("chat.update") == []


async def test_a_pick_button_on_another_message_opens_nothing(bot: SlackBot, fake_slack: FakeSlack) -> None:
    await prompted(bot)
    other = next(ts for (chat, ts) in fake_slack.messages if chat == INTAKE)  # an intake reply, not a deal prompt

    await bot.click(WANG, "deals_pick", "trade1", INTAKE, other)

    [ephemeral] = await fake_slack.wait_for("chat.postEphemeral")
    assert "/inq deals today" in ephemeral.params["text"]
    assert fake_slack.called("views.open") == []
