"""Feishu inbound through `serve`'s web app: forwards become inquiries, cards work and update in place, forged,
stale and re-delivered requests change nothing."""

from __future__ import annotations

import dataclasses
import json
import time
import uuid
from collections.abc import AsyncIterator

import pytest

from bot.clock import FrozenClock
from bot.org.model import Org
from bot.services import all_jobs  # noqa: F401  (registers the job bodies)
from bot.services.jobs import run_at

from .fakes.feishu import FakeFeishu
from .fakes.feishu_events import MERGED_CONTENT, FeishuSender
from .feishu_harness import INTAKE, LI, STRANGER, ZHANG, Running, feishu_org, feishu_running

WANG = "ou_wang0000000000000000000000000001"


@pytest.fixture
async def fake() -> AsyncIterator[FakeFeishu]:
    async with FakeFeishu(app_id=f"cli_{uuid.uuid4().hex[:16]}") as server:
        yield server


@pytest.fixture(params=["encrypted", "plain"])
def sender(request: pytest.FixtureRequest) -> FeishuSender:
    return FeishuSender() if request.param == "encrypted" else FeishuSender(encrypt_key="")


@pytest.fixture
async def running(sqlite_url: str, org: Org, clock: FrozenClock, fake: FakeFeishu,
                  sender: FeishuSender) -> AsyncIterator[Running]:
    async with feishu_running(sqlite_url, feishu_org(org), clock, fake, sender) as run:
        yield run


def buttons(card: dict[str, object]) -> list[str]:
    return [a["value"]["action"] for e in card["elements"] if e["tag"] == "action"  # type: ignore[index,union-attr]
            for a in e["actions"] if a["tag"] == "button"]  # type: ignore[index]


def note(card: dict[str, object]) -> str:
    notes = [e for e in card["elements"] if e["tag"] == "note"]  # type: ignore[union-attr,index]
    return str(notes[-1]["elements"][0]["content"]) if notes else ""  # type: ignore[index]


async def test_challenge_is_answered(running: Running) -> None:
    response = await running.post(running.sender.url_verification("ch-42"))
    assert response.status_code == 200
    assert response.json() == {"challenge": "ch-42"}


async def test_a_forward_becomes_one_inquiry_reply_in_thread_and_a_card_for_the_rep(running: Running) -> None:
    first = await running.forward(1, event_id="ev-forward-1", message_id="om_forward0001")
    again = await running.forward(1, event_id="ev-forward-1", message_id="om_forward0001")  # re-delivered
    same_message = await running.forward(1, event_id="ev-forward-1b", message_id="om_forward0001")

    card = await running.card_for(ZHANG, "INQ-2026-000001")
    assert [first.status_code, again.status_code, same_message.status_code] == [200, 200, 200]
    [inquiry] = await running.inquiries()
    assert (inquiry.platform, inquiry.assignee_id, inquiry.region_id) == ("feishu", "zhang", "latam")
    [intake_reply] = running.fake.sent_to(INTAKE)
    assert intake_reply.parent_id == "om_forward0001"  # in the forward's thread
    assert intake_reply.thread_id
    assert "INQ-2026-000001" in intake_reply.shown
    assert card.receive_id_type == "open_id"
    assert buttons(card.card) == ["ack", "followup", "grey", "won"]


async def test_buttons_work_and_the_card_updates_in_place(running: Running) -> None:
    await running.forward(1)
    card = await running.card_for(ZHANG, "INQ-2026-000001")

    acked = await running.press(ZHANG, card, "ack", "INQ-2026-000001")
    after_ack = running.fake.messages[card.message_id].card
    twice = await running.press(ZHANG, card, "ack", "INQ-2026-000001")
    picker = await running.press(ZHANG, card, "followup", "INQ-2026-000001")
    selects = [a for e in running.fake.messages[card.message_id].card["elements"] if e["tag"] == "action"
               for a in e["actions"] if a["tag"] == "select_static"]
    method = await running.press(ZHANG, card, "method", "INQ-2026-000001", option="whatsapp")
    asked = note(running.fake.messages[card.message_id].card)
    reply = await running.say(card.chat_id, ZHANG, "Sent the quotation by WhatsApp today", chat_type="p2p",
                              parent_id=card.message_id, message_id="om_zhang_note")

    assert acked.status_code == 200
    assert acked.json()["toast"]["type"] == "success"
    assert "Acknowledged" in note(after_ack)
    assert buttons(after_ack) == ["followup", "grey", "won"]  # only the pressed button went
    assert twice.json()["toast"]["type"] == "error"  # already acknowledged: the presser is told, nothing changes
    assert picker.json() == {}
    [select] = selects
    assert [o["value"] for o in select["options"]] == ["email", "whatsapp", "wechat", "phone", "other"]
    assert method.json() == {}
    assert "reply to this message" in asked
    assert reply.status_code == 200
    [inquiry] = await running.inquiries()
    assert inquiry.followup_method == "whatsapp"
    assert inquiry.followed_up_at is not None
    answer = running.fake.sent_to(card.chat_id)[-1]
    assert answer.parent_id == "om_zhang_note"  # the confirmation quotes the rep's note
    assert "INQ-2026-000001" in answer.shown

    won = await running.press(ZHANG, running.fake.messages[card.message_id], "won", "INQ-2026-000001")
    assert won.json()["toast"]["type"] == "success"
    final = running.fake.messages[card.message_id].card
    assert buttons(final) == []
    assert "won" in note(final).lower()
    [closed] = await running.inquiries()
    assert closed.won_at is not None


