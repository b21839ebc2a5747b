"""`inquirybot`: the console script (SPEC section 8). Each command group lives in its own module."""

from __future__ import annotations

from importlib.metadata import version

import typer

from bot.cli import calendar, db, demo, doctor, incentives, inquiries, jobs, org, report, reports, run

app = typer.Typer(
    name="inquirybot",
    help="Inquiry Desk: routes customer inquiries, watches deadlines and keeps the penalty ledger.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(wanted: bool) -> None:
    if wanted:
        typer.echo(f"inquirybot {version('inquirybot')}")
        raise typer.Exit


@app.callback()
def _options(
    show_version: bool = typer.Option(
        False, "--version", is_eager=True, callback=_print_version, help="Print the installed version and exit."
    ),
) -> None:
    """Inquiry Desk: routes customer inquiries, watches deadlines and keeps the penalty ledger."""


app.add_typer(db.app, name="db")
app.add_typer(org.app, name="org")
app.add_typer(calendar.app, name="calendar")
app.add_typer(inquiries.app, name="inquiries")
app.add_typer(jobs.app, name="jobs")
app.add_typer(report.app, name="report")
run.register(app)
app.add_typer(reports.app, name="ledger")
app.add_typer(incentives.app, name="incentives")
demo.register(app)
doctor.register(app)


def main() -> None:
    app()
