"""`inquirybot doctor`: every check as ok, or problem with its fix; exit 0 only when all pass."""

from __future__ import annotations

import typer

from bot.cli.common import run_async, settings


def register(app: typer.Typer) -> None:
    app.command()(doctor)


def doctor() -> None:
    """Check settings, the database and its schema, the org file, each platform token, channel and person."""
    from bot.doctor import render, run_checks  # imported here: other commands never pay for the platform SDKs

    config = settings()

    async def work() -> tuple[int, int]:
        problems = warnings = 0
        async for check in run_checks(config):
            render(check, typer.echo)
            problems += 0 if check.ok else 1
            warnings += 1 if check.warning else 0
        return problems, warnings

    problems, warnings = run_async(work())
    also = f", {warnings} warning(s)" if warnings else ""
    if problems:
        typer.echo(f"{problems} problem(s) found{also}", err=True)
        raise typer.Exit(1)
    typer.echo(f"all checks passed{also}", err=True)
