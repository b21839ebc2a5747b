"""Black-box: what an operator sees when the database or the org file is wrong (one or two lines, exit 1 or 2,
never a traceback), and read commands on a database file this user may only read."""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_ORG, PG_URL
from tests.scenarios.test_cli_shell import BRAZIL

# Root ignores file modes; without these capabilities root meets them like any other user.
AS_PLAIN_USER = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def inquirybot(args: list[str], cwd: Path, *, database_url: str, org: Path = EXAMPLE_ORG, stdin: str = "",
               prefix: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database_url, "INQUIRYBOT_ORG": str(org), "INQUIRYBOT_LOG_LEVEL": "WARNING",
           "SLACK_BOT_TOKEN": "", "TELEGRAM_BOT_TOKEN": ""}
    return subprocess.run([*(prefix or []), sys.executable, "-m", "bot", *args], input=stdin, capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=60, check=False)


def assert_short_failure(done: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert done.returncode in (1, 2), (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr + done.stdout
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert 1 <= len(lines) <= 2, done.stderr
    for needle in needles:
        assert needle in done.stderr, done.stderr


def test_unreachable_postgresql_is_named_with_its_address(tmp_path: Path) -> None:
    port = closed_port()
    done = inquirybot(["inquiries", "list", "--json"], tmp_path,
                      database_url=f"postgresql+asyncpg://bot@127.0.0.1:{port}/inquirybot")
    assert_short_failure(done, f"cannot reach the database at 127.0.0.1:{port}", "Fix:")
    assert done.stdout == ""


@pytest.mark.postgres
def test_a_driverless_url_is_taken_as_asyncpg_and_a_missing_database_is_named(tmp_path: Path) -> None:
    assert PG_URL
    driverless = PG_URL.replace("postgresql+asyncpg://", "postgresql://").rsplit("/", 1)[0] + "/no_such_db_ops"
    done = inquirybot(["db", "upgrade"], tmp_path, database_url=driverless)
    assert_short_failure(done, "database 'no_such_db_ops' does not exist", "createdb")
    debug = subprocess.run([sys.executable, "-m", "bot", "db", "upgrade"], capture_output=True, text=True, cwd=tmp_path,
                           env={**os.environ, "DATABASE_URL": driverless.replace("postgresql://", "postgres://"),
                                "INQUIRYBOT_ORG": str(EXAMPLE_ORG), "INQUIRYBOT_LOG_LEVEL": "DEBUG"},
                           timeout=60, check=False)
    assert "using it as postgresql+asyncpg://" in debug.stderr
    assert "does not exist" in debug.stderr and "Traceback" not in debug.stderr


def test_a_driverless_url_on_a_closed_port_reaches_asyncpg_not_psycopg2(tmp_path: Path) -> None:
    done = inquirybot(["inquiries", "list"], tmp_path, database_url=f"postgres://bot@127.0.0.1:{closed_port()}/x")
    assert_short_failure(done, "cannot reach the database")
    assert "psycopg2" not in done.stderr


def test_an_unknown_driver_says_what_to_write(tmp_path: Path) -> None:
    done = inquirybot(["inquiries", "list"], tmp_path, database_url="mysql://bot@127.0.0.1/x")
    assert_short_failure(done, "driver", "postgresql+asyncpg://")


def test_missing_org_file(tmp_path: Path) -> None:
    done = inquirybot(["report", "counts", "--date", "2026-11-23"], tmp_path, org=tmp_path / "nope.yaml",
                      database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}")
    assert_short_failure(done, "No org file at", "nope.yaml")


def test_broken_org_file_shows_the_first_problem_and_how_many_more(tmp_path: Path) -> None:
    org = tmp_path / "org.yaml"
    org.write_text("timezone: Asia/Shanghai\nsurprise: 1\n", encoding="utf-8")
    done = inquirybot(["inquiries", "list"], tmp_path, org=org, database_url=f"sqlite+aiosqlite:///{tmp_path / 'b.db'}")
    assert_short_failure(done, "org.yaml", "Fix:", "inquirybot org check")


def test_yaml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    org = tmp_path / "org.yaml"
    org.write_text("timezone: Asia/Shanghai\nchannels:\n  intake: {slack: C1\n", encoding="utf-8")
    done = inquirybot(["run", "--shell", "--as", "li"], tmp_path, org=org,
                      database_url=f"sqlite+aiosqlite:///{tmp_path / 'b.db'}")
    assert_short_failure(done, "line 4, column 1", "YAML")


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder outside pytest's private tmp tree, so the lowered-privilege process can reach it."""
    folder = Path(tempfile.mkdtemp(prefix="inquirybot-ro-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


@pytest.mark.skipif(shutil.which("setpriv") is None, reason="needs setpriv (util-linux) to test as a plain user")
def test_read_commands_work_on_a_read_only_database_and_writes_say_why(shared_dir: Path) -> None:
    url = f"sqlite+aiosqlite:///{shared_dir / 'bot.db'}"
    forwarded = inquirybot(["run", "--shell", "--as", "li"], shared_dir, database_url=url, stdin=BRAZIL)
    assert forwarded.returncode == 0, forwarded.stderr
    before = sorted(p.name for p in shared_dir.iterdir())
    (shared_dir / "bot.db").chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    shared_dir.chmod(0o555)  # nor can SQLite create its -wal / -shm files beside it
    cwd = Path("/")

    listed = inquirybot(["inquiries", "list", "--json"], cwd, database_url=url, prefix=AS_PLAIN_USER)
    assert listed.returncode == 0, listed.stderr
    [inquiry] = json.loads(listed.stdout)
    shown = inquirybot(["inquiries", "show", inquiry["id"], "--json"], cwd, database_url=url, prefix=AS_PLAIN_USER)
    counts = inquirybot(["report", "counts", "--date", inquiry["forwarded_at"][:10], "--json"], cwd,
                        database_url=url, prefix=AS_PLAIN_USER)
    penalties = inquirybot(["incentives", "list", "--json"], cwd, database_url=url, prefix=AS_PLAIN_USER)
    erase = inquirybot(["inquiries", "erase", inquiry["id"], "--yes"], cwd, database_url=url, prefix=AS_PLAIN_USER)

    assert json.loads(shown.stdout)["id"] == inquiry["id"]
    assert json.loads(counts.stdout)["total"] == 1
    assert json.loads(penalties.stdout) == []
    assert_short_failure(erase, "read-only", "inquiries erase")
    assert sorted(p.name for p in shared_dir.iterdir()) == before  # nothing was created or left behind
