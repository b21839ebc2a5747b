"""Run Alembic migrations from code (`inquirybot db upgrade`, and on every start)."""

from __future__ import annotations

import asyncio
import re
from importlib.resources import as_file, files
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = files("storage").joinpath("migrations")  # package data, so an installed wheel migrates too


def alembic_config(url: str, script_location: str | None = None) -> Config:
    """Alembic settings for `url`; the migrations default to the installed package's folder (wheels install
    unpacked; callers that may run from a zip pass a location from `as_file`)."""
    from alembic.config import Config  # imported here: read commands never load Alembic

    config = Config()
    config.set_main_option("script_location", script_location or str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def _upgrade(connection: Connection, url: str) -> None:
    from alembic import command

    with as_file(MIGRATIONS) as location:
        config = alembic_config(url, str(location))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


async def upgrade(engine: AsyncEngine) -> None:
    """Bring the schema to head on an existing engine (works inside a running event loop)."""
    url = engine.url.render_as_string(hide_password=False)
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade, url)


def upgrade_blocking(url: str) -> None:
    """For scripts that are not async: create an engine, migrate, dispose."""
    from storage.database import make_engine

    async def run() -> None:
        engine = make_engine(url)
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()

    asyncio.run(run())


def head_revisions() -> set[str]:
    """The revision(s) the migrations in this install lead to."""
    from alembic.script import ScriptDirectory

    with as_file(MIGRATIONS) as location:
        return set(ScriptDirectory.from_config(alembic_config("sqlite://", str(location))).get_heads())


async def current_revisions(engine: AsyncEngine) -> set[str]:
    """The revision(s) the database is at, read without writing (empty for a database never migrated)."""
    from alembic.runtime.migration import MigrationContext

    def read(connection: Connection) -> set[str]:
        return set(MigrationContext.configure(connection).get_current_heads())

    async with engine.connect() as connection:
        return await connection.run_sync(read)


_REVISION = re.compile(r"^revision(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?::[^=]*)?=(.*)$", re.MULTILINE)
_QUOTED = re.compile(r"['\"]([^'\"]+)['\"]")


def quick_head_revisions() -> set[str]:
    """The same heads as `head_revisions`, read from the `revision` / `down_revision` lines of the migration
    files without importing Alembic or the migrations: what read-only commands check against on every call."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for entry in MIGRATIONS.joinpath("versions").iterdir():
        if not entry.name.endswith(".py"):
            continue
        source = entry.read_text(encoding="utf-8")
        found, down = _REVISION.search(source), _DOWN.search(source)
        if found is None:
            continue
        revisions.add(found.group(1))
        if down is not None:
            parents.update(_QUOTED.findall(down.group(1)))
    return revisions - parents


async def quick_current_revisions(engine: AsyncEngine) -> set[str]:
    """The database's revision(s) in one plain SELECT (empty when it was never migrated)."""
    async with engine.connect() as connection:
        try:
            rows = await connection.execute(text("SELECT version_num FROM alembic_version"))
        except DBAPIError:
            return set()  # no alembic_version table: never migrated
        return {str(row[0]) for row in rows}
