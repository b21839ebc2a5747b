"""Report files reach people as real uploads: Telegram sendDocument, Slack's external upload flow."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from bot.clock import FrozenClock
from bot.org.model import Org

from .fakes import FakeSlack, FakeTelegram
from .fakes.signing import shared_message_event
from .fakes.telegram import command_update, forwarded_message_update, origin_user
from .slack_support import slack_bot
from .telegram_harness import INTAKE, LI, PERU, telegram_app


async def test_a_ledger_asked_for_on_telegram_arrives_as_a_document(
    fake_telegram: FakeTelegram, sqlite_url: str, clock: FrozenClock, org: Org, tmp_path: Path
) -> None:
    async with telegram_app(fake_telegram, sqlite_url, clock, org,
                            INQUIRYBOT_REPORTS_DIR=str(tmp_path)) as tg:
        await tg.post(forwarded_message_update(1, INTAKE, LI, PERU, message_id=55, date=tg.date,
                                               origin=origin_user(9)))
        await tg.post(command_update("/inq ledger 2026-11 trade1", update_id=2, chat_id=LI, from_id=LI))
        await tg.deliver()
    (document,) = fake_telegram.called("sendDocument")
    assert int(document.params["chat_id"]) == LI
    (upload,) = document.files.values()
    assert upload.filename.endswith(".xlsx")
    saved = tmp_path / "copy.xlsx"
    saved.write_bytes(upload.data)
    sheets = load_workbook(saved).sheetnames
    assert len(sheets) == 1  # one department asked for


async def test_a_ledger_asked_for_on_slack_is_uploaded_into_the_dm(
    fake_slack: FakeSlack, sqlite_url: str, clock: FrozenClock, org: Org, tmp_path: Path
) -> None:
    async with slack_bot(sqlite_url, org, clock, fake_slack, INQUIRYBOT_REPORTS_DIR=str(tmp_path)) as slack:
        ts = slack.ts()
        await slack.event(shared_message_event("U01LI", "C0INTAKE", ts, PERU, slack.ts(600), "U9"))
        response = await slack.command("U01LI", "ledger 2026-11")
        assert response.status_code == 200
        await slack.app.dispatcher.drain()
    (uploaded,) = [u for u in fake_slack.uploads.values() if u.completed]
    assert uploaded.filename.endswith(".xlsx") and uploaded.length > 1000
    assert uploaded.channel_id == "DU01LI"  # the specialist's DM
