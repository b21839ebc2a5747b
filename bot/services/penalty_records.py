"""Recording penalties: ids, the once-per-lapse guarantee, and who is told (the person and who decides)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot import metrics
from bot.org.model import Org, Role
from bot.outbound import Outbound, Target
from bot.rules.ids import penalty_id
from bot.rules.penalties import CALENDAR_RULES, Penalty, PenaltyDraft, PenaltyStatus
from bot.rules.penalty_facts import PenaltyStep
from bot.services.context import Context
from bot.services.views import iso
from storage.uow import UnitOfWork


def deciders(org: Org, draft: PenaltyDraft | Penalty, region_id: str | None) -> list[str]:
    """Who confirms or waives: the inquiry region's specialist; for a manager's lapse (P4) the specialists
    of the departments they manage; else (or when that is the penalised person) the admins."""
    found: list[str] = []
    managed = {d.id for d in org.departments if d.manager == draft.person_id}
    if region_id and (region := org.region(region_id)):
        found = [region.specialist]
    elif managed:
        found = sorted({r.specialist for r in org.regions if r.department in managed})
    found = [p for p in found if p != draft.person_id and (who := org.person(p)) and who.active]
    return found or [p.id for p in org.people if p.has(Role.ADMIN) and p.active]


def penalty_view(penalty: Penalty, history: Sequence[PenaltyStep] | None = None) -> dict[str, object]:
    """The stable JSON of a penalty (`inquirybot incentives list --json`): the rule's facts apart from the
    latest reason, `under_appeal` only while an appeal waits, and the history when it is given."""
    view: dict[str, object] = {
        "id": penalty.id, "rule": penalty.rule, "person": penalty.person_id, "amount": penalty.amount,
        "status": penalty.status.value, "inquiry": penalty.inquiry_id, "period": penalty.period,
        "split_group": penalty.split_group, "created_at": iso(penalty.created_at),
        "decided_by": penalty.decided_by, "decided_at": iso(penalty.decided_at), "reason": penalty.reason,
        "appealed": penalty.appealed, "appeal_reason": penalty.appeal_reason,
        "calendar_fallback": penalty.calendar_fallback,
        "under_appeal": penalty.under_appeal, "facts": penalty.facts.as_json(),
    }
    if history is not None:
        view["history"] = [step.as_json() for step in history]
    return view


def decision_actions(penalty: Penalty) -> list[dict[str, str]]:
    """The buttons a decider gets: a P3 is confirmed only with an amount typed into its own prompt."""
    confirm = "penalty_amount" if penalty.rule == "P3" and penalty.amount is None else "penalty_confirm"
    return [{"id": confirm, "value": penalty.id}, {"id": "penalty_waive", "value": penalty.id}]


async def record(
    uow: UnitOfWork, ctx: Context, drafts: Sequence[PenaltyDraft], *, decided_by: str | None = None, late: bool = False
) -> list[Penalty]:
    """Record each draft whose lapse is new and queue the notices; returns what was recorded, in draft order.

    A whole sweep in a bounded number of statements, whatever its size: which lapses exist, the ids (one
    upsert), the penalties and their first steps (per 200), the read back, the inquiries' regions and the
    notices (one executemany). One draft at a time gives the same records (tests/storage/test_sweep_batches)."""
    existing = await uow.penalties.existing_keys([d.lapse_key for d in drafts])
    fresh: list[PenaltyDraft] = []
    for draft in drafts:  # the first draft of a lapse wins
        if draft.lapse_key not in existing:
            existing.add(draft.lapse_key)
            fresh.append(draft)
    if not fresh:
        return []
    year = ctx.local(ctx.now()).year
    numbers = await uow.sequences.take("penalty", year, len(fresh))
    numbered = [(d, penalty_id(year, n), _guessed(ctx, d)) for d, n in zip(fresh, numbers, strict=True)]
    recorded = await uow.penalties.add_many(numbered, ctx.now(), decided_by)
    where = await uow.inquiries.regions_and_platforms([p.inquiry_id for p in recorded if p.inquiry_id])
    notices: list[Outbound] = []
    for penalty in recorded:
        if penalty.status is PenaltyStatus.PROPOSED:
            uow.after_commit(_count_proposed(str(penalty.rule)))
        region_id, platform = where.get(penalty.inquiry_id or "", (None, None))
        notices.extend(_notices(ctx.org, penalty, region_id, platform, late))
    await uow.outbox.add_many(notices, ctx.now())
    return recorded


def _count_proposed(rule: str) -> Callable[[], None]:
    return lambda: metrics.penalty_proposed(rule)


def _guessed(ctx: Context, draft: PenaltyDraft) -> bool:
    """A calendar rule's lapse in a year the calendar can only guess (issue 10: marked in record and message)."""
    year = draft.period[:4]
    return draft.rule in CALENDAR_RULES and year.isdigit() and ctx.calendar.coverage(int(year)) == "fallback"


def _notices(org: Org, penalty: Penalty, region_id: str | None, platform: str | None, late: bool) -> list[Outbound]:
    data = {"penalty": penalty_view(penalty), "late": late}
    notices = [Outbound("penalty.recorded", Target.to_person(penalty.person_id, platform), data, penalty.inquiry_id)]
    if penalty.status is PenaltyStatus.PROPOSED:
        actions = decision_actions(penalty)
        notices.extend(
            Outbound("penalty.proposed", Target.to_person(person, platform), {**data, "actions": actions},
                     penalty.inquiry_id)
            for person in deciders(org, penalty, region_id)
        )
    if penalty.rule == "P5" and (manager := _manager_of(org, penalty)) is not None:
        # policy 5: a P5 finding is submitted to the trade department's manager, who supervises the rep
        notices.append(Outbound("penalty.p5_manager", Target.to_person(manager, platform), data, penalty.inquiry_id))
    return notices


def _manager_of(org: Org, penalty: Penalty) -> str | None:
    """The manager of the department the rep was in when the finding was made (not the rep themself)."""
    person = org.person(penalty.person_id)
    department = org.department(penalty.facts.department or (person.department if person else None) or "")
    return department.manager if department and department.manager != penalty.person_id else None
