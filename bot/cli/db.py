"""`inquirybot db upgrade`."""

from __future__ import annotations

import typer

from bot.cli.common import database_failure, fail, run_async, settings
from storage.database import make_engine, sqlite_file, sqlite_read_only
from storage.errors import read_only_message
from storage.migrate import upgrade as upgrade_schema

app = typer.Typer(help="Database schema.", no_args_is_help=True)


@app.command()
def upgrade() -> None:
    """Apply Alembic migrations up to head (also done by `run` and `serve` at start)."""
    config = settings()

    async def work() -> None:
        engine = make_engine(config.database_url)
        try:
            await upgrade_schema(engine)
        finally:
            await engine.dispose()

    if sqlite_read_only(config.database_url):
        raise fail(read_only_message(str(sqlite_file(config.database_url)), "db upgrade"))
    try:
        run_async(work())
    except Exception as error:
        raise database_failure(error, config, "db upgrade") from None
    typer.echo("database is at the latest schema")
