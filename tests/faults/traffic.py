"""Inquiries as the platforms send them: signed Slack events and Telegram webhook updates, each delivered until
it is answered 200 (both platforms re-deliver what was not acknowledged), some delivered twice on purpose."""

from __future__ import annotations

import asyncio
import itertools
import json
import random
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx

from tests.platforms.fakes.signing import SIGNING_SECRET, event_callback, shared_message_event, signed_headers
from tests.platforms.fakes.telegram import forwarded_message_update, origin_hidden_user

from .processes import TELEGRAM_SECRET, Replica

SLACK_INTAKE, SLACK_LI = "C0INTAKE", "U01LI"
TELEGRAM_INTAKE, TELEGRAM_LI = -1001000000001, 100001
REDELIVERY_PAUSE_FIRST, REDELIVERY_PAUSE_MAX = 0.5, 3.0

# One customer per inquiry (unique e-mail and phone), spread over every region so many reps get DMs.
TEMPLATES = (
    "Alibaba inquiry from Maria Silva, Empresa Ltda\nEmail: maria{n}@empresa.com.br\n"
    "WhatsApp: +55 11 9{n:04d}-4321\nWe need 20 units of your flow meter, please send a quote.",
    "Inquiry from Ahmed Karim, Gulf Trading LLC Dubai\nEmail: ahmed{n}@gulftrading.ae\n"
    "Mobile: +971 50 {n:03d} 4321\nPlease quote 5 pumps.",
    "Inquiry from Hans Weber, Weber GmbH\nEmail: hans{n}@weber.de\nTel: +49 151 {n:04d}4321\n"
    "Please send price for 3 meters.",
    "Inquiry from Chinedu Okafor, Okafor Ltd Lagos\nEmail: chinedu{n}@okafor.ng\nPhone: +234 803 {n:03d} 4321\n"
    "We need 7 generators.",
    "Inquiry from Ana Lopez, Minera SA\nEmail: ana{n}@minera.pe\nWhatsApp: +51 9{n:04d}4321\n"
    "Need 4 XRF analysers.",
)


@dataclass(frozen=True)
class Event:
    n: int
    platform: str  # "slack" | "telegram"
    email: str
    text: str
    at: int  # when the customer's message was forwarded: the same in every delivery


def make_event(n: int, platform: str) -> Event:
    template = TEMPLATES[n % len(TEMPLATES)]
    text = template.format(n=n)
    email = next(w for w in text.split() if "@" in w)
    return Event(n, platform, email, text, int(time.time()))


@dataclass
class Traffic:
    """Sends events to whichever replicas are up (a load balancer's view); keeps the figures of every answer."""

    replicas: list[Replica]
    redeliver_share: float = 0.1
    give_up_after: float = 240.0
    acks: list[float] = field(default_factory=list)  # seconds, answers of 200
    answers: Counter[str] = field(default_factory=Counter)
    refused: list[tuple[float, str]] = field(default_factory=list)  # (wall clock sent, answer) of each non-200
    delivered: list[Event] = field(default_factory=list)
    undelivered: list[Event] = field(default_factory=list)
    redeliveries: int = 0
    _turn: itertools.count[int] = field(default_factory=itertools.count)
    _random: random.Random = field(default_factory=lambda: random.Random(12))

    def _replica(self) -> Replica | None:
        alive = [r for r in self.replicas if r.alive]
        return alive[next(self._turn) % len(alive)] if alive else None

    async def send(self, http: httpx.AsyncClient, event: Event) -> None:
        """Deliver until answered 200 (bounded in time); then, now and then, once more as a platform does."""
        if not await self._until_acked(http, event, retry_number=0):
            self.undelivered.append(event)
            return
        self.delivered.append(event)
        if self._random.random() < self.redeliver_share:
            self.redeliveries += 1
            await self._until_acked(http, event, retry_number=1)

    async def _until_acked(self, http: httpx.AsyncClient, event: Event, retry_number: int) -> bool:
        pause, deadline = REDELIVERY_PAUSE_FIRST, time.monotonic() + self.give_up_after
        for attempt in itertools.count(retry_number):
            if time.monotonic() > deadline:
                return False
            replica = self._replica()
            if replica is not None and await self._post(http, replica, event, attempt):
                return True
            await asyncio.sleep(pause)
            pause = min(pause * 1.5, REDELIVERY_PAUSE_MAX)
        return False  # pragma: no cover - itertools.count does not end

    async def _post(self, http: httpx.AsyncClient, replica: Replica, event: Event, attempt: int) -> bool:
        url, body, headers = request_for(event, attempt)
        started, sent = time.monotonic(), time.time()
        try:
            response = await http.post(f"{replica.base}{url}", content=body, headers=headers)
        except httpx.HTTPError as error:
            self.answers[type(error).__name__] += 1
            self.refused.append((sent, type(error).__name__))
            return False
        self.answers[str(response.status_code)] += 1
        if response.status_code != 200:
            self.refused.append((sent, str(response.status_code)))
        if response.status_code == 200:
            self.acks.append(time.monotonic() - started)
            return True
        return False


def request_for(event: Event, attempt: int) -> tuple[str, bytes, dict[str, str]]:
    """The same event each time (same event_id / update_id), freshly signed, marked as a retry after the first."""
    now = int(time.time())
    if event.platform == "slack":
        shared = shared_message_event(SLACK_LI, SLACK_INTAKE, f"{event.at}.{event.n:06d}", event.text,
                                      f"{event.at - 3600}.000100", "U0DESK")
        body = json.dumps(event_callback(shared, event_id=f"EvFault{event.n:06d}",
                                         event_time=now)).encode()
        headers = signed_headers(SIGNING_SECRET, body)
        if attempt:
            headers.update({"X-Slack-Retry-Num": str(attempt), "X-Slack-Retry-Reason": "http_timeout"})
        return "/slack/events", body, headers
    update = forwarded_message_update(event.n, TELEGRAM_INTAKE, TELEGRAM_LI, event.text, message_id=event.n,
                                      date=event.at, origin=origin_hidden_user("Customer", date=event.at - 3600))
    headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
    return "/telegram/webhook", json.dumps(update).encode(), headers
