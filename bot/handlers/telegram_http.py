"""POST /telegram/webhook: check the secret token, parse the update, process it; the inquiry is committed
before 200 goes back. An update whose processing failed answers 500 (Telegram delivers it again) only when the
database was the cause; one the bot cannot process is kept in inbound_failures and answered 200. The body was
capped by bot.http_limits before this runs. Long polling (bot.handlers.telegram_polling) judges updates the same way."""

from __future__ import annotations

import hmac
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application

from bot.handlers.inbound import answer_failure
from bot.handlers.telegram import TelegramHandlers
from bot.services.context import Context

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
WEBHOOK_PATH = "/telegram/webhook"
PLATFORM = "telegram"

PtbApplication = Application[Any, Any, Any, Any, Any, Any]


def webhook_route(application: PtbApplication, handlers: TelegramHandlers, secret: str | None,
                  ctx: Context) -> Route:
    """The route `serve` mounts; without a secret every request is refused (403)."""

    async def webhook(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER)
        if given is None:
            return Response(status_code=401)
        if not secret or not hmac.compare_digest(given.encode(), secret.encode()):
            return Response(status_code=403)
        body = await request.body()
        update = parse_update(body, application)
        if isinstance(update, str):
            return Response(status_code=await answer_failure(ctx, PLATFORM, update, body))
        error = await process_update(application, handlers, update)
        if error is not None:
            return Response(status_code=await answer_failure(ctx, PLATFORM, error, body))
        return Response(status_code=200)

    return Route(WEBHOOK_PATH, webhook, methods=["POST"])


def parse_update(body: bytes | dict[str, Any], application: PtbApplication) -> Update | str:
    """The update, or why it is not one."""
    try:
        payload = json.loads(body) if isinstance(body, bytes) else body
        if not isinstance(payload, dict) or not isinstance(payload.get("update_id"), int):
            return "not an update: a JSON object with an integer update_id"
        return Update.de_json(payload, application.bot)
    except Exception as error:  # PTB's parser meets junk in many ways (OverflowError on a huge date...)
        return f"unreadable update: {type(error).__name__}: {error}"


async def process_update(application: PtbApplication, handlers: TelegramHandlers,
                         update: Update) -> BaseException | None:
    """Run the handlers on one update; the error it met, if any."""
    try:
        await application.process_update(update)
    except Exception as error:  # PTB hands handler errors to on_error; this is PTB itself failing
        return error
    return handlers.failed(update.update_id)
