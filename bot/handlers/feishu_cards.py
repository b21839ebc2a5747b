"""Card presses (card.action.trigger): each becomes an /inq command, a picker, or a prompt for text.

The card is updated in place (im.v1 message patch) after a press: the pressed button goes (every button, for a
final action) and a line says who did what when. A refusal changes nothing and is shown to the presser only, as
the callback's toast. The card's text and buttons are rebuilt from the outbox message it delivered.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from bot.actions import ACTIONS, CHOICE_OF, command_for
from bot.handlers.commands import Origin, execute
from bot.handlers.feishu_base import FeishuDeps, first_delivery
from bot.handlers.feishu_messages import PLATFORM
from bot.handlers.feishu_picks import cancel_pick, report_pick, start_pick, toggle_pick
from bot.handlers.feishu_press import Answer, Press, card_state, finish, press_of
from bot.handlers.feishu_prompts import remember
from bot.handlers.prompts import picker_choices
from bot.notifiers.feishu_cards import card, picker
from bot.outbound import Reply
from bot.rules.inquiry import FOLLOWUP_METHODS
from bot.services.deal_picks import PICKS

log = logging.getLogger(__name__)

# what a form asks on a card: a picker (its choices come back as the `kind` action) or a reply to the card
PICKERS: dict[str, str] = {"followup": "method", "reassign": "assign", "change_region": "region"}
PROMPTS = frozenset({"grey", "penalty_waive", "penalty_amount"})

Step = Callable[[FeishuDeps, Press], Awaitable[Answer]]


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


async def show_picker(deps: FeishuDeps, press: Press) -> Answer:
    """Swap the buttons for the choices (follow-up methods, regions, reps)."""
    kind, person = PICKERS[form_of(press.action)], press.person
    choices = picker_choices(deps, kind, person)
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
    ask = deps.text("chat.ask", {"verb": "followup", "id": press.value, "method": press.choice,
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
    ask = deps.text("chat.ask", {"verb": form_of(press.action), "id": press.value, "person": press.person.id},
                    press.person)
    text, buttons = await card_state(deps, press)
    await deps.api.patch_card(press.chat, press.message_id, card(text, buttons, note=ask))
    return {}


def form_of(action: str) -> str:
    found = ACTIONS.get(action)
    return (found.form if found else None) or ""


# what a press does, by the form its action asks first (bot/actions.py); every other press runs as a command
FORMS: dict[str, Step] = {
    **dict.fromkeys(PICKERS, show_picker),
    **dict.fromkeys(PROMPTS, ask_for_text),
    **dict.fromkeys(PICKS, start_pick),
}
STEPS: dict[str, Step] = {"method": choose_method, "deals_toggle": toggle_pick, "deals_report": report_pick,
                          "deals_cancel": cancel_pick}


def step_of(action: str) -> Step:
    return STEPS.get(action) or FORMS.get(form_of(action)) or run_command
