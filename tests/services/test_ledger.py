"""The ledger XLSX: sheets per department, localised headers, typed cells, row colours; `/inq ledger`, the P7
extracts job and `inquirybot ledger export`, all checked against the database."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from bot.bootstrap import App
from bot.cli import app as cli
from bot.clock import FrozenClock
from bot.notifiers.render import MESSAGES_DIR
from bot.rules.ledger_rows import COLUMNS
from bot.services import all_jobs  # noqa: F401
from bot.services.ledger import export
from tests.conftest import EXAMPLE_ORG, SHANGHAI, Transcript, local
from tests.services.report_month import Month, job, play_november, say

TERMS = yaml.safe_load((MESSAGES_DIR / "terms.yaml").read_text(encoding="utf-8"))


def column(name: str) -> int:
    return COLUMNS.index(name)


def rows_by_id(ws: Worksheet) -> dict[str, tuple[object, ...]]:
    return {str(r[0]): r for r in ws.iter_rows(min_row=2, values_only=True)}


def naive(value: datetime | None) -> datetime | None:
    return value.astimezone(SHANGHAI).replace(tzinfo=None, microsecond=0) if value else None


@pytest.fixture
async def november(app: App, clock: FrozenClock, transcript: Transcript, tmp_path: Path) -> Month:
    app.ctx.reports_dir = tmp_path / "reports"
    return await play_november(app, clock, transcript)


async def test_one_sheet_per_department_with_chinese_headers_and_typed_cells(app: App, november: Month,
                                                                              tmp_path: Path) -> None:
    made = await export(app.ctx, "2026-11", None, tmp_path / "ledger.xlsx", actor="cli")
    book = load_workbook(made.path)
    assert book.sheetnames == ["贸易一部", "贸易二部", "贸易三部"]
    trade1 = book["贸易一部"]
    assert [c.value for c in trade1[1]] == [TERMS["ledger_column"][c]["zh-CN"] for c in COLUMNS]
    assert trade1.freeze_panes == "A2"
    assert trade1.auto_filter.ref == "A1:V3"
    assert trade1.column_dimensions["A"].width >= len("INQ-2026-000001")

    won = rows_by_id(trade1)[november.won.id]
    forwarded = won[column("forwarded")]
    assert isinstance(forwarded, datetime) and forwarded == datetime(2026, 11, 23, 9, 0)
    assert won[column("first_followup")] == naive(november.won.followed_up_at) == datetime(2026, 11, 23, 10, 0)
    assert won[column("won_date")] == datetime(2026, 11, 25, 16, 0)
    assert won[column("amount")] == 12000 and isinstance(won[column("amount")], int)
    assert won[column("transfers")] is None  # no earlier holders
    assert (won[column("region")], won[column("department")], won[column("source")]) == ("拉美", "贸易一部", "阿里巴巴")
    assert won[column("country")] == "巴西" and won[column("customer")] == "João Pereira"
    assert won[column("status")] == "已成交" and won[column("method")] == "WhatsApp"
    assert "P6" in str(won[column("penalties")])
    assert made.rows == 4 and made.departments == ("trade1", "trade2", "trade3")


async def test_grey_rows_stay_in_the_ledger_styled_grey_and_won_rows_green(app: App, november: Month,
                                                                           tmp_path: Path) -> None:
    made = await export(app.ctx, "2026-11", "trade1", tmp_path / "trade1.xlsx", actor="cli")
    sheet = load_workbook(made.path)["贸易一部"]
    fills = {str(row[0].value): row[0].fill.start_color.rgb for row in sheet.iter_rows(min_row=2)}
    assert fills[november.grey.id].endswith("D9D9D9")
    assert fills[november.won.id].endswith("C6EFCE")
    grey = rows_by_id(sheet)[november.grey.id]
    assert grey[column("status")] == "已标灰"
    assert grey[column("grey_reason")] == "supplier: packaging offer, not a buyer"
    number_formats = {c.number_format for c in sheet[2] if isinstance(c.value, datetime)}
    assert number_formats == {"yyyy-mm-dd hh:mm"}


async def test_the_month_is_the_local_month_of_forwarding(app: App, november: Month, tmp_path: Path) -> None:
    made = await export(app.ctx, "2026-10", None, tmp_path / "october.xlsx", actor="cli")
    book = load_workbook(made.path)
    assert made.rows == 0
    assert all(book[name].max_row == 1 for name in book.sheetnames)  # headers only


async def test_exports_are_audited(app: App, november: Month, tmp_path: Path) -> None:
    await export(app.ctx, "2026-11", "trade2", tmp_path / "t2.xlsx", actor="cli")
    async with app.ctx.uow() as uow:
        entries = [e for e in await uow.audit.entries("2026-11") if e["action"] == "ledger_export"]
    assert entries and entries[-1]["actor"] == "cli" and entries[-1]["detail"]["departments"] == ["trade2"]


async def test_inq_ledger_sends_the_file_to_the_person(app: App, november: Month, transcript: Transcript,
                                                        tmp_path: Path) -> None:
    transcript.clear()
    await say(app, "li", "/inq ledger 2026-11 trade1", transcript)
    path = tmp_path / "reports" / "ledger-2026-11-trade1.xlsx"
    assert path.is_file()
    assert "── to 李雷 (DM) ──" in transcript.text and f"📎 ledger-2026-11-trade1.xlsx: {path}" in transcript.text
    assert load_workbook(path).sheetnames == ["贸易一部"]
    transcript.clear()
    await say(app, "zhao", "/inq ledger 2026-11", transcript)  # zhao covers trade2 only
    assert load_workbook(tmp_path / "reports" / "ledger-2026-11-trade2.xlsx").sheetnames == ["贸易二部"]


@pytest.mark.parametrize(("person", "line", "expected"), [
    ("zhang", "/inq ledger 2026-11", "只有海外市场推广专员、贸易部经理或管理员可以导出台账"),
    ("wang", "/inq ledger 2026-11 trade2", "您只能导出自己负责的贸易部的台账"),
    ("li", "/inq ledger 2026-13", "“2026-13”不是有效月份"),
    ("li", "/inq ledger 2026-11 trade9", "没有“trade9”这个贸易部"),
])
async def test_inq_ledger_refusals_and_mistakes(app: App, transcript: Transcript, tmp_path: Path, person: str,
                                                line: str, expected: str) -> None:
    app.ctx.reports_dir = tmp_path / "reports"
    await say(app, person, line, transcript)
    assert expected in transcript.text
    assert not (tmp_path / "reports").exists()


async def test_p7_extracts_go_to_each_departments_specialists_with_the_deadline(
        app: App, november: Month, clock: FrozenClock, transcript: Transcript, tmp_path: Path) -> None:
    transcript.clear()
    await job(app, clock, "ledger_extracts", local(2026, 12, 1, 9, 0))
    reports = tmp_path / "reports"
    for department, specialist in (("trade1", "李雷"), ("trade2", "赵敏"), ("trade3", "孙丽")):
        assert (reports / f"ledger-2026-11-{department}.xlsx").is_file()
        assert f"── to {specialist} (DM) ──" in transcript.text
    assert "2026-12-03 17:30" in transcript.text  # the 3rd working day of December
    assert "/inq ledger sent 2026-11" in transcript.text
    trade3 = load_workbook(reports / "ledger-2026-11-trade3.xlsx")["贸易三部"]
    assert list(rows_by_id(trade3)) == [november.missed.id]


def test_cli_export_and_its_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("INQUIRYBOT_ORG", str(EXAMPLE_ORG))
    monkeypatch.setenv("INQUIRYBOT_LOG_LEVEL", "WARNING")
    runner = CliRunner()
    out = tmp_path / "out" / "ledger.xlsx"
    done = runner.invoke(cli, ["ledger", "export", "--month", "2026-11", "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert load_workbook(out).sheetnames == ["贸易一部", "贸易二部", "贸易三部"]
    bad_month = runner.invoke(cli, ["ledger", "export", "--month", "Nov", "--out", str(out)])
    assert bad_month.exit_code == 1 and "YYYY-MM" in bad_month.output
    bad_department = runner.invoke(cli, ["ledger", "export", "--month", "2026-11", "--department", "sales",
                                         "--out", str(out)])
    assert bad_department.exit_code == 1 and "trade1, trade2, trade3" in bad_department.output


async def test_a_grey_proposal_shows_as_pending_until_the_specialist_confirms(
        app: App, clock: FrozenClock, transcript: Transcript, tmp_path: Path) -> None:
    from tests.services.support import brazil, forward, session

    clock.set(local(2026, 11, 23, 9, 0))
    inquiry = await forward(app, transcript, brazil(1))
    assert inquiry.assignee_id is not None
    await session(app, inquiry.assignee_id, transcript).handle(f"/inq grey {inquiry.id} spam bulk mail")
    pending = load_workbook((await export(app.ctx, "2026-11", "trade1", tmp_path / "a.xlsx", actor="cli")).path)
    assert rows_by_id(pending["贸易一部"])[inquiry.id][column("grey_reason")] == "标灰待确认"
    await session(app, "li", transcript).handle(f"/inq grey {inquiry.id}")
    confirmed = load_workbook((await export(app.ctx, "2026-11", "trade1", tmp_path / "b.xlsx", actor="cli")).path)
    assert rows_by_id(confirmed["贸易一部"])[inquiry.id][column("grey_reason")] == "spam bulk mail"
