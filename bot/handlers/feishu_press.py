"""One card press as a value, and what every press step shares: the card rebuilt from the message it delivered,
and "done" (the card updated in place, the toast)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from jinja2 import TemplateError

from bot.actions import ACTIONS
from bot.handlers.feishu_base import FeishuDeps
from bot.handlers.feishu_messages import PLATFORM
from bot.notifiers.feishu_cards import done
from bot.org.model import Person
from bot.outbound import Reply

log = logging.getLogger(__name__)

Answer = dict[str, Any]


@dataclass(frozen=True)
class Press:
    """One press: who pressed what, on which card; `choice` is a picker's option."""

    person: Person
    action: str
    value: str
    choice: str
    chat: str
    message_id: str


def press_of(deps: FeishuDeps, payload: dict[str, Any]) -> tuple[str, Press | None, Answer | None]:
    """The press in a callback, or the answer that refuses it (someone not in the roster)."""
    event = payload.get("event") or {}
    open_id = str((event.get("operator") or {}).get("open_id") or "")
    action, context = event.get("action") or {}, event.get("context") or {}
    raw = action.get("value")
    value: dict[str, Any] = raw if isinstance(raw, dict) else {}
    person = deps.person(open_id)
    if person is None:
        log.info("feishu: a card press by %s, who is not in org.yaml", open_id)
        return open_id, None, deps.toast(Reply("error.not_in_roster", {}, ok=False), None)
    choice = str(action.get("option") or value.get("choice") or "")
    name, arg = str(value.get("action") or ""), str(value.get("value") or "")
    if any(v.split() != [v] for v in (arg, choice) if v):  # never from our cards: a value is one word
        name = "invalid"
    press = Press(person, name, arg, choice, str(context.get("open_chat_id") or ""),
                  str(context.get("open_message_id") or ""))
    return open_id, press, None


async def finish(deps: FeishuDeps, press: Press, reply: Reply, button: str) -> Answer:
    """Success: the card loses the button (every button, for a final action) and says who did it. A refusal:
    only the presser is told why."""
    if reply.ok:
        text, buttons = await card_state(deps, press)
        action = ACTIONS.get(button)
        gone = {button, *(action.also if action else ())}
        final = action is None or action.final
        remaining = [] if final else [b for b in buttons if b["value"].get("action") not in gone]
        line = deps.text("chat.done", {"action": button, "by": press.person.id,
                                           "at": deps.ctx.now().isoformat()}, press.person)
        await deps.api.patch_card(press.chat, press.message_id, done(text, line, remaining))
    return deps.toast(reply, press.person)


async def card_state(deps: FeishuDeps, press: Press) -> tuple[str, list[dict[str, Any]]]:
    """The pressed card's text and buttons, rebuilt from the outbox message it delivered."""
    async with deps.ctx.uow() as uow:
        source = await uow.sent.source(PLATFORM, press.chat, press.message_id)
    if source is None:
        return "", []
    try:
        text = deps.text(source.key, source.data, press.person)
    except TemplateError:
        log.exception("cannot render %s again for a card update", source.key)
        text = ""
    return text, deps.buttons(Reply(source.key, source.data), press.person)
