"""Slack in the cross-platform tests: li shares a customer's message into the intake channel (a signed event)."""

from __future__ import annotations

import json
from typing import Any

import httpx

from bot.clock import FrozenClock

from ..fakes import BOT_TOKEN, FakeSlack
from ..fakes.signing import SIGNING_SECRET, event_callback, shared_message_event, signed_headers
from . import Driver, Everywhere

SLACK_INTAKE, SLACK_LI = "C0INTAKE", "U01LI"


async def post_share(http: httpx.AsyncClient, clock: FrozenClock, text: str, n: int) -> None:
    """li shares a customer's Slack message into the intake channel (a signed event)."""
    now = int(clock.now().timestamp())
    event = shared_message_event(SLACK_LI, SLACK_INTAKE, f"{now - 60}.{n:06d}", text, f"{now - 600}.000001",
                                 "U0CUSTOMERDESK")
    body = json.dumps(event_callback(event, event_id=f"EvCross{n}"))
    response = await http.post("/slack/events", content=body.encode(), headers=signed_headers(SIGNING_SECRET, body))
    assert response.status_code == 200


async def _forward(run: Everywhere, n: int, text: str) -> None:
    await post_share(run.http, run.clock, text, n)


def _dm(call: Any, user: str) -> str | None:
    return str(call.params.get("text")) if call.params.get("channel") == f"D{user}" else None


DRIVER = Driver("slack", FakeSlack, {"li": SLACK_LI, "zhang": "U07ZHANG", "wang": "U04WANG", "intake": SLACK_INTAKE},
                lambda fake: {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                              "SLACK_API_URL": fake.base_url},
                "chat.postMessage", _dm, _forward)
