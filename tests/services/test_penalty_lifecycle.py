"""Penalty commands as people type them: one record per lapse, one appeal, decided once, P3 amounts."""

from __future__ import annotations

from bot.bootstrap import App
from bot.clock import FrozenClock
from bot.handlers.shell import ShellSession
from bot.rules.penalties import Penalty
from bot.services.jobs import run_at
from tests.conftest import Transcript, local

RFQ = "RFQ via Alibaba, WhatsApp +55 11 98765-4321, 2 units of UV-Vis"


async def say(app: App, who: str, transcript: Transcript, line: str) -> str:
    person = app.org.person(who)
    assert person is not None
    before = len(transcript.lines)
    await ShellSession(app, person, transcript.write).handle(line)
    return "\n".join(transcript.lines[before:])


async def penalties(app: App) -> list[Penalty]:
    async with app.ctx.uow() as uow:
        return await uow.penalties.list()


async def test_a_finding_submitted_twice_is_recorded_once(app: App, transcript: Transcript) -> None:
    await say(app, "li", transcript, RFQ)
    line = "/inq penalty add zhang P1.3 INQ-2026-000001 replied from a private gmail address"
    await say(app, "li", transcript, line)
    again = await say(app, "li", transcript, line)
    assert "INQ-2026-000001" in again and "P1.3" in again
    assert [(p.rule, p.person_id, p.amount, p.status.value) for p in await penalties(app)] == [
        ("P1.3", "zhang", 100, "confirmed")]


async def test_an_appeal_reopens_the_decision_once(app: App, transcript: Transcript, clock: FrozenClock) -> None:
    await say(app, "li", transcript, RFQ)
    await run_at(app.ctx, "followup_sweep", local(2026, 11, 23, 23, 59))
    (proposed,) = await penalties(app)
    await say(app, "li", transcript, f"/inq penalty confirm {proposed.id} no follow-up at all")
    await say(app, "zhang", transcript, f"/inq penalty appeal {proposed.id} I called the customer at 22:00")
    (appealed,) = await penalties(app)
    assert (appealed.status.value, appealed.appealed) == ("proposed", True)
    second = await say(app, "zhang", transcript, f"/inq penalty appeal {proposed.id} again please")
    assert proposed.id in second  # one appeal per penalty
    await say(app, "li", transcript, f"/inq penalty waive {proposed.id} call log confirms 22:00")
    late_change = await say(app, "li", transcript, f"/inq penalty confirm {proposed.id} changed my mind")
    (final,) = await penalties(app)
    assert (final.status.value, final.decided_by, final.reason) == ("waived", "li", "call log confirms 22:00")
    assert proposed.id in late_change  # refused: decided already, and the appeal was used
    async with app.ctx.uow() as uow:
        audit = [(a["action"], a["detail"].get("previous_status")) for a in await uow.audit.entries(proposed.id)]
    assert ("penalty_appeal", "confirmed") in audit  # the first decision stays on record


async def test_a_managers_lapse_is_decided_by_the_departments_specialist(app: App, transcript: Transcript) -> None:
    await run_at(app.ctx, "deals_daily_sweep", local(2026, 11, 23, 21, 0))
    wang = next(p for p in await penalties(app) if p.person_id == "wang")
    refused = await say(app, "sun", transcript, f"/inq penalty confirm {wang.id} missed the report")
    await say(app, "li", transcript, f"/inq penalty confirm {wang.id} no report by 21:00")
    appeal = await say(app, "wang", transcript, f"/inq penalty appeal {wang.id} I sent it by WeChat to li at 20:50")
    assert wang.id in refused
    assert "to 李雷 (DM)" in appeal  # the appeal goes back to trade1's specialist, not only the admin


async def test_a_p3_commission_amount_is_entered_by_the_specialist(app: App, transcript: Transcript) -> None:
    await say(app, "li", transcript, RFQ)
    await say(app, "zhang", transcript, "/inq won INQ-2026-000001 38000")
    await run_at(app.ctx, "crm_audit", local(2026, 12, 4, 10, 0))  # first Friday of December audits November
    (p3,) = await penalties(app)
    assert (p3.rule, p3.person_id, p3.amount) == ("P3", "zhang", None)
    prose = await say(app, "li", transcript, f"/inq penalty confirm {p3.id} 2 deals checked in CRM")
    assert "amount=" in prose  # a number in the reason is never the amount: the P3 stays proposed
    assert [(p.amount, p.status.value) for p in await penalties(app)] == [(None, "proposed")]
    await say(app, "li", transcript, f"/inq penalty confirm {p3.id} amount=1900 commission on the GC order")
    (confirmed,) = await penalties(app)
    assert (confirmed.amount, confirmed.status.value, confirmed.reason) == (1900, "confirmed",
                                                                            "commission on the GC order")


async def test_a_finding_names_the_inquirys_rep_and_a_mistake_can_be_waived(app: App, transcript: Transcript) -> None:
    await say(app, "li", transcript, RFQ)
    wrong = await say(app, "li", transcript, "/inq penalty add wu P1.3 INQ-2026-000001 replied from gmail")
    outsider = await say(app, "li", transcript, "/inq penalty add liu P5 weekly check: no follow-up table")
    assert await penalties(app) == []
    assert "张伟" in wrong and "刘洋" in outsider
    await say(app, "li", transcript, "/inq penalty add zhang P5 INQ-2026-000001 quote sent without a price list")
    await say(app, "li", transcript, "/inq penalty add zhang P5 INQ-2026-000001 no reply to the second email")
    first, second = await penalties(app)  # two findings the same week are two penalties
    await say(app, "li", transcript, f"/inq penalty waive {second.id} the customer never sent a second email")
    again = await say(app, "li", transcript, f"/inq penalty confirm {second.id} after all")
    statuses = [(p.id, p.status.value) for p in await penalties(app)]
    assert statuses == [(first.id, "confirmed"), (second.id, "waived")]
    assert second.id in again  # a waiver is final
