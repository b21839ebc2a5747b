"""Shared fixtures: databases (SQLite always, PostgreSQL when TEST_DATABASE_URL is set), the example org,
and an app built by bootstrap with a frozen clock and a shell transcript."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from bot.bootstrap import App, build
from bot.clock import FrozenClock
from bot.org.loader import load_org
from bot.org.model import Org
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_ORG = ROOT / "org.example.yaml"
SHANGHAI = ZoneInfo("Asia/Shanghai")
PG_URL = os.environ.get("TEST_DATABASE_URL")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In CI the PostgreSQL tests must run: a missing TEST_DATABASE_URL is an error, not a skip."""
    needs_pg = [i for i in items if "postgres" in i.keywords]
    if needs_pg and not PG_URL:
        if os.environ.get("CI"):
            raise pytest.UsageError("CI=true but TEST_DATABASE_URL is not set: PostgreSQL tests would be skipped")
        skip = pytest.mark.skip(reason="TEST_DATABASE_URL not set")
        for item in needs_pg:
            item.add_marker(skip)


def local(*args: int) -> datetime:
    """A Shanghai wall-clock time, the way people in the policy talk about deadlines."""
    return datetime(*args, tzinfo=SHANGHAI)  # type: ignore[misc]


@pytest.fixture(scope="session", autouse=True)
def _org_cache_of_the_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """CLI calls (in-process and the children tests start) keep the validated org in a directory of this test
    session, never in the developer's ~/.cache."""
    before = os.environ.get("INQUIRYBOT_CACHE_DIR")
    os.environ["INQUIRYBOT_CACHE_DIR"] = str(tmp_path_factory.mktemp("org-cache"))
    yield
    if before is None:
        del os.environ["INQUIRYBOT_CACHE_DIR"]
    else:
        os.environ["INQUIRYBOT_CACHE_DIR"] = before


@pytest.fixture(scope="session")
def org() -> Org:
    return load_org(EXAMPLE_ORG)


async def _admin(statement: str) -> None:
    """Run one statement on the TEST_DATABASE_URL database (CREATE / DROP DATABASE cannot run in a pool)."""
    assert PG_URL
    url = make_url(PG_URL)
    admin = await asyncpg.connect(
        host=url.host, port=url.port or 5432, user=url.username, password=url.password, database=url.database
    )
    try:
        await admin.execute(statement)
    finally:
        await admin.close()


async def _fresh_pg_database() -> tuple[str, str]:
    assert PG_URL
    name = f"inqtest_{uuid.uuid4().hex[:12]}"
    await _admin(f'CREATE DATABASE "{name}"')
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False), name


async def _drop_pg_database(name: str) -> None:
    await _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A fresh, empty database per test on each backend."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"
        return
    url, name = await _fresh_pg_database()
    try:
        yield url
    finally:
        await _drop_pg_database(name)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"


class Transcript:
    """Everything the shell notifier printed, for assertions on what people saw."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def write(self, text: str) -> None:
        self.lines.append(text)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def clear(self) -> None:
        self.lines.clear()


AppFactory = Callable[..., "AsyncIterator[App]"]


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(local(2026, 11, 23, 9, 0))


@pytest.fixture
def transcript() -> Transcript:
    return Transcript()


@pytest.fixture
async def app(sqlite_url: str, org: Org, clock: FrozenClock, transcript: Transcript,
              tmp_path: Path) -> AsyncIterator[App]:
    """The whole bot built by bootstrap on SQLite, in shell mode, with a frozen clock."""
    settings = Settings(DATABASE_URL=sqlite_url, INQUIRYBOT_ORG=str(EXAMPLE_ORG),
                        INQUIRYBOT_REPORTS_DIR=str(tmp_path / "reports"))  # report files never land in the repo
    built = await build(settings, clock=clock, org=org, shell_write=transcript.write)
    try:
        yield built
    finally:
        await built.close()
