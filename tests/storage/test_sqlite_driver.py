"""The SQLite driver with one thread hand-off per statement (storage/sqlite_driver.py) answers as aiosqlite does."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.database import make_engine
from storage.sqlite_driver import OneHopDBAPI


@pytest.fixture
async def sqlite(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'driver.db'}")
    async with engine.begin() as conn:
        await conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, n INTEGER)"))
    yield engine
    await engine.dispose()


class _Trips:
    """Counts the requests made to aiosqlite's connection thread (the library's queue, not our code)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        original = aiosqlite.Connection._execute

        async def counted(connection: aiosqlite.Connection, fn: Any, *args: Any, **kwargs: Any) -> Any:
            self.count += 1
            return await original(connection, fn, *args, **kwargs)

        monkeypatch.setattr(aiosqlite.Connection, "_execute", counted)


async def test_sqlite_engines_use_the_one_hop_driver(sqlite: AsyncEngine) -> None:
    assert isinstance(sqlite.dialect.dbapi, OneHopDBAPI)
    assert sqlite.url.drivername == "sqlite+aiosqlite"  # the configured URL is unchanged


async def test_each_statement_is_one_trip_to_the_connection_thread(
    sqlite: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with sqlite.connect() as conn:  # connected before counting
        trips = _Trips(monkeypatch)
        await conn.execute(text("INSERT INTO t (name, n) VALUES ('a', 1)"))
        rows = (await conn.execute(text("SELECT name, n FROM t"))).all()
        await conn.commit()
        counted = trips.count
    assert rows == [("a", 1)]
    assert counted == 3  # insert, select with its rows, commit (aiosqlite's cursor needed 7 or more)


async def test_rows_counts_returning_and_executemany_answer_as_before(sqlite: AsyncEngine) -> None:
    async with sqlite.begin() as conn:
        many = await conn.execute(text("INSERT INTO t (name, n) VALUES (:name, :n)"),
                                  [{"name": f"p{i}", "n": i} for i in range(5)])
        assert many.rowcount == 5
        inserted = await conn.execute(text("INSERT INTO t (name, n) VALUES ('q', 9)"))
        assert inserted.lastrowid == 6
        returned = (await conn.execute(text("UPDATE t SET n = n + 10 WHERE n >= 3 RETURNING name"))).scalars().all()
        assert sorted(returned) == ["p3", "p4", "q"]
        updated = await conn.execute(text("UPDATE t SET n = 0 WHERE n > 100"))
        assert updated.rowcount == 0
        empty = (await conn.execute(text("SELECT name FROM t WHERE n < 0"))).all()
        assert empty == []
        first = (await conn.execute(text("SELECT name FROM t ORDER BY id"))).first()
        assert first == ("p0",)


async def test_errors_are_sqlalchemy_errors_and_the_transaction_rolls_back(sqlite: AsyncEngine) -> None:
    async with sqlite.begin() as conn:
        await conn.execute(text("INSERT INTO t (name, n) VALUES ('only', 1)"))
    async with sqlite.connect() as conn:
        await conn.execute(text("INSERT INTO t (name, n) VALUES ('kept-out', 2)"))
        with pytest.raises(IntegrityError):
            await conn.execute(text("INSERT INTO t (name, n) VALUES ('only', 3)"))
        await conn.rollback()
        with pytest.raises(OperationalError):
            await conn.execute(text("SELECT nothing FROM nowhere"))
    async with sqlite.connect() as conn:
        names = (await conn.execute(text("SELECT name FROM t"))).scalars().all()
    assert names == ["only"]


async def test_streamed_results_still_work(sqlite: AsyncEngine) -> None:
    async with sqlite.begin() as conn:
        await conn.execute(text("INSERT INTO t (name, n) VALUES (:name, :n)"),
                           [{"name": f"s{i}", "n": i} for i in range(300)])
    async with sqlite.connect() as conn:
        streamed = await conn.stream(text("SELECT n FROM t ORDER BY n"))
        seen = [n async for n in streamed.scalars()]
    assert seen == list(range(300))
