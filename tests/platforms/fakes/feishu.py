"""A fake Feishu / Lark open platform for the real lark-oapi client (pointed at it by its `domain` setting).

HTTP: the tenant access token (`auth/v3/tenant_access_token/internal`), `im/v1/messages` (send, reply, patch a
card in place, get a message with the sub-messages of a merged forward), `im/v1/files` and `im/v1/images`
(multipart uploads), `im/v1/chats/{chat_id}/members/is_in_chat` (the bot's membership: `chats`) and
`contact/v3/users/{open_id}` (the people the app sees: `users`), both refused with code 99991672 when the
scope they need was taken out of `scopes`. Answers carry Feishu's envelope `{"code", "msg", "data"}`; an unknown
or missing tenant token is HTTP 401 with code 99991663; `rate_limit_next` scripts Feishu's frequency-limit answer
(HTTP 429, code 99991400, `x-ogw-ratelimit-reset`).

Long connection: `POST /callback/ws/endpoint` hands out a ws:// URL on this server; `push_ws_event` sends an
event to the connected client as a protobuf data frame (lark_oapi's own pbbp2 schema) and records its answer.

Inbound events are built and signed by tests/platforms/fakes/feishu_events.py.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web
from lark_oapi.ws.pb.pbbp2_pb2 import Frame

from .server import FakeServer, FilePart, parse_request

APP_ID = "cli_a1b2c3d4e5f6a7b8"
APP_SECRET = "test-feishu-app-secret"
TENANT_KEY = "2ca1d211f64f6438"
TOKEN_TTL = 7200
RATE_LIMITED = 99991400
INVALID_TOKEN = 99991663
BAD_SECRET = 10014
NOT_FOUND = 230001  # "message not found" style business error (HTTP 400)
CARD_NOT_PATCHABLE = 230031  # only interactive cards can be patched
NO_SCOPE = 99991672  # the app lacks a scope the API needs (HTTP 400)
NO_USER = 41050  # the user does not exist or is outside the app's visibility
CHAT_SCOPE = "im:chat:readonly"
CONTACT_SCOPE = "contact:contact.base:readonly"

JSON = dict[str, Any]


@dataclass
class FeishuMessage:
    """A message as the fake stores it (the shape of im.v1 Message)."""

    message_id: str
    chat_id: str
    msg_type: str
    content: str
    sender_id: str = APP_ID
    sender_type: str = "app"
    root_id: str | None = None
    parent_id: str | None = None
    thread_id: str | None = None
    upper_message_id: str | None = None
    create_time: int = field(default_factory=lambda: int(time.time() * 1000))
    update_time: int = 0
    updated: bool = False
    receive_id: str = ""  # what it was sent to (chat id or open id)
    receive_id_type: str = "chat_id"

    def as_json(self) -> JSON:
        found: JSON = {
            "message_id": self.message_id, "msg_type": self.msg_type,
            "create_time": str(self.create_time), "update_time": str(self.update_time or self.create_time),
            "deleted": False, "updated": self.updated, "chat_id": self.chat_id,
            "sender": {"id": self.sender_id, "id_type": "app_id" if self.sender_type == "app" else "open_id",
                       "sender_type": self.sender_type, "tenant_key": TENANT_KEY},
            "body": {"content": self.content},
        }
        for name in ("root_id", "parent_id", "thread_id", "upper_message_id"):
            value = getattr(self, name)
            if value:
                found[name] = value
        return found

    @property
    def card(self) -> JSON:
        """The interactive card this message carries (decoded); {} for other types."""
        return json.loads(self.content) if self.msg_type == "interactive" else {}

    @property
    def text(self) -> str:
        return str(json.loads(self.content).get("text", "")) if self.msg_type == "text" else ""

    @property
    def shown(self) -> str:
        """What a reader sees: a text, or a card's texts and notes (buttons aside)."""
        if self.msg_type != "interactive":
            return self.text
        parts = [str((e.get("text") or {}).get("content", "")) for e in self.card.get("elements", [])
                 if e.get("tag") == "div"]
        parts += [str(n.get("content", "")) for e in self.card.get("elements", []) if e.get("tag") == "note"
                  for n in e.get("elements", [])]
        return "\n".join(parts)


class FeishuError(Exception):
    def __init__(self, status: int, code: int, msg: str) -> None:
        super().__init__(msg)
        self.status, self.code, self.msg = status, code, msg


