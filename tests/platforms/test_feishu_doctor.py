"""`inquirybot doctor` with Feishu, as a real process against the fake open platform: the credentials, the bot's
membership of every configured chat, every person's open id; a missing optional scope is a warning (exit 0, the
scope named), a chat without the bot or an open id nobody has is a problem (exit 1)."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_ORG

from .fakes.feishu import CHAT_SCOPE, CONTACT_SCOPE, FakeFeishu
from .test_doctor import inquirybot

INTAKE = "oc_intake000000000000000000000001"
LATAM = "oc_latam0000000000000000000000001"
LI = "ou_li0000000000000000000000000001"
ZHANG = "ou_zhang00000000000000000000000001"


@pytest.fixture
async def fake() -> AsyncIterator[FakeFeishu]:
    async with FakeFeishu(app_id=f"cli_{uuid.uuid4().hex[:16]}") as server:
        server.chats |= {INTAKE, LATAM}
        server.users |= {LI: "Li Lei", ZHANG: "Zhang Wei"}
        yield server


def feishu_org(tmp_path: Path) -> Path:
    """The example org with the intake and LatAm groups and li and zhang on Feishu too."""
    text = EXAMPLE_ORG.read_text(encoding="utf-8")
    text = text.replace("intake: {slack: C0INTAKE,", f"intake: {{feishu: {INTAKE}, slack: C0INTAKE,")
    text = text.replace("channel: {slack: C0LATAM,", f"channel: {{feishu: {LATAM}, slack: C0LATAM,")
    text = text.replace("    slack: U01LI\n", f"    slack: U01LI\n    feishu: {LI}\n")
    text = text.replace("    slack: U07ZHANG\n", f"    slack: U07ZHANG\n    feishu: {ZHANG}\n")
    path = tmp_path / "org.yaml"
    path.write_text(text, encoding="utf-8")
    return path


async def doctor(tmp_path: Path, fake: FakeFeishu) -> tuple[int, str, str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
           "INQUIRYBOT_ORG": str(feishu_org(tmp_path)), "INQUIRYBOT_LOG_LEVEL": "WARNING",
           "SLACK_BOT_TOKEN": "", "TELEGRAM_BOT_TOKEN": "", "FEISHU_APP_ID": fake.app_id,
           "FEISHU_APP_SECRET": fake.app_secret, "FEISHU_API_URL": fake.domain}
    assert (await inquirybot(["db", "upgrade"], env, tmp_path)).returncode == 0
    done = await inquirybot(["doctor"], env, tmp_path)
    return done.returncode, done.stdout, done.stderr


def said(stdout: str, name: str) -> list[str]:
    """The line about `name` and, for a problem or a warning, its fix line."""
    lines = stdout.splitlines()
    for n, line in enumerate(lines):
        if re.match(rf"\w+ +{re.escape(name)}:", line):
            return [line, lines[n + 1]] if not line.startswith("ok") else [line]
    raise AssertionError(f"nothing about {name} in:\n{stdout}")


async def test_the_bot_in_every_chat_and_every_open_id_resolving_pass(tmp_path: Path, fake: FakeFeishu) -> None:
    code, out, err = await doctor(tmp_path, fake)

    assert code == 0, out + err
    assert "problem" not in out and "warning" not in out
    assert said(out, "feishu")[0].startswith("ok")
    assert said(out, f"feishu chat {INTAKE}") == [f"ok       feishu chat {INTAKE}: the bot is a member"]
    assert said(out, f"feishu chat {LATAM}")[0].startswith("ok")
    assert said(out, "feishu person li") == [f"ok       feishu person li: open id {LI} is Li Lei"]
    assert said(out, "feishu person zhang")[0].startswith("ok")
    assert {c.params["user_id_type"] for c in fake.called("user.get")} == {"open_id"}
    assert "all checks passed" in err


async def test_a_chat_without_the_bot_and_an_unknown_open_id_are_errors(tmp_path: Path, fake: FakeFeishu) -> None:
    fake.chats.discard(LATAM)  # the LatAm group removed the bot
    del fake.users[ZHANG]  # a mistyped open id, or one of another app

    code, out, err = await doctor(tmp_path, fake)

    assert code == 1
    chat, fix = said(out, f"feishu chat {LATAM}")
    assert chat.startswith("problem") and "not a member" in chat
    assert fix.startswith("fix") and "add the bot" in fix
    person, fix = said(out, "feishu person zhang")
    assert person.startswith("problem") and ZHANG in person and "41050" in person
    assert fix.startswith("fix") and "open id" in fix
    assert said(out, f"feishu chat {INTAKE}")[0].startswith("ok")
    assert said(out, "feishu person li")[0].startswith("ok")
    assert "2 problem(s) found" in err


async def test_missing_optional_scopes_are_warnings_and_doctor_still_passes(tmp_path: Path,
                                                                            fake: FakeFeishu) -> None:
    fake.scopes.clear()

    code, out, err = await doctor(tmp_path, fake)

    assert code == 0, out + err
    assert "problem" not in out
    chats, fix = said(out, "feishu chats")
    assert chats.startswith("warning") and CHAT_SCOPE in chats
    assert fix.startswith("fix") and CHAT_SCOPE in fix
    people, fix = said(out, "feishu people")
    assert people.startswith("warning") and CONTACT_SCOPE in people
    assert fix.startswith("fix") and "docs/feishu-setup.md" in fix
    assert said(out, "feishu")[0].startswith("ok")  # the credentials are still checked
    assert "all checks passed, 2 warning(s)" in err
