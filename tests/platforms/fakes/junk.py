"""Correctly signed but malformed inbound requests, reproducible from a seed: Slack events, slash commands and
interactivity, and Telegram updates, each taken from a realistic body and broken one way or several (wrong
types, missing fields, deep nesting, bad JSON, bad form encoding, unicode junk)."""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode as _urlencode

from .signing import (
    SIGNING_SECRET,
    block_actions_payload,
    event_callback,
    message_event,
    shared_message_event,
    signed_headers,
    slash_command_payload,
    view_submission_payload,
)
from .telegram_updates import (
    callback_query_update,
    command_update,
    edited_message_update,
    forwarded_message_update,
    message,
    origin_user,
    text_message_update,
)

SLACK_PATH = "/slack/events"
TELEGRAM_PATH = "/telegram/webhook"
TELEGRAM_SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"

MAX_JUNK = 900_000
JUNK_TEXT = [
    "", " ", "\u0000", "\u202e\u0645\u0631\u062d\u0628\u0627", "\u200b\u200d\ufeff", "\U0001f4a9" * 40, "\ud800",
    "\udfff\ud83d", "Z\u0351\u0352\u0353\u0354" * 30, "%00%FF%zz", "<script>", "' OR 1=1 --", "\\x00\\u0000",
    "\u4e2d\u6587" * 500, "9" * 400, "-1", "1e309", "NaN", "null", "true", "[]", "{}",
]
JUNK_JSON = [None, True, False, 0, -1, 2**70, 1.5e308, -0.0, "", [], {}, [[[]]], {"a": {"b": {}}}, "x" * 5000]
KEYS = ["type", "event", "user", "channel", "ts", "text", "team", "actions", "view", "container", "message",
        "callback_id", "value", "action_id", "state", "values", "update_id", "chat", "from", "id", "date",
        "forward_origin", "callback_query", "data", "reply_to_message", "entities", "edited_message"]


def urlencode(fields: dict[str, Any]) -> str:
    """A form body; lone surrogates are percent-encoded as the bytes they would be (invalid UTF-8 on purpose)."""
    return _urlencode(fields, encoding="utf-8", errors="surrogatepass")


@dataclass(frozen=True)
class Junk:
    platform: str
    kind: str
    path: str
    body: bytes
    headers: dict[str, str]


def deep(depth: int, leaf: Any = 1) -> Any:
    value = leaf
    for index in range(depth):
        value = [value] if index % 2 else {"a": value}
    return value


def junk_value(rng: random.Random) -> Any:
    roll = rng.random()
    if roll < 0.45:
        return copy.deepcopy(rng.choice(JUNK_JSON))  # a fresh [] or {}: mutating one must not make a cycle
    if roll < 0.85:
        return rng.choice(JUNK_TEXT)
    return deep(rng.randint(10, 300), copy.deepcopy(rng.choice(JUNK_JSON)))


def _containers(value: Any, found: list[Any]) -> None:
    if isinstance(value, dict | list):
        found.append(value)
        for child in value.values() if isinstance(value, dict) else value:
            _containers(child, found)


def mutate(value: Any, rng: random.Random, times: int) -> Any:
    """Change `times` random places: replace a field by junk, drop it, add a strange one, or wrap it deep."""
    for _ in range(times):
        spots: list[Any] = []
        _containers(value, spots)
        if not spots:
            return junk_value(rng)
        spot = rng.choice(spots)
        keys = list(spot.keys()) if isinstance(spot, dict) else list(range(len(spot)))
        action = rng.random()
        if not keys or action < 0.15:
            if isinstance(spot, dict):
                spot[rng.choice([*KEYS, rng.choice(JUNK_TEXT)])] = junk_value(rng)
            else:
                spot.append(junk_value(rng))
        elif action < 0.35:
            del spot[rng.choice(keys)]
        elif action < 0.45:
            key = rng.choice(keys)
            spot[key] = deep(rng.randint(2, 60), spot[key])
        else:
            spot[rng.choice(keys)] = junk_value(rng)
    return value


