"""Helpers shared by CLI commands: settings, logging, the org file, building the app, printing JSON."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

import typer
from pydantic import ValidationError

from bot.clock import Clock
from bot.logs import configure as configure_logging
from bot.org.cache import load_cached
from bot.org.problems import OrgFileError
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.bootstrap import App
    from bot.bootstrap_reader import Reader
    from bot.org.model import Org

T = TypeVar("T")
EMPTY_DATABASE = "sqlite+aiosqlite:///:memory:"


def settings() -> Settings:
    """Read the environment once, set up logging from it, and say at DEBUG what was assumed."""
    try:
        loaded = Settings()
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise fail(f"setting {where} is not valid ({first['msg']}). Fix: correct it in the environment or .env.",
                   2) from None
    configure_logging(loaded.log_level, loaded.log_format)
    if loaded.driver_note:
        logging.getLogger(__name__).debug("%s", loaded.driver_note)
    return loaded


def fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(code)


def missing_org_hint(path: object) -> str:
    return (
        f"No org file at {path}. Start from the sample: `inquirybot org sample > org.yaml`, "
        "or point INQUIRYBOT_ORG at your file."
    )


def org_failure(error: OrgFileError) -> str:
    """At most two lines: the first problem, and how many more `org check` lists."""
    first = error.problems[0].render()
    more = len(error.problems) - 1
    return first if more == 0 else f"{first}\n…and {more} more problem(s): `inquirybot org check` lists them all."


def load_org_or_exit(config: Settings) -> Org:
    """The org file, or a readable exit naming its first problem."""
    if not config.org_file.exists():
        raise fail(missing_org_hint(config.org_file))
    try:
        return load_cached(config.org_file, config.org_cache_dir)
    except OrgFileError as error:
        raise fail(org_failure(error)) from None


async def with_app(
    config: Settings,
    work: Callable[[App], Awaitable[T]],
    *,
    clock: Clock | None = None,
    shell_write: Callable[[str], None] | None = None,
    command: str | None = None,
) -> T:
    """Build the app, run `work`, always dispose the engine. Org and database problems become a readable
    exit (one or two lines, no traceback). A writing `command` on a read-only file is refused with the reason;
    commands that only look use `with_reader`."""
    # Imported here, not at the top: commands without a database never import SQLAlchemy.
    from bot.bootstrap import build
    from storage.database import sqlite_file, sqlite_read_only
    from storage.errors import read_only_message

    org = load_org_or_exit(config)
    if sqlite_read_only(config.database_url):
        raise fail(read_only_message(str(sqlite_file(config.database_url)), command))
    try:
        app = await build(config, clock=clock, org=org, shell_write=shell_write)
    except Exception as error:
        raise database_failure(error, config, command) from None
    try:
        return await work(app)
    except (typer.Exit, typer.Abort):
        raise
    except Exception as error:
        raise database_failure(error, config, command) from None
    finally:
        await app.close()


async def with_reader(config: Settings, work: Callable[[Reader], Awaitable[T]], *, clock: Clock | None = None) -> T:
    """For commands that only look: a read-only engine and the context, nothing else built (no templates,
    notifiers or scheduler), so they start fast and work on a read-only file. Problems become readable exits."""
    from bot.bootstrap_reader import open_reader  # here: commands without a database never import SQLAlchemy
    from storage.database import sqlite_file

    org = load_org_or_exit(config)
    path = sqlite_file(config.database_url)
    missing = path is not None and not path.exists()
    if missing:
        # Nothing was ever stored: answer from an empty in-memory schema instead of creating the file.
        typer.echo(f"note: no database at {path} yet, so there is nothing to show (check DATABASE_URL if that "
                   "is unexpected)", err=True)
        config = config.model_copy(update={"database_url": EMPTY_DATABASE})
    try:
        reader = await open_reader(config, org, clock=clock, migrate=missing)
    except Exception as error:
        raise database_failure(error, config, None) from None
    try:
        return await work(reader)
    except (typer.Exit, typer.Abort):
        raise
    except Exception as error:
        raise database_failure(error, config, None) from None
    finally:
        await reader.close()


def database_failure(error: Exception, config: Settings, command: str | None) -> Exception:
    """A recognised database failure as a readable exit; anything else goes on (with its traceback)."""
    from storage.database import sqlite_file
    from storage.errors import DatabaseProblem, explain, read_only_message

    if isinstance(error, DatabaseProblem):
        return fail(str(error))
    message = explain(error, config.database_url)
    if message is None:
        return error
    if command and message.startswith("the SQLite file") and "read-only" in message:
        message = read_only_message(str(sqlite_file(config.database_url)), command)
    return fail(message)


def run_async(coro: Awaitable[T], *, fast_loop: bool = False) -> T:
    """`fast_loop`: uvloop when it is installed (`serve`: about half the CPU per request of asyncio's loop)."""

    async def runner() -> T:
        return await coro

    with asyncio.Runner(loop_factory=_fast_loop_factory() if fast_loop else None) as loop_runner:
        return loop_runner.run(runner())


def _fast_loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    try:
        import uvloop
    except ImportError:  # a platform without a uvloop wheel: asyncio's own loop is correct, only slower
        return None
    return uvloop.new_event_loop


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
