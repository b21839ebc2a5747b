"""/healthz against a real PostgreSQL that stops and starts again: 503 with the reason while it is down.

The cluster is our own (initdb + pg_ctl as the postgres user, a temporary folder, a free port), never the
shared one on 5432.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from bot.bootstrap import build
from bot.clock import FrozenClock
from bot.org.model import Org
from bot.settings import Settings
from bot.web import create_web_app
from tests.conftest import EXAMPLE_ORG

BINARIES = sorted(glob.glob("/usr/lib/postgresql/*/bin"))


def _has_postgres_user() -> bool:
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return False
    return True


pytestmark = pytest.mark.skipif(
    not BINARIES or os.geteuid() != 0 or not _has_postgres_user(),
    reason="needs the PostgreSQL server binaries, root and the postgres user to run a private cluster",
)


@dataclass
class Cluster:
    folder: Path
    port: int

    def ctl(self, *args: str) -> None:
        pg_ctl = f"{BINARIES[-1]}/pg_ctl"
        subprocess.run(["runuser", "-u", "postgres", "--", pg_ctl, "-D", str(self.folder / "data"), "-w", *args],
                       check=True, capture_output=True, timeout=60)

    def start(self) -> None:
        self.ctl("-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1", "-l",
                 str(self.folder / "log"), "start")

    def stop(self) -> None:
        self.ctl("-m", "fast", "stop")

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/postgres"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    folder = Path(tempfile.mkdtemp(prefix="inquirybot-pg-"))
    shutil.chown(folder, "postgres", "postgres")
    initdb = f"{BINARIES[-1]}/initdb"
    subprocess.run(["runuser", "-u", "postgres", "--", initdb, "-D", str(folder / "data"), "-A", "trust", "-U",
                    "postgres"], check=True, capture_output=True, timeout=120)
    own = Cluster(folder, free_port())
    own.start()
    try:
        yield own
    finally:
        subprocess.run(["runuser", "-u", "postgres", "--", f"{BINARIES[-1]}/pg_ctl", "-D", str(folder / "data"),
                        "-m", "immediate", "stop"], capture_output=True, timeout=60, check=False)
        shutil.rmtree(folder, ignore_errors=True)


async def test_healthz_is_503_with_the_reason_while_postgresql_is_stopped(cluster: Cluster, org: Org,
                                                                           clock: FrozenClock) -> None:
    settings = Settings(_env_file=None, DATABASE_URL=cluster.url, INQUIRYBOT_ORG=str(EXAMPLE_ORG),
                        TELEGRAM_BOT_TOKEN="1:unused", TELEGRAM_API_URL="http://127.0.0.1:9/bot")
    app = await build(settings, clock=clock, org=org)
    web = create_web_app(app, scheduler=False, lifespan=False)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=web), base_url="http://test") as http:
            up = await http.get("/healthz")
            cluster.stop()
            down = await http.get("/healthz")
            scraped = await http.get("/metrics")
            cluster.start()
            back = await http.get("/healthz")
    finally:
        await app.close()

    assert up.status_code == 200 and up.json()["database"] == "ok"
    assert down.status_code == 503
    assert down.json()["ok"] is False and down.json()["database"] == "down"
    assert f"cannot reach the database at 127.0.0.1:{cluster.port}" in down.json()["reason"]
    assert scraped.status_code == 200 and "inquirybot_database_up 0.0" in scraped.text
    assert back.status_code == 200 and back.json()["ok"] is True
