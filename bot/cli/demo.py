"""`inquirybot demo`: one simulated day of the sample org, printed as a transcript (offline, a few seconds)."""

from __future__ import annotations

import logging
import time
from importlib.resources import as_file

import typer

from bot.cli.common import fail, run_async
from bot.demo import run_demo
from bot.org.model import Locale
from bot.org.sample import sample_org

LOCALES: dict[str, Locale] = {"zh-CN": "zh-CN", "en": "en"}


def register(app: typer.Typer) -> None:
    app.command()(demo)


def demo(
    locale: str | None = typer.Option(None, "--locale", help="Language of the transcript: zh-CN (default) or en"),
) -> None:
    """Play one working day of the sample org on a temporary database and print what everyone saw."""
    if locale is not None and locale not in LOCALES:
        raise fail(f"--locale {locale!r}: use one of {', '.join(LOCALES)}")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    started = time.perf_counter()
    with as_file(sample_org()) as org_file:
        played = run_async(run_demo(org_file, typer.echo, LOCALES[locale] if locale else None))
    typer.echo(f"demo: {len(played.inquiries)} inquiries, {len(played.penalties)} penalties, "
               f"{time.perf_counter() - started:.1f} s", err=True)
