"""Issue 5, intake on Telegram: a specialist's forward in the intake group becomes exactly one inquiry."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.clock import FrozenClock
from bot.org.model import Org

from .fakes import FakeTelegram
from .fakes.telegram import (
    document_with_caption_update,
    forwarded_message_update,
    origin_channel,
    origin_chat,
    origin_hidden_user,
    origin_user,
    photo_with_caption_update,
    text_message_update,
)
from .telegram_harness import INTAKE, LI, PERU, WANG, ZHANG, Harness, telegram_app


@pytest.fixture
async def tg(fake_telegram: FakeTelegram, sqlite_url: str, clock: FrozenClock, org: Org) -> AsyncIterator[Harness]:
    async with telegram_app(fake_telegram, sqlite_url, clock, org) as harness:
        yield harness


async def test_forward_gives_one_inquiry_a_group_reply_and_a_dm_with_buttons(tg: Harness) -> None:
    customer_sent = tg.date - 3 * 3600
    update = forwarded_message_update(1, INTAKE, LI, PERU, message_id=55, date=tg.date,
                                      origin=origin_user(9001, date=customer_sent, first_name="Carlos"))

    assert (await tg.post(update)).status_code == 200
    [inquiry] = await tg.inquiries()  # committed before the webhook answered
    await tg.deliver()

    assert inquiry.id == "INQ-2026-000001"
    assert (inquiry.region_id, inquiry.assignee_id, inquiry.specialist_id) == ("latam", "zhang", "li")
    assert inquiry.forwarded_at == datetime.fromtimestamp(tg.date, UTC)
    assert inquiry.received_at == datetime.fromtimestamp(customer_sent, UTC)
    assert inquiry.original_text == PERU
    [group_reply] = tg.sent_to(INTAKE)
    assert group_reply.json("reply_parameters") == {"message_id": 55, "allow_sending_without_reply": True}
    assert group_reply.params["parse_mode"] == "HTML"
    assert '<a href="tg://user?id=100007">张伟</a>' in group_reply.params["text"]  # names the assignee
    assert "INQ-2026-000001" in group_reply.params["text"]
    [dm] = tg.sent_to(ZHANG)
    buttons = [b["callback_data"] for row in dm.json("reply_markup")["inline_keyboard"] for b in row]
    assert buttons == ["ack:INQ-2026-000001", "followup:INQ-2026-000001", "grey:INQ-2026-000001",
                       "won:INQ-2026-000001"]


async def test_the_same_message_delivered_again_makes_no_second_inquiry(tg: Harness) -> None:
    update = forwarded_message_update(7, INTAKE, LI, PERU, message_id=56, date=tg.date, origin=origin_user(9001))

    for again in (update, update, {**update, "update_id": 8}):  # Telegram retry, then a re-delivery
        assert (await tg.post(again)).status_code == 200
    await tg.deliver()

    assert len(await tg.inquiries()) == 1
    assert len(tg.sent_to(INTAKE)) == 1
    assert len(tg.sent_to(ZHANG)) == 1


ORIGINS: dict[str, Any] = {
    "user": lambda d: origin_user(9001, date=d, first_name="Buyer"),
    "hidden_user": lambda d: origin_hidden_user("Anon Buyer", date=d),
    "chat": lambda d: origin_chat(-100555, "Buyers group", date=d, author_signature="Admin"),
    "channel": lambda d: origin_channel(-100777, "Deals channel", message_id=5, date=d),
}


@pytest.mark.parametrize("kind", sorted(ORIGINS))
async def test_every_forward_origin_dates_the_inquiry(tg: Harness, kind: str) -> None:
    customer_sent = tg.date - 2 * 86400
    update = forwarded_message_update(20, INTAKE, LI, PERU, message_id=60, date=tg.date,
                                      origin=ORIGINS[kind](customer_sent))

    assert (await tg.post(update)).status_code == 200

    [inquiry] = await tg.inquiries()
    assert inquiry.received_at == datetime.fromtimestamp(customer_sent, UTC)
    assert inquiry.forwarded_at == datetime.fromtimestamp(tg.date, UTC)


async def test_captions_of_photos_and_documents_are_inquiries(tg: Harness) -> None:
    forwarded = tg.date - 600
    photo = photo_with_caption_update(30, INTAKE, LI, PERU, message_id=70, date=tg.date,
                                      origin=origin_hidden_user("Carlos", date=forwarded))
    document = document_with_caption_update(31, INTAKE, LI, "Quote request from Mexico, +52 55 1234 5678",
                                            message_id=71, date=tg.date)

    for update in (photo, document):
        assert (await tg.post(update)).status_code == 200

    first, second = await tg.inquiries()
    assert first.original_text == PERU
    assert first.received_at == datetime.fromtimestamp(forwarded, UTC)
    assert second.received_at == second.forwarded_at == datetime.fromtimestamp(tg.date, UTC)  # pasted, no origin
    assert second.region_id == "latam"


async def test_pasted_text_from_a_specialist_counts(tg: Harness) -> None:
    await tg.post(text_message_update(40, INTAKE, LI, PERU, message_id=80, date=tg.date))
    [inquiry] = await tg.inquiries()
    assert inquiry.received_at == inquiry.forwarded_at


async def test_others_bots_and_edits_do_not_create_inquiries(tg: Harness) -> None:
    from_manager = forwarded_message_update(50, INTAKE, WANG, PERU, message_id=90, origin=origin_user(9001))
    from_stranger = forwarded_message_update(51, INTAKE, 555, PERU, message_id=91, origin=origin_user(9001))
    from_bot = text_message_update(52, INTAKE, 4242, PERU, message_id=92)
    from_bot["message"]["from"]["is_bot"] = True
    edited = text_message_update(53, INTAKE, LI, PERU, message_id=93)
    edited = {"update_id": 53, "edited_message": {**edited["message"], "edit_date": tg.date}}
    elsewhere = text_message_update(54, -1009999, LI, PERU, message_id=94)
    automatic = forwarded_message_update(55, INTAKE, LI, PERU, message_id=95, origin=origin_channel(-1007, "C", 1),
                                         is_automatic_forward=True)

    for update in (from_manager, from_stranger, from_bot, edited, elsewhere, automatic):
        assert (await tg.post(update)).status_code == 200
    await tg.deliver()

    assert await tg.inquiries() == []
    assert tg.fake.called("sendMessage") == []


async def test_forwarded_at_is_the_message_date_not_processing_time(tg: Harness) -> None:
    yesterday = tg.date - 86400  # the bot was down; the update arrives a day late
    await tg.post(forwarded_message_update(60, INTAKE, LI, PERU, message_id=99, date=yesterday,
                                           origin=origin_user(9001, date=yesterday - 60)))
    [inquiry] = await tg.inquiries()
    assert tg.clock.now() - inquiry.forwarded_at == timedelta(days=1)
