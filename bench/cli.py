"""CLI start-up: wall time and peak RSS of common calls beside the floor, a bare `import sqlalchemy.ext.asyncio`.

    python -m bench.cli [--rounds 7]

Each round runs the floor and every command once, interleaved, so a busy machine slows them alike; the
figures are medians over the rounds. Peak RSS is each child's own (os.wait4), not the shell's.
Limits (issue 13): each call <= 1.5x the floor, peak RSS <= 80 MB. The validated org is kept in a cache directory
of this run (bot/org/cache.py), as an operator's repeated calls find it; the last line, without a usable cache
directory, shows what a call pays right after the org file was edited (no limit: once per edit).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = [sys.executable, "-c", "import sqlalchemy.ext.asyncio"]


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process; it must succeed."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return elapsed, usage.ru_maxrss / 1024


async def seed(url: str) -> str:
    """A migrated database with a few inquiries; returns one id to show."""
    from bench.common import local, make_app
    from bot.clock import FrozenClock
    from bot.services.intake import IntakeMessage, ingest

    clock = FrozenClock(local(2026, 11, 23, 9, 0))
    app = await make_app(url, clock)
    li = app.org.person("li")
    assert li is not None
    last = ""
    for n in range(20):
        clock.advance(timedelta(minutes=3))
        text = f"RFQ GC-2030, ana{n}@quimicafina.com.br, +55 21 9{n:04d}-5432"
        result = await ingest(IntakeMessage("slack", li, text, clock.now(), message_key=f"slack:C:{n}"), ctx=app.ctx)
        assert result.inquiry is not None
        last = result.inquiry.id
    await app.close()
    return last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seed", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed:
        print(asyncio.run(seed(args.seed)))
        return
    scratch = Path(tempfile.mkdtemp())
    url = f"sqlite+aiosqlite:///{scratch}/cli.db"
    # Seeded in a child: a forked child starts with its parent's peak RSS, so this process stays small.
    shown = subprocess.run([sys.executable, "-m", "bench.cli", "--seed", url], check=True, cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    env = {**os.environ, "DATABASE_URL": url, "INQUIRYBOT_ORG": str(ROOT / "org.example.yaml"),
           "SLACK_BOT_TOKEN": "", "TELEGRAM_BOT_TOKEN": "", "INQUIRYBOT_CACHE_DIR": str(scratch / "cache")}
    (scratch / "not-a-directory").write_text("", encoding="utf-8")
    uncached = {**env, "INQUIRYBOT_CACHE_DIR": str(scratch / "not-a-directory" / "cache")}
    cli = [sys.executable, "-m", "bot"]
    show = [*cli, "inquiries", "show", shown, "--json"]
    cases = {"floor (import sqlalchemy.ext.asyncio)": (FLOOR, env), "inquirybot --help": ([*cli, "--help"], env),
             "inquirybot jobs list": ([*cli, "jobs", "list"], env),
             f"inquirybot inquiries show {shown} --json": (show, env),
             "  the same, the org file just edited (validated)": (show, uncached)}
    times: dict[str, list[float]] = {name: [] for name in cases}
    peaks: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.rounds):
        for name, (command, case_env) in cases.items():
            took, peak = timed(command, case_env)
            times[name].append(took)
            peaks[name].append(peak)
    floor = statistics.median(times[next(iter(cases))])
    print(f"median of {args.rounds} interleaved rounds; SQLite file, WAL; limits 1.5x floor and 80 MB")
    for name in cases:
        took = statistics.median(times[name])
        print(f"{name:<52} {took:6.3f} s  {took / floor:4.2f}x floor ({floor:.3f} s)  "
              f"peak RSS {max(peaks[name]):5.1f} MB")
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
