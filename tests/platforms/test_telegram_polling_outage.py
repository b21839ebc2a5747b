"""Issue 12 item 5, black box: `inquirybot run` polls the fake Telegram while its PostgreSQL (our own cluster on
another port, never the shared one) is stopped; every forward sent during the outage becomes one inquiry once
the database is back. CI stops it for a few seconds; POLLING_OUTAGE_SECONDS=60 runs the long outage."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

import asyncpg
import pytest

from tests.conftest import EXAMPLE_ORG
from tests.storage.test_health_outage import Cluster, cluster  # noqa: F401 - the private cluster fixture

from .fakes import TELEGRAM_TOKEN, FakeTelegram
from .fakes.telegram import forwarded_message_update, origin_user
from .telegram_harness import INTAKE, LI

pytestmark = pytest.mark.skipif(not Path("/usr/lib/postgresql").exists() or os.geteuid() != 0,
                                reason="needs the PostgreSQL server binaries and root for a private cluster")

OUTAGE = float(os.environ.get("POLLING_OUTAGE_SECONDS", "6"))
DURING = 6  # forwards sent while the database is down
TEXT = "Hello, this is Ana from Quimica Fina, Brazil. We need {n} GC-2030 units. ana{n}@quimicafina.com.br"


async def count_inquiries(port: int) -> int:
    connection = await asyncpg.connect(host="127.0.0.1", port=port, user="postgres", database="postgres")
    try:
        return int(await connection.fetchval("SELECT count(*) FROM inquiries"))
    finally:
        await connection.close()


async def eventually(expected: int, port: int, timeout: float) -> int:  # noqa: ASYNC109
    deadline, seen = time.monotonic() + timeout, -1
    while time.monotonic() < deadline:
        try:
            seen = await count_inquiries(port)
        except (OSError, asyncpg.PostgresError):
            seen = -1
        if seen == expected:
            return seen
        await asyncio.sleep(0.25)
    return seen


def forward(n: int) -> dict[str, object]:
    return forwarded_message_update(n, INTAKE, LI, TEXT.format(n=n), message_id=500 + n, date=int(time.time()),
                                    origin=origin_user(8000 + n))


async def test_no_forward_is_lost_while_postgresql_is_down(
    cluster: Cluster, fake_telegram: FakeTelegram, tmp_path: Path  # noqa: F811
) -> None:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TELEGRAM_", "INQUIRYBOT_"))},
           "DATABASE_URL": cluster.url, "INQUIRYBOT_ORG": str(EXAMPLE_ORG),
           "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN, "TELEGRAM_API_URL": fake_telegram.base_url}
    log = tmp_path / "run.log"
    with log.open("wb") as sink:
        process = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", env=env, cwd=tmp_path,
                                                       stdin=asyncio.subprocess.DEVNULL, stdout=sink, stderr=sink)
        try:
            await fake_telegram.wait_for("getUpdates", timeout=60)
            fake_telegram.push_update(forward(1))
            before = await eventually(1, cluster.port, 30)

            cluster.stop()
            started = time.monotonic()
            for n in range(2, 2 + DURING):
                fake_telegram.push_update(forward(n))
                await asyncio.sleep(OUTAGE / DURING)
            await asyncio.sleep(max(0.0, OUTAGE - (time.monotonic() - started)))
            cluster.start()
            back = time.monotonic()

            after = await eventually(1 + DURING, cluster.port, 60)
            caught_up = time.monotonic() - back
            await asyncio.sleep(1.0)  # a late duplicate would show up here
            final = await count_inquiries(cluster.port)
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), timeout=30)
    text = log.read_text(errors="replace")
    print(f"\npolling through a {OUTAGE:.0f} s PostgreSQL outage: {DURING} forwards sent while it was down, "
          f"{final - 1} committed after it came back ({caught_up:.1f} s after), lost {1 + DURING - final}, "
          f"duplicated {max(0, final - 1 - DURING)}")
    assert before == 1, text[-3000:]
    assert (after, final) == (1 + DURING, 1 + DURING), text[-3000:]
    assert "waits for the database" in text  # it was the outage the forwards waited out
    assert fake_telegram.updates == []  # and every one was confirmed in the end
