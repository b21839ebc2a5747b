"""The real databases: migrations, round trips, and the atomic claims the rest of the bot relies on."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.org.model import AwayPeriod
from bot.outbound import Outbound, Target
from bot.rules.ids import inquiry_id, inquiry_seq
from bot.rules.inquiry import Customer, HistoryEvent, Inquiry, Status
from storage.database import session_factory
from storage.errors import AlreadyStored
from storage.migrate import upgrade
from storage.uow import UnitOfWork
from tests.conftest import local

NOW = local(2026, 11, 23, 10, 0)


def uow_factory(engine: AsyncEngine) -> UnitOfWork:
    return UnitOfWork(session_factory(engine))


def sample(number: int, **changes: object) -> Inquiry:
    base = Inquiry(
        id=inquiry_id(2026, number), status=Status.ASSIGNED, region_id="latam", department_id="trade1",
        assignee_id="zhang", specialist_id="li", source="alibaba",
        customer=Customer(name="João Silva", company="Instrumentos Ltda", email="joao@empresa.com.br",
                          phone="+5511987654321", country="BR", product="spectrometer"),
        original_text="Olá, preciso de um espectrômetro", platform="shell",
        received_at=local(2026, 11, 23, 8, 0), forwarded_at=local(2026, 11, 23, 9, 30),
        due_at=local(2026, 11, 23, 23, 59),
    )
    return Inquiry(**{**base.__dict__, **changes})  # type: ignore[arg-type]


async def test_migrations_create_every_table_and_are_repeatable(engine: AsyncEngine) -> None:
    await upgrade(engine)  # a second run is a no-op, as on every restart
    async with engine.connect() as conn:
        tables = set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
    assert {"inquiries", "inquiry_events", "outbox", "job_runs", "penalties", "people", "person_identities",
            "assignment_pointers", "processed_events", "audit_log", "alembic_version"} <= tables


async def test_inquiry_round_trip_keeps_instants_and_offsets(engine: AsyncEngine) -> None:
    async with uow_factory(engine) as uow:
        await uow.inquiries.add(sample(1), inquiry_seq(2026, 1), "shell:1")
        await uow.inquiries.append_event(sample(1).id, HistoryEvent(NOW, "received", "li", {"platform": "shell"}))
        await uow.commit()
    async with uow_factory(engine) as uow:
        loaded = await uow.inquiries.get(sample(1).id)
        history = await uow.inquiries.history(sample(1).id)
    assert loaded == sample(1)
    assert loaded is not None and loaded.forwarded_at.utcoffset() == timedelta(0)
    assert loaded.forwarded_at == local(2026, 11, 23, 9, 30)
    assert [(e.kind, e.actor_id, e.data) for e in history] == [("received", "li", {"platform": "shell"})]


async def test_the_same_message_key_cannot_make_two_inquiries(engine: AsyncEngine) -> None:
    async with uow_factory(engine) as uow:
        await uow.inquiries.add(sample(1), inquiry_seq(2026, 1), "slack:C1:1.0")
        await uow.commit()
    async with uow_factory(engine) as uow:
        with pytest.raises(AlreadyStored):  # the unique key refuses it (intake then reads the first one)
            await uow.inquiries.add(sample(2), inquiry_seq(2026, 2), "slack:C1:1.0")


async def test_concurrent_sequence_numbers_are_unique_and_gapless(engine: AsyncEngine) -> None:
    async def take() -> int:
        async with uow_factory(engine) as uow:
            number = await uow.sequences.next("inquiry", 2026)
            await uow.commit()
            return number

    numbers = await asyncio.gather(*(take() for _ in range(20)))
    assert sorted(numbers) == list(range(1, 21))


async def test_a_delivery_key_is_claimed_once(engine: AsyncEngine) -> None:
    async def claim() -> bool:
        async with uow_factory(engine) as uow:
            won = await uow.events.claim("slack-event:Ev1", NOW)
            await uow.commit()
            return won

    results = await asyncio.gather(*(claim() for _ in range(6)))
    assert results.count(True) == 1


async def test_an_insert_naming_no_column_is_refused_not_dropped(engine: AsyncEngine) -> None:
    from storage.database import insert_once
    from storage.tables import ProcessedEventRow

    async with uow_factory(engine) as uow:
        with pytest.raises(TypeError, match="no column kye"):
            await insert_once(uow.session, ProcessedEventRow, ProcessedEventRow.key, kye="typo", at=NOW)


async def test_outbox_rows_are_claimed_by_exactly_one_worker(engine: AsyncEngine) -> None:
    people = ("zhang", "li", "wu", "wang", "gao", "zhao")
    async with uow_factory(engine) as uow:
        for n in range(30):
            await uow.outbox.add(Outbound("inquiry.assigned", Target.to_person(people[n % 6]), {"n": n}), NOW)
        await uow.commit()

    async def worker(name: str) -> list[tuple[int, str]]:
        taken: list[tuple[int, str]] = []
        for _ in range(20):
            async with uow_factory(engine) as uow:
                items = await uow.outbox.claim(name, NOW + timedelta(seconds=1), limit=4)
                await uow.commit()
            for item in items:  # "sent": the destination is free again
                async with uow_factory(engine) as uow:
                    await uow.outbox.mark_sent(item.id, NOW, {})
                    await uow.commit()
            taken.extend((i.message.data["n"], i.message.target.person or "") for i in items)
            await asyncio.sleep(0)
        return taken

    claimed = await asyncio.gather(*(worker(f"w{i}") for i in range(4)))
    flat = [n for part in claimed for n, _ in part]
    assert sorted(flat) == list(range(30))


async def test_a_destination_in_flight_is_left_to_its_worker(engine: AsyncEngine) -> None:
    async with uow_factory(engine) as uow:
        for person in ("zhang", "zhang", "li"):
            await uow.outbox.add(Outbound("help", Target.to_person(person)), NOW)
        await uow.outbox.add(Outbound("help", Target.reply("slack", {"slack": "C0INTAKE", "thread": "1"})), NOW)
        # another thread of the same channel: the same destination
        await uow.outbox.add(Outbound("help", Target.reply("slack", {"slack": "C0INTAKE", "thread": "2"})), NOW)
        await uow.commit()
    async with uow_factory(engine) as uow:
        first = await uow.outbox.claim("a", NOW, limit=1)
        other = await uow.outbox.claim("c", NOW, limit=1, per_lane=1)
        await uow.commit()
    async with uow_factory(engine) as uow:
        second = await uow.outbox.claim("b", NOW)
        more = await uow.outbox.claim_more("a", first[0].lane, NOW, 5)
        await uow.commit()
    assert [i.message.target.person for i in first] == ["zhang"]
    assert [i.message.target.person for i in other] == ["li"]
    assert [i.message.target.thread for i in second] == ["1", "2"]  # zhang's next row waits for worker "a"
    assert [i.message.target.person for i in more] == ["zhang"]  # "a" keeps its destination


async def test_a_lapsed_lease_is_delivered_again_and_the_attempt_is_known(engine: AsyncEngine) -> None:
    async with uow_factory(engine) as uow:
        await uow.outbox.add(Outbound("inquiry.assigned", Target.to_person("zhang")), NOW)
        await uow.outbox.add(Outbound("inquiry.assigned", Target.to_person("li")), NOW)
        await uow.commit()
    async with uow_factory(engine) as uow:
        [alive] = await uow.outbox.claim("alive", NOW, limit=1)
        [crashed] = await uow.outbox.claim("crashed", NOW, limit=1, lease=timedelta(0))  # its lease has run out
        assert await uow.outbox.attempt(crashed.id, "crashed", lease=timedelta(0))
        await uow.commit()
    far_ahead = NOW + timedelta(days=30)  # the bot's clock (`jobs run --at`) does not judge leases
    async with uow_factory(engine) as uow:
        again = await uow.outbox.claim("other", far_ahead)
        await uow.commit()
    assert [i.id for i in again] == [crashed.id]
    assert again[0].attempts == 2 and again[0].attempted and not alive.attempted


async def test_a_worker_cut_off_past_its_lease_learns_which_rows_it_lost(engine: AsyncEngine) -> None:
    async with uow_factory(engine) as uow:
        for n in range(2):
            await uow.outbox.add(Outbound("help", Target.to_person("zhang"), {"n": n}), NOW)
        await uow.commit()
    async with uow_factory(engine) as uow:
        mine = await uow.outbox.claim("slow", NOW, lease=timedelta(0))
        await uow.commit()
    async with uow_factory(engine) as uow:  # "slow" could not renew in time; "fast" takes over
        taken = await uow.outbox.claim("fast", NOW)
        await uow.commit()
    async with uow_factory(engine) as uow:
        still_mine = await uow.outbox.renew("slow")
        may_send = await uow.outbox.attempt(mine[0].id, "slow")
        await uow.commit()
    assert len(mine) == 2 and len(taken) == 2 and still_mine == set() and not may_send


async def test_round_robin_pointer_survives_a_new_session(engine: AsyncEngine) -> None:
    today = NOW.date()
    async with uow_factory(engine) as uow:
        assert await uow.away.pointer_and_leave("trade1", today) == (None, {})
        await uow.pointers.set("trade1", "zhang", NOW)
        await uow.commit()
    async with uow_factory(engine) as uow:
        assert await uow.away.pointer_and_leave("trade1", today) == ("zhang", {})


async def test_ingest_reads_the_pointer_with_the_leave_covering_the_day(engine: AsyncEngine) -> None:
    today = NOW.date()
    async with uow_factory(engine) as uow:
        await uow.pointers.set("trade1", "zhang", NOW)
        await uow.away.add("wu", today - timedelta(days=1), today + timedelta(days=2), "li", "li", NOW)
        await uow.away.add("li", today + timedelta(days=5), today + timedelta(days=9), None, "li", NOW)
        await uow.commit()
    async with uow_factory(engine) as uow:
        last, leave = await uow.away.pointer_and_leave("trade1", today)
        other, _ = await uow.away.pointer_and_leave("trade2", today)
    assert last == "zhang" and other is None
    assert leave == {"wu": (AwayPeriod(today - timedelta(days=1), today + timedelta(days=2), "li"),)}


async def test_duplicate_search_matches_open_inquiries_by_email_or_phone(engine: AsyncEngine) -> None:
    async with uow_factory(engine) as uow:
        await uow.inquiries.add(sample(1), inquiry_seq(2026, 1), None)
        await uow.inquiries.add(sample(2, status=Status.LOST, customer=Customer(email="x@y.ru")),
                                inquiry_seq(2026, 2), None)
        await uow.commit()
    since = NOW - timedelta(days=90)
    async with uow_factory(engine) as uow:
        by_phone = await uow.inquiries.find_duplicate(None, "+5511987654321", since)
        by_email = await uow.inquiries.find_duplicate("joao@empresa.com.br", None, since)
        closed = await uow.inquiries.find_duplicate("x@y.ru", None, since)
        too_old = await uow.inquiries.find_duplicate(None, "+5511987654321", datetime(2026, 12, 1, tzinfo=UTC))
    assert by_phone is not None and by_phone.id == "INQ-2026-000001"
    assert by_email is not None and by_email.id == "INQ-2026-000001"
    assert closed is None and too_old is None


async def test_the_migrations_build_exactly_the_models(engine: AsyncEngine) -> None:
    """A model change without its migration would pass on SQLite tests yet break a real upgrade."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from storage.tables import Base

    def diff(connection: object) -> list[object]:
        context = MigrationContext.configure(connection, opts={"compare_type": False})  # type: ignore[arg-type]
        return list(compare_metadata(context, Base.metadata))

    async with engine.connect() as conn:
        assert await conn.run_sync(diff) == []


async def test_a_long_queue_to_one_destination_does_not_crowd_out_the_others(engine: AsyncEngine) -> None:
    async with uow_factory(engine) as uow:
        for n in range(40):
            await uow.outbox.add(Outbound("help", Target.to_channel({"slack": "C0INTAKE"}), {"n": n}), NOW)
        for person in ("zhang", "li"):
            await uow.outbox.add(Outbound("help", Target.to_person(person)), NOW)
        await uow.commit()
    async with uow_factory(engine) as uow:
        taken = await uow.outbox.claim("w", NOW, limit=20, per_lane=5)
        await uow.commit()
    to_channel = [i.message.data["n"] for i in taken if i.message.target.kind == "channel"]
    assert to_channel == [0, 1, 2, 3, 4]  # the channel's first five, in order
    assert sorted(i.message.target.person or "" for i in taken if i.message.target.kind == "person") == ["li", "zhang"]
