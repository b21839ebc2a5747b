"""Slack interactivity: each button is an `/inq` command (some need a modal first). After it ran, the message
is updated so the button cannot be pressed twice; refusals go to the presser only (ephemeral)."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.web.async_client import AsyncWebClient

from bot.actions import ACTIONS, Action
from bot.handlers.slack_base import SlackDeps, expires
from bot.handlers.slack_messages import FOLLOWUP_STATE
from bot.handlers.slack_modals import CALLBACK_PREFIX, ERROR_LIMIT, MODALS, ModalInput, build_view, error_block
from bot.org.model import Person
from bot.outbound import Reply
from bot.services.deal_picks import PICKS, pick_unavailable, prompt_choices
from bot.services.refusals import roster_refusal

log = logging.getLogger(__name__)

MODAL_STATE = "modal_message"  # conversation key: the message whose button opened the open modal


Button = Action
BUTTONS: dict[str, Button] = ACTIONS  # the one table of every platform (bot/actions.py)
BUTTON_PATTERN = re.compile(rf"^({'|'.join(map(re.escape, BUTTONS))})(:\d+)?$")
MODAL_PATTERN = re.compile(rf"^{re.escape(CALLBACK_PREFIX)}")


async def refused(deps: SlackDeps, person: Person | None, body: dict[str, Any], action: str) -> Reply | None:
    """execute()'s first check (audited like it), needed before a modal opens for someone who may not act."""
    return await roster_refusal(deps.ctx, person, "slack", body["user"]["id"], action)


def where(body: dict[str, Any]) -> dict[str, str]:
    """The message a button sits on: channel and ts."""
    container = body.get("container") or {}
    channel = container.get("channel_id") or (body.get("channel") or {}).get("id") or ""
    ts = container.get("message_ts") or (body.get("message") or {}).get("ts") or ""
    return {"channel": str(channel), "ts": str(ts)}


def done_blocks(message: dict[str, Any], name: str, line: str) -> list[dict[str, Any]]:
    """The message without the pressed button (or any button, for a final action), plus a "✓ done" line."""
    button = BUTTONS.get(name, Button(final=True))
    gone = {name, *button.also}
    blocks: list[dict[str, Any]] = []
    for block in message.get("blocks") or []:
        if block.get("type") == "actions":
            elements = block.get("elements", [])
            kept = [] if button.final else [e for e in elements if str(e.get("action_id")).split(":")[0] not in gone]
            block = {**block, "elements": kept}
            if not kept:
                continue
        blocks.append(block)
    if not blocks and message.get("text"):
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": message["text"]}})
    return [*blocks, {"type": "context", "elements": [{"type": "mrkdwn", "text": line}]}]


