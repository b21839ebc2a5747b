"""Issue 5, black box: `inquirybot serve` as a subprocess, Telegram updates over real HTTP, both fakes listening."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import socket
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import EXAMPLE_ORG

from .fakes import BOT_TOKEN, TELEGRAM_TOKEN, FakeSlack, FakeTelegram
from .fakes.signing import SIGNING_SECRET
from .fakes.telegram import command_update, forwarded_message_update, origin_hidden_user
from .telegram_harness import INTAKE, LI, SECRET, ZHANG

START_TIMEOUT = 30.0
LIMA = "Carlos from Lima needs {n} XRF analysers. Email carlos{n}@minera.pe, WhatsApp +51 987 654 32{n}"


def read(log: Path) -> str:
    return log.read_text(errors="replace")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve_env(tmp_path: Path, telegram: FakeTelegram, slack: FakeSlack) -> dict[str, str]:
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TELEGRAM_", "INQUIRYBOT_"))}
    return {
        **inherited,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'serve.db'}",
        "INQUIRYBOT_ORG": str(EXAMPLE_ORG),
        "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN, "TELEGRAM_API_URL": telegram.base_url,
        "TELEGRAM_WEBHOOK_SECRET": SECRET,
        "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_URL": slack.base_url,
    }


async def wait_healthy(http: httpx.AsyncClient, process: asyncio.subprocess.Process, log: Path) -> dict[str, object]:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.returncode is not None:
            pytest.fail(f"serve exited with {process.returncode}:\n{read(log)}")
        with contextlib.suppress(httpx.TransportError):
            response = await http.get("/healthz")
            if response.status_code == 200:
                health: dict[str, object] = response.json()
                return health
        await asyncio.sleep(0.1)
    pytest.fail(f"serve did not become healthy in {START_TIMEOUT}s:\n{read(log)}")


@contextlib.asynccontextmanager
async def serving(tmp_path: Path, telegram: FakeTelegram, slack: FakeSlack) -> AsyncIterator[httpx.AsyncClient]:
    """`python -m bot serve --port P --no-scheduler`, stopped with SIGTERM like a process manager does."""
    port, log = free_port(), tmp_path / "serve.log"
    with log.open("wb") as sink:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "serve", "--port", str(port), "--no-scheduler",
            env=serve_env(tmp_path, telegram, slack), cwd=tmp_path, stdout=sink, stderr=sink,
        )
        try:
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
                health = await wait_healthy(http, process, log)
                assert sorted(health["platforms"]) == ["slack", "telegram"]  # type: ignore[call-overload]
                yield http
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            code = await asyncio.wait_for(process.wait(), timeout=15)
    text = read(log)
    assert code in (0, -signal.SIGTERM), text  # uvicorn re-raises the signal it handled, after a clean stop
    assert "Application shutdown complete" in text
    assert TELEGRAM_TOKEN not in text and BOT_TOKEN not in text  # no token in the INFO log


async def post_update(http: httpx.AsyncClient, update: dict[str, object], secret: str = SECRET) -> int:
    response = await http.post("/telegram/webhook", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": secret})
    return response.status_code


async def test_serve_takes_telegram_webhooks_and_reaches_both_platforms(
    tmp_path: Path, fake_telegram: FakeTelegram, fake_slack: FakeSlack
) -> None:
    async with serving(tmp_path, fake_telegram, fake_slack) as http:
        now = int(time.time())
        first = forwarded_message_update(1, INTAKE, LI, LIMA.format(n=1), message_id=11, date=now,
                                         origin=origin_hidden_user("Carlos", date=now - 60))
        assert await post_update(http, first, secret="wrong") == 403
        assert await post_update(http, first) == 200
        assert await post_update(http, first) == 200  # a retry: still one inquiry
        second = forwarded_message_update(2, INTAKE, LI, LIMA.format(n=2), message_id=12, date=now,
                                          origin=origin_hidden_user("Carlos", date=now - 60))
        assert await post_update(http, second) == 200

        [to_zhou] = await fake_slack.wait_for("chat.postMessage", timeout=15)  # zhou is only on Slack
        sent = await fake_telegram.wait_for("sendMessage", count=3, timeout=15)
        assert await post_update(http, command_update("/inq mine", 3, chat_id=ZHANG, from_id=ZHANG)) == 200
        await fake_telegram.wait_for("sendMessage", count=4, timeout=15)

    assert to_zhou.params["channel"] == "DU08ZHOU"
    assert re.search(r"INQ-\d{4}-000002", to_zhou.params["text"])
    chats = [int(c.params["chat_id"]) for c in sent]
    assert chats.count(INTAKE) == 2
    assert chats.count(ZHANG) == 1
    assert fake_telegram.called("setMyCommands")
    mine = fake_telegram.called("sendMessage")[3]
    assert int(mine.params["chat_id"]) == ZHANG
    assert re.search(r"INQ-\d{4}-000001", mine.params["text"])
