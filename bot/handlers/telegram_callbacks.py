"""Inline-keyboard presses: each callback action becomes an /inq command, a picker, or a prompt for text.

callback_data is `action:value[:choice]` (see bot/notifiers/telegram_markup.py), always within 64 bytes.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from telegram import CallbackQuery, InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.handlers.telegram_notes import remember
from bot.handlers.telegram_replies import PLATFORM, TelegramDeps
from bot.notifiers.telegram import NO_PREVIEW
from bot.notifiers.telegram_markup import MAX_TEXT, callback_data, keyboard, parse_callback
from bot.org.model import Person, Role
from bot.outbound import Reply
from bot.rules.inquiry import FOLLOWUP_METHODS
from bot.services.commands import Origin, execute

log = logging.getLogger(__name__)

# action -> the equivalent command ({0} is the button's value, {1} a choice made in a picker)
COMMANDS: dict[str, str] = {
    "ack": "ack {0}",
    "won": "won {0}",
    "grey_confirm": "grey {0}",
    "exception_approve": "exception {0}",
    "deals_none": "deals today none",
    "deals_month_none": "deals month none",
    "penalty_confirm": "penalty confirm {0}",
    "counts_match": "match {0}",
    "ledger_sent": "ledger sent {0}",
    "assign": "assign {0} {1}",  # a rep picked after "reassign"
    "region": "region {0} {1}",  # a region picked after "change_region" / "pick_region"
}
# a press that is recorded under another name in the "done" line
DONE_AS: dict[str, str] = {"assign": "reassign", "region": "change_region"}
# action -> the picker it opens: (kind of choice, the action its buttons carry)
PICKERS: dict[str, str] = {"followup": "method", "reassign": "assign", "change_region": "region",
                           "pick_region": "region"}
# actions that need free text: the bot asks for a reply
PROMPTS = frozenset({"grey", "penalty_waive"})

Step = Callable[[TelegramDeps, CallbackQuery, Person, str, list[str]], Awaitable[None]]


async def on_callback(deps: TelegramDeps, query: CallbackQuery) -> None:
    """Answer every press (the client shows a spinner until then); unknown people get the roster reply."""
    person = deps.person(query.from_user)
    action, values = parse_callback(query.data or "")
    if person is None:
        await query.answer(deps.plain(Reply("error.not_in_roster", {}, ok=False), None), show_alert=True)
        return
    if any(v.split() != [v] for v in values if v):  # never from our buttons: a value is one word
        action = "invalid"
    step = _step(action)
    await step(deps, query, person, action, values)


def _step(action: str) -> Step:
    if action in PICKERS:
        return show_picker
    if action == "method":
        return choose_method
    if action in PROMPTS:
        return ask_for_text
    return run_command


async def run_command(deps: TelegramDeps, query: CallbackQuery, person: Person, action: str, values: list[str]) -> None:
    """The press as a command; success edits the message so it cannot be pressed twice."""
    template = COMMANDS.get(action)
    if template is None:
        reply = Reply("error.not_available", {"command": action}, ok=False)
    else:
        text = template.format(*values, "", "").strip()
        reply = await execute(deps.ctx, person, f"/inq {text}", Origin(PLATFORM))
    if not reply.ok:
        await query.answer(deps.plain(reply, person), show_alert=True)
        return
    await query.answer(deps.plain(reply, person))
    await mark_done(deps, query, person, DONE_AS.get(action, action))


async def show_picker(deps: TelegramDeps, query: CallbackQuery, person: Person, action: str, values: list[str]) -> None:
    """Swap the keyboard for the choices (follow-up methods, regions, reps)."""
    value = values[0] if values else ""
    await _edit_markup(query, picker(deps, person, PICKERS[action], value))
    await query.answer()


def picker(deps: TelegramDeps, person: Person, kind: str, value: str) -> InlineKeyboardMarkup | None:
    org = deps.ctx.org
    if kind == "method":
        choices = [(deps.term("method", m, person), m) for m in FOLLOWUP_METHODS]
    elif kind == "region":
        choices = [(r.display(deps.locale(person)), r.id) for r in org.regions]
    else:
        choices = [(p.name, p.id) for p in org.people if p.has(Role.REP) and p.active]
    return keyboard([(label, callback_data(kind, value, choice)) for label, choice in choices])


async def choose_method(deps: TelegramDeps, query: CallbackQuery, person: Person, action: str, values: list[str]) -> None:
    """Remember the method, then ask for the note as a reply to this same message."""
    message = query.message
    if len(values) < 2 or not isinstance(message, Message):
        await query.answer()
        return
    inquiry_id, method = values[0], values[1]
    await remember(deps, person, {"verb": "followup", "value": inquiry_id, "method": method,
                                  "chat": message.chat_id, "message": message.message_id})
    ask = deps.html("telegram.ask", {"verb": "followup", "id": inquiry_id, "method": method, "person": person.id},
                    person)
    await query.answer()
    await _edit_text(query, message, ask)


async def ask_for_text(deps: TelegramDeps, query: CallbackQuery, person: Person, action: str, values: list[str]) -> None:
    """Post a prompt the person answers by reply (a reason to mark grey, to waive a penalty)."""
    message = query.message
    if not values or not isinstance(message, Message):
        await query.answer()
        return
    await query.answer()
    ask = deps.html("telegram.ask", {"verb": action, "id": values[0], "person": person.id}, person)
    await deps.pacer.wait(message.chat_id)
    prompt = await message.reply_text(ask, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW)
    await remember(deps, person, {"verb": action, "value": values[0], "chat": prompt.chat_id,
                                  "message": prompt.message_id})


async def mark_done(deps: TelegramDeps, query: CallbackQuery, person: Person, action: str) -> None:
    """Append "✓ Acknowledged by NAME at 14:05" and drop the keyboard."""
    message = query.message
    data = {"action": action, "by": person.id, "at": deps.ctx.now().isoformat()}
    line = deps.html("telegram.done", data, person)
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
