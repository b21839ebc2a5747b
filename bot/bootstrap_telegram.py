"""Telegram's composition: the PTB Application, its handlers, the notifier, and the runtime that mounts the webhook.

Long polling under `inquirybot run`; a webhook under `inquirybot serve` (setWebhook with a secret token when
TELEGRAM_WEBHOOK_URL is set). PTB's JobQueue is off: our own scheduler runs the clock. Sends are paced by
our Pacer (one shared by the notifier and the handlers), so PTB's AIORateLimiter is not stacked on top.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.routing import BaseRoute
from telegram import Bot, BotCommand, Update
from telegram.error import InvalidToken, NetworkError
from telegram.ext import Application, ApplicationBuilder

from bot.handlers.inbound import answer_failure
from bot.handlers.telegram import ALLOWED_UPDATES, TelegramHandlers
from bot.handlers.telegram_http import SECRET_HEADER, WEBHOOK_PATH, parse_update, process_update, webhook_route
from bot.handlers.telegram_polling import Poller
from bot.handlers.telegram_replies import TelegramDeps
from bot.notifiers.base import Notifier
from bot.notifiers.pacing import Pacer
from bot.notifiers.render import Renderer
from bot.notifiers.telegram import TelegramNotifier
from bot.notifiers.telegram_fallback import DmFallback
from bot.runtime import PlatformRejected, PlatformUnreachable
from bot.services.context import Context
from bot.services.held import hold
from bot.settings import Settings, is_placeholder

log = logging.getLogger(__name__)

DEFAULT_FILE_URL = "https://api.telegram.org/file/bot"
LANGUAGE_CODES = {"zh-CN": "zh", "en": "en"}
POLL_TIMEOUT = 30

PtbApplication = Application[Any, Any, Any, Any, Any, Any]


def file_url(api_url: str) -> str:
    """`https://api.telegram.org/bot` -> `https://api.telegram.org/file/bot` (and the same for a local server)."""
    index = api_url.rfind("/bot")
    return DEFAULT_FILE_URL if index < 0 else f"{api_url[:index]}/file{api_url[index:]}"


def quiet_http_client_log() -> None:
    """httpx logs every request URL at INFO, and a Bot API URL contains the token: keep it to warnings."""
    httpx_log = logging.getLogger("httpx")
    if httpx_log.level == logging.NOTSET:
        httpx_log.setLevel(logging.WARNING)


def bot_client(settings: Settings) -> Bot:
    """A bare Bot API client against TELEGRAM_API_URL (for `inquirybot doctor`); the caller initializes it."""
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    quiet_http_client_log()
    return Bot(settings.telegram_bot_token.get_secret_value(), base_url=settings.telegram_api_url,
               base_file_url=file_url(settings.telegram_api_url))


def build_telegram(settings: Settings, ctx: Context, renderer: Renderer) -> TelegramRuntime:
    """The Application against TELEGRAM_API_URL, with our handlers and notifier; nothing connects yet."""
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    quiet_http_client_log()
    application = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.telegram_api_url)
        .base_file_url(file_url(settings.telegram_api_url))
        .job_queue(None)
        .build()
    )
    pacer = Pacer()
    fallback = DmFallback(ctx, renderer, lambda: application.bot.username, hold)
    notifier = TelegramNotifier(application.bot, pacer=pacer, on_dm_forbidden=fallback)
    handlers = TelegramHandlers(TelegramDeps(ctx, renderer, pacer))
    handlers.register(application)
    given = settings.telegram_webhook_secret
    secret = None if is_placeholder(given) or given is None else given.get_secret_value()
    return TelegramRuntime(application, notifier, handlers, renderer, ctx, secret, settings.telegram_webhook_url)


class TelegramRuntime:
    """The PlatformRuntime for Telegram; its webhook endpoint is bot.handlers.telegram_http."""

    name = "telegram"

    def __init__(
        self,
        application: PtbApplication,
        notifier: TelegramNotifier,
        handlers: TelegramHandlers,
        renderer: Renderer,
        ctx: Context,
        secret: str | None,
        webhook_url: str | None,
    ) -> None:
        self.application = application
        self.notifier: Notifier = notifier  # the protocol's attribute type, exactly (it is invariant)
        self.telegram_notifier = notifier
        self.handlers = handlers
        self.renderer = renderer
        self.ctx = ctx
        self.secret = secret
        self.webhook_url = webhook_url
        self.poller: Poller | None = None

    def routes(self) -> list[BaseRoute]:
        return [webhook_route(self.application, self.handlers, self.secret, self.ctx)]

    async def start(self, *, http: bool) -> None:
        """getMe, setMyCommands, then the webhook (when a URL is set) or long polling (under `run`)."""
        try:
            await self.application.initialize()
            await self._set_commands()
            if self.webhook_url:
                await self.application.bot.set_webhook(self.webhook_url, secret_token=self.secret,
                                                       allowed_updates=ALLOWED_UPDATES)
        except InvalidToken:
            raise PlatformRejected("Telegram rejected TELEGRAM_BOT_TOKEN; see docs/telegram-setup.md") from None
        except NetworkError as error:  # TimedOut too: the Bot API is down or unreachable from here
            raise PlatformUnreachable(f"{type(error).__name__}: {error.message}") from None
        bot = self.application.bot
        if self.webhook_url:
            mode = "webhook set" if http else "webhook set; `inquirybot serve` must receive it"
        elif not http:
            self.poller = Poller(self.application.bot, process=self._process, parse=self._parse, fail=self._failure,
                                 allowed_updates=ALLOWED_UPDATES, timeout=POLL_TIMEOUT)
            await self.poller.start()
            mode = "long polling"
        else:
            mode = f"waiting for updates at POST {WEBHOOK_PATH} (no TELEGRAM_WEBHOOK_URL, setWebhook not called)"
        if http and not self.secret:
            log.warning("TELEGRAM_WEBHOOK_SECRET is not set: POST %s refuses every request", WEBHOOK_PATH)
        await self.application.start()
        log.info("telegram bot @%s (id %s): %s", bot.username, bot.id, mode)

    async def stop(self) -> None:
        """Stop polling first (no new updates; what it had not confirmed comes again), then PTB, then the client."""
        if self.poller is not None:
            poller, self.poller = self.poller, None
            await poller.stop()
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()

    async def _process(self, update: Update) -> BaseException | None:
        return await process_update(self.application, self.handlers, update)

    def _parse(self, raw: dict[str, Any]) -> Update | str:
        return parse_update(raw, self.application)

    async def _failure(self, error: BaseException | str, body: bytes) -> int:
        return await answer_failure(self.ctx, self.name, error, body)

    async def _set_commands(self) -> None:
        """The command menu, in the org's language by default and in the other one by language code."""
        for locale, code in LANGUAGE_CODES.items():
            commands = self._commands(locale)
            is_default = locale == self.ctx.org.locale
            await self.application.bot.set_my_commands(commands, language_code=None if is_default else code)

    def _commands(self, locale: str) -> list[BotCommand]:
        text = self.renderer.render("telegram.menu", {}, locale=locale, platform="shell")
        pairs = (line.split(":", 1) for line in text.splitlines() if ":" in line)
        return [BotCommand(name.strip(), description.strip()) for name, description in pairs]


__all__ = ["SECRET_HEADER", "WEBHOOK_PATH", "TelegramRuntime", "bot_client", "build_telegram", "file_url"]
