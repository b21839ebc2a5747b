"""Run Alembic migrations from code (`inquirybot db upgrade`, and on every start)."""

from __future__ import annotations

import asyncio
from importlib.resources import as_file, files

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS = files("storage").joinpath("migrations")  # package data, so an installed wheel migrates too


def alembic_config(url: str, script_location: str | None = None) -> Config:
    """Alembic settings for `url`; the migrations default to the installed package's folder (wheels install
    unpacked; callers that may run from a zip pass a location from `as_file`)."""
    config = Config()
    config.set_main_option("script_location", script_location or str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def _upgrade(connection: Connection, url: str) -> None:
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
