"""`inquirybot demo` as an operator runs it: a subprocess, offline, printing one simulated day."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest


def demo(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TELEGRAM_", "DATABASE_URL"))}
    env["INQUIRYBOT_ORG"] = str(tmp_path / "absent.yaml")  # the demo brings its own org and database
    return subprocess.run([sys.executable, "-m", "bot", "demo", *args], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=120, check=False)


@pytest.fixture(scope="module")
def chinese(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    return demo(tmp_path_factory.mktemp("demo"))


def test_the_demo_day_has_inquiries_counts_and_a_penalty(chinese: subprocess.CompletedProcess[str]) -> None:
    assert chinese.returncode == 0, chinese.stderr
    out = chinese.stdout
    assert re.search(r"^\[2026-11-23 09:05\] 李雷 将一条来自巴西的询盘转发到询盘群", out, re.MULTILINE)
    assert "INQ-2026-000001" in out and "INQ-2026-000004" in out
    for region in ("拉美", "中东北非", "独联体", "欧洲"):
        assert f"{region} · 2026-11-23" in out
    assert "（截至 18:30）" in out and "（截至 21:45）" in out and "（昨日）" in out  # the three count posts
    assert "P1.4 询盘未按时跟进 · INQ-2026-000004" in out
    assert "[2026-11-24 09:48] 孙丽：/inq penalty confirm PEN-2026-00001" in out
    assert "PEN-2026-00001（何军）已确认" in out


def test_the_demo_leaves_nothing_behind(tmp_path: Path) -> None:
    done = demo(tmp_path, "--locale", "en")
    assert done.returncode == 0, done.stderr
    assert list(tmp_path.iterdir()) == []  # no database, no reports in the working directory
    out = done.stdout
    assert "[2026-11-23 09:41] 孙丽 forwards an inquiry from Germany into the intake channel:" in out
    assert "scheduled job followup_sweep" in out and "PEN-2026-00001" in out
    assert "End of the demo: 4 inquiries" in out


def test_a_bad_locale_is_refused(tmp_path: Path) -> None:
    done = demo(tmp_path, "--locale", "fr")
    assert done.returncode == 1 and "zh-CN, en" in done.stderr
