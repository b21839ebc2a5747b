"""The Feishu fake speaks the real open platform: proven with lark-oapi's own client, models and event code."""

from __future__ import annotations

import asyncio
import io
import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

import lark_oapi as lark
import pytest
from lark_oapi.api.contact.v3 import GetUserRequest, GetUserResponseBody
from lark_oapi.api.im.v1 import (
    CreateFileRequest,
    CreateFileRequestBody,
    CreateImageRequest,
    CreateImageRequestBody,
    CreateMessageRequest,
    CreateMessageRequestBody,
    GetMessageRequest,
    IsInChatChatMembersRequest,
    IsInChatChatMembersResponseBody,
    P2ImMessageReceiveV1,
    PatchMessageRequest,
    PatchMessageRequestBody,
    ReplyMessageRequest,
    ReplyMessageRequestBody,
)
from lark_oapi.core.exception import ObtainAccessTokenException
from lark_oapi.core.model import RawRequest, RequestOption
from lark_oapi.core.token.manager import TokenManager
from lark_oapi.event.callback.model.p2_card_action_trigger import (
    P2CardActionTrigger,
    P2CardActionTriggerResponse,
)

from .fakes.feishu import APP_SECRET, CHAT_SCOPE, CONTACT_SCOPE, NO_SCOPE, NO_USER, RATE_LIMITED, FakeFeishu
from .fakes.feishu_events import MERGED_CONTENT, FeishuSender

CHAT = "oc_intake0000000000000000000000001"
LI = "ou_li000000000000000000000000000001"
CARD = {"config": {"update_multi": True},
        "elements": [{"tag": "div", "text": {"tag": "plain_text", "content": "New inquiry"}}]}


@pytest.fixture
async def fake() -> AsyncIterator[FakeFeishu]:
    async with FakeFeishu(app_id=f"cli_{uuid.uuid4().hex[:16]}") as server:  # the SDK caches tokens per app id
        yield server


def client(fake: FakeFeishu, *, set_token: bool = False, secret: str | None = None) -> lark.Client:
    builder = lark.Client.builder().app_id(fake.app_id).app_secret(secret or fake.app_secret).domain(fake.domain)
    return builder.enable_set_token(set_token).log_level(lark.LogLevel.ERROR).build()


async def tenant_token(fake: FakeFeishu) -> str:
    """The SDK's own token fetch (synchronous `requests`), off the loop the fake runs on."""
    sdk = client(fake)
    token: str = await asyncio.to_thread(TokenManager.get_self_tenant_token, sdk._config)
    return token


def option(token: str) -> RequestOption:
    return RequestOption.builder().tenant_access_token(token).build()


async def test_token_then_send_with_the_sdk_client(fake: FakeFeishu) -> None:
    sdk = client(fake)
    request = (CreateMessageRequest.builder().receive_id_type("chat_id")
               .request_body(CreateMessageRequestBody.builder().receive_id(CHAT).msg_type("text")
                             .content(json.dumps({"text": "hello"})).uuid("u-1").build()).build())

    response = await asyncio.to_thread(sdk.im.v1.message.create, request)

    assert response.success(), response.msg
    assert response.data.message_id.startswith("om_")
    assert response.data.chat_id == CHAT
    assert json.loads(response.data.body.content) == {"text": "hello"}
    assert response.data.sender.sender_type == "app"
    [token_call] = fake.called("tenant_access_token")
    assert token_call.params == {"app_id": fake.app_id, "app_secret": APP_SECRET}
    [sent] = fake.called("message.create")
    assert sent.params["receive_id_type"] == "chat_id"
    assert sent.headers["Authorization"].startswith("Bearer t-")


async def test_wrong_secret_and_missing_token_are_refused(fake: FakeFeishu) -> None:
    wrong = client(fake, secret="another")
    with pytest.raises(ObtainAccessTokenException, match="10014"):
        await asyncio.to_thread(TokenManager.get_self_tenant_token, wrong._config)
    sdk = client(fake, set_token=True)
    request = (CreateMessageRequest.builder().receive_id_type("open_id")
               .request_body(CreateMessageRequestBody.builder().receive_id(LI).msg_type("text")
                             .content(json.dumps({"text": "x"})).build()).build())
    refused = await sdk.im.v1.message.acreate(request, option("t-forged"))
    assert not refused.success()
    assert refused.code == 99991663
    assert refused.raw.status_code == 401


