"""`/inq help` as a rep, a manager and a specialist see it, in Chinese and in English: each sees what they may do,
with an example, and `help VERB` explains one command, saying who may use it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot.bootstrap import App, build
from bot.clock import FrozenClock
from bot.org.model import Org
from bot.settings import Settings
from tests.conftest import EXAMPLE_ORG, Transcript
from tests.services.support import session


@pytest.fixture(params=["zh-CN", "en"])
async def localized(request: pytest.FixtureRequest, sqlite_url: str, org: Org, clock: FrozenClock,
                    transcript: Transcript, tmp_path: Path) -> AsyncIterator[tuple[App, str]]:
    locale = str(request.param)
    settings = Settings(DATABASE_URL=sqlite_url, INQUIRYBOT_ORG=str(EXAMPLE_ORG),
                        INQUIRYBOT_REPORTS_DIR=str(tmp_path / "reports"))
    people = tuple(replace(p, locale=None) for p in org.people)
    built = await build(settings, clock=clock, org=replace(org, locale=locale, people=people),
                        shell_write=transcript.write)
    try:
        yield built, locale
    finally:
        await built.close()


async def _help(app: App, transcript: Transcript, person: str, line: str = "/inq help") -> str:
    transcript.clear()
    await session(app, person, transcript).handle(line)
    return transcript.text


async def test_a_rep_sees_inquiry_work_and_never_the_specialist_tools(
    localized: tuple[App, str], transcript: Transcript
) -> None:
    app, locale = localized
    text = await _help(app, transcript, "zhang")
    for line in ("/inq ack ID", "/inq followup ID METHOD NOTE", "/inq penalty appeal PEN-ID REASON", "/inq mine"):
        assert line in text
    for hidden in ("penalty add", "reload", "/inq assign", "/inq region", "ledger sent", "deals today"):
        assert hidden not in text
    assert "/inq followup 2026-123 whatsapp" in text  # one worked example per command
    assert ("客户代表" if locale == "zh-CN" else "customer representative") in text


async def test_a_manager_sees_deals_and_assignment_but_not_penalty_decisions(
    localized: tuple[App, str], transcript: Transcript
) -> None:
    app, locale = localized
    text = await _help(app, transcript, "wang")
    for line in ("/inq deals today none|ID...", "/inq assign ID PERSON", "/inq match", "/inq ledger"):
        assert line in text
    for hidden in ("penalty add", "penalty confirm", "reload", "/inq region", "/inq new"):
        assert hidden not in text
    assert ("贸易部经理" if locale == "zh-CN" else "trade department manager") in text


async def test_a_specialist_sees_intake_routing_and_penalty_tools(
    localized: tuple[App, str], transcript: Transcript
) -> None:
    app, _ = localized
    text = await _help(app, transcript, "li")
    for line in ("/inq new TEXT", "/inq region ID REGION",
                 "/inq penalty add PERSON RULE [ID] [amount=YUAN] [confirm] REASON",
                 "/inq ledger sent [MONTH]", "/inq transfer ID DEPARTMENT [PERSON]", "/inq grey reject ID [REASON]",
                 "/inq penalty show PEN-ID", "/inq penalty different ID"):
        assert line in text
    assert "reload" not in text and "deals today" not in text


async def test_help_verb_explains_one_command_and_who_may_use_it(
    localized: tuple[App, str], transcript: Transcript
) -> None:
    app, locale = localized
    text = await _help(app, transcript, "zhang", "/inq help penalty add")
    assert "/inq penalty add PERSON RULE [ID] [amount=YUAN] [confirm] REASON" in text
    assert "/inq penalty add zhang P5 2026-123" in text
    assert ("仅限" if locale == "zh-CN" else "Not for you") in text
    assert "/inq ack" not in text
    own = await _help(app, transcript, "zhang", "/inq help followup")
    assert "/inq followup ID METHOD NOTE" in own and "Not for you" not in own and "仅限" not in own


async def test_an_admin_sees_every_command(localized: tuple[App, str], transcript: Transcript) -> None:
    app, _ = localized
    text = await _help(app, transcript, "gao")
    for line in ("/inq reload", "/inq penalty add", "/inq deals today", "/inq new TEXT", "/inq ack ID"):
        assert line in text
