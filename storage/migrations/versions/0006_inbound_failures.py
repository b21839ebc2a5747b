"""verified requests the bot could not process, kept for inspection

Revision ID: 0006_inbound
Revises: 0005_speed
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0006_inbound"
down_revision: str | None = "0005_speed"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "inbound_failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("received_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbound_failures")),
    )
    with op.batch_alter_table("inbound_failures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inbound_failures_received_at"), ["received_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("inbound_failures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inbound_failures_received_at"))
    op.drop_table("inbound_failures")
