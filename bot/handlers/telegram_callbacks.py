"""Inline-keyboard presses: each callback action becomes an /inq command, a picker, or a prompt for text.

callback_data is `action:value[:choice]` (see bot/notifiers/telegram_markup.py), always within 64 bytes.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.actions import CHOICE_OF, command_for
from bot.handlers.commands import Origin, execute
from bot.handlers.prompts import PENDING_TTL, picker_choices
from bot.handlers.telegram_notes import remember
from bot.handlers.telegram_replies import PLATFORM, TelegramDeps
from bot.notifiers.telegram import NO_PREVIEW
from bot.notifiers.telegram_markup import MAX_TEXT, callback_data, keyboard, parse_callback
from bot.org.model import Person
from bot.outbound import Reply
from bot.services.deal_picks import PICKS, nothing_picked, pick_command, pick_unavailable, prompt_choices
from bot.services.refusals import roster_refusal

log = logging.getLogger(__name__)

# a press that is recorded under another name in the "done" line
DONE_AS: dict[str, str] = CHOICE_OF
# action -> the picker it opens, named by the action its choice buttons carry (method / assign / region)
PICKERS: dict[str, str] = {"followup": "method", "reassign": "assign", "change_region": "region",
                           "pick_region": "region"}
# actions that need free text: the bot asks for a reply
PROMPTS = frozenset({"grey", "penalty_waive", "penalty_amount"})  # penalty_amount: a P3's amount, typed
PICKING = "deals_pick"  # conversation key: the deal prompt whose inquiries are being ticked, and the ticks
TICKED, UNTICKED = "☑", "☐"


@dataclass(frozen=True)
class Press:
    """One button press: who pressed what, on which message."""

    query: CallbackQuery
    person: Person
    action: str
    values: list[str]

    def value(self, index: int = 0) -> str:
        return self.values[index] if len(self.values) > index else ""


Step = Callable[[TelegramDeps, Press], Awaitable[None]]


async def on_callback(deps: TelegramDeps, query: CallbackQuery) -> None:
    """Answer every press (the client shows a spinner until then); unknown people get the roster reply."""
    person = deps.person(query.from_user)
    action, values = parse_callback(query.data or "")
    if person is None:
        refused = await roster_refusal(deps.ctx, None, PLATFORM, query.from_user.id, action or "button")
        await query.answer(deps.plain(refused or Reply("error.not_in_roster", {}, ok=False), None), show_alert=True)
        return
    if any(v.split() != [v] for v in values if v):  # never from our buttons: a value is one word
        action = "invalid"
    step = STEPS.get(action, run_command)
    await step(deps, Press(query, person, action, values))


async def run_command(deps: TelegramDeps, press: Press) -> None:
    """The press as a command; success edits the message so it cannot be pressed twice."""
    command = command_for(press.action, press.value(0), press.value(1))
    if command is None:
        reply = Reply("error.not_available", {"command": press.action}, ok=False)
    else:
        reply = await execute(deps.ctx, press.person, command, Origin(PLATFORM))
    await finish(deps, press, reply, DONE_AS.get(press.action, press.action))


async def finish(deps: TelegramDeps, press: Press, reply: Reply, done: str) -> bool:
    """A refusal is an alert; success is a short answer and the message marked done."""
    if not reply.ok:
        await press.query.answer(deps.plain(reply, press.person), show_alert=True)
        return False
    await press.query.answer(deps.plain(reply, press.person))
    await mark_done(deps, press.query, press.person, done)
    return True


async def show_picker(deps: TelegramDeps, press: Press) -> None:
    """Swap the keyboard for the choices (follow-up methods, regions, reps)."""
    await _edit_markup(press.query, picker(deps, press.person, PICKERS[press.action], press.value()))
    await press.query.answer()


def picker(deps: TelegramDeps, person: Person, kind: str, value: str) -> InlineKeyboardMarkup | None:
    choices = picker_choices(deps, kind, person)
    return keyboard([(label, callback_data(kind, value, choice)) for label, choice in choices])


async def choose_method(deps: TelegramDeps, press: Press) -> None:
    """Remember the method, then ask for the note as a reply to this same message."""
    message, person = press.query.message, press.person
    await press.query.answer()
    if len(press.values) < 2 or not isinstance(message, Message):
        return
    inquiry_id, method = press.value(0), press.value(1)
    await remember(deps, person, {"verb": "followup", "value": inquiry_id, "method": method,
                                  "chat": message.chat_id, "message": message.message_id})
    data = {"verb": "followup", "id": inquiry_id, "method": method, "person": person.id}
    await _edit_text(press.query, message, deps.html("chat.ask", data, person))


async def ask_for_text(deps: TelegramDeps, press: Press) -> None:
    """Post a prompt the person answers by reply (a reason to mark grey, to waive a penalty)."""
    message, person = press.query.message, press.person
    await press.query.answer()
    if not press.value() or not isinstance(message, Message):
        return
    ask = deps.html("chat.ask", {"verb": press.action, "id": press.value(), "person": person.id}, person)
    await deps.pacer.wait(message.chat_id)
    prompt = await message.reply_text(ask, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW)
    await remember(deps, person, {"verb": press.action, "value": press.value(), "chat": prompt.chat_id,
                                  "message": prompt.message_id})


async def start_pick(deps: TelegramDeps, press: Press) -> None:
    """Swap the deal prompt's keyboard for a toggle per inquiry it listed, then Report selected and Cancel."""
    message = press.query.message
    chat, message_id = (str(message.chat_id), str(message.message_id)) if isinstance(message, Message) else ("", "")
    choices = await prompt_choices(deps.ctx, press.action, PLATFORM, chat, message_id, press.value())
    if not isinstance(message, Message) or not choices:
        await press.query.answer(deps.plain(pick_unavailable(press.action), press.person), show_alert=True)
        return
    markup = message.reply_markup.to_dict() if message.reply_markup else None  # what Cancel puts back
    state = {"action": press.action, "department": press.value(), "chat": chat, "message": message_id,
             "choices": choices, "picked": [], "markup": markup}
    await _show_pick(deps, press, state)


