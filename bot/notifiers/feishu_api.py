"""The Feishu open platform through lark-oapi's async calls: tenant token, pacing, retry on frequency limits.

The SDK's own token fetch is synchronous (`requests`) and caches per process; here the client is built with
`enable_set_token` and the tenant token is fetched asynchronously (auth.v3 tenant_access_token/internal), kept
until shortly before it expires, and fetched again when Feishu says it is no longer valid.

Published limits (open.feishu.cn, im/v1/messages and the frequency-control guide): 1000 calls a minute and 50 a
second per app for sending, and 5 a second to one user or one group. A frequency-limit answer is HTTP 429 (400 on
some older APIs) with code 99991400 and `x-ogw-ratelimit-reset` (seconds); a short wait is honoured here once,
a longer one goes back to the outbox.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lark_oapi as lark
from lark_oapi.api.auth.v3 import InternalTenantAccessTokenRequest, InternalTenantAccessTokenRequestBody
from lark_oapi.api.contact.v3 import GetUserRequest
from lark_oapi.api.im.v1 import (
    CreateFileRequest,
    CreateFileRequestBody,
    CreateImageRequest,
    CreateImageRequestBody,
    CreateMessageRequest,
    CreateMessageRequestBody,
    GetMessageRequest,
    IsInChatChatMembersRequest,
    PatchMessageRequest,
    PatchMessageRequestBody,
    ReplyMessageRequest,
    ReplyMessageRequestBody,
)
from lark_oapi.core.model import RequestOption

from bot.notifiers.base import DeliveryError
from bot.notifiers.pacing import Limits, Pacer

log = logging.getLogger(__name__)

RATE_LIMITED = 99991400
TOKEN_INVALID = frozenset({99991661, 99991663, 99991664, 99991668})  # missing, invalid or expired token
TOKEN_REFUSED = frozenset({10003, 10014})  # app id or app secret wrong
NO_SCOPE = 99991672  # the app was not granted a scope the API needs
TOKEN_MARGIN = 600.0  # fetch a new tenant token this long before the old one expires
MAX_INLINE_WAIT = 5.0
SEND_LIMITS = Limits(per_chat_interval=0.21, overall_max=50, overall_period=1.0)  # <5/s a chat, 50/s the app
MINUTE_LIMITS = Limits(per_chat_interval=0.0, overall_max=1000, overall_period=60.0)  # 1000/min the app
FILE_TYPES = {".pdf": "pdf", ".xlsx": "xls", ".xls": "xls", ".csv": "stream", ".doc": "doc", ".docx": "doc",
              ".ppt": "ppt", ".pptx": "ppt", ".mp4": "mp4", ".opus": "opus"}
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp"})

Call = Callable[[RequestOption], Awaitable[Any]]


class FeishuPacer:
    """Feishu's send limits as two windows of the shared Pacer: 5/s per receiver and 50/s overall, 1000/min."""

    def __init__(self, second: Limits = SEND_LIMITS, minute: Limits = MINUTE_LIMITS, *,
                 monotonic: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self._second = Pacer(second, monotonic=monotonic, sleep=sleep)
        self._minute = Pacer(minute, monotonic=monotonic, sleep=sleep)
        self._keys: dict[str, int] = {}

    async def wait(self, receiver: str) -> None:
        key = self._keys.setdefault(receiver, len(self._keys) + 1)  # positive: no Telegram group window
        await self._minute.wait(0)
        await self._second.wait(key)


class FeishuApiError(Exception):
    """A business error Feishu answered (`code` != 0)."""

    def __init__(self, code: int, msg: str, status: int, retry_after: float | None = None) -> None:
        super().__init__(f"feishu {code}: {msg}")
        self.code, self.msg, self.status, self.retry_after = code, msg, status, retry_after

    @property
    def rate_limited(self) -> bool:
        return self.code == RATE_LIMITED or self.status == 429

    def delivery_error(self) -> DeliveryError:
        """Transient for frequency limits and server trouble; permanent for what a retry cannot fix."""
        if self.rate_limited:
            return DeliveryError("rate_limited", permanent=False, retry_after=self.retry_after)
        if self.status >= 500:
            return DeliveryError(f"feishu_unavailable: {self.code} {self.msg}", permanent=False)
        return DeliveryError(f"feishu_refused: {self.code} {self.msg}", permanent=True)


@dataclass
class _Token:
    value: str
    expires: float


class FeishuApi:
    """The calls the bot makes, each paced, authorised with the tenant token and retried once when limited."""

    def __init__(self, client: lark.Client, app_id: str, app_secret: str, *, pacer: FeishuPacer | None = None,
                 max_inline_wait: float = MAX_INLINE_WAIT, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.client = client
        self.app_id, self._secret = app_id, app_secret
        self.pacer = pacer or FeishuPacer()
        self.max_inline_wait = max_inline_wait
        self._monotonic = monotonic
        self._token: _Token | None = None
        self._token_lock = asyncio.Lock()

    # the tenant token --------------------------------------------------------------------------

    async def tenant_token(self) -> str:
        """A valid tenant access token, fetched when there is none or it is about to expire."""
        async with self._token_lock:
            if self._token is not None and self._token.expires > self._monotonic():
                return self._token.value
            body = InternalTenantAccessTokenRequestBody.builder().app_id(self.app_id).app_secret(self._secret).build()
            request = InternalTenantAccessTokenRequest.builder().request_body(body).build()
            response = await self.client.auth.v3.tenant_access_token.ainternal(request)
            raw = _decoded(response)
            if raw.get("code") != 0 or not raw.get("tenant_access_token"):
                raise _error(response, raw)
            ttl = float(raw.get("expire") or 0)
            self._token = _Token(str(raw["tenant_access_token"]), self._monotonic() + max(ttl - TOKEN_MARGIN, 60.0))
            return self._token.value

    def forget_token(self) -> None:
        self._token = None

    async def _call(self, receiver: str, what: str, call: Call) -> Any:
        """Pace, authorise, send; a stale token is fetched again and a short frequency limit waited out, once
        each. Raises FeishuApiError (httpx errors when Feishu cannot be reached)."""
        retried_token = retried_limit = False
        while True:
            await self.pacer.wait(receiver)
            option = RequestOption.builder().tenant_access_token(await self.tenant_token()).build()
            response = await call(option)
            if response.success():
                return getattr(response, "data", None)
            error = _error(response, _decoded(response))
            if error.code in TOKEN_INVALID and not retried_token:
                log.info("feishu: the tenant token was refused (%s); fetching a new one", error.code)
                self.forget_token()
                retried_token = True
                continue
            wait = error.retry_after if error.retry_after is not None else 1.0
            if error.rate_limited and not retried_limit and wait <= self.max_inline_wait:
                log.info("feishu frequency limit on %s; waiting %.1fs", what, wait)
                await asyncio.sleep(wait)
                retried_limit = True
                continue
            raise error

    # messages ----------------------------------------------------------------------------------

    async def send(self, receive_id_type: str, receive_id: str, msg_type: str, content: dict[str, Any]) -> Any:
        body = (CreateMessageRequestBody.builder().receive_id(receive_id).msg_type(msg_type)
                .content(json.dumps(content, ensure_ascii=False)).uuid(str(uuid.uuid4())).build())
        request = CreateMessageRequest.builder().receive_id_type(receive_id_type).request_body(body).build()
        return await self._call(receive_id, "message.create",
                                lambda option: self.client.im.v1.message.acreate(request, option))

    async def reply(self, receiver: str, message_id: str, msg_type: str, content: dict[str, Any], *,
                    in_thread: bool = True) -> Any:
        body = (ReplyMessageRequestBody.builder().msg_type(msg_type).content(json.dumps(content, ensure_ascii=False))
                .reply_in_thread(in_thread).uuid(str(uuid.uuid4())).build())
        request = ReplyMessageRequest.builder().message_id(message_id).request_body(body).build()
        return await self._call(receiver, "message.reply",
                                lambda option: self.client.im.v1.message.areply(request, option))

    async def patch_card(self, receiver: str, message_id: str, card: dict[str, Any]) -> None:
        """Update an interactive card in place (every reader sees the new card: `update_multi`)."""
        body = PatchMessageRequestBody.builder().content(json.dumps(card, ensure_ascii=False)).build()
        request = PatchMessageRequest.builder().message_id(message_id).request_body(body).build()
        await self._call(receiver, "message.patch", lambda option: self.client.im.v1.message.apatch(request, option))

    async def get(self, message_id: str) -> list[Any]:
        """The message, then the sub-messages of a merged forward (each with `upper_message_id`)."""
        request = GetMessageRequest.builder().message_id(message_id).build()
        data = await self._call("get", "message.get", lambda option: self.client.im.v1.message.aget(request, option))
        return list(getattr(data, "items", None) or [])

    # read-only checks (`inquirybot doctor`) ----------------------------------------------------

    async def is_in_chat(self, chat_id: str) -> bool:
        """Whether the bot is a member of the chat (scope im:chat:readonly)."""
        request = IsInChatChatMembersRequest.builder().chat_id(chat_id).build()
        data = await self._call("doctor", "chat_members.is_in_chat",
                                lambda option: self.client.im.v1.chat_members.ais_in_chat(request, option))
        return bool(getattr(data, "is_in_chat", False))

    async def user_name(self, open_id: str) -> str:
        """The name of the person with this open id (scope contact:contact.base:readonly)."""
        request = GetUserRequest.builder().user_id(open_id).user_id_type("open_id").build()
        data = await self._call("doctor", "user.get", lambda option: self.client.contact.v3.user.aget(request, option))
        return str(getattr(getattr(data, "user", None), "name", None) or "")

    # uploads -----------------------------------------------------------------------------------

    async def upload(self, path: Path, filename: str) -> tuple[str, dict[str, str]]:
        """Upload a report file; returns the message type and content that post it (an image or a file)."""
        suffix = Path(filename).suffix.lower()
        with path.open("rb") as handle:
            if suffix in IMAGE_SUFFIXES:
                image_body = CreateImageRequestBody.builder().image_type("message").image(handle).build()
                image = CreateImageRequest.builder().request_body(image_body).build()
                data = await self._call("upload", "image.create",
                                        lambda option: self.client.im.v1.image.acreate(image, option))
                return "image", {"image_key": str(data.image_key)}
            file_body = (CreateFileRequestBody.builder().file_type(FILE_TYPES.get(suffix, "stream"))
                         .file_name(filename).file(handle).build())
            upload = CreateFileRequest.builder().request_body(file_body).build()
            data = await self._call("upload", "file.create",
                                    lambda option: self.client.im.v1.file.acreate(upload, option))
            return "file", {"file_key": str(data.file_key)}


def _decoded(response: Any) -> dict[str, Any]:
    raw = getattr(response, "raw", None)
    try:
        decoded = json.loads(raw.content) if raw is not None and raw.content else {}
    except ValueError:
        decoded = {}
    return decoded if isinstance(decoded, dict) else {}


def _error(response: Any, decoded: dict[str, Any]) -> FeishuApiError:
    raw = getattr(response, "raw", None)
    status = int(getattr(raw, "status_code", 0) or 0)
    headers = {k.lower(): v for k, v in (getattr(raw, "headers", None) or {}).items()}
    reset = headers.get("x-ogw-ratelimit-reset")
    code = int(decoded.get("code", getattr(response, "code", None) or -1))
    msg = str(decoded.get("msg") or getattr(response, "msg", "") or "")
    return FeishuApiError(code, msg, status, float(reset) if reset and reset.isdigit() else None)


