"""`inquirybot serve` as real processes: started like a process manager does, killed with SIGKILL, restarted."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import ROOT
from tests.platforms.fakes import BOT_TOKEN, TELEGRAM_TOKEN, FakeSlack, FakeTelegram
from tests.platforms.fakes.signing import SIGNING_SECRET

from .cluster import free_port

TELEGRAM_SECRET = "faults-webhook-secret"
START_TIMEOUT = 60.0


class Replica:
    """One `serve` process on its own port; `kill()` is kill -9, `start()` starts a fresh one on the same port."""

    def __init__(self, name: str, env: dict[str, str], workdir: Path) -> None:
        self.name = name
        self.env = env
        self.port = free_port()
        self.workdir = workdir
        self.process: asyncio.subprocess.Process | None = None
        self.starts = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.returncode is None

    async def start(self) -> None:
        self.starts += 1
        log = (self.workdir / f"{self.name}.log").open("ab")
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "serve", "--port", str(self.port), cwd=self.workdir, env=self.env,
            stdout=log, stderr=log, start_new_session=True)
        log.close()

    async def wait_healthy(self, timeout: float = START_TIMEOUT) -> dict[str, Any]:  # noqa: ASYNC109
        deadline = time.monotonic() + timeout
        async with httpx.AsyncClient(timeout=2.0) as http:
            while time.monotonic() < deadline:
                if not self.alive:
                    raise AssertionError(f"{self.name} exited:\n{self.log_tail()}")
                with contextlib.suppress(httpx.TransportError):
                    response = await http.get(f"{self.base}/healthz")
                    if response.status_code == 200:
                        health: dict[str, Any] = response.json()
                        return health
                await asyncio.sleep(0.2)
        raise AssertionError(f"{self.name} not healthy within {timeout}s:\n{self.log_tail()}")

    async def leads(self) -> bool:
        with contextlib.suppress(httpx.TransportError, ValueError):
            async with httpx.AsyncClient(timeout=2.0) as http:
                return bool((await http.get(f"{self.base}/healthz")).json().get("scheduler_leader"))
        return False

    async def kill(self) -> None:
        if self.alive and self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            await asyncio.wait_for(self.process.wait(), timeout=10)

    async def terminate(self) -> None:
        if self.alive and self.process is not None:
            self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.process.wait(), timeout=15)
            except TimeoutError:
                await self.kill()

    def log_tail(self, chars: int = 3000) -> str:
        path = self.workdir / f"{self.name}.log"
        return path.read_text(errors="replace")[-chars:] if path.exists() else ""


def serve_env(database_url: str, org_file: Path, slack: FakeSlack, telegram: FakeTelegram) -> dict[str, str]:
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TELEGRAM_", "INQUIRYBOT_"))}
    return {
        **inherited,
        "DATABASE_URL": database_url, "INQUIRYBOT_ORG": str(org_file), "PYTHONPATH": str(ROOT),
        "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_URL": slack.base_url,
        "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN, "TELEGRAM_API_URL": telegram.base_url,
        "TELEGRAM_WEBHOOK_SECRET": TELEGRAM_SECRET,
    }
