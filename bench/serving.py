"""A real `inquirybot serve` for the benchmarks: a subprocess on a free port, with the fake Slack and Telegram
servers of tests/platforms/fakes on 127.0.0.1, on a fresh SQLite file or a fresh PostgreSQL database."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import httpx
from sqlalchemy.engine import make_url

from bench.common import ROOT
from tests.platforms.fakes import BOT_TOKEN, TELEGRAM_TOKEN, FakeSlack, FakeTelegram
from tests.platforms.fakes.signing import SIGNING_SECRET

WEBHOOK_SECRET = "bench-webhook-secret"
START_TIMEOUT = 60.0


@dataclass
class Served:
    http: httpx.AsyncClient
    url: str
    database_url: str
    log: Path
    slack: FakeSlack
    telegram: FakeTelegram
    pid: int

    def cpu_seconds(self) -> float:
        """CPU time the serve process has used so far (all its threads), from /proc; 0 where there is none."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.asynccontextmanager
async def fresh_database(base_url: str | None, folder: Path) -> AsyncIterator[str]:
    """A SQLite file in `folder`, or a new database beside the one `base_url` names (dropped afterwards)."""
    if not base_url:
        yield f"sqlite+aiosqlite:///{folder / 'bench.db'}"
        return
    url = make_url(base_url)
    name = f"bench_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(host=url.host, port=url.port or 5432, user=url.username, password=url.password,
                                  database=url.database)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


def serve_env(database_url: str, telegram: FakeTelegram, slack: FakeSlack, extra: dict[str, str]) -> dict[str, str]:
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TELEGRAM_", "INQUIRYBOT_"))}
    return {
        **inherited, "DATABASE_URL": database_url, "INQUIRYBOT_ORG": str(ROOT / "org.example.yaml"),
        "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN, "TELEGRAM_API_URL": telegram.base_url,
        "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_URL": slack.base_url,
        **extra,
    }


@contextlib.asynccontextmanager
async def served(base_url: str | None, *, extra_env: dict[str, str] | None = None,
                 args: tuple[str, ...] = ("--no-scheduler",)) -> AsyncIterator[Served]:
    """`python -m bot serve` until the block ends (then SIGTERM); its log is kept in a temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="inquirybot-bench-"))
    async with FakeTelegram() as telegram, FakeSlack() as slack, fresh_database(base_url, folder) as database_url:
        port, log = free_port(), folder / "serve.log"
        with log.open("wb") as sink:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "serve", "--port", str(port), *args,
                env=serve_env(database_url, telegram, slack, extra_env or {}), cwd=ROOT, stdout=sink, stderr=sink)
            url = f"http://127.0.0.1:{port}"
            limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
            try:
                async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as http:
                    await wait_healthy(http, process, log)
                    yield Served(http, url, database_url, log, slack, telegram, process.pid)
            finally:
                if process.returncode is None:
                    process.send_signal(signal.SIGTERM)
                    try:
                        await asyncio.wait_for(process.wait(), timeout=20)
                    except TimeoutError:
                        process.kill()
                        await process.wait()


async def wait_healthy(http: httpx.AsyncClient, process: asyncio.subprocess.Process, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.returncode is not None:
            raise RuntimeError(f"serve exited with {process.returncode}:\n{tail(log)}")
        with contextlib.suppress(httpx.TransportError):
            if (await http.get("/healthz")).status_code == 200:
                return
        await asyncio.sleep(0.2)
    raise RuntimeError(f"serve did not become healthy:\n{tail(log)}")


def tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:]
