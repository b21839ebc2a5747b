"""POST /telegram/webhook: check the secret token, parse the update, process it; the inquiry is committed
before 200 goes back, and an update whose handling failed answers 500 so Telegram delivers it again."""

from __future__ import annotations

import hmac
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application

from bot.handlers.telegram import TelegramHandlers

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
WEBHOOK_PATH = "/telegram/webhook"

PtbApplication = Application[Any, Any, Any, Any, Any, Any]


def webhook_route(application: PtbApplication, handlers: TelegramHandlers, secret: str | None) -> Route:
    """The route `serve` mounts; without a secret every request is refused (403)."""

    async def webhook(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER)
        if given is None:
            return Response(status_code=401)
        if not secret or not hmac.compare_digest(given.encode(), secret.encode()):
            return Response(status_code=403)
        update = parse_update(await request.body(), application)
        if update is None:
            return Response(status_code=400)
        await application.process_update(update)
        if handlers.failed(update.update_id):
            return Response(status_code=500)
        return Response(status_code=200)

    return Route(WEBHOOK_PATH, webhook, methods=["POST"])


def parse_update(body: bytes, application: PtbApplication) -> Update | None:
    """An Update, or None when the body is not one (400)."""
    try:
        payload = json.loads(body)
        if not isinstance(payload, dict) or not isinstance(payload.get("update_id"), int):
            return None
        return Update.de_json(payload, application.bot)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
