"""Weekly digests: the specialist's per-rep numbers on Monday, the manager's follow-up table on Friday."""

from __future__ import annotations

from typing import Any

from openpyxl import load_workbook

from bot.bootstrap import App
from bot.clock import FrozenClock
from tests.conftest import Transcript, local
from tests.services.support import brazil, dubai, forward, job_at, sent_to, session


async def queued(app: App, key: str) -> list[dict[str, Any]]:
    """The template data of every outbox message with `key`, oldest first."""
    async with app.ctx.uow() as uow:
        rows = await uow.outbox.rows()
    return [item.message.data for item, _status, _error in rows if item.message.key == key]


async def a_week_of_latam(app: App, transcript: Transcript, clock: FrozenClock) -> list[str]:
    """Monday 23 November: four inquiries for trade1, followed up on time, late, never, and one grey."""
    ids = [(await forward(app, transcript, brazil(n))).id for n in range(1, 5)]  # zhang, zhou, wu, zhang
    clock.set(local(2026, 11, 23, 15, 0))
    await session(app, "zhang", transcript).handle(f"/inq followup {ids[0]} email Sent the quotation today")
    await session(app, "li", transcript).handle(f"/inq grey {ids[3]} spam bulk mail from a reseller")
    clock.set(local(2026, 11, 24, 10, 0))
    await session(app, "zhou", transcript).handle(f"/inq followup {ids[1]} phone Called back the next morning")
    return ids


async def test_the_monday_digest_counts_last_week_per_rep(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    ids = await a_week_of_latam(app, transcript, clock)
    await forward(app, transcript, dubai(1), specialist="zhao")
    transcript.clear()

    await job_at(app, clock, "weekly_rep_digest", local(2026, 11, 30, 10, 0))

    (to_li,) = sent_to(transcript, "李雷")
    assert "2026-11-23 至 2026-11-29" in to_li
    assert "共 4 条：按时跟进 1 · 逾期跟进 1 · 未跟进 1 · 标灰 1" in to_li
    assert "张伟：收到 2 · 按时 1 · 逾期 0 · 未跟进 0 · 标灰 1" in to_li
    assert "周敏：收到 1 · 按时 0 · 逾期 1" in to_li and "吴强：收到 1 · 按时 0 · 逾期 0 · 未跟进 1" in to_li
    (to_zhao,) = sent_to(transcript, "赵敏")  # her own region's inquiry only
    assert "共 1 条" in to_zhao
    assert sent_to(transcript, "孙丽") == []  # nothing forwarded in her regions

    (li_data,) = [d for d in await queued(app, "digest.weekly_reps") if d["specialist"] == "li"]
    assert li_data["total"] == {"person": None, "received": 4, "on_time": 1, "late": 1, "missed": 1, "pending": 0,
                                "grey": 1}
    assert ids[0] not in to_li  # numbers, not a list of inquiries

    lines = len(transcript.lines)
    await job_at(app, clock, "weekly_rep_digest", local(2026, 11, 30, 10, 5))
    assert len(transcript.lines) == lines


async def test_the_digest_ignores_inquiries_of_other_weeks(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    await a_week_of_latam(app, transcript, clock)
    transcript.clear()
    await job_at(app, clock, "weekly_rep_digest", local(2026, 12, 7, 10, 0))  # the week after: nothing forwarded
    assert transcript.lines == []


async def test_the_friday_table_is_a_workbook_with_a_summary_that_adds_up(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    ids = await a_week_of_latam(app, transcript, clock)
    await session(app, "wu", transcript).handle(f"/inq agent {ids[2]} Tecno Andes SA")
    transcript.clear()

    await job_at(app, clock, "weekly_manager_table", local(2026, 11, 27, 17, 0))

    (to_wang,) = sent_to(transcript, "王芳")
    assert "转来的询盘共 4 条 = 直接跟进 3 条 + 发给代理商 1 条" in to_wang
    assert "直接跟进的询盘：3 条（按时 1 · 逾期 1 · 未跟进 0 · 未到期 0 · 标灰 1）" in to_wang
    assert "发给代理商的询盘：1 条（按时 0 · 逾期 0 · 未跟进 1 · 未到期 0 · 标灰 0）" in to_wang
    (data,) = [d for d in await queued(app, "digest.weekly_manager") if d["department"] == "trade1"]
    book = load_workbook(data["attachment"]["path"])
    assert book.sheetnames == ["直接跟进", "发给代理商"]
    direct = [r for r in book["直接跟进"].iter_rows(min_row=2, values_only=True)]
    agent = [r for r in book["发给代理商"].iter_rows(min_row=2, values_only=True)]
    assert [r[0] for r in direct] == [ids[0], ids[1], ids[3]] and [r[0] for r in agent] == [ids[2]]
    assert [r[7] for r in direct] == ["按时跟进", "逾期跟进", "已标灰"] and agent[0][11] == "Tecno Andes SA"
    # a quiet department hears so, instead of nothing
    (to_chen,) = sent_to(transcript, "陈静")
    assert "本部门没有新询盘" in to_chen

    lines = len(transcript.lines)
    await job_at(app, clock, "weekly_manager_table", local(2026, 11, 27, 17, 30))
    assert len(transcript.lines) == lines


async def test_the_monday_digest_shows_forwarding_and_follow_up_times_in_working_hours(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    from bot.services.intake import IntakeMessage, ingest

    li = app.org.person("li")
    assert li is not None
    # The customer wrote on Friday 20 Nov at 17:00; li forwarded on Monday 23 Nov at 09:30:
    # 17:00-17:30 on Friday and 08:30-09:30 on Monday, 1 h 30 of working time, not 64 h 30.
    clock.set(local(2026, 11, 23, 9, 30))
    late = await ingest(IntakeMessage("shell", li, brazil(1), forwarded_at=local(2026, 11, 23, 9, 30),
                                      received_at=local(2026, 11, 20, 17, 0)), ctx=app.ctx)
    # Another one waited 10 minutes; a third carries no original time and is not measured.
    await ingest(IntakeMessage("shell", li, brazil(2), forwarded_at=local(2026, 11, 23, 9, 40),
                               received_at=local(2026, 11, 23, 9, 30)), ctx=app.ctx)
    await forward(app, transcript, brazil(3))
    assert late.inquiry is not None and late.inquiry.assignee_id is not None
    clock.set(local(2026, 11, 23, 13, 30))  # over lunch: 4 h of wall clock, 3 h of working time
    await session(app, late.inquiry.assignee_id, transcript).handle(
        f"/inq followup {late.inquiry.id} email Sent the quotation today")
    transcript.clear()

    await job_at(app, clock, "weekly_rep_digest", local(2026, 11, 30, 10, 0))

    (to_li,) = sent_to(transcript, "李雷")
    assert "李雷的转发时效（制度1.1，客户发出至转发）" in to_li
    assert f"可计时的 2 条中，中位数 50分钟，最长 1小时30分（{late.inquiry.id}）" in to_li
    assert "首次跟进用时中位数 3小时0分" in to_li
    (data,) = await queued(app, "digest.weekly_reps")
    assert data["forwarding"] == {"measured": 2, "median_minutes": 50, "worst_minutes": 90,
                                  "worst_id": late.inquiry.id}
