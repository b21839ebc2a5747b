"""Slack inbound: which bolt listener handles what. Messages, the `/inq` command, buttons and modals each
translate their payload into one `/inq` command or intake message (see slack_messages / slack_actions)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_bolt.error import BoltUnhandledRequestError
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.handlers.commands import Origin
from bot.handlers.inbound import answer_failure
from bot.handlers.slack_actions import BUTTON_PATTERN, MODAL_PATTERN, Actions
from bot.handlers.slack_base import SlackDeps
from bot.handlers.slack_messages import FOLLOWUP_STATE, on_message
from bot.org.model import Person
from bot.outbound import Reply

log = logging.getLogger(__name__)

COMMAND = "/inq"
FAST_REPLY = 2.0  # seconds: a slower command is acked at once and answered through response_url


def register(bolt: AsyncApp, deps: SlackDeps) -> None:
    """Attach every listener; bolt runs them before answering Slack (process_before_response)."""
    actions = Actions(deps)

    async def message(body: dict[str, Any], event: dict[str, Any], client: AsyncWebClient) -> None:
        await on_message(deps, body, event, client)

    async def command(ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond) -> None:
        await on_command(deps, ack, command, respond)

    bolt.event("message")(message)
    bolt.command(COMMAND)(command)
    bolt.action(FOLLOWUP_STATE)(actions.on_method_picked)
    bolt.action(BUTTON_PATTERN)(actions.on_button)
    bolt.view(MODAL_PATTERN)(actions.on_submit)

    async def error(error: Exception, request: AsyncBoltRequest) -> BoltResponse:
        return await on_error(deps, error, request)

    bolt.error(error)


async def on_error(deps: SlackDeps, error: Exception, request: AsyncBoltRequest) -> BoltResponse:
    """A verified request no listener takes (app_mention, reaction_added, another app's shortcut, view_closed...)
    is answered 200, so Slack shows nobody an error and does not retry; it is logged once, at DEBUG.
    A request whose processing failed is answered 500 (Slack retries) only when the database was the cause;
    otherwise it is logged with its traceback, kept in inbound_failures and answered 200."""
    if isinstance(error, BoltUnhandledRequestError):
        if not request.headers.get("x-slack-retry-num"):
            log.debug("slack request not handled: %s", unhandled_kind(request.body))
        return BoltResponse(status=200, body="")
    status = await answer_failure(deps.ctx, "slack", error, request.raw_body.encode("utf-8", "replace"))
    return BoltResponse(status=status, body="")


def unhandled_kind(body: dict[str, Any]) -> str:
    """"event_callback/reaction_added", "block_actions/some_action", "shortcut/other_callback" for the log."""
    event = body.get("event") or {}
    actions = body.get("actions") or [{}]
    detail = (event.get("type") or actions[0].get("action_id") or body.get("callback_id")
              or (body.get("view") or {}).get("callback_id") or body.get("command") or "")
    return f"{body.get('type') or 'command'}/{detail}"


def command_response(deps: SlackDeps, reply: Reply, person: Person | None) -> dict[str, Any]:
    """Every answer to `/inq` is ephemeral: only the person who typed it sees it."""
    return {"text": deps.render(reply, person), "response_type": "ephemeral"}


async def on_command(deps: SlackDeps, ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond) -> None:
    """Ack with the answer when it is ready within FAST_REPLY; otherwise ack now and answer when done."""
    person = deps.person(command.get("user_id"))
    origin = Origin(platform="slack", reply_to={"slack": command.get("channel_id")}, user=command.get("user_id"))
    work = asyncio.ensure_future(deps.run(person, str(command.get("text") or ""), origin))
    try:
        reply = await asyncio.wait_for(asyncio.shield(work), FAST_REPLY)
    except TimeoutError:
        await ack()
        deps.background.spawn(_answer_later(deps, work, person, respond), "slow command")
        return
    await ack(**command_response(deps, reply, person))


async def _answer_later(deps: SlackDeps, work: asyncio.Future[Reply], person: Person | None,
                        respond: AsyncRespond) -> None:
    reply = await work
    await respond(replace_original=False, **command_response(deps, reply, person))
