"""aiosqlite with one thread hand-off per statement.

SQLAlchemy's aiosqlite adapter asks aiosqlite's connection thread three or four times for every statement (make a
cursor, execute, fetch the rows, close the cursor), and each request is a round trip between the event loop and
that thread. Under load every round trip also waits for the busy event loop before the next one can start, so an
intake's eight statements cost about thirty trips (issues 12 and 13). Here a statement is one trip: the thread
makes the cursor, executes, fetches and closes in one call, and the adapter reads the outcome locally.

Only plain (buffered) cursors change; server-side cursors, connecting, commit, rollback and closing are the
library's own. The engine keeps its `sqlite+aiosqlite` URL: `make_engine` passes `dbapi()` as the DBAPI module.
"""

from __future__ import annotations

import collections
import sqlite3
from dataclasses import dataclass
from typing import Any

import aiosqlite
from sqlalchemy.connectors.asyncio import AsyncAdapt_dbapi_connection
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util import EMPTY_DICT
from sqlalchemy.util.concurrency import await_


@dataclass(frozen=True, slots=True)
class _Outcome:
    """What a finished statement leaves for the adapter: read without going back to the thread."""

    description: Any = None
    rowcount: int = -1
    lastrowid: int | None = None
    rows: list[Any] | None = None
    arraysize: int = 1

    def close(self) -> None:
        """The sqlite3 cursor was closed in the thread already."""


def _run(connection: sqlite3.Connection, operation: str, parameters: Any, many: bool) -> _Outcome:
    """Runs in aiosqlite's connection thread: the whole statement, start to finish."""
    cursor = connection.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        elif parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        rows = cursor.fetchall() if cursor.description else None
        return _Outcome(cursor.description, cursor.rowcount, cursor.lastrowid, rows)
    finally:
        cursor.close()


class OneHopCursor(AsyncAdapt_aiosqlite_cursor):
    """A buffered cursor whose statements each take one trip to the connection thread."""

    __slots__ = ()
    _awaitable_cursor_close = False  # closing is local: the thread closed the sqlite3 cursor already

    def __init__(self, adapt_connection: AsyncAdapt_dbapi_connection) -> None:
        # No trip: nothing is made in the thread until a statement runs.
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._cursor = _Outcome()  # type: ignore[assignment]
        self._soft_closed_memoized = EMPTY_DICT
        self._rows = collections.deque()

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        self._finish(operation, parameters, many=False)

    def executemany(self, operation: Any, seq_of_parameters: Any) -> Any:
        self._finish(operation, seq_of_parameters, many=True)

    def _finish(self, operation: Any, parameters: Any, *, many: bool) -> None:
        try:
            outcome = await_(self._one_trip(operation, parameters, many))
        except Exception as error:
            self._adapt_connection._handle_exception(error)
        self._cursor = outcome  # type: ignore[assignment]
        self._rows = collections.deque(outcome.rows or ())

    async def _one_trip(self, operation: Any, parameters: Any, many: bool) -> _Outcome:
        connection: aiosqlite.Connection = self._connection  # type: ignore[assignment]
        async with self._adapt_connection._execute_mutex:
            return await connection._execute(_run, connection._conn, operation, parameters, many)  # type: ignore[no-untyped-call,no-any-return]


class OneHopConnection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ()
    _cursor_cls = OneHopCursor


class OneHopDBAPI(AsyncAdapt_aiosqlite_dbapi):
    def connect(self, *arg: Any, **kw: Any) -> OneHopConnection:
        library_made = super().connect(*arg, **kw)
        return OneHopConnection(self, library_made._connection)


def dbapi() -> OneHopDBAPI:
    """The DBAPI module to give `create_async_engine(..., module=...)` for a `sqlite+aiosqlite` URL."""
    return OneHopDBAPI(aiosqlite, sqlite3)
