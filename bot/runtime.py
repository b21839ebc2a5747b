"""What a chat platform contributes to a running bot: a notifier, HTTP routes, and a start/stop lifecycle."""

from __future__ import annotations

from typing import Protocol

from starlette.routing import BaseRoute

from bot.notifiers.base import Notifier


class PlatformRuntime(Protocol):
    name: str  # "slack" | "telegram"
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
