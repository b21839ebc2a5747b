"""Inline-keyboard presses: each callback action becomes an /inq command, a picker, or a prompt for text.

callback_data is `action:value[:choice]` (see bot/notifiers/telegram_markup.py), always within 64 bytes.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

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
# action -> the picker it opens, named by the action its choice buttons carry (method / assign / region)
PICKERS: dict[str, str] = {"followup": "method", "reassign": "assign", "change_region": "region",
                           "pick_region": "region"}
# actions that need free text: the bot asks for a reply
PROMPTS = frozenset({"grey", "penalty_waive"})


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
        await query.answer(deps.plain(Reply("error.not_in_roster", {}, ok=False), None), show_alert=True)
        return
    if any(v.split() != [v] for v in values if v):  # never from our buttons: a value is one word
        action = "invalid"
    step = STEPS.get(action, run_command)
    await step(deps, Press(query, person, action, values))


async def run_command(deps: TelegramDeps, press: Press) -> None:
    """The press as a command; success edits the message so it cannot be pressed twice."""
    template = COMMANDS.get(press.action)
    if template is None:
        reply = Reply("error.not_available", {"command": press.action}, ok=False)
    else:
        text = template.format(press.value(0), press.value(1)).strip()
        reply = await execute(deps.ctx, press.person, f"/inq {text}", Origin(PLATFORM))
    if not reply.ok:
        await press.query.answer(deps.plain(reply, press.person), show_alert=True)
        return
    await press.query.answer(deps.plain(reply, press.person))
    await mark_done(deps, press.query, press.person, DONE_AS.get(press.action, press.action))


async def show_picker(deps: TelegramDeps, press: Press) -> None:
    """Swap the keyboard for the choices (follow-up methods, regions, reps)."""
    await _edit_markup(press.query, picker(deps, press.person, PICKERS[press.action], press.value()))
    await press.query.answer()


def picker(deps: TelegramDeps, person: Person, kind: str, value: str) -> InlineKeyboardMarkup | None:
    org = deps.ctx.org
    if kind == "method":
        choices = [(deps.term("method", m, person), m) for m in FOLLOWUP_METHODS]
    elif kind == "region":
        choices = [(r.display(deps.locale(person)), r.id) for r in org.regions]
    else:
        choices = [(p.name, p.id) for p in org.people if p.has(Role.REP) and p.active]
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
    await _edit_text(press.query, message, deps.html("telegram.ask", data, person))


async def ask_for_text(deps: TelegramDeps, press: Press) -> None:
    """Post a prompt the person answers by reply (a reason to mark grey, to waive a penalty)."""
    message, person = press.query.message, press.person
    await press.query.answer()
    if not press.value() or not isinstance(message, Message):
        return
    ask = deps.html("telegram.ask", {"verb": press.action, "id": press.value(), "person": person.id}, person)
    await deps.pacer.wait(message.chat_id)
    prompt = await message.reply_text(ask, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW)
    await remember(deps, person, {"verb": press.action, "value": press.value(), "chat": prompt.chat_id,
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


# what a press does; every other action runs as a command (or answers error.not_available)
STEPS: dict[str, Step] = {
    **dict.fromkeys(PICKERS, show_picker),
    "method": choose_method,
    **dict.fromkeys(PROMPTS, ask_for_text),
}
