"""The whole bot built by bootstrap with Telegram pointed at FakeTelegram, driven through the real webhook route."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx

from bot.bootstrap import App, build
from bot.bootstrap_telegram import SECRET_HEADER, TelegramRuntime
from bot.clock import FrozenClock
from bot.notifiers.pacing import Limits
from bot.org.model import Org
from bot.rules.inquiry import Inquiry
from bot.settings import Settings
from bot.web import create_web_app
from tests.conftest import EXAMPLE_ORG

from .fakes import TELEGRAM_TOKEN, Call, FakeTelegram

SECRET = "test-webhook-secret_1"
NO_WAITING = Limits(per_chat_interval=0.0, group_max=1000, group_period=1.0, overall_max=1000, overall_period=1.0)
INTAKE = -1001000000001
LATAM_GROUP = -1001000000002
MENA_GROUP = -1001000000003
LI, ZHAO, WANG, ZHANG, WU, GAO = 100001, 100002, 100004, 100007, 100009, 100016

# an inquiry from Peru: routed to latam -> trade1 by the phone number
PERU = ("Hello, this is Carlos Mendoza from Minera Andina SAC, Lima, Peru. We need 5 handheld XRF analysers "
        "for our lab. Email carlos@minera-andina.pe, WhatsApp +51 987 654 321")


def telegram_settings(database_url: str, fake: FakeTelegram, **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "DATABASE_URL": database_url, "INQUIRYBOT_ORG": str(EXAMPLE_ORG), "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_API_URL": fake.base_url, "TELEGRAM_WEBHOOK_SECRET": SECRET, **extra,
    }
    return Settings(_env_file=None, **values)


@dataclass
class Harness:
    app: App
    fake: FakeTelegram
    runtime: TelegramRuntime
    http: httpx.AsyncClient
    clock: FrozenClock

    @property
    def date(self) -> int:
        """The frozen clock as a Telegram `date`."""
        return int(self.clock.now().timestamp())

    async def post(self, update: dict[str, Any], secret: str | None = SECRET) -> httpx.Response:
        headers = {SECRET_HEADER: secret} if secret is not None else {}
        return await self.http.post("/telegram/webhook", json=update, headers=headers)

    async def deliver(self) -> None:
        await self.app.dispatcher.drain()

    async def inquiries(self) -> list[Inquiry]:
        async with self.app.ctx.uow() as uow:
            return await uow.inquiries.list()

    async def inquiry(self, inquiry_id: str) -> Inquiry:
        async with self.app.ctx.uow() as uow:
            found = await uow.inquiries.get(inquiry_id)
        assert found is not None, inquiry_id
        return found

    def sent_to(self, chat_id: int) -> list[Call]:
        return [c for c in self.fake.called("sendMessage") if int(c.params["chat_id"]) == chat_id]


@contextlib.asynccontextmanager
async def telegram_app(
    fake: FakeTelegram, database_url: str, clock: FrozenClock, org: Org, *, limits: Limits = NO_WAITING,
    **extra: Any,
) -> AsyncIterator[Harness]:
    """Started in webhook mode (http=True) so updates go through POST /telegram/webhook like in production.

    Pacing is off unless `limits` says otherwise: the pacing tests set it, the others should not wait a second
    between two messages to one chat."""
    app = await build(telegram_settings(database_url, fake, **extra), clock=clock, org=org)
    runtime = next(r for r in app.runtimes if isinstance(r, TelegramRuntime))
    runtime.telegram_notifier.pacer.limits = limits
    await runtime.start(http=True)
    web = create_web_app(app, scheduler=False)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=web), base_url="http://testserver") as http:
            yield Harness(app, fake, runtime, http, clock)
    finally:
        await runtime.stop()
        await app.close()
