"""`inquirybot db upgrade`."""

from __future__ import annotations

import typer

from bot.cli.common import run_async, settings
from storage.database import make_engine
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

    run_async(work())
    typer.echo("database is at the latest schema")
