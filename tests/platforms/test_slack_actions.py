"""Slack buttons, modals and the /inq command: each runs one command, updates the message, refuses politely."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from urllib.parse import urlencode

import pytest

from bot.clock import FrozenClock
from bot.org.model import Org
from bot.rules.inquiry import Inquiry, Status

from .fakes import FakeSlack
from .fakes.signing import message_event, shared_message_event
from .slack_support import CUSTOMER_TEXT, INTAKE, LI, ZHANG, ZHOU, SlackBot, action_ids, dm_with_buttons, slack_bot


@pytest.fixture
async def bot(sqlite_url: str, org: Org, clock: FrozenClock, fake_slack: FakeSlack) -> AsyncIterator[SlackBot]:
    async with slack_bot(sqlite_url, org, clock, fake_slack) as running:
        yield running


async def forwarded(bot: SlackBot) -> Inquiry:
    """One inquiry assigned to zhang, with its DM delivered."""
    await bot.event(shared_message_event(LI, INTAKE, bot.ts(), CUSTOMER_TEXT, bot.ts(7200), "U0DESK"))
    await bot.app.dispatcher.drain()
    await bot.fake.wait_for("chat.postMessage", count=2)
    [inquiry] = await bot.inquiries()
    return inquiry


def context_lines(blocks: list[dict[str, object]]) -> list[str]:
    return [e["text"] for b in blocks if b["type"] == "context" for e in b["elements"]]  # type: ignore[attr-defined]


async def test_acknowledge_changes_the_inquiry_and_replaces_the_button(bot: SlackBot, fake_slack: FakeSlack) -> None:
    inquiry = await forwarded(bot)
    channel, ts, _ = dm_with_buttons(fake_slack, ZHANG)

    response = await bot.click(ZHANG, "ack", inquiry.id, channel, ts)

    assert response.status_code == 200
    [after] = await bot.inquiries()
    assert after.status is Status.ACKNOWLEDGED
    assert after.acknowledged_at == bot.clock.now()
    [update] = await fake_slack.wait_for("chat.update")
    assert (update.params["channel"], update.params["ts"]) == (channel, ts)
    blocks = update.json("blocks")
    assert "ack" not in action_ids({"blocks": blocks})
    assert action_ids({"blocks": blocks}) == ["followup", "grey", "won"]
    [line] = context_lines(blocks)
    assert line.startswith("✓") and "张伟" in line and "09:00" in line

    again = await bot.click(ZHANG, "ack", inquiry.id, channel, ts)  # a stale client still shows the button

    assert again.status_code == 200
    [ephemeral] = await fake_slack.wait_for("chat.postEphemeral")
    assert ephemeral.params["user"] == ZHANG
    assert len(fake_slack.called("chat.update")) == 1


async def test_followed_up_opens_a_modal_whose_submission_records_the_follow_up(
    bot: SlackBot, fake_slack: FakeSlack
) -> None:
    inquiry = await forwarded(bot)
    channel, ts, _ = dm_with_buttons(fake_slack, ZHANG)

    assert (await bot.click(ZHANG, "followup", inquiry.id, channel, ts)).status_code == 200
    [opened] = await fake_slack.wait_for("views.open")
    view = opened.json("view")
    assert opened.params["trigger_id"] == "trigger-followup"
    assert view["callback_id"] == "inq_modal:followup"
    assert [b["block_id"] for b in view["blocks"]] == ["method", "note"]

    def values(note: str) -> dict[str, object]:
        return {"method": {"method": {"type": "static_select", "selected_option": {"value": "email"}}},
                "note": {"note": {"type": "plain_text_input", "value": note}}}

    short = await bot.submit(ZHANG, view["callback_id"], values("ok"), view["private_metadata"])
    assert short.status_code == 200
    assert short.json()["response_action"] == "errors"
    assert set(short.json()["errors"]) == {"note"}
    assert (await bot.inquiries())[0].status is Status.ASSIGNED

    note = "Emailed Maria the quotation for 20 flow meters"
    done = await bot.submit(ZHANG, view["callback_id"], values(note), view["private_metadata"])

    assert done.status_code == 200
    assert done.text == ""
    [after] = await bot.inquiries()
    assert after.status is Status.FOLLOWED_UP
    assert after.followup_method == "email"
    [update] = await fake_slack.wait_for("chat.update")
    assert action_ids({"blocks": update.json("blocks")}) == ["grey", "won"]


async def test_a_method_picked_in_the_modal_is_used_for_a_later_thread_reply(
    bot: SlackBot, fake_slack: FakeSlack
) -> None:
    inquiry = await forwarded(bot)
    channel, ts, _ = await bot.recorded_dm(ZHANG)
    await bot.click(ZHANG, "followup", inquiry.id, channel, ts)
    [opened] = await fake_slack.wait_for("views.open")
    view = opened.json("view")
    pick = {"type": "block_actions", "user": {"id": ZHANG}, "trigger_id": "t2", "team": {"id": "T1"},
            "api_app_id": "A1", "container": {"type": "view", "view_id": "V1"},
            "view": {**view, "id": "V1", "state": {"values": {}}},
            "actions": [{"action_id": "followup_method", "block_id": "method", "type": "static_select",
                         "selected_option": {"value": "whatsapp"}, "action_ts": "1"}]}

    assert (await bot.post(urlencode({"payload": json.dumps(pick)}))).status_code == 200
    note = "Sent Maria the catalogue and price list"
    await bot.event(message_event(ZHANG, channel, note, bot.ts(5), thread_ts=ts, channel_type="im"))

    [after] = await bot.inquiries()
    assert after.followup_method == "whatsapp"


async def test_mine_answers_with_the_reps_open_inquiries(bot: SlackBot) -> None:
    inquiry = await forwarded(bot)

    response = await bot.command(ZHANG, "mine")

    assert response.status_code == 200
    assert response.json()["response_type"] == "ephemeral"
    assert inquiry.id in response.json()["text"]
    assert inquiry.id not in (await bot.command(ZHOU, "mine")).json()["text"]


async def test_a_rep_cannot_reassign_and_is_told_why(bot: SlackBot, fake_slack: FakeSlack) -> None:
    inquiry = await forwarded(bot)

    response = await bot.command(ZHANG, f"assign {inquiry.id} zhou")

    assert response.status_code == 200
    body = response.json()
    assert body["response_type"] == "ephemeral"
    assert inquiry.id in body["text"]
    [after] = await bot.inquiries()
    assert after.assignee_id == "zhang"
    async with bot.app.ctx.uow() as uow:
        audit = await uow.audit.entries(inquiry.id)
    assert [(e["actor"], e["outcome"]) for e in audit] == [("zhang", "refused")]


async def test_strangers_are_told_they_are_not_in_the_roster(bot: SlackBot, fake_slack: FakeSlack) -> None:
    inquiry = await forwarded(bot)
    channel, ts, _ = dm_with_buttons(fake_slack, ZHANG)

    command = await bot.command("U0STRANGER", "mine")
    click = await bot.click("U0STRANGER", "followup", inquiry.id, channel, ts)

    assert command.json()["response_type"] == "ephemeral"
    assert "org.yaml" in command.json()["text"]
    assert click.status_code == 200
    [ephemeral] = await fake_slack.wait_for("chat.postEphemeral")
    assert ephemeral.params["text"] == command.json()["text"]
    assert fake_slack.called("views.open") == []
    async with bot.app.ctx.uow() as uow:  # SPEC: refusals are audited, strangers' too (by Slack user id)
        refusals = [(e["actor"], e["action"], e["outcome"], e["detail"]["reason"]) for e in await uow.audit.entries()
                    if e["actor"].startswith("slack:")]
    assert refusals == [("slack:U0STRANGER", "mine", "refused", "error.not_in_roster"),
                        ("slack:U0STRANGER", "followup", "refused", "error.not_in_roster")]


async def test_the_specialist_reassigns_through_the_intake_buttons(bot: SlackBot, fake_slack: FakeSlack) -> None:
    inquiry = await forwarded(bot)
    reply_ts = next(t for (c, t) in fake_slack.messages if c == INTAKE)

    await bot.click(LI, "reassign", inquiry.id, INTAKE, reply_ts)
    [opened] = await fake_slack.wait_for("views.open")
    view = opened.json("view")
    picked = {"person": {"person": {"type": "static_select", "selected_option": {"value": "zhou"}}},
              "person_id": {"person_id": {"type": "plain_text_input", "value": None}}}
    done = await bot.submit(LI, view["callback_id"], picked, view["private_metadata"])

    assert done.status_code == 200
    [after] = await bot.inquiries()
    assert after.assignee_id == "zhou"
    [update] = await fake_slack.wait_for("chat.update")
    assert action_ids({"blocks": update.json("blocks")}) == ["change_region", "grey"]
    await fake_slack.wait_for("conversations.open", count=2)  # zhou hears about it in a DM
