"""Feishu's composition: the lark-oapi client, the notifier, the handlers, `POST /feishu/events` and the long
connection.

Under `inquirybot serve` events arrive at POST /feishu/events (event subscription by request URL: the challenge,
the verification token, the Encrypt Key's decryption and signature). Under `inquirybot run` there is no public
URL: the bot opens Feishu's long connection (lark.ws.Client), as Slack uses Socket Mode and Telegram long
polling. lark-oapi's long-connection client runs its own event loop in a module global and blocks in `start()`,
so it gets a thread of its own; each event is handed to this process's loop and answered with what the handlers
return (a card press's toast).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

import httpx
import lark_oapi as lark
from starlette.routing import BaseRoute

from bot.context import Context
from bot.handlers.feishu import FeishuHandlers
from bot.handlers.feishu_base import FeishuDeps
from bot.handlers.feishu_http import EVENTS_PATH, events_route
from bot.notifiers.base import Notifier
from bot.notifiers.feishu import FeishuNotifier
from bot.notifiers.feishu_api import TOKEN_REFUSED, FeishuApi, FeishuApiError
from bot.notifiers.render import Renderer
from bot.runtime import PlatformRejected, PlatformUnreachable

if TYPE_CHECKING:
    from bot.platform_feishu import FeishuSettings

log = logging.getLogger(__name__)

WS_ANSWER_TIMEOUT = 10.0  # a card press must be answered within 3 s; an intake commit may take longer
STOP_TIMEOUT = 5.0

Handle = Callable[[dict[str, Any]], Coroutine[Any, Any, dict[str, Any]]]


def _secret(value: Any) -> str:
    return value.get_secret_value() if value is not None else ""


def api_client(settings: FeishuSettings) -> FeishuApi:
    """The SDK client against FEISHU_API_URL; it never fetches tokens itself (FeishuApi does, asynchronously)."""
    client = (lark.Client.builder().app_id(settings.app_id or "").app_secret(_secret(settings.app_secret))
              .domain(settings.api_url.rstrip("/")).enable_set_token(True).log_level(lark.LogLevel.WARNING).build())
    return FeishuApi(client, settings.app_id or "", _secret(settings.app_secret))


def build_feishu(settings: FeishuSettings, ctx: Context, renderer: Renderer) -> FeishuRuntime:
    api = api_client(settings)
    handlers = FeishuHandlers(FeishuDeps(ctx, renderer, api))
    return FeishuRuntime(settings, api, FeishuNotifier(api), handlers)


class FeishuRuntime:
    """The PlatformRuntime for Feishu / Lark."""

    name = "feishu"

    def __init__(self, settings: FeishuSettings, api: FeishuApi, notifier: FeishuNotifier,
                 handlers: FeishuHandlers) -> None:
        self.settings = settings
        self.api = api
        self.notifier: Notifier = notifier
        self.handlers = handlers
        self.encrypt_key = _secret(settings.encrypt_key)
        self.verification_token = _secret(settings.verification_token)
        self.connection: LongConnection | None = None

    def routes(self) -> list[BaseRoute]:
        return [events_route(self.handlers, self.handlers.deps.ctx, encrypt_key=self.encrypt_key,
                             verification_token=self.verification_token)]

    async def start(self, *, http: bool) -> None:
        """Check the app's credentials (a tenant token), then open the long connection under `run`."""
        try:
            await self.api.tenant_token()
        except FeishuApiError as error:
            if error.code in TOKEN_REFUSED:
                raise PlatformRejected("Feishu rejected FEISHU_APP_ID / FEISHU_APP_SECRET; "
                                       "see docs/feishu-setup.md") from None
            raise PlatformUnreachable(str(error)) from None
        except httpx.TransportError as error:
            raise PlatformUnreachable(f"{type(error).__name__}: {error}") from None
        if http:
            if not self.encrypt_key and not self.verification_token:
                log.warning("neither FEISHU_ENCRYPT_KEY nor FEISHU_VERIFICATION_TOKEN is set: POST %s refuses "
                            "every request", EVENTS_PATH)
            mode = f"events at POST {EVENTS_PATH}"
        else:
            self.connection = LongConnection(self.settings, self.handlers.handle)
            self.connection.start(asyncio.get_running_loop())
            mode = "long connection"
        log.info("feishu app %s: %s", self.settings.app_id, mode)

    async def stop(self) -> None:
        if self.connection is not None:
            connection, self.connection = self.connection, None
            await connection.stop()


class _Relay(lark.EventDispatcherHandler):  # type: ignore[misc]
    """What the long-connection client calls for each event (its `_do_without_validation`): the event's JSON,
    handled on the bot's own loop; the handlers' answer goes back on the connection."""

    def __init__(self, handle: Handle, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__()
        self._handle, self._main = handle, loop

    def _do_without_validation(self, payload: bytes) -> Any:
        event = json.loads(payload)
        answer: dict[str, Any] = asyncio.run_coroutine_threadsafe(self._handle(event), self._main).result(
            WS_ANSWER_TIMEOUT)
        return answer or None


class LongConnection:
    """lark.ws.Client in a thread of its own, stopped by closing its connection and its loop."""

    def __init__(self, settings: FeishuSettings, handle: Handle) -> None:
        self.settings, self.handle = settings, handle
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._client: Any = None
        self._ready = threading.Event()

    def start(self, main: asyncio.AbstractEventLoop) -> None:
        self._thread = threading.Thread(target=self._run, args=(main,), name="feishu-long-connection", daemon=True)
        self._thread.start()
        self._ready.wait(STOP_TIMEOUT)

    def _run(self, main: asyncio.AbstractEventLoop) -> None:
        from lark_oapi.ws import client as ws_client

        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        ws_client.loop = loop  # the SDK schedules its tasks on the loop in this module global
        self._loop = loop
        self._client = lark.ws.Client(self.settings.app_id or "", _secret(self.settings.app_secret),
                                      event_handler=_Relay(self.handle, main), domain=self.settings.api_url.rstrip("/"),
                                      log_level=lark.LogLevel.WARNING)
        self._ready.set()
        try:
            self._client.start()
        except RuntimeError:  # "Event loop stopped before Future completed": stop() ended it
            pass
        except Exception:
            log.exception("the feishu long connection ended")
        finally:
            _wind_down(loop)

    async def stop(self) -> None:
        loop, client = self._loop, self._client
        if loop is not None and client is not None and loop.is_running():
            client._auto_reconnect = False  # the SDK's own flag: closing must not trigger a reconnect
            closing = asyncio.run_coroutine_threadsafe(client._disconnect(), loop)
            with contextlib.suppress(Exception):
                await asyncio.wait_for(asyncio.wrap_future(closing), STOP_TIMEOUT)
            loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            await asyncio.to_thread(self._thread.join, STOP_TIMEOUT)


def _wind_down(loop: asyncio.AbstractEventLoop) -> None:
    """Cancel what the SDK left on its loop (ping loop, cache cron) and let it finish. The loop is not closed:
    the SDK's cache calls into it from `__del__`, which would raise on a closed loop."""
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in pending:
        task.cancel()
    with contextlib.suppress(Exception):
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
