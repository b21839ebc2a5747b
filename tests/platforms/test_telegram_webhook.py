"""Issue 5, receiving updates: the webhook checks its secret and the body; polling works without one."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import func, select

from bot.bootstrap import build
from bot.bootstrap_telegram import TelegramRuntime, file_url
from bot.clock import FrozenClock
from bot.org.model import Org
from storage.tables import ProcessedEventRow

from .fakes import FakeTelegram
from .fakes.telegram import bot_user, chat, forwarded_message_update, origin_user, user
from .telegram_harness import INTAKE, LI, PERU, SECRET, Harness, telegram_app, telegram_settings

WEBHOOK_URL = "https://bot.example.com/telegram/webhook"
PROCESSED = ProcessedEventRow.metadata.tables[ProcessedEventRow.__tablename__]


@pytest.fixture
async def tg(fake_telegram: FakeTelegram, sqlite_url: str, clock: FrozenClock, org: Org) -> AsyncIterator[Harness]:
    async with telegram_app(fake_telegram, sqlite_url, clock, org, TELEGRAM_WEBHOOK_URL=WEBHOOK_URL) as harness:
        yield harness


async def processed_events(tg: Harness) -> int:
    async with tg.app.ctx.uow() as uow:
        return int((await uow.session.execute(select(func.count()).select_from(ProcessedEventRow))).scalar_one())


def forward(update_id: int = 1) -> dict[str, object]:
    return forwarded_message_update(update_id, INTAKE, LI, PERU, message_id=55, origin=origin_user(9001))


async def test_start_registers_the_webhook_with_its_secret_and_the_command_menu(tg: Harness) -> None:
    [hook] = tg.fake.called("setWebhook")
    assert hook.params["url"] == WEBHOOK_URL
    assert hook.params["secret_token"] == SECRET
    assert set(hook.json("allowed_updates")) >= {"message", "callback_query"}
    menus = tg.fake.called("setMyCommands")
    assert {c["command"] for c in menus[0].json("commands")} == {"inq", "start"}
    assert [m.params.get("language_code") for m in menus] == [None, "en"]  # the org speaks zh-CN by default
    assert tg.fake.called("getUpdates") == []


@pytest.mark.parametrize(("secret", "status"), [(None, 401), ("wrong-secret", 403), (SECRET[:-1], 403), ("", 403)])
async def test_a_missing_or_wrong_secret_is_refused_and_nothing_is_stored(
    tg: Harness, secret: str | None, status: int
) -> None:
    response = await tg.post(forward(), secret=secret)

    assert response.status_code == status
    assert await tg.inquiries() == []
    assert await processed_events(tg) == 0
    await tg.deliver()
    assert tg.fake.called("sendMessage") == []


MALFORMED = [b"{not json", b"[1, 2]", b'{"message": {}}', b'{"update_id": "x"}', b"\xff\xfe",
             b'{"update_id": 5, "message": {"message_id": "x", "chat": 3, "from": [], "text": {"a": 1}}}',
             b'{"update_id": 6, "message": ' + b"[" * 5000 + b"]" * 5000 + b"}"]


@pytest.mark.parametrize("body", MALFORMED)
async def test_a_body_the_bot_cannot_process_is_kept_and_answered_200(tg: Harness, body: bytes) -> None:
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
    response = await tg.http.post("/telegram/webhook", content=body, headers=headers)

    assert response.status_code == 200  # Telegram would deliver a 4xx or 5xx again and again
    assert await processed_events(tg) == 0
    async with tg.app.ctx.uow() as uow:
        assert [(f.platform, f.body) for f in await uow.inbound_failures.latest()] == [("telegram", body)]


async def test_a_body_over_one_megabyte_is_413_before_the_secret_is_even_checked(tg: Harness) -> None:
    update = {**forward(), "padding": "x" * (1024 * 1024)}

    with_secret = await tg.post(update)
    without = await tg.post(update, secret=None)

    assert (with_secret.status_code, without.status_code) == (413, 413)
    assert await tg.inquiries() == []


async def test_the_right_secret_is_processed_before_the_answer(tg: Harness) -> None:
    response = await tg.http.post("/telegram/webhook", content=json.dumps(forward()),
                                  headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
    assert response.status_code == 200
    assert len(await tg.inquiries()) == 1
    assert await processed_events(tg) == 1


async def test_a_failure_to_store_answers_500_so_telegram_delivers_again(tg: Harness) -> None:
    async with tg.app.engine.begin() as connection:  # the database loses a table: ingest cannot commit
        await connection.run_sync(PROCESSED.drop)

    assert (await tg.post(forward())).status_code == 500
    assert await tg.inquiries() == []

    async with tg.app.engine.begin() as connection:
        await connection.run_sync(PROCESSED.create)
    assert (await tg.post(forward())).status_code == 200  # Telegram's retry of the same update
    assert len(await tg.inquiries()) == 1


async def test_the_bot_logs_the_id_of_a_chat_it_joins(tg: Harness, caplog: pytest.LogCaptureFixture) -> None:
    member = {"user": bot_user(), "status": "member"}
    update = {"update_id": 9, "my_chat_member": {
        "chat": chat(-1004242, "Sales MENA"), "from": user(LI), "date": 1_700_000_000,
        "old_chat_member": {**member, "status": "left"}, "new_chat_member": member}}

    with caplog.at_level(logging.INFO, logger="bot.handlers.telegram"):
        assert (await tg.post(update)).status_code == 200

    assert "-1004242" in caplog.text and "Sales MENA" in caplog.text


async def test_no_secret_configured_refuses_every_delivery(
    fake_telegram: FakeTelegram, sqlite_url: str, clock: FrozenClock, org: Org
) -> None:
    async with telegram_app(fake_telegram, sqlite_url, clock, org, TELEGRAM_WEBHOOK_SECRET=None) as tg:
        assert (await tg.post(forward(), secret="anything")).status_code == 403
        assert await tg.inquiries() == []


async def test_long_polling_under_run(fake_telegram: FakeTelegram, sqlite_url: str, clock: FrozenClock,
                                      org: Org) -> None:
    app = await build(telegram_settings(sqlite_url, fake_telegram), clock=clock, org=org)
    runtime = next(r for r in app.runtimes if isinstance(r, TelegramRuntime))
    try:
        await runtime.start(http=False)
        fake_telegram.push_update(forward(update_id=3))
        deadline = time.monotonic() + 5
        while True:
            async with app.ctx.uow() as uow:
                if await uow.inquiries.list():
                    break
            assert time.monotonic() < deadline, "the polled forward never became an inquiry"
            await asyncio.sleep(0.02)
    finally:
        started = time.monotonic()
        await runtime.stop()
        await app.close()
    assert time.monotonic() - started < 3  # stopping does not wait out a long poll
    assert fake_telegram.called("deleteWebhook")  # polling clears a webhook first
    assert fake_telegram.called("setWebhook") == []


def test_the_file_url_follows_the_api_url() -> None:
    assert file_url("https://api.telegram.org/bot") == "https://api.telegram.org/file/bot"
    assert file_url("http://127.0.0.1:8081/bot") == "http://127.0.0.1:8081/file/bot"
    assert file_url("http://local/bot{token}") == "http://local/file/bot{token}"
