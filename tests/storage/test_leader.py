"""Several replicas on one PostgreSQL: exactly one schedules; when it goes, another takes over."""

from __future__ import annotations

import pytest

from bot.bootstrap import build
from bot.clock import FrozenClock
from bot.org.model import Org
from bot.settings import Settings
from tests.conftest import EXAMPLE_ORG, local


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
async def test_one_scheduler_leads_and_a_follower_takes_over(database_url: str, org: Org) -> None:
    settings = Settings(DATABASE_URL=database_url, INQUIRYBOT_ORG=str(EXAMPLE_ORG))
    clock = FrozenClock(local(2026, 11, 23, 9, 0))
    first = await build(settings, clock=clock, org=org, shell_write=lambda _t: None)
    second = await build(settings, clock=clock, org=org, shell_write=lambda _t: None)
    assert first.scheduler is not None and second.scheduler is not None
    try:
        assert await first.scheduler.try_lead()
        assert not await second.scheduler.try_lead()
        await first.scheduler.stop()  # the leader stops (or dies): its session, and so the lock, is gone
        assert await second.scheduler.try_lead()
    finally:
        await second.scheduler.stop()
        await first.close()
        await second.close()
