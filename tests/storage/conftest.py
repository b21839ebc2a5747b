"""The storage tests' database: a fresh one per test (SQLite file, or PostgreSQL with TEST_DATABASE_URL), migrated."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.database import make_engine
from storage.migrate import upgrade


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    created = make_engine(database_url)
    await upgrade(created)
    yield created
    await created.dispose()
