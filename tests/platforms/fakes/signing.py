"""Inbound Slack traffic for tests: signed headers (the real algorithm) and realistic payload builders."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import time
import uuid
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from .slack import APP_ID, BOT_ID, BOT_USER_ID, TEAM_ID, WORKSPACE_URL

SIGNING_SECRET = "test-signing-secret"
UNREACHABLE_URL = "http://127.0.0.1:9/response/unset"  # discard port: refused at once, never leaves the host

_event_ids = itertools.count(1)


def signed_headers(
    secret: str, body: bytes | str, timestamp: int | None = None, content_type: str | None = None
) -> dict[str, str]:
    """X-Slack-Signature/-Request-Timestamp for `body`; Content-Type guessed (JSON if it starts with "{")."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    text = body.decode() if isinstance(body, bytes) else body
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=text)
    assert signature is not None
    if content_type is None:
        is_json = text.lstrip().startswith("{")
        content_type = "application/json" if is_json else "application/x-www-form-urlencoded"
    return {"Content-Type": content_type, "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature}


def rich_text(text: str, block_id: str = "rt1") -> list[dict[str, Any]]:
    """The `blocks` Slack attaches to a plain user message."""
    section = {"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}
    return [{"type": "rich_text", "block_id": block_id, "elements": [section]}]


def permalink(channel: str, ts: str) -> str:
    return f"{WORKSPACE_URL}archives/{channel}/p{ts.replace('.', '')}"


# Events API -------------------------------------------------------------------------------------


def event_callback(
    event: dict[str, Any], event_id: str | None = None, team_id: str = TEAM_ID, event_time: int | None = None
) -> dict[str, Any]:
    """The Events API envelope (HTTP body or Socket Mode payload) around one event."""
    return {
        "token": "verification-token", "team_id": team_id, "context_team_id": team_id,
        "context_enterprise_id": None, "api_app_id": APP_ID, "event": event, "type": "event_callback",
        "event_id": event_id or f"Ev{next(_event_ids):010d}",
        "event_time": event_time if event_time is not None else int(float(event.get("ts", time.time()))),
        "authorizations": [{
            "enterprise_id": None, "team_id": team_id, "user_id": BOT_USER_ID, "is_bot": True,
            "is_enterprise_install": False,
        }],
        "is_ext_shared_channel": False,
    }


def message_event(
    user: str, channel: str, text: str, ts: str, *, thread_ts: str | None = None,
    channel_type: str = "channel", team: str = TEAM_ID, **extra: Any,
) -> dict[str, Any]:
    """A plain user message (no subtype). `extra` adds or overrides fields (subtype, files, bot_id...)."""
    event: dict[str, Any] = {
        "user": user, "type": "message", "ts": ts, "client_msg_id": str(uuid.uuid4()), "text": text,
        "team": team, "blocks": rich_text(text), "channel": channel, "event_ts": ts,
        "channel_type": channel_type,
    }
    if thread_ts is not None:
        event["thread_ts"] = thread_ts
    event.update(extra)
    return event


def shared_message_event(
    user: str, channel: str, ts: str, original_text: str, original_ts: str, author_id: str, *,
    text: str = "", original_channel: str = "C0SOURCE", author_name: str = "author",
    team: str = TEAM_ID, channel_type: str = "channel",
) -> dict[str, Any]:
    """A "Forward"/"Share message" event: no subtype, `text` is the comment ("" if none), original in
    attachments[0] (shape of slack-web golden forwarded_message.json / share_with_message.json)."""
    attachment = {
        "ts": original_ts, "author_id": author_id, "channel_id": original_channel, "channel_team": team,
        "is_msg_unfurl": True,
        "message_blocks": [{
            "team": team, "channel": original_channel, "ts": original_ts,
            "message": {"blocks": rich_text(original_text, "orig1")},
        }],
        "color": "D0D0D0", "from_url": permalink(original_channel, original_ts), "is_share": True,
        "fallback": f"[{_slack_date(original_ts)}] {author_name}: {original_text}", "text": original_text,
        "author_name": author_name, "author_link": f"{WORKSPACE_URL}team/{author_id}",
        "author_icon": "https://avatars.example.com/author_48.png", "author_subname": author_name,
        "mrkdwn_in": ["text"], "footer": "Slack Conversation",
    }
    event: dict[str, Any] = {"user": user, "type": "message", "ts": ts, "text": text, "team": team,
                             "attachments": [attachment]}
    if text:
        event["blocks"] = rich_text(text)
    event.update({"channel": channel, "event_ts": ts, "channel_type": channel_type})
    return event


def message_changed_event(before: dict[str, Any], event_ts: str, **changes: Any) -> dict[str, Any]:
    """The hidden `message_changed` event for an edit of `before` (a message event as delivered): `message` is
    the message as it is now, with `edited`; pass changes=text=... (or subtype="tombstone" via tombstone_event)."""
    now = {k: v for k, v in before.items() if k not in ("channel", "event_ts", "channel_type", "client_msg_id")}
    now.update(changes)
    if "text" in changes and "blocks" in before:
        now["blocks"] = rich_text(str(changes["text"]))
    now.setdefault("edited", {"user": before.get("user"), "ts": event_ts})
    previous = {k: v for k, v in before.items() if k not in ("channel", "event_ts", "channel_type")}
    return {"type": "message", "subtype": "message_changed", "message": now, "previous_message": previous,
            "channel": before["channel"], "hidden": True, "ts": event_ts, "event_ts": event_ts,
            "channel_type": before.get("channel_type", "channel")}


def tombstone_event(before: dict[str, Any], event_ts: str) -> dict[str, Any]:
    """What Slack sends when a message that has thread replies is deleted: a `message_changed` whose message is
    the "This message was deleted." tombstone (shape as logged by slack-edge and matterbridge)."""
    ts = before["ts"]
    tombstone = {"type": "message", "subtype": "tombstone", "text": "This message was deleted.", "user": "USLACKBOT",
                 "hidden": True, "ts": ts, "thread_ts": ts, "parent_user_id": "USLACKBOT", "reply_count": 1,
                 "reply_users_count": 1, "latest_reply": event_ts, "reply_users": [BOT_USER_ID], "is_locked": False,
                 "subscribed": False}
    previous = {k: v for k, v in before.items() if k not in ("channel", "event_ts", "channel_type")}
    return {"type": "message", "subtype": "message_changed", "message": tombstone, "previous_message": previous,
            "channel": before["channel"], "hidden": True, "ts": event_ts, "event_ts": event_ts,
            "channel_type": before.get("channel_type", "channel")}


def message_deleted_event(before: dict[str, Any], event_ts: str) -> dict[str, Any]:
    """The hidden `message_deleted` event (no user: Slack does not say who deleted it)."""
    previous = {k: v for k, v in before.items() if k not in ("channel", "event_ts", "channel_type")}
    return {"type": "message", "subtype": "message_deleted", "hidden": True, "deleted_ts": before["ts"],
            "channel": before["channel"], "previous_message": previous, "event_ts": event_ts, "ts": event_ts,
            "channel_type": before.get("channel_type", "channel")}


def _slack_date(ts: str) -> str:
    """'August 29th, 2024 10:24 AM', as in the share fallback (rendered in UTC here)."""
    moment = dt.datetime.fromtimestamp(float(ts), tz=dt.UTC)
    day = moment.day
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    hour = moment.hour % 12 or 12
    return f"{moment:%B} {day}{suffix}, {moment.year} {hour}:{moment:%M %p}"


# Slash commands and interactivity ---------------------------------------------------------------


def slash_command_payload(
    command: str = "/inq", text: str = "", user_id: str = "U1", channel_id: str = "C1", *,
    response_url: str = UNREACHABLE_URL, trigger_id: str = "trigger-1", team_id: str = TEAM_ID,
    user_name: str | None = None, channel_name: str | None = None,
) -> dict[str, str]:
    """The fields Slack sends for a slash command (form body in HTTP mode, dict in Socket Mode)."""
    return {
        "token": "verification-token", "team_id": team_id, "team_domain": "fake", "channel_id": channel_id,
        "channel_name": channel_name or channel_id.lower(), "user_id": user_id,
        "user_name": user_name or user_id.lower(), "command": command, "text": text, "api_app_id": APP_ID,
        "is_enterprise_install": "false", "response_url": response_url, "trigger_id": trigger_id,
    }


def slash_command_form(command: str = "/inq", text: str = "", user_id: str = "U1", channel_id: str = "C1",
                       **kwargs: Any) -> str:
    """urlencoded HTTP body of a slash command; kwargs as for slash_command_payload."""
    return urlencode(slash_command_payload(command, text, user_id, channel_id, **kwargs))


def block_actions_payload(
    user_id: str, action_id: str, value: str, channel_id: str, message_ts: str, *,
    block_id: str = "actions", response_url: str = UNREACHABLE_URL, trigger_id: str = "trigger-1",
    message_text: str = "", message_blocks: list[dict[str, Any]] | None = None, button_text: str = "Button",
    team_id: str = TEAM_ID, state_values: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A button click on a message the bot posted."""
    action = {
        "action_id": action_id, "block_id": block_id, "text": {"type": "plain_text", "text": button_text},
        "value": value, "type": "button", "action_ts": f"{time.time():.6f}",
    }
    message = {"type": "message", "user": BOT_USER_ID, "bot_id": BOT_ID, "app_id": APP_ID, "ts": message_ts,
               "text": message_text, "team": team_id, "blocks": message_blocks or []}
    return {
        "type": "block_actions", "user": _user(user_id, team_id), "api_app_id": APP_ID,
        "token": "verification-token",
        "container": {
            "type": "message", "message_ts": message_ts, "channel_id": channel_id, "is_ephemeral": False,
        },
        "trigger_id": trigger_id, "team": {"id": team_id, "domain": "fake"}, "enterprise": None,
        "is_enterprise_install": False, "channel": {"id": channel_id, "name": channel_id.lower()},
        "message": message, "state": {"values": state_values or {}}, "response_url": response_url,
        "actions": [action],
    }


def block_actions_form(user_id: str, action_id: str, value: str, channel_id: str, message_ts: str,
                       **kwargs: Any) -> str:
    """urlencoded `payload=<json>` HTTP body of a button click; kwargs as for block_actions_payload."""
    payload = block_actions_payload(user_id, action_id, value, channel_id, message_ts, **kwargs)
    return urlencode({"payload": json.dumps(payload)})


def view_submission_payload(
    user_id: str, callback_id: str, values: dict[str, dict[str, Any]], *, private_metadata: str = "",
    view_id: str = "V1", trigger_id: str = "trigger-1", team_id: str = TEAM_ID,
) -> dict[str, Any]:
    """A modal submit; `values` is view.state.values: {block_id: {action_id: {"type": ..., "value": ...}}}."""
    view = {
        "id": view_id, "team_id": team_id, "type": "modal", "callback_id": callback_id,
        "private_metadata": private_metadata, "state": {"values": values}, "hash": "1.fakehash",
        "title": {"type": "plain_text", "text": "Modal"}, "blocks": [], "app_id": APP_ID, "bot_id": BOT_ID,
    }
    return {
        "type": "view_submission", "team": {"id": team_id, "domain": "fake"}, "user": _user(user_id, team_id),
        "api_app_id": APP_ID, "token": "verification-token", "trigger_id": trigger_id, "view": view,
        "response_urls": [], "is_enterprise_install": False, "enterprise": None,
    }


def view_submission_form(
    user_id: str, callback_id: str, values: dict[str, dict[str, Any]], **kwargs: Any
) -> str:
    """urlencoded `payload=<json>` HTTP body of a modal submit; kwargs as for view_submission_payload."""
    return urlencode({"payload": json.dumps(view_submission_payload(user_id, callback_id, values, **kwargs))})


def _user(user_id: str, team_id: str) -> dict[str, str]:
    return {"id": user_id, "username": user_id.lower(), "name": user_id.lower(), "team_id": team_id}


# Socket Mode envelopes (for FakeSlack.socket_send) ----------------------------------------------


def events_api_envelope(
    payload: dict[str, Any], *, envelope_id: str | None = None, retry_attempt: int = 0, retry_reason: str = ""
) -> dict[str, Any]:
    return {
        "envelope_id": envelope_id or str(uuid.uuid4()), "payload": payload, "type": "events_api",
        "accepts_response_payload": False, "retry_attempt": retry_attempt, "retry_reason": retry_reason,
    }


def slash_commands_envelope(payload: dict[str, Any], *, envelope_id: str | None = None) -> dict[str, Any]:
    return {"envelope_id": envelope_id or str(uuid.uuid4()), "payload": payload, "type": "slash_commands",
            "accepts_response_payload": True}


def interactive_envelope(payload: dict[str, Any], *, envelope_id: str | None = None) -> dict[str, Any]:
    accepts = payload.get("type") in ("view_submission", "block_suggestion")
    return {"envelope_id": envelope_id or str(uuid.uuid4()), "payload": payload, "type": "interactive",
            "accepts_response_payload": accepts}
