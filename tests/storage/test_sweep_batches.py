"""A sweep records its penalties in batches; the records must be exactly those of one draft at a time:
the same ids, facts, first steps and notices (who is told, on which platform, with which data)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import FrozenClock
from bot.org.model import Org
from bot.rules.calendar import WorkCalendar
from bot.rules.ids import inquiry_seq
from bot.rules.penalties import PenaltyDraft, PenaltyStatus, followup_lapses
from bot.services.context import Context
from bot.services.penalty_records import record
from storage.database import session_factory
from storage.tables import OutboxRow, PenaltyRow, PenaltyStepRow
from storage.uow import UnitOfWork
from tests.conftest import local
from tests.storage.test_storage import sample

SLOT = local(2026, 11, 23, 23, 59)


def _context(engine: AsyncEngine, org: Org) -> Context:
    sessions = session_factory(engine)
    return Context(org=org, clock=FrozenClock(SLOT), uow=lambda: UnitOfWork(sessions),
                   calendar=WorkCalendar(org.calendar, org.calendar_overrides))


async def _lapses(uow: UnitOfWork, org: Org) -> list[PenaltyDraft]:
    """Twelve lapsed inquiries across reps, regions and platforms, one already recorded, one confirmed draft."""
    reps = [("zhang", "latam", "trade1", "slack"), ("zhou", "latam", "trade1", "telegram"),
            ("wu", "latam", "trade1", "slack")]
    for n in range(1, 13):
        rep, region, department, platform = reps[n % 3]
        due = SLOT - timedelta(hours=n % 4)
        await uow.inquiries.add(sample(n, assignee_id=rep, region_id=region, department_id=department,
                                       platform=platform, due_at=due,
                                       followed_up_at=due + timedelta(minutes=5) if n % 5 == 0 else None),
                                inquiry_seq(2026, n), f"shell:{n}")
    drafts = followup_lapses(await uow.inquiries.due_by(SLOT), SLOT, org, org_tz(org))
    assert len(drafts) == 12
    drafts[3] = PenaltyDraft(**{**drafts[3].__dict__, "status": PenaltyStatus.CONFIRMED, "reason": "by hand"})
    return drafts


def org_tz(org: Org) -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo(org.timezone)


async def _written(uow: UnitOfWork) -> dict[str, list[tuple[Any, ...]]]:
    s = uow.session
    penalties = [(r.id, r.lapse_key, r.rule, r.person_id, r.amount, r.period, r.status, r.inquiry_id, r.reason,
                  r.decided_by, r.decided_at, r.calendar_fallback, r.facts)
                 for r in (await s.execute(select(PenaltyRow).order_by(PenaltyRow.id))).scalars()]
    steps = [(r.penalty_id, r.what, r.who, r.at, r.reason, r.amount)
             for r in (await s.execute(select(PenaltyStepRow).order_by(PenaltyStepRow.id))).scalars()]
    notices = [(r.key, r.target, r.data, r.inquiry_id, r.status)
               for r in (await s.execute(select(OutboxRow).order_by(OutboxRow.id))).scalars()]
    return {"penalties": penalties, "steps": steps, "notices": notices}


async def _run(engine: AsyncEngine, org: Org, *, batch: bool) -> tuple[list[str], dict[str, list[tuple[Any, ...]]]]:
    """Record the same lapses in one call or one at a time, read back everything written, roll back."""
    ctx = _context(engine, org)
    async with ctx.uow() as uow:
        drafts = await _lapses(uow, org)
        already = await record(uow, ctx, [drafts[0]])  # recorded by an earlier sweep: skipped below
        assert len(already) == 1
        if batch:
            recorded = await record(uow, ctx, drafts, late=True)
        else:
            recorded = [p for d in drafts for p in await record(uow, ctx, [d], late=True)]
        written = await _written(uow)
    return [p.id for p in recorded], written


async def test_a_batch_records_what_one_draft_at_a_time_records(engine: AsyncEngine, org: Org) -> None:
    batch_ids, batch = await _run(engine, org, batch=True)
    single_ids, single = await _run(engine, org, batch=False)
    assert len(batch_ids) == 11 and batch_ids == single_ids
    assert len(batch["penalties"]) == 12 and batch["penalties"] == single["penalties"]
    assert batch["steps"] == single["steps"] and {s[1] for s in batch["steps"]} == {"proposed", "recorded"}
    assert batch["notices"] == single["notices"]
    assert {n[1]["platform"] for n in batch["notices"]} == {"slack", "telegram"}