class Actions:
    """The listeners for buttons and modal submissions."""

    def __init__(self, deps: SlackDeps) -> None:
        self.deps = deps

    async def on_button(self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        action = body["actions"][0]
        name = str(action["action_id"]).split(":", 1)[0]
        button, value = BUTTONS[name], str(action.get("value") or "")
        person = self.deps.person(body["user"]["id"])
        if button.form and person is not None and person.active:
            await self._open_modal(button.form, value, body, client, person)
            return
        reply = (await refused(self.deps, person, body, name)
                 or await self.deps.run(person, (button.command or name).format(value=value)))
        spot = {**where(body), "user": str(body["user"]["id"])}
        self._answer(client, person, body.get("message") or {}, spot, reply, name)

    async def _open_modal(self, modal: str, value: str, body: dict[str, Any], client: AsyncWebClient,
                          person: Person) -> None:
        message = body.get("message") or {}
        choices = await self._choices(modal, value, body)
        if modal in PICKS and not choices:
            spot = {**where(body), "user": str(body["user"]["id"])}
            self._answer(client, person, message, spot, pick_unavailable(modal), modal)
            return
        remembered = {**where(body), "text": message.get("text", ""),
                      "blocks": message.get("blocks") or []}
        async with self.deps.ctx.uow() as uow:
            await uow.conversations.put("slack", person.id, MODAL_STATE, remembered, expires(self.deps.ctx))
            method = await uow.conversations.get("slack", person.id, FOLLOWUP_STATE, self.deps.ctx.now())
            await uow.commit()
        picked = method.get("method") if method and method.get("inquiry") == value else None
        view = build_view(modal, {"value": value}, ModalInput(self.deps, person, picked, choices))
        self.deps.background.spawn(client.views_open(trigger_id=body["trigger_id"], view=view), "views.open")

    async def _choices(self, modal: str, value: str, body: dict[str, Any]) -> tuple[tuple[str, str], ...]:
        """A deal picker's inquiries: those the prompt this button sits on listed, as we sent them."""
        if modal not in PICKS:
            return ()
        spot = where(body)
        return tuple(await prompt_choices(self.deps.ctx, modal, "slack", spot["channel"], spot["ts"], value))

    async def on_method_picked(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        """The method select inside the follow-up modal: remembered, so a later thread reply uses it."""
        await ack()
        person = self.deps.person(body["user"]["id"])
        selected = (body["actions"][0].get("selected_option") or {}).get("value")
        meta = json.loads((body.get("view") or {}).get("private_metadata") or "{}")
        if person is None or not selected or not meta.get("value"):
            return
        async with self.deps.ctx.uow() as uow:
            state = {"inquiry": meta["value"], "method": selected}
            await uow.conversations.put("slack", person.id, FOLLOWUP_STATE, state, expires(self.deps.ctx))
            await uow.commit()

    async def on_submit(self, ack: AsyncAck, body: dict[str, Any], view: dict[str, Any],
                        client: AsyncWebClient) -> None:
        """Run the command; a refusal stays in the modal next to the field it is about."""
        name = str(view["callback_id"]).removeprefix(CALLBACK_PREFIX)
        value = str(json.loads(view.get("private_metadata") or "{}").get("value", ""))
        person = self.deps.person(body["user"]["id"])
        values = (view.get("state") or {}).get("values") or {}
        modal = MODALS[name]
        refusal = await refused(self.deps, person, body, name) or modal.check(values)
        reply = refusal or await self.deps.run(person, modal.command(value, values))
        if person is None or not reply.ok:
            text = self.deps.render(reply, person)[:ERROR_LIMIT]
            await ack(response_action="errors", errors={error_block(name, reply.key, view): text})
            return
        await ack()
        async with self.deps.ctx.uow() as uow:
            remembered = await uow.conversations.get("slack", person.id, MODAL_STATE, self.deps.ctx.now())
            await uow.conversations.clear("slack", person.id, MODAL_STATE)
            if name == "followup":
                await uow.conversations.clear("slack", person.id, FOLLOWUP_STATE)
            await uow.commit()
        if remembered:
            spot = {"channel": remembered["channel"], "ts": remembered["ts"], "user": str(body["user"]["id"])}
            self._answer(client, person, remembered, spot, reply, name)

    def _answer(self, client: AsyncWebClient, person: Person | None, message: dict[str, Any],
                spot: dict[str, str], reply: Reply, name: str) -> None:
        """Done: the message loses the button and says who did it. Refused: only the presser is told why."""
        if not spot["channel"] or not spot["ts"]:
            return
        if not reply.ok:
            text = self.deps.render(reply, person)
            self.deps.background.spawn(
                client.chat_postEphemeral(channel=spot["channel"], user=spot["user"], text=text), "ephemeral")
            return
        line = self.deps.render(Reply("slack.action_done", {"action": name, "by": person.id if person else None,
                                                            "at": self.deps.ctx.now().isoformat()}), person)
        blocks = done_blocks(message, name, line)
        text = str(message.get("text") or line)
        self.deps.background.spawn(
            client.chat_update(channel=spot["channel"], ts=spot["ts"], text=text, blocks=blocks), "chat.update")
