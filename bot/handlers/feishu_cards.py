"""Card presses (card.action.trigger): each becomes an /inq command, a picker, or a prompt for text.

The card is updated in place (im.v1 message patch) after a press: the pressed button goes (every button, for a
final action) and a line says who did what when. A refusal changes nothing and is shown to the presser only, as
the callback's toast. The card's text and buttons are rebuilt from the outbox message it delivered.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from jinja2 import TemplateError

from bot.actions import ACTIONS, CHOICE_OF, command_for
from bot.handlers.commands import Origin, execute
from bot.handlers.feishu_base import FeishuDeps, first_delivery
from bot.handlers.feishu_messages import PLATFORM
from bot.handlers.feishu_prompts import remember
from bot.notifiers.feishu_cards import card, done, picker
from bot.org.model import Person, Role
from bot.outbound import Reply
from bot.rules.inquiry import FOLLOWUP_METHODS
from bot.services.deal_picks import PICKS, pick_unavailable

log = logging.getLogger(__name__)

# what a form asks on a card: a picker (its choices come back as the `kind` action) or a reply to the card
PICKERS: dict[str, str] = {"followup": "method", "reassign": "assign", "change_region": "region"}
PROMPTS = frozenset({"grey", "penalty_waive", "penalty_amount"})

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


Step = Callable[[FeishuDeps, Press], Awaitable[Answer]]


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


async def on_card(deps: FeishuDeps, payload: dict[str, Any]) -> Answer:
    """Answer every press (within Feishu's three seconds); a re-delivered callback does nothing."""
    _open_id, press, refusal = press_of(deps, payload)
    if press is None:
        return refusal or {}
    event_id = str((payload.get("header") or {}).get("event_id") or "")
    if event_id and not await first_delivery(deps, f"{PLATFORM}-event:{event_id}"):
        return {}
    step = step_of(press.action)
    try:
        return await step(deps, press)
    except Exception:
        log.exception("feishu card press %s failed", press.action)
        return deps.toast(Reply("error.apology", {}, ok=False), press.person)


async def run_command(deps: FeishuDeps, press: Press) -> Answer:
    """A press that needs nothing more (bot/actions.py), or a choice made in a picker."""
    command = command_for(press.action, press.value, press.choice)
    if command is None:
        reply = Reply("error.not_available", {"command": press.action}, ok=False)
    else:
        reply = await execute(deps.ctx, press.person, command, Origin(PLATFORM))
    return await finish(deps, press, reply, CHOICE_OF.get(press.action, press.action))


async def finish(deps: FeishuDeps, press: Press, reply: Reply, button: str) -> Answer:
    """Success: the card loses the button (every button, for a final action) and says who did it. A refusal:
    only the presser is told why."""
    if reply.ok:
        text, buttons = await card_state(deps, press)
        action = ACTIONS.get(button)
        gone = {button, *(action.also if action else ())}
        final = action is None or action.final
        remaining = [] if final else [b for b in buttons if b["value"].get("action") not in gone]
        line = deps.text("telegram.done", {"action": button, "by": press.person.id,
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


async def show_picker(deps: FeishuDeps, press: Press) -> Answer:
    """Swap the buttons for the choices (follow-up methods, regions, reps)."""
    kind, person = PICKERS[form_of(press.action)], press.person
    org = deps.ctx.org
    if kind == "method":
        choices = [(deps.term("method", m, person), m) for m in FOLLOWUP_METHODS]
    elif kind == "region":
        choices = [(r.display(deps.locale(person)), r.id) for r in org.regions]
    else:
        choices = [(p.name, p.id) for p in org.people if p.has(Role.REP) and p.active]
    text, _buttons = await card_state(deps, press)
    label = deps.term("button", press.action, person)
    await deps.api.patch_card(press.chat, press.message_id, picker(text, kind, press.value, choices, label))
    return {}


async def choose_method(deps: FeishuDeps, press: Press) -> Answer:
    """Remember the method, then ask for the note as a reply to this card."""
    if not press.value or press.choice not in FOLLOWUP_METHODS:
        return deps.toast(Reply("error.bad_method", {"method": press.choice}, ok=False), press.person)
    await remember(deps, press.person, {"verb": "followup", "value": press.value, "method": press.choice,
                                        "chat": press.chat, "message": press.message_id})
    ask = deps.text("telegram.ask", {"verb": "followup", "id": press.value, "method": press.choice,
                                     "person": press.person.id}, press.person)
    text, _buttons = await card_state(deps, press)
    await deps.api.patch_card(press.chat, press.message_id, card(text, note=ask))
    return {}


async def ask_for_text(deps: FeishuDeps, press: Press) -> Answer:
    """A prompt answered by replying to the card (a reason to mark grey, to waive a penalty, a P3 amount)."""
    if not press.value:
        return {}
    await remember(deps, press.person, {"verb": form_of(press.action), "value": press.value, "chat": press.chat,
                                        "message": press.message_id})
    ask = deps.text("telegram.ask", {"verb": form_of(press.action), "id": press.value, "person": press.person.id},
                    press.person)
    text, buttons = await card_state(deps, press)
    await deps.api.patch_card(press.chat, press.message_id, card(text, buttons, note=ask))
    return {}


async def unavailable_pick(deps: FeishuDeps, press: Press) -> Answer:
    """Ticking deals on a card is not offered on Feishu yet: the command to type is shown instead."""
    return deps.toast(pick_unavailable(press.action), press.person)


def form_of(action: str) -> str:
    found = ACTIONS.get(action)
    return (found.form if found else None) or ""


# what a press does, by the form its action asks first (bot/actions.py); every other press runs as a command
FORMS: dict[str, Step] = {
    **dict.fromkeys(PICKERS, show_picker),
    **dict.fromkeys(PROMPTS, ask_for_text),
    **dict.fromkeys(PICKS, unavailable_pick),
}
STEPS: dict[str, Step] = {"method": choose_method}


def step_of(action: str) -> Step:
    return STEPS.get(action) or FORMS.get(form_of(action)) or run_command
