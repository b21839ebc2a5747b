"""How long `inquirybot run` and `serve` take to stop on SIGTERM / SIGINT while their platform is unreachable,
beside the floor: a bare Python process that exits on the same signal. Limit: 5 s (issue 9).

    python -m bench.stop
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR_SCRIPT = ("import signal, time; signal.signal(signal.SIGTERM, lambda *a: exit(0)); "
                "print('ready', flush=True); time.sleep(60)")


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def timed_stop(command: list[str], env: dict[str, str], ready: str, sig: signal.Signals) -> float:
    proc = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, cwd=tempfile.mkdtemp())
    assert proc.stdout is not None
    for line in proc.stdout:
        if ready in line:
            break
    started = time.monotonic()
    proc.send_signal(sig)
    proc.wait(timeout=30)
    return time.monotonic() - started


def main() -> None:
    folder = tempfile.mkdtemp()
    base = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{folder}/bench.db",
            "INQUIRYBOT_ORG": str(ROOT / "org.example.yaml"), "SLACK_BOT_TOKEN": "", "TELEGRAM_BOT_TOKEN": ""}
    floor = timed_stop([sys.executable, "-c", FLOOR_SCRIPT], base, "ready", signal.SIGTERM)
    print(f"floor: bare python exits on SIGTERM in {floor:.3f} s")
    slack = {**base, "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_APP_TOKEN": "xapp-bench",
             "SLACK_API_URL": f"http://127.0.0.1:{closed_port()}/api/"}
    telegram = {**base, "TELEGRAM_BOT_TOKEN": "1:bench", "TELEGRAM_API_URL": f"http://127.0.0.1:{closed_port()}/bot"}
    cases = [
        ("run, Slack unreachable, SIGTERM", ["run"], slack, signal.SIGTERM),
        ("run, Slack unreachable, SIGINT", ["run"], slack, signal.SIGINT),
        ("serve, Telegram unreachable, SIGTERM", ["serve", "--port", str(closed_port())], telegram, signal.SIGTERM),
    ]
    for label, args, env, sig in cases:
        took = timed_stop([sys.executable, "-m", "bot", *args], env, "not reachable", sig)
        print(f"{label}: stopped in {took:.3f} s (floor {floor:.3f} s, limit 5 s)")


if __name__ == "__main__":
    main()
