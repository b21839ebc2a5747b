"""`inquirybot doctor` against the fake Slack and Telegram servers: every check said as ok, or as a problem
with its fix; a wrong token, a channel the bot is not in and an unknown person are reported; exit 0 only when
everything passes."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLE_ORG

from .fakes import BOT_TOKEN, TELEGRAM_TOKEN, FakeSlack, FakeTelegram
from .fakes.signing import SIGNING_SECRET


def environment(tmp_path: Path, slack: FakeSlack, telegram: FakeTelegram, **extra: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
            "INQUIRYBOT_ORG": str(EXAMPLE_ORG), "INQUIRYBOT_LOG_LEVEL": "WARNING",
            "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_APP_TOKEN": "",
            "SLACK_API_URL": slack.base_url, "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN,
            "TELEGRAM_API_URL": telegram.base_url, "TELEGRAM_WEBHOOK_URL": "", **extra}


async def inquirybot(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """A real process, awaited so the fakes in this event loop keep answering it."""
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", *args, env=env, cwd=cwd,
                                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), timeout=120)
    return subprocess.CompletedProcess(args, proc.returncode or 0, out.decode(), err.decode())


def lines_about(stdout: str, name: str) -> list[str]:
    lines = stdout.splitlines()
    found = []
    for n, line in enumerate(lines):
        if f" {name}:" in line:
            found.append(line)
            if line.startswith("problem") and n + 1 < len(lines):
                found.append(lines[n + 1])
    return found


async def test_doctor_passes_when_everything_is_in_place(tmp_path: Path, fake_slack: FakeSlack,
                                                         fake_telegram: FakeTelegram) -> None:
    env = environment(tmp_path, fake_slack, fake_telegram)
    assert (await inquirybot(["db", "upgrade"], env, tmp_path)).returncode == 0

    done = await inquirybot(["doctor"], env, tmp_path)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "problem" not in done.stdout
    for name in ("settings", "database", "org file", "slack token", "slack channel C0INTAKE",
                 "slack user li", "telegram token", "telegram chat -1001000000001", "telegram user zhang"):
        assert lines_about(done.stdout, name)[0].startswith("ok"), (name, done.stdout)
    assert fake_slack.called("auth.test") and fake_slack.called("conversations.info")
    assert fake_slack.called("users.info") and fake_telegram.called("getChatMember")


async def test_doctor_reports_a_wrong_token_a_channel_without_the_bot_and_unknown_people(
    tmp_path: Path, fake_slack: FakeSlack, fake_telegram: FakeTelegram
) -> None:
    env = environment(tmp_path, fake_slack, fake_telegram, SLACK_BOT_TOKEN="xoxb-invalid")
    fake_telegram.left_chats.add(-1001000000002)  # the LatAm group removed the bot
    fake_telegram.unknown_chats.add(100007)  # zhang never pressed Start (or the id is wrong)

    done = await inquirybot(["doctor"], env, tmp_path)

    assert done.returncode == 1
    token = lines_about(done.stdout, "slack token")
    assert token[0].startswith("problem") and "invalid_auth" in token[0]
    assert token[1].startswith("fix") and "SLACK_BOT_TOKEN" in token[1]
    channel = lines_about(done.stdout, "telegram chat -1001000000002")
    assert channel[0].startswith("problem") and "not in this chat" in channel[0] and channel[1].startswith("fix")
    person = lines_about(done.stdout, "telegram user zhang")
    assert person[0].startswith("problem") and "chat not found" in person[0].lower()
    database = lines_about(done.stdout, "database")
    assert database[0].startswith("problem") and "db upgrade" in database[1]  # never created, and doctor wrote nothing
    assert not (tmp_path / "bot.db").exists()
    assert lines_about(done.stdout, "telegram chat -1001000000001")[0].startswith("ok")
    assert "Traceback" not in done.stdout + done.stderr


async def test_doctor_reports_a_slack_channel_the_bot_was_not_invited_to(tmp_path: Path, fake_slack: FakeSlack,
                                                                         fake_telegram: FakeTelegram) -> None:
    env = environment(tmp_path, fake_slack, fake_telegram, TELEGRAM_BOT_TOKEN="")
    fake_slack.not_member_of.add("C0EUROPE")
    fake_slack.missing_users.add("U03SUN")

    done = await inquirybot(["doctor"], env, tmp_path)

    assert done.returncode == 1
    europe = lines_about(done.stdout, "slack channel C0EUROPE")
    assert europe[0].startswith("problem") and "not a member" in europe[0] and "/invite" in europe[1]
    sun = lines_about(done.stdout, "slack user sun")
    assert sun[0].startswith("problem") and "user_not_found" in sun[0]
    assert lines_about(done.stdout, "slack channel C0INTAKE")[0].startswith("ok")
    assert "telegram" not in done.stdout
