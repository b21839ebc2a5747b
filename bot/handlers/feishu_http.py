"""Open one event subscription request from Feishu: decrypt, check the signature, its age and the token.

With an Encrypt Key, Feishu encrypts every body (`{"encrypt": ...}`, AES-256-CBC keyed by SHA256 of the key:
lark-oapi's AESCipher) and signs it: X-Lark-Signature = sha256_hex(timestamp + nonce + encrypt key + raw body).
A body that is not encrypted, a wrong signature, or a timestamp more than five minutes away is refused, so a
captured request cannot be replayed later. The verification token (`header.token` of a v2 event, `token` of the
url_verification challenge) must match too. Nothing is read from a refused request.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from lark_oapi.core.utils import AESCipher
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.context import Context
from bot.handlers.feishu import FeishuHandlers
from bot.handlers.inbound import answer_failure

log = logging.getLogger(__name__)

EVENTS_PATH = "/feishu/events"
PLATFORM = "feishu"

MAX_AGE = 300.0  # seconds a signed request stays acceptable (as Slack's five minutes)
TIMESTAMP, NONCE, SIGNATURE = "X-Lark-Request-Timestamp", "X-Lark-Request-Nonce", "X-Lark-Signature"


@dataclass(frozen=True)
class Opened:
    """A request that passed every check: its decrypted JSON."""

    payload: dict[str, Any]

    @property
    def is_challenge(self) -> bool:
        return self.payload.get("type") == "url_verification"

    @property
    def event_type(self) -> str:
        return str((self.payload.get("header") or {}).get("event_type") or "")

    @property
    def event_id(self) -> str:
        return str((self.payload.get("header") or {}).get("event_id") or "")


class Refused(Exception):
    """The request is not from Feishu (or is too old): answered 401, nothing stored. `reason` is for the log."""

    def __init__(self, reason: str, status: int = 401) -> None:
        super().__init__(reason)
        self.reason, self.status = reason, status


def open_request(body: bytes, headers: Mapping[str, str], *, encrypt_key: str, verification_token: str,
                 now: float) -> Opened:
    """The decrypted payload of a genuine request; Refused otherwise."""
    if not encrypt_key and not verification_token:
        raise Refused("neither FEISHU_ENCRYPT_KEY nor FEISHU_VERIFICATION_TOKEN is set: every request is refused")
    outer = _json(body)
    if encrypt_key:
        encrypted = outer.get("encrypt")
        if not isinstance(encrypted, str) or not encrypted:
            raise Refused("a plain body although FEISHU_ENCRYPT_KEY is set")
        payload = _json(_decrypt(encrypt_key, encrypted))
    else:
        if "encrypt" in outer:
            raise Refused("an encrypted body but FEISHU_ENCRYPT_KEY is not set", status=400)
        payload = outer
    opened = Opened(payload)
    _check_token(opened, verification_token)
    if encrypt_key and not opened.is_challenge:
        _check_signature(body, headers, encrypt_key, now)
    return opened


def _json(raw: bytes | str) -> dict[str, Any]:
    try:
        decoded = json.loads(raw)
    except ValueError:
        raise Refused("not JSON", status=400) from None
    if not isinstance(decoded, dict):
        raise Refused("not a JSON object", status=400)
    return decoded


def _decrypt(encrypt_key: str, encrypted: str) -> str:
    try:
        return str(AESCipher(encrypt_key).decrypt_str(encrypted))
    except (ValueError, UnicodeDecodeError):  # wrong key, truncated or tampered ciphertext
        raise Refused("the body does not decrypt with FEISHU_ENCRYPT_KEY") from None


def _check_token(opened: Opened, verification_token: str) -> None:
    if not verification_token:
        return
    header = opened.payload.get("header") or {}
    given = header.get("token") if isinstance(header, dict) and "token" in header else opened.payload.get("token")
    if not isinstance(given, str) or not hmac.compare_digest(given.encode(), verification_token.encode()):
        raise Refused("wrong verification token")


def _check_signature(body: bytes, headers: Mapping[str, str], encrypt_key: str, now: float) -> None:
    lower = {k.lower(): v for k, v in headers.items()}
    timestamp, nonce = lower.get(TIMESTAMP.lower(), ""), lower.get(NONCE.lower(), "")
    given = lower.get(SIGNATURE.lower(), "")
    if not timestamp.isdigit() or not nonce or not given:
        raise Refused("unsigned request")
    expected = hashlib.sha256((timestamp + nonce + encrypt_key).encode() + body).hexdigest()
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise Refused("wrong signature")
    if abs(now - int(timestamp)) > MAX_AGE:
        raise Refused(f"stale request (signed {int(now) - int(timestamp)} s ago)")


def events_route(handlers: FeishuHandlers, ctx: Context, *, encrypt_key: str, verification_token: str) -> Route:
    """POST /feishu/events: refuse what is not from Feishu (401, nothing stored); answer the challenge; handle the
    event, committed before 200 goes back. A failure is answered as on Slack and Telegram: 500 (Feishu delivers
    it again) only when the database is down, else the body is kept in inbound_failures and answered 200."""

    async def events(request: Request) -> Response:
        body = await request.body()
        try:
            opened = open_request(body, request.headers, encrypt_key=encrypt_key,
                                  verification_token=verification_token, now=time.time())
        except Refused as refused:
            log.warning("feishu: refused a request to %s: %s", EVENTS_PATH, refused.reason)
            return Response(status_code=refused.status)
        if opened.is_challenge:
            return JSONResponse({"challenge": opened.payload.get("challenge", "")})
        try:
            answer = await handlers.handle(opened.payload)
        except Exception as error:
            return Response(status_code=await answer_failure(ctx, PLATFORM, error, body))
        return JSONResponse(answer)

    return Route(EVENTS_PATH, events, methods=["POST"])
