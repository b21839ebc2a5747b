"""What every Slack listener shares: the context, rendering in the reader's locale, and after-ack work."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from jinja2 import TemplateError

from bot.handlers.commands import Origin, execute
from bot.notifiers.render import Renderer
from bot.org.model import Org, Person
from bot.outbound import Reply
from bot.services.context import Context

log = logging.getLogger(__name__)

ORIGIN = Origin(platform="slack")


class Background:
    """Slack API calls made after the ack (thread replies, message updates), tracked so stop() can wait."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def spawn(self, work: Coroutine[Any, Any, Any], what: str) -> None:
        task = asyncio.create_task(self._guard(work, what), name=f"slack-{what}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @staticmethod
    async def _guard(work: Coroutine[Any, Any, Any], what: str) -> None:
        try:
            await work
        except Exception:
            log.exception("slack %s failed", what)

    async def drain(self, timeout: float = 10.0) -> None:  # noqa: ASYNC109 - a bounded wait at shutdown
        """Wait (bounded) for what is still in flight."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)


@dataclass
class SlackDeps:
    """Built once per process by bootstrap_slack and handed to every listener."""

    ctx: Context
    renderer: Renderer
    background: Background = field(default_factory=Background)

    @property
    def org(self) -> Org:
        return self.ctx.org

    def person(self, user_id: str | None) -> Person | None:
        return self.org.person_on("slack", user_id) if user_id else None

    def locale(self, person: Person | None) -> str:
        return self.org.locale_of(person)

    def render(self, reply: Reply, person: Person | None) -> str:
        """Slack mrkdwn for a reply in the reader's locale; a missing template becomes the apology."""
        locale = self.locale(person)
        for key, data in ((reply.key, reply.data), ("error.apology", {})):
            try:
                return self.renderer.render(key, data, locale=locale, platform="slack")
            except TemplateError:
                log.exception("cannot render %s for Slack", key)
        return reply.key

    def term(self, group: str, value: str, person: Person | None) -> str:
        return str(self.renderer.term_function(self.locale(person))(group, value))

    async def run(self, person: Person | None, command: str, origin: Origin = ORIGIN) -> Reply:
        """One `/inq` command through the single entry; surprises become the apology, logged once."""
        try:
            return await execute(self.ctx, person, f"/inq {command}".strip(), origin)
        except Exception:
            log.exception("slack command %r failed", command.split(" ", 1)[0])
            return Reply("error.apology", {}, ok=False)


def slack_time(ts: str) -> datetime:
    """A Slack `ts` ("1700000000.000100") as an aware UTC datetime, exact to the microsecond."""
    seconds, _, fraction = ts.partition(".")
    micros = int((fraction + "000000")[:6]) if fraction else 0
    return datetime.fromtimestamp(int(seconds), UTC) + timedelta(microseconds=micros)


def expires(ctx: Context, minutes: int = 60) -> datetime:
    return ctx.now() + timedelta(minutes=minutes)
