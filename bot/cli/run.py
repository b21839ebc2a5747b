"""`inquirybot run`: everything in one process; the shell chat when no platform token is set."""

from __future__ import annotations

import sys

import typer

from bot.bootstrap import App
from bot.cli.common import fail, run_async, settings, with_app
from bot.handlers.shell import run_shell
from bot.org.model import Person, Role


def register(app: typer.Typer) -> None:
    app.command()(run)


def run(
    shell: bool = typer.Option(False, "--shell", help="Force the interactive shell chat"),
    as_person: str | None = typer.Option(None, "--as", help="Who you are in the shell (a person id)"),
) -> None:
    """Run the bot: Slack and/or Telegram with the scheduler and dispatcher, or the shell chat."""
    config = settings()
    problems = config.placeholder_problems()
    if problems and not shell:
        raise fail(f"refusing to start: {', '.join(problems)} still hold placeholder values; see .env.example")
    if shell or not (config.slack_enabled or config.telegram_enabled):
        run_async(with_app(config, lambda bot: _shell(bot, as_person), shell_write=typer.echo))
        return
    raise fail("platform mode is not available yet in this build; use `inquirybot run --shell`")


async def _shell(bot: App, as_person: str | None) -> None:
    person = _pick_person(bot, as_person)
    await run_shell(bot, person, sys.stdin, interactive=sys.stdin.isatty())


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
