"""Issue 5, acting on Telegram: buttons, the follow-up method picker, replies as notes, and /inq commands."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.clock import FrozenClock
from bot.org.model import Org
from bot.rules.inquiry import Status

from .fakes import FakeTelegram
from .fakes.telegram import (
    BOT_USERNAME,
    callback_query_update,
    command_update,
    forwarded_message_update,
    origin_user,
    text_message_update,
)
from .telegram_harness import INTAKE, LATAM_GROUP, LI, PERU, ZHANG, Harness, telegram_app

INQ = "INQ-2026-000001"


@pytest.fixture
async def tg(fake_telegram: FakeTelegram, sqlite_url: str, clock: FrozenClock, org: Org) -> AsyncIterator[Harness]:
    async with telegram_app(fake_telegram, sqlite_url, clock, org) as harness:
        await harness.post(forwarded_message_update(1, INTAKE, LI, PERU, message_id=55, date=harness.date,
                                                    origin=origin_user(9001, date=harness.date - 60)))
        await harness.deliver()
        yield harness


def dm_to(tg: Harness, chat_id: int) -> dict[str, Any]:
    """The last message the bot sent to a chat, as the fake stored it (what a button press carries)."""
    last = tg.sent_to(chat_id)[-1]
    message_id = max(mid for chat, mid in tg.fake.messages if chat == chat_id)
    stored = tg.fake.messages[(chat_id, message_id)]
    assert stored["text"], last
    return stored


async def press(tg: Harness, update_id: int, user: int, data: str, message: dict[str, Any]) -> None:
    assert (await tg.post(callback_query_update(update_id, user, data, message))).status_code == 200


async def test_acknowledge_button_changes_the_inquiry_and_the_message(tg: Harness) -> None:
    dm = dm_to(tg, ZHANG)

    await press(tg, 10, ZHANG, f"ack:{INQ}", dm)

    inquiry = await tg.inquiry(INQ)
    assert inquiry.status is Status.ACKNOWLEDGED
    assert inquiry.acknowledged_at == tg.clock.now()
    [answer] = tg.fake.called("answerCallbackQuery")
    assert answer.params["callback_query_id"] == "cbq-10"
    [edit] = tg.fake.called("editMessageText")
    assert (int(edit.params["chat_id"]), int(edit.params["message_id"])) == (ZHANG, dm["message_id"])
    assert "reply_markup" not in edit.params  # the keyboard is gone: it cannot be pressed twice
    assert edit.params["text"].endswith("✓ 张伟 09:00 已确认收到")  # zhang reads Chinese; 09:00 Shanghai


async def test_followed_up_then_method_then_reply_records_the_note(tg: Harness) -> None:
    dm = dm_to(tg, ZHANG)

    await press(tg, 11, ZHANG, f"followup:{INQ}", dm)
    [markup_edit] = tg.fake.called("editMessageReplyMarkup")
    methods = [b["callback_data"] for row in markup_edit.json("reply_markup")["inline_keyboard"] for b in row]
    assert methods == [f"method:{INQ}:{m}" for m in ("email", "whatsapp", "wechat", "phone", "other")]

    await press(tg, 12, ZHANG, f"method:{INQ}:whatsapp", tg.fake.messages[(ZHANG, dm["message_id"])])
    [ask] = tg.fake.called("editMessageText")
    assert "请回复本条消息" in ask.params["text"]
    note = "Sent the price list and datasheet on WhatsApp"
    await tg.post(text_message_update(13, ZHANG, ZHANG, note, message_id=500, date=tg.date,
                                      reply_to=tg.fake.messages[(ZHANG, dm["message_id"])]))

    inquiry = await tg.inquiry(INQ)
    assert inquiry.status is Status.FOLLOWED_UP
    assert inquiry.followup_method == "whatsapp"
    async with tg.app.ctx.uow() as uow:
        history = await uow.inquiries.history(INQ)
    assert history[-1].data == {"method": "whatsapp", "note": note}
    assert len(tg.fake.called("answerCallbackQuery")) == 2
    assert "WhatsApp" in tg.sent_to(ZHANG)[-1].params["text"]  # the confirmation, in the same chat


async def test_a_plain_reply_to_the_dm_is_a_note_by_other_means(tg: Harness) -> None:
    dm = dm_to(tg, ZHANG)
    await tg.post(text_message_update(14, ZHANG, ZHANG, "Called him, he wants a quote", message_id=501,
                                      date=tg.date, reply_to=dm))
    inquiry = await tg.inquiry(INQ)
    assert (inquiry.status, inquiry.followup_method) == (Status.FOLLOWED_UP, "other")


async def test_a_reply_to_a_message_about_no_inquiry_gets_a_hint(tg: Harness) -> None:
    await tg.post(command_update("/inq mine", 29, chat_id=ZHANG, from_id=ZHANG))
    answer = dm_to(tg, ZHANG)
    await tg.post(text_message_update(30, ZHANG, ZHANG, "thanks, will do it today", message_id=504,
                                      date=tg.date, reply_to=answer))
    assert (await tg.inquiry(INQ)).status is Status.ASSIGNED
    assert "/inq help" in tg.sent_to(ZHANG)[-1].params["text"]


async def test_a_too_short_note_is_refused_in_one_line(tg: Harness) -> None:
    await tg.post(text_message_update(15, ZHANG, ZHANG, "ok", message_id=502, date=tg.date, reply_to=dm_to(tg, ZHANG)))
    assert (await tg.inquiry(INQ)).status is Status.ASSIGNED
    assert "10" in tg.sent_to(ZHANG)[-1].params["text"]


async def test_grey_asks_for_a_reason_and_the_reply_proposes_it(tg: Harness) -> None:
    await press(tg, 16, ZHANG, f"grey:{INQ}", dm_to(tg, ZHANG))
    prompt = dm_to(tg, ZHANG)
    assert "标灰" in prompt["text"]

    await tg.post(text_message_update(17, ZHANG, ZHANG, "supplier offering packaging boxes", message_id=503,
                                      date=tg.date, reply_to=prompt))

    inquiry = await tg.inquiry(INQ)
    assert inquiry.grey_state == "proposed"
    await tg.deliver()
    assert tg.sent_to(LI)  # the specialist is asked to confirm


async def test_a_refused_press_answers_with_an_alert_and_keeps_the_keyboard(tg: Harness) -> None:
    await press(tg, 19, 100009, f"ack:{INQ}", dm_to(tg, ZHANG))  # wu: not his inquiry

    [answer] = tg.fake.called("answerCallbackQuery")
    assert answer.params["show_alert"] in ("true", "True")
    assert (await tg.inquiry(INQ)).acknowledged_at is None
    assert tg.fake.called("editMessageText") == []


async def test_inq_mine_in_a_dm_and_with_the_bot_name_in_a_group(tg: Harness) -> None:
    await tg.post(command_update("/inq mine", 20, chat_id=ZHANG, from_id=ZHANG))
    await tg.post(command_update("/inq mine", 21, chat_id=LATAM_GROUP, from_id=ZHANG, message_id=7,
                                 bot_username=BOT_USERNAME))
    await tg.post(command_update("/inq mine", 22, chat_id=LATAM_GROUP, from_id=ZHANG, message_id=8,
                                 bot_username="some_other_bot"))

    [dm_reply] = tg.sent_to(ZHANG)[1:]
    [group_reply] = tg.sent_to(LATAM_GROUP)
    for reply in (dm_reply, group_reply):
        assert INQ in reply.params["text"]
        assert reply.params["parse_mode"] == "HTML"
    assert group_reply.json("reply_parameters")["message_id"] == 7


async def test_unknown_people_are_told_they_are_not_in_the_roster(
    tg: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    await tg.post(command_update("/inq mine", 23, chat_id=777, from_id=777))
    with caplog.at_level(logging.INFO, logger="bot.handlers.telegram"):
        await tg.post(command_update("/start", 24, chat_id=778, from_id=778))
    await press(tg, 25, 779, f"ack:{INQ}", dm_to(tg, ZHANG))

    assert "778" in caplog.text  # the admin finds the new person's user id for org.yaml in the log

    assert tg.sent_to(777) and tg.sent_to(778)
    assert tg.sent_to(777)[0].params["text"] == tg.sent_to(778)[0].params["text"]
    assert tg.fake.called("answerCallbackQuery")[-1].params["show_alert"] in ("true", "True")
    assert (await tg.inquiry(INQ)).acknowledged_at is None
    async with tg.app.ctx.uow() as uow:  # SPEC: refusals are audited, strangers' too (by Telegram user id)
        refusals = [(e["actor"], e["action"], e["outcome"], e["detail"]["reason"]) for e in await uow.audit.entries()
                    if e["actor"].startswith("telegram:")]
    assert refusals == [("telegram:777", "mine", "refused", "error.not_in_roster"),
                        ("telegram:778", "help", "refused", "error.not_in_roster"),
                        ("telegram:779", "ack", "refused", "error.not_in_roster")]


async def test_specialist_reassigns_with_the_rep_picker(tg: Harness) -> None:
    [intake_reply] = tg.sent_to(INTAKE)
    message = tg.fake.messages[(INTAKE, max(mid for chat, mid in tg.fake.messages if chat == INTAKE))]
    assert message["text"] and intake_reply

    await press(tg, 26, LI, f"reassign:{INQ}", message)
    picker = tg.fake.called("editMessageReplyMarkup")[-1].json("reply_markup")["inline_keyboard"]
    assert f"assign:{INQ}:wu" in [b["callback_data"] for row in picker for b in row]
    await press(tg, 27, LI, f"assign:{INQ}:wu", message)

    assert (await tg.inquiry(INQ)).assignee_id == "wu"
    assert "重新分配" in tg.fake.called("editMessageText")[-1].params["text"]


async def test_a_button_for_a_verb_that_is_not_there_yet_says_so(tg: Harness) -> None:
    await press(tg, 28, LI, "no_such_action:x", dm_to(tg, ZHANG))
    assert tg.fake.called("answerCallbackQuery")[-1].params["show_alert"] in ("true", "True")
