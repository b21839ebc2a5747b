"""A fake Telegram Bot API for the real python-telegram-bot `Bot` (pointed at it by base_url)."""

from __future__ import annotations

import asyncio
import contextlib
import html
import itertools
import json
import re
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from .server import FakeServer, FilePart, parse_request
from .telegram_updates import (
    BOT_ID,
    BOT_USERNAME,
    bot_message,
    bot_user,
    callback_query_update,
    chat,
    command_update,
    document_with_caption_update,
    edited_message_update,
    forwarded_message_update,
    origin_channel,
    origin_chat,
    origin_hidden_user,
    origin_user,
    photo_with_caption_update,
    text_message_update,
    user,
)

TOKEN = f"{BOT_ID}:TEST-TOKEN"
OCTET = "application/octet-stream"
MAX_POLL_WAIT = 0.5
_DESCRIPTIONS = {
    400: "Bad Request: chat not found", 401: "Unauthorized", 403: "Forbidden: bot was blocked by the user",
    404: "Not Found", 409: "Conflict: terminated by other getUpdates request; make sure that only one bot "
    "instance is running", 500: "Internal Server Error", 502: "Bad Gateway",
}

JSON = dict[str, Any]
Result = Any
Handler = Callable[[JSON, dict[str, FilePart]], Result]

__all__ = [  # the update builders are re-exported so tests import everything Telegram from here
    "BOT_ID", "BOT_USERNAME", "TOKEN", "FakeTelegram", "StoredFile", "TelegramError", "bot_message",
    "bot_user", "callback_query_update", "chat", "command_update", "document_with_caption_update",
    "edited_message_update", "forwarded_message_update", "origin_channel", "origin_chat", "origin_hidden_user",
    "origin_user", "photo_with_caption_update", "text_message_update", "user",
]


