"""Issue 14, black box: `inquirybot serve` as a subprocess with Slack, Telegram and Feishu configured at once (all
three from the environment), each platform's fake listening on 127.0.0.1, requests over real HTTP."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sqlite3
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.conftest import EXAMPLE_ORG

from .fakes import BOT_TOKEN, TELEGRAM_TOKEN, FakeSlack, FakeTelegram
from .fakes.feishu import FakeFeishu
from .fakes.feishu_events import FeishuSender
from .fakes.signing import SIGNING_SECRET, block_actions_form, event_callback, shared_message_event, signed_headers
from .fakes.telegram import bot_message, callback_query_update, forwarded_message_update, origin_hidden_user
from .feishu_harness import INTAKE as FEISHU_INTAKE
from .feishu_harness import LI as FEISHU_LI
from .feishu_harness import LIMA
from .feishu_harness import ZHANG as FEISHU_ZHANG
from .telegram_harness import INTAKE as TELEGRAM_INTAKE
from .telegram_harness import LI as TELEGRAM_LI
from .telegram_harness import SECRET
from .test_telegram_serve import free_port, read, wait_healthy

SLACK_INTAKE, SLACK_LI, ZHOU, WU = "C0INTAKE", "U01LI", "U08ZHOU", 100009


def three_platform_org(path: Path) -> Path:
    """The example org plus Feishu: li forwards on every platform; trade1's reps are zhang (Feishu only), zhou
    (Slack only) and wu (Telegram only), shared round robin in that order."""
    data = yaml.safe_load(EXAMPLE_ORG.read_text(encoding="utf-8"))
    data["channels"]["intake"]["feishu"] = FEISHU_INTAKE
    for person in data["people"]:
        if person["id"] == "li":
            person["feishu"] = FEISHU_LI
        elif person["id"] == "zhang":
            for key in ("slack", "telegram", "prefer"):
                person.pop(key, None)
            person.update(feishu=FEISHU_ZHANG, locale="en")
        elif person["id"] == "wu":
            person.pop("away", None)
    target = path / "org.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def serve_env(tmp_path: Path, slack: FakeSlack, telegram: FakeTelegram, feishu: FakeFeishu,
              sender: FeishuSender) -> dict[str, str]:
    inherited = {k: v for k, v in os.environ.items()
                 if not k.startswith(("SLACK_", "TELEGRAM_", "FEISHU_", "INQUIRYBOT_"))}
    return {
        **inherited,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'serve.db'}",
        "INQUIRYBOT_ORG": str(three_platform_org(tmp_path)),
        "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_URL": slack.base_url,
        "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN, "TELEGRAM_API_URL": telegram.base_url,
        "TELEGRAM_WEBHOOK_SECRET": SECRET,
        "FEISHU_APP_ID": feishu.app_id, "FEISHU_APP_SECRET": feishu.app_secret,
        "FEISHU_VERIFICATION_TOKEN": sender.verification_token, "FEISHU_ENCRYPT_KEY": sender.encrypt_key,
        "FEISHU_API_URL": feishu.domain,
    }


@contextlib.asynccontextmanager
async def serving(env: dict[str, str], tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    port, log = free_port(), tmp_path / "serve.log"
    with log.open("wb") as sink:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "serve", "--port", str(port), "--no-scheduler",
            env=env, cwd=tmp_path, stdout=sink, stderr=sink,
        )
        try:
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=15) as http:
                health = await wait_healthy(http, process, log)
                assert health["platforms"] == ["feishu", "slack", "telegram"], read(log)
                yield http
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            code = await asyncio.wait_for(process.wait(), timeout=15)
    text = read(log)
    assert code in (0, -signal.SIGTERM), text
    for secret in (env["FEISHU_APP_SECRET"], env["FEISHU_ENCRYPT_KEY"], TELEGRAM_TOKEN, BOT_TOKEN):
        assert secret not in text  # no secret in the log


def stored(tmp_path: Path) -> list[tuple[Any, ...]]:
    with contextlib.closing(sqlite3.connect(tmp_path / "serve.db")) as db:
        return db.execute("SELECT id, platform, region_id, assignee_id, acknowledged_at IS NOT NULL "
                          "FROM inquiries ORDER BY id").fetchall()


def sent_recorded(tmp_path: Path, message_id: str) -> bool:
    with contextlib.closing(sqlite3.connect(tmp_path / "serve.db")) as db:
        found = db.execute("SELECT 1 FROM sent_messages WHERE platform = 'feishu' AND message_id = ?",
                           (message_id,)).fetchall()
    return bool(found)


async def feishu_post(http: httpx.AsyncClient, sender: FeishuSender, payload: dict[str, Any],
                      **sign: Any) -> httpx.Response:
    signed = sender.sign(payload, **sign)
    return await http.post("/feishu/events", content=signed.body, headers=signed.headers)


async def until(check: Any, what: str, timeout: float = 20.0) -> Any:  # noqa: ASYNC109
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        await asyncio.sleep(0.05)
    raise AssertionError(f"not seen within {timeout}s: {what}")


@pytest.fixture
async def feishu() -> AsyncIterator[FakeFeishu]:
    async with FakeFeishu() as fake:
        yield fake


async def test_serve_with_slack_telegram_and_feishu_at_once(
    tmp_path: Path, fake_slack: FakeSlack, fake_telegram: FakeTelegram, feishu: FakeFeishu
) -> None:
    sender = FeishuSender()
    async with serving(serve_env(tmp_path, fake_slack, fake_telegram, feishu, sender), tmp_path) as http:
        now = int(time.time())
        # 1. a forward on Feishu -> INQ-1, zhang, reached on Feishu with a card
        forward = sender.message(FEISHU_INTAKE, FEISHU_LI, LIMA.format(n=1), message_id="om_serve_forward1")
        feishu.add_message(FEISHU_INTAKE, "text", {"text": LIMA.format(n=1)}, sender=FEISHU_LI,
                           message_id="om_serve_forward1")
        assert (await feishu_post(http, sender, forward)).status_code == 200
        card = await until(lambda: [m for m in feishu.sent_to(FEISHU_ZHANG) if m.msg_type == "interactive"],
                           "zhang's card on Feishu")
        # 2. a forward on Slack -> INQ-2, zhou, reached on Slack
        share = shared_message_event(SLACK_LI, SLACK_INTAKE, f"{now - 30}.000100", LIMA.format(n=2),
                                     f"{now - 7200}.000100", "U0DESK")
        body = json.dumps(event_callback(share, event_id="EvThree2"))
        slack_post = await http.post("/slack/events", content=body, headers=signed_headers(SIGNING_SECRET, body))
        assert slack_post.status_code == 200
        to_zhou = await until(lambda: [c for c in fake_slack.called("chat.postMessage")
                                       if c.params.get("channel") == f"D{ZHOU}"], "zhou's DM on Slack")
        # 3. a forward on Telegram -> INQ-3, wu, reached on Telegram
        update = forwarded_message_update(3, TELEGRAM_INTAKE, TELEGRAM_LI, LIMA.format(n=3), message_id=13,
                                          date=now, origin=origin_hidden_user("Carlos", date=now - 60))
        telegram_post = await http.post("/telegram/webhook", json=update,
                                        headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
        assert telegram_post.status_code == 200
        to_wu = await until(lambda: [c for c in fake_telegram.called("sendMessage")
                                     if int(c.params["chat_id"]) == WU], "wu's DM on Telegram")

        # a re-delivered Feishu event, and the same message under another event id, create nothing
        assert (await feishu_post(http, sender, forward)).status_code == 200
        forward["header"]["event_id"] = "ev-redelivered-under-a-new-id"
        assert (await feishu_post(http, sender, forward)).status_code == 200
        # forged and stale Feishu requests get 401 and store nothing
        forged_event = sender.message(FEISHU_INTAKE, FEISHU_LI, LIMA.format(n=4), message_id="om_forged")
        signed = sender.sign(forged_event)
        forged = await http.post("/feishu/events", content=signed.body,
                                 headers={**signed.headers, "X-Lark-Signature": "f" * 64})
        stale = await feishu_post(http, sender, forged_event, timestamp=int(time.time()) - 900)
        other_key = await feishu_post(http, FeishuSender(encrypt_key="attacker-key"), forged_event)
        assert [forged.status_code, stale.status_code, other_key.status_code] == [401, 401, 401]

        # buttons on each platform
        [zhang_card] = card
        await until(lambda: sent_recorded(tmp_path, zhang_card.message_id), "the card recorded as sent")
        pressed = await feishu_post(http, sender, sender.card_action(
            FEISHU_ZHANG, {"action": "ack", "value": "INQ-2026-000001"}, message_id=zhang_card.message_id,
            chat_id=zhang_card.chat_id))
        slack_dm = next(m for (channel, _ts), m in fake_slack.messages.items() if channel == f"D{ZHOU}")
        ack_id = next(e["action_id"] for b in slack_dm["blocks"] if b["type"] == "actions" for e in b["elements"]
                      if str(e["action_id"]).startswith("ack"))
        click = block_actions_form(ZHOU, ack_id, "INQ-2026-000002", f"D{ZHOU}", slack_dm["ts"],
                                   message_text=slack_dm["text"], message_blocks=slack_dm.get("blocks"))
        slack_click = await http.post("/slack/events", content=click, headers=signed_headers(SIGNING_SECRET, click))
        wu_message = bot_message(WU, 1001, to_wu[0].params["text"],
                                 reply_markup=json.loads(to_wu[0].params["reply_markup"]))
        telegram_press = await http.post(
            "/telegram/webhook", json=callback_query_update(4, WU, "ack:INQ-2026-000003", wu_message),
            headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
        await until(lambda: feishu.messages[zhang_card.message_id].updated, "the Feishu card updated in place")
        await until(lambda: fake_slack.called("chat.update"), "the Slack message updated")
        await until(lambda: fake_telegram.called("editMessageText"), "the Telegram message edited")

    assert pressed.json()["toast"]["type"] == "success"
    assert slack_click.status_code == 200
    assert telegram_press.status_code == 200
    assert "Acknowledged" in feishu.messages[zhang_card.message_id].shown
    assert "INQ-2026-000001" in feishu.messages[zhang_card.message_id].shown  # updated in place: text kept
    assert stored(tmp_path) == [
        ("INQ-2026-000001", "feishu", "latam", "zhang", 1),
        ("INQ-2026-000002", "slack", "latam", "zhou", 1),
        ("INQ-2026-000003", "telegram", "latam", "wu", 1),
    ]
    assert "INQ-2026-000001" in zhang_card.shown
    assert "INQ-2026-000002" in to_zhou[0].params["text"]
    assert "INQ-2026-000003" in to_wu[0].params["text"]
    [feishu_reply] = [m for m in feishu.sent_to(FEISHU_INTAKE)]
    assert feishu_reply.parent_id == "om_serve_forward1"  # the intake reply, in the forward's thread, once
