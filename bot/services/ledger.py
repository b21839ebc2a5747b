"""The ledger 《海外电子商务信息汇总台账》 as XLSX: `inquirybot ledger export`, `/inq ledger` and the P7 extracts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from bot.commands import Command
from bot.errors import InvalidInput
from bot.org.model import Org, Person
from bot.outbound import Outbound, Reply, Target
from bot.rules.deadlines import ledger_due
from bot.rules.holders import period_row
from bot.rules.ledger_rows import COLUMNS, UNROUTED, ledger_sheets
from bot.rules.months import looks_like_month, month_bounds, parse_month, previous_month
from bot.rules.penalties import Penalty
from bot.rules.permissions import department_specialists, departments_in_view
from bot.services.actions import refuse
from bot.services.context import Context
from bot.services.jobs import SlotRun, job
from bot.services.labels import labeller
from bot.services.views import iso
from bot.services.xlsx import Sheet, write_workbook
from storage.uow import UnitOfWork


@dataclass(frozen=True)
class LedgerFile:
    path: Path
    month: str
    departments: tuple[str, ...]
    rows: int

    def data(self) -> dict[str, object]:
        """Template data; `attachment` is what notifiers upload (the shell prints the path)."""
        return {"month": self.month, "departments": list(self.departments), "rows": self.rows,
                "filename": self.path.name, "attachment": {"path": str(self.path), "filename": self.path.name}}


def check_month(raw: str) -> str:
    try:
        return parse_month(raw)
    except ValueError:
        raise InvalidInput("error.bad_month_format", value=raw) from None


def check_department(org: Org, department_id: str) -> str:
    if org.department(department_id) is None:
        raise InvalidInput("error.unknown_department", department=department_id,
                           choices=", ".join(d.id for d in org.departments))
    return department_id


def file_name(month: str, department_ids: Sequence[str], org: Org) -> str:
    """`ledger-2026-11-trade1.xlsx`; `ledger-2026-11-all.xlsx` when every department is in it."""
    every = set(department_ids) >= {d.id for d in org.departments} and len(org.departments) > 1
    return f"ledger-{month}-{'all' if every else '-'.join(department_ids)}.xlsx"


async def generate(
    uow: UnitOfWork, ctx: Context, month: str, department_ids: Sequence[str], out: Path | None = None,
    *, with_unrouted: bool = False,
) -> LedgerFile:
    """Write the ledger of inquiries forwarded in `month` (local), one sheet per department."""
    start, end = month_bounds(month, ctx.tz)
    found_inquiries = await uow.inquiries.list(forwarded_from=start, forwarded_to=end)
    histories = await uow.inquiries.histories([i.id for i in found_inquiries])
    label = labeller(ctx.org, ctx.org.locale, await uow.people.names())
    # The period as it stood at its end, so a later re-assignment or transfer never changes an exported period.
    period_end = min(end, ctx.now()) - timedelta(microseconds=1)
    rows = {i.id: period_row(i, histories.get(i.id, []), period_end) for i in found_inquiries}
    inquiries = [r.inquiry for r in rows.values()]
    earlier = {i: " → ".join(label("person", p) for p in r.earlier) or None for i, r in rows.items()}
    penalties: dict[str, list[Penalty]] = {}
    for penalty in await uow.penalties.for_inquiries(list(rows)):
        if penalty.person_id not in rows[penalty.inquiry_id or ""].later_only:
            penalties.setdefault(penalty.inquiry_id or "", []).append(penalty)
    headers = [label("ledger_column", c) for c in COLUMNS]
    found = ledger_sheets(inquiries, penalties, department_ids, label, ctx.tz, with_unrouted=with_unrouted,
                          earlier=earlier)
    sheets = [Sheet(label("department", s.department_id), headers, [r.cells for r in s.rows],
                    [r.style for r in s.rows]) for s in found]
    path = write_workbook(sheets, out or ctx.reports_dir / file_name(month, department_ids, ctx.org))
    ids = tuple(s.department_id for s in found if s.department_id != UNROUTED)
    return LedgerFile(path, month, ids, sum(len(s.rows) for s in found))


async def export(ctx: Context, month: str, department_id: str | None, out: Path, actor: str) -> LedgerFile:
    """`inquirybot ledger export`: every department (and unrouted inquiries) unless one is named; audited."""
    month = check_month(month)
    ids = [check_department(ctx.org, department_id)] if department_id else [d.id for d in ctx.org.departments]
    async with ctx.uow() as uow:
        made = await generate(uow, ctx, month, ids, out, with_unrouted=department_id is None)
        await uow.audit.record(ctx.now(), actor, "ledger_export", month, "done", departments=ids,
                               rows=made.rows, path=str(made.path))
        await uow.commit()
    return made


def _month_and_department(ctx: Context, cmd: Command) -> tuple[str, str | None]:
    month, department = cmd.arg("MONTH"), cmd.arg("DEPARTMENT")
    if month and not looks_like_month(month) and department is None:  # `/inq ledger trade1`
        month, department = None, month
    checked = check_month(month) if month else ctx.today().strftime("%Y-%m")
    return checked, check_department(ctx.org, department.lower()) if department else None


async def ledger_command(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """`/inq ledger [MONTH] [DEPARTMENT]`: the file arrives as an attachment in the person's DM."""
    month, department = _month_and_department(ctx, cmd)
    allowed = departments_in_view(ctx.org, actor)
    async with ctx.uow() as uow:
        if allowed is not None and not allowed:
            await refuse(uow, ctx, actor, None, "ledger", "refused.reports_only")
        if department and allowed is not None and department not in allowed:
            await refuse(uow, ctx, actor, None, "ledger", "refused.ledger_scope")
        ids = [department] if department else (allowed or [d.id for d in ctx.org.departments])
        made = await generate(uow, ctx, month, ids, with_unrouted=allowed is None and department is None)
        await uow.audit.record(ctx.now(), actor.id, "ledger_export", month, "done", departments=ids,
                               rows=made.rows, path=str(made.path))
        await uow.outbox.add(Outbound("ledger.file", Target.to_person(actor.id), made.data()), ctx.now())
        await uow.commit()
    return Reply("ledger.reply", {k: v for k, v in made.data().items() if k != "attachment"})


@job("ledger_extracts")
async def ledger_extracts(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    """P7: last month's ledger, one file per department, to the specialists who must send it on via OA."""
    today = ctx.local(run.slot).date()
    month = previous_month(today)
    due = ledger_due(today.year, today.month, ctx.tz, ctx.calendar, ctx.org.schedule)
    sent = 0
    for department in ctx.org.departments:
        made = await generate(uow, ctx, month, [department.id])
        data = {**made.data(), "department": department.id, "manager": department.manager, "due": iso(due),
                "late": run.late,
                "actions": [{"id": "ledger_sent", "value": month}]}
        for reader in department_specialists(ctx.org, department.id):
            await uow.outbox.add(Outbound("ledger.extract", Target.to_person(reader), data), ctx.now())
            sent += 1
    return f"{len(ctx.org.departments)} extracts of {month}, {sent} messages"
