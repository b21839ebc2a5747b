"""INQUIRYBOT_LOG_FORMAT=json: every line on stderr is one JSON object, tracebacks included inside it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLE_ORG

SCRIPT = """
import logging
from bot.logs import configure
configure("INFO", "json")
log = logging.getLogger("bot.demo")
log.info("inquiry %s created", "INQ-2026-000001")
try:
    raise ValueError("boom")
except ValueError:
    log.exception("outbox %s could not be delivered", 7)
log.debug("not shown at INFO")
raise RuntimeError("unhandled")
"""


def parse_lines(stderr: str) -> list[dict[str, object]]:
    lines = [line for line in stderr.splitlines() if line.strip()]
    return [json.loads(line) for line in lines]  # fails on any line that is not one JSON object


def test_each_log_line_is_one_json_object_with_the_traceback_inside() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60, check=False)
    first, second, crash = parse_lines(done.stderr)
    assert first["message"] == "inquiry INQ-2026-000001 created"
    assert (first["level"], first["logger"]) == ("INFO", "bot.demo")
    assert second["level"] == "ERROR" and "exc" in second
    assert "Traceback" in str(second["exc"]) and "ValueError: boom" in str(second["exc"])
    assert crash["level"] == "CRITICAL" and "RuntimeError: unhandled" in str(crash["exc"])
    assert done.returncode == 1


def test_a_real_command_logs_json_lines_only(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
           "INQUIRYBOT_ORG": str(EXAMPLE_ORG), "INQUIRYBOT_LOG_FORMAT": "json", "INQUIRYBOT_LOG_LEVEL": "INFO",
           "SLACK_BOT_TOKEN": "", "TELEGRAM_BOT_TOKEN": ""}
    text = "RFQ via Alibaba, WhatsApp +55 11 98765-4321, email ana@lab.com.br, 2 units\n"
    done = subprocess.run([sys.executable, "-m", "bot", "run", "--shell", "--as", "li"], input=text, env=env,
                          cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    records = parse_lines(done.stderr)
    assert any("created" in str(r["message"]) for r in records)
    logged = done.stderr
    assert "98765-4321" not in logged and "ana@lab.com.br" not in logged  # no contact details at INFO