async def test_reply_in_thread_and_patch_a_card_in_place(fake: FakeFeishu) -> None:
    token = await tenant_token(fake)
    sdk = client(fake, set_token=True)
    first = await sdk.im.v1.message.acreate(
        CreateMessageRequest.builder().receive_id_type("open_id").request_body(
            CreateMessageRequestBody.builder().receive_id(LI).msg_type("interactive")
            .content(json.dumps(CARD)).build()).build(), option(token))
    assert first.success(), first.msg
    card_id = first.data.message_id

    reply = await sdk.im.v1.message.areply(
        ReplyMessageRequest.builder().message_id(card_id).request_body(
            ReplyMessageRequestBody.builder().msg_type("text").content(json.dumps({"text": "in thread"}))
            .reply_in_thread(True).build()).build(), option(token))
    done = {**CARD, "elements": [*CARD["elements"], {"tag": "note", "elements": [
        {"tag": "plain_text", "content": "Acknowledged"}]}]}
    patched = await sdk.im.v1.message.apatch(
        PatchMessageRequest.builder().message_id(card_id).request_body(
            PatchMessageRequestBody.builder().content(json.dumps(done)).build()).build(), option(token))
    not_a_card = await sdk.im.v1.message.apatch(
        PatchMessageRequest.builder().message_id(reply.data.message_id).request_body(
            PatchMessageRequestBody.builder().content(json.dumps(done)).build()).build(), option(token))

    assert reply.success(), reply.msg
    assert reply.data.parent_id == card_id
    assert reply.data.root_id == card_id
    assert reply.data.thread_id
    assert reply.data.chat_id == first.data.chat_id
    assert patched.success(), patched.msg
    assert fake.messages[card_id].card == done
    assert fake.messages[card_id].updated
    assert not not_a_card.success()
    assert [c.method for c in fake.calls].count("message.patch") == 2


async def test_uploads_then_file_and_image_messages(fake: FakeFeishu) -> None:
    token = await tenant_token(fake)
    sdk = client(fake, set_token=True)
    uploaded = await sdk.im.v1.file.acreate(
        CreateFileRequest.builder().request_body(
            CreateFileRequestBody.builder().file_type("xls").file_name("ledger-2026-11.xlsx")
            .file(io.BytesIO(b"PK\x03\x04workbook")).build()).build(), option(token))
    image = await sdk.im.v1.image.acreate(
        CreateImageRequest.builder().request_body(
            CreateImageRequestBody.builder().image_type("message").image(io.BytesIO(b"\x89PNG chart")).build()
        ).build(), option(token))
    assert uploaded.success(), uploaded.msg
    assert image.success(), image.msg
    file_key, image_key = uploaded.data.file_key, image.data.image_key

    for msg_type, content in (("file", {"file_key": file_key}), ("image", {"image_key": image_key}),
                              ("file", {"file_key": "file_v3_unknown"})):
        await sdk.im.v1.message.acreate(
            CreateMessageRequest.builder().receive_id_type("chat_id").request_body(
                CreateMessageRequestBody.builder().receive_id(CHAT).msg_type(msg_type)
                .content(json.dumps(content)).build()).build(), option(token))

    assert fake.files[file_key].filename == "ledger-2026-11.xlsx"
    assert fake.files[file_key].data == b"PK\x03\x04workbook"
    assert fake.files[image_key].data == b"\x89PNG chart"
    upload = fake.called("file.create")[0]
    assert upload.headers["Content-Type"].startswith("multipart/form-data")
    assert upload.params["file_type"] == "xls"
    assert [m.msg_type for m in fake.sent_to(CHAT)] == ["file", "image"]  # the unknown key was refused


async def test_frequency_limit_answer_reaches_the_sdk(fake: FakeFeishu) -> None:
    token = await tenant_token(fake)
    sdk = client(fake, set_token=True)
    fake.rate_limit_next("message.create", reset=3)
    request = (CreateMessageRequest.builder().receive_id_type("chat_id")
               .request_body(CreateMessageRequestBody.builder().receive_id(CHAT).msg_type("text")
                             .content(json.dumps({"text": "x"})).build()).build())

    limited = await sdk.im.v1.message.acreate(request, option(token))
    then = await sdk.im.v1.message.acreate(request, option(token))

    assert limited.code == RATE_LIMITED
    assert limited.raw.status_code == 429
    assert limited.raw.headers["x-ogw-ratelimit-reset"] == "3"
    assert then.success()


async def test_doctor_reads_chat_membership_and_users_with_the_sdk_models(fake: FakeFeishu) -> None:
    token = await tenant_token(fake)
    sdk = client(fake, set_token=True)
    fake.chats.add(CHAT)
    fake.users[LI] = "Li Lei"

    inside = await sdk.im.v1.chat_members.ais_in_chat(
        IsInChatChatMembersRequest.builder().chat_id(CHAT).build(), option(token))
    outside = await sdk.im.v1.chat_members.ais_in_chat(
        IsInChatChatMembersRequest.builder().chat_id("oc_elsewhere0000000000000000001").build(), option(token))
    user = await sdk.contact.v3.user.aget(
        GetUserRequest.builder().user_id(LI).user_id_type("open_id").build(), option(token))
    nobody = await sdk.contact.v3.user.aget(
        GetUserRequest.builder().user_id("ou_nobody").user_id_type("open_id").build(), option(token))

    assert inside.success() and outside.success(), (inside.msg, outside.msg)
    assert isinstance(inside.data, IsInChatChatMembersResponseBody)
    assert (inside.data.is_in_chat, outside.data.is_in_chat) == (True, False)
    assert user.success(), user.msg
    assert isinstance(user.data, GetUserResponseBody)
    assert (user.data.user.open_id, user.data.user.name) == (LI, "Li Lei")
    assert fake.called("user.get")[0].params["user_id_type"] == "open_id"
    assert not nobody.success() and nobody.code == NO_USER


