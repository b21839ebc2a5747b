"""Verified inbound requests the bot could not process, kept as received."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.tables import InboundFailureRow


@dataclass(frozen=True)
class InboundFailure:
    platform: str
    received_at: datetime
    error: str
    body: bytes


class InboundFailureRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, failure: InboundFailure) -> None:
        self.session.add(InboundFailureRow(platform=failure.platform, received_at=failure.received_at,
                                           error=failure.error, body=failure.body))

    async def latest(self, limit: int = 50) -> list[InboundFailure]:
        stmt = select(InboundFailureRow).order_by(InboundFailureRow.id.desc()).limit(limit)
        return [InboundFailure(r.platform, r.received_at, r.error, r.body)
                for r in (await self.session.execute(stmt)).scalars()]
