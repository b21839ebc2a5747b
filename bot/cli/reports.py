"""`inquirybot ledger export --month YYYY-MM [--department ID] --out FILE.xlsx`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from bot.cli.common import fail, run_async, settings, with_app
from bot.errors import InvalidInput
from bot.rules.months import parse_month

if TYPE_CHECKING:
    from bot.bootstrap import App

app = typer.Typer(help="The ledger 《海外电子商务信息汇总台账》 as XLSX.", no_args_is_help=True)


def month_option(raw: str) -> str:
    """A readable exit for anything that is not YYYY-MM."""
    try:
        return parse_month(raw)
    except ValueError:
        raise fail(f"--month {raw!r} is not a month; use YYYY-MM, e.g. 2026-11") from None


@app.command("export")
def export_(
    month: str = typer.Option(..., "--month", help="Inquiries forwarded in this month (org time zone), YYYY-MM"),
    department: str | None = typer.Option(None, "--department", help="Only this department id (default: all)"),
    out: Path = typer.Option(..., "--out", help="Where to write the .xlsx file"),
) -> None:
    """One sheet per department; every export is written to the audit log."""
    wanted = month_option(month)

    from bot.services.ledger import export  # openpyxl: only this command needs it

    async def work(bot: App) -> None:
        if department and bot.org.department(department) is None:
            choices = ", ".join(d.id for d in bot.org.departments)
            raise fail(f"--department {department!r} is not a department; choose one of: {choices}")
        try:
            made = await export(bot.ctx, wanted, department, out, actor="cli")
        except InvalidInput as error:
            raise fail(f"cannot export: {error.key} {error.data}") from None
        typer.echo(f"{made.path}: {len(made.departments)} sheets, {made.rows} inquiries forwarded in {wanted}")

    run_async(with_app(settings(), work, command="ledger export"))
