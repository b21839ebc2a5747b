"""The monthly incentive statement: a summary per person and rule with P6 splits, one sheet per person, waived
penalties shown but never summed; `inquirybot incentives list|statement`."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from bot.bootstrap import App
from bot.cli import app as cli
from bot.clock import FrozenClock
from bot.handlers.shell import ShellSession
from bot.rules.penalties import PenaltyStatus, monthly_deal_lapses
from bot.services import all_jobs  # noqa: F401
from bot.services.penalty_records import record
from bot.services.statements import write_statement
from tests.conftest import EXAMPLE_ORG, SHANGHAI, Transcript
from tests.services.report_month import Month, play_november


@pytest.fixture
async def november(app: App, clock: FrozenClock, transcript: Transcript) -> Month:
    return await play_november(app, clock, transcript)


def summary(path: Path) -> dict[tuple[str, str], tuple[object, ...]]:
    sheet = load_workbook(path)["汇总"]
    return {(str(r[1]), str(r[2])): r for r in sheet.iter_rows(min_row=2, values_only=True) if r[1]}


async def confirm_p6(app: App, transcript: Transcript) -> None:
    """li confirms both shares of the P6; the P1.4 of the German inquiry stays proposed (not yet decided)."""
    li = app.org.person("li")
    assert li is not None
    async with app.ctx.uow() as uow:
        p6 = [p.id for p in await uow.penalties.list() if p.rule == "P6"]
    for penalty in p6:
        await ShellSession(app, li, transcript.write).handle(f"/inq penalty confirm {penalty} monthly report missing")


async def test_summary_sums_confirmed_penalties_per_person_and_rule_and_lists_the_undecided_apart(
        app: App, november: Month, transcript: Transcript, tmp_path: Path) -> None:
    await confirm_p6(app, transcript)
    made = await write_statement(app.ctx, "2026-11", tmp_path / "statement.xlsx", actor="cli")
    book = load_workbook(made.path)
    rep = november.won.assignee_id
    assert rep is not None
    rep_name = app.org.person(rep).name  # type: ignore[union-attr]
    assert book.sheetnames[0] == "汇总"
    assert set(book.sheetnames[1:-1]) == {"王芳", rep_name, "黄磊", "何军"}
    assert book.sheetnames[-1] == "待决（尚未确认，不计入合计）"
    rows = summary(made.path)
    manager_p6 = rows[("wang", "P6 月度成交情况未按时反馈")]
    assert manager_p6[:6] == ("王芳", "wang", "P6 月度成交情况未按时反馈", 1, 80, 0)
    assert manager_p6[6] == f"P6:{november.won.id} 80%"
    rep_p6 = rows[(rep, "P6 月度成交情况未按时反馈")]
    assert (rep_p6[3], rep_p6[4], rep_p6[6]) == (1, 20, f"P6:{november.won.id} 20%")
    waived = rows[("huang", "P1.4 询盘未按时跟进")]
    assert (waived[3], waived[4], waived[5]) == (0, 0, 1)  # listed, not summed
    proposed = rows[(november.missed.assignee_id or "", "P1.4 询盘未按时跟进")]
    assert proposed[3:9] == (0, 0, 0, None, 1, 40)  # not yet decided: apart, never in the amount
    total = list(load_workbook(made.path)["汇总"].iter_rows(values_only=True))[-1]
    assert total[0] == "合计（仅已确认）" and total[4] == 80 + 20 == made.total
    assert (total[7], total[8]) == (1, 40) == (made.undecided, made.undecided_total)
    apart = list(book["待决（尚未确认，不计入合计）"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[2], r[5], r[6]) for r in apart[:-1]] == [("何军", "P1.4 询盘未按时跟进", 40, "待确认")]
    assert apart[-1][5] == 40


async def test_proposed_penalties_are_not_money(app: App, november: Month, tmp_path: Path) -> None:
    """Nobody confirmed the P6 yet: the statement total is 0 and all three are listed as not yet decided."""
    made = await write_statement(app.ctx, "2026-11", tmp_path / "statement.xlsx", actor="cli")
    assert (made.total, made.undecided, made.undecided_total) == (0, 3, 80 + 20 + 40)
    sheet = load_workbook(made.path)["王芳"]
    cells = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert cells[0][0] == "合计（仅已确认）" and cells[0][4] == 0
    assert cells[1][0] == "待决（尚未确认，不计入合计）"
    assert cells[2][1] == "P6 月度成交情况未按时反馈" and cells[2][4] == 80 and cells[2][5] == "待确认"
    assert cells[3][0] == "待决合计（不扣款）" and cells[3][4] == 80


async def test_each_person_sheet_lists_their_penalties_with_types_and_waived_ones_greyed(
        app: App, november: Month, tmp_path: Path) -> None:
    made = await write_statement(app.ctx, "2026-11", tmp_path / "statement.xlsx", actor="cli")
    sheet = load_workbook(made.path)["黄磊"]
    header = [c.value for c in sheet[1]]
    assert header[:6] == ["负激励编号", "条款", "询盘编号", "期间", "金额（元）", "状态"]
    penalty = sheet[2]
    async with app.ctx.uow() as uow:
        (stored,) = await uow.penalties.list(person_id="huang")
    assert stored.status is PenaltyStatus.WAIVED and stored.decided_at is not None
    assert penalty[0].value == stored.id and penalty[2].value == november.late.id
    assert penalty[4].value == 40 and isinstance(penalty[4].value, int)
    assert penalty[5].value == "已免除" and penalty[8].value == "赵敏"
    assert isinstance(penalty[9].value, datetime)
    assert penalty[9].value == stored.decided_at.astimezone(SHANGHAI).replace(tzinfo=None, microsecond=0)
    assert penalty[0].font.italic and penalty[0].fill.start_color.rgb.endswith("EDEDED")
    assert sheet[3][0].value == "合计（仅已确认）" and sheet[3][4].value == 0
    assert sheet.freeze_panes == "A2"


async def test_p6_records_made_from_drafts_show_their_split(app: App, tmp_path: Path) -> None:
    """P6 recorded straight from the pure rule (no sweep): the statement shows 80/20 of one group."""
    from tests.services.test_rankings import inquiry  # a frozen Inquiry value

    won = inquiry("INQ-2026-000042", assignee="zhou", department="trade1", won=True)
    drafts = [replace(d, status=PenaltyStatus.CONFIRMED)
              for d in monthly_deal_lapses("2026-10", app.org, {"trade1": [won]}, {})]
    async with app.ctx.uow() as uow:
        await record(uow, app.ctx, drafts, decided_by="li")  # as if a specialist had entered them: confirmed
        await uow.commit()
    made = await write_statement(app.ctx, "2026-10", tmp_path / "october.xlsx", actor="cli")
    rows = summary(made.path)
    assert rows[("wang", "P6 月度成交情况未按时反馈")][6] == "P6:INQ-2026-000042 80%"
    assert rows[("zhou", "P6 月度成交情况未按时反馈")][6] == "P6:INQ-2026-000042 20%"
    assert made.total == 100


def test_cli_incentives_list_and_statement(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("INQUIRYBOT_ORG", str(EXAMPLE_ORG))
    monkeypatch.setenv("INQUIRYBOT_LOG_LEVEL", "WARNING")
    runner = CliRunner()
    listed = runner.invoke(cli, ["incentives", "list", "--month", "2026-11", "--json"])
    assert listed.exit_code == 0, listed.output
    assert json.loads(listed.stdout) == []
    out = tmp_path / "statement.xlsx"
    made = runner.invoke(cli, ["incentives", "statement", "--month", "2026-11", "--out", str(out)])
    assert made.exit_code == 0, made.output
    assert load_workbook(out).sheetnames == ["汇总"]
    bad = runner.invoke(cli, ["incentives", "statement", "--month", "11/2026", "--out", str(out)])
    assert bad.exit_code == 1 and "YYYY-MM" in bad.output
