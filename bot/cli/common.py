"""Helpers shared by CLI commands: settings, logging, the org file, building the app, printing JSON."""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import typer

from bot.bootstrap import App, build
from bot.clock import Clock
from bot.org.loader import OrgFileError
from bot.settings import Settings

T = TypeVar("T")


def settings() -> Settings:
    loaded = Settings()
    logging.basicConfig(
        level=getattr(logging, loaded.log_level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)
    return loaded


def fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(code)


def missing_org_hint(path: object) -> str:
    return (
        f"No org file at {path}. Start from the example: `cp org.example.yaml org.yaml`, "
        "or point INQUIRYBOT_ORG at your file."
    )


async def with_app(
    config: Settings,
    work: Callable[[App], Awaitable[T]],
    *,
    clock: Clock | None = None,
    shell_write: Callable[[str], None] | None = None,
) -> T:
    """Build the app, run `work`, always dispose the engine. Org problems become a readable exit."""
    if not config.org_file.exists():
        raise fail(missing_org_hint(config.org_file))
    try:
        app = await build(config, clock=clock, shell_write=shell_write)
    except OrgFileError as error:
        raise fail("\n".join(p.render() for p in error.problems)) from None
    try:
        return await work(app)
    finally:
        await app.close()


def run_async(coro: Awaitable[T]) -> T:
    async def runner() -> T:
        return await coro

    return asyncio.run(runner())


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
