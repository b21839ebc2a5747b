"""Per-test fake Slack and Telegram servers on 127.0.0.1 (see tests/platforms/fakes)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from .fakes import FakeSlack, FakeTelegram


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    async with FakeSlack() as fake:
        yield fake


@pytest.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as fake:
        yield fake
