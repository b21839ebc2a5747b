"""The Slack tests' bot: built by bootstrap against FakeSlack, driven with signed requests through its ASGI app."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx

from bot.bootstrap import App
from bot.clock import FrozenClock
from bot.org.model import Org
from bot.rules.inquiry import Inquiry
from bot.settings import Settings
from tests.conftest import EXAMPLE_ORG

from .fakes import BOT_TOKEN, FakeSlack
from .fakes.signing import (
    SIGNING_SECRET,
    block_actions_form,
    event_callback,
    signed_headers,
    slash_command_form,
    view_submission_form,
)
from .serving import served

INTAKE = "C0INTAKE"
LI, ZHANG, ZHOU, WANG, GAO = "U01LI", "U07ZHANG", "U08ZHOU", "U04WANG", "U16GAO"
CUSTOMER_TEXT = (
    "Alibaba inquiry from Maria Silva, Empresa Ltda\n"
    "Email: maria@empresa.com.br\nWhatsApp: +55 11 98765-4321\n"
    "We need 20 units of your flow meter, please send a quote."
)


def slack_settings(database_url: str, fake: FakeSlack, **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "DATABASE_URL": database_url, "INQUIRYBOT_ORG": str(EXAMPLE_ORG), "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_URL": fake.base_url, **extra,
    }
    return Settings(_env_file=None, **values)


@dataclass
class SlackBot:
    """The app plus an HTTP client that speaks to POST /slack/events the way Slack does."""

    app: App
    http: httpx.AsyncClient
    fake: FakeSlack
    clock: FrozenClock
    _ts: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def ts(self, seconds_ago: int = 60) -> str:
        """A fresh Slack ts a little before the frozen clock's now."""
        return f"{int(self.clock.now().timestamp()) - seconds_ago}.{next(self._ts):06d}"

    async def post(self, body: str, headers: dict[str, str] | None = None) -> httpx.Response:
        signed = {**signed_headers(SIGNING_SECRET, body), **(headers or {})}
        return await self.http.post("/slack/events", content=body.encode(), headers=signed)

    async def event(self, event: dict[str, Any], *, event_id: str | None = None,
                    retry: int | None = None) -> httpx.Response:
        body = json.dumps(event_callback(event, event_id=event_id))
        extra = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} if retry else {}
        return await self.post(body, extra)

    async def command(self, user: str, text: str, channel: str = "DCMD") -> httpx.Response:
        return await self.post(slash_command_form(text=text, user_id=user, channel_id=channel))

    async def click(self, user: str, action_id: str, value: str, channel: str, ts: str) -> httpx.Response:
        message = self.fake.messages.get((channel, ts), {})
        return await self.post(block_actions_form(
            user, action_id, value, channel, ts, message_text=message.get("text", ""),
            message_blocks=message.get("blocks"), trigger_id=f"trigger-{action_id}"))

    async def submit(self, user: str, callback_id: str, values: dict[str, Any], metadata: str) -> httpx.Response:
        return await self.post(view_submission_form(user, callback_id, values, private_metadata=metadata))

    async def inquiries(self) -> list[Inquiry]:
        async with self.app.ctx.uow() as uow:
            return await uow.inquiries.list()

    async def recorded_dm(self, user: str, timeout: float = 5.0) -> tuple[str, str, dict[str, Any]]:  # noqa: ASYNC109
        """The DM with buttons to `user` once the bot has recorded it as sent: only then does a reply in its
        thread find the inquiry. Slack (the fake) sees the post before the dispatcher commits what it got
        back, so waiting for the post alone races the commit. AssertionError after `timeout` s."""
        deadline = time.monotonic() + timeout
        while True:
            dm = find_dm_with_buttons(self.fake, user)
            if dm is not None:
                async with self.app.ctx.uow() as uow:
                    if await uow.sent.find("slack", dm[0], dm[1]) is not None:
                        return dm
            if time.monotonic() >= deadline:
                raise AssertionError(f"no recorded DM with buttons to {user} within {timeout}s; "
                                     f"messages: {list(self.fake.messages)}")
            await asyncio.sleep(0.01)

    def posts(self, channel: str) -> list[Any]:
        return [c for c in self.fake.called("chat.postMessage") if c.params.get("channel") == channel]


@contextlib.asynccontextmanager
async def slack_bot(
    database_url: str, org: Org, clock: FrozenClock, fake: FakeSlack, **extra: Any
) -> AsyncIterator[SlackBot]:
    """The whole bot as `inquirybot serve` runs it (lifespan with the dispatcher, no scheduler)."""
    async with served(slack_settings(database_url, fake, **extra), clock, org) as (app, http):
        yield SlackBot(app, http, fake, clock)


def dm_with_buttons(fake: FakeSlack, user: str) -> tuple[str, str, dict[str, Any]]:
    """The DM the bot posted to `user`: (channel, ts, message as the fake stored it)."""
    found = find_dm_with_buttons(fake, user)
    if found is None:
        raise AssertionError(f"no DM with buttons to {user}; messages: {list(fake.messages)}")
    return found


def find_dm_with_buttons(fake: FakeSlack, user: str) -> tuple[str, str, dict[str, Any]] | None:
    channel = "D" + user
    for (chat, ts), message in fake.messages.items():
        if chat == channel and any(b.get("type") == "actions" for b in message.get("blocks", [])):
            return chat, ts, message
    return None


def action_ids(message: dict[str, Any]) -> list[str]:
    return [e["action_id"] for b in message.get("blocks", []) if b.get("type") == "actions" for e in b["elements"]]
