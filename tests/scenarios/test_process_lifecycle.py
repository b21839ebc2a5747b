"""Black-box: `run` and `serve` refuse to start misconfigured, retry an unreachable platform with one log line
per attempt, and stop on SIGTERM or Ctrl-C while they wait for it (the bound is the one operators are promised)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_ORG
from tests.platforms.fakes import FakeTelegram  # answers 401 to any token but its own
from tests.scenarios.test_cli_failures import closed_port

STOP_BOUND = 5.0  # seconds: SPEC/issue 9, "SIGTERM and Ctrl-C stop `run` and `serve` within 5 seconds"


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    base = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
            "INQUIRYBOT_ORG": str(EXAMPLE_ORG), "INQUIRYBOT_LOG_LEVEL": "INFO", "SLACK_BOT_TOKEN": "",
            "TELEGRAM_BOT_TOKEN": "", "SLACK_APP_TOKEN": "", "SLACK_SIGNING_SECRET": ""}
    return {**base, **extra}


def start(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "bot", *args], env=env, cwd=cwd, text=True,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_for_line(proc: subprocess.Popen[str], needle: str, count: int = 1) -> list[str]:
    """Read stderr until `needle` appeared `count` times (the process logs one line per retry)."""
    assert proc.stderr is not None
    seen: list[str] = []
    while sum(needle in line for line in seen) < count:
        line = proc.stderr.readline()
        assert line, f"process ended before {needle!r}: {''.join(seen)}"
        seen.append(line)
    return seen


def stop(proc: subprocess.Popen[str], sig: signal.Signals) -> tuple[int, str]:
    proc.send_signal(sig)
    try:
        _out, err = proc.communicate(timeout=STOP_BOUND)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail(f"{sig.name} did not stop the process within {STOP_BOUND} s")
    return proc.returncode, err


def test_run_without_tokens_and_without_a_terminal_refuses_with_the_reason(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "bot", "run"], env=environment(tmp_path), cwd=tmp_path, text=True,
                          stdin=subprocess.DEVNULL, capture_output=True, timeout=60, check=False)
    assert done.returncode == 1
    assert "no SLACK_BOT_TOKEN or TELEGRAM_BOT_TOKEN" in done.stderr and "--shell" in done.stderr
    assert not (tmp_path / "bot.db").exists()  # it never acted as anybody


def test_serve_without_a_platform_refuses(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "bot", "serve", "--port", str(closed_port())],
                          env=environment(tmp_path), cwd=tmp_path, text=True, capture_output=True, timeout=60,
                          check=False)
    assert done.returncode == 1
    assert "refusing to start" in done.stderr and "TELEGRAM_BOT_TOKEN" in done.stderr


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_run_retries_an_unreachable_slack_and_stops_on_a_signal(tmp_path: Path, sig: signal.Signals) -> None:
    env = environment(tmp_path, SLACK_BOT_TOKEN="xoxb-test", SLACK_APP_TOKEN="xapp-test",
                      SLACK_API_URL=f"http://127.0.0.1:{closed_port()}/api/")
    proc = start(["run"], env, tmp_path)
    lines = wait_for_line(proc, "slack is not reachable", count=2)
    code, rest = stop(proc, sig)

    retries = [line for line in lines if "not reachable" in line]
    assert "attempt 1" in retries[0] and "attempt 2" in retries[1]
    assert "Traceback" not in "".join(lines) + rest
    assert code == 0, rest


def test_serve_retries_an_unreachable_telegram_and_stops_on_sigterm(tmp_path: Path) -> None:
    env = environment(tmp_path, TELEGRAM_BOT_TOKEN="123:test",
                      TELEGRAM_API_URL=f"http://127.0.0.1:{closed_port()}/bot")
    proc = start(["serve", "--port", str(closed_port())], env, tmp_path)
    lines = wait_for_line(proc, "telegram is not reachable")
    code, rest = stop(proc, signal.SIGTERM)
    assert "Traceback" not in "".join(lines) + rest
    assert code == 0, rest


def test_a_rejected_token_stops_run_with_one_line(tmp_path: Path) -> None:
    async def scenario() -> subprocess.CompletedProcess[str]:
        async with FakeTelegram() as fake:
            env = environment(tmp_path, TELEGRAM_BOT_TOKEN="1:WRONG", TELEGRAM_API_URL=fake.base_url)
            proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "run", env=env, cwd=tmp_path, stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            out, err = await asyncio.wait_for(proc.communicate(), timeout=60)
            return subprocess.CompletedProcess([], proc.returncode or 0, out.decode(), err.decode())

    done = asyncio.run(scenario())
    assert done.returncode == 1
    assert "refusing to start: Telegram rejected TELEGRAM_BOT_TOKEN" in done.stderr
    assert "Traceback" not in done.stderr


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (from /proc: the parser process `serve` spawns, its resource tracker)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def gone(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state == "Z"  # a zombie has ended; only its parent's wait is missing


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
def test_the_parser_process_ends_when_serve_is_killed(tmp_path: Path) -> None:
    """kill -9 of `serve` (the OOM killer, a process manager) leaves no parser process behind: before, each kill
    left one, holding the rules' memory, for good."""
    env = environment(tmp_path, TELEGRAM_BOT_TOKEN="123:test",
                      TELEGRAM_API_URL=f"http://127.0.0.1:{closed_port()}/bot")
    proc = start(["serve", "--port", str(closed_port())], env, tmp_path)
    wait_for_line(proc, "telegram is not reachable")  # the parser process is started before the platforms
    spawned = children(proc.pid)
    assert spawned, "serve started no parser process"
    proc.kill()
    proc.wait(timeout=STOP_BOUND)  # (not communicate: a parser left behind holds the pipes open)
    for _ in range(100):  # up to 10 s: the parser notices within about a second
        if all(gone(pid) for pid in spawned):
            break
        time.sleep(0.1)
    left = [pid for pid in spawned if not gone(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)  # do not leave them to the next test
    for pipe in (proc.stdout, proc.stderr):
        if pipe:
            pipe.close()
    assert left == []
