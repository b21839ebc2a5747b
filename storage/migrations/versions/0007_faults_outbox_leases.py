"""outbox lanes, leases on the database clock, and the attempted mark

Revision ID: 0007_faults
Revises: 0006_inbound

Each unsent row gets its lane (its destination, so one worker sends a destination's rows in order); a row
claimed before this migration has no lease and is taken over as soon as a worker looks.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0007_faults"
down_revision: str | None = "0006_inbound"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _lane(target: dict[str, Any]) -> str:
    """As storage.repositories.outbox.lane_of computed it when this migration was written."""
    key = {k: v for k, v in target.items() if k != "thread"}
    return hashlib.sha1(json.dumps(key, sort_keys=True).encode()).hexdigest()


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lane", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("lease_until", storage.types.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("attempted_at", storage.types.UTCDateTime(timezone=True), nullable=True))
        batch_op.create_index("ix_outbox_lane_status", ["lane", "status", "lease_until"], unique=False)
    outbox = sa.table("outbox", sa.column("id", sa.Integer), sa.column("target", sa.JSON),
                      sa.column("status", sa.String), sa.column("lane", sa.String))
    connection = op.get_bind()
    rows = connection.execute(sa.select(outbox.c.id, outbox.c.target)
                              .where(outbox.c.status.in_(("pending", "sending")))).all()
    for row_id, target in rows:
        value = json.loads(target) if isinstance(target, str) else target
        connection.execute(sa.update(outbox).where(outbox.c.id == row_id).values(lane=_lane(dict(value or {}))))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_lane_status")
        batch_op.drop_column("attempted_at")
        batch_op.drop_column("lease_until")
        batch_op.drop_column("lane")
