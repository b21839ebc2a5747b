"""`inquirybot jobs list` and `inquirybot jobs run JOB --at ISO-8601`."""

from __future__ import annotations

from datetime import datetime

import typer

from bot.bootstrap import App
from bot.cli.common import fail, print_json, run_async, settings, with_app
from bot.clock import FrozenClock, LaterOf, SystemClock
from bot.rules.slots import JOBS
from bot.services.jobs import run_at

app = typer.Typer(help="Scheduled jobs.", no_args_is_help=True)


@app.command("list")
def list_(as_json: bool = typer.Option(False, "--json", help="One JSON array on stdout")) -> None:
    """Every job with its schedule and next run."""

    async def work(bot: App) -> None:
        assert bot.scheduler is not None
        rows = bot.scheduler.listing(bot.ctx.now())
        if as_json:
            print_json(rows)
            return
        for row in rows:
            typer.echo(f"{row['job']:<22} {row['next_run'] or '—':<27} {row['schedule']}")

    run_async(with_app(settings(), work, clock=SystemClock()))


def _parse_at(raw: str) -> datetime:
    try:
        at = datetime.fromisoformat(raw)
    except ValueError:
        raise fail(f"--at {raw!r} is not ISO-8601 (e.g. 2026-11-23T18:30:00+08:00)") from None
    if at.tzinfo is None:
        raise fail("--at needs a UTC offset, e.g. 2026-11-23T18:30:00+08:00")
    return at


@app.command()
def run(
    job: str = typer.Argument(..., help="Job name, see `inquirybot jobs list`"),
    at: str = typer.Option(..., "--at", help="Run as of this time; the slot is the latest one at or before it"),
) -> None:
    """Run one job for its slot through the same once-per-slot guard, then deliver what it queued."""
    if job not in JOBS:
        raise fail(f"unknown job {job!r}; jobs: {', '.join(sorted(JOBS))}")
    when = _parse_at(at)
    config = settings()
    shell = not (config.slack_enabled or config.telegram_enabled)

    async def work(bot: App) -> None:
        outcome = await run_at(bot.ctx, job, when, sent_at=SystemClock().now())
        if outcome.status == "already_done":
            typer.echo(f"{job} {outcome.slot}: already done; nothing changed")
            return
        if outcome.status != "done":
            raise fail(f"{job}: {outcome.status.replace('_', ' ')} at {when.isoformat()}")
        bot.ctx.clock = LaterOf(FrozenClock(when), SystemClock())  # deliver now, with claims a server sees as fresh
        await bot.dispatcher.drain()
        typer.echo(f"{job} {outcome.slot}: done — {outcome.summary}")

    run_async(with_app(config, work, clock=FrozenClock(when), shell_write=typer.echo if shell else None,
                       command="jobs run"))
