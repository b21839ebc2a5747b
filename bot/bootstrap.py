"""The composition root: the only place that builds engines, clients, notifiers and the scheduler."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncEngine

from bot import platforms
from bot.bootstrap_reader import require_schema_head
from bot.clock import Clock, SystemClock
from bot.notifiers.addressing import lane_for
from bot.notifiers.base import Notifier
from bot.notifiers.dispatcher import Dispatcher
from bot.notifiers.render import Renderer
from bot.notifiers.shell import ShellNotifier
from bot.org.loader import load_org
from bot.org.model import Org
from bot.rules.calendar import WorkCalendar
from bot.runtime import PlatformRuntime
from bot.services.context import Context
from bot.settings import Settings
from storage.database import make_engine, session_factory
from storage.migrate import upgrade
from storage.uow import UnitOfWork

if TYPE_CHECKING:
    from bot.scheduler import Scheduler

log = logging.getLogger(__name__)


@dataclass
class App:
    settings: Settings
    engine: AsyncEngine
    ctx: Context
    renderer: Renderer
    dispatcher: Dispatcher
    notifiers: dict[str, Notifier] = field(default_factory=dict)
    runtimes: list[PlatformRuntime] = field(default_factory=list)
    scheduler: Scheduler | None = None

    @property
    def org(self) -> Org:
        """The org as it is now (`/inq reload` replaces it in the context)."""
        return self.ctx.org

    async def close(self) -> None:
        await self.engine.dispose()


def load_org_file(path: Path) -> Org:
    return load_org(path)


async def build(
    settings: Settings,
    *,
    clock: Clock | None = None,
    org: Org | None = None,
    shell_write: Callable[[str], None] | None = None,
    migrate: bool = True,
    read_only: bool = False,
) -> App:
    """Wire everything from settings. `shell_write` selects the shell notifier (no platforms).
    `read_only` is for commands that only look: no migration, no roster sync, nothing written."""
    org = org or load_org_file(settings.org_file)
    engine = make_engine(settings.database_url, read_only=read_only)
    try:
        return await _wire(settings, engine, org, clock, shell_write, migrate=migrate and not read_only,
                           read_only=read_only)
    except BaseException:
        await engine.dispose()
        raise


async def _wire(
    settings: Settings,
    engine: AsyncEngine,
    org: Org,
    clock: Clock | None,
    shell_write: Callable[[str], None] | None,
    *,
    migrate: bool,
    read_only: bool,
) -> App:
    if read_only:
        await require_schema_head(engine)
    elif migrate:
        await upgrade(engine)
    sessions = session_factory(engine)
    wakeup = asyncio.Event()
    available: set[str] = set()  # the notifiers', once built: outbox lanes are the chats a target reaches

    def lanes(target: dict[str, Any]) -> str:
        return lane_for(ctx.org, target, available)

    ctx = Context(
        org=org,
        clock=clock or SystemClock(),
        uow=lambda: UnitOfWork(sessions, on_outbox=wakeup.set, lanes=lanes),
        calendar=WorkCalendar(org.calendar, org.calendar_overrides),
        reports_dir=settings.reports_dir,
        org_file=settings.org_file,
    )
    async with ctx.uow() as uow:
        if not read_only:
            await uow.people.sync(org, ctx.now())
        names = await uow.people.names()
        if not read_only:
            await uow.commit()
    renderer = Renderer(org, names=names)
    ctx.reload_hooks.append(renderer.use)
    notifiers: dict[str, Notifier] = {}
    runtimes: list[PlatformRuntime] = []
    if shell_write is not None:
        notifiers["shell"] = ShellNotifier(shell_write)
    else:
        runtimes = _platforms(settings, ctx, renderer)
        notifiers.update({r.name: r.notifier for r in runtimes})
    available.update(notifiers)
    dispatcher = Dispatcher(ctx, renderer, notifiers, wakeup)
    if read_only:  # a command that only looks never schedules: it does not import APScheduler either
        return App(settings, engine, ctx, renderer, dispatcher, notifiers, runtimes)
    from bot.scheduler import Scheduler

    return App(settings, engine, ctx, renderer, dispatcher, notifiers, runtimes, Scheduler(ctx, dispatcher, engine))


def _platforms(settings: Settings, ctx: Context, renderer: Renderer) -> list[PlatformRuntime]:
    """The registered platforms whose tokens are set (bot/platforms.py), each built by its own plug-in."""
    return [platforms.plugin(name).build(platforms.settings_of(name, settings), ctx, renderer)
            for name in platforms.configured(settings)]