async def test_grey_asks_for_the_reason_by_reply(running: Running) -> None:
    await running.forward(1)
    card = await running.card_for(ZHANG, "INQ-2026-000001")

    await running.press(ZHANG, card, "grey", "INQ-2026-000001")
    asked = note(running.fake.messages[card.message_id].card)
    await running.say(card.chat_id, ZHANG, "supplier selling the same analysers", chat_type="p2p",
                      parent_id=card.message_id)

    assert "reason to mark INQ-2026-000001 grey" in asked
    [inquiry] = await running.inquiries()
    assert inquiry.grey_state is not None
    assert inquiry.grey_reason is not None


async def test_a_press_by_someone_not_in_the_roster_is_refused(running: Running) -> None:
    await running.forward(1)
    card = await running.card_for(ZHANG, "INQ-2026-000001")

    refused = await running.press(STRANGER, card, "ack", "INQ-2026-000001")

    assert refused.json()["toast"]["type"] == "error"
    [inquiry] = await running.inquiries()
    assert inquiry.acknowledged_at is None
    assert running.fake.called("message.patch") == []


async def test_a_re_delivered_card_press_acts_once(running: Running) -> None:
    await running.forward(1)
    card = await running.card_for(ZHANG, "INQ-2026-000001")

    await running.press(ZHANG, card, "ack", "INQ-2026-000001", event_id="ev-press-1")
    again = await running.press(ZHANG, card, "ack", "INQ-2026-000001", event_id="ev-press-1")

    assert again.json() == {}
    assert len(running.fake.called("message.patch")) == 1


async def test_a_typed_command_is_answered(running: Running) -> None:
    await running.forward(1)
    await running.card_for(ZHANG, "INQ-2026-000001")

    await running.say("oc_p2p_zhang", ZHANG, "/inq mine", chat_type="p2p")

    answer = running.fake.sent_to("oc_p2p_zhang")[-1]
    assert "INQ-2026-000001" in answer.shown


async def test_a_merged_forward_reads_its_messages_and_their_time(running: Running) -> None:
    merged = running.fake.add_message(INTAKE, "merge_forward", MERGED_CONTENT, sender=LI)
    written = running.ms(seconds_ago=3 * 3600)
    running.fake.add_message("oc_customer", "text", {"text": "Carlos, Minera Andina, Lima, Peru"}, sender="ou_c",
                             upper=merged.message_id, create_time=written)
    running.fake.add_message("oc_customer", "text", {"text": "Need 12 XRF analysers, carlos@minera.pe"},
                             sender="ou_c", upper=merged.message_id, create_time=written + 60_000)

    response = await running.forward(1, msg_type="merge_forward", content=MERGED_CONTENT,
                                     message_id=merged.message_id)

    assert response.status_code == 200
    [inquiry] = await running.inquiries()
    assert "Need 12 XRF analysers" in (inquiry.original_text or "")
    assert int(inquiry.received_at.timestamp() * 1000) == written
    assert inquiry.region_id == "latam"


async def test_forged_and_stale_requests_get_401_and_store_nothing(
    sqlite_url: str, org: Org, clock: FrozenClock, fake: FakeFeishu
) -> None:
    sender = FeishuSender()
    async with feishu_running(sqlite_url, feishu_org(org), clock, fake, sender) as run:
        event = sender.message(INTAKE, LI, "Need 5 XRF units in Lima", create_time=run.ms())
        signed = sender.sign(event)
        forged = {**signed.headers, "X-Lark-Signature": "0" * 64}
        stale = sender.sign(event, timestamp=int(time.time()) - 600)
        other_key = FeishuSender(encrypt_key="not-our-key").sign(event)
        wrong_token = FeishuSender(verification_token="guessed").sign(
            FeishuSender(verification_token="guessed").message(INTAKE, LI, "x"))
        plain = FeishuSender(encrypt_key="").sign(event)

        statuses = [
            (await run.http.post("/feishu/events", content=signed.body, headers=forged)).status_code,
            (await run.http.post("/feishu/events", content=stale.body, headers=stale.headers)).status_code,
            (await run.http.post("/feishu/events", content=other_key.body, headers=other_key.headers)).status_code,
            (await run.http.post("/feishu/events", content=wrong_token.body,
                                 headers=wrong_token.headers)).status_code,
            (await run.http.post("/feishu/events", content=plain.body, headers=plain.headers)).status_code,
        ]

        assert statuses == [401, 401, 401, 401, 401]
        assert await run.inquiries() == []
        async with run.app.ctx.uow() as uow:
            assert await uow.events.claim(f"feishu-event:{event['header']['event_id']}", run.clock.now())
        assert run.fake.called("message.create") == []
        assert run.fake.called("message.reply") == []
        accepted = await run.http.post("/feishu/events", content=signed.body, headers=signed.headers)
        assert accepted.status_code == 200
        assert len(await run.inquiries()) == 1
        assert json.loads(signed.body)["encrypt"]


