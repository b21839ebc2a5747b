"""Reports and housekeeping commands: deals today|month (P4, P6), match (P2.2), ledger sent (P7), away, reload.

A delegate covering an away manager or specialist may answer the prompts that reach them (SPEC section 3).
"""

from __future__ import annotations

from datetime import date

from bot.commands import USAGE, Command
from bot.errors import InvalidInput, NotFound
from bot.org.model import Org, Person, Role
from bot.outbound import Outbound, Reply, Target
from bot.rules import lifecycle
from bot.rules.assignment import may_cover
from bot.rules.cover import represented
from bot.rules.inquiry import Inquiry, Status
from bot.rules.months import parse_month, previous_month
from bot.rules.permissions import may_record_leave
from bot.services.actions import load, parse_id, refuse
from bot.services.assigning import availability
from bot.services.context import Context
from bot.services.counts import parse_day
from bot.services.roster import reload_org
from bot.services.views import inquiry_view, iso
from storage.repositories.reports import DealReport
from storage.uow import UnitOfWork


async def _covered(uow: UnitOfWork, ctx: Context, actor: Person) -> frozenset[str]:
    """The actor and the away people they cover today."""
    return represented(ctx.org, actor.id, ctx.today(), await availability(uow, ctx))


async def _department(uow: UnitOfWork, ctx: Context, actor: Person, named: str | None, action: str) -> str:
    """The department a manager (or their delegate, or an admin naming one) reports for."""
    people = await _covered(uow, ctx, actor)
    everything = [d.id for d in ctx.org.departments]
    allowed = everything if actor.has(Role.ADMIN) else [d.id for d in ctx.org.departments if d.manager in people]
    if named and named not in everything:
        raise NotFound("error.unknown_department", department=named, choices=", ".join(everything))
    if not allowed or (named and named not in allowed):
        await refuse(uow, ctx, actor, None, action, "refused.manager_only")
    if named:
        return named
    if len(allowed) > 1:
        raise InvalidInput("error.which_department", choices=", ".join(allowed))
    return allowed[0]


def _deal_items(org: Org, cmd: Command) -> tuple[str | None, list[str]]:
    """`[DEPARTMENT] none` or `[DEPARTMENT] ID...`: the optional department (admins), then the inquiry ids."""
    items = list(cmd.items)
    named = items.pop(0).lower() if items and org.department(items[0].lower()) else None
    words = [w.lower() for w in items]
    if words == ["none"]:
        return named, []
    if not items or "none" in words:
        raise InvalidInput("error.usage", usage=USAGE[cmd.verb])
    return named, list(dict.fromkeys(parse_id(w) for w in items))


async def _reported(uow: UnitOfWork, raw_id: str, department: str) -> Inquiry:
    """An inquiry a deal report may list: the department's own, and not lost or grey."""
    inquiry = await load(uow, raw_id)
    if inquiry.department_id != department:
        raise InvalidInput("error.not_in_department", id=inquiry.id, department=department)
    if inquiry.status in (Status.LOST, Status.GREY):
        raise InvalidInput("error.closed", id=inquiry.id, status=inquiry.status.value)
    return inquiry


async def _store_report(uow: UnitOfWork, report: DealReport) -> None:
    """The first report of a period counts; a second one is refused, saying when the first came in."""
    if await uow.reports.add_deal_report(report):
        return
    first = (await uow.reports.deal_reports(report.kind, report.period))[report.department_id]
    raise InvalidInput("error.deals_already_reported", kind=report.kind, period=report.period,
                       department=report.department_id, at=iso(first.reported_at), by=first.reported_by)


