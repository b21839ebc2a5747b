"""Issue 10, played late September to early November 2026 (National Day, the make-up Saturday 10 October): a
re-assignment and a transfer never rewrite September's ranking, day counts or ledger; the weekly manager tables
cover every inquiry exactly once, Friday-evening and weekend ones included."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from bot.bootstrap import App
from bot.clock import FrozenClock
from bot.rules.counts import report_json
from bot.rules.rankings import ranking_json
from bot.rules.slots import slots_between
from bot.services import all_jobs  # noqa: F401
from bot.services.counts import report_for
from bot.services.ledger import export
from bot.services.rankings import ranking_for
from tests.conftest import SHANGHAI, Transcript, local
from tests.services.support import brazil, forward, job_at, session, stored


async def snapshot(app: App, tmp_path: Path, name: str) -> dict[str, Any]:
    """September as the record shows it now: ranking, two day counts, every ledger cell."""
    async with app.ctx.uow() as uow:
        counts = [report_json(await report_for(uow, app.ctx, local(2026, 9, d).date())) for d in (28, 29)]
    made = await export(app.ctx, "2026-09", None, tmp_path / f"{name}.xlsx", actor="test")
    book = load_workbook(made.path)
    cells = {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in book.worksheets}
    return {"ranking": ranking_json(await ranking_for(app.ctx, "2026-09")), "counts": counts, "ledger": cells}


async def test_a_later_reassignment_and_transfer_leave_september_as_it_was(
    app: App, clock: FrozenClock, transcript: Transcript, tmp_path: Path
) -> None:
    app.ctx.reports_dir = tmp_path / "reports"
    clock.set(local(2026, 9, 28, 10, 0))
    missed = await forward(app, transcript, brazil(1))  # zhang; never followed up in September
    clock.set(local(2026, 9, 29, 11, 0))
    kept = await forward(app, transcript, brazil(2))  # zhou; followed up on time
    await session(app, kept.assignee_id or "", transcript).handle(
        f"/inq followup {kept.id} email Sent the quotation and datasheet")
    await job_at(app, clock, "followup_sweep", local(2026, 9, 28, 23, 59))
    await job_at(app, clock, "followup_sweep", local(2026, 9, 29, 23, 59))
    clock.set(local(2026, 10, 9, 18, 30))
    friday_evening = await forward(app, transcript, brazil(3))
    clock.set(local(2026, 10, 17, 11, 0))
    weekend = await forward(app, transcript, brazil(4))
    clock.set(local(2026, 10, 9, 9, 0))
    before = await snapshot(app, tmp_path, "before")
    zhang = next(s for s in before["ranking"]["reps"] if s["key"] == missed.assignee_id)
    assert (zhang["due"], zhang["on_time"]) == (1, 0)

    # make-up Saturday 10 October: the specialist re-assigns the followed-up one; on Monday 12 a transfer
    clock.set(local(2026, 10, 10, 10, 0))
    await session(app, "li", transcript).handle(f"/inq assign {kept.id} wu")
    clock.set(local(2026, 10, 12, 10, 0))
    await session(app, "li", transcript).handle(f"/inq transfer {missed.id} trade2")
    moved = await stored(app, missed.id)
    assert moved.department_id == "trade2" and moved.due_at == local(2026, 10, 12, 23, 59)  # fresh due time
    assert (await stored(app, kept.id)).due_at == local(2026, 10, 10, 23, 59)
    async with app.ctx.uow() as uow:
        history = await uow.inquiries.history(kept.id)
    reassigned = next(e for e in history if e.kind == "assigned" and e.data.get("previous"))
    old_due = datetime.fromisoformat(reassigned.data["previous_due_at"])
    assert old_due == local(2026, 9, 29, 23, 59)  # the old due time is kept in the history

    after = await snapshot(app, tmp_path, "after")
    assert after == before

    # every weekly table from late September to early November, each inquiry in exactly one of them
    seen: list[str] = []
    for slot in slots_between("weekly_manager_table", local(2026, 9, 20), local(2026, 11, 7), SHANGHAI,
                              app.org.schedule, app.ctx.calendar):
        assert app.ctx.calendar.is_workday(slot.date())
        await job_at(app, clock, "weekly_manager_table", slot)
    async with app.ctx.uow() as uow:
        rows = await uow.outbox.rows()
    for item, _status, _error in rows:
        attachment = item.message.data.get("attachment") if item.message.key == "digest.weekly_manager" else None
        if attachment:
            book = load_workbook(attachment["path"])
            seen += [str(r[0]) for ws in book.worksheets for r in ws.iter_rows(min_row=2, values_only=True)]
    assert sorted(seen) == sorted([missed.id, kept.id, friday_evening.id, weekend.id])
