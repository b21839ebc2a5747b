"""Commands that correct or annotate an inquiry by hand: `source`, `edit`, `note`, `keep`."""

from __future__ import annotations

from datetime import datetime

from bot.commands import Command
from bot.org.model import Person
from bot.outbound import Outbound, Reply, Target
from bot.rules import corrections
from bot.rules.inquiry import HistoryEvent, Inquiry
from bot.rules.lifecycle import Change
from bot.rules.permissions import Action
from bot.services.actions import act
from bot.services.context import Context
from bot.services.views import inquiry_view


async def source(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """`/inq source ID SOURCE`: the specialist of the region (or an admin) sets where the inquiry came from."""
    value = corrections.check_source(cmd.arg("SOURCE") or "")

    def apply(inquiry: Inquiry, now: datetime) -> Change:
        return corrections.correct(inquiry, actor.id, "source", value, now)

    return await act(ctx, actor, cmd.arg("ID"), Action.CORRECT, apply, reply_key="inquiry.corrected")


async def edit(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """`/inq edit ID FIELD VALUE`: one customer field set by hand; later re-reads of the message keep it."""
    name = corrections.check_field(cmd.arg("FIELD") or "")
    raw = cmd.arg("VALUE") or ""

    def apply(inquiry: Inquiry, now: datetime) -> Change:
        value = corrections.check_value(name, raw, inquiry.customer)
        return corrections.correct(inquiry, actor.id, name, value, now)

    return await act(ctx, actor, cmd.arg("ID"), Action.CORRECT, apply, reply_key="inquiry.corrected")


async def note(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """`/inq note ID TEXT`: a remark in the history (a specialist's comment under a forward, say); the rep hears
    of it when someone else wrote it."""
    text = " ".join((cmd.arg("TEXT") or "").split())

    def apply(inquiry: Inquiry, now: datetime) -> Change:
        return inquiry, HistoryEvent(now, "note", actor.id, {"note": text})

    def notify(_before: Inquiry, after: Inquiry) -> list[Outbound]:
        if after.assignee_id is None or after.assignee_id == actor.id:
            return []
        return [Outbound("inquiry.note_notice", Target.to_person(after.assignee_id, after.platform),
                         {"inquiry": inquiry_view(after), "by": actor.id, "note": text}, after.id)]

    return await act(ctx, actor, cmd.arg("ID"), Action.NOTE, apply, notify, "inquiry.noted")


async def keep(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """`/inq keep ID`: the specialist keeps an inquiry whose intake message was deleted (the "Keep" button)."""

    def apply(inquiry: Inquiry, now: datetime) -> Change:
        return corrections.keep_after_deletion(inquiry, actor.id, now)

    return await act(ctx, actor, cmd.arg("ID"), Action.CORRECT, apply, reply_key="inquiry.kept")
