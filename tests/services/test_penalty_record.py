"""Issue 10's penalty record: grey settles P1.4/P5, the P3 audit waits for the CRM week, the P3 notice waits for
its Friday, and `incentives list --json` carries every step."""

from __future__ import annotations

import asyncio
import json

import pytest
from typer.testing import CliRunner

from bot.bootstrap import App
from bot.cli import app as cli
from bot.clock import FrozenClock
from bot.services.jobs import run_at
from tests.conftest import EXAMPLE_ORG, Transcript, local
from tests.services.test_penalty_lifecycle import RFQ, penalties, say


async def job(app: App, clock: FrozenClock, name: str, at: object) -> None:
    clock.set(at)  # type: ignore[arg-type]
    assert (await run_at(app.ctx, name, at)).status == "done"  # type: ignore[arg-type]
    await app.dispatcher.drain()


async def test_a_confirmed_grey_waives_open_p1_4_and_asks_about_confirmed_ones(
        app: App, clock: FrozenClock, transcript: Transcript) -> None:
    await say(app, "li", transcript, RFQ)
    await say(app, "li", transcript, RFQ.replace("98765-4321", "91234-0000").replace("UV-Vis", "GC"))
    await job(app, clock, "followup_sweep", local(2026, 11, 23, 23, 59))
    first, second = await penalties(app)
    clock.set(local(2026, 11, 24, 10, 0))
    await say(app, "li", transcript, f"/inq penalty confirm {second.id} nothing was sent")
    for p in (first, second):
        await say(app, p.person_id, transcript, f"/inq grey {p.inquiry_id} spam: a link farm")
        transcript.clear()
        await say(app, "li", transcript, f"/inq grey {p.inquiry_id}")
        await app.dispatcher.drain()
        if p is second:
            asked = "\n".join(transcript.lines)
    after = {p.id: p for p in await penalties(app)}
    assert after[first.id].status.value == "waived" and after[first.id].decided_by == "li"
    assert (after[first.id].reason or "").startswith("grey confirmed: spam")
    assert after[second.id].status.value == "confirmed"  # a specialist's decision is not undone silently
    assert "── to 李雷 (DM) ──" in asked and second.id in asked
    assert f"/inq penalty waive {second.id} REASON" in asked  # the waive button (shell: its command)


async def test_the_crm_audit_waits_for_the_reps_crm_week(app: App, clock: FrozenClock, transcript: Transcript) -> None:
    clock.set(local(2026, 11, 27, 9, 0))  # Friday: the CRM week ends with 4 Dec
    await say(app, "li", transcript, RFQ)
    await say(app, "zhang", transcript, "/inq won INQ-2026-000001 38000")
    await job(app, clock, "crm_audit", local(2026, 12, 4, 10, 0))
    assert await penalties(app) == []  # still inside the week on the audit day
    await job(app, clock, "crm_audit", local(2027, 1, 8, 10, 0))  # next month's audit catches it
    [p3] = await penalties(app)
    assert (p3.rule, p3.person_id, p3.period, p3.amount) == ("P3", "zhang", "2026-11", None)


async def test_a_p3_is_published_on_its_friday_and_a_later_waiver_is_corrected(
        app: App, clock: FrozenClock, transcript: Transcript) -> None:
    await say(app, "li", transcript, RFQ)
    await say(app, "zhang", transcript, "/inq won INQ-2026-000001 38000")
    clock.set(local(2026, 12, 2, 15, 0))  # a Wednesday
    await say(app, "li", transcript, "/inq penalty add zhang P3 INQ-2026-000001 amount=2500 not in CRM")
    await app.dispatcher.drain()
    assert "channel C0ANNOUNCE" not in "\n".join(transcript.lines)  # not at confirmation
    await job(app, clock, "p3_notice", local(2026, 12, 4, 16, 0))
    notice = [t for t in transcript.lines if t.startswith("── to channel C0ANNOUNCE ──")]
    assert len(notice) == 1 and "2500 元" in notice[0]
    clock.set(local(2026, 12, 7, 10, 0))
    await say(app, "li", transcript, "/inq penalty waive PEN-2026-00001 entered in CRM under the company")
    await app.dispatcher.drain()
    corrections = [t for t in transcript.lines if t.startswith("── to channel C0ANNOUNCE ──") and "更正" in t]
    assert len(corrections) == 1
    await job(app, clock, "p3_notice", local(2027, 1, 8, 16, 0))  # nothing confirmed is left to publish
    assert len([t for t in transcript.lines if t.startswith("── to channel C0ANNOUNCE ──")]) == 2


async def test_a_second_p3_names_the_first_and_p3_needs_an_explicit_amount(app: App, transcript: Transcript) -> None:
    await say(app, "li", transcript, RFQ)
    prose = await say(app, "li", transcript, "/inq penalty add zhang P3 INQ-2026-000001 2 deals checked")
    assert "amount=" in prose and await penalties(app) == []
    await say(app, "li", transcript, "/inq penalty add zhang P3 INQ-2026-000001 amount=none not in CRM")
    second = await say(app, "li", transcript, "/inq penalty add zhang P3 INQ-2026-000001 amount=900 again")
    [p3] = await penalties(app)
    assert p3.amount is None and p3.id in second


async def test_cli_list_json_shows_each_step(app: App, clock: FrozenClock, transcript: Transcript,
                                             sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    await say(app, "li", transcript, RFQ)
    await job(app, clock, "followup_sweep", local(2026, 11, 23, 23, 59))
    clock.set(local(2026, 11, 24, 10, 0))
    await say(app, "li", transcript, "/inq penalty confirm PEN-2026-00001 no follow-up at all")
    clock.set(local(2026, 11, 24, 11, 0))
    await say(app, "zhang", transcript, "/inq penalty appeal PEN-2026-00001 I called at 22:00")
    clock.set(local(2026, 11, 24, 12, 0))
    await say(app, "li", transcript, "/inq penalty waive PEN-2026-00001 the call log shows 22:00")
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    monkeypatch.setenv("INQUIRYBOT_ORG", str(EXAMPLE_ORG))
    monkeypatch.setenv("INQUIRYBOT_LOG_LEVEL", "WARNING")
    # the CLI runs its own event loop: in a thread, beside the test's
    listed = await asyncio.to_thread(CliRunner().invoke, cli, ["incentives", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    [item] = json.loads(listed.stdout)
    assert {"id", "rule", "person", "amount", "status", "inquiry", "period", "split_group", "created_at",
            "decided_by", "decided_at", "reason", "appealed", "appeal_reason", "history"} <= set(item)
    assert (item["status"], item["under_appeal"], item["facts"]["inquiry"]) == ("waived", False, "INQ-2026-000001")
    assert [(s["what"], s["who"], s["reason"]) for s in item["history"]] == [
        ("proposed", None, None),
        ("confirmed", "li", "no follow-up at all"),
        ("appealed", "zhang", "I called at 22:00"),
        ("waived", "li", "the call log shows 22:00"),
    ]
    assert item["history"][1]["when"].startswith("2026-11-24T02:00")