async def deals(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """`deals today|month none|ID...`: the department's deal report; listed open inquiries are marked won."""
    kind = "daily" if cmd.verb == "deals today" else "monthly"
    period = ctx.today().isoformat() if kind == "daily" else ctx.today().strftime("%Y-%m")
    named, ids = _deal_items(ctx.org, cmd)
    async with ctx.uow() as uow:
        department = await _department(uow, ctx, actor, named, f"deals_{kind}")
        listed = [await _reported(uow, raw, department) for raw in ids]
        now = ctx.now()
        await _store_report(uow, DealReport(department, kind, period, now, actor.id, tuple(i.id for i in listed)))
        reported, won = [], []
        for inquiry in listed:
            if inquiry.is_open:
                inquiry, event = lifecycle.mark_won(inquiry, actor.id, None, now)
                await uow.inquiries.save(inquiry)
                await uow.inquiries.append_event(inquiry.id, event)
                won.append(inquiry.id)
            reported.append(inquiry_view(inquiry))
        data = {"kind": kind, "period": period, "department": department, "inquiries": reported, "won": won,
                "by": actor.id}
        for specialist in sorted({r.specialist for r in ctx.org.regions if r.department == department}):
            await uow.outbox.add(Outbound("deals.reported_notice", Target.to_person(specialist), data), now)
        await uow.audit.record(now, actor.id, f"deals_{kind}", department, "done", period=period, inquiries=ids)
        await uow.commit()
    return Reply("deals.reported", data)


async def match(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """P2.2: the manager confirms today's forwarded count matches what the department received."""
    named = (cmd.arg("DEPARTMENT") or "").lower() or None
    day = ctx.today()
    async with ctx.uow() as uow:
        department = await _department(uow, ctx, actor, named, "match")
        first = await uow.reports.match_counts(department, day, actor.id, ctx.now())
        data = {"department": department, "day": day.isoformat(), "by": actor.id, "already": not first}
        if first:
            for specialist in sorted({r.specialist for r in ctx.org.regions if r.department == department}):
                await uow.outbox.add(Outbound("counts.matched_notice", Target.to_person(specialist), data), ctx.now())
        await uow.commit()
    return Reply("counts.matched", data)


def _month(raw: str | None, today: date) -> str:
    """A finished month as YYYY-MM; last month by default."""
    if raw is None:
        return previous_month(today)
    try:
        month = parse_month(raw)
    except ValueError:
        raise InvalidInput("error.bad_month", value=raw) from None
    if month >= today.strftime("%Y-%m"):
        raise InvalidInput("error.bad_month", value=raw)
    return month


async def ledger_sent(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """P7: the specialist confirms the month's ledger extract went out through OA for each of their departments."""
    month = _month(cmd.arg("MONTH"), ctx.today())
    async with ctx.uow() as uow:
        people = await _covered(uow, ctx, actor)
        departments = sorted({r.department for r in ctx.org.regions if r.specialist in people})
        if not departments:
            await refuse(uow, ctx, actor, None, "ledger_sent", "refused.ledger_specialist_only")
        newly = [d for d in departments if await uow.reports.confirm_ledger(month, d, actor.id, ctx.now())]
        await uow.audit.record(ctx.now(), actor.id, "ledger_sent", month, "done", departments=newly)
        await uow.commit()
    return Reply("ledger.sent", {"month": month, "departments": departments,
                                 "already": [d for d in departments if d not in newly]})


def _away_request(ctx: Context, cmd: Command) -> tuple[Person, date, date, Person | None]:
    """Check `away PERSON FROM TO [DELEGATE]` against the org: known people, a real period, an active delegate."""
    person = ctx.org.person((cmd.arg("PERSON") or "").lower())
    if person is None:
        raise NotFound("error.unknown_person", person=cmd.arg("PERSON") or "")
    start, end = parse_day(cmd.arg("FROM"), ctx), parse_day(cmd.arg("TO"), ctx)
    if start > end:
        raise InvalidInput("error.bad_period", start=start.isoformat(), end=end.isoformat())
    raw = cmd.arg("DELEGATE")
    delegate = ctx.org.person(raw.lower()) if raw else None
    if raw and delegate is None:
        raise NotFound("error.unknown_person", person=raw)
    if delegate is not None and not delegate.active:
        raise InvalidInput("error.person_inactive", person=delegate.id)
    if delegate is not None and delegate.id == person.id:
        raise InvalidInput("error.bad_delegate", person=person.id)
    return person, start, end, delegate


async def away(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """Record leave with an optional delegate: assignment skips the person and their prompts reach the delegate.

    Only the person, their department's manager or an admin records it, and the delegate must do the same job
    (share a role), since a delegate may act for the person (SPEC section 3).
    """
    person, start, end, delegate = _away_request(ctx, cmd)
    data = {"person": person.id, "start": start.isoformat(), "end": end.isoformat(),
            "delegate": delegate.id if delegate else None, "by": actor.id}
    async with ctx.uow() as uow:
        if not may_record_leave(ctx.org, actor, person):
            await refuse(uow, ctx, actor, None, "away", "refused.away_not_allowed", person=person.id)
        if delegate is not None and not may_cover(person, delegate):
            await refuse(uow, ctx, actor, None, "away", "refused.delegate_not_peer", person=person.id,
                         delegate=delegate.id, roles=sorted(r.value for r in person.roles))
        await uow.away.add(person.id, start, end, data["delegate"], actor.id, ctx.now())
        await uow.audit.record(ctx.now(), actor.id, "away", person.id, "done", **data)
        if delegate is not None:
            await uow.outbox.add(Outbound("away.delegate_notice", Target.to_person(delegate.id), data), ctx.now())
        await uow.commit()
    return Reply("away.recorded", data)


async def reload(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """Admins only: re-read the org file now; if it has problems nothing changes and they are listed."""
    if not actor.has(Role.ADMIN):
        async with ctx.uow() as uow:
            await refuse(uow, ctx, actor, None, "reload", "refused.admin_only")
    problems = await reload_org(ctx)
    if problems:
        return Reply("reload.failed", {"problems": problems}, ok=False)
    async with ctx.uow() as uow:
        await uow.audit.record(ctx.now(), actor.id, "reload", None, "done")
        await uow.commit()
    return Reply("reload.info", {"people": len(ctx.org.people), "regions": len(ctx.org.regions),
                                 "departments": len(ctx.org.departments)})
