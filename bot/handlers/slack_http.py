"""POST /slack/events: check the signature and the shape of the body before bolt sees it, so that a forged
request gets 401 and changes nothing, and a signed one the bot cannot read is kept for inspection and answered
200 (Slack would otherwise re-send it)."""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import parse_qs

from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
from slack_sdk.signature import SignatureVerifier
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from bot.handlers.inbound import answer_failure
from bot.services.context import Context

log = logging.getLogger(__name__)

PATH = "/slack/events"
PLATFORM = "slack"


def _json_object(raw: str) -> dict[str, Any] | None:
    try:
        decoded = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    return decoded if isinstance(decoded, dict) else None


def well_formed(body: bytes, content_type: str) -> bool:
    """Events are a JSON object with a type; commands and interactivity are forms (interactivity: payload=JSON)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    media = content_type.split(";", 1)[0].strip().lower()
    if media == "application/json":
        event = _json_object(text)
        return event is not None and isinstance(event.get("type"), str)
    if media != "application/x-www-form-urlencoded":
        return False
    form = parse_qs(text)
    if "payload" in form:
        payload = _json_object(form["payload"][0])
        return payload is not None and isinstance(payload.get("type"), str)
    return "command" in form or "ssl_check" in form


def signed(verifier: SignatureVerifier | None, body: bytes, request: Request) -> bool:
    if verifier is None:
        return False
    try:
        return verifier.is_valid_request(body, dict(request.headers))
    except (ValueError, UnicodeDecodeError):
        return False


def events_route(handler: AsyncSlackRequestHandler, signing_secret: str | None, ctx: Context) -> Route:
    """The route `inquirybot serve` mounts; without a signing secret every request is refused. The body was
    capped by bot.http_limits before this runs, so an unsigned body is never read beyond the limit."""
    verifier = SignatureVerifier(signing_secret) if signing_secret else None

    async def slack_events(request: Request) -> Response:
        body = await request.body()  # Starlette keeps it: bolt reads the very same bytes (and does not re-verify)
        if not signed(verifier, body, request):
            log.warning("slack request refused: bad or missing signature")
            return PlainTextResponse("invalid signature", status_code=401)
        if not well_formed(body, request.headers.get("content-type", "")):
            status = await answer_failure(ctx, PLATFORM, "malformed body", body)
            return Response(status_code=status)
        try:
            return await handler.handle(request)
        except Exception as error:  # bolt could not even read it (its own listener errors go to on_error)
            return Response(status_code=await answer_failure(ctx, PLATFORM, error, body))

    return Route(PATH, slack_events, methods=["POST"])
