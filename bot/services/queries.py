"""Read-only commands: help, mine, show."""

from __future__ import annotations

from bot.commands import USAGE, Command
from bot.errors import NotFound
from bot.org.model import Person, Role
from bot.outbound import Reply
from bot.rules.help_scope import roles_for, verbs_for
from bot.rules.inquiry import OPEN_STATUSES
from bot.rules.permissions import Action, refusal
from bot.services.actions import covering, parse_id, refuse
from bot.services.context import Context
from bot.services.views import history_view, inquiry_view


async def help_(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """What this person may do, each command with an example; `help VERB` explains one, even one they may not use."""
    roles = sorted(r.value for r in actor.roles)
    allowed = verbs_for(actor.roles, USAGE)
    who = {verb: sorted(r.value for r in roles_for(verb)) for verb in USAGE}
    return Reply("help", {"usage": {v: USAGE[v] for v in allowed}, "roles": roles, "topic": cmd.arg("TOPIC"),
                          "all_usage": USAGE, "who": who})


async def mine(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """Open inquiries the actor may act on, including those of people they cover today."""
    async with ctx.uow() as uow:
        covered = await covering(uow, ctx, actor)
        if actor.roles == frozenset({Role.REP}):  # a rep sees only their own and their covered colleagues' work
            found = [i for person in [actor.id, *sorted(covered)]
                     for i in await uow.inquiries.list(statuses=sorted(OPEN_STATUSES), assignee_id=person)]
        else:
            found = await uow.inquiries.list(statuses=sorted(OPEN_STATUSES))
    items = [inquiry_view(i) for i in found if refusal(ctx.org, actor, i, Action.VIEW, covered) is None]
    return Reply("mine", {"inquiries": items, "count": len(items)})


async def show(ctx: Context, actor: Person, cmd: Command) -> Reply:
    inquiry_id = parse_id(cmd.arg("ID"))
    async with ctx.uow() as uow:
        inquiry = await uow.inquiries.get(inquiry_id)
        if inquiry is None:
            raise NotFound("error.inquiry_not_found", id=inquiry_id)
        reason = refusal(ctx.org, actor, inquiry, Action.VIEW, await covering(uow, ctx, actor))
        if reason is not None:
            await refuse(uow, ctx, actor, inquiry, "show", reason)
        history = await uow.inquiries.history(inquiry_id)
    return Reply("show", {"inquiry": inquiry_view(inquiry), "history": history_view(history)})
