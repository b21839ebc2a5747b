"""Outbound to Feishu through the real lark-oapi client and the fake open platform: what a reader receives."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import lark_oapi as lark
import pytest

from bot.notifiers.base import Address, DeliveryError, Rendered
from bot.notifiers.feishu import FeishuNotifier
from bot.notifiers.feishu_api import FeishuApi, FeishuPacer
from bot.notifiers.pacing import Limits

from .fakes.feishu import FakeFeishu

REP = "ou_zhang0000000000000000000000000001"
INTAKE = "oc_intake0000000000000000000000001"
FAST = Limits(per_chat_interval=0.0, overall_max=1000, overall_period=1.0)
BUTTONS = [{"id": "ack", "value": "INQ-2026-000001", "label": "Acknowledge"},
           {"id": "followup", "value": "INQ-2026-000001", "label": "Followed up"},
           {"id": "grey", "value": "INQ-2026-000001", "label": "Mark grey"},
           {"id": "won", "value": "INQ-2026-000001", "label": "Won"}]


@pytest.fixture
async def fake() -> AsyncIterator[FakeFeishu]:
    async with FakeFeishu(app_id=f"cli_{uuid.uuid4().hex[:16]}") as server:
        yield server


def notifier(fake: FakeFeishu, *, max_inline_wait: float = 5.0) -> FeishuNotifier:
    client = (lark.Client.builder().app_id(fake.app_id).app_secret(fake.app_secret).domain(fake.domain)
              .enable_set_token(True).log_level(lark.LogLevel.ERROR).build())
    api = FeishuApi(client, fake.app_id, fake.app_secret, pacer=FeishuPacer(FAST, FAST),
                    max_inline_wait=max_inline_wait)
    return FeishuNotifier(api)


async def test_a_dm_with_buttons_is_a_card_the_rep_can_press(fake: FakeFeishu) -> None:
    sent = await notifier(fake).send(Address("feishu", user=REP, person_id="zhang"),
                                     Rendered("New inquiry INQ-2026-000001 <b>Lima</b>", BUTTONS))

    [message] = fake.sent_to(REP)
    assert sent == {"chat": message.chat_id, "message_id": message.message_id}
    assert message.msg_type == "interactive"
    assert message.receive_id_type == "open_id"
    assert message.card["config"]["update_multi"] is True
    assert message.card["elements"][0]["text"] == {"tag": "plain_text", "content": "New inquiry INQ-2026-000001 "
                                                                                   "<b>Lima</b>"}
    pressed = [a for e in message.card["elements"] if e["tag"] == "action" for a in e["actions"]]
    assert [b["text"]["content"] for b in pressed] == ["Acknowledge", "Followed up", "Mark grey", "Won"]
    assert pressed[0]["value"] == {"action": "ack", "value": "INQ-2026-000001"}
    assert len(fake.called("tenant_access_token")) == 1


async def test_intake_reply_goes_in_the_thread_as_text(fake: FakeFeishu) -> None:
    forward = fake.add_message(INTAKE, "text", {"text": "customer text"}, sender="ou_li")
    bot = notifier(fake)

    await bot.send(Address("feishu", channel=INTAKE, thread=forward.message_id), Rendered("Logged INQ-2026-000001"))
    await bot.send(Address("feishu", channel=INTAKE), Rendered("Counts at 09:30"))

    reply, post = fake.sent_to(INTAKE)
    assert reply.parent_id == forward.message_id
    assert reply.thread_id
    assert reply.text == "Logged INQ-2026-000001"
    assert post.parent_id is None
    assert post.text == "Counts at 09:30"
    assert len(fake.called("tenant_access_token")) == 1  # the token is kept


async def test_frequency_limit_is_waited_out_once_then_sent(fake: FakeFeishu) -> None:
    fake.rate_limit_next("message.create", reset=0)

    await notifier(fake).send(Address("feishu", user=REP), Rendered("hello"))

    assert len(fake.called("message.create")) == 2
    assert [m.text for m in fake.sent_to(REP)] == ["hello"]


async def test_a_long_frequency_limit_goes_back_to_the_outbox(fake: FakeFeishu) -> None:
    fake.rate_limit_next("message.create", reset=30)

    with pytest.raises(DeliveryError) as failed:
        await notifier(fake).send(Address("feishu", user=REP), Rendered("hello"))

    assert not failed.value.permanent
    assert failed.value.retry_after == 30
    assert fake.sent_to(REP) == []


async def test_an_expired_token_is_fetched_again(fake: FakeFeishu) -> None:
    bot = notifier(fake)
    await bot.send(Address("feishu", user=REP), Rendered("one"))
    fake.tokens.clear()  # Feishu revoked or expired it

    await bot.send(Address("feishu", user=REP), Rendered("two"))

    assert [m.text for m in fake.sent_to(REP)] == ["one", "two"]
    assert len(fake.called("tenant_access_token")) == 2


async def test_refusals_are_permanent(fake: FakeFeishu) -> None:
    with pytest.raises(DeliveryError) as failed:
        await notifier(fake).send(Address("feishu", channel=INTAKE, thread="om_gone"), Rendered("x"))
    assert failed.value.permanent
    assert "230011" in failed.value.reason


async def test_report_files_are_uploaded_under_their_message(fake: FakeFeishu, tmp_path: Path) -> None:
    ledger, chart = tmp_path / "ledger.xlsx", tmp_path / "chart.png"
    ledger.write_bytes(b"PK\x03\x04ledger")
    chart.write_bytes(b"\x89PNG chart")
    bot = notifier(fake)

    await bot.send(Address("feishu", user=REP), Rendered("Ledger for November", data={
        "attachment": {"path": str(ledger), "filename": "ledger-2026-11.xlsx"}}))
    await bot.send(Address("feishu", channel=INTAKE), Rendered("Weekly chart", data={
        "attachment": {"path": str(chart), "filename": "weekly.png"}}))

    announce, file_message = fake.sent_to(f"oc_p2p_{REP}")
    assert announce.text == "Ledger for November"
    assert file_message.msg_type == "file"
    assert file_message.parent_id == announce.message_id
    key = json.loads(file_message.content)["file_key"]
    assert fake.files[key].filename == "ledger-2026-11.xlsx"
    assert fake.files[key].data == b"PK\x03\x04ledger"
    assert fake.called("file.create")[0].params["file_type"] == "xls"
    image = fake.sent_to(INTAKE)[1]
    assert image.msg_type == "image"
    assert fake.files[json.loads(image.content)["image_key"]].data == b"\x89PNG chart"


async def test_doctor_checks_the_app_credentials(fake: FakeFeishu) -> None:
    from bot import platforms
    from bot.platform_feishu import FeishuSettings

    good = FeishuSettings(_env_file=None, app_id=fake.app_id, app_secret=fake.app_secret, api_url=fake.domain)
    wrong = FeishuSettings(_env_file=None, app_id=fake.app_id, app_secret="wrong", api_url=fake.domain)

    [ok] = [c async for c in platforms.plugin("feishu").doctor(good, None)]
    [refused] = [c async for c in platforms.plugin("feishu").doctor(wrong, None)]

    assert ok.ok
    assert fake.app_id in ok.detail
    assert not refused.ok
    assert "10014" in refused.detail
    assert "developer console" in refused.fix
