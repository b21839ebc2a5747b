"""Telegram in the cross-platform tests: li forwards a customer's message into the intake group (the webhook)."""

from __future__ import annotations

from typing import Any

import httpx

from bot.clock import FrozenClock

from ..fakes import TELEGRAM_TOKEN, FakeTelegram
from ..fakes.telegram import forwarded_message_update, origin_user
from ..telegram_harness import INTAKE, LI, SECRET, ZHANG
from . import Driver, Everywhere


async def post_update(http: httpx.AsyncClient, update: dict[str, Any]) -> None:
    """A Telegram update to the webhook, with the secret."""
    response = await http.post("/telegram/webhook", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
    assert response.status_code == 200


def forwarded(clock: FrozenClock, n: int, text: str) -> dict[str, Any]:
    """li forwards a customer's Telegram message into the intake group."""
    date = int(clock.now().timestamp())
    return forwarded_message_update(n, INTAKE, LI, text, message_id=100 + n, date=date,
                                    origin=origin_user(9000 + n, date=date - 60))


async def _forward(run: Everywhere, n: int, text: str) -> None:
    await post_update(run.http, forwarded(run.clock, n, text))


def _dm(call: Any, user: str) -> str | None:
    return str(call.params.get("text")) if str(call.params.get("chat_id")) == user else None


DRIVER = Driver("telegram", FakeTelegram, {"li": str(LI), "zhang": str(ZHANG), "wang": "100004", "intake": str(INTAKE)},
                lambda fake: {"TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN, "TELEGRAM_API_URL": fake.base_url,
                              "TELEGRAM_WEBHOOK_SECRET": SECRET},
                "sendMessage", _dm, _forward)
