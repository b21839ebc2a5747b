"""Issue 11 item 8: every verified Slack request the bot has no use for is answered 200 (Slack shows nobody an
error and does not retry) and logged once at DEBUG; an unsigned one still gets 401."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlencode

import pytest

from bot.clock import FrozenClock
from bot.org.model import Org

from .fakes import FakeSlack
from .fakes.signing import (
    block_actions_form,
    event_callback,
    message_event,
    slash_command_form,
    view_submission_payload,
)
from .fakes.slack import APP_ID, TEAM_ID
from .slack_support import INTAKE, LI, SlackBot, slack_bot

USER = {"id": LI, "username": "li", "name": "li", "team_id": TEAM_ID}
TEAM = {"id": TEAM_ID, "domain": "fake"}


@pytest.fixture
async def bot(sqlite_url: str, org: Org, clock: FrozenClock, fake_slack: FakeSlack) -> AsyncIterator[SlackBot]:
    async with slack_bot(sqlite_url, org, clock, fake_slack) as running:
        yield running


def interactive(payload: dict[str, Any]) -> str:
    return urlencode({"payload": json.dumps(payload)})


def events(ts: str) -> dict[str, dict[str, Any]]:
    """Events the app may be subscribed to but does not handle (shapes from api.slack.com/events)."""
    mention = message_event(LI, INTAKE, f"<@U0BOT> can you look at this? {ts}", ts)
    mention["type"] = "app_mention"
    return {
        "app_mention": mention,
        "member_joined_channel": {"type": "member_joined_channel", "user": LI, "channel": INTAKE,
                                  "channel_type": "C", "team": TEAM_ID, "inviter": "U04WANG", "event_ts": ts},
        "reaction_added": {"type": "reaction_added", "user": LI, "reaction": "eyes", "item_user": LI,
                           "item": {"type": "message", "channel": INTAKE, "ts": ts}, "event_ts": ts},
    }


def interactions(ts: str) -> dict[str, str]:
    """Interactivity payloads for things that are not ours: shortcuts, an unknown button, a closed modal."""
    closed = view_submission_payload(LI, "someone_elses_modal", {})
    closed.update({"type": "view_closed", "is_cleared": False})
    return {
        "shortcut": interactive({"type": "shortcut", "token": "verification-token", "action_ts": ts, "team": TEAM,
                                 "user": USER, "callback_id": "other_apps_shortcut", "trigger_id": "t-1"}),
        "message_action": interactive({
            "type": "message_action", "token": "verification-token", "action_ts": ts, "team": TEAM, "user": USER,
            "channel": {"id": INTAKE, "name": "intake"}, "callback_id": "unknown_message_shortcut",
            "trigger_id": "t-2", "message_ts": ts, "response_url": "http://127.0.0.1:9/r",
            "message": {"type": "message", "user": LI, "ts": ts, "text": "hello"}}),
        "block_actions": block_actions_form(LI, "some_other_apps_button", "x", INTAKE, ts),
        "view_closed": interactive({**closed, "api_app_id": APP_ID}),
        "slash_command": slash_command_form(command="/weather", text="shanghai", user_id=LI),
    }


async def test_every_verified_request_the_bot_does_not_handle_gets_200_and_one_debug_line(
    bot: SlackBot, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    ts = bot.ts()
    bodies = {name: json.dumps(event_callback(e, event_id=f"Ev-{name}")) for name, e in events(ts).items()}
    bodies.update(interactions(ts))
    caplog.set_level(logging.DEBUG, logger="bot.handlers.slack")
    caplog.set_level(logging.DEBUG, logger="slack_bolt")

    statuses = {name: (await bot.post(body)).status_code for name, body in bodies.items()}
    retried = await bot.post(bodies["app_mention"], {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "timeout"})

    assert statuses == dict.fromkeys(bodies, 200)
    assert retried.status_code == 200
    ours = [r for r in caplog.records if r.name == "bot.handlers.slack" and "not handled" in r.getMessage()]
    assert [r.levelno for r in ours] == [logging.DEBUG] * len(bodies)  # the retry added no line
    assert any("event_callback/app_mention" in r.getMessage() for r in ours)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    await bot.app.dispatcher.drain()
    assert await bot.inquiries() == []
    assert fake_slack.called("chat.postMessage") == []


async def test_an_unsigned_app_mention_still_gets_401(bot: SlackBot) -> None:
    body = json.dumps(event_callback(events(bot.ts())["app_mention"]))

    response = await bot.http.post("/slack/events", content=body.encode(),
                                   headers={"Content-Type": "application/json"})

    assert response.status_code == 401
