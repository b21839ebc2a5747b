"""A fake Slack Web API (plus upload URLs, response_url and Socket Mode) for the real slack_sdk client."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from .server import Call, FakeServer, parse_request
from .slack_socket import SocketModeEndpoint

BOT_TOKEN = "xoxb-test"
APP_TOKEN = "xapp-test"
TEAM_ID = "T1"
BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
APP_ID = "A1"
WORKSPACE_URL = "https://fake.slack.com/"
_FIRST_TS_MICROS = 1_700_000_000_000_100

Handler = Callable[[dict[str, Any]], dict[str, Any]]


@dataclass
class UploadedFile:
    """A file going through files.getUploadURLExternal -> POST upload_url -> files.completeUploadExternal."""

    file_id: str
    filename: str
    length: int
    content: bytes | None = None
    title: str | None = None
    channel_id: str | None = None
    initial_comment: str | None = None
    thread_ts: str | None = None
    completed: bool = False


class FakeSlack(FakeServer):
    """Speaks the Slack Web API at `base_url`; every request is recorded in `calls`."""

    def __init__(self, *, invalid_tokens: frozenset[str] = frozenset({"xoxb-invalid"})) -> None:
        super().__init__()
        self.invalid_tokens = invalid_tokens
        self.messages: dict[tuple[str, str], dict[str, Any]] = {}
        self.users: dict[str, dict[str, Any]] = {}
        self.channels: dict[str, dict[str, Any]] = {}
        self.uploads: dict[str, UploadedFile] = {}
        self.not_member_of: set[str] = set()  # channels the bot was never invited to (is_member false)
        self.missing_users: set[str] = set()  # user ids users.info does not know
        self._ts = itertools.count()
        self._file_ids = itertools.count(1)
        self.socket = SocketModeEndpoint(self)
        self._handlers: dict[str, Handler] = {
            "auth.test": self._auth_test,
            "chat.postMessage": self._post_message,
            "chat.update": self._update,
            "chat.postEphemeral": lambda p: {"ok": True, "message_ts": self.next_ts()},
            "chat.getPermalink": self._permalink,
            "conversations.open": self._conversations_open,
            "users.info": self._users_info,
            "conversations.info": self._conversations_info,
            "conversations.members": self._conversations_members,
            "conversations.history": self._conversations_history,
            "conversations.replies": self._conversations_replies,
            "files.getUploadURLExternal": self._get_upload_url,
            "files.completeUploadExternal": self._complete_upload,
            "apps.connections.open": lambda p: {"ok": True, "url": self.socket.url()},
            "views.open": self._view, "views.update": self._view, "views.push": self._view,
        }
        self.app.router.add_route("*", "/api/{method}", self._handle_api)
        self.app.router.add_post("/upload/{file_id}", self._handle_upload)
        self.app.router.add_post("/response/{response_id}", self._handle_response_url)
        self.app.router.add_get("/link/", self.socket.handle)
        self.app.router.add_get("/link", self.socket.handle)

    # urls ----------------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """What SLACK_API_URL / AsyncWebClient(base_url=...) is set to."""
        return f"{self.root_url}/api/"

    def response_url(self, response_id: str = "r1") -> str:
        """A response_url for slash commands and actions whose posts are recorded as method "response_url"."""
        return f"{self.root_url}/response/{response_id}"

    def response_posts(self, response_id: str | None = None) -> list[Call]:
        calls = self.called("response_url")
        return [c for c in calls if response_id is None or c.path == f"/response/{response_id}"]

    def next_ts(self) -> str:
        micros = _FIRST_TS_MICROS + 100 * next(self._ts)
        return f"{micros // 1_000_000}.{micros % 1_000_000:06d}"

    # scripting -----------------------------------------------------------------------------------

    def fail_next(
        self, method: str, status: int = 200, *, error: str | None = None, retry_after: int | None = None
    ) -> None:
        """Script one failure: 429 + Retry-After (ratelimited), 200 {"ok": false, "error"}, or a 5xx."""
        headers: dict[str, str] = {}
        if status == 429:
            headers["Retry-After"] = str(1 if retry_after is None else retry_after)
            error = error or "ratelimited"
        elif retry_after is not None:
            headers["Retry-After"] = str(retry_after)
        if error is None:
            error = "internal_error" if status >= 500 else "unknown_error"
        self.respond_next(method, {"ok": False, "error": error}, status=status, headers=headers)

    # socket mode (delegates) ---------------------------------------------------------------------

    async def socket_send(self, envelope: dict[str, Any], timeout: float = 5.0) -> str:  # noqa: ASYNC109
        """Push an envelope to the connected Socket Mode client; returns its envelope_id."""
        return await self.socket.send(envelope, timeout=timeout)

    async def wait_for_ack(self, envelope_id: str, timeout: float = 5.0) -> dict[str, Any]:  # noqa: ASYNC109
        return await self.socket.wait_for_ack(envelope_id, timeout=timeout)

    @property
    def socket_acks(self) -> list[dict[str, Any]]:
        return self.socket.acks

    async def _before_close(self) -> None:
        await self.socket.close_all()

    # http handlers -------------------------------------------------------------------------------

    async def _handle_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params, files = await parse_request(request)
        self.record(method, request, params, files)
        token = _bearer(request) or str(params.get("token", ""))
        error = self._auth_error(method, token)
        if error:
            return web.json_response({"ok": False, "error": error})
        scripted = self.pop_scripted(method)
        if scripted is not None:
            return scripted
        handler = self._handlers.get(method)
        return web.json_response(handler(params) if handler else {"ok": True})

    def _auth_error(self, method: str, token: str) -> str | None:
        if not token:
            return "not_authed"
        if token in self.invalid_tokens or not token.startswith(("xoxb-", "xoxp-", "xapp-")):
            return "invalid_auth"
        if (method == "apps.connections.open") != token.startswith("xapp-"):
            return "not_allowed_token_type"
        return None

    async def _handle_upload(self, request: web.Request) -> web.Response:
        file_id = request.match_info["file_id"]
        params, files = await parse_request(request)
        data = next(iter(files.values())).data if files else await request.read()
        self.record("upload", request, {**params, "file_id": file_id, "size": len(data)}, files)
        scripted = self.pop_scripted("upload")
        if scripted is not None:
            return scripted
        upload = self.uploads.get(file_id)
        if upload is None:
            return web.Response(status=404, text="file_not_found")
        upload.content = data
        return web.Response(text=f"OK - {len(data)}")

    async def _handle_response_url(self, request: web.Request) -> web.Response:
        params, _ = await parse_request(request)
        self.record("response_url", request, params)
        scripted = self.pop_scripted("response_url")
        return scripted if scripted is not None else web.json_response({"ok": True})

    # api methods ---------------------------------------------------------------------------------

    def _auth_test(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True, "url": WORKSPACE_URL, "team": "Fake", "user": "inquiry_desk", "team_id": TEAM_ID,
            "user_id": BOT_USER_ID, "bot_id": BOT_ID, "is_enterprise_install": False,
        }

    def _post_message(self, params: dict[str, Any]) -> dict[str, Any]:
        if not any(params.get(k) for k in ("text", "blocks", "attachments")):
            return {"ok": False, "error": "no_text"}
        channel = _dm_channel(str(params.get("channel", "")))
        ts = self.next_ts()
        message: dict[str, Any] = {
            "type": "message", "user": BOT_USER_ID, "bot_id": BOT_ID, "app_id": APP_ID, "team": TEAM_ID,
            "ts": ts, "text": params.get("text", ""),
        }
        for key in ("blocks", "attachments", "metadata"):
            if key in params:
                message[key] = _maybe_json(params[key])
        if params.get("thread_ts"):
            message["thread_ts"] = params["thread_ts"]
        self.messages[(channel, ts)] = message
        return {"ok": True, "channel": channel, "ts": ts, "message": message}

    def _update(self, params: dict[str, Any]) -> dict[str, Any]:
        channel, ts = str(params.get("channel", "")), str(params.get("ts", ""))
        message = self.messages.setdefault((channel, ts), {"type": "message", "user": BOT_USER_ID, "ts": ts})
        for key in ("text", "blocks", "attachments"):
            if key in params:
                message[key] = _maybe_json(params[key])
        return {"ok": True, "channel": channel, "ts": ts, "text": message.get("text", ""), "message": message}

    def _permalink(self, params: dict[str, Any]) -> dict[str, Any]:
        channel, ts = str(params.get("channel", "")), str(params.get("message_ts", ""))
        link = f"{WORKSPACE_URL}archives/{channel}/p{ts.replace('.', '')}"
        return {"ok": True, "channel": channel, "permalink": link}

    def _conversations_open(self, params: dict[str, Any]) -> dict[str, Any]:
        users = [u for u in str(params.get("users", "")).split(",") if u]
        if not users:
            return {"ok": False, "error": "users_list_not_supplied"}
        channel_id = "D" + users[0] if len(users) == 1 else "G" + "".join(users)
        return {"ok": True, "no_op": True, "already_open": True, "channel": {"id": channel_id}}

    def _users_info(self, params: dict[str, Any]) -> dict[str, Any]:
        uid = str(params.get("user", ""))
        if uid in self.missing_users:
            return {"ok": False, "error": "user_not_found"}
        if uid in self.users:
            return {"ok": True, "user": self.users[uid]}
        if not uid.startswith(("U", "W")):
            return {"ok": False, "error": "user_not_found"}
        name = uid.lower()
        profile = {"real_name": f"User {uid}", "display_name": name, "email": f"{name}@example.com"}
        user = {
            "id": uid, "team_id": TEAM_ID, "name": uid.lower(), "real_name": f"User {uid}", "deleted": False,
            "is_bot": False, "tz": "Asia/Shanghai", "tz_offset": 28800, "profile": profile,
        }
        return {"ok": True, "user": user}

    def _conversations_info(self, params: dict[str, Any]) -> dict[str, Any]:
        cid = str(params.get("channel", ""))
        if cid in self.channels:
            return {"ok": True, "channel": self.channels[cid]}
        if not cid.startswith(("C", "G", "D")):
            return {"ok": False, "error": "channel_not_found"}
        channel = {
            "id": cid, "name": cid.lower(), "is_channel": cid.startswith("C"),
            "is_group": cid.startswith("G"), "is_im": cid.startswith("D"),
            "is_private": not cid.startswith("C"), "is_member": cid not in self.not_member_of, "is_archived": False,
            "context_team_id": TEAM_ID,
        }
        return {"ok": True, "channel": channel}

    def _conversations_members(self, params: dict[str, Any]) -> dict[str, Any]:
        cid = str(params.get("channel", ""))
        if not cid.startswith(("C", "G", "D")):
            return {"ok": False, "error": "channel_not_found"}
        members = [] if cid in self.not_member_of else [BOT_USER_ID]
        return {"ok": True, "members": members, "response_metadata": {"next_cursor": ""}}

    def _conversations_history(self, params: dict[str, Any]) -> dict[str, Any]:
        """The channel's top-level messages (thread replies are not in history), newest first; message
        metadata only with include_all_metadata, as Slack does."""
        channel = _dm_channel(str(params.get("channel", "")))
        if not channel.startswith(("C", "G", "D")):
            return {"ok": False, "error": "channel_not_found"}
        found = [m for (c, ts), m in self.messages.items()
                 if c == channel and m.get("thread_ts") in (None, ts)]
        return self._page(sorted(found, key=lambda m: float(m["ts"]), reverse=True), params)

    def _conversations_replies(self, params: dict[str, Any]) -> dict[str, Any]:
        """A thread: its parent (when the bot knows it) then the replies, oldest first."""
        channel, thread = _dm_channel(str(params.get("channel", ""))), str(params.get("ts", ""))
        if not thread:
            return {"ok": False, "error": "invalid_arguments"}
        found = [m for (c, ts), m in self.messages.items() if c == channel and thread in (ts, m.get("thread_ts"))]
        return self._page(sorted(found, key=lambda m: float(m["ts"])), params)

    def _page(self, messages: list[dict[str, Any]], params: dict[str, Any]) -> dict[str, Any]:
        limit = int(params.get("limit") or 100)
        with_metadata = str(params.get("include_all_metadata", "")).lower() in ("1", "true")
        shown = [m if with_metadata else {k: v for k, v in m.items() if k != "metadata"} for m in messages[:limit]]
        return {"ok": True, "messages": shown, "has_more": len(messages) > limit, "pin_count": 0,
                "response_metadata": {"next_cursor": ""}}

    def _view(self, params: dict[str, Any]) -> dict[str, Any]:
        view = _maybe_json(params.get("view", {}))
        view_id = params.get("view_id") or f"V{next(self._file_ids):08d}"
        return {"ok": True, "view": {**view, "id": view_id, "team_id": TEAM_ID, "app_id": APP_ID}}

    def _get_upload_url(self, params: dict[str, Any]) -> dict[str, Any]:
        if not params.get("filename") or not str(params.get("length", "")).isdigit():
            return {"ok": False, "error": "invalid_arguments"}
        file_id = f"F{next(self._file_ids):08d}"
        self.uploads[file_id] = UploadedFile(file_id, str(params["filename"]), int(params["length"]))
        return {"ok": True, "upload_url": f"{self.root_url}/upload/{file_id}", "file_id": file_id}

    def _complete_upload(self, params: dict[str, Any]) -> dict[str, Any]:
        out = []
        for item in _maybe_json(params.get("files", "[]")):
            upload = self.uploads.get(str(item.get("id")))
            if upload is None or upload.content is None:
                return {"ok": False, "error": "file_not_found"}
            upload.title = item.get("title") or upload.filename
            upload.channel_id = params.get("channel_id")
            upload.initial_comment = params.get("initial_comment")
            upload.thread_ts = params.get("thread_ts")
            upload.completed = True
            out.append({
                "id": upload.file_id, "name": upload.filename, "title": upload.title,
                "size": len(upload.content),
                "channels": [upload.channel_id] if upload.channel_id else [],
                "permalink": f"{WORKSPACE_URL}files/{BOT_USER_ID}/{upload.file_id}/{upload.filename}",
            })
        return {"ok": True, "files": out}


def _bearer(request: web.Request) -> str:
    auth = request.headers.get("Authorization", "")
    return auth.removeprefix("Bearer ").strip() if auth.startswith("Bearer ") else ""


def _dm_channel(channel: str) -> str:
    return "D" + channel if channel.startswith(("U", "W")) else channel


def _maybe_json(value: Any) -> Any:
    """Form bodies carry blocks/attachments/files as JSON strings; JSON bodies carry them as lists."""
    if isinstance(value, str) and value[:1] in ("[", "{"):
        return json.loads(value)
    return value
