"""The Slack fake speaks the real wire format: proven with slack_sdk and slack_bolt, unchanged.

Telegram counterpart: test_fakes_telegram.py.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Sequence
from typing import Any

import pytest
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.models.metadata import Metadata
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from .fakes import APP_TOKEN, BOT_TOKEN, FakeSlack
from .fakes.signing import (
    SIGNING_SECRET,
    block_actions_form,
    event_callback,
    events_api_envelope,
    message_event,
    shared_message_event,
    signed_headers,
    slash_command_form,
    slash_command_payload,
    slash_commands_envelope,
)


def client_for(fake: FakeSlack, token: str = BOT_TOKEN, **kwargs: Any) -> AsyncWebClient:
    return AsyncWebClient(token=token, base_url=fake.base_url, **kwargs)


# Web API ----------------------------------------------------------------------------------------


async def test_post_message_records_json_params_and_returns_growing_ts(fake_slack: FakeSlack) -> None:
    client = client_for(fake_slack)
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "*New inquiry*"}}]

    first = await client.chat_postMessage(channel="C1", text="New inquiry", blocks=blocks)
    second = await client.chat_postMessage(channel="U7", text="dm")

    call = fake_slack.called("chat.postMessage")[0]
    assert call.headers["Content-Type"].startswith("application/json")
    assert call.headers["authorization"] == "Bearer xoxb-test"
    assert call.params["channel"] == "C1"
    assert call.params["blocks"] == blocks
    assert first["ok"]
    assert first["channel"] == "C1"
    assert first["message"]["blocks"] == blocks
    assert first["ts"] == "1700000000.000100"
    assert float(second["ts"]) > float(first["ts"])
    assert second["channel"] == "DU7"


async def test_auth_test_and_bad_tokens(fake_slack: FakeSlack) -> None:
    me = await client_for(fake_slack).auth_test()
    assert (me["user_id"], me["bot_id"], me["team_id"], me["team"]) == ("UBOT", "BBOT", "T1", "Fake")

    with pytest.raises(SlackApiError) as bad:
        await client_for(fake_slack, token="xoxb-invalid").auth_test()
    assert bad.value.response["error"] == "invalid_auth"
    with pytest.raises(SlackApiError) as missing:
        await AsyncWebClient(base_url=fake_slack.base_url).auth_test()
    assert missing.value.response["error"] == "not_authed"
    assert len(fake_slack.called("auth.test")) == 3


async def test_form_encoded_methods(fake_slack: FakeSlack) -> None:
    client = client_for(fake_slack)
    posted = await client.chat_postMessage(channel="C1", text="v1")

    opened = await client.conversations_open(users="U42")
    updated = await client.chat_update(channel="C1", ts=posted["ts"], text="v2", blocks=[])
    link = await client.chat_getPermalink(channel="C1", message_ts=posted["ts"])
    user = await client.users_info(user="U42")
    chan = await client.conversations_info(channel="C1")
    eph = await client.chat_postEphemeral(channel="C1", user="U42", text="psst")
    other = await client.reactions_add(channel="C1", timestamp=posted["ts"], name="eyes")

    assert opened["channel"]["id"] == "DU42"
    assert updated["text"] == "v2"
    assert fake_slack.messages[("C1", posted["ts"])]["text"] == "v2"
    assert link["permalink"].endswith(f"/archives/C1/p{posted['ts'].replace('.', '')}")
    assert user["user"]["id"] == "U42"
    assert chan["channel"]["id"] == "C1"
    assert eph["message_ts"]
    assert other["ok"]
    assert fake_slack.called("users.info")[0].params == {"user": "U42"}
    assert fake_slack.called("conversations.open")[0].headers["Content-Type"].startswith(
        "application/x-www-form-urlencoded")


async def test_ratelimited_call_is_retried_after_retry_after(fake_slack: FakeSlack) -> None:
    client = client_for(fake_slack, retry_handlers=[AsyncRateLimitErrorRetryHandler(max_retry_count=1)])
    fake_slack.fail_next("chat.postMessage", status=429, retry_after=1)

    response = await client.chat_postMessage(channel="C1", text="hello")

    first, second = fake_slack.called("chat.postMessage")
    assert response["ok"]
    assert second.at - first.at >= 1.0
    assert fake_slack.pending_scripts == {}


async def test_scripted_failures_are_consumed_once_in_order(fake_slack: FakeSlack) -> None:
    client = client_for(fake_slack)
    fake_slack.fail_next("chat.postMessage", error="channel_not_found")
    fake_slack.fail_next("chat.postMessage", status=429, retry_after=3)
    fake_slack.fail_next("chat.postMessage", status=500)

    with pytest.raises(SlackApiError) as not_found:
        await client.chat_postMessage(channel="C404", text="x")
    with pytest.raises(SlackApiError) as limited:
        await client.chat_postMessage(channel="C1", text="x")
    retrying = client_for(fake_slack, retry_handlers=[AsyncServerErrorRetryHandler(max_retry_count=1)])
    recovered = await retrying.chat_postMessage(channel="C1", text="x")

    assert not_found.value.response.status_code == 200
    assert not_found.value.response["error"] == "channel_not_found"
    assert limited.value.response.status_code == 429
    assert limited.value.response.headers["Retry-After"] == "3"
    assert recovered["ok"]
    assert len(fake_slack.called("chat.postMessage")) == 4


async def test_files_upload_v2_end_to_end(fake_slack: FakeSlack) -> None:
    client = client_for(fake_slack)

    response = await client.files_upload_v2(
        channel="C1", content=b"col1,col2\n1,2\n", filename="report.csv", title="Report",
        initial_comment="Monthly report",
    )

    assert [c.method for c in fake_slack.calls] == [
        "files.getUploadURLExternal", "upload", "files.completeUploadExternal"]
    file_id = response["file"]["id"]
    upload = fake_slack.uploads[file_id]
    assert upload.content == b"col1,col2\n1,2\n"
    assert upload.filename == "report.csv"
    assert (upload.channel_id, upload.initial_comment, upload.title) == ("C1", "Monthly report", "Report")
    complete = fake_slack.called("files.completeUploadExternal")[0]
    assert complete.json("files") == [{"id": file_id, "title": "Report"}]


async def test_response_url_posts_are_recorded(fake_slack: FakeSlack) -> None:
    webhook = AsyncWebhookClient(fake_slack.response_url("cmd-1"))

    response = await webhook.send(text="Done", response_type="ephemeral")

    assert response.status_code == 200
    [post] = fake_slack.response_posts("cmd-1")
    assert post.params == {"text": "Done", "response_type": "ephemeral"}
    assert fake_slack.response_posts("other") == []


# Signing and inbound payloads -------------------------------------------------------------------


def test_signed_headers_verify_with_the_real_verifier() -> None:
    body = slash_command_form(text="mine")
    headers = {k.lower(): v for k, v in signed_headers(SIGNING_SECRET, body).items()}
    verifier = SignatureVerifier(SIGNING_SECRET)

    assert verifier.is_valid_request(body, headers)
    assert not verifier.is_valid_request(body.replace("mine", "all"), headers)
    stale = {k.lower(): v for k, v in signed_headers(SIGNING_SECRET, body, int(time.time()) - 301).items()}
    assert not verifier.is_valid_request(body, stale)
    assert headers["content-type"] == "application/x-www-form-urlencoded"
    assert signed_headers(SIGNING_SECRET, b'{"a": 1}')["Content-Type"] == "application/json"


def build_bolt(fake: FakeSlack, seen: list[dict[str, Any]]) -> AsyncApp:
    app = AsyncApp(client=client_for(fake), signing_secret=SIGNING_SECRET)

    @app.event("message")
    async def on_message(event: dict[str, Any]) -> None:
        seen.append(event)

    @app.command("/inq")
    async def on_inq(ack: Any, command: dict[str, Any], respond: Any) -> None:
        await ack(text=f"got {command['text']}")
        await respond(text="later")

    @app.action("claim")
    async def on_claim(ack: Any, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        await client.chat_update(channel=body["channel"]["id"], ts=body["message"]["ts"], text="claimed")

    return app


async def dispatch(app: AsyncApp, body: str) -> Any:
    headers: dict[str, str | Sequence[str]] = {**signed_headers(SIGNING_SECRET, body)}
    request = AsyncBoltRequest(body=body, headers=headers)
    return await app.async_dispatch(request)


async def test_built_payloads_are_accepted_by_bolt(fake_slack: FakeSlack) -> None:
    seen: list[dict[str, Any]] = []
    app = build_bolt(fake_slack, seen)
    share = shared_message_event("U1", "C1", "1700000100.000200", "Need 500 units", "1700000000.000100", "U9",
                                 author_name="ann")

    assert (await dispatch(app, json.dumps(event_callback(share)))).status == 200
    command = await dispatch(app, slash_command_form(text="mine", response_url=fake_slack.response_url("c1")))
    action = await dispatch(app, block_actions_form("U1", "claim", "inq-7", "C1", "1700000000.000100"))

    assert command.status == 200
    assert command.body == "got mine"
    assert action.status == 200
    await fake_slack.wait_for("chat.update")
    await fake_slack.wait_for("response_url")
    assert fake_slack.called("chat.update")[0].params["text"] == "claimed"
    attachment = seen[0]["attachments"][0]
    assert seen[0]["text"] == ""
    assert "subtype" not in seen[0]
    assert attachment["is_share"]
    assert attachment["is_msg_unfurl"]
    assert attachment["footer"] == "Slack Conversation"
    assert attachment["from_url"].endswith("/archives/C0SOURCE/p1700000000000100")
    assert attachment["fallback"] == "[November 14th, 2023 10:13 PM] ann: Need 500 units"


# Socket Mode ------------------------------------------------------------------------------------


async def test_socket_mode_handler_receives_and_acks_envelopes(fake_slack: FakeSlack) -> None:
    seen: list[dict[str, Any]] = []
    handler = AsyncSocketModeHandler(build_bolt(fake_slack, seen), app_token=APP_TOKEN)
    await asyncio.wait_for(handler.connect_async(), timeout=5)
    try:
        event = event_callback(message_event("U1", "C1", "hello", "1700000100.000100"))
        envelope_id = await fake_slack.socket_send(events_api_envelope(event))
        ack = await fake_slack.wait_for_ack(envelope_id)
        command_id = await fake_slack.socket_send(slash_commands_envelope(
            slash_command_payload(text="mine", response_url=fake_slack.response_url("s1"))))
        command_ack = await fake_slack.wait_for_ack(command_id)
    finally:
        await asyncio.wait_for(handler.close_async(), timeout=5)

    assert fake_slack.called("apps.connections.open")[0].headers["Authorization"] == "Bearer xapp-test"
    assert ack == {"envelope_id": envelope_id}
    assert command_ack["payload"] == {"text": "got mine"}
    assert [e["text"] for e in seen] == ["hello"]
    assert fake_slack.socket.connections == 1


async def test_socket_mode_client_reconnects_after_disconnect(fake_slack: FakeSlack) -> None:
    handler = AsyncSocketModeHandler(build_bolt(fake_slack, []), app_token=APP_TOKEN)
    await asyncio.wait_for(handler.connect_async(), timeout=5)
    try:
        await fake_slack.socket.disconnect()
        await fake_slack.wait_for("socket_connect", count=2)
        event = event_callback(message_event("U1", "C1", "after reconnect", "1700000200.000100"))
        envelope_id = await fake_slack.socket_send(events_api_envelope(event))
        await fake_slack.wait_for_ack(envelope_id)
    finally:
        await asyncio.wait_for(handler.close_async(), timeout=5)

    assert len(fake_slack.called("apps.connections.open")) >= 2


async def test_views_open_echoes_the_view(fake_slack: FakeSlack) -> None:
    view = {"type": "modal", "callback_id": "assign", "title": {"type": "plain_text", "text": "Assign"},
            "blocks": []}

    opened = await client_for(fake_slack).views_open(trigger_id="trigger-1", view=view)

    assert opened["view"]["callback_id"] == "assign"
    assert opened["view"]["id"].startswith("V")
    assert fake_slack.called("views.open")[0].params["trigger_id"] == "trigger-1"


async def test_membership_and_missing_users_as_slack_sdk_reads_them(fake_slack: FakeSlack) -> None:
    client = client_for(fake_slack)
    fake_slack.not_member_of.add("C0OUT")
    fake_slack.missing_users.add("U0GONE")

    inside = await client.conversations_info(channel="C0IN")
    outside = await client.conversations_info(channel="C0OUT")
    members = await client.conversations_members(channel="C0IN")
    nobody = await client.conversations_members(channel="C0OUT")
    with pytest.raises(SlackApiError) as gone:
        await client.users_info(user="U0GONE")

    assert inside["channel"]["is_member"] is True and outside["channel"]["is_member"] is False
    assert members["members"] == ["UBOT"] and nobody["members"] == []
    assert members["response_metadata"]["next_cursor"] == ""
    assert gone.value.response["error"] == "user_not_found"


async def test_history_and_replies_return_message_metadata_only_when_asked(fake_slack: FakeSlack) -> None:
    client = client_for(fake_slack)
    tagged = Metadata(event_type="inquiry_desk_outbox", event_payload={"outbox_id": "41"})
    parent = await client.chat_postMessage(channel="C1", text="parent", metadata=tagged)
    in_thread = Metadata(event_type="inquiry_desk_outbox", event_payload={"outbox_id": "42"})
    await client.chat_postMessage(channel="C1", text="in thread", thread_ts=parent["ts"], metadata=in_thread)
    await client.chat_postMessage(channel="C2", text="elsewhere")
    later = await client.chat_postMessage(channel="C1", text="later")

    history = await client.conversations_history(channel="C1", include_all_metadata=True, limit=10)
    bare = await client.conversations_history(channel="C1", limit=10)
    replies = await client.conversations_replies(channel="C1", ts=parent["ts"], include_all_metadata=True)

    assert [m["ts"] for m in history["messages"]] == [later["ts"], parent["ts"]]  # newest first, no replies
    found = Metadata(**history["messages"][1]["metadata"])
    assert (found.event_type, found.event_payload) == ("inquiry_desk_outbox", {"outbox_id": "41"})
    assert all("metadata" not in m for m in bare["messages"])
    assert [m["text"] for m in replies["messages"]] == ["parent", "in thread"]
    assert replies["messages"][1]["metadata"]["event_payload"] == {"outbox_id": "42"}
    assert fake_slack.called("conversations.history")[0].params["include_all_metadata"] in ("1", "true", True)
