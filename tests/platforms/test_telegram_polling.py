"""Issue 12 item 5: long polling confirms an update (asks for the next offset) only after it is committed, so
forwards that arrive while the database cannot store them are taken once it can, none lost."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

import pytest

from bot.bootstrap import build
from bot.bootstrap_telegram import TelegramRuntime
from bot.clock import FrozenClock
from bot.org.model import Org
from storage.tables import ProcessedEventRow

from .fakes import FakeTelegram
from .fakes.telegram import forwarded_message_update, origin_user
from .telegram_harness import INTAKE, LI, PERU, telegram_settings

PROCESSED = ProcessedEventRow.metadata.tables[ProcessedEventRow.__tablename__]
FORWARDS = range(21, 26)


async def until(condition: Callable[[], object], what: str, timeout: float = 20.0) -> None:  # noqa: ASYNC109
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"never happened: {what}"
        await asyncio.sleep(0.05)


def offsets(fake: FakeTelegram) -> list[int]:
    return [int(c.params.get("offset") or 0) for c in fake.called("getUpdates")]


async def test_forwards_polled_while_the_database_fails_are_committed_afterwards_and_only_then_confirmed(
    fake_telegram: FakeTelegram, sqlite_url: str, clock: FrozenClock, org: Org, caplog: pytest.LogCaptureFixture
) -> None:
    app = await build(telegram_settings(sqlite_url, fake_telegram), clock=clock, org=org)
    runtime = next(r for r in app.runtimes if isinstance(r, TelegramRuntime))
    caplog.set_level(logging.WARNING, logger="bot.handlers.telegram_polling")
    try:
        await runtime.start(http=False)
        async with app.engine.begin() as connection:  # the database cannot store an intake any more
            await connection.run_sync(PROCESSED.drop)
        for update_id in FORWARDS:
            fake_telegram.push_update(forwarded_message_update(
                update_id, INTAKE, LI, PERU.replace("5 handheld", f"{update_id} handheld"),
                message_id=update_id * 10, origin=origin_user(9000 + update_id)))
        await until(lambda: caplog.text.count("waits for the database") >= 2, "the poller waiting for the database")

        assert len(fake_telegram.updates) == len(FORWARDS)  # none confirmed to Telegram yet
        assert max(offsets(fake_telegram)) <= FORWARDS[0]
        async with app.ctx.uow() as uow:
            assert await uow.inquiries.list() == []

        async with app.engine.begin() as connection:  # the database is back
            await connection.run_sync(PROCESSED.create)
        await until(lambda: max(offsets(fake_telegram)) == FORWARDS[-1] + 1, "every forward confirmed")
        async with app.ctx.uow() as uow:
            inquiries = await uow.inquiries.list()
            kept = await uow.inbound_failures.latest()
    finally:
        await runtime.stop()
        await app.close()

    assert sorted(i.original_text.split(" handheld")[0][-2:] for i in inquiries if i.original_text) == [
        str(n) for n in FORWARDS]
    assert kept == []  # a database failure is not a poison update
    assert fake_telegram.updates == []
