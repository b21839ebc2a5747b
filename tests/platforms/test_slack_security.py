"""POST /slack/events refuses forged, stale and unsigned requests and stores nothing for them; a signed request it
cannot read is kept in inbound_failures and answered 200 (Slack would re-send it for ever); too big is 413."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from urllib.parse import urlencode

import pytest

from bot.clock import FrozenClock
from bot.org.model import Org
from storage.repositories.inbound import InboundFailure

from .fakes import FakeSlack
from .fakes.signing import SIGNING_SECRET, event_callback, shared_message_event, signed_headers, slash_command_form
from .slack_support import CUSTOMER_TEXT, INTAKE, LI, SlackBot, slack_bot


@pytest.fixture
async def bot(sqlite_url: str, org: Org, clock: FrozenClock, fake_slack: FakeSlack) -> AsyncIterator[SlackBot]:
    async with slack_bot(sqlite_url, org, clock, fake_slack) as running:
        yield running


def forward_body(bot: SlackBot) -> str:
    return json.dumps(event_callback(shared_message_event(LI, INTAKE, bot.ts(), CUSTOMER_TEXT, bot.ts(900), "U0D")))


async def assert_nothing_happened(bot: SlackBot, fake_slack: FakeSlack) -> None:
    await bot.app.dispatcher.drain()
    assert await bot.inquiries() == []
    async with bot.app.ctx.uow() as uow:
        assert await uow.outbox.rows() == []
    assert [c.method for c in fake_slack.calls if c.method != "auth.test"] == []


@pytest.mark.parametrize("tamper", ["wrong_signature", "stale_timestamp", "no_headers", "no_signature",
                                    "body_changed", "garbage_timestamp"])
async def test_forged_or_replayed_requests_get_401(bot: SlackBot, fake_slack: FakeSlack, tamper: str) -> None:
    body = forward_body(bot)
    headers = signed_headers(SIGNING_SECRET, body)
    if tamper == "wrong_signature":
        headers = signed_headers("someone-elses-secret", body)
    elif tamper == "stale_timestamp":
        headers = signed_headers(SIGNING_SECRET, body, timestamp=int(time.time()) - 301)
    elif tamper == "no_headers":
        headers = {"Content-Type": "application/json"}
    elif tamper == "no_signature":
        del headers["X-Slack-Signature"]
    elif tamper == "body_changed":
        body = body.replace("maria", "mario")
    elif tamper == "garbage_timestamp":
        headers["X-Slack-Request-Timestamp"] = "yesterday"

    response = await bot.http.post("/slack/events", content=body.encode(), headers=headers)

    assert response.status_code == 401
    await assert_nothing_happened(bot, fake_slack)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("{not json", "application/json"),
        ("[1, 2, 3]", "application/json"),
        ('{"event": {}}', "application/json"),
        ("payload=%7Bbroken", "application/x-www-form-urlencoded"),
        (urlencode({"payload": json.dumps(["a"])}), "application/x-www-form-urlencoded"),
        ("text=hello", "application/x-www-form-urlencoded"),
        ("just some text", "text/plain"),
    ],
    ids=["bad-json", "json-array", "no-type", "bad-payload", "payload-array", "form-without-command", "text"],
)
async def test_malformed_but_signed_bodies_are_kept_and_answered_200(
    bot: SlackBot, fake_slack: FakeSlack, body: str, content_type: str
) -> None:
    headers = signed_headers(SIGNING_SECRET, body, content_type=content_type)

    response = await bot.http.post("/slack/events", content=body.encode(), headers=headers)

    assert response.status_code == 200
    await assert_nothing_happened(bot, fake_slack)
    assert [(f.platform, f.body) for f in await kept(bot)] == [("slack", body.encode())]


async def test_a_non_utf8_body_is_refused(bot: SlackBot, fake_slack: FakeSlack) -> None:
    raw = b'{"type": "event_callback", "x": "\xff\xfe"}'
    headers = signed_headers(SIGNING_SECRET, raw.decode("latin-1"))

    response = await bot.http.post("/slack/events", content=raw, headers=headers)

    assert response.status_code in (200, 401)
    await assert_nothing_happened(bot, fake_slack)


async def test_a_signed_event_whose_fields_have_the_wrong_types_is_kept_not_500(
    bot: SlackBot, fake_slack: FakeSlack
) -> None:
    body = json.dumps({"type": "event_callback", "team_id": ["T1"], "event_id": {"x": 1},
                       "event": {"type": "message", "user": {"id": 7}, "channel": 12, "ts": [], "text": 5}})

    response = await bot.post(body)

    assert response.status_code == 200
    await assert_nothing_happened(bot, fake_slack)
    assert len(await kept(bot)) == 1


async def test_a_body_over_one_megabyte_is_413_and_nothing_is_kept(bot: SlackBot, fake_slack: FakeSlack) -> None:
    body = json.dumps({"type": "event_callback", "event": {"type": "message", "text": "x" * (1024 * 1024)}})

    declared = await bot.post(body)
    streamed = await bot.http.post("/slack/events", content=chunks(body.encode()),
                                   headers=signed_headers(SIGNING_SECRET, body))

    assert (declared.status_code, streamed.status_code) == (413, 413)
    await assert_nothing_happened(bot, fake_slack)
    assert await kept(bot) == []


async def chunks(body: bytes, size: int = 64 * 1024) -> AsyncIterator[bytes]:
    """A body sent chunked, without Content-Length: only the streamed read can stop it."""
    for start in range(0, len(body), size):
        yield body[start:start + size]


async def kept(bot: SlackBot) -> list[InboundFailure]:
    async with bot.app.ctx.uow() as uow:
        return await uow.inbound_failures.latest()


async def test_url_verification_and_a_signed_command_pass(bot: SlackBot) -> None:
    challenge = json.dumps({"token": "t", "challenge": "abc123", "type": "url_verification"})

    verified = await bot.post(challenge)
    command = await bot.post(slash_command_form(text="help", user_id=LI))

    assert verified.status_code == 200
    assert verified.json() == {"challenge": "abc123"}
    assert command.status_code == 200
    assert command.json()["response_type"] == "ephemeral"