async def test_the_deals_prompt_picks_inquiries_on_the_card(
    sqlite_url: str, org: Org, clock: FrozenClock, fake: FakeFeishu
) -> None:
    sender = FeishuSender()
    org = feishu_org(org)
    org = dataclasses.replace(org, people=tuple(
        dataclasses.replace(p, ids={"feishu": WANG}, prefer=None, locale="en") if p.id == "wang" else p
        for p in org.people))
    async with feishu_running(sqlite_url, org, clock, fake, sender) as run:
        await run.forward(1)
        await run.forward(2)
        await run.card_for(ZHANG, "INQ-2026-000002")
        prompt_at = run.clock.now().astimezone(run.app.ctx.tz).replace(hour=20, minute=0, second=0, microsecond=0)
        assert (await run_at(run.app.ctx, "deals_daily_prompt", prompt_at)).status == "done"
        prompt = await run.card_for(WANG, "deals_pick")

        opened = await run.press(WANG, prompt, "deals_pick", "trade1")
        toggles = buttons(run.fake.messages[prompt.message_id].card)
        empty = await run.press(WANG, prompt, "deals_report", "")
        await run.press(WANG, prompt, "deals_toggle", "INQ-2026-000002")
        ticked = [b["text"]["content"] for e in run.fake.messages[prompt.message_id].card["elements"]
                  if e["tag"] == "action" for b in e["actions"]]
        reported = await run.press(WANG, prompt, "deals_report", "")

        assert opened.json() == {}
        assert toggles == ["deals_toggle", "deals_toggle", "deals_report", "deals_cancel"]
        assert empty.json()["toast"]["type"] == "error"  # nothing ticked: refused, the card stays
        assert ticked[1].startswith("☑ INQ-2026-000002")
        assert ticked[0].startswith("☐ INQ-2026-000001")
        assert reported.json()["toast"]["type"] == "success"
        assert buttons(run.fake.messages[prompt.message_id].card) == []
        async with run.app.ctx.uow() as uow:
            deal = await uow.inquiries.get("INQ-2026-000002")
            other = await uow.inquiries.get("INQ-2026-000001")
        assert deal is not None
        assert other is not None
        assert deal.won_at is not None
        assert other.won_at is None


async def test_a_recalled_intake_message_asks_its_specialist(running: Running) -> None:
    await running.forward(1, message_id="om_recalled")
    await running.card_for(ZHANG, "INQ-2026-000001")
    recall = running.sender.envelope("im.message.recalled_v1", {
        "message_id": "om_recalled", "chat_id": INTAKE, "recall_time": str(running.ms()),
        "recall_type": "message_owner"})

    response = await running.post(recall)
    again = await running.post(recall)

    assert [response.status_code, again.status_code] == [200, 200]
    async with running.app.ctx.uow() as uow:
        kinds = [e.kind for e in await uow.inquiries.history("INQ-2026-000001")]
    assert kinds.count("intake_deleted") == 1
    asked = await running.card_for(LI, "grey_deleted")
    assert buttons(asked.card) == ["grey_deleted", "keep"]


async def test_a_command_after_an_at_mention_in_a_group(running: Running) -> None:
    mention = [{"key": "@_user_1", "id": {"open_id": "ou_bot"}, "name": "Inquiry Desk", "tenant_key": "t"}]

    response = await running.say(INTAKE, LI, "@_user_1 /inq help", mentions=mention, message_id="om_help")

    assert response.status_code == 200
    [answer] = running.fake.sent_to(INTAKE)
    assert answer.parent_id == "om_help"
    assert "/inq" in answer.shown
    assert await running.inquiries() == []  # a command in the intake group is not an inquiry


JUNK_EVENTS = [
    ("im.message.receive_v1", {"message": "not an object", "sender": 5}),
    ("im.message.receive_v1", {"message": {"message_id": ["x"], "chat_id": {}, "content": "{not json",
                                           "message_type": 7}, "sender": {"sender_id": None}}),
    ("card.action.trigger", {"action": {"value": [1, 2]}, "operator": "nobody", "context": 3}),
    ("im.chat.member.bot.added_v1", []),
]


async def test_a_verified_event_the_bot_cannot_read_is_kept_and_answered_200(running: Running) -> None:
    """Poison: Feishu would re-send a 500 for ever; the body is kept in inbound_failures instead (as on Slack and
    Telegram), and nothing else is stored."""
    answers = [await running.post(running.sender.envelope(kind, event)) for kind, event in JUNK_EVENTS]
    assert [a.status_code for a in answers] == [200] * len(JUNK_EVENTS)
    async with running.app.ctx.uow() as uow:
        kept = await uow.inbound_failures.latest()
    assert kept and {k.platform for k in kept} == {"feishu"}
    assert all(k.error for k in kept)
    assert await running.inquiries() == []
