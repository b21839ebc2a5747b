"""Leave and cover through the shell (SPEC sections 3 and 7): who may record leave and name a delegate, and what
the delegate may then do for the person away."""

from __future__ import annotations

from bot.bootstrap import App
from bot.clock import FrozenClock
from bot.rules.inquiry import Status
from tests.conftest import Transcript, local
from tests.services.support import brazil, forward, job_at, sent_to, session, stored


def replies(transcript: Transcript) -> list[str]:
    """What the people typing were answered (deliveries to DMs and channels left out)."""
    return [line for line in transcript.lines if not line.startswith("──")]


async def test_a_specialist_cannot_name_himself_a_managers_delegate(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    """The review's exploit: li marks chen away with himself as delegate, then reports trade2's deals."""
    li = session(app, "li", transcript)
    await li.handle("/inq away chen 2026-11-23 2026-11-24 li")
    await li.handle("/inq deals today trade2 none")
    refused, not_a_manager = replies(transcript)
    assert "休假" in refused and "经理" in not_a_manager
    async with app.ctx.uow() as uow:
        assert await uow.away.periods() == {}
        assert await uow.reports.deal_reports("daily", "2026-11-23") == {}
        audit = [(a["actor"], a["action"], a["outcome"], a["detail"].get("reason")) for a in await uow.audit.entries()]
    assert ("li", "away", "refused", "refused.away_not_allowed") in audit
    transcript.clear()
    await job_at(app, clock, "deals_daily_prompt", local(2026, 11, 23, 20, 0))
    assert sent_to(transcript, "李雷") == [] and len(sent_to(transcript, "陈静")) == 1  # chen is still asked
    await job_at(app, clock, "deals_daily_sweep", local(2026, 11, 23, 21, 1))
    async with app.ctx.uow() as uow:
        p4 = [p.person_id for p in await uow.penalties.list() if p.rule == "P4"]
    assert "chen" in p4


async def test_a_specialist_cannot_cover_another_specialist_uninvited(app: App, transcript: Transcript) -> None:
    """The same trick with the P7 ledger confirmation: zhao may confirm only her own departments."""
    zhao = session(app, "zhao", transcript)
    await zhao.handle("/inq away li 2026-11-23 2026-11-24 zhao")
    await zhao.handle("/inq ledger sent 2026-10")
    refused, sent = replies(transcript)
    assert "休假" in refused and "贸易二部" in sent and "贸易一部" not in sent
    async with app.ctx.uow() as uow:
        assert await uow.away.periods() == {}


async def test_a_delegate_must_do_the_same_job(app: App, transcript: Transcript) -> None:
    await session(app, "wang", transcript).handle("/inq away zhang 2026-11-23 2026-11-24 li")  # a specialist
    await session(app, "wang", transcript).handle("/inq away wang 2026-11-23 2026-11-24 zhou")  # a rep
    for_rep, for_manager = replies(transcript)
    assert "李雷" in for_rep and "张伟" in for_rep and "客户代表" in for_rep
    assert "周敏" in for_manager and "贸易部经理" in for_manager
    async with app.ctx.uow() as uow:
        assert await uow.away.periods() == {}
        audit = [(a["actor"], a["outcome"], a["detail"].get("reason")) for a in await uow.audit.entries()]
    assert audit == [("wang", "refused", "refused.delegate_not_peer")] * 2


async def test_the_delegate_of_an_away_rep_works_their_inquiries_but_cannot_reassign(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    inquiry = await forward(app, transcript, brazil(1))
    assert inquiry.assignee_id == "zhang"
    transcript.clear()
    await session(app, "wang", transcript).handle("/inq away zhang 2026-11-23 2026-11-24 zhou")  # his manager
    (recorded,) = replies(transcript)
    assert "张伟" in recorded and "周敏" in recorded
    assert any("张伟" in text for text in sent_to(transcript, "周敏"))  # the delegate is told
    transcript.clear()

    zhou = session(app, "zhou", transcript)
    await zhou.handle("/inq mine")
    await zhou.handle(f"/inq show {inquiry.id}")
    await zhou.handle(f"/inq followup {inquiry.id} email Sent the catalogue and the price list")
    await zhou.handle(f"/inq assign {inquiry.id} zhou")
    await session(app, "wu", transcript).handle(f"/inq ack {inquiry.id}")  # not covering anyone
    mine, shown, followed, reassign, other = replies(transcript)
    assert inquiry.id in mine and inquiry.id in shown and inquiry.id in followed
    assert "不能重新分配" in reassign
    assert "不是您负责" in other

    done = await stored(app, inquiry.id)
    assert done.status is Status.FOLLOWED_UP and done.assignee_id == "zhang"
    assert done.followed_up_at == local(2026, 11, 23, 9, 0)
    async with app.ctx.uow() as uow:
        history = await uow.inquiries.history(inquiry.id)
    assert ("followed_up", "zhou") in [(e.kind, e.actor_id) for e in history]
    assert [e.data["action"] for e in history if e.kind == "refused"] == ["assign", "ack"]

    clock.set(local(2026, 11, 25, 9, 0))  # zhang is back: the cover ends with the leave
    transcript.clear()
    await zhou.handle(f"/inq crm {inquiry.id} CRM-1001")
    (after,) = replies(transcript)
    assert "不是您负责" in after
