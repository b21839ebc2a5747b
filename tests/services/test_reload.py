"""`/inq reload`: the org file is re-read in place; a broken file changes nothing."""

from __future__ import annotations

from pathlib import Path

from bot.bootstrap import build
from bot.clock import FrozenClock
from bot.handlers.shell import ShellSession
from bot.settings import Settings
from tests.conftest import EXAMPLE_ORG, Transcript

ZHANG_ACTIVE = "    department: trade1\n    slack: U07ZHANG\n"


async def test_reload_applies_a_valid_file_and_refuses_a_broken_one(
    tmp_path: Path, sqlite_url: str, clock: FrozenClock
) -> None:
    org_file = tmp_path / "org.yaml"
    text = EXAMPLE_ORG.read_text(encoding="utf-8")
    assert ZHANG_ACTIVE in text
    org_file.write_text(text, encoding="utf-8")
    transcript = Transcript()
    app = await build(Settings(DATABASE_URL=sqlite_url, INQUIRYBOT_ORG=str(org_file)), clock=clock,
                      shell_write=transcript.write)
    li, gao = app.org.person("li"), app.org.person("gao")
    assert li is not None and gao is not None
    await ShellSession(app, li, transcript.write).handle("RFQ: WhatsApp +55 11 98765-4321, need 2 units")
    async with app.ctx.uow() as uow:
        (first,) = await uow.inquiries.list()
    assert first.assignee_id == "zhang"

    org_file.write_text(text.replace("timezone: Asia/Shanghai", "timezone: Asia/Shanghia"), encoding="utf-8")
    transcript.clear()
    await ShellSession(app, gao, transcript.write).handle("/inq reload")
    assert "Asia/Shanghia" in transcript.text
    assert app.org.timezone == "Asia/Shanghai"  # nothing changed

    org_file.write_text(text.replace(ZHANG_ACTIVE, ZHANG_ACTIVE + "    active: false\n"), encoding="utf-8")
    transcript.clear()
    await ShellSession(app, gao, transcript.write).handle("/inq reload")
    person = app.org.person("zhang")
    assert person is not None and not person.active, transcript.text
    async with app.ctx.uow() as uow:
        moved = await uow.inquiries.get(first.id)
    assert moved is not None and moved.assignee_id == "zhou"  # zhang left: his open work moved on
    zhang = app.org.person("zhang")
    assert zhang is not None
    transcript.clear()
    await ShellSession(app, zhang, transcript.write).handle("/inq mine")
    assert transcript.lines and "INQ-" not in transcript.text  # and his chat actions are refused
    await app.close()
