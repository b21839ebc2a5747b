"""Telegram: a "hello" posted in the intake group is held and the specialist asked, under it, whether it is an
inquiry; "Log it" makes the inquiry, with the forward's own time."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from bot.clock import FrozenClock
from bot.org.model import Org

from .fakes import FakeTelegram
from .fakes.telegram import callback_query_update, text_message_update
from .telegram_harness import INTAKE, LI, Harness, telegram_app


@pytest.fixture
async def tg(fake_telegram: FakeTelegram, sqlite_url: str, clock: FrozenClock, org: Org) -> AsyncIterator[Harness]:
    async with telegram_app(fake_telegram, sqlite_url, clock, org) as harness:
        yield harness


async def test_hello_in_the_intake_group_asks_and_log_it_creates_the_inquiry(tg: Harness) -> None:
    assert (await tg.post(text_message_update(1, INTAKE, LI, "hello", message_id=70, date=tg.date))).status_code == 200
    await tg.deliver()
    assert await tg.inquiries() == []
    [question] = tg.sent_to(INTAKE)
    assert "这是询盘吗？" in question.params["text"]
    assert question.json("reply_parameters")["message_id"] == 70
    buttons = [b["callback_data"] for row in question.json("reply_markup")["inline_keyboard"] for b in row]
    assert buttons == ["intake_log:1", "intake_drop:1"]

    message_id = max(mid for chat, mid in tg.fake.messages if chat == INTAKE)
    stored = tg.fake.messages[(INTAKE, message_id)]
    assert (await tg.post(callback_query_update(2, LI, "intake_log:1", stored))).status_code == 200
    await tg.deliver()
    [inquiry] = await tg.inquiries()
    assert inquiry.forwarded_at == datetime.fromtimestamp(tg.date, UTC) and inquiry.assignee_id is not None
