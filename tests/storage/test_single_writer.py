"""Units of work of one process on one SQLite file take turns, in arrival order, instead of meeting in SQLite's
busy handler (which polls with sleeps and lets an unlucky writer lose again and again: the ack-time tail, see
bench/acks.py); a unit of work opened inside another one in the same task does not wait for itself."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.database import make_engine, session_factory
from storage.migrate import upgrade
from storage.uow import UnitOfWork
from tests.conftest import local

NOW = local(2026, 11, 23, 10, 0)


@pytest.fixture
async def engine(sqlite_url: str) -> AsyncIterator[AsyncEngine]:
    created = make_engine(sqlite_url)
    await upgrade(created)
    yield created
    await created.dispose()


async def test_forty_units_of_work_at_once_take_turns_in_arrival_order(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)

    inside, most = 0, 0
    started: list[int] = []

    async def one(n: int) -> int:
        nonlocal inside, most
        started.append(n)
        async with UnitOfWork(sessions) as uow:
            inside += 1
            most = max(most, inside)
            await uow.audit.entries()
            await asyncio.sleep(0.005)  # the others would come in meanwhile
            number = await uow.sequences.next("turns", 2026)
            await uow.audit.record(NOW, f"writer{n}", "test", str(number), "done")
            await uow.commit()
            inside -= 1
            return number

    numbers = await asyncio.gather(*(one(n) for n in range(40)))

    assert most == 1
    assert numbers == [1 + started.index(n) for n in range(40)]  # served in the order they asked
    async with UnitOfWork(sessions) as uow:
        assert len(await uow.audit.entries()) == 40


async def test_a_unit_of_work_inside_another_in_the_same_task_does_not_wait_for_itself(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)

    async def nested() -> int:
        async with UnitOfWork(sessions) as outer:
            await outer.audit.entries()
            async with UnitOfWork(sessions) as inner:
                number = await inner.sequences.next("nested", 2026)
                await inner.commit()
            return number

    assert await asyncio.wait_for(nested(), timeout=10) == 1