def bad_json_text(text: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.3:
        return text[: rng.randint(0, max(0, len(text) - 1))]  # cut short
    if roll < 0.5:
        at = rng.randint(0, len(text))
        return text[:at] + rng.choice(["}", "]", ",", ":", "\"", "\\", "\u0000", "'", "NaN", "\\ud800"]) + text[at:]
    if roll < 0.65:
        depth = rng.choice([50, 1000, 20000, 100000])
        return "[" * depth + "]" * depth if rng.random() < 0.5 else "[" * depth  # nesting, closed or not
    if roll < 0.8:
        return rng.choice(["", "null", "1", "\"text\"", "[1,2]", "true", "{\"type\": null}", "{\"type\": 5}"])
    return text.replace("\"", "'", rng.randint(1, 5))


def _slack_event(rng: random.Random, people: list[str], channel: str) -> dict[str, Any]:
    ts = f"{1_700_000_000 + rng.randint(0, 10**6)}.{rng.randint(0, 999999):06d}"
    user = rng.choice(people)
    if rng.random() < 0.5:
        event = shared_message_event(user, channel, ts, rng.choice(JUNK_TEXT) + " need 5 XRF, a@b.pe", ts, "U0D")
    else:
        event = message_event(user, channel, rng.choice(JUNK_TEXT), ts)
    return event_callback(event)


def slack_json(rng: random.Random, people: list[str], channel: str) -> tuple[str, str]:
    body = _slack_event(rng, people, channel)
    if rng.random() < 0.3:
        return "event-bad-json", bad_json_text(json.dumps(body), rng)
    return "event-mutated", json.dumps(mutate(body, rng, rng.randint(1, 4)))


def slack_command(rng: random.Random, people: list[str], channel: str) -> tuple[str, str]:
    fields: dict[str, Any] = slash_command_payload(text=rng.choice(["mine", "help", "ack X", "show 1", "new x"]),
                                                   user_id=rng.choice(people), channel_id=channel)
    roll = rng.random()
    if roll < 0.4:
        for key in rng.sample(sorted(fields), rng.randint(1, 5)):
            fields[key] = rng.choice(JUNK_TEXT) if rng.random() < 0.7 else str(junk_value(rng))
        return "command-fields", urlencode(fields)
    if roll < 0.6:
        for key in rng.sample(sorted(fields), rng.randint(1, 8)):
            del fields[key]
        fields.setdefault("command", "/inq")
        return "command-missing", urlencode(fields)
    text = urlencode(fields)
    breakers = ["%", "%Z", "%zz", "&&&", "==", "=&=", "+%FF%FE", "%C3%28", "%ED%A0%80", ";", "\u0000"]
    at = rng.randint(0, len(text))
    return "command-bad-form", text[:at] + rng.choice(breakers) + text[at:]


def slack_interactive(rng: random.Random, people: list[str], channel: str) -> tuple[str, str]:
    user = rng.choice(people)
    ts = f"{1_700_000_000 + rng.randint(0, 10**6)}.000100"
    if rng.random() < 0.5:
        action = rng.choice(["ack", "followup", "reassign", "won", "lost", "grey", "keep", "junk"])
        payload = block_actions_payload(user, f"{action}:{rng.randint(0, 3)}", f"SH-2026-{rng.randint(0, 99):04d}",
                                        channel, ts)
    else:
        callback = rng.choice(["inq:won", "inq:lost", "inq:grey", "inq:change_region", "inq:x", "other"])
        payload = view_submission_payload(user, callback, {"b": {"a": {"type": "plain_text_input", "value": "1"}}},
                                          private_metadata=rng.choice(["", "{}", "{\"value\": 3}", "[1]", "{bad"]))
    if rng.random() < 0.25:
        return "interactive-bad-json", urlencode({"payload": bad_json_text(json.dumps(payload), rng)})
    return "interactive-mutated", urlencode({"payload": json.dumps(mutate(payload, rng, rng.randint(1, 4)))})


def telegram_update(rng: random.Random, people: list[int], chat_id: int, update_id: int) -> tuple[str, bytes]:
    user = rng.choice(people)
    choices: list[Callable[[], dict[str, Any]]] = [
        lambda: forwarded_message_update(update_id, chat_id, user, "Need 3 XRF, a@b.pe " + rng.choice(JUNK_TEXT),
                                         message_id=rng.randint(1, 10**6), origin=origin_user(9001)),
        lambda: command_update(rng.choice(["/inq mine", "/start", "/inq ack 1", "/inq new x"]), update_id,
                               chat_id=user, from_id=user),
        lambda: text_message_update(update_id, chat_id, user, rng.choice(JUNK_TEXT) or "hi"),
        lambda: callback_query_update(update_id, user, rng.choice(["ack:SH-2026-0001", "x", "", ":::"]),
                                      message(user, user, 5, text="hi")),
        lambda: edited_message_update(update_id, message(chat_id, user, 7, text="old"), 1_700_000_100,
                                      text=rng.choice(JUNK_TEXT)),
    ]
    body = rng.choice(choices)()
    roll = rng.random()
    if roll < 0.25:
        return "update-bad-json", bad_json_text(json.dumps(body), rng).encode("utf-8", "surrogatepass")
    if roll < 0.32:
        return "update-bad-bytes", json.dumps(body).encode()[: rng.randint(5, 60)] + bytes(rng.randbytes(8))
    mutated = mutate(body, rng, rng.randint(1, 4))
    if isinstance(mutated, dict) and rng.random() < 0.7:
        mutated["update_id"] = update_id  # mostly keep the update readable as one, so the handlers meet the junk
    return "update-mutated", json.dumps(mutated).encode("utf-8", "surrogatepass")


def malformed_requests(seed: int, count: int, *, slack_people: list[str], slack_channel: str,
                       telegram_people: list[int], telegram_chat: int, telegram_secret: str,
                       first_update_id: int = 10_000_000) -> Iterator[Junk]:
    """`count` requests, a quarter of each kind: Slack events, commands, interactivity; Telegram updates."""
    rng = random.Random(seed)
    for index in range(count):
        which = index % 4
        if which == 3:
            kind, raw = telegram_update(rng, telegram_people, telegram_chat, first_update_id + index)
            raw = raw[:MAX_JUNK]
            headers = {TELEGRAM_SECRET_HEADER: telegram_secret, "Content-Type": "application/json"}
            yield Junk("telegram", kind, TELEGRAM_PATH, raw, headers)
            continue
        maker = (slack_json, slack_command, slack_interactive)[which]
        kind, text = maker(rng, slack_people, slack_channel)
        raw = text.encode("utf-8", "surrogatepass")
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:  # Slack signs UTF-8 text; a lone surrogate is sent escaped instead
            raw = text.encode("utf-8", "backslashreplace")
        raw = raw[:MAX_JUNK]  # bigger is refused with 413 before it is read (tested on its own)
        content_type = "application/json" if maker is slack_json else "application/x-www-form-urlencoded"
        yield Junk("slack", kind, SLACK_PATH, raw, signed_headers(SIGNING_SECRET, raw, content_type=content_type))
