"""Inbound Feishu traffic for tests: event subscription v2 payloads, encrypted and signed exactly as Feishu does.

- Encrypt Key set: the body is `{"encrypt": base64(iv + AES-256-CBC(PKCS7(json)))}` with key = SHA256(encrypt key),
  and the headers carry X-Lark-Request-Timestamp, X-Lark-Request-Nonce and
  X-Lark-Signature = sha256_hex(timestamp + nonce + encrypt key + body).
- No Encrypt Key: the plain JSON body; the verification token in `header.token` (v2) or `token`
  (url_verification) is the only proof.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import os
import secrets
import time
import uuid
from dataclasses import dataclass
from typing import Any

from Crypto.Cipher import AES

from .feishu import APP_ID, TENANT_KEY

VERIFICATION_TOKEN = "test-feishu-verification-token"
ENCRYPT_KEY = "test-feishu-encrypt-key"

JSON = dict[str, Any]
_counter = itertools.count(1)


def encrypt(encrypt_key: str, plaintext: str) -> str:
    """Feishu's event encryption: AES-256-CBC, key SHA256(encrypt key), random IV prefixed, PKCS7, base64."""
    key = hashlib.sha256(encrypt_key.encode()).digest()
    iv = os.urandom(AES.block_size)
    data = plaintext.encode()
    pad = AES.block_size - len(data) % AES.block_size
    cipher = AES.new(key, AES.MODE_CBC, iv)
    return base64.b64encode(iv + cipher.encrypt(data + bytes([pad]) * pad)).decode()


def signature(timestamp: str, nonce: str, encrypt_key: str, body: bytes) -> str:
    return hashlib.sha256((timestamp + nonce + encrypt_key).encode() + body).hexdigest()


@dataclass(frozen=True)
class Signed:
    body: bytes
    headers: dict[str, str]


@dataclass(frozen=True)
class FeishuSender:
    """Posts events as the open platform would for one app: `encrypt_key=""` is plain mode."""

    verification_token: str = VERIFICATION_TOKEN
    encrypt_key: str = ENCRYPT_KEY

    def sign(self, payload: JSON, *, timestamp: int | None = None, nonce: str | None = None) -> Signed:
        """The HTTP body and headers Feishu sends for `payload` (signed only when an Encrypt Key is set)."""
        plain = json.dumps(payload, ensure_ascii=False)
        headers = {"Content-Type": "application/json; charset=utf-8", "X-Request-Id": uuid.uuid4().hex}
        if not self.encrypt_key:
            return Signed(plain.encode(), headers)
        body = json.dumps({"encrypt": encrypt(self.encrypt_key, plain)}).encode()
        ts = str(int(time.time()) if timestamp is None else timestamp)
        once = nonce or secrets.token_hex(8)
        headers |= {"X-Lark-Request-Timestamp": ts, "X-Lark-Request-Nonce": once,
                    "X-Lark-Signature": signature(ts, once, self.encrypt_key, body)}
        return Signed(body, headers)

    def envelope(self, event_type: str, event: JSON, *, event_id: str | None = None,
                 create_time: int | None = None) -> JSON:
        """The v2 (`schema: "2.0"`) envelope around one event."""
        return {
            "schema": "2.0",
            "header": {
                "event_id": event_id or uuid.uuid4().hex, "event_type": event_type,
                "create_time": str(create_time or int(time.time() * 1000)), "token": self.verification_token,
                "app_id": APP_ID, "tenant_key": TENANT_KEY,
            },
            "event": event,
        }

    def url_verification(self, challenge: str | None = None) -> JSON:
        return {"challenge": challenge or uuid.uuid4().hex, "token": self.verification_token,
                "type": "url_verification"}

    def message(self, chat_id: str, open_id: str, text: str | None = None, **fields: Any) -> JSON:
        """An im.message.receive_v1 event in its envelope (see `message_event` for the fields)."""
        event_id = fields.pop("event_id", None)
        return self.envelope("im.message.receive_v1", message_event(chat_id, open_id, text, **fields),
                             event_id=event_id)

    def card_action(self, open_id: str, value: JSON, *, message_id: str, chat_id: str, option: str | None = None,
                    event_id: str | None = None) -> JSON:
        """A card.action.trigger callback: a button (or, with `option`, a select) pressed on a card."""
        action: JSON = {"value": value, "tag": "select_static" if option is not None else "button"}
        if option is not None:
            action["option"] = option
        event = {
            "operator": {"tenant_key": TENANT_KEY, "open_id": open_id, "user_id": f"u{open_id[-6:]}",
                         "union_id": f"on_{open_id[3:]}"},
            "token": f"c-{uuid.uuid4().hex}", "action": action, "host": "im_message",
            "context": {"open_message_id": message_id, "open_chat_id": chat_id},
        }
        return self.envelope("card.action.trigger", event, event_id=event_id)


def message_event(
    chat_id: str, open_id: str, text: str | None = None, *, msg_type: str = "text", content: JSON | None = None,
    chat_type: str = "group", message_id: str | None = None, parent_id: str | None = None,
    root_id: str | None = None, create_time: int | None = None, mentions: list[JSON] | None = None,
) -> JSON:
    """The `event` of im.message.receive_v1: who sent what where; `content` is a JSON string as Feishu sends it."""
    body = content if content is not None else {"text": text or ""}
    message: JSON = {
        "message_id": message_id or f"om_{next(_counter):04d}{uuid.uuid4().hex[:24]}",
        "create_time": str(create_time or int(time.time() * 1000)),
        "update_time": str(create_time or int(time.time() * 1000)),
        "chat_id": chat_id, "chat_type": chat_type, "message_type": msg_type,
        "content": json.dumps(body, ensure_ascii=False),
    }
    if parent_id:
        message["parent_id"], message["root_id"] = parent_id, root_id or parent_id
    if mentions:
        message["mentions"] = mentions
    return {
        "sender": {"sender_id": {"open_id": open_id, "user_id": f"u{open_id[-6:]}", "union_id": f"on_{open_id[3:]}"},
                   "sender_type": "user", "tenant_key": TENANT_KEY},
        "message": message,
    }


MERGED_CONTENT = {"content": "Merged and Forwarded Message"}
