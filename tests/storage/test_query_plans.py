"""Every query the sweeps, count posts and reminders send reads the big tables through an index, whatever the
statistics: on SQLite after ANALYZE no plan line is a full SCAN of inquiries, their events or penalties; on
PostgreSQL (sequential scans priced out) no plan reads them without an index condition."""

from __future__ import annotations

from datetime import UTC, timedelta
from typing import Any

from sqlalchemy import event, insert, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import FrozenClock
from bot.org.model import Org
from bot.rules.calendar import WorkCalendar
from bot.services.context import Context
from bot.services.jobs import BODIES, SlotRun
from storage.database import session_factory
from storage.tables import InquiryEventRow, InquiryRow
from storage.uow import UnitOfWork
from tests.conftest import local

BIG = ("inquiries", "inquiry_events", "penalties")
JOBS = {  # job -> a time it runs (Monday 23 November 2026, Shanghai)
    "followup_sweep": local(2026, 11, 23, 23, 59), "followup_reminders": local(2026, 11, 23, 17, 0),
    "counts_morning": local(2026, 11, 23, 9, 0), "counts_evening": local(2026, 11, 23, 18, 30),
    "counts_night": local(2026, 11, 23, 21, 45), "crm_reminders": local(2026, 11, 23, 17, 30),
    "transfer_check": local(2026, 11, 23, 10, 0), "crm_audit": local(2026, 12, 4, 16, 0),
}


async def _history(engine: AsyncEngine, n: int) -> None:
    """Many old, settled inquiries and a few of today's, then ANALYZE (statistics that tempt a planner)."""
    tonight = local(2026, 11, 23, 23, 59).astimezone(UTC)
    rows: list[dict[str, Any]] = []
    for i in range(1, n + 1):
        recent = i > n - 20
        at = tonight - (timedelta(hours=8) if recent else timedelta(days=30 + i % 300))
        status = "assigned" if recent else ("unassigned" if i % 500 == 0 else ("won" if i % 7 == 0 else "followed_up"))
        rows.append({"id": f"INQ-2026-{i:06d}", "seq": 2026_000_000 + i, "status": status, "region_id": "latam",
                     "department_id": "trade1", "assignee_id": ("zhang", "zhou", "wu")[i % 3],
                     "specialist_id": "li", "platform": "slack", "received_at": at, "forwarded_at": at,
                     "due_at": at + timedelta(hours=14), "assigned_at": at, "transfers": 0,
                     "won_at": at + timedelta(days=3) if status == "won" else None,
                     "followed_up_at": None if recent else at + timedelta(hours=2)})
    events = [{"inquiry_id": r["id"], "at": r["forwarded_at"], "actor_id": None, "kind": "assigned",
               "data": {"to": r["assignee_id"]}, "holder_id": r["assignee_id"], "holder_department_id": "trade1",
               "holder_due_at": r["due_at"]} for r in rows]
    async with engine.begin() as conn:
        for start in range(0, len(rows), 2000):
            await conn.execute(insert(InquiryRow), rows[start:start + 2000])
            await conn.execute(insert(InquiryEventRow), events[start:start + 2000])
        await conn.execute(text("ANALYZE"))


async def _statements(engine: AsyncEngine, org: Org) -> list[tuple[str, Any]]:
    """The SELECTs each job sends (its work rolled back)."""
    seen: list[tuple[str, Any]] = []

    def listen(_conn: Any, _cursor: Any, sql: str, params: Any, _ctx: Any, many: bool) -> None:
        if sql.lstrip().upper().startswith("SELECT") and not many:
            seen.append((sql, params))

    clock = FrozenClock(local(2026, 11, 23, 9, 0))
    sessions = session_factory(engine)
    ctx = Context(org=org, clock=clock, uow=lambda: UnitOfWork(sessions),
                  calendar=WorkCalendar(org.calendar, org.calendar_overrides))
    event.listen(engine.sync_engine, "before_cursor_execute", listen)
    try:
        for name, at in JOBS.items():
            clock.set(at)
            async with ctx.uow() as uow:
                await BODIES[name](ctx, uow, SlotRun(name, at, False))
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", listen)
    return seen


def _full_reads(dialect: str, plan: list[str]) -> list[str]:
    if dialect == "sqlite":
        return [line for line in plan if any(line.startswith(f"SCAN {t}") for t in BIG)
                and "COVERING INDEX" not in line]
    text_plan = "\n".join(plan)
    bad = [line for line in plan if any(f"Seq Scan on {t} " in line or line.strip().endswith(f"Seq Scan on {t}")
                                        for t in BIG)]
    if "Index Scan" in text_plan and "Index Cond" not in text_plan and "Filter" in text_plan:
        bad.append(text_plan)  # an index walked end to end, filtering every row
    return bad


async def test_sweeps_counts_and_reminders_read_through_indexes(engine: AsyncEngine, org: Org) -> None:
    await _history(engine, 6000)
    statements = await _statements(engine, org)
    dialect = engine.dialect.name
    touching = [(sql, params) for sql, params in statements if any(f" {t}" in sql for t in BIG)]
    assert len(touching) >= 10
    problems = []
    async with engine.connect() as conn:
        if dialect == "postgresql":
            await conn.execute(text("SET enable_seqscan = off"))
        for sql, params in touching:
            prefix = "EXPLAIN QUERY PLAN " if dialect == "sqlite" else "EXPLAIN "
            rows = (await conn.exec_driver_sql(prefix + sql, params)).all()
            plan = [str(r[-1]) if dialect == "sqlite" else str(r[0]) for r in rows]
            if bad := _full_reads(dialect, plan):
                problems.append((" ".join(sql.split())[:300], bad))
    assert problems == []


def test_the_plan_check_catches_a_full_read() -> None:
    assert _full_reads("sqlite", ["SCAN inquiries USING INDEX sqlite_autoindex_inquiries_3"])
    assert not _full_reads("sqlite", ["SEARCH inquiries USING INDEX ix_inquiries_status_seq (status=?)"])
    assert _full_reads("postgresql", ["Seq Scan on inquiries  (cost=10000000000.00..10000000001.00 rows=1)"])
    assert _full_reads("postgresql", ["Index Scan using inquiries_seq_key on inquiries", "  Filter: (status = 'x')"])
