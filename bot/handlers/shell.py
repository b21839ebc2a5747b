"""The shell chat: a REPL over the same handlers. `/inq ...` lines are commands; other lines from a
specialist are forwarded inquiries. Works with piped stdin (one line per message) so it can be scripted."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Protocol, TextIO

from bot.context import Context
from bot.handlers.commands import Origin, execute
from bot.notifiers.render import Renderer
from bot.org.model import Org, Person, Role
from bot.outbound import Reply
from bot.services.intake import IntakeMessage, ingest
from bot.services.roster import reassign_departed

log = logging.getLogger(__name__)


class Drains(Protocol):
    async def drain(self, rounds: int = 20) -> None: ...


class App(Protocol):
    """What the shell needs of the running app (bootstrap's App has it; the shell never imports bootstrap)."""

    @property
    def ctx(self) -> Context: ...

    @property
    def renderer(self) -> Renderer: ...

    @property
    def dispatcher(self) -> Drains: ...

    @property
    def notifiers(self) -> Mapping[str, object]: ...

    @property
    def org(self) -> Org: ...


async def read_lines(stream: TextIO, prompt: str | None) -> AsyncIterator[str]:
    """Lines from stdin without blocking the event loop; a prompt only when a person is typing."""
    loop = asyncio.get_running_loop()
    while True:
        if prompt:
            sys.stdout.write(prompt)
            sys.stdout.flush()
        line = await loop.run_in_executor(None, stream.readline)
        if not line:
            return
        yield line.rstrip("\n")


class ShellSession:
    def __init__(self, app: App, person: Person, write: Callable[[str], None]) -> None:
        self.app = app
        self.person = person
        self.write = write

    def say(self, reply: Reply) -> None:
        locale = self.app.org.locale_of(self.person)
        self.write(self.app.renderer.render(reply.key, reply.data, locale=locale, platform="shell"))

    async def handle(self, line: str) -> None:
        """One typed line: a command, a forwarded inquiry, or nothing."""
        text = line.strip()
        if not text or text.startswith("#!"):
            return
        try:
            if text.lower().startswith("/inq"):
                self.say(await execute(self.app.ctx, self.person, text, Origin("shell")))
            elif self.person.has(Role.SPECIALIST) or self.person.has(Role.ADMIN):
                await self._forward(text.replace("\\n", "\n"))
            else:
                self.say(Reply("shell.not_a_command", {}, ok=False))
        except Exception:
            log.exception("shell line failed")
            self.say(Reply("error.apology", {}, ok=False))
        await self.app.dispatcher.drain()

    async def _forward(self, text: str) -> None:
        now = self.app.ctx.now()
        message = IntakeMessage(platform="shell", sender=self.person, text=text, forwarded_at=now)
        result = await ingest(message, ctx=self.app.ctx)
        if result.reply is not None:
            self.say(result.reply)


async def run_shell(app: App, person: Person, stream: TextIO, interactive: bool, scheduler: bool = False) -> None:
    """Read lines until end of input; `scheduler` says the scheduler runs beside it (announced at start)."""
    await reassign_departed(app.ctx)
    session = ShellSession(app, person, app_write(app))
    if interactive:
        session.say(Reply("shell.welcome", {"person": person.id, "roles": sorted(r.value for r in person.roles)}))
    if interactive or scheduler:
        session.say(Reply("shell.scheduler", {"on": scheduler, "timezone": app.org.timezone}))
    await app.dispatcher.drain()
    async for line in read_lines(stream, f"{person.id}> " if interactive else None):
        await session.handle(line)


def app_write(app: App) -> Callable[[str], None]:
    notifier = app.notifiers.get("shell")
    write = getattr(notifier, "write", None)
    return write if callable(write) else print
