"""When the org file changes: people who left hand their open inquiries to colleagues of their department."""

from __future__ import annotations

import logging

from bot.org.loader import check_org_file
from bot.outbound import Outbound, Target
from bot.rules import lifecycle
from bot.rules.calendar import WorkCalendar
from bot.rules.deadlines import followup_due
from bot.rules.inquiry import OPEN_STATUSES, Inquiry
from bot.services.assigning import pick_assignee
from bot.services.context import Context
from bot.services.notices import assigned_notices
from bot.services.views import inquiry_view
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)


def _orphaned(inquiry: Inquiry, gone: set[str]) -> bool:
    """Open, in a department, and owned by someone inactive or no longer in the org file."""
    return inquiry.is_open and inquiry.department_id is not None and inquiry.assignee_id in gone


async def reassign_departed(ctx: Context) -> int:
    """Move open inquiries of people who left to an active rep of the same department; tell the specialist."""
    known = {p.id for p in ctx.org.people}
    moved = 0
    async with ctx.uow() as uow:
        candidates = await uow.inquiries.list(statuses=sorted(OPEN_STATUSES))
        gone = {p.id for p in ctx.org.people if not p.active} | {
            i.assignee_id for i in candidates if i.assignee_id and i.assignee_id not in known}
        for candidate in (c for c in candidates if _orphaned(c, gone)):
            # lock and look again: another replica starting at the same moment may have moved it already
            inquiry = await uow.inquiries.get_for_update(candidate.id)
            if inquiry is not None and _orphaned(inquiry, gone) and await _hand_over(uow, ctx, inquiry):
                moved += 1
        await uow.commit()
    if moved:
        log.info("re-assigned %d open inquiries of people who left", moved)
    return moved


async def _hand_over(uow: UnitOfWork, ctx: Context, inquiry: Inquiry) -> bool:
    assert inquiry.department_id is not None
    rep = await pick_assignee(uow, ctx, inquiry.department_id, ctx.now())
    if rep is None:
        return False
    due = followup_due(ctx.now(), ctx.tz, ctx.calendar, ctx.org.schedule)  # the new rep's clock starts now
    updated, event = lifecycle.assign(inquiry, None, rep, ctx.now(), due)
    await uow.inquiries.save(updated)
    await uow.inquiries.append_event(updated.id, event)
    notices = assigned_notices(updated, previous=None)
    if updated.specialist_id:
        notices.append(Outbound("roster.reassigned", Target.to_person(updated.specialist_id),
                                {"inquiry": inquiry_view(updated), "from": inquiry.assignee_id, "to": rep},
                                updated.id))
    for notice in notices:
        await uow.outbox.add(notice, ctx.now())
    return True


async def reload_org(ctx: Context) -> list[str]:
    """Re-read the org file in place (`/inq reload`); a broken file changes nothing and says why."""
    if ctx.org_file is None:
        return ["this process was started without an org file"]
    org, problems = check_org_file(ctx.org_file)
    if org is None:
        return problems
    ctx.org = org
    ctx.calendar = WorkCalendar(org.calendar, org.calendar_overrides)
    for hook in ctx.reload_hooks:
        hook(org)
    async with ctx.uow() as uow:
        await uow.people.sync(org, ctx.now())
        await uow.commit()
    await reassign_departed(ctx)
    log.info("org file reloaded: %d people, %d regions", len(org.people), len(org.regions))
    return []
