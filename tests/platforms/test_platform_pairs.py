"""Issue 14, item 4: every ordered pair of registered platforms. A forward on one reaches a rep who is only on the
other, there; a scheduled prompt follows `prefer:`. Each platform brings its Driver (tests/platforms/drivers/)."""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot import platforms
from bot.clock import FrozenClock
from bot.org.model import Channel, Org
from bot.services import all_jobs  # noqa: F401  (registers the job bodies)
from bot.services.jobs import run_at
from bot.settings import Settings
from tests.conftest import EXAMPLE_ORG

from .drivers import Everywhere, drivers
from .serving import served

DRIVERS = drivers()
LIMA = "Carlos from Lima needs {n} XRF analysers. Email carlos{n}@minera.pe, WhatsApp +51 987 654 32{n}"


def test_every_registered_platform_has_a_driver() -> None:
    """A platform registered without a driver would escape the pairs below."""
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
