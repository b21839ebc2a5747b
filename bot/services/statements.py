"""The monthly incentive statement as XLSX (`inquirybot incentives statement`): a summary, then one sheet per person."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.rules.ledger_rows import Label
from bot.rules.penalties import Penalty
from bot.rules.statements import (
    DETAIL_COLUMNS,
    SUMMARY_COLUMNS,
    detail_rows,
    people_in_order,
    summary_rows,
    total,
    undecided,
    undecided_rows,
)
from bot.services.context import Context
from bot.services.labels import labeller
from bot.services.ledger import check_month
from bot.services.xlsx import Sheet, write_workbook


@dataclass(frozen=True)
class StatementFile:
    path: Path
    month: str
    people: int
    penalties: int
    total: int  # confirmed penalties only: what payroll deducts
    undecided: int = 0  # proposed penalties, listed apart
    undecided_total: int = 0


def statement_name(month: str) -> str:
    return f"incentives-{month}.xlsx"


async def write_statement(ctx: Context, month: str, out: Path | None, actor: str) -> StatementFile:
    """Penalties whose period falls in `month`, summed per person and rule; the export is audited."""
    month = check_month(month)
    async with ctx.uow() as uow:
        penalties = await uow.penalties.list(period_prefix=month)
        label = labeller(ctx.org, ctx.org.locale, await uow.people.names())
        path = write_workbook(_sheets(ctx, penalties, label), out or ctx.reports_dir / statement_name(month))
        people = people_in_order(penalties, [p.id for p in ctx.org.people])
        pending = undecided(penalties)
        made = StatementFile(path, month, len(people), len(penalties), total(penalties), len(pending),
                             sum(p.amount or 0 for p in pending))
        await uow.audit.record(ctx.now(), actor, "statement_export", month, "done", path=str(path),
                               penalties=len(penalties))
        await uow.commit()
    return made


def _sheets(ctx: Context, penalties: list[Penalty], label: Label) -> list[Sheet]:
    order = [p.id for p in ctx.org.people]
    summary = summary_rows(penalties, order, label)
    sheets = [Sheet(label("statement_sheet", "summary"), [label("statement_column", c) for c in SUMMARY_COLUMNS],
                    [r.cells for r in summary], [r.style for r in summary])]
    headers = [label("statement_column", c) for c in DETAIL_COLUMNS]
    for person in people_in_order(penalties, order):
        rows = detail_rows([p for p in penalties if p.person_id == person], penalties, label, ctx.tz)
        sheets.append(Sheet(label("person", person), headers, [r.cells for r in rows], [r.style for r in rows]))
    if undecided(penalties):
        rows = undecided_rows(penalties, order, label, ctx.tz)
        sheets.append(Sheet(label("statement_sheet", "undecided"), [label("statement_column", "person"), *headers],
                            [r.cells for r in rows], [r.style for r in rows]))
    return sheets
