"""`inquirybot run` and `inquirybot serve`: the long-running modes, and the shell chat."""

from __future__ import annotations

import asyncio
import signal
import sys

import typer
import uvicorn

from bot.bootstrap import App
from bot.cli.common import fail, run_async, settings, with_app
from bot.handlers.shell import run_shell
from bot.org.model import Person, Role
from bot.running import running
from bot.web import create_web_app


def register(app: typer.Typer) -> None:
    app.command()(run)
    app.command()(serve)


def run(
    shell: bool = typer.Option(False, "--shell", help="Force the interactive shell chat"),
    as_person: str | None = typer.Option(None, "--as", help="Who you are in the shell (a person id)"),
    scheduler: bool | None = typer.Option(
        None, "--with-scheduler/--without-scheduler",
        help="Shell only: run reminders, counts and sweeps on the real clock, as in chat "
             "(default: on when you type at a terminal, off when input is piped)"),
) -> None:
    """Run the bot: Slack (Socket Mode) and/or Telegram (polling) with the scheduler, or the shell chat."""
    config = settings()
    if shell or not (config.slack_enabled or config.telegram_enabled):
        with_scheduler = sys.stdin.isatty() if scheduler is None else scheduler
        run_async(with_app(config, lambda bot: _shell(bot, as_person, with_scheduler), shell_write=typer.echo))
        return
    _refuse_placeholders(config.placeholder_problems())
    run_async(with_app(config, _until_signal))


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on"),
    port: int = typer.Option(8080, "--port", help="Port to listen on"),
    no_scheduler: bool = typer.Option(False, "--no-scheduler", help="Only answer HTTP; another process runs jobs"),
) -> None:
    """HTTP mode: POST /slack/events, POST /telegram/webhook, GET /healthz."""
    config = settings()
    _refuse_placeholders(config.placeholder_problems())

    async def work(bot: App) -> None:
        web = create_web_app(bot, scheduler=not no_scheduler)
        server = uvicorn.Server(uvicorn.Config(web, host=host, port=port, log_level=config.log_level.lower()))
        await server.serve()

    run_async(with_app(config, work))


def _refuse_placeholders(problems: list[str]) -> None:
    if problems:
        raise fail(f"refusing to start: {', '.join(problems)} still hold placeholder values; see .env.example")


async def _until_signal(bot: App) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with running(bot, http=False):
        typer.echo(f"inquirybot running on {', '.join(r.name for r in bot.runtimes)}; Ctrl-C to stop", err=True)
        await stop.wait()


async def _shell(bot: App, as_person: str | None, with_scheduler: bool) -> None:
    """The shell chat; with the scheduler, reminders and count posts appear in it at their times."""
    person = _pick_person(bot, as_person)
    if not with_scheduler:
        await run_shell(bot, person, sys.stdin, interactive=sys.stdin.isatty())
        return
    async with running(bot, http=False):
        await run_shell(bot, person, sys.stdin, interactive=sys.stdin.isatty(), scheduler=True)


def _pick_person(bot: App, as_person: str | None) -> Person:
    if as_person is None:
        specialists = [p for p in bot.org.people if p.has(Role.SPECIALIST) and p.active]
        if not specialists:
            raise fail("say who you are with --as PERSON")
        return specialists[0]
    person = bot.org.person(as_person)
    if person is None:
        known = ", ".join(p.id for p in bot.org.people)
        raise fail(f"{as_person!r} is not in the roster; known people: {known}")
    return person