class TelegramError(Exception):
    """Raised inside a handler to answer {"ok": false, "error_code", "description"}."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status, self.description = status, description


@dataclass
class StoredFile:
    file_id: str
    filename: str | None
    content: bytes
    mime_type: str
    file_path: str

    @property
    def file_unique_id(self) -> str:
        return f"u-{self.file_id}"


class FakeTelegram(FakeServer):
    """Speaks the Bot API at `base_url` + token; every request is recorded in `calls`."""

    def __init__(self, token: str = TOKEN, *, first_message_id: int = 1001) -> None:
        super().__init__()
        self.token = token
        self.messages: dict[tuple[int, int], JSON] = {}
        self.posted_at: dict[tuple[int, int], float] = {}  # monotonic, finer than a message's whole-second date
        self.files: dict[str, StoredFile] = {}
        self.chats: dict[int, JSON] = {}
        self.unknown_chats: set[int] = set()  # getChat / getChatMember answer "chat not found"
        self.left_chats: set[int] = set()  # chats the bot was removed from (its member status is "left")
        self.commands: list[JSON] = []
        self.webhook_url = ""
        self.updates: list[JSON] = []
        self._offset = 0
        self._message_ids: defaultdict[int, itertools.count[int]] = defaultdict(
            lambda: itertools.count(first_message_id))
        self._file_ids = itertools.count(1)
        self._update_pushed = asyncio.Event()
        self._handlers: dict[str, Handler] = {
            "getme": lambda p, f: {**bot_user(), "can_join_groups": True,
                                   "can_read_all_group_messages": False, "supports_inline_queries": False},
            "sendmessage": self._send_message,
            "editmessagetext": self._edit_text,
            "editmessagereplymarkup": self._edit_markup,
            "senddocument": lambda p, f: self._send_file("document", p, f),
            "sendphoto": lambda p, f: self._send_file("photo", p, f),
            "getfile": self._get_file,
            "setwebhook": self._set_webhook,
            "deletewebhook": self._delete_webhook,
            "getwebhookinfo": lambda p, f: {"url": self.webhook_url, "has_custom_certificate": False,
                                            "pending_update_count": len(self.updates)},
            "setmycommands": self._set_commands,
            "getchat": self._get_chat,
            "getchatmember": self._get_chat_member,
        }
        self.app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self.app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)

    @property
    def base_url(self) -> str:
        """What TELEGRAM_API_URL / Bot(base_url=...) is set to; PTB appends the token."""
        return f"{self.root_url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.root_url}/file/bot"

    # test-side helpers ---------------------------------------------------------------------------

    def push_update(self, update: JSON) -> None:
        """Queue an update for getUpdates (build it with the *_update helpers)."""
        self.updates.append(update)
        self._update_pushed.set()

    def add_file(self, content: bytes, filename: str = "file.bin", mime_type: str = OCTET,
                 file_id: str | None = None) -> str:
        """Make a file downloadable via getFile + /file/bot<token>/<path>; returns its file_id."""
        fid = file_id or f"file-{next(self._file_ids)}"
        self.files[fid] = StoredFile(fid, filename, content, mime_type, f"documents/{fid}_{filename}")
        return fid

    def sent_files(self) -> list[StoredFile]:
        return list(self.files.values())

    def fail_next(self, method: str, status: int = 429, *, retry_after: int | None = None,
                  description: str | None = None, migrate_to_chat_id: int | None = None) -> None:
        """Script one error reply for `method` (429 -> retry_after, default 1; 403; 400 ...)."""
        if status == 429 and retry_after is None:
            retry_after = 1
        if description is None:
            description = (f"Too Many Requests: retry after {retry_after}" if status == 429
                           else _DESCRIPTIONS.get(status, "Bad Request"))
        body: JSON = {"ok": False, "error_code": status, "description": description}
        pairs = (("retry_after", retry_after), ("migrate_to_chat_id", migrate_to_chat_id))
        parameters = {k: v for k, v in pairs if v is not None}
        if parameters:
            body["parameters"] = parameters
        self.respond_next(method, body, status=status)

    async def _before_close(self) -> None:
        self._update_pushed.set()  # wake pending long polls so shutdown never waits on them

    # http handlers -------------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params, files = await parse_request(request)
        self.record(method, request, params, files)
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        scripted = self.pop_scripted(method)
        if scripted is not None:
            return scripted
        result: Result
        try:
            if method.lower() == "getupdates":
                result = await self._get_updates(params)
            else:
                handler = self._handlers.get(method.lower())
                result = handler(params, files) if handler else True
        except TelegramError as err:
            return _error(err.status, err.description)
        return web.json_response({"ok": True, "result": result})

    async def _handle_file(self, request: web.Request) -> web.Response:
        self.record("file", request, {"path": request.match_info["path"]})
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        for stored in self.files.values():
            if stored.file_path == request.match_info["path"]:
                return web.Response(body=stored.content, content_type=stored.mime_type)
        return _error(404, "Not Found")

    # api methods ---------------------------------------------------------------------------------

    def _new_message(self, params: JSON, **fields: Any) -> JSON:
        chat_id = _chat_id(params)
        msg: JSON = {"message_id": next(self._message_ids[chat_id]), "from": bot_user(),
                     "chat": self.chats.get(chat_id, chat(chat_id)), "date": int(time.time())}
        reply = _json_param(params, "reply_parameters") or {}
        if "message_id" in reply:
            reply_id = int(reply["message_id"])
            original = self.messages.get((chat_id, reply_id))
            msg["reply_to_message"] = original or {"message_id": reply_id, "chat": msg["chat"], "date": 0}
        msg.update(fields)
        markup = _json_param(params, "reply_markup")
        if markup and "inline_keyboard" in markup:
            msg["reply_markup"] = markup
        stored = {k: v for k, v in msg.items() if k != "reply_to_message"}
        self.messages[(chat_id, msg["message_id"])] = stored
        self.posted_at[(chat_id, msg["message_id"])] = time.monotonic()
        return msg

    def _send_message(self, params: JSON, files: dict[str, FilePart]) -> JSON:
        text = _rendered(params, "text")
        if not text.strip():
            raise TelegramError(400, "Bad Request: message text is empty")
        return self._new_message(params, text=text)

    def _edited(self, params: JSON) -> JSON | bool:
        if params.get("inline_message_id"):
            return True
        chat_id, message_id = _chat_id(params), int(params.get("message_id", 0))
        msg = self.messages.setdefault((chat_id, message_id), {
            "message_id": message_id, "from": bot_user(), "chat": self.chats.get(chat_id, chat(chat_id)),
            "date": int(time.time()), "text": ""})
        msg["edit_date"] = int(time.time())
        markup = _json_param(params, "reply_markup")
        if markup and "inline_keyboard" in markup:
            msg["reply_markup"] = markup
        else:
            msg.pop("reply_markup", None)
        return msg

    def _edit_text(self, params: JSON, files: dict[str, FilePart]) -> JSON | bool:
        result = self._edited(params)
        if isinstance(result, dict):
            result["text"] = _rendered(params, "text")
        return result

    def _edit_markup(self, params: JSON, files: dict[str, FilePart]) -> JSON | bool:
        return self._edited(params)

    def _send_file(self, kind: str, params: JSON, files: dict[str, FilePart]) -> JSON:
        part = files.get(kind)
        if part is not None:
            fid = self.add_file(part.data, part.filename or kind, part.content_type or OCTET)
        elif str(params.get(kind, "")) in self.files:
            fid = str(params[kind])
        else:
            raise TelegramError(400, "Bad Request: wrong file identifier/HTTP URL specified")
        stored = self.files[fid]
        media: Any
        if kind == "photo":
            media = [{"file_id": fid, "file_unique_id": stored.file_unique_id,
                      "file_size": len(stored.content), "width": 800, "height": 600}]
        else:
            media = {"file_name": stored.filename, "mime_type": stored.mime_type, "file_id": fid,
                     "file_unique_id": stored.file_unique_id, "file_size": len(stored.content)}
        fields: JSON = {kind: media}
        if params.get("caption"):
            fields["caption"] = _rendered(params, "caption")
        return self._new_message(params, **fields)

    def _get_file(self, params: JSON, files: dict[str, FilePart]) -> JSON:
        stored = self.files.get(str(params.get("file_id", "")))
        if stored is None:
            raise TelegramError(400, "Bad Request: invalid file_id")
        return {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
                "file_size": len(stored.content), "file_path": stored.file_path}

    def _set_webhook(self, params: JSON, files: dict[str, FilePart]) -> bool:
        self.webhook_url = str(params.get("url", ""))
        if params.get("drop_pending_updates") in ("true", "True", True):
            self.updates.clear()
        return True

    def _delete_webhook(self, params: JSON, files: dict[str, FilePart]) -> bool:
        self.webhook_url = ""
        if params.get("drop_pending_updates") in ("true", "True", True):
            self.updates.clear()
        return True

    def _set_commands(self, params: JSON, files: dict[str, FilePart]) -> bool:
        self.commands = list(_json_param(params, "commands") or [])
        return True

    def _get_chat(self, params: JSON, files: dict[str, FilePart]) -> JSON:
        chat_id = _chat_id(params)
        if chat_id in self.unknown_chats:
            raise TelegramError(400, "Bad Request: chat not found")
        gifts = {"unlimited_gifts": False, "limited_gifts": False, "unique_gifts": False,
                 "premium_subscription": False, "gifts_from_channels": False}
        return {**self.chats.get(chat_id, chat(chat_id)), "accent_color_id": 0, "max_reaction_count": 11,
                "accepted_gift_types": gifts}

    def _get_chat_member(self, params: JSON, files: dict[str, FilePart]) -> JSON:
        chat_id, user_id = _chat_id(params), int(params.get("user_id", 0))
        if chat_id in self.unknown_chats:
            raise TelegramError(400, "Bad Request: chat not found")
        member = bot_user() if user_id == BOT_ID else user(user_id, f"User{user_id}")
        if user_id == BOT_ID and chat_id in self.left_chats:
            return {"status": "left", "user": member}
        if user_id == BOT_ID:
            rights = {"can_be_edited": False, "is_anonymous": False, "can_manage_chat": False,
                      "can_delete_messages": False, "can_manage_video_chats": False, "can_restrict_members": False,
                      "can_promote_members": False, "can_change_info": False, "can_invite_users": True,
                      "can_post_stories": False, "can_edit_stories": False, "can_delete_stories": False}
            return {"status": "administrator", "user": member, **rights}
        return {"status": "member", "user": member}

    async def _get_updates(self, params: JSON) -> list[JSON]:
        if self.webhook_url:
            raise TelegramError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                     "use deleteWebhook to delete the webhook first")
        offset = int(params.get("offset") or 0)
        if offset:
            self._offset = max(self._offset, offset)
            self.updates = [u for u in self.updates if u["update_id"] >= self._offset]
        limit = int(params.get("limit") or 100)
        if not self.updates:
            self._update_pushed.clear()
            wait = min(float(params.get("timeout") or 0), MAX_POLL_WAIT)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._update_pushed.wait(), timeout=wait)
        return self.updates[:limit]


def _error(status: int, description: str) -> web.Response:
    return web.json_response({"ok": False, "error_code": status, "description": description}, status=status)


def _chat_id(params: JSON) -> int:
    raw = str(params.get("chat_id", ""))
    if not re.fullmatch(r"-?\d+", raw):
        raise TelegramError(400, "Bad Request: chat not found")
    return int(raw)


def _json_param(params: JSON, name: str) -> Any:
    value = params.get(name)
    return json.loads(value) if isinstance(value, str) and value else value


def _rendered(params: JSON, name: str) -> str:
    """The text as Telegram stores it: HTML markup is stripped when parse_mode is HTML."""
    text = str(params.get(name, ""))
    if str(params.get("parse_mode", "")).upper() == "HTML":
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return text

