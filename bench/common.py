"""Shared set-up for the benchmarks: an app on a throw-away database, built the way production builds it."""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.bootstrap import App, build
from bot.clock import FrozenClock
from bot.org.loader import load_org
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def arguments(description: str, default_n: int) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("-n", type=int, default=default_n, help="how many items")
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    return parser.parse_args()


async def fresh_postgres(url: str) -> str:
    """A new, empty database beside the one `url` names (never benchmark inside a shared database)."""
    import os

    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from storage.database import make_engine

    name = f"bench_{os.getpid()}_{int(time.time())}"
    admin = make_engine(url, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await admin.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


async def make_app(database_url: str | None, clock: FrozenClock) -> App:
    """The app on a new SQLite file, or on a new PostgreSQL database created beside `database_url`'s."""
    if database_url and database_url.startswith("postgresql"):
        database_url = await fresh_postgres(database_url)
    url = database_url or f"sqlite+aiosqlite:///{tempfile.mkdtemp()}/bench.db"
    settings = Settings(DATABASE_URL=url, INQUIRYBOT_ORG=str(ROOT / "org.example.yaml"))
    return await build(settings, clock=clock, org=load_org(ROOT / "org.example.yaml"), shell_write=lambda _t: None)


async def close_app(app: App) -> None:
    """Dispose the engine; a database `make_app` created on PostgreSQL is dropped again."""
    from sqlalchemy import text

    from storage.database import make_engine

    await app.close()
    url = app.engine.url
    if url.get_backend_name() == "postgresql" and (url.database or "").startswith("bench_"):
        admin = make_engine(url.set(database="postgres").render_as_string(hide_password=False),
                            isolation_level="AUTOCOMMIT")
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{url.database}"'))
        await admin.dispose()


def local(*args: int) -> datetime:
    """A Shanghai wall-clock time."""
    return datetime(*args, tzinfo=ZoneInfo("Asia/Shanghai"))  # type: ignore[misc]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
