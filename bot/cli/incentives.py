"""`inquirybot incentives list [--month YYYY-MM] [--person ID] [--json]` and `incentives statement`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from bot.cli.common import fail, print_json, run_async, settings, with_app, with_reader
from bot.cli.reports import month_option
from bot.services.penalty_records import penalty_view

if TYPE_CHECKING:
    from bot.bootstrap import App
    from bot.bootstrap_reader import Reader

app = typer.Typer(help="Penalties (负激励): the list and the monthly statement.", no_args_is_help=True)


@app.command("list")
def list_(
    month: str | None = typer.Option(None, "--month", help="Only penalties of this period, YYYY-MM"),
    person: str | None = typer.Option(None, "--person", help="Only this person id"),
    as_json: bool = typer.Option(False, "--json", help="One JSON array on stdout"),
) -> None:
    """Penalties, oldest first, each with its history; waived ones are listed too (their status says so)."""
    wanted = month_option(month) if month else None

    async def work(bot: Reader) -> None:
        if person and bot.org.person(person) is None:
            async with bot.ctx.uow() as uow:
                known = await uow.people.names()
            if person not in known:
                raise fail(f"--person {person!r} is not in the org file or its history")
        async with bot.ctx.uow() as uow:
            found = await uow.penalties.list(period_prefix=wanted, person_id=person)
            history = await uow.penalties.history([p.id for p in found])
        items = [penalty_view(p, history[p.id]) for p in found]
        if as_json:
            print_json(items)
            return
        for item in items:
            amount = "—" if item["amount"] is None else item["amount"]
            typer.echo(f"{item['id']}  {item['rule']:<5} {item['person']:<10} {amount!s:>5}  {item['status']:<10} "
                       f"{item['period']:<10}  {item['inquiry'] or ''}")
        typer.echo(f"{len(items)} penalties", err=True)

    run_async(with_reader(settings(), work))


@app.command()
def statement(
    month: str = typer.Option(..., "--month", help="The month, YYYY-MM"),
    out: Path = typer.Option(..., "--out", help="Where to write the .xlsx file"),
) -> None:
    """The monthly incentive statement: a summary per person and rule (P6 splits shown), one sheet per person."""
    wanted = month_option(month)

    from bot.services.statements import write_statement  # openpyxl: only this command needs it

    async def work(bot: App) -> None:
        made = await write_statement(bot.ctx, wanted, out, actor="cli")
        typer.echo(f"{made.path}: {made.penalties} penalties of {made.people} people in {wanted}, "
                   f"{made.total} yuan confirmed; not yet decided: {made.undecided} ({made.undecided_total} yuan, "
                   "not in the total)")

    run_async(with_app(settings(), work, command="incentives statement"))
