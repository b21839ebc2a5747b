"""Database failures said so an operator can act on them: what is wrong, where, and the fix, in one line."""

from __future__ import annotations

import errno
from collections.abc import Iterator

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    DisconnectionError,
    InterfaceError,
    NoSuchModuleError,
    OperationalError,
)
from sqlalchemy.exc import TimeoutError as SATimeoutError

READ_ONLY_MARKERS = ("attempt to write a readonly database", "readonly database")


class AlreadyStored(Exception):
    """A row with the same unique key is already stored (e.g. the inquiry a message made); the transaction
    must be rolled back."""


class DatabaseProblem(Exception):
    """A database failure already explained in words (`str(problem)` is the whole message)."""


def chain(error: BaseException) -> Iterator[BaseException]:
    """The error, what it wraps (`orig`) and what caused it, each once."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [error]
    while todo:
        current = todo.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo.extend([getattr(current, "orig", None), current.__cause__, current.__context__])


def _where(url: URL) -> str:
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return f"{url.host or 'localhost'}:{url.port or 5432}"


def _parse(url: str) -> URL | None:
    try:
        return make_url(url)
    except ArgumentError:
        return None


def explain(error: BaseException, url: str) -> str | None:
    """One line for a failure we recognise, else None (the caller lets it through)."""
    parsed = _parse(url)
    if parsed is None:
        return ("DATABASE_URL is not a database URL. Fix: write "
                "postgresql+asyncpg://USER:PASSWORD@HOST:5432/NAME or sqlite+aiosqlite:///./inquirybot.db.")
    for cause in chain(error):
        found = _explain_one(cause, parsed)
        if found:
            return found
    return None


def _explain_one(cause: BaseException, url: URL) -> str | None:
    name = type(cause).__name__
    text = str(cause)
    if isinstance(cause, NoSuchModuleError | ModuleNotFoundError) or "requires an async driver" in text \
            or "is not async" in text:
        return (f"DATABASE_URL names a driver this install does not have ({url.drivername}). Fix: write "
                "postgresql+asyncpg://… for PostgreSQL or sqlite+aiosqlite:///… for SQLite.")
    if name == "InvalidCatalogNameError":
        return (f"the PostgreSQL database {url.database!r} does not exist on {_where(url)}. Fix: create it, "
                f"e.g. `createdb -h {url.host or 'localhost'} -p {url.port or 5432} -U {url.username or 'postgres'} "
                f"{url.database}` (or CREATE DATABASE \"{url.database}\";), then `inquirybot db upgrade`.")
    if name in ("InvalidPasswordError", "InvalidAuthorizationSpecificationError"):
        return (f"PostgreSQL on {_where(url)} refused user {url.username!r} ({text}). Fix: correct the user "
                "and password in DATABASE_URL.")
    if any(marker in text for marker in READ_ONLY_MARKERS):
        return read_only_message(url.database or "the database file")
    if "unable to open database file" in text:
        return (f"cannot open the SQLite file {url.database} (its folder is missing or not accessible). Fix: "
                "create the folder or correct DATABASE_URL.")
    if isinstance(cause, OSError) and url.get_backend_name() != "sqlite":
        reason = "connection refused" if cause.errno == errno.ECONNREFUSED or "refused" in text.lower() \
            else (cause.strerror or text or name)
        return (f"cannot reach the database at {_where(url)} ({reason}). Fix: start PostgreSQL there, or "
                "correct the host and port in DATABASE_URL.")
    if isinstance(cause, TimeoutError) and url.get_backend_name() != "sqlite":
        return (f"the database at {_where(url)} did not answer in time. Fix: check that PostgreSQL runs there "
                "and that the network lets this host reach it.")
    return None


def read_only_message(path: str, command: str | None = None) -> str:
    """Said when a command that writes meets a database file this process may only read."""
    what = f"`inquirybot {command}` writes to the database, but " if command else ""
    return (f"{what}the SQLite file {path} is read-only for this user. Fix: make the file and its folder "
            "writable (chmod u+w), or use a read-only command (inquiries list, report counts, incentives list).")


UNAVAILABLE_NAMES = frozenset({
    "CannotConnectNowError", "ConnectionDoesNotExistError", "ConnectionFailureError", "AdminShutdownError",
    "CrashShutdownError", "TooManyConnectionsError", "ConnectionRejectionError", "DisconnectionError",
})


def database_unavailable(error: BaseException) -> bool:
    """True when the failure is the database's (down, unreachable, locked, missing a table), so the same request
    may work later and the platform should deliver it again; False for a request the bot cannot process."""
    for cause in chain(error):
        if isinstance(cause, OperationalError | InterfaceError | DisconnectionError | SATimeoutError | OSError
                      | TimeoutError):
            return True
        if isinstance(cause, DBAPIError) and cause.connection_invalidated:
            return True
        if type(cause).__name__ in UNAVAILABLE_NAMES:
            return True
    return False
