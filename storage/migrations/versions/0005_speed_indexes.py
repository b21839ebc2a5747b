"""indexes for the sweep, count and reminder queries whatever the statistics say

Revision ID: 0005_speed
Revises: 0004_pen

`WHERE status = ? ORDER BY seq` (the unrouted inquiries a count post reminds about) walked the whole seq index
on SQLite once ANALYZE had run; (status, seq) answers it directly. (status, won_at) does the same for the won
inquiries of a month (CRM audit, monthly deals).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005_speed"
down_revision: str | None = "0004_pen"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_inquiries_status_seq", "inquiries", ["status", "seq"])
    op.create_index("ix_inquiries_status_won", "inquiries", ["status", "won_at"])


def downgrade() -> None:
    op.drop_index("ix_inquiries_status_won", table_name="inquiries")
    op.drop_index("ix_inquiries_status_seq", table_name="inquiries")
