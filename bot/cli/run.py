"""`inquirybot run` and `inquirybot serve`: the long-running modes, and the shell chat."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import sys
from collections.abc import Callable, Coroutine
from typing import Any

import typer

from bot import platforms
from bot.bootstrap import App
from bot.cli.common import fail, run_async, settings, with_app
from bot.cli.lifecycle import until_stopped
from bot.handlers.shell import run_shell
from bot.org.model import Person, Role
from bot.running import running
from bot.runtime import PlatformRejected
from bot.settings import Settings


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
    if shell or not platforms.configured(config):
        if not shell and not sys.stdin.isatty():
            raise fail(f"refusing to start: no {platforms.switches()} is set and stdin is not a "
                       "terminal, so nobody could chat. Fix: set a platform token, or pass --shell --as PERSON "
                       "to feed the shell chat from a pipe.")
        with_scheduler = sys.stdin.isatty() if scheduler is None else scheduler
        run_async(with_app(config, lambda bot: _shell(bot, as_person, with_scheduler), shell_write=typer.echo))
        return
    _refuse_placeholders(platforms.placeholder_problems(config))

    async def main(stop: asyncio.Event) -> None:
        async def work(bot: App) -> None:
            async with running(bot, http=False, stop=stop):
                if not stop.is_set():
                    names = ", ".join(r.name for r in bot.runtimes)
                    typer.echo(f"inquirybot running on {names}; Ctrl-C to stop", err=True)
                await stop.wait()

        await with_app(config, work, command="run")

    _long_running(main)


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on"),
    port: int = typer.Option(8080, "--port", help="Port to listen on"),
    no_scheduler: bool = typer.Option(False, "--no-scheduler", help="Only answer HTTP; another process runs jobs"),
) -> None:
    """HTTP mode: POST /slack/events, POST /telegram/webhook, GET /healthz, GET /metrics."""
    config = settings()
    if not platforms.configured(config):
        raise fail(f"refusing to start: `serve` answers {platforms.labels()}, and neither "
                   f"{platforms.switches(' nor ')} is set. Fix: set one (see .env.example), or use "
                   "`inquirybot run --shell`.")
    _refuse_placeholders(platforms.placeholder_problems(config))

    async def main(stop: asyncio.Event) -> None:
        await with_app(config, lambda bot: _serve(bot, config, stop, host, port, not no_scheduler), command="serve")

    _long_running(main, fast_loop=True)


async def _serve(bot: App, config: Settings, stop: asyncio.Event, host: str, port: int, scheduler: bool) -> None:
    """Platforms, dispatcher and scheduler first (retrying an unreachable platform), then HTTP until `stop`;
    inquiry texts are read in a parser process meanwhile."""
    from bot.bootstrap_parser import ParserProcess

    parser = ParserProcess()
    await parser.start()
    bot.ctx.parse = parser
    try:
        await _serve_http(bot, config, stop, host, port, scheduler)
    finally:
        parser.close()


async def _serve_http(bot: App, config: Settings, stop: asyncio.Event, host: str, port: int, scheduler: bool) -> None:
    from bot.cli.http_server import make_server
    from bot.web import create_web_app

    async with running(bot, http=True, scheduler=scheduler, stop=stop):
        if stop.is_set():
            return
        web = create_web_app(bot, scheduler=scheduler, lifespan=False)
        _freeze_startup_objects()
        server = make_server(web, host=host, port=port, log_level=config.log_level.lower())
        serving = asyncio.create_task(server.serve(), name="http")
        stopping = asyncio.create_task(stop.wait())
        await asyncio.wait({serving, stopping}, return_when=asyncio.FIRST_COMPLETED)
        server.should_exit = True
        stopping.cancel()
        await serving
        if server.failed_to_start:
            raise fail(f"could not listen on {host}:{port} (is another process using it?)")


def _freeze_startup_objects() -> None:
    """Everything built so far (modules, the org, term tables, compiled patterns: some 200,000 objects) lives as
    long as the process: move it out of the collector's sight. Otherwise every full collection under load walks
    it all and stops every request for 100-300 ms (measured under bench.acks: 7 of them, max 315 ms)."""
    gc.collect()
    gc.freeze()


def _long_running(main: Callable[[asyncio.Event], Coroutine[Any, Any, None]], *, fast_loop: bool = False) -> None:
    try:
        run_async(until_stopped(main), fast_loop=fast_loop)
    except PlatformRejected as error:
        raise fail(f"refusing to start: {error}") from None
    leave_now()


def leave_now() -> None:
    """Everything is closed: end the process without the interpreter's teardown of every loaded module, which
    alone can take seconds on a busy host and would break the promise of stopping within 5 s."""
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _refuse_placeholders(problems: list[str]) -> None:
    if problems:
        raise fail(f"refusing to start: {', '.join(problems)} still hold placeholder values; see .env.example")


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
