"""Migration 0004_pen on data written before it: facts come from the lapse keys, steps from the audit log."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import command
from sqlalchemy.engine import Connection

from bot.rules.penalty_facts import PenaltyFacts
from storage.database import make_engine, session_factory
from storage.migrate import alembic_config
from storage.uow import UnitOfWork

T0 = datetime(2026, 10, 13, 13, 0, tzinfo=UTC)
T1 = datetime(2026, 10, 14, 2, 30, tzinfo=UTC)
T2 = datetime(2026, 10, 14, 3, 0, tzinfo=UTC)
T3 = datetime(2026, 10, 15, 1, 0, tzinfo=UTC)


def _to(connection: Connection, url: str, revision: str) -> None:
    config = alembic_config(url)
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


def _naive(at: datetime) -> str:
    return at.replace(tzinfo=None).isoformat(" ")


def _old_rows(connection: Connection) -> None:
    """A P4 confirmed, appealed and waived, and a P7 day 2 whose decider's reason replaced "day 2"."""
    rows = [
        {"id": "PEN-2026-00001", "lapse_key": "P4:trade1:2026-10-13", "rule": "P4", "person_id": "wang",
         "amount": 50, "inquiry_id": None, "period": "2026-10-13", "status": "waived", "appealed": True,
         "appeal_reason": "sent by WeChat", "split_group": None, "created_at": _naive(T0), "decided_by": "li",
         "decided_at": _naive(T3), "reason": "WeChat log shows 20:50"},
        {"id": "PEN-2026-00002", "lapse_key": "P7:li:2026-09:2", "rule": "P7", "person_id": "li", "amount": 50,
         "inquiry_id": None, "period": "2026-09", "status": "confirmed", "appealed": False, "appeal_reason": None,
         "split_group": None, "created_at": _naive(T0), "decided_by": "gao", "decided_at": _naive(T1),
         "reason": "late, as the log shows"},
    ]
    for row in rows:
        connection.execute(sa.text(
            "INSERT INTO penalties (id, lapse_key, rule, person_id, amount, inquiry_id, period, status, appealed, "
            "appeal_reason, split_group, created_at, decided_by, decided_at, reason) VALUES (:id, :lapse_key, "
            ":rule, :person_id, :amount, :inquiry_id, :period, :status, :appealed, :appeal_reason, :split_group, "
            ":created_at, :decided_by, :decided_at, :reason)"), row)
    for at, actor, action, target in ((T1, "li", "penalty_confirm", "PEN-2026-00001"),
                                      (T1, "gao", "penalty_confirm", "PEN-2026-00002"),
                                      (T2, "wang", "penalty_appeal", "PEN-2026-00001"),
                                      (T3, "li", "penalty_waive", "PEN-2026-00001")):
        connection.execute(sa.text(
            "INSERT INTO audit_log (at, actor, action, target, outcome, detail) "
            "VALUES (:at, :actor, :action, :target, 'done', '{}')"),
            {"at": _naive(at), "actor": actor, "action": action, "target": target})


async def test_old_penalties_get_their_facts_and_history(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(_to, sqlite_url, "0003")
            await connection.run_sync(_old_rows)
            await connection.run_sync(_to, sqlite_url, "0004_pen")
        async with UnitOfWork(session_factory(engine)) as uow:
            p4, p7 = await uow.penalties.list()
            history = await uow.penalties.history([p4.id, p7.id])
    finally:
        await engine.dispose()
    assert p4.facts == PenaltyFacts(department="trade1", date="2026-10-13")
    assert p7.facts == PenaltyFacts(month="2026-09", day=2)
    assert [(s.what, s.who, s.at, s.reason) for s in history[p4.id]] == [
        ("proposed", None, T0, None),
        ("confirmed", "li", T1, None),  # the reason of an overwritten decision is lost
        ("appealed", "wang", T2, "sent by WeChat"),
        ("waived", "li", T3, "WeChat log shows 20:50"),
    ]
    assert [(s.what, s.who, s.reason) for s in history[p7.id]] == [
        ("proposed", None, None), ("confirmed", "gao", "late, as the log shows")]
    assert not p4.under_appeal and p4.status.value == "waived"
