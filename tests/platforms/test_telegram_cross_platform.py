"""Issue 5, item 6: Slack and Telegram at once. Each reader is reached where they are (prefer, then the
inquiry's platform, then Slack, then Telegram), whichever platform the inquiry came in on."""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from bot import platforms
from bot.bootstrap import App
from bot.clock import FrozenClock
from bot.org.model import Channel, Org
from bot.services import all_jobs  # noqa: F401  (registers the job bodies)
from bot.services.jobs import run_at
from bot.settings import Settings
from tests.conftest import EXAMPLE_ORG

from .fakes import BOT_TOKEN, TELEGRAM_TOKEN, FakeSlack, FakeTelegram
from .fakes.feishu import FakeFeishu
from .fakes.feishu_events import FeishuSender
from .fakes.signing import SIGNING_SECRET, event_callback, shared_message_event, signed_headers
from .fakes.telegram import forwarded_message_update, origin_user
from .feishu_harness import INTAKE as FEISHU_INTAKE
from .feishu_harness import LI as FEISHU_LI
from .feishu_harness import ZHANG as FEISHU_ZHANG
from .feishu_harness import feishu_settings
from .serving import served
from .telegram_harness import INTAKE, LI, SECRET, ZHANG

SLACK_INTAKE, SLACK_LI = "C0INTAKE", "U01LI"
HUANG, XU = 100010, 100011
DUBAI = "Inquiry from Ahmed, Gulf Trading LLC, Dubai. Need {n} gas analysers. WhatsApp +971 50 123 456{n}"
LIMA = "Carlos from Lima needs {n} XRF analysers. Email carlos{n}@minera.pe, WhatsApp +51 987 654 32{n}"


