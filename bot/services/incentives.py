"""Seeing penalties: `/inq incentives [MONTH] [PERSON]` (pay totals count confirmed ones only) and
`/inq penalty show PEN-ID` (one penalty with its facts and whole history)."""

from __future__ import annotations

from bot.commands import Command
from bot.errors import InvalidInput
from bot.org.model import Person
from bot.outbound import Reply
from bot.rules.months import looks_like_month, parse_month
from bot.rules.penalties import PenaltyStatus
from bot.rules.permissions import people_in_view
from bot.services.actions import refuse
from bot.services.context import Context
from bot.services.penalties import load_penalty
from bot.services.penalty_records import penalty_view


async def incentives(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """The month's penalties: decided ones with a total of the confirmed, then the ones not yet decided."""
    month, person = _month_and_person(ctx, cmd)
    allowed = people_in_view(ctx.org, actor)
    async with ctx.uow() as uow:
        if person and allowed is not None and person not in allowed:
            await refuse(uow, ctx, actor, None, "incentives", "refused.not_yours", person=person)
        found = await uow.penalties.list(period_prefix=month, person_id=person)
    visible = [p for p in found if allowed is None or p.person_id in allowed]
    decided = [p for p in visible if p.status is not PenaltyStatus.PROPOSED]
    undecided = [p for p in visible if p.status is PenaltyStatus.PROPOSED]
    return Reply("incentives", {
        "month": month, "person": person, "penalties": [penalty_view(p) for p in visible],
        "decided": [penalty_view(p) for p in decided], "undecided": [penalty_view(p) for p in undecided],
        "total": sum(p.amount or 0 for p in decided if p.status is PenaltyStatus.CONFIRMED),
        "undecided_total": sum(p.amount or 0 for p in undecided),
    })


async def show(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """One penalty and every step of it; seen by whoever may see that person's incentives."""
    allowed = people_in_view(ctx.org, actor)
    async with ctx.uow() as uow:
        penalty = await load_penalty(uow, cmd.arg("PEN-ID"))
        if allowed is not None and penalty.person_id not in allowed:
            await refuse(uow, ctx, actor, None, "penalty_show", "refused.not_yours", person=penalty.person_id)
        history = (await uow.penalties.history([penalty.id]))[penalty.id]
    return Reply("penalty.show", {"penalty": penalty_view(penalty, history)})


def _month_and_person(ctx: Context, cmd: Command) -> tuple[str, str | None]:
    month, person = cmd.arg("MONTH"), cmd.arg("PERSON")
    if month and not looks_like_month(month):  # `/inq incentives zhang` names a person, not a month
        month, person = None, month
    try:
        chosen = parse_month(month) if month else ctx.today().strftime("%Y-%m")
    except ValueError:
        raise InvalidInput("error.bad_month_format", value=month) from None
    return chosen, person.lower() if person else None
