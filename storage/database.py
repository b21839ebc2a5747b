"""Engines and sessions. SQLite gets WAL, synchronous=NORMAL and a busy timeout (SPEC section 9)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import StaticPool


def make_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """An async engine; SQLite connections are tuned so a single process can take bursts of writes."""
    kwargs.setdefault("hide_parameters", True)  # errors must not carry customer contact details into logs
    if url.startswith("sqlite"):
        if ":memory:" in url or url.rstrip("/").endswith("sqlite+aiosqlite:"):
            kwargs.setdefault("poolclass", StaticPool)
        kwargs.setdefault("connect_args", {"timeout": 30})
        engine = create_async_engine(url, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_async_engine(url, **kwargs)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


def insert_or_ignore(session: AsyncSession, table: Any, **values: Any) -> Any:
    """INSERT ... ON CONFLICT DO NOTHING in the session's dialect (typed Any: the two dialects' types differ)."""
    insert = pg_insert if dialect_of(session) == "postgresql" else sqlite_insert
    return insert(table).values(**values).on_conflict_do_nothing()


async def insert_once(session: AsyncSession, table: Any, returned: Any, **values: Any) -> bool:
    """Insert unless the unique key is taken; True for the one caller whose row went in (claims, dedupe)."""
    statement = insert_or_ignore(session, table, **values).returning(returned)
    return (await session.execute(statement)).first() is not None


def dialect_of(session: AsyncSession) -> str:
    return session.get_bind().dialect.name
