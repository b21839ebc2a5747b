"""Messages the bot posted (to trace replies and button presses) and short multi-step conversation state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.outbound import Outbound, Target
from storage.database import columns_named, prepared, run_core
from storage.tables import ConversationRow, OutboxRow, SentMessageRow


@dataclass(frozen=True)
class SentMessage:
    platform: str
    chat: str
    message_id: str
    key: str
    inquiry_id: str | None
    person_id: str | None


class SentMessageRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(self, message: SentMessage, outbox_id: int | None, now: datetime) -> None:
        stmt = prepared(self.session, ("sent_message",), lambda insert: insert(
            columns_named(SentMessageRow, ["outbox_id", "at", *message.__dict__])).on_conflict_do_nothing())
        await run_core(self.session, stmt, {"outbox_id": outbox_id, "at": now, **message.__dict__})

    async def find(self, platform: str, chat: str, message_id: str) -> SentMessage | None:
        stmt = select(SentMessageRow).where(
            SentMessageRow.platform == platform, SentMessageRow.chat == chat, SentMessageRow.message_id == message_id
        )
        row = (await self.session.execute(stmt)).scalar_one_or_none()
        if row is None:
            return None
        return SentMessage(row.platform, row.chat, row.message_id, row.key, row.inquiry_id, row.person_id)

    async def source(self, platform: str, chat: str, message_id: str) -> Outbound | None:
        """The outbox message a posted message delivered (its key and data, as the bot wrote them)."""
        stmt = select(OutboxRow).join(SentMessageRow, SentMessageRow.outbox_id == OutboxRow.id).where(
            SentMessageRow.platform == platform, SentMessageRow.chat == chat, SentMessageRow.message_id == message_id
        )
        row = (await self.session.execute(stmt)).scalars().first()
        if row is None:
            return None
        return Outbound(row.key, Target.from_json(row.target), dict(row.data), inquiry_id=row.inquiry_id)


class ConversationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def put(self, platform: str, person_id: str, key: str, data: dict[str, Any], expires_at: datetime) -> None:
        await self.clear(platform, person_id, key)
        self.session.add(
            ConversationRow(platform=platform, person_id=person_id, key=key, data=data, expires_at=expires_at)
        )

    async def get(self, platform: str, person_id: str, key: str, now: datetime) -> dict[str, Any] | None:
        stmt = select(ConversationRow).where(
            ConversationRow.platform == platform, ConversationRow.person_id == person_id, ConversationRow.key == key,
            ConversationRow.expires_at > now,
        )
        row = (await self.session.execute(stmt)).scalar_one_or_none()
        return dict(row.data) if row else None

    async def take_prefix(self, platform: str, person_id: str, prefix: str, now: datetime) -> list[dict[str, Any]]:
        """Remove and return the live entries whose key starts with `prefix`, oldest first."""
        stmt = select(ConversationRow).where(
            ConversationRow.platform == platform, ConversationRow.person_id == person_id,
            ConversationRow.key.startswith(prefix), ConversationRow.expires_at > now,
        ).order_by(ConversationRow.id)
        rows = list((await self.session.execute(stmt)).scalars())
        for row in rows:
            await self.session.delete(row)
        return [dict(row.data) for row in rows]

    async def clear(self, platform: str, person_id: str, key: str) -> None:
        await self.session.execute(
            delete(ConversationRow).where(
                ConversationRow.platform == platform, ConversationRow.person_id == person_id,
                ConversationRow.key == key,
            )
        )
