"""The Telegram fake speaks the real Bot API wire format: proven with python-telegram-bot, unchanged."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    MessageOriginChannel,
    MessageOriginChat,
    MessageOriginHiddenUser,
    MessageOriginUser,
    Update,
)
from telegram.error import BadRequest, Forbidden, InvalidToken, RetryAfter
from telegram.ext import Application, ApplicationBuilder, CallbackQueryHandler, CommandHandler, ContextTypes

from .fakes import TELEGRAM_TOKEN, FakeTelegram
from .fakes.telegram import (
    bot_message,
    callback_query_update,
    command_update,
    document_with_caption_update,
    forwarded_message_update,
    origin_channel,
    origin_chat,
    origin_hidden_user,
    origin_user,
    photo_with_caption_update,
    text_message_update,
)


@pytest.fixture
async def bot(fake_telegram: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(TELEGRAM_TOKEN, base_url=fake_telegram.base_url,
                   base_file_url=fake_telegram.base_file_url) as real_bot:
        yield real_bot


def build_app(fake: FakeTelegram) -> Application[Any, Any, Any, Any, Any, Any]:
    return (ApplicationBuilder().token(TELEGRAM_TOKEN).base_url(fake.base_url)
            .base_file_url(fake.base_file_url).job_queue(None).build())


async def test_send_message_records_form_params_and_reply_markup(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Claim", callback_data="claim:77")]])

    first = await bot.send_message(chat_id=-100200300, text="<b>New</b> inquiry", parse_mode="HTML",
                                   reply_markup=keyboard)
    second = await bot.send_message(chat_id=-100200300, text="again", reply_to_message_id=first.message_id)

    assert bot.username == "inquiry_desk_bot"
    assert bot.id == 999
    assert [c.method for c in fake_telegram.calls] == ["getMe", "sendMessage", "sendMessage"]
    call = fake_telegram.called("sendMessage")[0]
    assert call.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert call.params["chat_id"] == "-100200300"
    button = {"text": "Claim", "callback_data": "claim:77"}
    assert call.json("reply_markup") == {"inline_keyboard": [[button]]}
    assert first.text == "New inquiry"
    assert first.chat.type == "supergroup"
    assert first.reply_markup == keyboard
    assert second.message_id == first.message_id + 1
    assert second.reply_to_message is not None
    assert second.reply_to_message.message_id == first.message_id
    dm = await bot.send_message(chat_id=42, text="hi")
    assert dm.chat.type == "private"
    assert dm.from_user is not None
    assert dm.from_user.is_bot


async def test_edits_and_callback_answers(fake_telegram: FakeTelegram, bot: Bot) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Claim", callback_data="claim:1")]])
    sent = await bot.send_message(chat_id=42, text="v1", reply_markup=keyboard)

    edited = await bot.edit_message_text("v2", chat_id=42, message_id=sent.message_id)
    marked = await bot.edit_message_reply_markup(chat_id=42, message_id=sent.message_id,
                                                 reply_markup=keyboard)
    answered = await bot.answer_callback_query("cbq-1", text="Claimed")

    assert isinstance(edited, type(sent))
    assert edited.text == "v2"
    assert edited.reply_markup is None
    assert not isinstance(marked, bool)
    assert marked.reply_markup == keyboard
    assert answered is True
    answer = fake_telegram.called("answerCallbackQuery")[0]
    assert answer.params == {"callback_query_id": "cbq-1", "text": "Claimed"}


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # retry_after -> timedelta
async def test_scripted_errors_raise_ptb_exceptions(fake_telegram: FakeTelegram, bot: Bot) -> None:
    fake_telegram.fail_next("sendMessage", status=429, retry_after=1)
    forbidden = "Forbidden: bot can't initiate conversation with a user"
    fake_telegram.fail_next("sendMessage", status=403, description=forbidden)
    fake_telegram.fail_next("sendMessage", status=400, description="Bad Request: chat not found")

    with pytest.raises(RetryAfter) as limited:
        await bot.send_message(chat_id=42, text="x")
    with pytest.raises(Forbidden, match="can't initiate conversation"):
        await bot.send_message(chat_id=42, text="x")
    with pytest.raises(BadRequest, match="[Cc]hat not found"):
        await bot.send_message(chat_id=42, text="x")

    assert limited.value.retry_after in (1, dt.timedelta(seconds=1))
    assert (await bot.send_message(chat_id=42, text="x")).text == "x"
    assert len(fake_telegram.called("sendMessage")) == 4


async def test_wrong_token_is_unauthorized(fake_telegram: FakeTelegram) -> None:
    with pytest.raises(InvalidToken):
        async with Bot("1:WRONG", base_url=fake_telegram.base_url):
            pass
    assert fake_telegram.calls[0].path == "/bot1:WRONG/getMe"


async def test_send_document_and_download(fake_telegram: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_document(chat_id=42, document=InputFile(b"%PDF-1.4 fake", filename="quote.pdf"),
                                   caption="Quote")
    photo = await bot.send_photo(chat_id=42, photo=InputFile(b"\x89PNG fake", filename="chart.png"))

    call = fake_telegram.called("sendDocument")[0]
    assert call.headers["Content-Type"].startswith("multipart/form-data")
    assert call.params["document"] == "quote.pdf"
    assert call.files["document"].data == b"%PDF-1.4 fake"
    assert call.params["caption"] == "Quote"
    assert sent.document is not None
    assert sent.document.file_name == "quote.pdf"
    assert sent.caption == "Quote"
    assert photo.photo
    assert fake_telegram.called("sendPhoto")[0].files["photo"].filename == "chart.png"
    file = await bot.get_file(sent.document.file_id)
    assert bytes(await file.download_as_bytearray()) == b"%PDF-1.4 fake"


async def test_get_updates_returns_pushed_updates_and_honours_offset(fake_telegram: FakeTelegram,
                                                                     bot: Bot) -> None:
    fake_telegram.push_update(text_message_update(1, 42, 42, "hello"))
    fake_telegram.push_update(text_message_update(2, 42, 42, "again", message_id=2))

    first = await bot.get_updates(timeout=1)
    rest = await bot.get_updates(offset=2, timeout=1)
    started = time.monotonic()
    empty = await bot.get_updates(offset=3, timeout=10)

    assert [u.update_id for u in first] == [1, 2]
    assert first[0].message is not None
    assert [u.update_id for u in rest] == [2]
    assert empty == ()
    assert time.monotonic() - started < 2
    await bot.set_webhook("https://example.invalid/hook")
    with pytest.raises(Exception, match="webhook is active"):
        await bot.get_updates()


def test_update_builders_parse_as_ptb_objects() -> None:
    origins = [origin_user(9001, first_name="Buyer"), origin_hidden_user("Anon Buyer"),
               origin_chat(-100555, "Buyers group"), origin_channel(-100777, "Deals", message_id=5)]
    kinds = [MessageOriginUser, MessageOriginHiddenUser, MessageOriginChat, MessageOriginChannel]
    for origin, kind in zip(origins, kinds, strict=True):
        raw = forwarded_message_update(1, -100200300, 42, "Need 500 units", origin=origin)
        update = Update.de_json(raw, None)
        assert update.effective_message is not None
        assert isinstance(update.effective_message.forward_origin, kind)

    photo = Update.de_json(photo_with_caption_update(2, 42, 42, "see photo"), None).effective_message
    doc = Update.de_json(document_with_caption_update(3, 42, 42, "see file"), None).effective_message
    assert photo is not None
    assert photo.caption == "see photo"
    assert photo.photo[-1].width == 1280
    assert doc is not None
    assert doc.document is not None
    assert doc.document.file_name == "inquiry.pdf"
    group = command_update("/inq mine", chat_id=-100200300, bot_username="inquiry_desk_bot")["message"]
    assert group["text"] == "/inq@inquiry_desk_bot mine"
    assert group["entities"] == [{"type": "bot_command", "offset": 0, "length": 21}]


async def test_application_handles_commands_and_callbacks(fake_telegram: FakeTelegram) -> None:
    args: list[list[str]] = []

    async def on_inq(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        args.append(list(context.args or []))

    async def on_claim(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.callback_query is not None
        await update.callback_query.answer("ok")
        await update.callback_query.edit_message_text("claimed")

    app = build_app(fake_telegram)
    app.add_handler(CommandHandler("inq", on_inq))
    app.add_handler(CallbackQueryHandler(on_claim, pattern=r"^claim:"))
    async with app:
        for update in (command_update("/inq mine", 1, chat_id=42, from_id=42),
                       command_update("/inq all", 2, chat_id=-100200300, bot_username="inquiry_desk_bot"),
                       callback_query_update(3, 42, "claim:77", bot_message(42, 1001, "New inquiry"))):
            await app.process_update(Update.de_json(update, app.bot))

    assert args == [["mine"], ["all"]]
    assert fake_telegram.called("answerCallbackQuery")[0].params["callback_query_id"] == "cbq-3"
    edit = fake_telegram.called("editMessageText")[0].params
    assert (edit["chat_id"], edit["message_id"], edit["text"]) == ("42", "1001", "claimed")


async def test_long_polling_through_the_updater(fake_telegram: FakeTelegram) -> None:
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(f"echo {context.args}")

    app = build_app(fake_telegram)
    app.add_handler(CommandHandler("inq", echo))
    async with app:
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        await app.start()
        try:
            fake_telegram.push_update(command_update("/inq mine", 7, chat_id=42, from_id=42))
            [sent] = await fake_telegram.wait_for("sendMessage")
        finally:
            await asyncio.wait_for(app.updater.stop(), timeout=5)
            await asyncio.wait_for(app.stop(), timeout=5)

    assert fake_telegram.called("deleteWebhook")
    assert sent.params["text"] == "echo ['mine']"


async def test_chat_member_and_unknown_chats_parse_as_ptb_objects(fake_telegram: FakeTelegram, bot: Bot) -> None:
    from telegram import ChatMemberAdministrator, ChatMemberLeft, ChatMemberMember
    from telegram.error import BadRequest

    fake_telegram.left_chats.add(-1002)
    fake_telegram.unknown_chats.add(424242)

    admin = await bot.get_chat_member(-1001, bot.id)
    left = await bot.get_chat_member(-1002, bot.id)
    person = await bot.get_chat_member(-1001, 100002)
    private = await bot.get_chat(100002)
    with pytest.raises(BadRequest, match="[Cc]hat not found"):
        await bot.get_chat(424242)

    assert isinstance(admin, ChatMemberAdministrator) and admin.user.id == bot.id
    assert isinstance(left, ChatMemberLeft) and left.status == "left"
    assert isinstance(person, ChatMemberMember) and person.user.id == 100002
    assert private.id == 100002 and private.type == "private"
