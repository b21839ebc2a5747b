"""Issue 10: exports survive any text typed in chat, and admins hear of a year without holiday data."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from bot.bootstrap import App
from bot.clock import FrozenClock
from bot.rules.ledger_rows import COLUMNS
from bot.services import all_jobs  # noqa: F401
from bot.services.ledger import export
from tests.conftest import Transcript, local
from tests.services.support import forward, job_at, sent_to, session

ESC = "\x1b[31m"


def column(name: str) -> int:
    return COLUMNS.index(name)


async def test_a_ledger_with_control_characters_in_every_free_text_field_opens(
    app: App, clock: FrozenClock, transcript: Transcript, tmp_path: Path
) -> None:
    inquiry = await forward(app, transcript, "Name: Maria Silva\x1b\nCompany: Lab\x07 Co\x1b[31m\n"
                                             "Email: lab@exemplo.com.br\nWhatsApp +55 11 98765-4321\nquote\x00 please")
    rep = session(app, inquiry.assignee_id or "", transcript)
    await rep.handle(f"/inq crm {inquiry.id} =1+1{ESC}")
    await rep.handle(f"/inq agent {inquiry.id} Agent\x0bName{ESC}")
    await rep.handle(f"/inq won {inquiry.id} 12000")
    second = await forward(app, transcript, "Inquiry via Alibaba: lab2@exemplo.com.br, WhatsApp +55 11 98765-4322")
    await session(app, "li", transcript).handle(f"/inq grey {second.id} spam =HYPERLINK(\"x\"){ESC}\x1f")

    made = await export(app.ctx, "2026-11", None, tmp_path / "ledger.xlsx", actor="cli")

    rows = {str(r[0]): r for r in load_workbook(made.path)["贸易一部"].iter_rows(min_row=2, values_only=True)}
    won, grey = rows[inquiry.id], rows[second.id]
    assert won[column("customer")] == "Maria Silva␛" and won[column("company")] == "Lab␇ Co␛[31m"
    assert won[column("crm_id")] == "=1+1␛[31m"  # text stays text, never a formula
    assert won[column("agent")] in ("Agent␋Name␛[31m", "Agent Name␛[31m")
    assert grey[column("grey_reason")] == 'spam =HYPERLINK("x")␛[31m'  # a trailing \x1f is trimmed as space
    cells = [c for row in rows.values() for c in row if isinstance(c, str)]
    assert not any(ch in c for c in cells for ch in "\x00\x07\x0b\x1b\x1f")


async def test_in_december_admins_hear_that_next_year_has_no_holiday_data(
    app: App, clock: FrozenClock, transcript: Transcript
) -> None:
    await job_at(app, clock, "calendar_check", local(2026, 11, 30, 9, 0))
    assert sent_to(transcript, "高翔") == []  # November: nothing to say yet
    outcome = await job_at(app, clock, "calendar_check", local(2026, 12, 1, 9, 0))
    assert outcome.status == "done"
    (notice,) = sent_to(transcript, "高翔")
    assert "2027 年节假日安排缺失" in notice and "pip install -U chinesecalendar" in notice
    assert "2027-01-01..2027-01-03: holiday" in notice
    await job_at(app, clock, "calendar_check", local(2026, 12, 7, 9, 0))  # weekly until fixed
    assert len(sent_to(transcript, "高翔")) == 2


async def test_a_penalty_from_a_guessed_calendar_says_so_in_its_record_and_message(
    app: App, clock: FrozenClock, transcript: Transcript
) -> None:
    clock.set(local(2027, 1, 5, 10, 0))  # 2027: no statutory data installed, no overrides
    inquiry = await forward(app, transcript, "Inquiry via Alibaba: lab@exemplo.com.br, WhatsApp +55 11 98765-4321")
    transcript.clear()
    await job_at(app, clock, "followup_sweep", local(2027, 1, 5, 23, 59))
    async with app.ctx.uow() as uow:
        (penalty,) = await uow.penalties.list(inquiry_id=inquiry.id)
    assert penalty.rule == "P1.4" and penalty.calendar_fallback
    assert any("推测日历" in text for text in sent_to(transcript, "张伟"))


async def test_on_a_holiday_the_counts_are_posted_but_nobody_is_pressed_to_follow_up(
    app: App, clock: FrozenClock, transcript: Transcript
) -> None:
    clock.set(local(2026, 10, 3, 11, 0))  # National Day
    await forward(app, transcript, "Inquiry via Alibaba: lab@exemplo.com.br, WhatsApp +55 11 98765-4321")
    transcript.clear()
    await job_at(app, clock, "counts_evening", local(2026, 10, 3, 18, 30))
    assert "拉美" in transcript.text and "请以下同事及时跟进" not in transcript.text
    clock.set(local(2026, 10, 10, 11, 0))  # the make-up Saturday is a working day
    await forward(app, transcript, "Inquiry via Alibaba: lab2@exemplo.com.br, WhatsApp +55 11 98765-4322")
    transcript.clear()
    await job_at(app, clock, "counts_evening", local(2026, 10, 10, 18, 30))
    assert "请以下同事及时跟进" in transcript.text
