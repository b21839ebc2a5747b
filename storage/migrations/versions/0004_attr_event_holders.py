"""inquiry events record who held the inquiry (rep, department, due time); penalties mark a guessed calendar

Issue 10: reports are derived from facts recorded as of the event, never from today's state. Existing events
are back-filled by replaying each inquiry's history (assignments, transfers and region changes).

Revision ID: 0004_attr
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

from storage.types import UTCDateTime

revision: str = "0004_attr"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("inquiry_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("holder_id", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("holder_department_id", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("holder_due_at", UTCDateTime(), nullable=True))
        batch_op.create_index("ix_inquiry_events_kind_at", ["kind", "at"], unique=False)
    with op.batch_alter_table("penalties", schema=None) as batch_op:
        batch_op.add_column(sa.Column("calendar_fallback", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    _backfill()


def _backfill() -> None:
    """Replay each inquiry's history in order; the holder after each event is what that event records."""
    bind = op.get_bind()
    events = sa.table("inquiry_events", sa.column("id", sa.Integer), sa.column("inquiry_id", sa.String),
                      sa.column("kind", sa.String), sa.column("data", sa.JSON), sa.column("holder_id", sa.String),
                      sa.column("holder_department_id", sa.String), sa.column("holder_due_at", UTCDateTime()))
    inquiries = sa.table("inquiries", sa.column("id", sa.String), sa.column("department_id", sa.String),
                         sa.column("due_at", UTCDateTime()))
    current = {r.id: r for r in bind.execute(sa.select(inquiries.c.id, inquiries.c.department_id,
                                                       inquiries.c.due_at))}
    rows = bind.execute(sa.select(events.c.id, events.c.inquiry_id, events.c.kind, events.c.data)
                        .order_by(events.c.inquiry_id, events.c.id)).all()
    by_inquiry: dict[str, list[Any]] = {}
    for row in rows:
        by_inquiry.setdefault(row.inquiry_id, []).append(row)
    for inquiry_id, history in by_inquiry.items():
        now = current.get(inquiry_id)
        for event_id, values in _replay(history, now.department_id if now else None, now.due_at if now else None):
            bind.execute(sa.update(events).where(events.c.id == event_id).values(**values))


def _replay(history: list[Any], department_now: str | None, due_now: datetime | None) -> list[tuple[int, dict[str, Any]]]:
    """Holder, department and due time after each event. Before the first transfer the department is the one it
    left; the due time before a transfer was overwritten by it, so it stays unknown (NULL) there."""
    first_transfer = next((dict(r.data or {}) for r in history if r.kind == "transferred"), None)
    department = first_transfer.get("previous_department") if first_transfer else department_now
    due: datetime | None = None if first_transfer else due_now
    holder: str | None = None
    out = []
    for row in history:
        data = dict(row.data or {})
        if row.kind == "assigned":
            holder = data.get("to") or holder
        elif row.kind == "transferred":
            holder, department = data.get("to") or holder, data.get("department") or department
            due = datetime.fromisoformat(data["due_at"]) if data.get("due_at") else due
        elif row.kind == "region_changed":
            department = data.get("department") or department
        out.append((row.id, {"holder_id": holder, "holder_department_id": department, "holder_due_at": due}))
    return out


def downgrade() -> None:
    with op.batch_alter_table("penalties", schema=None) as batch_op:
        batch_op.drop_column("calendar_fallback")
    with op.batch_alter_table("inquiry_events", schema=None) as batch_op:
        batch_op.drop_index("ix_inquiry_events_kind_at")
        batch_op.drop_column("holder_due_at")
        batch_op.drop_column("holder_department_id")
        batch_op.drop_column("holder_id")
