"""What a chat platform contributes to a running bot: a notifier, HTTP routes, and a start/stop lifecycle."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Protocol, TypeVar

from starlette.routing import BaseRoute

from bot.notifiers.base import Notifier

if TYPE_CHECKING:
    from bot.doctor import Check
    from bot.notifiers.render import Renderer
    from bot.org.model import Org
    from bot.services.context import Context
    from bot.settings import Settings


class PlatformRuntime(Protocol):
    name: str  # its name in bot/platforms.py
    notifier: Notifier

    def routes(self) -> list[BaseRoute]:
        """HTTP endpoints served by `inquirybot serve` (e.g. POST /slack/events)."""
        ...

    async def start(self, *, http: bool) -> None:
        """Connect. `http=True` under `serve` (webhooks); False under `run` (Socket Mode / long polling)."""
        ...

    async def stop(self) -> None:
        """Stop receiving, finish what is in flight, close clients."""
        ...


class PlatformUnreachable(Exception):
    """The platform could not be reached at start (network, DNS, 5xx): starting again later may work."""


class PlatformRejected(Exception):
    """The platform refused the bot's credentials: retrying will not help, the operator must fix a setting."""


S = TypeVar("S")


class PlatformPlugin(Protocol[S]):
    """What a platform hands the registry in its ENTRY (bot/platforms.py explains). `S` is its settings type.
    The module that defines it stays light: the SDK is imported inside `build` and `doctor` only."""

    def settings(self, base: Settings) -> S:
        """Its settings: read from `base` (Slack, Telegram) or from its own pydantic-settings class."""
        ...

    def configured(self, settings: S) -> bool:
        """Its token is set: `run` and `serve` start it."""
        ...

    def placeholder_problems(self, settings: S) -> list[str]:
        """Names of its secrets still holding `.env.example` placeholders (the start is refused)."""
        ...

    def build(self, settings: S, ctx: Context, renderer: Renderer) -> PlatformRuntime:
        """Its client, inbound handlers and notifier, wired; nothing connects yet."""
        ...

    def doctor(self, settings: S, org: Org | None) -> AsyncIterator[Check]:
        """Read-only checks for `inquirybot doctor` (token, channels, people)."""
        ...
