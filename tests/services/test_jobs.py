"""The slot guard, catch-up after downtime and count posts, through the real bootstrap on SQLite."""

from __future__ import annotations

import logging

import pytest

from bot.bootstrap import App
from bot.clock import FrozenClock
from bot.handlers.shell import ShellSession
from bot.services.jobs import catch_up, mark_started, run_at
from tests.conftest import Transcript, local


async def forward(app: App, transcript: Transcript, *texts: str) -> None:
    li = app.org.person("li")
    assert li is not None
    session = ShellSession(app, li, transcript.write)
    for text in texts:
        await session.handle(text)


async def test_a_slot_runs_once_however_often_it_fires(app: App, transcript: Transcript, clock: FrozenClock) -> None:
    await forward(app, transcript, "RFQ: spectrometer, WhatsApp +55 11 98765-4321")
    transcript.clear()
    first = await run_at(app.ctx, "counts_evening", local(2026, 11, 23, 18, 30))
    await app.dispatcher.drain()
    posted = transcript.text
    second = await run_at(app.ctx, "counts_evening", local(2026, 11, 23, 18, 31))  # --at 18:31 is the 18:30 slot
    await app.dispatcher.drain()
    assert (first.status, second.status) == ("done", "already_done")
    assert first.slot == second.slot == "2026-11-23T18:30"
    assert transcript.text == posted  # nothing new was posted
    assert "channel C0LATAM" in posted and "张伟" in posted


async def test_count_post_goes_to_the_region_channel_or_the_intake(app: App, transcript: Transcript) -> None:
    await forward(app, transcript, "Запрос цены, тел. +7 495 123-45-67, ivan@lab-tech.ru")  # cis: no channel
    transcript.clear()
    await run_at(app.ctx, "counts_night", local(2026, 11, 23, 21, 45))
    await app.dispatcher.drain()
    assert "channel C0INTAKE" in transcript.text
    assert "陈静 (DM)" in transcript.text  # trade2's manager gets the P2.2 reconciliation


async def test_restart_after_three_hours_posts_the_missed_count_once_marked_late(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    clock.set(local(2026, 11, 23, 9, 0))
    await mark_started(app.ctx)  # the process ran in the morning ...
    await forward(app, transcript, "RFQ from São Paulo, +55 11 98765-4321")
    await run_at(app.ctx, "counts_morning", local(2026, 11, 23, 9, 30))
    transcript.clear()
    clock.set(local(2026, 11, 23, 20, 30))  # ... was down from 17:30 to 20:30
    outcomes = await catch_up(app.ctx)
    await app.dispatcher.drain()
    evening = [o for o in outcomes if o.job == "counts_evening"]
    assert [(o.slot, o.status) for o in evening] == [("2026-11-23T18:30", "done")]
    assert transcript.text.count("（截至 18:30）") == len(app.org.regions)  # once per region, every region
    assert "补发" in transcript.text  # the post says it is late
    assert await catch_up(app.ctx) == []  # a second restart has nothing left to do


async def test_slots_older_than_a_day_are_logged_and_skipped(
    app: App, clock: FrozenClock, caplog: pytest.LogCaptureFixture
) -> None:
    clock.set(local(2026, 11, 20, 9, 0))
    await mark_started(app.ctx)
    clock.set(local(2026, 11, 23, 12, 0))
    with caplog.at_level(logging.WARNING, logger="bot.services.jobs"):
        outcomes = await catch_up(app.ctx)
    ran = {(o.job, o.slot) for o in outcomes}
    assert ("counts_morning", "2026-11-23T09:30") in ran
    assert ("counts_evening", "2026-11-22T18:30") in ran  # 17.5 h ago: within the day
    assert ("counts_evening", "2026-11-21T18:30") not in ran
    assert "skipping missed slot 2026-11-21T18:30 of counts_evening: older than 24 h" in caplog.text
    assert all(o.status == "done" for o in outcomes)


async def test_a_new_database_does_not_catch_up_on_a_past_it_never_had(app: App) -> None:
    assert await catch_up(app.ctx) == []


async def test_an_inquiry_without_a_region_is_brought_up_at_every_count(app: App, transcript: Transcript) -> None:
    sun = app.org.person("sun")  # sun covers two regions, so her own region is no hint
    assert sun is not None
    await ShellSession(app, sun, transcript.write).handle("Please send me a price list. Thanks, Alex")
    async with app.ctx.uow() as uow:
        (inquiry,) = await uow.inquiries.list()
    assert inquiry.region_id is None and inquiry.assignee_id is None
    transcript.clear()
    await run_at(app.ctx, "counts_evening", local(2026, 11, 23, 18, 30))
    await app.dispatcher.drain()
    assert "to 孙丽 (DM)" in transcript.text and f"/inq region {inquiry.id}" in transcript.text
    await ShellSession(app, sun, transcript.write).handle(f"/inq region {inquiry.id} europe")
    transcript.clear()
    await run_at(app.ctx, "counts_night", local(2026, 11, 23, 21, 45))
    await app.dispatcher.drain()
    assert f"/inq region {inquiry.id}" not in transcript.text


def test_every_scheduled_job_of_the_spec_has_a_body() -> None:
    from bot.rules.slots import JOBS
    from bot.services.jobs import BODIES

    assert set(BODIES) == set(JOBS) == {
        "counts_morning", "counts_evening", "counts_night", "followup_reminders", "followup_sweep",
        "deals_daily_prompt", "deals_daily_sweep", "crm_reminders", "weekly_rep_digest", "weekly_manager_table",
        "deals_monthly_prompt", "deals_monthly_sweep", "ledger_extracts", "ledger_reminders", "ledger_sweep",
        "crm_audit", "transfer_check", "weekly_chart", "calendar_check", "p3_notice"}  # issue 10
