"""`inquirybot demo`: one simulated day of the sample org, printed as a transcript (offline, a few seconds)."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import typer

import bot
from bot.cli.common import fail, run_async
from bot.demo import run_demo
from bot.org.model import Locale

LOCALES: dict[str, Locale] = {"zh-CN": "zh-CN", "en": "en"}


def example_org() -> Path:
    """org.example.yaml at the repository root, beside the `bot` package."""
    return Path(bot.__file__).resolve().parents[1] / "org.example.yaml"


def register(app: typer.Typer) -> None:
    app.command()(demo)


def demo(
    locale: str | None = typer.Option(None, "--locale", help="Language of the transcript: zh-CN (default) or en"),
) -> None:
    """Play one working day of the sample org on a temporary database and print what everyone saw."""
    if locale is not None and locale not in LOCALES:
        raise fail(f"--locale {locale!r}: use one of {', '.join(LOCALES)}")
    org_file = example_org()
    if not org_file.is_file():
        raise fail(f"the sample org file is missing: {org_file}")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    started = time.perf_counter()
    played = run_async(run_demo(org_file, typer.echo, LOCALES[locale] if locale else None))
    typer.echo(f"demo: {len(played.inquiries)} inquiries, {len(played.penalties)} penalties, "
               f"{time.perf_counter() - started:.1f} s", err=True)
