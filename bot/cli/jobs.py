"""`inquirybot jobs list` and `inquirybot jobs run JOB --at ISO-8601`."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import typer

from bot.cli.common import fail, load_org_or_exit, print_json, run_async, settings, with_app
from bot.clock import FrozenClock, LaterOf, SystemClock
from bot.rules.calendar import WorkCalendar
from bot.rules.slots import JOBS, LOOKBACK_DAYS, listing

if TYPE_CHECKING:
    from bot.bootstrap import App
    from bot.services.jobs import Outcome

app = typer.Typer(help="Scheduled jobs.", no_args_is_help=True)


@app.command("list")
def list_(as_json: bool = typer.Option(False, "--json", help="One JSON array on stdout")) -> None:
    """Every job with its schedule and next run."""
    org = load_org_or_exit(settings())  # the schedule is all in the org file: no database, no job bodies
    rows = listing(SystemClock().now(), ZoneInfo(org.timezone), org.schedule,
                   WorkCalendar(org.calendar, org.calendar_overrides))
    if as_json:
        print_json(rows)
        return
    for row in rows:
        typer.echo(f"{row['job']:<22} {row['next_run'] or '—':<27} {row['schedule']}")


def _parse_at(raw: str) -> datetime:
    try:
        at = datetime.fromisoformat(raw)
    except ValueError:
        raise fail(f"--at {raw!r} is not ISO-8601 (e.g. 2026-11-23T18:30:00+08:00)") from None
    if at.tzinfo is None:
        raise fail("--at needs a UTC offset, e.g. 2026-11-23T18:30:00+08:00")
    return at


def _slot_words(outcome: Outcome, when: datetime) -> str:
    """`slot 2026-10-09T17:00 (Fri, 2 days before --at)`: which slot --at picked, so nobody runs the wrong one."""
    assert outcome.at is not None
    before = when - outcome.at
    days, hours = before.days, before.seconds // 3600
    distance = f"{days} d {hours} h" if days else f"{hours} h {before.seconds % 3600 // 60} min"
    return f"slot {outcome.slot} ({outcome.at.strftime('%a')}, {distance} before --at)"


@app.command()
def run(
    job: str = typer.Argument(..., help="Job name, see `inquirybot jobs list`"),
    at: str = typer.Option(..., "--at", help="Run as of this time; the slot is the latest one at or before it"),
    force: bool = typer.Option(False, "--force", help="Run even when that slot lies more than 24 h before --at"),
) -> None:
    """Run one job for its slot through the same once-per-slot guard, then deliver what it queued."""
    if job not in JOBS:
        raise fail(f"unknown job {job!r}; jobs: {', '.join(sorted(JOBS))}")
    when = _parse_at(at)
    config = settings()
    from bot import platforms  # the registry and the identity rules: `jobs list` does not need them
    from bot.services.jobs import run_at

    shell = not platforms.configured(config)

    async def work(bot: App) -> None:
        real_now = SystemClock().now()
        outcome = await run_at(bot.ctx, job, when, sent_at=real_now, force=force)
        if outcome.status == "no_slot":
            raise fail(f"{job}: no slot at or before {when.isoformat()} (within {LOOKBACK_DAYS} days); nothing ran")
        typer.echo(f"{job}: {_slot_words(outcome, when)}")
        if outcome.status == "too_old":
            raise fail(f"{job} {outcome.slot}: refused: that slot lies more than 24 h before --at "
                       f"{when.isoformat()}; add --force to run it anyway")
        if outcome.at is not None and outcome.at > real_now:
            typer.echo(f"warning: slot {outcome.slot} is in the future; it is now marked done, so the "
                       "scheduler will skip its real run", err=True)
        if outcome.status == "already_done":
            typer.echo(f"{job} {outcome.slot}: already done; nothing changed")
            return
        bot.ctx.clock = LaterOf(FrozenClock(when), SystemClock())  # deliver now, with claims a server sees as fresh
        await bot.dispatcher.drain()
        typer.echo(f"{job} {outcome.slot}: done — {outcome.summary}")

    run_async(with_app(config, work, clock=FrozenClock(when), shell_write=typer.echo if shell else None,
                       command="jobs run"))
