"""Penalties: created once per lapse key, then confirmed, waived or appealed."""

from __future__ import annotations

import builtins
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.rules.penalties import Penalty, PenaltyDraft, PenaltyStatus
from storage.database import insert_once
from storage.tables import PenaltyRow


def _domain(row: PenaltyRow) -> Penalty:
    return Penalty(
        id=row.id, lapse_key=row.lapse_key, rule=row.rule, person_id=row.person_id, amount=row.amount,
        period=row.period, status=PenaltyStatus(row.status), created_at=row.created_at, inquiry_id=row.inquiry_id,
        reason=row.reason, split_group=row.split_group, appealed=row.appealed, appeal_reason=row.appeal_reason,
        decided_by=row.decided_by, decided_at=row.decided_at, calendar_fallback=bool(row.calendar_fallback),
    )


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
        """Insert unless the lapse is already recorded; True when this call recorded it."""
        values: dict[str, Any] = {
            **draft.__dict__, "status": draft.status.value, "id": penalty_id, "created_at": now,
            "decided_by": decided_by, "decided_at": now if decided_by else None,
            "calendar_fallback": calendar_fallback,
        }
        return await insert_once(self.session, PenaltyRow, PenaltyRow.id, **values)

    async def get(self, penalty_id: str, lock: bool = False) -> Penalty | None:
        stmt = select(PenaltyRow).where(PenaltyRow.id == penalty_id)
        row = (await self.session.execute(stmt.with_for_update() if lock else stmt)).scalar_one_or_none()
        return _domain(row) if row else None

    async def decide(self, penalty_id: str, status: PenaltyStatus, by: str, reason: str | None, now: datetime) -> None:
        await self.session.execute(
            update(PenaltyRow).where(PenaltyRow.id == penalty_id)
            .values(status=status.value, decided_by=by, decided_at=now, reason=reason)
        )

    async def appeal(self, penalty_id: str, reason: str) -> None:
        """Reopen once: the penalty is proposed again until a specialist decides the appeal."""
        await self.session.execute(
            update(PenaltyRow).where(PenaltyRow.id == penalty_id)
            .values(appealed=True, appeal_reason=reason, status=PenaltyStatus.PROPOSED.value, decided_by=None,
                    decided_at=None)
        )

    async def set_amount(self, penalty_id: str, amount: int) -> None:
        await self.session.execute(update(PenaltyRow).where(PenaltyRow.id == penalty_id).values(amount=amount))

    async def for_inquiries(self, inquiry_ids: builtins.list[str]) -> builtins.list[Penalty]:
        """Penalties of these inquiries (the ledger's penalties column), through the inquiry_id index."""
        found: builtins.list[Penalty] = []
        for start in range(0, len(inquiry_ids), 500):
            stmt = (select(PenaltyRow).where(PenaltyRow.inquiry_id.in_(inquiry_ids[start:start + 500]))
                    .order_by(PenaltyRow.created_at, PenaltyRow.id))
            found.extend(_domain(r) for r in (await self.session.execute(stmt)).scalars())
        return found

    async def list(
        self, *, period_prefix: str | None = None, person_id: str | None = None, inquiry_id: str | None = None
    ) -> builtins.list[Penalty]:
        stmt = select(PenaltyRow).order_by(PenaltyRow.created_at, PenaltyRow.id)
        if period_prefix:
            stmt = stmt.where(PenaltyRow.period.startswith(period_prefix))
        if person_id:
            stmt = stmt.where(PenaltyRow.person_id == person_id)
        if inquiry_id:
            stmt = stmt.where(PenaltyRow.inquiry_id == inquiry_id)
        return [_domain(r) for r in (await self.session.execute(stmt)).scalars()]
