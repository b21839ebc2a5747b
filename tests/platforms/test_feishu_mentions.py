"""Feishu mentions notify: a text carries `<at user_id="ou_…">Name</at>`, a card a lark_md line of at-tags only
beside its plain_text; nothing a customer or a user types can become a mention or markup."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator

import pytest

from bot.clock import FrozenClock
from bot.notifiers.base import Address, Rendered
from bot.org.model import Org

from .fakes.feishu import FakeFeishu, FeishuMessage
from .fakes.feishu_events import FeishuSender
from .feishu_harness import INTAKE, LI, ZHANG, Running, feishu_org, feishu_running

AT_TAG = re.compile(r"<\s*at\b", re.IGNORECASE)


@pytest.fixture
async def fake() -> AsyncIterator[FakeFeishu]:
    async with FakeFeishu(app_id=f"cli_{uuid.uuid4().hex[:16]}") as server:
        yield server


@pytest.fixture
async def running(sqlite_url: str, org: Org, clock: FrozenClock, fake: FakeFeishu) -> AsyncIterator[Running]:
    async with feishu_running(sqlite_url, feishu_org(org), clock, fake, FeishuSender()) as run:
        yield run


def mention_lines(message: FeishuMessage) -> list[str]:
    return [e["text"]["content"] for e in message.card["elements"]
            if e["tag"] == "div" and e["text"]["tag"] == "lark_md"]


def plain_texts(message: FeishuMessage) -> list[str]:
    found = [e["text"]["content"] for e in message.card["elements"]
             if e["tag"] == "div" and e["text"]["tag"] == "plain_text"]
    return found + [n["content"] for e in message.card["elements"] if e["tag"] == "note" for n in e["elements"]]


INJECTED = ('<at user_id="all"></at> Carlos from Lima needs 1 <b>XRF</b> analysers <at user_id="' + LI + '">Li</at>. '
            "Email carlos1@minera.pe, WhatsApp +51 987 654 321")


async def test_a_text_prompt_to_a_rep_carries_the_at_tag_with_their_open_id(running: Running) -> None:
    text = running.app.renderer.render("chat.ask", {"verb": "grey", "id": "INQ-2026-000001", "person": "zhang"},
                                       locale="en", platform="feishu")

    await running.app.notifiers["feishu"].send(Address("feishu", channel=INTAKE), Rendered(text))

    [prompt] = running.fake.sent_to(INTAKE)
    assert prompt.msg_type == "text"
    assert f'<at user_id="{ZHANG}">' in prompt.text
    assert prompt.text.startswith(f'✍ <at user_id="{ZHANG}">')


async def test_a_card_keeps_plain_text_and_mentions_in_a_lark_md_line_of_at_tags_only(running: Running) -> None:
    await running.forward(1)
    await running.card_for(ZHANG, "INQ-2026-000001")

    [reply] = running.fake.sent_to(INTAKE)  # the intake reply names the assigned rep, with buttons: a card
    assert reply.msg_type == "interactive"
    assert mention_lines(reply) == [f"<at id={ZHANG}></at>"]
    [body] = plain_texts(reply)
    assert "@" in body and not AT_TAG.search(body)


async def test_a_prompt_on_the_reps_card_notifies_them(running: Running) -> None:
    await running.forward(1)
    card = await running.card_for(ZHANG, "INQ-2026-000001")

    await running.press(ZHANG, card, "grey", "INQ-2026-000001")

    asked = running.fake.messages[card.message_id]
    assert mention_lines(asked) == [f"<at id={ZHANG}></at>"]
    note = plain_texts(asked)[-1]
    assert "reason to mark INQ-2026-000001 grey" in note
    assert not AT_TAG.search(note)


async def test_customer_text_cannot_mention_anyone_or_add_markup(running: Running) -> None:
    await running.forward(1, INJECTED)
    card = await running.card_for(ZHANG, "INQ-2026-000001")
    await running.say(INTAKE, LI, "/inq show INQ-2026-000001", message_id="om_show")
    await running.fake.wait_for("message.reply", count=2)

    [reply, shown] = running.fake.sent_to(INTAKE)
    assert shown.msg_type == "text"
    assert "analysers" in shown.text  # the customer's words are there, as text
    assert "XRF" in shown.text
    assert not AT_TAG.search(shown.text)
    assert not re.search(r"</?\s*b>", shown.text)
    assert "<\u2060at" in shown.text  # neutralised by an invisible word joiner, still readable
    for message in (card, reply):
        assert "analysers" in plain_texts(message)[0]
        assert not any(AT_TAG.search(text) for text in plain_texts(message))
    assert mention_lines(card) == []  # the rep's own card mentions nobody
    assert mention_lines(reply) == [f"<at id={ZHANG}></at>"]  # only the rep the bot assigned
