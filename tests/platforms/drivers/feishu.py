"""Feishu in the cross-platform tests: li's message in the intake group arrives as a signed, encrypted event."""

from __future__ import annotations

import json
from typing import Any

from ..fakes.feishu import FakeFeishu
from ..fakes.feishu_events import FeishuSender
from ..feishu_harness import INTAKE, LI, ZHANG, feishu_settings
from . import Driver, Everywhere


async def _forward(run: Everywhere, n: int, text: str) -> None:
    fake, sender = run.fakes["feishu"], FeishuSender()
    payload = sender.message(INTAKE, LI, text, create_time=int(run.clock.now().timestamp() * 1000))
    message = payload["event"]["message"]
    fake.add_message(INTAKE, "text", {"text": text}, sender=LI, message_id=message["message_id"])
    signed = sender.sign(payload)
    response = await run.http.post("/feishu/events", content=signed.body, headers=signed.headers)
    assert response.status_code == 200


def _dm(call: Any, user: str) -> str | None:
    if call.params.get("receive_id_type") != "open_id" or call.params.get("receive_id") != user:
        return None
    content = json.loads(call.params["content"])
    return str(content.get("text") or json.dumps(content, ensure_ascii=False))


DRIVER = Driver("feishu", FakeFeishu,
                {"li": LI, "zhang": ZHANG, "wang": "ou_wang0000000000000000000000000001", "intake": INTAKE},
                lambda fake: {}, "message.create", _dm, _forward,
                configure=lambda settings, fake: settings.with_platform("feishu",
                                                                        feishu_settings(fake, FeishuSender())))
