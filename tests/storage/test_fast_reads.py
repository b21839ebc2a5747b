"""The fast read paths give exactly what the ordinary ones give: `inquiries list` (one streamed query) against
`inquiries show` for each inquiry, with --status, --since and --limit applied in SQL."""

from __future__ import annotations

import json
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.rules.ids import inquiry_seq
from bot.rules.inquiry import HistoryEvent, Holder, Status
from bot.services.views import DataFragments, Quoted, QuotedIsoCache, inquiry_json, listed_json, listed_line
from storage.migrate import quick_current_revisions, quick_head_revisions
from tests.conftest import local
from tests.storage.test_storage import sample, uow_factory

TZ = ZoneInfo("Asia/Shanghai")


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


async def test_list_json_lines_are_the_text_json_dumps_gives(engine: AsyncEngine) -> None:
    """`inquiries list --json` writes each line directly; it must be the text json.dumps gives for the same dict,
    also for names with quotes and non-ASCII, event data of every JSON type, and data that sets a key the event
    sets itself (the data's value wins, in the event's place)."""
    await _stored(engine)
    async with uow_factory(engine) as uow:
        odd = sample(6, customer=sample(6).customer.__class__(name='Ana "A\\B" Ngô', company=None, email=None,
                                                                     phone="+86 10 1234\t5678", country=None,
                                                                     product=None), source=None)
        await uow.inquiries.add(odd, inquiry_seq(2026, 6), "shell:6")
        at = local(2026, 11, 27, 9, 0)
        await uow.inquiries.append_event(odd.id, HistoryEvent(at, "note", "li", {
            "n": 3, "x": 1.5, "ok": True, "none": None, "list": [1, "二"], "nested": {"a": {"b": []}}}))
        await uow.inquiries.append_event(odd.id, HistoryEvent(at, "moved", None, {"holder": "wu", "at": "then"},
                                                              holder=Holder("zhou", "trade1", at)))
        await uow.inquiries.append_event(odd.id, HistoryEvent(at, "empty", None, {}))
        await uow.commit()
    stamps, fragments, quoted = QuotedIsoCache(TZ), DataFragments(), Quoted()
    async with uow_factory(engine) as uow:
        rows = [row async for row in uow.inquiries.stream_listing(chunk=2)]
    assert len(rows) == 6 and [len(row.history) for row in rows][-1] == 3
    for row in rows * 2:  # twice: the second time every value comes from the caches
        expected = json.dumps(listed_json(row, TZ), ensure_ascii=False, default=str)
        assert listed_line(row, stamps, fragments, quoted) == expected
        json.loads(expected)
    moved = json.loads(listed_line(rows[-1], stamps, fragments, quoted))["history"][1]
    assert list(moved)[:3] == ["at", "kind", "actor"] and moved["at"] == "then" and moved["holder"] == "zhou"


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
