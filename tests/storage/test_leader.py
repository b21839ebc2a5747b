"""Several replicas on one PostgreSQL: exactly one schedules; when it goes, another takes over."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bot.bootstrap import App, build
from bot.clock import FrozenClock
from bot.org.model import Org
from bot.settings import Settings
from tests.conftest import EXAMPLE_ORG, local


async def _two_replicas(database_url: str, org: Org) -> tuple[App, App]:
    """Two processes' worth of the bot on one database, sharing one clock."""
    settings = Settings(DATABASE_URL=database_url, INQUIRYBOT_ORG=str(EXAMPLE_ORG))
    clock = FrozenClock(local(2026, 11, 23, 9, 0))
    first = await build(settings, clock=clock, org=org, shell_write=lambda _t: None)
    second = await build(settings, clock=clock, org=org, shell_write=lambda _t: None)
    return first, second


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
async def test_one_scheduler_leads_and_a_follower_takes_over(database_url: str, org: Org) -> None:
    first, second = await _two_replicas(database_url, org)
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


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
async def test_a_leader_that_lost_its_session_steps_down_and_never_runs_a_slot(database_url: str, org: Org) -> None:
    first, second = await _two_replicas(database_url, org)
    assert first.scheduler is not None and second.scheduler is not None
    try:
        await first.scheduler.start()
        assert first.scheduler.leading and await first.scheduler.check_leadership()
        session = first.scheduler._lock_connection
        assert session is not None
        pid = (await session.execute(text("SELECT pg_backend_pid()"))).scalar()
        async with second.engine.connect() as admin:  # what a database restart does to the lock session
            await admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        assert await second.scheduler.try_lead()  # the lock is free at once ...
        assert not await first.scheduler.check_leadership()  # ... and the old leader knows it is no longer one
        assert not first.scheduler.leading
        await first.scheduler._fire("counts_morning")  # a trigger that was already due does nothing
        async with first.ctx.uow() as uow:
            assert await uow.jobs.runs("counts_morning") == []
    finally:
        await first.scheduler.stop()
        await second.scheduler.stop()
        await first.close()
        await second.close()
