"""Run one `/inq` command for one person: parse, dispatch to its use case, turn domain errors into replies."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.commands import Command
from bot.errors import BotError, InvalidInput
from bot.handlers.grammar import parse
from bot.org.model import Person
from bot.outbound import Reply
from bot.services import (
    corrections,
    counts,
    incentives,
    ledger,
    manager_commands,
    penalties,
    queries,
    rankings,
    transfers,
    unsure,
)
from bot.services import inquiry_commands as ic
from bot.services.context import Context
from bot.services.intake import IntakeMessage, ingest
from bot.services.refusals import roster_refusal

log = logging.getLogger(__name__)

Handler = Callable[[Context, Person, Command], Awaitable[Reply]]


@dataclass(frozen=True)
class Origin:
    """Where a command was typed: needed by `new` (the intake reply goes back there)."""

    platform: str
    message_key: str | None = None
    reply_to: dict[str, Any] = field(default_factory=dict)
    at: datetime | None = None
    user: str | None = None  # the platform's id of who typed it: an unknown person's refusal names it


HANDLERS: dict[str, Handler] = {
    "help": queries.help_,
    "mine": queries.mine,
    "show": queries.show,
    "ack": ic.ack,
    "followup": ic.followup,
    "crm": ic.crm,
    "agent": ic.agent,
    "won": ic.won,
    "lost": ic.lost,
    "grey": ic.grey,
    "grey reject": ic.grey_reject,
    "assign": ic.assign,
    "region": ic.region,
    "exception": ic.exception,
    "source": corrections.source,
    "edit": corrections.edit,
    "note": corrections.note,
    "keep": corrections.keep,
    "penalty add": penalties.add,
    "penalty confirm": penalties.decide,
    "penalty waive": penalties.decide,
    "penalty appeal": penalties.appeal,
    "penalty show": incentives.show,
    "penalty different": penalties.different,
    "incentives": incentives.incentives,
    "deals today": manager_commands.deals,
    "deals month": manager_commands.deals,
    "match": manager_commands.match,
    "ledger sent": manager_commands.ledger_sent,
    "transfer": transfers.transfer_command,
    "away": manager_commands.away,
    "reload": manager_commands.reload,
    "counts": counts.counts_command,
    "ledger": ledger.ledger_command,
    "rank": rankings.rank_command,
    "intake": unsure.decide,
}


async def execute(ctx: Context, actor: Person | None, text: str, origin: Origin) -> Reply:
    """The single entry for every platform; refusals and mistakes come back as one-line replies."""
    refused = await roster_refusal(ctx, actor, origin.platform, origin.user, verb_of(text))
    if refused is not None or actor is None:
        return refused or Reply("error.not_in_roster", {}, ok=False)
    try:
        command = parse(text)
        if command.verb == "new":
            return await _new(ctx, actor, command, origin)
        handler = HANDLERS.get(command.verb)
        if handler is None:
            raise InvalidInput("error.not_available", command=command.verb)
        return await handler(ctx, actor, command)
    except BotError as error:
        log.info("command %r by %s refused: %s", text.split(" ", 2)[:2], actor.id, error.key)
        return Reply(error.key, dict(error.data), ok=False)


def verb_of(text: str) -> str:
    """The first word after `/inq` ("help" when there is none), for the audit log of a refusal."""
    words = text.split()
    return words[1].lower() if len(words) > 1 else "help"


async def _new(ctx: Context, actor: Person, command: Command, origin: Origin) -> Reply:
    message = IntakeMessage(
        platform=origin.platform,
        sender=actor,
        text=command.arg("TEXT") or "",
        confirmed=True,  # typed on purpose: never asked "is this an inquiry?"
        forwarded_at=origin.at or ctx.now(),
        message_key=origin.message_key,
        reply_to=origin.reply_to,
    )
    result = await ingest(message, ctx=ctx)
    if result.inquiry is None:
        return Reply("refused.specialist_only", {}, ok=False)
    return result.reply or Reply("intake.exists", {"id": result.inquiry.id})
