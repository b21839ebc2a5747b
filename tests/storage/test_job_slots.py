"""The slot guard on the real databases: concurrent runs of one slot do the work once (SQLite, PostgreSQL)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.bootstrap import App, build
from bot.clock import FrozenClock
from bot.handlers.shell import ShellSession
from bot.org.model import Org
from bot.services.jobs import BODIES, run_at
from bot.settings import Settings
from tests.conftest import EXAMPLE_ORG, Transcript, local


@pytest.fixture
async def bot(database_url: str, org: Org) -> AsyncIterator[tuple[App, Transcript]]:
    transcript = Transcript()
    app = await build(Settings(DATABASE_URL=database_url, INQUIRYBOT_ORG=str(EXAMPLE_ORG)),
                      clock=FrozenClock(local(2026, 11, 23, 9, 0)), org=org, shell_write=transcript.write)
    li = app.org.person("li")
    assert li is not None
    for text in ("RFQ: UV-Vis, WhatsApp +55 11 98765-4321", "Cotización: +52 55 1234 5678, compras@lab.com.mx"):
        await ShellSession(app, li, transcript.write).handle(text)
    transcript.clear()
    yield app, transcript
    await app.close()


@pytest.mark.parametrize("job", ["counts_evening", "followup_sweep"])
async def test_two_concurrent_runs_of_one_slot_do_the_work_once(bot: tuple[App, Transcript], job: str) -> None:
    app, transcript = bot
    at = local(2026, 11, 23, 23, 59)
    outcomes = await asyncio.gather(*(run_at(app.ctx, job, at) for _ in range(3)))
    assert sorted(o.status for o in outcomes) == ["already_done", "already_done", "done"]
    again = await run_at(app.ctx, job, at)
    assert again.status == "already_done"
    async with app.ctx.uow() as uow:
        runs = await uow.jobs.runs(job)
        penalties = await uow.penalties.list()
        queued = await uow.outbox.rows()
    assert len(runs) == 1
    if job == "followup_sweep":  # neither inquiry was followed up by 23:59: one P1.4 each, never two
        assert sorted((p.rule, p.person_id, p.amount, p.status.value) for p in penalties) == [
            ("P1.4", "zhang", 40, "proposed"), ("P1.4", "zhou", 40, "proposed")]
    else:
        assert penalties == []
        assert len([q for q, _status, _error in queued if q.message.key == "counts.region"]) == 1


@pytest.mark.parametrize("job", sorted(BODIES))
async def test_every_job_run_twice_for_one_slot_posts_and_penalises_once(bot: tuple[App, Transcript], job: str) -> None:
    app, _transcript = bot
    at = local(2026, 12, 1, 23, 59)  # late enough that every job has a slot at or before it
    outcomes = await asyncio.gather(run_at(app.ctx, job, at), run_at(app.ctx, job, at))
    assert sorted(o.status for o in outcomes) == ["already_done", "done"]
    async with app.ctx.uow() as uow:
        queued, penalties = len(await uow.outbox.rows()), len(await uow.penalties.list())
    assert (await run_at(app.ctx, job, at)).status == "already_done"
    async with app.ctx.uow() as uow:
        assert (len(await uow.outbox.rows()), len(await uow.penalties.list())) == (queued, penalties)
