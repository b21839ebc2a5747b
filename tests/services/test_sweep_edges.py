"""Sweep edges: deals won after the monthly deadline, and a bot installed after a ledger deadline."""

from __future__ import annotations

from bot.bootstrap import App
from bot.clock import FrozenClock
from bot.handlers.shell import ShellSession
from bot.services.jobs import mark_started, run_at
from tests.conftest import Transcript, local


async def say(app: App, who: str, line: str) -> None:
    person = app.org.person(who)
    assert person is not None
    await ShellSession(app, person, lambda _t: None).handle(line)


async def test_a_deal_won_after_the_monthly_deadline_is_checked_next_month(app: App, clock: FrozenClock) -> None:
    await say(app, "li", "RFQ via Alibaba, WhatsApp +55 11 98765-4321, 2 units of UV-Vis")
    for manager in ("wang", "chen", "liu"):
        clock.set(local(2026, 11, 27, 10, 0))
        await say(app, manager, "/inq deals month none")
    clock.set(local(2026, 11, 30, 16, 0))  # last working day of November, after 15:30
    await say(app, "zhang", "/inq won INQ-2026-000001 42000")
    await run_at(app.ctx, "deals_monthly_sweep", local(2026, 11, 30, 15, 30))
    async with app.ctx.uow() as uow:
        assert await uow.penalties.list() == []  # at 15:30 the deal did not exist yet
    await run_at(app.ctx, "deals_monthly_sweep", local(2026, 12, 31, 15, 30))
    async with app.ctx.uow() as uow:
        found = sorted((p.rule, p.person_id, p.amount, p.period) for p in await uow.penalties.list())
    assert found == [("P6", "wang", 80, "2026-11"), ("P6", "zhang", 20, "2026-11")]


async def test_no_ledger_penalty_for_a_deadline_before_the_bot_existed(app: App, clock: FrozenClock,
                                                                      transcript: Transcript) -> None:
    clock.set(local(2026, 11, 20, 9, 0))  # installed after November's P7 deadline (Wed 4 Nov 17:30)
    await mark_started(app.ctx)
    outcome = await run_at(app.ctx, "ledger_sweep", local(2026, 11, 30, 17, 30))
    async with app.ctx.uow() as uow:
        assert await uow.penalties.list() == []
    assert "started after" in outcome.summary
