"""Issue 5, the small print: callback data within 64 bytes, texts within 4096 characters, pacing arithmetic."""

from __future__ import annotations

import pytest
from telegram import Update

from bot.handlers.telegram import classify, command_of
from bot.notifiers.pacing import Limits, Pacer
from bot.notifiers.telegram_markup import MAX_CALLBACK_BYTES, action_keyboard, callback_data, chunks, parse_callback

from .fakes.telegram import BOT_ID, BOT_USERNAME, command_update, text_message_update


class ManualTime:
    """A monotonic clock that moves only when the pacer sleeps: pacing checked without waiting."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_callback_data_round_trips_and_never_exceeds_64_bytes() -> None:
    assert callback_data("method", "INQ-2026-000001", "whatsapp") == "method:INQ-2026-000001:whatsapp"
    assert parse_callback("method:INQ-2026-000001:whatsapp") == ("method", ["INQ-2026-000001", "whatsapp"])
    assert callback_data("assign", "INQ-2026-000001", "x" * 60) is None
    markup = action_keyboard([{"id": "ack", "value": "INQ-2026-000001", "label": "Acknowledge"},
                              {"id": "assign", "value": "y" * 70, "label": "too long"}])
    assert markup is not None
    assert [[b.callback_data for b in row] for row in markup.inline_keyboard] == [["ack:INQ-2026-000001"]]
    assert all(len(str(b.callback_data).encode()) <= MAX_CALLBACK_BYTES for row in markup.inline_keyboard
               for b in row)


def test_long_texts_are_split_at_line_breaks() -> None:
    lines = [f"line {n} " + "x" * 90 for n in range(100)]
    parts = chunks("\n".join(lines), limit=1000)
    assert all(len(p) <= 1000 for p in parts)
    assert "\n".join(parts) == "\n".join(lines)
    assert chunks("short") == ["short"]
    assert chunks("y" * 2500, limit=1000) == ["y" * 1000, "y" * 1000, "y" * 500]


async def test_one_message_per_interval_in_one_chat() -> None:
    time = ManualTime()
    pacer = Pacer(Limits(per_chat_interval=1.0), monotonic=time.monotonic, sleep=time.sleep)

    for _ in range(3):
        await pacer.wait(42)
    await pacer.wait(43)  # another chat does not wait

    assert time.now == pytest.approx(102.0)
    assert sum(time.sleeps) == pytest.approx(2.0)


async def test_twenty_a_minute_per_group_and_thirty_a_second_overall() -> None:
    time = ManualTime()
    pacer = Pacer(Limits(per_chat_interval=0.0), monotonic=time.monotonic, sleep=time.sleep)

    for _ in range(21):
        await pacer.wait(-100123)
    assert time.now == pytest.approx(160.0)  # the 21st waits for the minute to pass

    time.now = 1000.0
    for chat in range(31):
        await pacer.wait(chat + 1)
    assert time.now == pytest.approx(1001.0)  # the 31st private chat waits a second


def test_the_update_table() -> None:
    def kind(update: dict[str, object]) -> str | None:
        return classify(Update.de_json(update, None), intake_chat=-1001, bot_id=BOT_ID, bot_username=BOT_USERNAME)

    assert kind(command_update("/inq mine", chat_id=5, from_id=5)) == "command"
    assert kind(command_update("/inq mine", chat_id=-7, from_id=5, bot_username=BOT_USERNAME)) == "command"
    assert kind(command_update("/inq mine", chat_id=-7, from_id=5, bot_username="other_bot")) is None
    assert kind(command_update("/start", chat_id=5, from_id=5)) == "start"
    assert kind(command_update("/weather", chat_id=5, from_id=5)) is None
    assert kind(text_message_update(1, -1001, 5, "an inquiry")) == "intake"
    assert kind(text_message_update(1, -1001, 5, "a note", reply_to=10)) == "reply"
    assert kind(text_message_update(1, 5, 5, "hello")) == "chat"
    assert kind(text_message_update(1, -7, 5, "chatter in another group")) is None
    message = Update.de_json(command_update("/inq@Inquiry_Desk_Bot mine"), None).message
    assert message is not None
    assert command_of(message, BOT_USERNAME) == "inq"  # usernames are case-insensitive
