"""Deal reports, counts match, transfers, leave and reload, typed in the shell as managers and specialists would."""

from __future__ import annotations

from datetime import timedelta

from bot.bootstrap import App
from bot.clock import FrozenClock
from bot.rules.inquiry import Status
from tests.conftest import Transcript, local
from tests.services.support import brazil, dubai, forward, job_at, sent_to, session, stored


async def test_deals_today_marks_listed_inquiries_won_and_tells_the_specialist(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    first = await forward(app, transcript, brazil(1))
    second = await forward(app, transcript, brazil(2))
    transcript.clear()
    clock.set(local(2026, 11, 23, 19, 30))
    await session(app, "wang", transcript).handle(f"/inq deals today {first.id}")

    assert first.id in transcript.lines[0]  # the manager's reply
    (to_li,) = sent_to(transcript, "李雷")
    assert first.id in to_li and "王芳" in to_li
    won = await stored(app, first.id)
    assert won.status is Status.WON and won.won_at == local(2026, 11, 23, 19, 30)
    assert (await stored(app, second.id)).status is Status.ASSIGNED
    async with app.ctx.uow() as uow:
        reports = await uow.reports.deal_reports("daily", "2026-11-23")
        history = [e.kind for e in await uow.inquiries.history(first.id)]
    assert reports["trade1"].inquiry_ids == (first.id,) and reports["trade1"].reported_by == "wang"
    assert history[-1] == "won"


async def test_a_second_daily_report_is_refused_and_changes_nothing(app: App, transcript: Transcript) -> None:
    inquiry = await forward(app, transcript, brazil(1))
    await session(app, "wang", transcript).handle("/inq deals today none")
    transcript.clear()
    await session(app, "wang", transcript).handle(f"/inq deals today {inquiry.id}")
    (reply,) = transcript.lines
    assert "不能重复提交" in reply and "王芳" in reply
    assert (await stored(app, inquiry.id)).status is Status.ASSIGNED
    async with app.ctx.uow() as uow:
        report = (await uow.reports.deal_reports("daily", "2026-11-23"))["trade1"]
    assert report.inquiry_ids == ()


async def test_a_rep_cannot_send_the_daily_report(app: App, transcript: Transcript) -> None:
    inquiry = await forward(app, transcript, brazil(1))
    transcript.clear()
    await session(app, "zhang", transcript).handle(f"/inq deals today {inquiry.id}")
    (reply,) = transcript.lines
    assert "经理" in reply
    async with app.ctx.uow() as uow:
        assert await uow.reports.deal_reports("daily", "2026-11-23") == {}
        audit = await uow.audit.entries()
    assert [(a["actor"], a["action"], a["outcome"]) for a in audit] == [("zhang", "deals_daily", "refused")]
    assert (await stored(app, inquiry.id)).status is Status.ASSIGNED


async def test_a_manager_reports_only_inquiries_of_their_department(app: App, transcript: Transcript) -> None:
    mena = await forward(app, transcript, dubai(1), specialist="zhao")
    transcript.clear()
    await session(app, "wang", transcript).handle(f"/inq deals today {mena.id}")
    await session(app, "wang", transcript).handle("/inq deals today none INQ-2026-000001")
    await session(app, "wang", transcript).handle("/inq deals today")
    wrong_department, mixed, empty = transcript.lines
    assert mena.id in wrong_department and "贸易一部" in wrong_department
    assert "/inq deals today none|ID..." in mixed and "/inq deals today none|ID..." in empty
    async with app.ctx.uow() as uow:
        assert await uow.reports.deal_reports("daily", "2026-11-23") == {}


async def test_an_admin_names_the_department_and_the_monthly_report_counts_for_p6(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    inquiry = await forward(app, transcript, brazil(1))
    await session(app, "gao", transcript).handle("/inq deals month none")
    assert "trade1" in transcript.lines[-1]  # several departments: the admin is asked which
    await session(app, "gao", transcript).handle(f"/inq deals month trade1 {inquiry.id}")
    assert (await stored(app, inquiry.id)).status is Status.WON
    await job_at(app, clock, "deals_monthly_sweep", local(2026, 11, 30, 15, 30))
    async with app.ctx.uow() as uow:
        report = (await uow.reports.deal_reports("monthly", "2026-11"))["trade1"]
        p6 = [p for p in await uow.penalties.list() if p.rule == "P6"]
    assert report.inquiry_ids == (inquiry.id,) and report.reported_by == "gao"
    assert p6 == []  # the won inquiry was in an on-time report


async def test_a_delegate_reports_for_an_away_manager(app: App, transcript: Transcript, clock: FrozenClock) -> None:
    await session(app, "wang", transcript).handle("/inq away wang 2026-11-23 2026-11-24 chen")  # a manager
    transcript.clear()
    await job_at(app, clock, "deals_daily_prompt", local(2026, 11, 23, 20, 0))
    assert sent_to(transcript, "王芳") == []
    own, covered = sorted(sent_to(transcript, "陈静"), key=lambda text: "王芳" in text)
    assert "王芳" in covered and "王芳" not in own
    await session(app, "chen", transcript).handle("/inq deals today trade1 none")
    async with app.ctx.uow() as uow:
        assert (await uow.reports.deal_reports("daily", "2026-11-23"))["trade1"].reported_by == "chen"


async def test_match_records_once_and_tells_the_specialist(app: App, transcript: Transcript) -> None:
    await session(app, "wang", transcript).handle("/inq match")
    await session(app, "wang", transcript).handle("/inq match trade1")
    await session(app, "wang", transcript).handle("/inq match trade2")
    await session(app, "zhou", transcript).handle("/inq match")
    assert len(sent_to(transcript, "李雷")) == 1
    replies = [line for line in transcript.lines if not line.startswith("──")]
    first, again, other_department, rep = replies
    assert "已通知" in first and "无需重复" in again
    assert "经理" in other_department and "经理" in rep
    async with app.ctx.uow() as uow:
        assert not await uow.reports.match_counts("trade1", local(2026, 11, 23, 0, 0).date(), "wang",
                                                  local(2026, 11, 23, 9, 0))


async def test_transfer_restarts_the_follow_up_clock(app: App, transcript: Transcript, clock: FrozenClock) -> None:
    inquiry = await forward(app, transcript, brazil(1))
    rep = inquiry.assignee_id
    await session(app, rep or "", transcript).handle(f"/inq followup {inquiry.id} email Sent the quotation today")
    clock.set(local(2026, 11, 25, 22, 30))  # Wednesday, after the 21:59 cutoff
    transcript.clear()
    await session(app, "li", transcript).handle(f"/inq transfer {inquiry.id} trade2")

    moved = await stored(app, inquiry.id)
    assert moved.department_id == "trade2" and moved.assignee_id == "huang" and moved.transfers == 1
    assert moved.status is Status.ASSIGNED and moved.followed_up_at is None and moved.acknowledged_at is None
    assert moved.due_at == local(2026, 11, 26, 23, 59)  # the new rep's clock: next working day
    assert moved.original_assignee_id == rep and moved.region_id == "latam"
    assert any(inquiry.id in text for text in sent_to(transcript, "黄磊"))
    assert any(inquiry.id in text for text in sent_to(transcript, "张伟"))  # the old rep
    assert any(inquiry.id in text for text in sent_to(transcript, "陈静"))  # the new department's manager
    async with app.ctx.uow() as uow:
        last = (await uow.inquiries.history(inquiry.id))[-1]
    assert last.kind == "transferred" and last.data["to"] == "huang" and last.data["previous"] == rep


async def test_transfer_to_a_named_rep_and_what_is_refused(app: App, transcript: Transcript) -> None:
    inquiry = await forward(app, transcript, brazil(1))
    transcript.clear()
    li = session(app, "li", transcript)
    await session(app, "zhang", transcript).handle(f"/inq transfer {inquiry.id} trade2")  # a rep
    await session(app, "zhao", transcript).handle(f"/inq transfer {inquiry.id} trade2")  # not her region
    await li.handle(f"/inq transfer {inquiry.id} trade1")  # same department
    await li.handle(f"/inq transfer {inquiry.id} trade9")  # no such department
    await li.handle(f"/inq transfer {inquiry.id} trade2 he")  # he works in trade3
    assert (await stored(app, inquiry.id)).department_id == "trade1"
    await li.handle(f"/inq transfer {inquiry.id} trade3 lin")
    moved = await stored(app, inquiry.id)
    assert (moved.department_id, moved.assignee_id, moved.transfers) == ("trade3", "lin", 1)
    replies = [line for line in transcript.lines if not line.startswith("──")]
    assert len(replies) == 6 and "林娜" in replies[-1]


async def test_away_is_checked_and_assignment_skips_the_person(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    zhang = session(app, "zhang", transcript)
    await zhang.handle("/inq away zhou 2026-11-23 2026-11-24")  # a rep for a colleague
    await zhang.handle("/inq away zhang 2026-11-25 2026-11-23")  # backwards
    await zhang.handle("/inq away zhang 2026-11-23 2026-11-24 ma")  # ma has left
    await zhang.handle("/inq away zhang 23/11 2026-11-24")
    await session(app, "wang", transcript).handle("/inq away zhang 2026-11-23 2026-11-24 zhou")  # his manager
    replies = [line for line in transcript.lines if not line.startswith("──")]
    refused, backwards, inactive, bad_date, recorded = replies
    assert "本人" in refused and "2026-11-25" in backwards and "马超" in inactive and "23/11" in bad_date
    assert "张伟" in recorded and "周敏" in recorded
    clock.advance(timedelta(minutes=5))
    assignees = [(await forward(app, transcript, brazil(n))).assignee_id for n in range(1, 4)]
    assert "zhang" not in assignees


async def test_reload_is_for_admins_and_counts_is_registered(app: App, transcript: Transcript) -> None:
    await session(app, "gao", transcript).handle("/inq reload")
    await session(app, "wang", transcript).handle("/inq reload")
    await session(app, "li", transcript).handle("/inq counts 2026-11-23")
    admin, manager, counts = transcript.lines
    assert "重新加载" in admin and "管理员" in manager and "2026-11-23" in counts
