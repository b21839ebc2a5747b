"""Composition for commands that only look (`inquiries list|show`, `incentives list`, `report counts`): an engine
and a context, without templates, notifiers, platforms or the scheduler, so such a command starts fast."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.clock import Clock, SystemClock
from bot.org.model import Org
from bot.rules.calendar import WorkCalendar
from bot.services.context import Context
from bot.settings import Settings
from storage.database import make_engine, session_factory
from storage.errors import DatabaseProblem
from storage.migrate import quick_current_revisions, quick_head_revisions
from storage.repositories.inquiries import InquiryRepository

if TYPE_CHECKING:
    from storage.uow import UnitOfWork


@dataclass
class Reader:
    settings: Settings
    engine: AsyncEngine
    ctx: Context
    sessions: async_sessionmaker[AsyncSession]

    @property
    def org(self) -> Org:
        return self.ctx.org

    @asynccontextmanager
    async def inquiries(self) -> AsyncIterator[InquiryRepository]:
        """The inquiries alone, in one read transaction: `inquiries show` and `list` need no unit of work, whose
        repositories map all nineteen tables (about a fifth of the command's start-up)."""
        async with self.sessions() as session:
            try:
                yield InquiryRepository(session)
            finally:
                await session.rollback()

    async def close(self) -> None:
        await self.engine.dispose()


def _units_of_work(sessions: async_sessionmaker[AsyncSession]) -> Callable[[], UnitOfWork]:
    """`ctx.uow` of a reader; storage.uow (every repository, every mapped table) is imported on first use."""

    def open_unit() -> UnitOfWork:
        from storage.uow import UnitOfWork

        return UnitOfWork(sessions)

    return open_unit


async def open_reader(settings: Settings, org: Org, *, clock: Clock | None = None, migrate: bool = False) -> Reader:
    """A read-only engine on the database, checked to be at this install's schema head. `migrate` is for an empty
    in-memory database standing in for a file that does not exist yet: it gets the schema first."""
    engine = make_engine(settings.database_url, read_only=not migrate)
    try:
        if migrate:
            from storage.migrate import upgrade  # Alembic: only on this rare path

            await upgrade(engine)
        else:
            await require_schema_head(engine)
    except BaseException:
        await engine.dispose()
        raise
    sessions = session_factory(engine)
    ctx = Context(org=org, clock=clock or SystemClock(), uow=_units_of_work(sessions),
                  calendar=WorkCalendar(org.calendar, org.calendar_overrides), reports_dir=settings.reports_dir,
                  org_file=settings.org_file)
    return Reader(settings, engine, ctx, sessions)


async def require_schema_head(engine: AsyncEngine) -> None:
    """Read commands never migrate: a database behind this install is named, with the command that fixes it.
    Both sides are read without Alembic (one SELECT, and the revision lines of the migration files)."""
    current, heads = await quick_current_revisions(engine), quick_head_revisions()
    if current == heads:
        return
    if not current:
        raise DatabaseProblem("the database has no Inquiry Desk tables yet. Fix: run `inquirybot db upgrade` "
                              "(`run` and `serve` also do it at start).")
    raise DatabaseProblem(f"the database schema is at {', '.join(sorted(current))}, this install expects "
                          f"{', '.join(sorted(heads))}. Fix: run `inquirybot db upgrade`.")
