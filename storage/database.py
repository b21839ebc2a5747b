"""Engines and sessions. SQLite gets WAL, synchronous=NORMAL and a busy timeout (SPEC section 9)."""

from __future__ import annotations

import asyncio
import os
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import StaticPool


def sqlite_file(url: str) -> Path | None:
    """The file of a file-backed SQLite URL, else None (PostgreSQL, in-memory)."""
    if not url.startswith("sqlite"):
        return None
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def sqlite_read_only(url: str) -> bool:
    """True when the SQLite file exists but this process may not write it (or create its -wal/-shm files)."""
    path = sqlite_file(url)
    if path is None or not path.exists():
        return False
    folder = path.parent if str(path.parent) else Path(".")
    return not os.access(path, os.W_OK) or not os.access(folder, os.W_OK | os.X_OK)


def read_only_url(url: str) -> str:
    """The same SQLite file opened read-only; `immutable` when SQLite could not create its WAL index there."""
    path = sqlite_file(url)
    if path is None:
        return url
    folder = path.parent if str(path.parent) else Path(".")
    wal_present = Path(f"{path}-wal").exists() and Path(f"{path}-shm").exists()
    immutable = "&immutable=1" if not os.access(folder, os.W_OK) and not wal_present else ""
    return f"sqlite+aiosqlite:///file:{path.resolve()}?mode=ro{immutable}&uri=true"


def make_engine(url: str, *, read_only: bool = False, **kwargs: Any) -> AsyncEngine:
    """An async engine; SQLite connections are tuned so a single process can take bursts of writes.
    `read_only` opens a SQLite file that this process cannot write (read commands still work on it)."""
    kwargs.setdefault("hide_parameters", True)  # errors must not carry customer contact details into logs
    if url.startswith("sqlite+aiosqlite"):
        from storage import sqlite_driver

        kwargs.setdefault("module", sqlite_driver.dbapi())  # one thread hand-off per statement, not four
    if read_only and sqlite_file(url) is not None:
        kwargs.setdefault("connect_args", {"timeout": 30})
        engine = create_async_engine(read_only_url(url), **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_read_pragmas)
        return engine
    if url.startswith("sqlite"):
        if ":memory:" in url or url.rstrip("/").endswith("sqlite+aiosqlite:"):
            kwargs.setdefault("poolclass", StaticPool)
        kwargs.setdefault("connect_args", {"timeout": 30})
        engine = create_async_engine(url, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        _WRITERS[engine.sync_engine] = SingleWriter()
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


def _sqlite_read_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


def dialect_insert(session: AsyncSession) -> Any:
    """The INSERT construct with ON CONFLICT of the session's dialect, imported on first use (the PostgreSQL
    dialect alone takes 30 ms to import, which a SQLite command never needs)."""
    if dialect_of(session) == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert


def insert_or_ignore_many(session: AsyncSession, table: Any) -> Any:
    """INSERT ... ON CONFLICT DO NOTHING to execute with a list of rows: one executemany, compiled once."""
    return dialect_insert(session)(table).on_conflict_do_nothing()


async def insert_once(session: AsyncSession, table: Any, returned: Any, **values: Any) -> bool:
    """Insert unless the unique key is taken; True for the one caller whose row went in (claims, dedupe)."""
    statement = prepared(session, ("insert_once", table, returned, *values),
                         lambda insert: insert(columns_named(table, values)).on_conflict_do_nothing()
                         .returning(returned))
    return (await run_core(session, statement, values)).first() is not None


def columns_named(table: Any, names: Iterable[str]) -> Any:
    """The Core table of `table` (a mapped class or a table), checked to have a column for each of `names`: a
    Core INSERT run with parameters drops a name that is no column silently, unlike the ORM's .values()."""
    core = getattr(table, "__table__", table)
    unknown = set(names) - set(core.c.keys())
    if unknown:
        raise TypeError(f"{core.name} has no column {', '.join(sorted(unknown))}")
    return core


async def run_core(session: AsyncSession, statement: Any, parameters: Any = None) -> Any:
    """A Core statement (rows, not ORM objects) on the session's own connection, in its transaction. The ORM's
    execute path costs about 0.25 ms per statement on this machine, as much as SQLite's work for an intake
    statement (bench.ingest), so the hot paths (ingest, claims) skip it. Nothing is flushed first: sessions here
    never autoflush anyway."""
    connection = await session.connection()
    return await connection.execute(statement, parameters)


_PREPARED: dict[tuple[Any, ...], Any] = {}


def prepared(session: AsyncSession, key: tuple[Any, ...], build: Callable[[Any], Any]) -> Any:
    """A statement built once per dialect and `key` by `build(dialect_insert)`, its values left as parameters:
    building a statement and its cache key again on every call costs ~0.1 ms (bench.ingest)."""
    full_key = (dialect_of(session), *key)
    statement = _PREPARED.get(full_key)
    if statement is None:
        statement = _PREPARED[full_key] = build(dialect_insert(session))
    return statement


def dialect_of(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


class SingleWriter:
    """SQLite lets one transaction write at a time. Without a queue of our own, concurrent transactions of this
    process meet in SQLite's busy handler, which polls with sleeps of up to 100 ms, and a transaction that read
    before another one committed cannot write at all (SQLITE_BUSY_SNAPSHOT, raised at once): the lock-wait tail
    of the acks. So a process's units of work on one SQLite file take turns here, in arrival order, each holding
    the turn for its one short transaction. Re-entrant for the task that holds it (a unit of work opened inside
    another one in the same task does not wait for itself)."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()
        self._owner: asyncio.Task[Any] | None = None
        self._depth = 0

    async def acquire(self) -> None:
        task = asyncio.current_task()
        if task is not None and self._owner is task:
            self._depth += 1
            return
        await self._lock.acquire()
        self._owner, self._depth = task, 1

    def release(self) -> None:
        self._depth -= 1
        if self._depth == 0:
            self._owner = None
            self._lock.release()


_WRITERS: weakref.WeakKeyDictionary[Any, SingleWriter] = weakref.WeakKeyDictionary()


def single_writer(sessions: async_sessionmaker[AsyncSession]) -> SingleWriter | None:
    """The turn-taking of a SQLite engine's units of work; None for PostgreSQL (its row locks are enough)."""
    engine = _engine_of(sessions)
    return _WRITERS.get(engine) if engine is not None else None


_INTAKE_TURNS: weakref.WeakKeyDictionary[Any, SingleWriter] = weakref.WeakKeyDictionary()


def intake_turn(sessions: async_sessionmaker[AsyncSession]) -> SingleWriter | None:
    """The turn-taking of this process's intakes on a PostgreSQL engine; None on SQLite, where every unit of work
    already takes turns. Each intake locks its department's assignment pointer and then the year's number row
    until it commits. Entered all at once, 50 intakes each hold a pooled connection and queue on those row locks,
    and the holder's next statement waits behind the others' work on the event loop: a convoy (bench.acks, 50
    clients: p99 1.2 s, max 2 s). Taking turns here first, in arrival order and before a connection is taken,
    leaves the row locks to order replicas only. Correctness never depends on it: the row locks still do that."""
    engine = _engine_of(sessions)
    if engine is None or engine in _WRITERS:
        return None
    turn = _INTAKE_TURNS.get(engine)
    if turn is None:
        turn = _INTAKE_TURNS[engine] = SingleWriter()
    return turn


def _engine_of(sessions: async_sessionmaker[AsyncSession]) -> Any:
    return getattr(sessions.kw.get("bind"), "sync_engine", None)

