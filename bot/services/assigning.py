"""Choosing a rep inside a department with the persisted round-robin pointer and recorded leave."""

from __future__ import annotations

from datetime import datetime

from bot.rules.assignment import Availability, choose_rep
from bot.services.context import Context
from storage.uow import UnitOfWork


async def availability(uow: UnitOfWork, ctx: Context) -> Availability:
    """Leave from the org file plus leave recorded in chat with `/inq away`."""
    return Availability(await uow.away.periods())


async def pick_assignee(uow: UnitOfWork, ctx: Context, department_id: str, at: datetime) -> str | None:
    """Pick the next rep and move the department's pointer in the same transaction."""
    reps = [p.id for p in ctx.org.reps_of(department_id)]
    day = ctx.local(at).date()
    last, leave = await uow.away.pointer_and_leave(department_id, day)
    counts = await uow.inquiries.open_counts(reps) if ctx.org.assignment_strategy == "least_open" else {}
    chosen = choose_rep(ctx.org, department_id, day, Availability(leave), last, counts)
    if chosen is not None:
        await uow.pointers.set(department_id, chosen, ctx.now())
    return chosen
