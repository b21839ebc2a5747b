"""Rankings per rep and department: handled, on-time %, median first follow-up, won, conversion; confirmed grey
inquiries take no part in any of it (policy 1.7)."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.bootstrap import App
from bot.clock import FrozenClock
from bot.rules.inquiry import Customer, Inquiry, Status
from bot.rules.rankings import rank, ranking_json, weekly_chart
from bot.services.rankings import ranking_for
from tests.conftest import SHANGHAI, Transcript, local
from tests.services.report_month import play_november, say

FORWARDED = local(2026, 11, 23, 9, 0)
DUE = local(2026, 11, 23, 23, 59)


def inquiry(ident: str, *, assignee: str = "zhang", department: str = "trade1", region: str = "latam",
            followed: timedelta | None = None, won: bool = False, grey: bool = False,
            forwarded: datetime = FORWARDED) -> Inquiry:
    """A frozen inquiry value, forwarded at 09:00 and due at 23:59 the same day."""
    status = Status.GREY if grey else Status.WON if won else Status.FOLLOWED_UP if followed else Status.ASSIGNED
    return Inquiry(id=ident, status=status, region_id=region, department_id=department, assignee_id=assignee,
                   specialist_id="li", source="alibaba", customer=Customer(), original_text=None, platform="shell",
                   received_at=forwarded, forwarded_at=forwarded, due_at=forwarded.replace(hour=23, minute=59),
                   followed_up_at=forwarded + followed if followed else None, grey_state="confirmed" if grey else None)


def test_numbers_per_rep_and_department_leave_confirmed_grey_out() -> None:
    found = [
        inquiry("A", followed=timedelta(hours=1)),
        inquiry("B", followed=timedelta(hours=3), won=True),
        inquiry("C", followed=timedelta(hours=20)),  # followed up the next morning: late
        inquiry("D", grey=True),  # never followed up, but confirmed grey: not counted anywhere
        inquiry("E", assignee="huang", department="trade2", region="mena"),  # not followed up, due passed
    ]
    ranking = rank(found, "2026-11", local(2026, 11, 24, 12, 0))
    assert ranking.excluded_grey == 1
    zhang, huang = ranking.reps
    assert (zhang.key, zhang.handled, zhang.due, zhang.on_time, zhang.won) == ("zhang", 3, 3, 2, 1)
    assert zhang.median_followup == timedelta(hours=3)
    assert zhang.conversion == 1 / 3
    assert (huang.key, huang.handled, huang.on_time_rate, huang.median_followup) == ("huang", 1, 0.0, None)
    assert [d.key for d in ranking.departments] == ["trade1", "trade2"]
    data = ranking_json(ranking)
    assert data["reps"][0]["on_time_pct"] == 66.7 and data["reps"][0]["median_minutes"] == 180


def test_work_not_yet_due_is_not_counted_late() -> None:
    ranking = rank([inquiry("A"), inquiry("B", followed=timedelta(minutes=30))], "2026-11", local(2026, 11, 23, 12))
    (zhang,) = ranking.reps
    assert (zhang.handled, zhang.due, zhang.on_time_rate) == (2, 1, 1.0)


def test_a_ranking_with_only_grey_inquiries_is_empty() -> None:
    ranking = rank([inquiry("A", grey=True)], "2026-11", local(2026, 11, 30))
    assert ranking.reps == () and ranking.departments == () and ranking.excluded_grey == 1


def test_weekly_series_counts_grey_in_the_bars_but_not_in_the_rate() -> None:
    days = [FORWARDED.date() + timedelta(days=n) for n in range(7)]
    found = [inquiry("A", followed=timedelta(hours=1)), inquiry("B", grey=True),
             inquiry("C", region="mena", forwarded=FORWARDED + timedelta(days=1))]
    chart = weekly_chart(found, days, ["latam", "mena"], SHANGHAI, local(2026, 11, 30))
    assert chart.counts == {"latam": (2, 0, 0, 0, 0, 0, 0), "mena": (0, 1, 0, 0, 0, 0, 0)}
    assert chart.on_time[:3] == (1.0, 0.0, None)
    assert chart.week_on_time == 0.5 and chart.total == 3


async def test_inq_rank_replies_with_the_month_and_the_grey_left_out(app: App, clock: FrozenClock,
                                                                      transcript: Transcript) -> None:
    month = await play_november(app, clock, transcript)
    ranking = await ranking_for(app.ctx, "2026-11")
    assert ranking.excluded_grey == 1
    grey_rep = month.grey.assignee_id
    assert grey_rep not in {s.key for s in ranking.reps}  # their only inquiry was grey
    trade1 = next(s for s in ranking.departments if s.key == "trade1")
    assert (trade1.handled, trade1.won, trade1.on_time) == (1, 1, 1)
    transcript.clear()
    await say(app, "zhang", "/inq rank 2026-11", transcript)
    assert "2026-11 跟进排名" in transcript.text and "已确认标灰的 1 条询盘不参与排名" in transcript.text
    assert "贸易一部 · 处理 1 条 · 按时跟进 100%（1/1）" in transcript.text
    transcript.clear()
    await say(app, "emma", "/inq rank", transcript)  # emma reads English; the current month by default
    assert "Follow-up ranking 2026-11" in transcript.text


async def test_the_median_first_follow_up_counts_working_hours_only(
        app: App, transcript: Transcript, clock: FrozenClock) -> None:
    from tests.services.support import brazil, forward, session

    clock.set(local(2026, 9, 30, 17, 0))  # the eve of National Day
    first = await forward(app, transcript, brazil(1))
    clock.set(local(2026, 10, 8, 9, 0))  # the first morning back
    rep = first.assignee_id
    assert rep is not None
    await session(app, rep, transcript).handle(f"/inq followup {first.id} email Sent the quotation and catalogue")
    ranking = await ranking_for(app.ctx, "2026-09")
    (score,) = ranking.reps
    assert score.median_followup == timedelta(hours=1)  # 17:00-17:30 on 30 Sep and 08:30-09:00 on 8 Oct
    transcript.clear()
    await session(app, "li", transcript).handle("/inq rank 2026-09")
    assert "首次跟进用时中位数（工作时间） 1小时0分" in transcript.text  # not 184 hours of wall clock
