"""Shared set-up for the benchmarks: an app on a throw-away database, built the way production builds it."""

from __future__ import annotations

import argparse
import resource
import tempfile
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


async def make_app(database_url: str | None, clock: FrozenClock) -> App:
    url = database_url or f"sqlite+aiosqlite:///{tempfile.mkdtemp()}/bench.db"
    settings = Settings(DATABASE_URL=url, INQUIRYBOT_ORG=str(ROOT / "org.example.yaml"))
    return await build(settings, clock=clock, org=load_org(ROOT / "org.example.yaml"), shell_write=lambda _t: None)


def local(*args: int) -> datetime:
    """A Shanghai wall-clock time."""
    return datetime(*args, tzinfo=ZoneInfo("Asia/Shanghai"))  # type: ignore[misc]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