class FakeFeishu(FakeServer):
    """Speaks the open platform at `domain`; every request is recorded in `calls` (method = the API's name)."""

    def __init__(self, app_id: str = APP_ID, app_secret: str = APP_SECRET) -> None:
        super().__init__()
        self.app_id, self.app_secret = app_id, app_secret
        self.tokens: set[str] = set()
        self.messages: dict[str, FeishuMessage] = {}
        self.files: dict[str, FilePart] = {}
        self.ws_frames: list[JSON] = []  # answers the long-connection client sent back, decoded
        self._ids = itertools.count(1)
        self.chats: set[str] = set()  # the chats the bot is a member of
        self.users: dict[str, str] = {}  # open id -> name: the people the app can see
        self.scopes: set[str] = {CHAT_SCOPE, CONTACT_SCOPE}  # the optional scopes the app was granted
        self._ws: web.WebSocketResponse | None = None
        self._ws_connected = asyncio.Event()
        self._ws_answers: dict[str, asyncio.Future[JSON]] = {}
        routes = [
            ("POST", "/open-apis/auth/v3/tenant_access_token/internal", "tenant_access_token", self._token),
            ("POST", "/open-apis/im/v1/messages", "message.create", self._create),
            ("POST", "/open-apis/im/v1/messages/{message_id}/reply", "message.reply", self._reply),
            ("PATCH", "/open-apis/im/v1/messages/{message_id}", "message.patch", self._patch),
            ("GET", "/open-apis/im/v1/messages/{message_id}", "message.get", self._get),
            ("POST", "/open-apis/im/v1/files", "file.create", self._file),
            ("POST", "/open-apis/im/v1/images", "image.create", self._image),
            ("POST", "/callback/ws/endpoint", "ws.endpoint", self._endpoint),
            ("GET", "/open-apis/im/v1/chats/{chat_id}/members/is_in_chat", "chat_members.is_in_chat",
             self._is_in_chat),
            ("GET", "/open-apis/contact/v3/users/{user_id}", "user.get", self._user),
        ]
        for verb, path, name, handler in routes:
            self.app.router.add_route(verb, path, self._wrap(name, handler))
        self.app.router.add_get("/ws", self._websocket)

    @property
    def domain(self) -> str:
        """What FEISHU_API_URL / lark.Client.builder().domain(...) is set to."""
        return self.root_url

    # test-side helpers ---------------------------------------------------------------------------

    def rate_limit_next(self, method: str, reset: int = 1, *, status: int = 429) -> None:
        """Feishu's frequency-limit answer for the next call of `method` (400 for some older APIs)."""
        body = {"code": RATE_LIMITED, "msg": "request trigger frequency limit"}
        self.respond_next(method, body, status=status,
                          headers={"x-ogw-ratelimit-limit": "5", "x-ogw-ratelimit-reset": str(reset)})

    def add_message(self, chat_id: str, msg_type: str, content: JSON, *, sender: str, upper: str | None = None,
                    create_time: int | None = None, message_id: str | None = None) -> FeishuMessage:
        """A message people sent (a forward, the sub-messages of a merged forward): it can be read and replied to."""
        body = json.dumps(content, ensure_ascii=False)
        message = FeishuMessage(message_id or self._id("om"), chat_id, msg_type, body, sender_type="user",
                                upper_message_id=upper, create_time=create_time or int(time.time() * 1000))
        self.messages[message.message_id] = message
        return message

    def sent(self) -> list[FeishuMessage]:
        """Messages the bot posted (sends and replies), oldest first."""
        return [m for m in self.messages.values() if m.sender_type == "app"]

    def sent_to(self, receive_id: str) -> list[FeishuMessage]:
        return [m for m in self.sent() if receive_id in (m.receive_id, m.chat_id)]

    # http plumbing -------------------------------------------------------------------------------

    def _id(self, prefix: str) -> str:
        return f"{prefix}_{next(self._ids):04d}{uuid.uuid4().hex[:20]}"

    def _wrap(self, name: str, handler: Any) -> Any:
        async def handle(request: web.Request) -> web.StreamResponse:
            params, files = await _parse(request)
            params.update(request.match_info)
            self.record(name, request, params, files)
            scripted = self.pop_scripted(name)
            if scripted is not None:
                return scripted
            try:
                if name not in ("tenant_access_token", "ws.endpoint"):
                    self._authorise(request)
                data = handler(params, files)
            except FeishuError as error:
                return web.json_response({"code": error.code, "msg": error.msg}, status=error.status)
            return web.json_response({"code": 0, "msg": "success", **data})

        return handle

    def _authorise(self, request: web.Request) -> None:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if given not in self.tokens:
            raise FeishuError(401, INVALID_TOKEN, "Invalid access token for authorization. Please make a request "
                                                  "with token attached.")

    # api methods ---------------------------------------------------------------------------------

    def _token(self, params: JSON, files: dict[str, FilePart]) -> JSON:
        if params.get("app_id") != self.app_id or params.get("app_secret") != self.app_secret:
            raise FeishuError(400, BAD_SECRET, "app secret invalid")
        token = f"t-{uuid.uuid4().hex}"
        self.tokens.add(token)
        return {"tenant_access_token": token, "expire": TOKEN_TTL}

    def _need(self, scope: str) -> None:
        if scope not in self.scopes:
            raise FeishuError(400, NO_SCOPE, f"Access denied. One of the following scopes is required: [{scope}]. "
                                             "应用尚未开通所需的应用身份权限")

    def _is_in_chat(self, params: JSON, files: dict[str, FilePart]) -> JSON:
        self._need(CHAT_SCOPE)
        if not str(params.get("chat_id", "")).startswith("oc_"):
            raise FeishuError(400, 232001, "invalid chat_id")
        return {"data": {"is_in_chat": params["chat_id"] in self.chats}}

    def _user(self, params: JSON, files: dict[str, FilePart]) -> JSON:
        self._need(CONTACT_SCOPE)
        if params.get("user_id_type") != "open_id":
            raise FeishuError(400, 99992402, "field validation failed: user_id_type")
        open_id = str(params.get("user_id", ""))
        if open_id not in self.users:
            raise FeishuError(400, NO_USER, "user not found or not visible to the app")
        return {"data": {"user": {"open_id": open_id, "name": self.users[open_id]}}}

    def _post(self, params: JSON, *, chat_id: str, receive_id: str, receive_id_type: str,
              parent: FeishuMessage | None = None) -> JSON:
        msg_type, content = str(params.get("msg_type") or ""), params.get("content")
        if msg_type not in ("text", "post", "interactive", "file", "image") or not isinstance(content, str):
            raise FeishuError(400, 230001, "param is invalid: msg_type or content")
        _check_content(msg_type, content, self.files)
        message = FeishuMessage(self._id("om"), chat_id, msg_type, content, receive_id=receive_id,
                                receive_id_type=receive_id_type)
        if parent is not None:
            message.parent_id = parent.message_id
            message.root_id = parent.root_id or parent.message_id
            if params.get("reply_in_thread") in (True, "true"):
                message.thread_id = parent.thread_id or self._id("omt")
        self.messages[message.message_id] = message
        return {"data": message.as_json()}

    def _create(self, params: JSON, files: dict[str, FilePart]) -> JSON:
        id_type, receive_id = str(params.get("receive_id_type") or ""), str(params.get("receive_id") or "")
        if id_type not in ("open_id", "user_id", "union_id", "email", "chat_id") or not receive_id:
            raise FeishuError(400, 99992402, "field validation failed: receive_id_type / receive_id")
        chat_id = receive_id if id_type == "chat_id" else f"oc_p2p_{receive_id}"  # a DM lives in a p2p chat
        return self._post(params, chat_id=chat_id, receive_id=receive_id, receive_id_type=id_type)

    def _reply(self, params: JSON, files: dict[str, FilePart]) -> JSON:
        parent = self._find(params)
        return self._post(params, chat_id=parent.chat_id, receive_id=parent.chat_id, receive_id_type="chat_id",
                          parent=parent)

    def _patch(self, params: JSON, files: dict[str, FilePart]) -> JSON:
        message = self._find(params)
        content = params.get("content")
        if message.msg_type != "interactive":
            raise FeishuError(400, CARD_NOT_PATCHABLE, "The message is not a card, can not be updated.")
        if not isinstance(content, str):
            raise FeishuError(400, 230001, "param is invalid: content")
        _check_content("interactive", content, self.files)
        message.content, message.updated = content, True
        message.update_time = int(time.time() * 1000)
        return {"data": {}}

    def _get(self, params: JSON, files: dict[str, FilePart]) -> JSON:
        message = self._find(params)
        items = [message.as_json()]
        items += [m.as_json() for m in self.messages.values() if m.upper_message_id == message.message_id]
        return {"data": {"items": items}}

    def _file(self, params: JSON, files: dict[str, FilePart]) -> JSON:
        part = files.get("file")
        if part is None or not params.get("file_type") or not params.get("file_name"):
            raise FeishuError(400, 234001, "Invalid request param: file, file_type and file_name are required")
        key = self._id("file_v3")
        self.files[key] = FilePart("file", str(params["file_name"]), part.content_type, part.data)
        return {"data": {"file_key": key}}

    def _image(self, params: JSON, files: dict[str, FilePart]) -> JSON:
        part = files.get("image")
        if part is None or params.get("image_type") not in ("message", "avatar"):
            raise FeishuError(400, 234001, "Invalid request param: image and image_type are required")
        key = self._id("img_v3")
        self.files[key] = FilePart("image", part.filename, part.content_type, part.data)
        return {"data": {"image_key": key}}

    def _find(self, params: JSON) -> FeishuMessage:
        message = self.messages.get(str(params.get("message_id", "")))
        if message is None:
            raise FeishuError(400, 230011, "The message was not found or has been withdrawn.")
        return message

    # long connection -----------------------------------------------------------------------------

    def _endpoint(self, params: JSON, files: dict[str, FilePart]) -> JSON:
        if params.get("AppID") != self.app_id or params.get("AppSecret") != self.app_secret:
            raise FeishuError(200, 1000040344, "app secret invalid")  # the SDK reads the code, not the status
        url = f"ws://127.0.0.1:{self.port}/ws?device_id=dev-1&service_id=1"
        config = {"ReconnectCount": 0, "ReconnectInterval": 1, "ReconnectNonce": 0, "PingInterval": 120}
        return {"data": {"URL": url, "ClientConfig": config}}

    async def _websocket(self, request: web.Request) -> web.WebSocketResponse:
        self.record("ws.connect", request, dict(request.query))
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._ws = ws
        self._ws_connected.set()
        async for message in ws:
            if message.type != WSMsgType.BINARY:
                continue
            frame = Frame()
            frame.ParseFromString(message.data)
            headers = {h.key: h.value for h in frame.headers}
            if headers.get("type") == "ping":
                continue
            answer = json.loads(frame.payload or b"{}")
            if answer.get("data"):
                answer["data"] = json.loads(base64.b64decode(answer["data"]))
            self.ws_frames.append(answer)
            waiter = self._ws_answers.pop(headers.get("message_id", ""), None)
            if waiter is not None and not waiter.done():
                waiter.set_result(answer)
        self._ws = None
        self._ws_connected.clear()
        return ws

    async def wait_ws(self, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        await asyncio.wait_for(self._ws_connected.wait(), timeout)

    async def push_ws_event(self, event: JSON, timeout: float = 10.0) -> JSON:  # noqa: ASYNC109
        """Send one event (plain JSON, as the long connection carries it) and return the client's answer."""
        await self.wait_ws(timeout)
        assert self._ws is not None
        frame = Frame()
        frame.SeqID, frame.LogID, frame.service, frame.method = 1, 1, 1, 1  # method 1: a data frame
        message_id = uuid.uuid4().hex
        for key, value in (("type", "event"), ("message_id", message_id), ("sum", "1"), ("seq", "0"),
                           ("trace_id", uuid.uuid4().hex)):
            header = frame.headers.add()
            header.key, header.value = key, value
        frame.payload = json.dumps(event, ensure_ascii=False).encode()
        answer: asyncio.Future[JSON] = asyncio.get_running_loop().create_future()
        self._ws_answers[message_id] = answer
        await self._ws.send_bytes(frame.SerializeToString())
        return await asyncio.wait_for(answer, timeout)

    async def _before_close(self) -> None:
        if self._ws is not None:
            await self._ws.close()


async def _parse(request: web.Request) -> tuple[JSON, dict[str, FilePart]]:
    """Like the other fakes, plus what Feishu's gateway accepts: a JSON body sent without a Content-Type (the
    SDK's synchronous token request does that)."""
    if request.content_type in ("application/json", "application/x-www-form-urlencoded") or \
            request.content_type.startswith("multipart/"):
        return await parse_request(request)
    params: JSON = dict(request.query)
    raw = await request.read()
    if raw.strip().startswith(b"{"):
        params.update(json.loads(raw))
    return params, {}


def _check_content(msg_type: str, content: str, files: dict[str, FilePart]) -> None:
    """Reject what Feishu rejects: content that is not the JSON of its msg_type, unknown file keys."""
    try:
        decoded = json.loads(content)
    except ValueError:
        raise FeishuError(400, 230001, "param is invalid: content is not a JSON string") from None
    if not isinstance(decoded, dict):
        raise FeishuError(400, 230001, "param is invalid: content")
    needed = {"text": "text", "file": "file_key", "image": "image_key", "interactive": "elements"}.get(msg_type)
    if needed and needed not in decoded:
        raise FeishuError(400, 230001, f"param is invalid: content has no {needed}")
    if msg_type in ("file", "image") and decoded[needed] not in files:
        raise FeishuError(400, 234003, f"invalid {needed}")
    if msg_type == "text" and not str(decoded["text"]).strip():
        raise FeishuError(400, 230001, "param is invalid: text is empty")
