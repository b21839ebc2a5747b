"""Telegram updates in, internal commands out: one table from the kind of update to the code that translates it.

| update                                              | kind       | becomes                                  |
|-----------------------------------------------------|------------|------------------------------------------|
| callback_query (an inline button)                   | callback   | an /inq command, a picker or a prompt    |
| `/inq ...`, `/inq@thisbot ...`                      | command    | execute(/inq ...)                        |
| `/start`, `/help` in a DM                           | start      | execute(/inq help) (logs the user id)    |
| a reply to one of the bot's messages                | reply      | the prompt's answer or a follow-up note  |
| a reply to a logged message in the intake group     | intake_reply | a note on that inquiry (else intake)   |
| text / caption in the intake group                  | intake     | ingest(IntakeMessage)                    |
| a document or photo without a caption there         | intake_file | a hint: paste the text or `/inq new`    |
| an edited message in the intake group               | intake_edit | the inquiry re-read (reread)            |
| other text in a DM                                  | chat       | the open prompt's answer, or a hint      |
| the bot added to or removed from a chat             | membership | a log line with the chat id              |
| anything else (channel posts, other bots)           | None       | ignored                                  |

The Bot API delivers no update when a message is deleted, so a deleted Telegram forward keeps its inquiry; the
specialist marks it grey with `/inq grey ID REASON`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.ext import Application, ContextTypes, TypeHandler

from bot.handlers import telegram_callbacks, telegram_notes
from bot.handlers.commands import Origin, execute
from bot.handlers.telegram_intake import delivery_key, edited_text, intake_message, message_key, reply_to
from bot.handlers.telegram_replies import PLATFORM, TelegramDeps
from bot.outbound import Reply
from bot.services import intake_events
from bot.services.held import release
from bot.services.intake import ingest
from bot.services.intake_events import IntakeChange
from storage.errors import database_unavailable

log = logging.getLogger(__name__)

INTAKE_RETRY_DELAYS = (0.2, 1.0)  # then one last try whose failure is reported

COMMAND_KINDS = {"inq": "command", "start": "start", "help": "start"}
# the intake reply is queued in the outbox; answering `/inq new` directly as well would say it twice
QUEUED_REPLIES = frozenset({"intake.created"})
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]

Route = Callable[["TelegramHandlers", Update], Awaitable[None]]


def command_of(message: Message, bot_username: str) -> str | None:
    """`inq` for "/inq mine" and "/inq@thisbot mine"; None for text, or a command meant for another bot."""
    text = message.text or ""
    if not text.startswith("/"):
        return None
    name, _, addressee = text.split(maxsplit=1)[0][1:].partition("@")
    if addressee and addressee.lower() != bot_username.lower():
        return None
    return name.lower()


def classify(update: Update, *, intake_chat: int | None, bot_id: int, bot_username: str) -> str | None:
    """The kind of an update (the table above); None means it is not for us."""
    if update.callback_query is not None:
        return "callback"
    if update.my_chat_member is not None:
        return "membership"
    edited = update.edited_message
    if edited is not None:
        by_person = edited.from_user is not None and not edited.from_user.is_bot
        return "intake_edit" if by_person and edited.chat_id == intake_chat else None
    message = update.message
    if message is None or message.from_user is None or message.from_user.is_bot:
        return None
    command = command_of(message, bot_username)
    if command is not None:
        return COMMAND_KINDS.get(command)
    in_intake = message.chat_id == intake_chat
    if message.text is None and message.caption is None:
        return "intake_file" if in_intake and (message.document or message.photo) else None
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return "reply"
    if in_intake:
        return "intake_reply" if replied is not None else "intake"
    if message.chat.type == ChatType.PRIVATE:
        return "chat"
    return None


class TelegramHandlers:
    """Registered on the PTB Application as one TypeHandler; routes each update through the table."""

    def __init__(self, deps: TelegramDeps) -> None:
        self.deps = deps
        self._failed: dict[int, BaseException] = {}

    @property
    def intake_chat(self) -> int | None:
        """Read from the org each time, so `/inq reload` moves the intake group without a restart."""
        chat = self.deps.ctx.org.intake.on(PLATFORM)
        return None if chat is None else int(chat)

    def register(self, application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        application.add_handler(TypeHandler(Update, self.dispatch))
        application.add_error_handler(self.on_error)

    def failed(self, update_id: int) -> BaseException | None:
        """Once, the error of an update whose handling raised (the caller decides: deliver again or keep it)."""
        return self._failed.pop(update_id, None)

    async def dispatch(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        bot = context.bot
        kind = classify(update, intake_chat=self.intake_chat, bot_id=bot.id, bot_username=bot.username)
        route = ROUTES.get(kind) if kind else None
        if route is None:
            return
        if kind in ("intake", "intake_reply", "intake_edit"):
            await self._ingest_with_retries(route, update)
            return
        try:
            await route(self, update)
        except Exception:
            log.exception("telegram %s update %s failed", kind, update.update_id)
            await self._apologise(update)

    async def _ingest_with_retries(self, route: Route, update: Update) -> None:
        """Under long polling the update is already acknowledged, so a passing database hiccup is retried here;
        a lasting failure still raises, which a webhook answers with 500 so Telegram re-delivers
        (ingest is idempotent per update and per message)."""
        for delay in INTAKE_RETRY_DELAYS:
            try:
                await route(self, update)
                return
            except Exception as error:
                if not database_unavailable(error):
                    raise  # a poison update fails the same way every time
                log.warning("telegram intake of update %s failed; retrying in %.1fs", update.update_id, delay,
                            exc_info=True)
                await asyncio.sleep(delay)
        await route(self, update)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """PTB's error hook: remember the update's error; whoever passed the update in logs it once, by kind."""
        error = context.error or RuntimeError("unknown error")
        if isinstance(update, Update):
            self._failed[update.update_id] = error
        else:
            log.error("telegram update failed", exc_info=error)

    async def _apologise(self, update: Update) -> None:
        try:
            if update.callback_query is not None:
                apology = self.deps.plain(Reply("error.apology", {}, ok=False), None)
                await update.callback_query.answer(apology, show_alert=True)
            elif update.message is not None:
                person = self.deps.person(update.message.from_user)
                await self.deps.reply(update.message, Reply("error.apology", {}, ok=False), person)
        except Exception:
            log.exception("telegram: the apology could not be sent either")

    # routes ------------------------------------------------------------------------------------

    async def on_command(self, update: Update) -> None:
        message = _message(update)
        person = self.deps.person(message.from_user)
        if person is None:
            log.info("telegram: user %s in chat %s is not in org.yaml", _user_id(message), message.chat_id)
        origin = Origin(PLATFORM, message_key(message), dict(reply_to(message)), message.date, _user(message))
        reply = await execute(self.deps.ctx, person, message.text or "", origin)
        if reply.key not in QUEUED_REPLIES:
            await self.deps.reply(message, reply, person)

    async def on_start(self, update: Update) -> None:
        message = _message(update)
        if message.chat.type != ChatType.PRIVATE:
            return
        person = self.deps.person(message.from_user)
        log.info("telegram: /start from user %s (%s)", _user_id(message), person.id if person else "not in org.yaml")
        reply = await execute(self.deps.ctx, person, "/inq help", Origin(PLATFORM, user=_user(message)))
        await self.deps.reply(message, reply, person)
        if person is not None:
            await release(self.deps.ctx, PLATFORM, person.id)  # what waited for them arrives now

    async def on_intake(self, update: Update) -> None:
        message = _message(update)
        person = self.deps.person(message.from_user)
        if person is None or message.is_automatic_forward:
            return
        intake = intake_message(update, message, person)
        if intake is not None:
            await ingest(intake, ctx=self.deps.ctx)

    async def on_intake_reply(self, update: Update) -> None:
        """A reply to a logged message (the forward or the bot's intake reply) is a note, not a new inquiry."""
        message = _message(update)
        person = self.deps.person(message.from_user)
        text = message.text or message.caption or ""
        if not await telegram_notes.on_intake_reply(self.deps, message, person, text):
            await self.on_intake(update)

    async def on_intake_file(self, update: Update) -> None:
        message = _message(update)
        person = self.deps.person(message.from_user)
        if not message.is_automatic_forward:
            await intake_events.no_text(person, PLATFORM, dict(reply_to(message)), delivery_key(update),
                                        ctx=self.deps.ctx)

    async def on_intake_edit(self, update: Update) -> None:
        """An edited intake message is re-read; fields corrected by hand stay (a re-delivery changes nothing)."""
        message = update.edited_message
        if message is None:
            return
        change = IntakeChange(PLATFORM, message_key(message), message.edit_date or message.date,
                              self.deps.person(message.from_user), edited_text(message), delivery_key(update))
        await intake_events.reread(change, ctx=self.deps.ctx)

    async def on_reply(self, update: Update) -> None:
        message = _message(update)
        text = message.text or message.caption or ""
        await telegram_notes.on_reply(self.deps, message, self.deps.person(message.from_user), text)

    async def on_chat(self, update: Update) -> None:
        message = _message(update)
        text = message.text or message.caption or ""
        await telegram_notes.on_private_text(self.deps, message, self.deps.person(message.from_user), text)

    async def on_callback(self, update: Update) -> None:
        if update.callback_query is not None:
            await telegram_callbacks.on_callback(self.deps, update.callback_query)

    async def on_membership(self, update: Update) -> None:
        change = update.my_chat_member
        if change is not None:
            chat = change.chat
            log.info("telegram: bot is now %s in chat %s (%s %r)", change.new_chat_member.status, chat.id,
                     chat.type, chat.title or "")


def _message(update: Update) -> Message:
    if update.message is None:
        raise ValueError("this route needs a message")
    return update.message


def _user_id(message: Message) -> int | None:
    return message.from_user.id if message.from_user else None


def _user(message: Message) -> str | None:
    return str(message.from_user.id) if message.from_user else None


ROUTES: dict[str, Route] = {
    "callback": TelegramHandlers.on_callback,
    "command": TelegramHandlers.on_command,
    "start": TelegramHandlers.on_start,
    "reply": TelegramHandlers.on_reply,
    "intake": TelegramHandlers.on_intake,
    "intake_reply": TelegramHandlers.on_intake_reply,
    "intake_file": TelegramHandlers.on_intake_file,
    "intake_edit": TelegramHandlers.on_intake_edit,
    "chat": TelegramHandlers.on_chat,
    "membership": TelegramHandlers.on_membership,
}
