"""Penalties: created once per lapse key, then confirmed, waived or appealed."""

from __future__ import annotations

import builtins
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.rules.penalties import Penalty, PenaltyDraft, PenaltyStatus
from bot.rules.penalty_facts import PenaltyFacts, PenaltyStep
from storage.database import insert_once, insert_or_ignore_many
from storage.tables import PenaltyRow, PenaltyStepRow, table_of


def _domain(row: PenaltyRow) -> Penalty:
    return Penalty(
        id=row.id, lapse_key=row.lapse_key, rule=row.rule, person_id=row.person_id, amount=row.amount,
        period=row.period, status=PenaltyStatus(row.status), created_at=row.created_at, inquiry_id=row.inquiry_id,
        reason=row.reason, split_group=row.split_group, appealed=row.appealed, appeal_reason=row.appeal_reason,
        decided_by=row.decided_by, decided_at=row.decided_at, calendar_fallback=bool(row.calendar_fallback),
        facts=PenaltyFacts.from_json(row.facts),
    )


def _step(row: PenaltyStepRow) -> PenaltyStep:
    return PenaltyStep(what=row.what, at=row.at, who=row.who, reason=row.reason, amount=row.amount)


class PenaltyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def existing_keys(self, keys: list[str]) -> set[str]:
        if not keys:
            return set()
        stmt = select(PenaltyRow.lapse_key).where(PenaltyRow.lapse_key.in_(keys))
        return {str(k) for k in (await self.session.execute(stmt)).scalars()}

    async def add(self, draft: PenaltyDraft, penalty_id: str, now: datetime, decided_by: str | None = None,
                  *, calendar_fallback: bool = False) -> bool:
        """Insert unless the lapse is already recorded; True when this call recorded it (with its first step)."""
        values: dict[str, Any] = {
            **draft.__dict__, "status": draft.status.value, "id": penalty_id, "created_at": now,
            "decided_by": decided_by, "decided_at": now if decided_by else None, "facts": draft.facts.as_json(),
            "calendar_fallback": calendar_fallback,
        }
        if not await insert_once(self.session, PenaltyRow, PenaltyRow.id, **values):
            return False
        first = "recorded" if draft.status is PenaltyStatus.CONFIRMED else "proposed"
        await self.add_step(penalty_id, PenaltyStep(first, now, decided_by, draft.reason, draft.amount))
        return True

    async def add_many(
        self, drafts: builtins.list[tuple[PenaltyDraft, str, bool]], now: datetime, decided_by: str | None = None,
    ) -> builtins.list[Penalty]:
        """`add` for many (draft, id, calendar_fallback) at once: one executemany of INSERT ... ON CONFLICT DO
        NOTHING, one executemany for the first steps of those that went in (the ids are new, so a row read back
        under one is ours) and one read back; returns those recorded, in order."""
        if not drafts:
            return []
        rows = [{**draft.__dict__, "status": draft.status.value, "id": penalty_id, "created_at": now,
                 "decided_by": decided_by, "decided_at": now if decided_by else None, "facts": draft.facts.as_json(),
                 "calendar_fallback": fallback} for draft, penalty_id, fallback in drafts]
        await self.session.execute(insert_or_ignore_many(self.session, table_of(PenaltyRow)), rows)
        found = {p.id: p for p in await self.many([i for _, i, _ in drafts])}
        recorded = [(draft, found[i]) for draft, i, _ in drafts if i in found and found[i].lapse_key == draft.lapse_key]
        steps = [{"penalty_id": p.id, "what": "recorded" if draft.status is PenaltyStatus.CONFIRMED else "proposed",
                  "who": decided_by, "at": now, "reason": draft.reason, "amount": draft.amount}
                 for draft, p in recorded]
        if steps:
            await self.session.execute(insert(table_of(PenaltyStepRow)), steps)
        return [p for _, p in recorded]

    async def many(self, penalty_ids: builtins.list[str]) -> builtins.list[Penalty]:
        found: builtins.list[Penalty] = []
        for start in range(0, len(penalty_ids), 500):
            stmt = select(PenaltyRow).where(PenaltyRow.id.in_(penalty_ids[start:start + 500]))
            found.extend(_domain(r) for r in (await self.session.execute(stmt)).scalars())
        return found

    async def add_step(self, penalty_id: str, step: PenaltyStep) -> None:
        self.session.add(PenaltyStepRow(penalty_id=penalty_id, what=step.what, who=step.who, at=step.at,
                                        reason=step.reason, amount=step.amount))
        await self.session.flush()

    async def history(self, penalty_ids: builtins.list[str]) -> dict[str, builtins.list[PenaltyStep]]:
        """Each penalty's steps in the order they were taken (the append order, not clocks that may differ)."""
        found: dict[str, builtins.list[PenaltyStep]] = {i: [] for i in penalty_ids}
        for start in range(0, len(penalty_ids), 500):
            stmt = (select(PenaltyStepRow).where(PenaltyStepRow.penalty_id.in_(penalty_ids[start:start + 500]))
                    .order_by(PenaltyStepRow.id))
            for row in (await self.session.execute(stmt)).scalars():
                found[row.penalty_id].append(_step(row))
        return found

    async def get(self, penalty_id: str, lock: bool = False) -> Penalty | None:
        stmt = select(PenaltyRow).where(PenaltyRow.id == penalty_id)
        row = (await self.session.execute(stmt.with_for_update() if lock else stmt)).scalar_one_or_none()
        return _domain(row) if row else None

    async def decide(self, penalty_id: str, status: PenaltyStatus, step: PenaltyStep, *,
                     amount: int | None = None, set_amount: bool = False) -> None:
        """Confirm or waive (with the amount a P3 confirmation gives); the reason goes to the step and to the
        record's latest-reason column, never to its facts."""
        values: dict[str, Any] = {"status": status.value, "decided_by": step.who, "decided_at": step.at}
        if step.reason:
            values["reason"] = step.reason
        if set_amount:
            values["amount"] = amount
        await self.session.execute(update(PenaltyRow).where(PenaltyRow.id == penalty_id).values(**values))
        await self.add_step(penalty_id, step)

    async def appeal(self, penalty_id: str, step: PenaltyStep) -> None:
        """Reopen once: the penalty is proposed again until a specialist decides the appeal."""
        await self.session.execute(
            update(PenaltyRow).where(PenaltyRow.id == penalty_id)
            .values(appealed=True, appeal_reason=step.reason, status=PenaltyStatus.PROPOSED.value, decided_by=None,
                    decided_at=None)
        )
        await self.add_step(penalty_id, step)

    async def for_inquiries(self, inquiry_ids: builtins.list[str]) -> builtins.list[Penalty]:
        """Penalties of these inquiries (the ledger's penalties column), through the inquiry_id index."""
        found: builtins.list[Penalty] = []
        for start in range(0, len(inquiry_ids), 500):
            stmt = (select(PenaltyRow).where(PenaltyRow.inquiry_id.in_(inquiry_ids[start:start + 500]))
                    .order_by(PenaltyRow.created_at, PenaltyRow.id))
            found.extend(_domain(r) for r in (await self.session.execute(stmt)).scalars())
        return found

    async def list(
        self, *, period_prefix: str | None = None, person_id: str | None = None, inquiry_id: str | None = None,
        rule: str | None = None,
    ) -> builtins.list[Penalty]:
        stmt = select(PenaltyRow).order_by(PenaltyRow.created_at, PenaltyRow.id)
        if rule:
            stmt = stmt.where(PenaltyRow.rule == rule)
        if period_prefix:
            stmt = stmt.where(PenaltyRow.period.startswith(period_prefix))
        if person_id:
            stmt = stmt.where(PenaltyRow.person_id == person_id)
        if inquiry_id:
            stmt = stmt.where(PenaltyRow.inquiry_id == inquiry_id)
        return [_domain(r) for r in (await self.session.execute(stmt)).scalars()]
