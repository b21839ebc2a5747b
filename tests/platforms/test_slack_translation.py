"""The Slack translation tables on their own: which message is what, blocks out, errors classified."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from bot.handlers.slack_actions import BUTTON_PATTERN, BUTTONS, done_blocks
from bot.handlers.slack_base import slack_time
from bot.handlers.slack_http import well_formed
from bot.handlers.slack_messages import classify, intake_text
from bot.handlers.slack_modals import MODALS, Values, value_of
from bot.notifiers.base import Rendered
from bot.notifiers.shell import BUTTON_COMMANDS
from bot.notifiers.slack import SECTION_LIMIT, delivery_error, message_blocks, section_blocks

from .fakes.signing import message_event, shared_message_event

INTAKE = "C0INTAKE"


@pytest.mark.parametrize(
    ("event", "kind"),
    [
        (shared_message_event("U1", INTAKE, "2.0", "orig", "1.0", "U9"), "forward"),
        (shared_message_event("U1", INTAKE, "3.0", "orig", "1.0", "U9") | {"thread_ts": "2.0"}, "forward"),
        (message_event("U1", INTAKE, "pasted", "2.0"), "pasted"),
        (message_event("U1", INTAKE, "with a file", "2.0", subtype="file_share", files=[{}]), "with_files"),
        (message_event("U1", INTAKE, "chatter", "3.0", thread_ts="2.0"), "thread_reply"),
        (message_event("U1", "DU1", "note", "3.0", thread_ts="2.0", channel_type="im"), "thread_reply"),
        (message_event("U1", INTAKE, "from a bot", "2.0", bot_id="B1"), "bot"),
        (message_event("U1", INTAKE, "classic bot", "2.0", subtype="bot_message"), "bot"),
        (message_event("U1", INTAKE, "x", "2.0", subtype="message_changed"), "edit"),
        (message_event("U1", INTAKE, "x", "2.0", subtype="message_deleted"), "delete"),
        (message_event("U1", INTAKE, "joined", "2.0", subtype="channel_join"), "system"),
        (message_event("U1", "C0OTHER", "elsewhere", "2.0"), "other"),
        (message_event("U1", "DU1", "top level dm", "2.0", channel_type="im"), "other"),
    ],
)
def test_classify(event: dict[str, Any], kind: str) -> None:
    assert classify(event, INTAKE) == kind


def test_intake_text_keeps_the_original_then_the_comment_then_file_names() -> None:
    event = shared_message_event("U1", INTAKE, "2.0", "Need 500 units", "1.0", "U9", text="#latam please")
    event["files"] = [{"name": "a.pdf", "title": "Quote request"}]

    assert intake_text(event) == "Need 500 units\n\n#latam please\n\nQuote request"


def test_slack_time_is_exact_and_aware() -> None:
    assert slack_time("1700000000.000100") == datetime(2023, 11, 14, 22, 13, 20, 100, tzinfo=UTC)
    assert slack_time("1700000000") == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)


def test_long_text_is_split_into_sections_below_the_limit() -> None:
    text = "\n".join(f"line {n} " + "x" * 90 for n in range(100))
    huge = "y" * (SECTION_LIMIT * 2 + 10)

    sections = section_blocks(text)
    giant = section_blocks(huge)

    assert all(len(s["text"]["text"]) <= SECTION_LIMIT for s in sections + giant)
    assert "".join(s["text"]["text"] for s in sections) == text
    assert "".join(s["text"]["text"] for s in giant) == huge


def test_many_buttons_go_into_several_action_blocks() -> None:
    buttons = [{"id": "pick_region", "value": f"v{n}", "label": f"Region {n}"} for n in range(30)]

    blocks = message_blocks(Rendered("pick one", buttons))

    actions = [b for b in blocks if b["type"] == "actions"]
    assert [len(a["elements"]) for a in actions] == [25, 5]
    ids = [e["action_id"] for a in actions for e in a["elements"]]
    assert len(set(ids)) == 30
    assert all(BUTTON_PATTERN.match(i) for i in ids)


def test_every_button_the_shell_knows_has_a_slack_translation() -> None:
    assert set(BUTTON_COMMANDS) == set(BUTTONS)
    assert all(b.command or b.form in MODALS for b in BUTTONS.values())


def test_done_blocks_drop_the_pressed_button_and_add_a_line() -> None:
    message = {"text": "t", "blocks": [
        {"type": "section", "text": {"type": "mrkdwn", "text": "t"}},
        {"type": "actions", "elements": [{"action_id": a} for a in ("ack", "followup", "grey", "won")]},
    ]}

    after_ack = done_blocks(message, "ack", "✓ done")
    after_won = done_blocks(message, "won", "✓ won")

    assert [e["action_id"] for e in after_ack[1]["elements"]] == ["followup", "grey", "won"]
    assert after_ack[-1] == {"type": "context", "elements": [{"type": "mrkdwn", "text": "✓ done"}]}
    assert [b["type"] for b in after_won] == ["section", "context"]


def test_modal_values_read_selects_and_text_inputs() -> None:
    values: Values = {"method": {"method": {"type": "static_select", "selected_option": {"value": "phone"}}},
              "note": {"note": {"type": "plain_text_input", "value": "  called them  "}},
              "person_id": {"person_id": {"type": "plain_text_input", "value": None}}}

    assert MODALS["followup"].command("INQ-2026-000001", values) == "followup INQ-2026-000001 phone called them"
    assert value_of(values, "person_id") == ""
    assert value_of(values, "missing") == ""


@pytest.mark.parametrize(
    ("body", "content_type", "ok"),
    [
        (b'{"type": "event_callback"}', "application/json", True),
        (b'{"type": "event_callback"}', "application/json; charset=utf-8", True),
        (b"command=%2Finq&text=mine", "application/x-www-form-urlencoded", True),
        (b"payload=%7B%22type%22%3A%22block_actions%22%7D", "application/x-www-form-urlencoded", True),
        (b"ssl_check=1&token=x", "application/x-www-form-urlencoded", True),
        (b'{"type": 3}', "application/json", False),
        (b"payload=null", "application/x-www-form-urlencoded", False),
        (b"\xff", "application/json", False),
        (b"", "application/json", False),
    ],
)
def test_well_formed(body: bytes, content_type: str, ok: bool) -> None:
    assert well_formed(body, content_type) is ok


def api_error(status: int, data: dict[str, Any], headers: dict[str, str] | None = None) -> SlackApiError:
    response = AsyncSlackResponse(client=AsyncWebClient(), http_verb="POST", api_url="x", req_args={}, data=data,
                                  headers=headers or {}, status_code=status)
    return SlackApiError("failed", response)  # type: ignore[no-untyped-call]


@pytest.mark.parametrize(
    ("error", "reason", "permanent", "retry_after"),
    [
        (api_error(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "30"}), "ratelimited", False, 30.0),
        (api_error(503, {"ok": False, "error": "service_unavailable"}), "service_unavailable", False, None),
        (api_error(500, {}), "http_500", False, None),
        (api_error(200, {"ok": False, "error": "internal_error"}), "internal_error", False, None),
        (api_error(200, {"ok": False, "error": "channel_not_found"}), "channel_not_found", True, None),
        (api_error(200, {"ok": False, "error": "is_archived"}), "is_archived", True, None),
        (api_error(200, {"ok": False, "error": "invalid_auth"}), "invalid_auth", True, None),
        (api_error(200, {"ok": False, "error": "msg_too_long"}), "msg_too_long", True, None),
    ],
)
def test_delivery_errors_are_classified(
    error: SlackApiError, reason: str, permanent: bool, retry_after: float | None
) -> None:
    classified = delivery_error(error)

    assert (classified.reason, classified.permanent, classified.retry_after) == (reason, permanent, retry_after)
