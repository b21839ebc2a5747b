"""penalty facts apart from reasons, and each penalty's history

Revision ID: 0004_pen
Revises: 0003

Back-fills what today's data can tell: the facts from each penalty's lapse key (P4 department and day, P7
working day N, P6 split share, the inquiry), and the steps from the penalty's own columns and the audit log
(who confirmed, waived or appealed, and when). Reasons of earlier decisions that were overwritten are lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0004_pen"
down_revision: str | None = "0004_attr"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DECISIONS = {"penalty_confirm": "confirmed", "penalty_waive": "waived", "penalty_appeal": "appealed"}


def upgrade() -> None:
    with op.batch_alter_table("penalties", schema=None) as batch_op:
        batch_op.add_column(sa.Column("facts", sa.JSON(), nullable=True))
    op.create_table(
        "penalty_steps",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("penalty_id", sa.String(length=20), nullable=False),
        sa.Column("what", sa.String(length=16), nullable=False),
        sa.Column("who", sa.String(length=64), nullable=True),
        sa.Column("at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("amount", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_penalty_steps")),
    )
    with op.batch_alter_table("penalty_steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_penalty_steps_penalty_id"), ["penalty_id"], unique=False)
    _backfill(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("penalty_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_penalty_steps_penalty_id"))
    op.drop_table("penalty_steps")
    with op.batch_alter_table("penalties", schema=None) as batch_op:
        batch_op.drop_column("facts")


_when = storage.types.UTCDateTime(timezone=True)
penalties = sa.table(
    "penalties", sa.column("id", sa.String), sa.column("lapse_key", sa.String), sa.column("rule", sa.String),
    sa.column("inquiry_id", sa.String), sa.column("period", sa.String), sa.column("status", sa.String),
    sa.column("appealed", sa.Boolean), sa.column("appeal_reason", sa.Text), sa.column("split_group", sa.String),
    sa.column("created_at", _when), sa.column("decided_by", sa.String), sa.column("decided_at", _when),
    sa.column("reason", sa.Text), sa.column("amount", sa.Integer), sa.column("facts", sa.JSON),
)
steps = sa.table(
    "penalty_steps", sa.column("penalty_id", sa.String), sa.column("what", sa.String), sa.column("who", sa.String),
    sa.column("at", _when), sa.column("reason", sa.Text), sa.column("amount", sa.Integer),
)
audit = sa.table(
    "audit_log", sa.column("id", sa.Integer), sa.column("at", _when), sa.column("actor", sa.String),
    sa.column("action", sa.String), sa.column("target", sa.String), sa.column("outcome", sa.String),
)


def _facts(row: Any) -> dict[str, Any]:
    """What the lapse key and columns say: `P4:dept:day`, `P7:who:month:n`, `P6:INQ:share`, `P1.4:INQ:n`."""
    parts = str(row.lapse_key).split(":")
    facts: dict[str, Any] = {"inquiry": row.inquiry_id} if row.inquiry_id else {}
    if row.rule == "P4" and len(parts) >= 3:
        facts.update(department=parts[1], date=parts[2])
    elif row.rule == "P7" and len(parts) >= 4 and parts[3].isdigit():
        facts.update(month=parts[2], day=int(parts[3]))
    elif row.rule == "P6":
        facts.update(month=row.period, split_group=row.split_group, share=parts[-1] if len(parts) >= 3 else None)
    elif row.rule == "P3":
        facts["month"] = row.period
    return {k: v for k, v in facts.items() if v is not None}


def _backfill(bind: sa.engine.Connection) -> None:
    decided: dict[str, list[Any]] = {}
    found = bind.execute(sa.select(audit).where(audit.c.action.in_(list(_DECISIONS)), audit.c.outcome == "done")
                         .order_by(audit.c.at, audit.c.id))
    for entry in found:
        decided.setdefault(str(entry.target), []).append(entry)
    for row in bind.execute(sa.select(penalties)).all():
        bind.execute(sa.update(penalties).where(penalties.c.id == row.id).values(facts=_facts(row)))
        for step in _steps(row, decided.get(row.id, [])):
            bind.execute(sa.insert(steps).values(penalty_id=row.id, **step))


def _steps(row: Any, entries: list[Any]) -> list[dict[str, Any]]:
    """The first step, then each audited decision; the last decision gets the reason still on the record."""
    entered = row.decided_by is not None and row.decided_at == row.created_at
    first = {"what": "recorded" if entered else "proposed", "who": row.decided_by if entered else None,
             "at": row.created_at, "reason": row.reason if entered else None, "amount": row.amount}
    later = [{"what": _DECISIONS[e.action], "who": e.actor, "at": e.at, "reason": None, "amount": None}
             for e in entries if not (entered and e.at == row.created_at)]
    if not later and row.status != "proposed" and not entered and row.decided_at is not None:
        later = [{"what": row.status, "who": row.decided_by, "at": row.decided_at, "reason": None, "amount": None}]
    for step in later:
        if step["what"] == "appealed":
            step["reason"] = row.appeal_reason
    decisions = [s for s in later if s["what"] in ("confirmed", "waived")]
    if decisions and decisions[-1]["what"] == row.status:
        decisions[-1]["reason"] = row.reason
    return [first, *later]
