"""Issue 11, Telegram intake group after the forward: replies are notes, edits re-read, files without text get
a hint. Updates go through the real webhook as JSON that PTB parses (Update.de_json)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from telegram import Update

from bot.clock import FrozenClock
from bot.org.model import Org
from bot.rules.inquiry import HistoryEvent

from .fakes import FakeTelegram
from .fakes.telegram import (
    command_update,
    document_with_caption_update,
    edited_message_update,
    forwarded_message_update,
    origin_user,
    photo_with_caption_update,
    text_message_update,
)
from .telegram_harness import INTAKE, LI, PERU, WANG, ZHANG, Harness, telegram_app

INQ = "INQ-2026-000001"
FORWARD_ID = 55


@pytest.fixture
async def tg(fake_telegram: FakeTelegram, sqlite_url: str, clock: FrozenClock, org: Org) -> AsyncIterator[Harness]:
    async with telegram_app(fake_telegram, sqlite_url, clock, org) as harness:
        yield harness


async def forward(tg: Harness) -> dict[str, Any]:
    """Li forwards the Peru inquiry into the intake group; returns the forwarded message as Telegram sent it."""
    update = forwarded_message_update(1, INTAKE, LI, PERU, message_id=FORWARD_ID, date=tg.date,
                                      origin=origin_user(9001, date=tg.date - 600))
    assert (await tg.post(update)).status_code == 200
    await tg.deliver()
    message: dict[str, Any] = update["message"]
    return message


async def history(tg: Harness) -> list[HistoryEvent]:
    async with tg.app.ctx.uow() as uow:
        return await uow.inquiries.history(INQ)


def replies_to(tg: Harness, message_id: int) -> list[str]:
    """Texts the bot posted in the intake group as replies to `message_id`."""
    return [str(c.params["text"]) for c in tg.sent_to(INTAKE)
            if (c.json("reply_parameters") or {}).get("message_id") == message_id]


async def test_a_reply_to_a_logged_forward_is_a_note_not_a_new_inquiry(tg: Harness) -> None:
    original = await forward(tg)
    text = "Customer called again: he wants 10 analysers, not 5"
    reply = text_message_update(2, INTAKE, LI, text, message_id=56, date=tg.date, reply_to=original)
    assert Update.de_json(reply, None).message.reply_to_message.message_id == FORWARD_ID  # type: ignore[union-attr]

    for again in (reply, reply, {**reply, "update_id": 3}):  # a retry, then a re-delivery under a new id
        assert (await tg.post(again)).status_code == 200
    await tg.deliver()

    assert [i.id for i in await tg.inquiries()] == [INQ]
    assert [e.data["note"] for e in await history(tg) if e.kind == "note"] == [text]
    [answer] = replies_to(tg, 56)
    assert INQ in answer
    [told] = [c.params["text"] for c in tg.sent_to(ZHANG) if text in c.params["text"]]
    assert INQ in told


async def test_a_reply_to_the_bots_intake_reply_is_a_note_too(tg: Harness) -> None:
    await forward(tg)
    bot_reply_id = max(mid for chat, mid in tg.fake.messages if chat == INTAKE)
    bot_reply = tg.fake.messages[(INTAKE, bot_reply_id)]
    text = "He prefers WhatsApp, not e-mail"

    await tg.post(text_message_update(4, INTAKE, LI, text, message_id=57, date=tg.date, reply_to=bot_reply))
    await tg.deliver()

    assert len(await tg.inquiries()) == 1
    assert [e.data["note"] for e in await history(tg) if e.kind == "note"] == [text]


async def test_a_paste_that_replies_to_unlogged_chatter_is_still_an_inquiry(tg: Harness) -> None:
    chatter = text_message_update(5, INTAKE, WANG, "who takes the next one?", message_id=40, date=tg.date)
    await tg.post(chatter)

    await tg.post(text_message_update(6, INTAKE, LI, PERU, message_id=41, date=tg.date, reply_to=chatter["message"]))

    [inquiry] = await tg.inquiries()
    assert inquiry.original_text == PERU


async def test_a_document_or_photo_without_a_caption_asks_for_the_text(tg: Harness) -> None:
    document = document_with_caption_update(7, INTAKE, LI, None, message_id=60, date=tg.date)
    photo = photo_with_caption_update(8, INTAKE, LI, None, message_id=61, date=tg.date)
    from_manager = document_with_caption_update(9, INTAKE, WANG, None, message_id=62, date=tg.date)
    parsed = Update.de_json(document, None).message
    assert parsed is not None and parsed.document is not None and parsed.caption is None

    for update in (document, document, photo, from_manager):
        assert (await tg.post(update)).status_code == 200
    await tg.deliver()

    assert await tg.inquiries() == []
    for message_id in (60, 61):
        [hint] = replies_to(tg, message_id)
        assert "/inq new" in hint
    assert replies_to(tg, 62) == []


async def test_an_edited_forward_is_re_read_and_a_hand_correction_survives(tg: Harness) -> None:
    original = await forward(tg)
    corrected = "Minera Andina S.A.C."
    await tg.post(command_update(f"/inq edit {INQ} company {corrected}", 10, chat_id=LI, from_id=LI,
                                 message_id=300, date=tg.date))
    new_text = PERU.replace("carlos@minera-andina.pe", "compras@minera-andina.pe").replace(
        "Minera Andina SAC", "Minera Andes Ltda")
    edit = edited_message_update(11, original, tg.date + 120, text=new_text)
    parsed = Update.de_json(edit, None).edited_message
    assert parsed is not None and parsed.edit_date is not None and parsed.message_id == FORWARD_ID

    for again in (edit, edit, {**edit, "update_id": 12}):
        assert (await tg.post(again)).status_code == 200
    await tg.deliver()

    [inquiry] = await tg.inquiries()
    assert inquiry.customer.email == "compras@minera-andina.pe"
    assert inquiry.customer.company == corrected
    assert inquiry.original_text == new_text
    rereads = [e for e in await history(tg) if e.kind == "reread"]
    assert len(rereads) == 1
    assert rereads[0].data["changes"]["email"] == ["carlos@minera-andina.pe", "compras@minera-andina.pe"]
    assert "company" not in rereads[0].data["changes"]
    notes = [t for t in replies_to(tg, FORWARD_ID) if "compras@minera-andina.pe" in t]
    assert len(notes) == 1
    assert "carlos@minera-andina.pe" in notes[0]


async def test_an_edited_inq_new_is_re_read_without_the_command(tg: Harness) -> None:
    command = command_update(f"/inq new {PERU}", 20, chat_id=INTAKE, from_id=LI, message_id=70, date=tg.date,
                             bot_username="inquiry_desk_bot")
    await tg.post(command)
    new_text = PERU.replace("carlos@minera-andina.pe", "ventas@minera-andina.pe")
    edit = edited_message_update(21, command["message"], tg.date + 60,
                                 text=f"/inq@inquiry_desk_bot new {new_text}")

    assert (await tg.post(edit)).status_code == 200

    [inquiry] = await tg.inquiries()
    assert inquiry.customer.email == "ventas@minera-andina.pe"
    assert inquiry.original_text == new_text