async def test_a_missing_scope_is_refused_as_feishu_does(fake: FakeFeishu) -> None:
    token = await tenant_token(fake)
    sdk = client(fake, set_token=True)
    fake.scopes.clear()

    chat = await sdk.im.v1.chat_members.ais_in_chat(IsInChatChatMembersRequest.builder().chat_id(CHAT).build(),
                                                    option(token))
    user = await sdk.contact.v3.user.aget(GetUserRequest.builder().user_id(LI).user_id_type("open_id").build(),
                                          option(token))

    assert (chat.code, user.code) == (NO_SCOPE, NO_SCOPE)
    assert CHAT_SCOPE in chat.msg and CONTACT_SCOPE in user.msg
    assert chat.raw.status_code == 400


async def test_merged_forward_sub_messages_read_with_get(fake: FakeFeishu) -> None:
    token = await tenant_token(fake)
    sdk = client(fake, set_token=True)
    merged = fake.add_message(CHAT, "merge_forward", MERGED_CONTENT, sender=LI)
    fake.add_message("oc_customer", "text", {"text": "Need 20 XRF units"}, sender="ou_buyer", upper=merged.message_id,
                     create_time=1_764_000_000_000)
    fake.add_message("oc_customer", "text", {"text": "Ship to Lima"}, sender="ou_buyer", upper=merged.message_id,
                     create_time=1_764_000_060_000)

    got = await sdk.im.v1.message.aget(GetMessageRequest.builder().message_id(merged.message_id).build(),
                                       option(token))

    assert got.success(), got.msg
    first, *subs = got.data.items
    assert first.msg_type == "merge_forward"
    assert [json.loads(s.body.content)["text"] for s in subs] == ["Need 20 XRF units", "Ship to Lima"]
    assert {s.upper_message_id for s in subs} == {merged.message_id}
    assert [int(s.create_time) for s in subs] == [1_764_000_000_000, 1_764_000_060_000]


def sdk_dispatcher(sender: FeishuSender, seen: list[Any]) -> lark.EventDispatcherHandler:
    def on_card(data: P2CardActionTrigger) -> P2CardActionTriggerResponse:
        seen.append(data)
        return P2CardActionTriggerResponse({"toast": {"type": "success", "content": "done"}})

    return (lark.EventDispatcherHandler.builder(sender.encrypt_key, sender.verification_token)
            .register_p2_im_message_receive_v1(seen.append).register_p2_card_action_trigger(on_card).build())


def raw(signed_body: bytes, headers: dict[str, str]) -> RawRequest:
    request = RawRequest()
    request.uri, request.body, request.headers = "/feishu/events", signed_body, headers
    return request


@pytest.mark.parametrize("encrypt_key", ["", "test-feishu-encrypt-key"], ids=["plain", "encrypted"])
def test_events_decrypt_verify_and_parse_with_the_sdk(encrypt_key: str) -> None:
    sender, seen = FeishuSender(encrypt_key=encrypt_key), []
    dispatcher = sdk_dispatcher(sender, seen)
    message = sender.message(CHAT, LI, "Need 20 XRF units for Lima", event_id="ev-1")
    card = sender.card_action(LI, {"action": "ack", "value": "INQ-2026-000001"}, message_id="om_card",
                              chat_id="oc_dm", event_id="ev-2")
    challenge = sender.url_verification("ch-123")

    answers = [dispatcher.do(raw(s.body, s.headers)) for s in map(sender.sign, (challenge, message, card))]

    assert [a.status_code for a in answers] == [200, 200, 200]
    assert json.loads(answers[0].content) == {"challenge": "ch-123"}
    assert json.loads(answers[2].content)["toast"]["content"] == "done"
    received, pressed = seen
    assert isinstance(received, P2ImMessageReceiveV1)
    assert received.header.event_id == "ev-1"
    assert received.event.sender.sender_id.open_id == LI
    assert received.event.message.chat_id == CHAT
    assert json.loads(received.event.message.content) == {"text": "Need 20 XRF units for Lima"}
    assert pressed.event.operator.open_id == LI
    assert pressed.event.action.value == {"action": "ack", "value": "INQ-2026-000001"}
    assert pressed.event.context.open_message_id == "om_card"


def test_the_sdk_refuses_forged_events() -> None:
    sender, seen = FeishuSender(), []
    dispatcher = sdk_dispatcher(sender, seen)
    signed = sender.sign(sender.message(CHAT, LI, "x"))
    forged = {**signed.headers, "X-Lark-Signature": "0" * 64}
    wrong_key = FeishuSender(encrypt_key="someone-else").sign(sender.message(CHAT, LI, "x"))
    wrong_token = FeishuSender(verification_token="nope").sign(FeishuSender(verification_token="nope")
                                                                .message(CHAT, LI, "x"))

    answers = [dispatcher.do(raw(signed.body, forged)), dispatcher.do(raw(wrong_key.body, wrong_key.headers)),
               dispatcher.do(raw(wrong_token.body, wrong_token.headers))]

    assert [a.status_code for a in answers] == [500, 500, 500]  # the SDK answers every refusal with 500
    assert seen == []
