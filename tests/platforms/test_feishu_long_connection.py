"""`inquirybot run` without a public URL: Feishu's long connection (lark-oapi's own ws.Client) against the fake."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest

from bot.bootstrap import build
from bot.clock import FrozenClock
from bot.org.model import Org
from bot.running import running
from bot.settings import Settings
from tests.conftest import EXAMPLE_ORG

from .fakes.feishu import FakeFeishu
from .fakes.feishu_events import FeishuSender
from .feishu_harness import INTAKE, LI, LIMA, ZHANG, feishu_org, feishu_settings


@pytest.fixture
async def fake() -> AsyncIterator[FakeFeishu]:
    async with FakeFeishu(app_id=f"cli_{uuid.uuid4().hex[:16]}") as server:
        yield server


async def test_the_long_connection_takes_events_and_answers_card_presses(
    sqlite_url: str, org: Org, clock: FrozenClock, fake: FakeFeishu
) -> None:
    sender = FeishuSender(encrypt_key="")  # the long connection carries events as plain JSON
    settings = Settings(_env_file=None, DATABASE_URL=sqlite_url, INQUIRYBOT_ORG=str(EXAMPLE_ORG))  # type: ignore[call-arg]
    settings.with_platform("feishu", feishu_settings(fake, sender))
    app = await build(settings, clock=clock, org=feishu_org(org))
    now_ms = int(clock.now().timestamp() * 1000)
    try:
        async with running(app, http=False, scheduler=False):
            [endpoint] = await fake.wait_for("ws.endpoint")
            forward = sender.message(INTAKE, LI, LIMA.format(n=1), create_time=now_ms, message_id="om_ws_forward")
            fake.add_message(INTAKE, "text", {"text": LIMA.format(n=1)}, sender=LI, message_id="om_ws_forward")
            answer = await fake.push_ws_event(forward)
            async with app.ctx.uow() as uow:
                inquiry = await uow.inquiries.get("INQ-2026-000001")
            again = await fake.push_ws_event(forward)  # re-delivered over the connection
            await fake.wait_for("message.create", count=1)
            card = next(m for m in fake.sent_to(ZHANG) if m.msg_type == "interactive")
            for _ in range(250):  # the dispatcher records the sent card just after Feishu answered
                async with app.ctx.uow() as uow:
                    if await uow.sent.find("feishu", card.chat_id, card.message_id):
                        break
                await asyncio.sleep(0.02)
            press = sender.card_action(ZHANG, {"action": "ack", "value": "INQ-2026-000001"},
                                       message_id=card.message_id, chat_id=card.chat_id)
            pressed = await fake.push_ws_event(press)
            async with app.ctx.uow() as uow:
                acked = await uow.inquiries.get("INQ-2026-000001")
                second = await uow.inquiries.get("INQ-2026-000002")
    finally:
        await app.close()

    assert endpoint.params["AppID"] == fake.app_id
    assert answer["code"] == 200
    assert again["code"] == 200
    assert inquiry is not None  # committed before the connection was answered
    assert (inquiry.platform, inquiry.assignee_id) == ("feishu", "zhang")
    assert second is None
    assert pressed["data"]["toast"]["type"] == "success"
    assert acked is not None
    assert acked.acknowledged_at is not None
    assert "Acknowledged" in fake.messages[card.message_id].shown
    assert "INQ-2026-000001" in fake.messages[card.message_id].shown  # the card's own text stays
    assert fake.called("ws.connect")
