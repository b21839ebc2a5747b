"""The bot with Feishu configured, in-process (`serve`'s web app and lifespan), against the fake open platform."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx

from bot.bootstrap import App
from bot.clock import FrozenClock
from bot.org.model import Channel, Org
from bot.platform_feishu import FeishuSettings
from bot.settings import Settings
from tests.conftest import EXAMPLE_ORG

from .fakes.feishu import FakeFeishu, FeishuMessage
from .fakes.feishu_events import FeishuSender
from .serving import served

INTAKE = "oc_intake000000000000000000000001"
LI = "ou_li0000000000000000000000000001"
ZHANG = "ou_zhang00000000000000000000000001"
STRANGER = "ou_stranger000000000000000000001"
LIMA = "Carlos from Lima needs {n} XRF analysers. Email carlos{n}@minera.pe, WhatsApp +51 987 654 32{n}"


def feishu_settings(fake: FakeFeishu, sender: FeishuSender) -> FeishuSettings:
    return FeishuSettings(_env_file=None, app_id=fake.app_id, app_secret=fake.app_secret,  # type: ignore[call-arg]
                          verification_token=sender.verification_token, encrypt_key=sender.encrypt_key or None,
                          api_url=fake.domain)


def feishu_org(org: Org) -> Org:
    """li forwards in the Feishu intake group; trade1's only active rep is zhang, who is only on Feishu."""
    intake = Channel(ids={**org.intake.ids, "feishu": INTAKE})
    people = []
    for person in org.people:
        if person.id == "li":
            person = dataclasses.replace(person, ids={**person.ids, "feishu": LI})
        elif person.id == "zhang":
            person = dataclasses.replace(person, ids={"feishu": ZHANG}, prefer=None, locale="en")
        elif person.department == "trade1" and person.id != "zhang":
            person = dataclasses.replace(person, active=False)
        people.append(person)
    return dataclasses.replace(org, intake=intake, people=tuple(people))


@dataclass
class Running:
    app: App
    http: httpx.AsyncClient
    fake: FakeFeishu
    sender: FeishuSender
    clock: FrozenClock

    def ms(self, seconds_ago: int = 0) -> int:
        return int((self.clock.now().timestamp() - seconds_ago) * 1000)

    async def post(self, payload: dict[str, Any], **sign: Any) -> httpx.Response:
        signed = self.sender.sign(payload, **sign)
        return await self.http.post("/feishu/events", content=signed.body, headers=signed.headers)

    async def say(self, chat_id: str, user: str, text: str, **fields: Any) -> httpx.Response:
        """Someone writes in a chat: the message exists on the platform, and Feishu sends its event."""
        fields.setdefault("create_time", self.ms())
        payload = self.sender.message(chat_id, user, text, **fields)
        message = payload["event"]["message"]
        if message["message_id"] not in self.fake.messages:
            self.fake.add_message(chat_id, message["message_type"], json.loads(message["content"]), sender=user,
                                  create_time=int(message["create_time"]), message_id=message["message_id"])
        return await self.post(payload)

    async def forward(self, n: int, text: str | None = None, **fields: Any) -> httpx.Response:
        """li's forward in the intake group."""
        return await self.say(INTAKE, LI, text or LIMA.format(n=n), **fields)

    async def card_for(self, user: str, needle: str) -> FeishuMessage:
        """The card DMed to `user` that mentions `needle` (waits for the dispatcher)."""
        for count in range(1, 20):
            await self.fake.wait_for("message.create", count=count)
            found = [m for m in self.fake.sent_to(user) if m.msg_type == "interactive" and needle in str(m.card)]
            if found:
                await self.recorded(found[0])
                return found[0]
        raise AssertionError(f"no card to {user} mentions {needle}")

    async def recorded(self, message: FeishuMessage, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Wait until the dispatcher has recorded the sent message (a press finds its inquiry through it); a
        person cannot press a card in the moment between its arrival and that commit, a test can."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            async with self.app.ctx.uow() as uow:
                if await uow.sent.find("feishu", message.chat_id, message.message_id) is not None:
                    return
            await asyncio.sleep(0.02)
        raise AssertionError(f"message {message.message_id} was never recorded as sent")

    async def press(self, user: str, card: FeishuMessage, action: str, value: str,
                    option: str | None = None, event_id: str | None = None) -> httpx.Response:
        payload = self.sender.card_action(user, {"action": action, "value": value}, message_id=card.message_id,
                                          chat_id=card.chat_id, option=option, event_id=event_id)
        return await self.post(payload)

    async def inquiries(self) -> list[Any]:
        async with self.app.ctx.uow() as uow:
            found = [await uow.inquiries.get(f"INQ-2026-{n:06d}") for n in range(1, 10)]
        return [i for i in found if i is not None]


@contextlib.asynccontextmanager
async def feishu_running(database_url: str, org: Org, clock: FrozenClock, fake: FakeFeishu,
                         sender: FeishuSender, extra: dict[str, str] | None = None) -> AsyncIterator[Running]:
    settings = Settings(_env_file=None, DATABASE_URL=database_url, INQUIRYBOT_ORG=str(EXAMPLE_ORG),
                        **(extra or {}))  # type: ignore[arg-type]
    settings.with_platform("feishu", feishu_settings(fake, sender))
    async with served(settings, clock, org) as (app, http):
        yield Running(app, http, fake, sender, clock)
