"""Read-only commands: help, mine, show."""

from __future__ import annotations

from bot.errors import NotFound
from bot.handlers.grammar import USAGE, Command
from bot.org.model import Person, Role
from bot.outbound import Reply
from bot.rules.inquiry import OPEN_STATUSES, Inquiry
from bot.rules.permissions import Action, refusal
from bot.services.actions import parse_id, refuse
from bot.services.context import Context
from bot.services.views import history_view, inquiry_view


async def help_(ctx: Context, actor: Person, cmd: Command) -> Reply:
    roles = sorted(r.value for r in actor.roles)
    return Reply("help", {"usage": USAGE, "roles": roles, "topic": cmd.arg("TOPIC")})


def _visible(ctx: Context, actor: Person, inquiry: Inquiry) -> bool:
    """Whose open inquiries `mine` lists: a rep's own, a manager's department, a specialist's regions."""
    if actor.has(Role.REP) and inquiry.assignee_id == actor.id:
        return True
    if actor.has(Role.REP) and not (actor.roles - {Role.REP}):
        return False
    return refusal(ctx.org, actor, inquiry, Action.VIEW) is None


async def mine(ctx: Context, actor: Person, cmd: Command) -> Reply:
    async with ctx.uow() as uow:
        if actor.roles == frozenset({Role.REP}):
            found = await uow.inquiries.list(statuses=sorted(OPEN_STATUSES), assignee_id=actor.id)
        else:
            found = await uow.inquiries.list(statuses=sorted(OPEN_STATUSES))
    items = [inquiry_view(i) for i in found if _visible(ctx, actor, i)]
    return Reply("mine", {"inquiries": items, "count": len(items)})


async def show(ctx: Context, actor: Person, cmd: Command) -> Reply:
    inquiry_id = parse_id(cmd.arg("ID"))
    async with ctx.uow() as uow:
        inquiry = await uow.inquiries.get(inquiry_id)
        if inquiry is None:
            raise NotFound("error.inquiry_not_found", id=inquiry_id)
        if refusal(ctx.org, actor, inquiry, Action.VIEW) is not None and not _visible(ctx, actor, inquiry):
            await refuse(uow, ctx, actor, inquiry, "show", "refused.not_yours")
        history = await uow.inquiries.history(inquiry_id)
    return Reply("show", {"inquiry": inquiry_view(inquiry), "history": history_view(history)})
