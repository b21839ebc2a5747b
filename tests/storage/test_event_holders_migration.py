"""Migration 0004_attr back-fills who held each inquiry at each existing event, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.database import make_engine
from storage.migrate import alembic_config, upgrade
from storage.tables import InquiryEventRow, InquiryRow

AT = datetime(2026, 9, 28, 2, 0, tzinfo=UTC)
OLD_DUE = datetime(2026, 9, 28, 15, 59, tzinfo=UTC)
NEW_DUE = datetime(2026, 10, 12, 15, 59, tzinfo=UTC)


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    created = make_engine(database_url)
    yield created
    await created.dispose()


def _to_0003(connection: Connection, url: str) -> None:
    config = alembic_config(url)
    config.attributes["connection"] = connection
    command.upgrade(config, "0003")


def _inquiry(inquiry_id: str, seq: int, department: str, assignee: str, due: datetime) -> dict[str, object]:
    return {"id": inquiry_id, "seq": seq, "status": "assigned", "department_id": department, "assignee_id": assignee,
            "platform": "shell", "received_at": AT, "forwarded_at": AT, "due_at": due, "transfers": 0}


async def test_existing_events_learn_their_holder_from_the_history(engine: AsyncEngine) -> None:
    url = engine.url.render_as_string(hide_password=False)
    async with engine.begin() as conn:
        await conn.run_sync(_to_0003, url)
        inquiries = sa.table("inquiries", *(sa.column(c) for c in _inquiry("", 0, "", "", AT)))
        await conn.execute(sa.insert(inquiries), [_inquiry("INQ-1", 1, "trade2", "huang", NEW_DUE),
                                                  _inquiry("INQ-2", 2, "trade1", "zhou", OLD_DUE)])
        events = sa.table("inquiry_events", sa.column("inquiry_id"), sa.column("at"), sa.column("actor_id"),
                          sa.column("kind"), sa.column("data", sa.JSON))
        await conn.execute(sa.insert(events), [
            {"inquiry_id": "INQ-1", "at": AT, "actor_id": "li", "kind": "received", "data": {}},
            {"inquiry_id": "INQ-1", "at": AT, "actor_id": None, "kind": "assigned", "data": {"to": "zhang"}},
            {"inquiry_id": "INQ-1", "at": AT, "actor_id": "zhang", "kind": "followed_up", "data": {}},
            {"inquiry_id": "INQ-1", "at": AT, "actor_id": "li", "kind": "transferred",
             "data": {"to": "huang", "department": "trade2", "previous_department": "trade1",
                      "due_at": NEW_DUE.isoformat()}},
            {"inquiry_id": "INQ-2", "at": AT, "actor_id": None, "kind": "assigned", "data": {"to": "zhou"}},
        ])
    await upgrade(engine)
    async with engine.connect() as conn:
        rows = (await conn.execute(
            sa.select(InquiryEventRow.inquiry_id, InquiryEventRow.kind, InquiryEventRow.holder_id,
                      InquiryEventRow.holder_department_id, InquiryEventRow.holder_due_at)
            .order_by(InquiryEventRow.id))).all()
        assert (await conn.execute(sa.select(sa.func.count()).select_from(InquiryRow))).scalar_one() == 2
    assert [tuple(r) for r in rows] == [
        ("INQ-1", "received", None, "trade1", None),
        ("INQ-1", "assigned", "zhang", "trade1", None),  # the due time a transfer overwrote is unknown
        ("INQ-1", "followed_up", "zhang", "trade1", None),
        ("INQ-1", "transferred", "huang", "trade2", NEW_DUE),
        ("INQ-2", "assigned", "zhou", "trade1", OLD_DUE),
    ]
