"""The slot guard on the real databases: concurrent runs of one slot do the work once (SQLite, PostgreSQL)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

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
        assert len([q for q, _status, _error in queued if q.message.key == "counts.region"]) == len(app.org.regions)


# when each job has something to do for two inquiries forwarded Monday 23 Nov 09:00 (one won on Tuesday)
WORK_AT = {
    "counts_morning": local(2026, 11, 24, 9, 30), "counts_evening": local(2026, 11, 23, 18, 30),
    "counts_night": local(2026, 11, 23, 21, 45), "followup_reminders": local(2026, 11, 23, 21, 0),
    "followup_sweep": local(2026, 11, 23, 23, 59), "deals_daily_prompt": local(2026, 11, 23, 20, 0),
    "deals_daily_sweep": local(2026, 11, 23, 21, 0), "crm_reminders": local(2026, 11, 30, 10, 0),
    "weekly_rep_digest": local(2026, 11, 30, 10, 0), "weekly_manager_table": local(2026, 11, 27, 17, 0),
    "deals_monthly_prompt": local(2026, 11, 27, 10, 0), "deals_monthly_sweep": local(2026, 11, 30, 15, 30),
    "ledger_extracts": local(2026, 12, 1, 9, 0), "ledger_reminders": local(2026, 12, 2, 10, 0),
    "ledger_sweep": local(2026, 12, 3, 17, 30), "crm_audit": local(2026, 12, 4, 10, 0),
    "transfer_check": local(2026, 12, 18, 10, 0), "weekly_chart": local(2026, 11, 30, 9, 0),
    "calendar_check": local(2026, 12, 1, 9, 0),  # 2027 has no holiday data: the admins are told
    "p3_notice": local(2026, 12, 4, 16, 0),
}
# what a specialist does first, so that the job has something to do
BEFORE = {"p3_notice": ("li", "/inq penalty add zhang P3 INQ-2026-000001 amount=1900 not entered in CRM")}


async def totals(app: App) -> tuple[int, int]:
    async with app.ctx.uow() as uow:
        return len(await uow.outbox.rows()), len(await uow.penalties.list())


def test_every_job_has_a_time_with_work() -> None:
    assert set(WORK_AT) == set(BODIES)


@pytest.mark.parametrize("job", sorted(BODIES))
async def test_every_job_run_twice_for_one_slot_posts_and_penalises_once(
    bot: tuple[App, Transcript], job: str, tmp_path: Path
) -> None:
    app, _transcript = bot
    app.ctx.reports_dir = tmp_path
    zhang = app.org.person("zhang")
    assert zhang is not None
    await ShellSession(app, zhang, lambda _t: None).handle("/inq won INQ-2026-000001 12000")
    if job in BEFORE:
        who, line = BEFORE[job]
        await ShellSession(app, app.org.person(who), lambda _t: None).handle(line)  # type: ignore[arg-type]
    before = await totals(app)
    outcomes = await asyncio.gather(run_at(app.ctx, job, WORK_AT[job]), run_at(app.ctx, job, WORK_AT[job]))
    assert sorted(o.status for o in outcomes) == ["already_done", "done"]
    after = await totals(app)
    assert after != before, f"{job} had nothing to do at {WORK_AT[job]}: the check below would prove nothing"
    assert (await run_at(app.ctx, job, WORK_AT[job])).status == "already_done"
    assert await totals(app) == after
