"""The weekly follow-up table per department for its manager (policy 1.5, 1.6): an XLSX and a chat summary.

It covers every inquiry forwarded since the previous table (Friday evenings, weekends, holidays and make-up
days included), so no inquiry falls between two tables; a quiet week still gets its "no inquiries" message.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

from bot.rules.cover import prompt_recipient
from bot.rules.digests import TABLE_COLUMNS, table_row, tally
from bot.rules.inquiry import Inquiry
from bot.rules.slots import latest_slot, slot_key
from bot.services.assigning import availability
from bot.services.context import Context
from bot.services.holders import seen_at
from bot.services.jobs import SlotRun, job
from bot.services.labels import labeller
from bot.services.reminders import dm, slot_data
from bot.services.xlsx import Sheet, write_workbook
from storage.uow import UnitOfWork

LONGEST_GAP = timedelta(days=62)  # a table that never ran for two months starts over from its last scheduled slot


async def table_start(ctx: Context, uow: UnitOfWork, run: SlotRun) -> datetime:
    """Where this table takes over: the previous table that ran (a missed one leaves no gap), else the previous
    scheduled slot."""
    scheduled = latest_slot(run.job, run.slot - timedelta(seconds=1), ctx.tz, ctx.org.schedule, ctx.calendar)
    floor = run.slot - LONGEST_GAP
    done = await uow.jobs.last_done_before(run.job, slot_key(run.slot, ctx.tz))
    ran = datetime.fromisoformat(done).replace(tzinfo=ctx.tz) if done else None
    candidates = [t for t in (scheduled, ran) if t is not None and t >= floor]
    return min(candidates) if candidates else run.slot - timedelta(days=7)


def write_table(ctx: Context, names: dict[str, str], path: Path, direct: Sequence[Inquiry],
                agent: Sequence[Inquiry], now: datetime) -> Path:
    """Two sheets, inquiries followed up by the department and those handed to agents, oldest first."""
    label = labeller(ctx.org, ctx.org.locale, names)
    headers = [label("weekly_column", c) for c in TABLE_COLUMNS]
    sheets = [Sheet(label("weekly_sheet", kind), headers, [table_row(i, now, label, ctx.tz) for i in rows])
              for kind, rows in (("direct", direct), ("agent", agent))]
    return write_workbook(sheets, path)


@job("weekly_manager_table")
async def weekly_manager_table(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    """Each manager (or their cover) gets the table file and a summary whose parts add up to the total."""
    start = await table_start(ctx, uow, run)
    found = await seen_at(uow, await uow.inquiries.list(forwarded_from=start, forwarded_to=run.slot),
                          lambda _i: run.slot)
    cover = await availability(uow, ctx)
    names = await uow.people.names()
    day, first = ctx.local(run.slot).date(), ctx.local(start)
    sent = 0
    for department in ctx.org.departments:
        recipient = prompt_recipient(ctx.org, department.manager, day, cover)
        if recipient is None:
            continue
        mine = [i for i in found if i.department_id == department.id]
        direct, agent = [i for i in mine if not i.agent_name], [i for i in mine if i.agent_name]
        data = {**slot_data(run), "department": department.id, "manager": department.manager,
                "from": first.isoformat(), "to": ctx.local(run.slot).isoformat(),
                "week_start": first.date().isoformat(), "week_end": day.isoformat(), "total": len(mine),
                "direct_total": tally(direct, run.slot).as_json(), "agent_total": tally(agent, run.slot).as_json()}
        if mine:
            name = f"weekly-{department.id}-{first:%Y%m%d%H%M}-{ctx.local(run.slot):%Y%m%d%H%M}.xlsx"
            path = write_table(ctx, names, ctx.reports_dir / name, direct, agent, run.slot)
            data["attachment"] = {"path": str(path), "filename": path.name}
        await dm(uow, ctx, recipient, "digest.weekly_manager", data)
        sent += 1
    return f"{len(found)} inquiries since {first:%Y-%m-%d %H:%M}, {sent} tables"
