"""The bot as a process: `inquirybot serve` over real HTTP, and `run`'s Socket Mode connection."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from bot.bootstrap import build
from bot.clock import FrozenClock
from bot.org.model import Org
from bot.running import running
from tests.conftest import EXAMPLE_ORG, ROOT

from .fakes import APP_TOKEN, BOT_TOKEN, FakeSlack
from .fakes.signing import (
    SIGNING_SECRET,
    event_callback,
    events_api_envelope,
    shared_message_event,
    signed_headers,
    slash_command_payload,
    slash_commands_envelope,
)
from .slack_support import CUSTOMER_TEXT, INTAKE, LI, ZHANG, slack_settings

START_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def share(seconds_ago: int) -> dict[str, object]:
    now = int(time.time())
    return shared_message_event(LI, INTAKE, f"{now - seconds_ago}.000100", CUSTOMER_TEXT, f"{now - 7200}.000100",
                                "U0DESK")


@pytest.fixture
async def served(tmp_path: Path, fake_slack: FakeSlack) -> AsyncIterator[str]:
    """`python -m bot serve --no-scheduler` on a free port; yields its base URL, stops it with SIGTERM."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TELEGRAM_", "INQUIRYBOT_"))}
    env.update({
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'served.db'}", "INQUIRYBOT_ORG": str(EXAMPLE_ORG),
        "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_URL": fake_slack.base_url,
        "PYTHONPATH": str(ROOT),
    })
    log = (tmp_path / "serve.log").open("wb")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "serve", "--port", str(port), "--no-scheduler",
        cwd=tmp_path, env=env, stdout=log, stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        await wait_healthy(base, process)
        yield base
    finally:
        if process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), timeout=15)
            except TimeoutError:
                process.kill()
                await process.wait()
        log.close()
        print((tmp_path / "serve.log").read_text(errors="replace")[-4000:])  # shown only when a test fails


async def wait_healthy(base: str, process: asyncio.subprocess.Process) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    async with httpx.AsyncClient() as http:
        while time.monotonic() < deadline:
            if process.returncode is not None:
                raise AssertionError(f"serve exited with {process.returncode}")
            try:
                if (await http.get(f"{base}/healthz", timeout=1.0)).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError(f"serve did not answer /healthz within {START_TIMEOUT}s")


async def test_serve_answers_signed_slack_events_over_http(served: str, fake_slack: FakeSlack) -> None:
    body = json.dumps(event_callback(share(30), event_id="EvServe1"))
    async with httpx.AsyncClient(base_url=served) as http:
        forged = await http.post("/slack/events", content=body, headers=signed_headers("wrong", body))
        accepted = await http.post("/slack/events", content=body, headers=signed_headers(SIGNING_SECRET, body))
        health = (await http.get("/healthz")).json()

    assert forged.status_code == 401
    assert accepted.status_code == 200
    assert health["platforms"] == ["slack"]
    await fake_slack.wait_for("chat.postMessage", count=2, timeout=15)
    posts = fake_slack.called("chat.postMessage")
    [thread_reply] = [p for p in posts if p.params["channel"] == INTAKE]
    [dm] = [p for p in posts if p.params["channel"] == "D" + ZHANG]
    assert f"<@{ZHANG}>" in thread_reply.params["text"]
    assert thread_reply.params["thread_ts"] == json.loads(body)["event"]["ts"]
    assert any(b["type"] == "actions" for b in dm.params["blocks"])


async def test_socket_mode_connects_and_an_acked_forward_is_an_inquiry(
    sqlite_url: str, org: Org, clock: FrozenClock, fake_slack: FakeSlack
) -> None:
    settings = slack_settings(sqlite_url, fake_slack, SLACK_APP_TOKEN=APP_TOKEN)
    app = await build(settings, clock=clock, org=org)
    try:
        async with running(app, http=False, scheduler=False):
            [opened] = await fake_slack.wait_for("apps.connections.open")
            envelope_id = await fake_slack.socket_send(events_api_envelope(event_callback(share(10))))
            ack = await fake_slack.wait_for_ack(envelope_id)
            async with app.ctx.uow() as uow:
                inquiries = await uow.inquiries.list()
            await fake_slack.wait_for("chat.postMessage", count=2)
            command_id = await fake_slack.socket_send(
                slash_commands_envelope(slash_command_payload(text="mine", user_id=ZHANG)))
            command_ack = await fake_slack.wait_for_ack(command_id)
    finally:
        await app.close()

    assert opened.headers["Authorization"] == f"Bearer {APP_TOKEN}"
    assert ack == {"envelope_id": envelope_id}
    assert [i.specialist_id for i in inquiries] == ["li"]  # committed before the envelope was acked
    assert command_ack["payload"]["response_type"] == "ephemeral"
    assert inquiries[0].id in command_ack["payload"]["text"]
    assert not fake_slack.socket.connected
