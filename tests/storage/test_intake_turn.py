"""On PostgreSQL a process's intakes take turns before they take a connection: entered all at once they held every
pooled connection and queued on the department's pointer row and the year's number row, and the holder's next
statement waited behind the others' work on the event loop (the lock convoy of bench/acks.py). The row locks still
order intakes across processes; the turn only orders this process's, in arrival order, and never outlives its unit
of work, even when that fails."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage.database import intake_turn, session_factory
from storage.uow import UnitOfWork
from tests.conftest import local

NOW = local(2026, 11, 23, 10, 0)


def _on_postgres(engine: AsyncEngine) -> bool:
    return engine.dialect.name == "postgresql"


async def _next_intake(sessions: async_sessionmaker[AsyncSession]) -> int:
    """An intake's turn and number, committed: the number it got."""
    async with UnitOfWork(sessions) as uow:
        await uow.intake_turn()
        number = await uow.sequences.next("inquiry", 2026)
        await uow.commit()
        return number


async def test_intakes_take_turns_in_arrival_order_without_holding_connections(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)
    inside, most, most_connections = 0, 0, 0
    started: list[int] = []

    async def intake(n: int) -> int:
        nonlocal inside, most, most_connections
        started.append(n)
        async with UnitOfWork(sessions) as uow:
            await uow.intake_turn()
            inside += 1
            most = max(most, inside)
            number = await uow.sequences.next("inquiry", 2026)
            await asyncio.sleep(0.002)  # the others come in meanwhile
            most_connections = max(most_connections, engine.sync_engine.pool.checkedout())
            await uow.audit.record(NOW, f"specialist{n}", "test", str(number), "done")
            await uow.commit()
            inside -= 1
            return number

    numbers = await asyncio.gather(*(intake(n) for n in range(30)))

    assert most == 1
    assert numbers == [1 + started.index(n) for n in range(30)]  # served in the order they came
    assert most_connections == 1  # the waiting ones hold no connection
    assert (intake_turn(sessions) is not None) == _on_postgres(engine)  # SQLite's single writer already orders them


async def test_a_failed_intake_gives_the_turn_back(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)

    async def failing_intake() -> None:
        async with UnitOfWork(sessions) as uow:
            await uow.intake_turn()
            await uow.sequences.next("inquiry", 2026)
            raise RuntimeError("parse blew up")

    with pytest.raises(RuntimeError):
        await failing_intake()

    assert await asyncio.wait_for(_next_intake(sessions), timeout=10) == 1  # the failed one's number was rolled back


async def test_an_intake_stuck_in_front_holds_the_others_back_only_for_a_while(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("storage.uow.TURN_WAIT", 0.05)  # the bound, shortened for the test
    sessions = session_factory(engine)
    if not _on_postgres(engine):
        assert intake_turn(sessions) is None  # SQLite: no turn to wait for (its single writer is the file's lock)
        return
    stuck, release = asyncio.Event(), asyncio.Event()

    async def stuck_intake() -> None:
        async with UnitOfWork(sessions) as uow:
            await uow.intake_turn()
            stuck.set()
            await release.wait()  # as if its first statement waited on a database that is down

    holder = asyncio.create_task(stuck_intake())
    await stuck.wait()
    assert await asyncio.wait_for(_next_intake(sessions), timeout=10) == 1
    release.set()
    await holder
