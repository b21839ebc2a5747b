"""Slack's part of the composition root: the Web API client, the bolt app, the notifier and the runtime."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import aiohttp
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient
from starlette.routing import BaseRoute

from bot.handlers.slack import register
from bot.handlers.slack_base import SlackDeps
from bot.handlers.slack_http import events_route
from bot.notifiers.base import Notifier
from bot.notifiers.render import Renderer
from bot.notifiers.slack import DEFAULT_PACING, SlackNotifier
from bot.runtime import PlatformRejected, PlatformUnreachable
from bot.services.context import Context
from bot.settings import Settings

log = logging.getLogger(__name__)

FATAL_AUTH_ERRORS = frozenset({"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"})


def secret(value: object) -> str | None:
    """The text of a pydantic SecretStr, or None when unset or empty."""
    getter = getattr(value, "get_secret_value", None)
    text = getter() if callable(getter) else None
    return str(text) if text else None


def web_client(settings: Settings, token: str | None) -> AsyncWebClient:
    """Every Slack client the bot builds talks to SLACK_API_URL and retries 429, 5xx and lost connections."""
    return AsyncWebClient(
        token=token,
        base_url=settings.slack_api_url,
        retry_handlers=[
            AsyncConnectionErrorRetryHandler(max_retry_count=2),
            AsyncRateLimitErrorRetryHandler(max_retry_count=2),
            AsyncServerErrorRetryHandler(max_retry_count=2),
        ],
    )


class SlackRuntime:
    """HTTP mode serves POST /slack/events; `run` connects through Socket Mode when SLACK_APP_TOKEN is set."""

    name = "slack"

    def __init__(self, bolt: AsyncApp, notifier: SlackNotifier, deps: SlackDeps, settings: Settings) -> None:
        self.bolt = bolt
        self.ctx = deps.ctx
        self.notifier: Notifier = notifier
        self.background = deps.background
        self.signing_secret = secret(settings.slack_signing_secret)
        self.app_token = secret(settings.slack_app_token)
        self.socket_client = web_client(settings, None)
        self.socket: AsyncSocketModeHandler | None = None

    def routes(self) -> list[BaseRoute]:
        return [events_route(AsyncSlackRequestHandler(self.bolt), self.signing_secret, self.ctx)]

    async def start(self, *, http: bool) -> None:
        if http:  # events arrive by HTTP whatever auth.test says now; outbound sends are retried by the outbox
            try:
                await self._warm_up()
            except PlatformUnreachable as error:
                log.warning("Slack is not reachable yet (%s); POST /slack/events is served anyway", error)
            return
        await self._warm_up()
        if self.app_token is None:
            log.warning("SLACK_APP_TOKEN is not set: Slack events reach the bot only under `inquirybot serve`")
            return
        socket = AsyncSocketModeHandler(self.bolt, app_token=self.app_token, web_client=self.socket_client)
        try:
            await socket.connect_async()  # type: ignore[no-untyped-call]
        except SlackApiError as error:
            code = str(error.response.get("error", "unknown_error"))
            await self._close_quietly(socket)
            if code in FATAL_AUTH_ERRORS or code == "not_allowed_token_type":
                raise PlatformRejected(f"Slack rejected SLACK_APP_TOKEN ({code}); see docs/slack-setup.md") from None
            raise PlatformUnreachable(f"apps.connections.open: {code}") from None
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            await self._close_quietly(socket)
            raise PlatformUnreachable(type(error).__name__) from None
        self.socket = socket

    @staticmethod
    async def _close_quietly(socket: AsyncSocketModeHandler) -> None:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(socket.close_async(), timeout=2)  # type: ignore[no-untyped-call]

    async def stop(self) -> None:
        if self.socket is not None:
            socket, self.socket = self.socket, None
            await socket.close_async()  # type: ignore[no-untyped-call]
        await self.background.drain()

    async def _warm_up(self) -> None:
        """Check the token once at start: a rejected token stops the process with a clear reason."""
        try:
            me = await self.bolt.client.auth_test()
        except SlackApiError as error:
            code = str(error.response.get("error", "unknown_error"))
            if code in FATAL_AUTH_ERRORS:
                raise PlatformRejected(f"Slack rejected SLACK_BOT_TOKEN ({code}); see docs/slack-setup.md") from None
            if error.response.status_code >= 500:
                raise PlatformUnreachable(f"auth.test answered {error.response.status_code}") from None
            log.warning("Slack auth.test failed (%s); continuing", code)
            return
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            raise PlatformUnreachable(type(error).__name__) from None
        log.info("slack: signed in as %s in %s", me.get("user"), me.get("team"))


class _ClientWinsFilter(logging.Filter):
    """bolt reads SLACK_BOT_TOKEN itself and warns that our client's token wins: that is what we want."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def build_slack(
    settings: Settings, ctx: Context, renderer: Renderer, *, pacing: float = DEFAULT_PACING
) -> SlackRuntime:
    """Called by bootstrap when SLACK_BOT_TOKEN is set."""
    client = web_client(settings, secret(settings.slack_bot_token))
    bolt_log = logging.getLogger("slack_bolt.AsyncApp")
    if not any(isinstance(f, _ClientWinsFilter) for f in bolt_log.filters):
        bolt_log.addFilter(_ClientWinsFilter())
    signing_secret = secret(settings.slack_signing_secret)
    bolt = AsyncApp(
        client=client,
        signing_secret=signing_secret or "",
        # bot.handlers.slack_http checks the signature of every HTTP request before bolt sees it (a forged one
        # gets 401 there); Socket Mode requests carry none. Bolt checking the same bytes again is pure cost.
        request_verification_enabled=False,
        process_before_response=True,  # an inquiry is committed before Slack hears 200 (SPEC section 9)
        raise_error_for_unhandled_request=True,  # answered 200 by handlers.slack.on_error, not 404
    )
    deps = SlackDeps(ctx, renderer)
    register(bolt, deps)
    return SlackRuntime(bolt, SlackNotifier(client, pacing=pacing), deps, settings)
