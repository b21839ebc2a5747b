"""Issue 5, item 6: Slack and Telegram at once. Each reader is reached where they are (prefer, then the
inquiry's platform, then Slack, then Telegram), whichever platform the inquiry came in on."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from bot.bootstrap import App
from bot.clock import FrozenClock
from bot.org.model import Org
from bot.settings import Settings
from tests.conftest import EXAMPLE_ORG

from .drivers.slack import post_share
from .drivers.telegram import forwarded, post_update
from .fakes import BOT_TOKEN, TELEGRAM_TOKEN, FakeSlack, FakeTelegram
from .fakes.signing import SIGNING_SECRET
from .serving import served
from .telegram_harness import INTAKE, SECRET, ZHANG

HUANG, XU = 100010, 100011
DUBAI = "Inquiry from Ahmed, Gulf Trading LLC, Dubai. Need {n} gas analysers. WhatsApp +971 50 123 456{n}"
LIMA = "Carlos from Lima needs {n} XRF analysers. Email carlos{n}@minera.pe, WhatsApp +51 987 654 32{n}"


def both_settings(database_url: str, slack: FakeSlack, telegram: FakeTelegram) -> Settings:
    values: dict[str, Any] = {
        "DATABASE_URL": database_url, "INQUIRYBOT_ORG": str(EXAMPLE_ORG),
        "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_URL": slack.base_url,
        "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN, "TELEGRAM_API_URL": telegram.base_url,
        "TELEGRAM_WEBHOOK_SECRET": SECRET,
    }
    return Settings(_env_file=None, **values)


@dataclass
class Both:
    app: App
    http: httpx.AsyncClient
    slack: FakeSlack
    telegram: FakeTelegram
    clock: FrozenClock

    async def telegram_update(self, update: dict[str, Any]) -> None:
        await post_update(self.http, update)

    async def slack_share(self, text: str, n: int) -> None:
        await post_share(self.http, self.clock, text, n)

    def slack_dms(self, user: str) -> list[Any]:
        return [c for c in self.slack.called("chat.postMessage") if c.params.get("channel") == f"D{user}"]

    def telegram_to(self, chat_id: int) -> list[Any]:
        return [c for c in self.telegram.called("sendMessage") if int(c.params["chat_id"]) == chat_id]


@contextlib.asynccontextmanager
async def both_platforms(database_url: str, org: Org, clock: FrozenClock, slack: FakeSlack,
                         telegram: FakeTelegram) -> AsyncIterator[Both]:
    """`inquirybot serve` in-process: both runtimes started by the lifespan, the dispatcher running."""
    async with served(both_settings(database_url, slack, telegram), clock, org) as (app, http):
        assert sorted(r.name for r in app.runtimes) == ["slack", "telegram"]
        yield Both(app, http, slack, telegram, clock)


@pytest.fixture
async def both(sqlite_url: str, org: Org, clock: FrozenClock, fake_slack: FakeSlack,
               fake_telegram: FakeTelegram) -> AsyncIterator[Both]:
    async with both_platforms(sqlite_url, org, clock, fake_slack, fake_telegram) as running:
        yield running


def forward(both: Both, n: int) -> dict[str, Any]:
    return forwarded(both.clock, n, LIMA.format(n=n))


async def test_a_telegram_forward_reaches_a_slack_only_rep_on_slack(both: Both) -> None:
    await both.telegram_update(forward(both, 1))  # round robin: zhang (both identities) ...
    await both.telegram_update(forward(both, 2))  # ... then zhou, who is only on Slack

    await both.slack.wait_for("chat.postMessage", count=1)
    await both.telegram.wait_for("sendMessage", count=3)
    [to_zhou] = both.slack_dms("U08ZHOU")
    assert "INQ-2026-000002" in to_zhou.params["text"]
    assert "INQ-2026-000001" in both.telegram_to(ZHANG)[0].params["text"]  # the inquiry's own platform wins
    assert both.slack_dms("U07ZHANG") == []
    assert len(both.telegram_to(INTAKE)) == 2  # intake replies stay where the forward was


async def test_a_slack_forward_reaches_telegram_people_on_telegram(both: Both) -> None:
    for n in (1, 2, 3):  # trade2's round robin: huang (prefers Telegram), xu (Telegram only), emma (Slack only)
        await both.slack_share(DUBAI.format(n=n), n)

    [to_huang] = (await both.telegram.wait_for("sendMessage", count=2))[:1]
    await both.slack.wait_for("chat.postMessage", count=4)  # three thread replies and emma's DM
    assert int(to_huang.params["chat_id"]) == HUANG
    assert "INQ-2026-000001" in to_huang.params["text"]
    assert "INQ-2026-000002" in both.telegram_to(XU)[0].params["text"]
    assert both.slack_dms("U10HUANG") == []  # prefer: telegram beats the inquiry's platform
    [to_emma] = both.slack_dms("U12EMMA")
    assert "INQ-2026-000003" in to_emma.params["text"]
    assert both.telegram_to(INTAKE) == []
