"""Prompts before deadlines, through the real bootstrap: who is reminded, who is not, and only once per slot."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.bootstrap import App
from bot.clock import FrozenClock
from tests.conftest import Transcript, local
from tests.services.support import brazil, dubai, forward, job_at, sent_to, session


async def three_latam_inquiries(app: App, transcript: Transcript) -> dict[str, str]:
    """Forward three inquiries on Monday 23 November; round-robin gives one to each trade1 rep."""
    by_rep = {}
    for n in range(1, 4):
        inquiry = await forward(app, transcript, brazil(n))
        assert inquiry.assignee_id is not None
        by_rep[inquiry.assignee_id] = inquiry.id
    assert set(by_rep) == {"zhang", "zhou", "wu"}
    return by_rep


async def test_followup_reminders_reach_only_reps_with_something_due(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    by_rep = await three_latam_inquiries(app, transcript)
    await session(app, "zhang", transcript).handle(f"/inq followup {by_rep['zhang']} email Sent the quotation today")
    transcript.clear()

    await job_at(app, clock, "followup_reminders", local(2026, 11, 23, 21, 0))

    assert sent_to(transcript, "张伟") == []  # followed up: nothing to remind
    (to_zhou,) = sent_to(transcript, "周敏")
    (to_wu,) = sent_to(transcript, "吴强")
    assert by_rep["zhou"] in to_zhou and by_rep["wu"] not in to_zhou
    assert by_rep["wu"] in to_wu
    assert "补发" not in to_zhou  # on time, so not marked late

    lines = len(transcript.lines)
    again = await job_at(app, clock, "followup_reminders", local(2026, 11, 23, 21, 1))
    assert again.status == "already_done" and len(transcript.lines) == lines


async def test_the_23_00_reminder_skips_what_was_followed_up_since_21_00(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    by_rep = await three_latam_inquiries(app, transcript)
    await job_at(app, clock, "followup_reminders", local(2026, 11, 23, 21, 0))
    await session(app, "zhou", transcript).handle(f"/inq followup {by_rep['zhou']} phone Called the lab manager")
    transcript.clear()
    await job_at(app, clock, "followup_reminders", local(2026, 11, 23, 23, 0))
    assert sent_to(transcript, "周敏") == []
    assert len(sent_to(transcript, "张伟")) == 1 and len(sent_to(transcript, "吴强")) == 1


async def test_a_delegate_gets_the_reminder_while_the_rep_is_away(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    by_rep = await three_latam_inquiries(app, transcript)
    transcript.clear()
    await session(app, "wu", transcript).handle("/inq away wu 2026-11-23 2026-11-25 zhou")
    assert "2026-11-23" in transcript.lines[0] and "周敏" in transcript.lines[0]  # the reply
    assert len(sent_to(transcript, "周敏")) == 1  # the delegate is told
    transcript.clear()

    await job_at(app, clock, "followup_reminders", local(2026, 11, 23, 21, 0))

    assert sent_to(transcript, "吴强") == []
    (to_zhou,) = sent_to(transcript, "周敏")  # one message with her own inquiry and the one she covers
    assert by_rep["zhou"] in to_zhou and by_rep["wu"] in to_zhou and "吴强" in to_zhou


async def test_a_late_run_says_it_is_late(app: App, transcript: Transcript, clock: FrozenClock) -> None:
    by_rep = await three_latam_inquiries(app, transcript)
    transcript.clear()
    outcome = await job_at(app, clock, "followup_reminders", local(2026, 11, 23, 22, 10))
    assert outcome.slot == "2026-11-23T21:00"
    (to_zhang,) = sent_to(transcript, "张伟")
    assert by_rep["zhang"] in to_zhang and "补发" in to_zhang


async def test_the_manager_prompt_stops_once_the_daily_report_is_in(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    latam = await forward(app, transcript, brazil(1))
    transcript.clear()
    await job_at(app, clock, "deals_daily_prompt", local(2026, 11, 23, 20, 0))
    (to_wang,) = sent_to(transcript, "王芳")
    assert latam.id in to_wang and "/inq deals today none" in to_wang  # the day's inquiries and the button
    assert len(sent_to(transcript, "陈静")) == 1 and len(sent_to(transcript, "刘洋")) == 1

    clock.set(local(2026, 11, 23, 20, 10))
    await session(app, "wang", transcript).handle("/inq deals today none")
    transcript.clear()
    await job_at(app, clock, "deals_daily_prompt", local(2026, 11, 23, 20, 45))
    assert sent_to(transcript, "王芳") == []
    assert len(sent_to(transcript, "陈静")) == 1

    await job_at(app, clock, "deals_daily_sweep", local(2026, 11, 23, 21, 0))
    async with app.ctx.uow() as uow:
        p4 = {p.person_id for p in await uow.penalties.list() if p.rule == "P4"}
    assert p4 == {"chen", "liu"}


async def test_a_saturday_run_catches_up_fridays_last_prompt_marked_late(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    outcome = await job_at(app, clock, "deals_daily_prompt", local(2026, 11, 28, 20, 0))
    assert outcome.slot == "2026-11-27T20:45"  # the latest slot is Friday's; Saturday has none
    assert sent_to(transcript, "王芳")  # Friday's slot had not run yet: it runs now, marked late
    assert "补发" in sent_to(transcript, "王芳")[0]


async def test_crm_reminders_on_days_5_and_7_after_assignment(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    by_rep = await three_latam_inquiries(app, transcript)
    await session(app, "zhou", transcript).handle(f"/inq crm {by_rep['zhou']} CRM-2231")
    transcript.clear()

    await job_at(app, clock, "crm_reminders", local(2026, 11, 27, 10, 0))  # day 4: nothing yet
    assert transcript.lines == []
    # day 5 is Saturday 28 November, not a working day: no slot then, the reminder waits for Monday
    weekend = await job_at(app, clock, "crm_reminders", local(2026, 11, 28, 10, 0))
    assert weekend.slot == "2026-11-27T10:00" and weekend.status == "already_done" and transcript.lines == []
    await job_at(app, clock, "crm_reminders", local(2026, 11, 30, 10, 0))  # Monday: day 7 (day 5 was Saturday)
    (to_zhang,) = sent_to(transcript, "张伟")
    assert by_rep["zhang"] in to_zhang and "第 7 天" in to_zhang
    assert len(sent_to(transcript, "吴强")) == 1
    assert sent_to(transcript, "周敏") == []  # entered in CRM already


async def test_monthly_prompt_lists_won_deals_and_stops_after_the_report(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    by_rep = await three_latam_inquiries(app, transcript)
    await session(app, "zhang", transcript).handle(f"/inq agent {by_rep['zhang']} Tecno Andes SA")
    await session(app, "zhang", transcript).handle(f"/inq won {by_rep['zhang']} 12000")
    transcript.clear()

    await job_at(app, clock, "deals_monthly_prompt", local(2026, 11, 27, 10, 0))  # 2nd-to-last working day
    (to_wang,) = sent_to(transcript, "王芳")
    assert by_rep["zhang"] in to_wang and "Tecno Andes SA" in to_wang
    assert by_rep["zhou"] not in to_wang  # only won inquiries are listed

    clock.set(local(2026, 11, 27, 11, 0))
    await session(app, "wang", transcript).handle(f"/inq deals month {by_rep['zhang']}")
    transcript.clear()
    await job_at(app, clock, "deals_monthly_prompt", local(2026, 11, 30, 10, 0))  # last working day
    assert sent_to(transcript, "王芳") == []
    assert len(sent_to(transcript, "陈静")) == 1


async def test_ledger_sent_stops_the_reminders_and_p7(app: App, transcript: Transcript, clock: FrozenClock) -> None:
    await job_at(app, clock, "ledger_reminders", local(2026, 12, 2, 10, 0))  # 2nd working day of December
    assert "2026-11" in sent_to(transcript, "李雷")[0]
    assert len(sent_to(transcript, "赵敏")) == 1 and len(sent_to(transcript, "孙丽")) == 1

    clock.set(local(2026, 12, 3, 11, 0))
    await session(app, "li", transcript).handle("/inq ledger sent")
    assert "2026-11" in transcript.lines[-1]
    transcript.clear()
    await job_at(app, clock, "ledger_reminders", local(2026, 12, 3, 15, 30))
    assert sent_to(transcript, "李雷") == [] and len(sent_to(transcript, "赵敏")) == 1

    await job_at(app, clock, "ledger_sweep", local(2026, 12, 3, 17, 30))
    async with app.ctx.uow() as uow:
        p7 = {p.person_id for p in await uow.penalties.list() if p.rule == "P7"}
    assert p7 == {"zhao", "sun"}  # li confirmed in time; the others did not


async def test_only_the_region_specialist_confirms_the_ledger(app: App, transcript: Transcript) -> None:
    await session(app, "zhang", transcript).handle("/inq ledger sent")
    await session(app, "li", transcript).handle("/inq ledger sent 2026-13")
    await session(app, "li", transcript).handle("/inq ledger sent 2026-11")  # the month is not over yet
    await session(app, "li", transcript).handle("/inq ledger sent")
    await session(app, "li", transcript).handle("/inq ledger sent 2026-10")
    refused, bad_month, unfinished, first, second = transcript.lines[-5:]
    assert "推广专员" in refused and "2026-13" in bad_month and "2026-11" in unfinished
    assert "P7" in first and "2026-10" in first and "此前已确认" in second
    async with app.ctx.uow() as uow:
        assert set(await uow.reports.ledger_confirmations("2026-10")) == {"trade1"}
        audit = await uow.audit.entries()
    assert ("zhang", "ledger_sent", "refused") in {(a["actor"], a["action"], a["outcome"]) for a in audit}


async def test_a_mena_inquiry_is_reminded_to_its_own_rep(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    inquiry = await forward(app, transcript, dubai(1), specialist="zhao")
    assert inquiry.department_id == "trade2" and inquiry.assignee_id
    rep = app.org.person(inquiry.assignee_id)
    assert rep is not None
    transcript.clear()
    clock.advance(timedelta(hours=1))
    await job_at(app, clock, "followup_reminders", local(2026, 11, 23, 21, 0))
    (text,) = sent_to(transcript, rep.name)
    assert inquiry.id in text


async def test_p8_warns_on_day_25_and_suggests_a_transfer_once(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    by_rep = await three_latam_inquiries(app, transcript)  # forwarded Monday 23 November 09:00
    await session(app, "zhang", transcript).handle(f"/inq lost {by_rep['zhang']} Customer bought elsewhere already")
    transcript.clear()

    await job_at(app, clock, "transfer_check", local(2026, 12, 17, 10, 0))  # day 24: too early
    assert transcript.lines == []
    await job_at(app, clock, "transfer_check", local(2026, 12, 18, 10, 0))  # day 25: one warning each
    assert any(by_rep["zhou"] in text for text in sent_to(transcript, "周敏"))
    assert len(sent_to(transcript, "李雷")) == 2 and sent_to(transcript, "张伟") == []  # closed: no warning
    transcript.clear()
    await job_at(app, clock, "transfer_check", local(2026, 12, 19, 10, 0))  # warned already
    assert transcript.lines == []

    await job_at(app, clock, "transfer_check", local(2026, 12, 23, 10, 0))  # one month: due
    suggestions = sent_to(transcript, "李雷")
    assert len(suggestions) == 2 and sent_to(transcript, "周敏") == []
    commands = [line for text in suggestions for line in text.splitlines() if "/inq transfer" in line]
    assert any(f"/inq transfer {by_rep['zhou']} trade2 huang" in c for c in commands)  # least open load
    assert any(f"/inq transfer {by_rep['wu']} trade3 he" in c for c in commands)  # huang now has one more
    transcript.clear()
    await job_at(app, clock, "transfer_check", local(2026, 12, 24, 10, 0))
    assert transcript.lines == []

    await session(app, "li", transcript).handle(f"/inq transfer {by_rep['zhou']} trade2 huang")
    async with app.ctx.uow() as uow:
        kinds = [e.kind for e in await uow.inquiries.history(by_rep["zhou"])]
    assert kinds.count("transfer_warning") == 1 and kinds.count("transfer_suggested") == 1
    assert kinds[-1] == "transferred"


async def test_p8_after_downtime_suggests_without_an_earlier_warning(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    inquiry = await forward(app, transcript, brazil(1))
    transcript.clear()
    await job_at(app, clock, "transfer_check", local(2026, 12, 26, 10, 0))  # first run after the due day
    (suggestion,) = sent_to(transcript, "李雷")
    assert inquiry.id in suggestion and "/inq transfer" in suggestion
    assert sent_to(transcript, "张伟") == []  # no stale warning on top


@pytest.mark.parametrize(
    ("name", "at"),
    [
        ("followup_reminders", local(2026, 11, 23, 21, 0)),
        ("deals_daily_prompt", local(2026, 11, 23, 20, 0)),
        ("crm_reminders", local(2026, 11, 30, 10, 0)),
        ("deals_monthly_prompt", local(2026, 11, 27, 10, 0)),
        ("ledger_reminders", local(2026, 12, 2, 10, 0)),
        ("transfer_check", local(2026, 12, 18, 10, 0)),
        ("weekly_rep_digest", local(2026, 11, 30, 10, 0)),
        ("weekly_manager_table", local(2026, 11, 27, 17, 0)),
    ],
)
async def test_a_second_run_of_the_same_slot_sends_nothing(
    app: App, transcript: Transcript, clock: FrozenClock, name: str, at: datetime
) -> None:
    await three_latam_inquiries(app, transcript)
    transcript.clear()
    first = await job_at(app, clock, name, at)
    assert first.status == "done" and transcript.lines, first
    lines = len(transcript.lines)
    again = await job_at(app, clock, name, at + timedelta(minutes=2))
    assert again.status == "already_done" and len(transcript.lines) == lines


async def test_p8_the_suggestion_comes_at_the_time_the_warning_named_and_agent_work_is_left_alone(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    clock.set(local(2026, 11, 23, 15, 0))  # forwarded in the afternoon: the month is up on 23 Dec at 15:00
    kept = await forward(app, transcript, brazil(1))
    with_agent = await forward(app, transcript, brazil(2))
    assert with_agent.assignee_id is not None
    await session(app, with_agent.assignee_id, transcript).handle(f"/inq agent {with_agent.id} Andes Instrumentos")
    transcript.clear()

    await job_at(app, clock, "transfer_check", local(2026, 12, 18, 10, 0))  # day 25
    warnings = [t for name in ("张伟", "周敏", "吴强", "王芳", "李雷") for t in sent_to(transcript, name)]
    assert all(with_agent.id not in t for t in warnings)  # an agent works it: no transfer to another department
    to_manager = [t for t in sent_to(transcript, "王芳") if kept.id in t]
    assert to_manager, "the department manager is warned too"
    assert "2026-12-24 10:00" in to_manager[0]  # the first transfer check after 23 Dec 15:00
    transcript.clear()

    await job_at(app, clock, "transfer_check", local(2026, 12, 23, 10, 0))  # before the month is up: nothing yet
    assert sent_to(transcript, "李雷") == []
    await job_at(app, clock, "transfer_check", local(2026, 12, 24, 10, 0))  # exactly when the warning said
    (suggestion,) = sent_to(transcript, "李雷")
    assert kept.id in suggestion and with_agent.id not in suggestion