async def toggle_pick(deps: TelegramDeps, press: Press) -> None:
    """Tick or untick one of the listed inquiries."""
    state = await _open_pick(deps, press)
    if state is None:
        return
    ticked = set(state["picked"]) ^ {press.value()}
    state["picked"] = [ident for ident, _ in state["choices"] if ident in ticked]  # only what the prompt listed
    await _show_pick(deps, press, state)


async def _show_pick(deps: TelegramDeps, press: Press, state: dict[str, Any]) -> None:
    """Remember the pick and show it as the message's keyboard."""
    await _keep_pick(deps, press.person, state)
    await _edit_markup(press.query, pick_keyboard(deps, press.person, state))
    await press.query.answer()


async def report_pick(deps: TelegramDeps, press: Press) -> None:
    """Report the ticked inquiries as the day's (or month's) deals; nothing ticked is refused."""
    state = await _open_pick(deps, press)
    if state is None:
        return
    action, picked = str(state["action"]), [str(i) for i in state["picked"]]
    if picked:
        text = pick_command(action, str(state["department"]), picked)
        reply = await execute(deps.ctx, press.person, f"/inq {text}", Origin(PLATFORM))
    else:
        reply = nothing_picked(action)
    if await finish(deps, press, reply, action):
        await _drop_pick(deps, press.person)


async def cancel_pick(deps: TelegramDeps, press: Press) -> None:
    """Forget the ticks and put the prompt's own buttons back."""
    state = await _open_pick(deps, press)
    if state is None:
        return
    await _drop_pick(deps, press.person)
    markup = state.get("markup")
    await _edit_markup(press.query, InlineKeyboardMarkup.de_json(markup, press.query.get_bot()) if markup else None)
    await press.query.answer()


def pick_keyboard(deps: TelegramDeps, person: Person, state: dict[str, Any]) -> InlineKeyboardMarkup:
    """One toggle a row (☑ ticked, ☐ not), then Report selected and Cancel."""
    ticked = set(state["picked"])
    toggles = [(f"{TICKED if i in ticked else UNTICKED} {label}", callback_data("deals_toggle", i))
               for i, label in state["choices"]]
    controls = [(deps.term("button", c, person), callback_data(c)) for c in ("deals_report", "deals_cancel")]
    rows = [[InlineKeyboardButton(label, callback_data=data)] for label, data in toggles if data]
    return InlineKeyboardMarkup([*rows, [InlineKeyboardButton(label, callback_data=data)
                                         for label, data in controls if data]])


async def _open_pick(deps: TelegramDeps, press: Press) -> dict[str, Any] | None:
    """The person's open pick on the pressed message; a press on a stale or expired picker is told so."""
    message = press.query.message
    async with deps.ctx.uow() as uow:
        state = await uow.conversations.get(PLATFORM, press.person.id, PICKING, deps.ctx.now())
    here = (str(message.chat_id), str(message.message_id)) if isinstance(message, Message) else None
    if state is None or here != (state["chat"], state["message"]):
        action = str(state["action"]) if state else None
        await press.query.answer(deps.plain(pick_unavailable(action), press.person), show_alert=True)
        return None
    return state


async def _keep_pick(deps: TelegramDeps, person: Person, state: dict[str, Any]) -> None:
    async with deps.ctx.uow() as uow:
        await uow.conversations.put(PLATFORM, person.id, PICKING, state, deps.ctx.now() + PENDING_TTL)
        await uow.commit()


async def _drop_pick(deps: TelegramDeps, person: Person) -> None:
    async with deps.ctx.uow() as uow:
        await uow.conversations.clear(PLATFORM, person.id, PICKING)
        await uow.commit()


async def mark_done(deps: TelegramDeps, query: CallbackQuery, person: Person, action: str) -> None:
    """Append "✓ Acknowledged by NAME at 14:05" and drop the keyboard."""
    message = query.message
    data = {"action": action, "by": person.id, "at": deps.ctx.now().isoformat()}
    line = deps.html("chat.done", data, person)
    if isinstance(message, Message):
        await _edit_text(query, message, line)
    else:
        await _edit_markup(query, None)


async def _edit_text(query: CallbackQuery, message: Message, line: str) -> None:
    """The message's own text plus one line, keyboard removed; only the keyboard when text cannot grow."""
    if message.text is None or len(message.text_html) + len(line) + 2 > MAX_TEXT:
        await _edit_markup(query, None)
        return
    try:
        await query.edit_message_text(f"{message.text_html}\n\n{line}", parse_mode=ParseMode.HTML,
                                      reply_markup=None, link_preview_options=NO_PREVIEW)
    except BadRequest as error:  # "message is not modified", or too old to edit
        log.info("telegram: could not edit message %s: %s", message.message_id, error.message)


async def _edit_markup(query: CallbackQuery, markup: InlineKeyboardMarkup | None) -> None:
    try:
        await query.edit_message_reply_markup(reply_markup=markup)
    except BadRequest as error:
        log.info("telegram: could not change a keyboard: %s", error.message)


# what a press does; every other action runs as a command (or answers error.not_available)
STEPS: dict[str, Step] = {
    **dict.fromkeys(PICKERS, show_picker),
    "method": choose_method,
    **dict.fromkeys(PROMPTS, ask_for_text),
    **dict.fromkeys(PICKS, start_pick),
    "deals_toggle": toggle_pick,
    "deals_report": report_pick,
    "deals_cancel": cancel_pick,
}
