"""The fast read paths give exactly what the ordinary ones give: `inquiries list` (one streamed query) against
`inquiries show` for each inquiry, with --status, --since and --limit applied in SQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.rules.ids import inquiry_seq
from bot.rules.inquiry import HistoryEvent, Holder, Status
from bot.services.views import inquiry_json, listed_json
from storage.database import make_engine
from storage.migrate import quick_current_revisions, quick_head_revisions, upgrade
from tests.conftest import local
from tests.storage.test_storage import sample, uow_factory

TZ = ZoneInfo("Asia/Shanghai")


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    created = make_engine(database_url)
    await upgrade(created)
    yield created
    await created.dispose()


async def _stored(engine: AsyncEngine) -> None:
    async with uow_factory(engine) as uow:
        for n in range(1, 6):
            at = local(2026, 11, 20 + n, 9, 0)
            inquiry = sample(n, forwarded_at=at, received_at=at - timedelta(minutes=5),
                             status=Status.FOLLOWED_UP if n == 2 else Status.ASSIGNED,
                             followed_up_at=at + timedelta(hours=1) if n == 2 else None)
            await uow.inquiries.add(inquiry, inquiry_seq(2026, n), f"shell:{n}")
            if n == 4:
                continue  # an inquiry without history still lists, with an empty one
            await uow.inquiries.append_event(inquiry.id, HistoryEvent(at, "received", "li", {
                "platform": "shell", "other_phones": ["+5511900000000"], "note": "Olá 你好"}))
            await uow.inquiries.append_event(inquiry.id, HistoryEvent(
                at + timedelta(minutes=1), "assigned", None, {"to": "zhou", "previous": None},
                holder=Holder("zhou", "trade1", local(2026, 11, 21 + n, 23, 59))))
        await uow.commit()


async def _listed(engine: AsyncEngine, **filters: object) -> list[dict[str, object]]:
    async with uow_factory(engine) as uow:
        return [listed_json(row, TZ) async for row in uow.inquiries.stream_listing(chunk=2, **filters)]  # type: ignore[arg-type]


async def test_the_streamed_listing_is_show_for_every_inquiry(engine: AsyncEngine) -> None:
    await _stored(engine)
    async with uow_factory(engine) as uow:
        shown = [inquiry_json(i, await uow.inquiries.history(i.id), TZ) for i in await uow.inquiries.list()]
    listed = await _listed(engine)
    assert listed == shown
    assert [len(item["history"]) for item in listed] == [2, 2, 2, 0, 2]  # type: ignore[arg-type]


async def test_status_since_and_limit_filter_in_the_query(engine: AsyncEngine) -> None:
    await _stored(engine)
    ids = [item["id"] for item in await _listed(engine)]
    assert [item["id"] for item in await _listed(engine, limit=2)] == ids[:2]
    assert [item["id"] for item in await _listed(engine, forwarded_from=local(2026, 11, 24, 0, 0))] == ids[3:]
    since_and_limit = await _listed(engine, forwarded_from=local(2026, 11, 23, 0, 0), limit=2)
    assert [item["id"] for item in since_and_limit] == ids[2:4]
    followed = await _listed(engine, statuses=[Status.FOLLOWED_UP])
    assert [item["id"] for item in followed] == [ids[1]]


async def test_the_quick_schema_check_reads_what_alembic_reads(engine: AsyncEngine) -> None:
    from storage.migrate import current_revisions, head_revisions

    assert quick_head_revisions() == head_revisions()
    assert await quick_current_revisions(engine) == await current_revisions(engine)