async def post_update(http: httpx.AsyncClient, update: dict[str, Any]) -> None:
    """A Telegram update to the webhook, with the secret."""
    response = await http.post("/telegram/webhook", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
    assert response.status_code == 200


async def post_share(http: httpx.AsyncClient, clock: FrozenClock, text: str, n: int) -> None:
    """li shares a customer's Slack message into the intake channel (a signed event)."""
    now = int(clock.now().timestamp())
    event = shared_message_event(SLACK_LI, SLACK_INTAKE, f"{now - 60}.{n:06d}", text, f"{now - 600}.000001",
                                 "U0CUSTOMERDESK")
    body = json.dumps(event_callback(event, event_id=f"EvCross{n}"))
    response = await http.post("/slack/events", content=body.encode(), headers=signed_headers(SIGNING_SECRET, body))
    assert response.status_code == 200


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


def forwarded(clock: FrozenClock, n: int, text: str) -> dict[str, Any]:
    """li forwards a customer's Telegram message into the intake group."""
    date = int(clock.now().timestamp())
    return forwarded_message_update(n, INTAKE, LI, text, message_id=100 + n, date=date,
                                    origin=origin_user(9000 + n, date=date - 60))


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


# --- every pair of registered platforms (issue 14, item 4) ---------------------------------------------------
# Each platform the tests can drive has a Driver; a new platform adds one to DRIVERS and every ordered pair of
# platforms is covered: a forward on one reaches a rep who is only on the other, there.


@dataclass(frozen=True)
class Driver:
    name: str
    fake: Callable[[], contextlib.AbstractAsyncContextManager[Any]]  # starts its fake platform on 127.0.0.1
    ids: dict[str, str]  # li's and zhang's ids on it, and its intake chat ("intake")
    env: Callable[[Any], dict[str, str]]  # its settings, pointing at the fake
    send: str  # the fake's method that sends a message
    dm_text: Callable[[Any, str], str | None]  # the text of a recorded send when it went to that user's DM
    forward: Callable[[Everywhere, int, str], Awaitable[None]]  # li forwards `text` into its intake
    configure: Callable[[Settings, Any], Settings] = staticmethod(lambda settings, _fake: settings)


@dataclass
class Everywhere:
    app: App
    http: httpx.AsyncClient
    fakes: dict[str, Any]
    clock: FrozenClock

    async def reached(self, driver: Driver, user: str, needle: str) -> str:
        """The DM to `user` on the driver's platform that mentions `needle` (waits for the dispatcher)."""
        fake = self.fakes[driver.name]
        for count in range(1, 30):
            calls = await fake.wait_for(driver.send, count=count)
            found = [t for t in (driver.dm_text(c, user) for c in calls) if t and needle in t]
            if found:
                return found[0]
        raise AssertionError(f"no DM to {user} on {driver.name} mentions {needle}")

    def dms(self, driver: Driver, user: str) -> list[str]:
        calls = self.fakes[driver.name].called(driver.send)
        return [t for t in (driver.dm_text(c, user) for c in calls) if t is not None]


async def _slack_forward(run: Everywhere, n: int, text: str) -> None:
    await post_share(run.http, run.clock, text, n)


async def _telegram_forward(run: Everywhere, n: int, text: str) -> None:
    await post_update(run.http, forwarded(run.clock, n, text))


def _slack_dm(call: Any, user: str) -> str | None:
    return str(call.params.get("text")) if call.params.get("channel") == f"D{user}" else None


def _telegram_dm(call: Any, user: str) -> str | None:
    return str(call.params.get("text")) if str(call.params.get("chat_id")) == user else None


SLACK = Driver("slack", FakeSlack, {"li": SLACK_LI, "zhang": "U07ZHANG", "wang": "U04WANG", "intake": SLACK_INTAKE},
               lambda fake: {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                             "SLACK_API_URL": fake.base_url},
               "chat.postMessage", _slack_dm, _slack_forward)
TELEGRAM = Driver("telegram", FakeTelegram,
                  {"li": str(LI), "zhang": str(ZHANG), "wang": "100004", "intake": str(INTAKE)},
                  lambda fake: {"TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN, "TELEGRAM_API_URL": fake.base_url,
                                "TELEGRAM_WEBHOOK_SECRET": SECRET},
                  "sendMessage", _telegram_dm, _telegram_forward)


async def _feishu_forward(run: Everywhere, n: int, text: str) -> None:
    fake, sender = run.fakes["feishu"], FeishuSender()
    payload = sender.message(FEISHU_INTAKE, FEISHU_LI, text, create_time=int(run.clock.now().timestamp() * 1000))
    message = payload["event"]["message"]
    fake.add_message(FEISHU_INTAKE, "text", {"text": text}, sender=FEISHU_LI, message_id=message["message_id"])
    signed = sender.sign(payload)
    response = await run.http.post("/feishu/events", content=signed.body, headers=signed.headers)
    assert response.status_code == 200


def _feishu_dm(call: Any, user: str) -> str | None:
    if call.params.get("receive_id_type") != "open_id" or call.params.get("receive_id") != user:
        return None
    content = json.loads(call.params["content"])
    return str(content.get("text") or json.dumps(content, ensure_ascii=False))


FEISHU = Driver("feishu", FakeFeishu,
                {"li": FEISHU_LI, "zhang": FEISHU_ZHANG, "wang": "ou_wang0000000000000000000000000001",
                 "intake": FEISHU_INTAKE},
                lambda fake: {}, "message.create", _feishu_dm, _feishu_forward,
                configure=lambda settings, fake: settings.with_platform("feishu",
                                                                        feishu_settings(fake, FeishuSender())))
DRIVERS: dict[str, Driver] = {d.name: d for d in (SLACK, TELEGRAM, FEISHU)}


def test_every_registered_platform_has_a_driver() -> None:
    """A platform registered without a driver here would escape the pairs below."""
    assert set(DRIVERS) == set(platforms.names())


def _person(org: Org, person_id: str, **changes: Any) -> Org:
    people = tuple(dataclasses.replace(p, **changes) if p.id == person_id else p for p in org.people)
    return dataclasses.replace(org, people=people)


def pair_org(org: Org, source: str, target: str) -> Org:
    """li forwards on `source`; trade1's only active rep is zhang, who is only on `target`."""
    intake = Channel(ids={**org.intake.ids, **{d.name: d.ids["intake"] for d in DRIVERS.values()}})
    org = dataclasses.replace(org, intake=intake)
    li = org.person("li")
    assert li is not None
    org = _person(org, "li", ids={**li.ids, source: DRIVERS[source].ids["li"]})
    org = _person(org, "zhang", ids={target: DRIVERS[target].ids["zhang"]}, prefer=None)
    for other in org.reps_of("trade1"):
        if other.id != "zhang":
            org = _person(org, other.id, active=False)
    return org


@pytest.fixture
async def fakes() -> AsyncIterator[dict[str, Any]]:
    """Every driven platform's fake, running."""
    async with contextlib.AsyncExitStack() as stack:
        yield {name: await stack.enter_async_context(d.fake()) for name, d in DRIVERS.items()}


@contextlib.asynccontextmanager
async def everywhere(fakes: dict[str, Any], database_url: str, org: Org,
                     clock: FrozenClock) -> AsyncIterator[Everywhere]:
    """`inquirybot serve` in-process with every registered platform at once, each against its fake."""
    env: dict[str, Any] = {"DATABASE_URL": database_url, "INQUIRYBOT_ORG": str(EXAMPLE_ORG)}
    for name, driver in DRIVERS.items():
        env.update(driver.env(fakes[name]))
    settings = Settings(_env_file=None, **env)
    for name, driver in DRIVERS.items():
        settings = driver.configure(settings, fakes[name])
    async with served(settings, clock, org) as (app, http):
        assert sorted(r.name for r in app.runtimes) == sorted(DRIVERS)
        yield Everywhere(app, http, fakes, clock)


PAIRS = list(itertools.permutations(DRIVERS, 2))


@pytest.mark.parametrize(("source", "target"), PAIRS, ids=[f"{s}-to-{t}" for s, t in PAIRS])
async def test_a_forward_reaches_a_rep_who_is_only_on_another_platform(
    fakes: dict[str, Any], sqlite_url: str, org: Org, clock: FrozenClock, source: str, target: str
) -> None:
    async with everywhere(fakes, sqlite_url, pair_org(org, source, target), clock) as run:
        await DRIVERS[source].forward(run, 1, LIMA.format(n=1))

        text = await run.reached(DRIVERS[target], DRIVERS[target].ids["zhang"], "INQ-2026-000001")
        assert "Lima" in text or "carlos1@minera.pe" in text
        async with run.app.ctx.uow() as uow:
            row = await uow.inquiries.get("INQ-2026-000001")
        assert row is not None
        assert (row.platform, row.assignee_id, row.region_id) == (source, "zhang", "latam")


@pytest.mark.parametrize("preferred", list(DRIVERS))
async def test_a_scheduled_prompt_follows_prefer(
    fakes: dict[str, Any], sqlite_url: str, org: Org, clock: FrozenClock, preferred: str
) -> None:
    """The daily deals prompt has no inquiry to take a platform from: wang, on every platform, gets it on the one
    he prefers, and on no other."""
    wang_ids = {name: d.ids["wang"] for name, d in DRIVERS.items()}
    org = _person(org, "wang", ids=wang_ids, prefer=preferred, active=True)
    async with everywhere(fakes, sqlite_url, org, clock) as run:
        prompt = run.clock.now().astimezone(run.app.ctx.tz).replace(hour=20, minute=0, second=0, microsecond=0)
        outcome = await run_at(run.app.ctx, "deals_daily_prompt", prompt)
        assert outcome.status == "done", outcome

        await run.reached(DRIVERS[preferred], wang_ids[preferred], "")
        for name, driver in DRIVERS.items():
            if name != preferred:
                assert run.dms(driver, wang_ids[name]) == []
