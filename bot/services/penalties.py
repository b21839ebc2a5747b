"""Penalty commands: add (P1.3, P3, P5 by a specialist), confirm, waive, appeal, and the incentives listing."""

from __future__ import annotations

from bot.commands import Command
from bot.errors import InvalidInput, NotFound
from bot.org.model import Org, Person, Role
from bot.outbound import Outbound, Reply, Target
from bot.rules.ids import normalise_penalty_id
from bot.rules.months import looks_like_month, parse_month
from bot.rules.penalties import (
    MANUAL_RULES,
    Penalty,
    PenaltyDraft,
    PenaltyStatus,
    amount_in_reason,
    manual_lapse_key,
)
from bot.rules.permissions import Action, is_specialist_or_admin, people_in_view, refusal
from bot.services.actions import covering, load, refuse
from bot.services.context import Context
from bot.services.penalty_records import deciders, penalty_view, record
from storage.uow import UnitOfWork


async def add(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """A specialist's finding: P1.3 private mailbox, P5 weekly check, P3 CRM audit. Starts confirmed."""
    rule, person_id, reason = (cmd.arg("RULE") or "").upper(), (cmd.arg("PERSON") or "").lower(), cmd.arg("REASON")
    if rule not in MANUAL_RULES:
        raise InvalidInput("error.rule_not_manual", rule=rule, choices=", ".join(MANUAL_RULES))
    if ctx.org.person(person_id) is None:
        raise NotFound("error.unknown_person", person=person_id)
    async with ctx.uow() as uow:
        if not is_specialist_or_admin(actor):
            await refuse(uow, ctx, actor, None, "penalty_add", "refused.specialist_only")
        inquiry_id = None
        if cmd.arg("ID"):
            inquiry = await load(uow, cmd.arg("ID"))
            if refusal(ctx.org, actor, inquiry, Action.ASSIGN, await covering(uow, ctx, actor)) is not None:
                await refuse(uow, ctx, actor, inquiry, "penalty_add", "refused.not_yours")
            if person_id not in {inquiry.assignee_id, inquiry.original_assignee_id}:
                raise InvalidInput("error.not_the_rep", person=person_id, id=inquiry.id, rep=inquiry.assignee_id or "")
            await _check_lapse(uow, rule, inquiry.id, inquiry.exception_state)
            inquiry_id = inquiry.id
        elif rule == "P3":
            raise InvalidInput("error.usage", usage="penalty add PERSON P3 ID [AMOUNT] REASON")
        elif (seen := people_in_view(ctx.org, actor)) is not None and person_id not in seen:
            await refuse(uow, ctx, actor, None, "penalty_add", "refused.person_not_in_view", person=person_id)
        amount, reason = amount_in_reason(reason) if rule == "P3" else (ctx.org.penalties.amount(rule), reason)
        key = manual_lapse_key(rule, person_id, inquiry_id, ctx.today(), reason or "")
        draft = PenaltyDraft(lapse_key=key, rule=rule, person_id=person_id, amount=amount,
                             period=ctx.today().isoformat(), inquiry_id=inquiry_id, reason=reason,
                             status=PenaltyStatus.CONFIRMED)
        recorded = await record(uow, ctx, [draft], decided_by=actor.id)
        if not recorded:
            raise InvalidInput("error.penalty_exists", rule=rule, id=inquiry_id or person_id)
        await uow.commit()
    return Reply("penalty.added", {"penalty": penalty_view(recorded[0])})


async def _check_lapse(uow: UnitOfWork, rule: str, inquiry_id: str, exception_state: str | None) -> None:
    if rule == "P1.3" and exception_state == "approved":
        raise InvalidInput("error.exception_was_approved", id=inquiry_id)
    if rule == "P5":
        earlier = await uow.penalties.list(inquiry_id=inquiry_id)
        if any(p.rule == "P1.4" and p.status is not PenaltyStatus.WAIVED for p in earlier):
            raise InvalidInput("error.p5_same_lapse", id=inquiry_id)


async def _load(uow: UnitOfWork, raw: str | None) -> Penalty:
    penalty_id = normalise_penalty_id(raw or "")
    if penalty_id is None:
        raise InvalidInput("error.bad_penalty_id", value=raw or "")
    penalty = await uow.penalties.get(penalty_id, lock=True)
    if penalty is None:
        raise NotFound("error.penalty_not_found", id=penalty_id)
    return penalty


async def _region_of(uow: UnitOfWork, penalty: Penalty) -> str | None:
    inquiry = await uow.inquiries.get(penalty.inquiry_id) if penalty.inquiry_id else None
    return inquiry.region_id if inquiry else None


async def decide(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """`penalty confirm|waive PEN-ID REASON`: only a specialist who decides it, or an admin."""
    status = PenaltyStatus.CONFIRMED if cmd.verb == "penalty confirm" else PenaltyStatus.WAIVED
    async with ctx.uow() as uow:
        penalty = await _load(uow, cmd.arg("PEN-ID"))
        region_id = await _region_of(uow, penalty)
        allowed = actor.has(Role.ADMIN) or (
            actor.has(Role.SPECIALIST) and actor.id in deciders(ctx.org, penalty, region_id)
        )
        if not actor.active or not allowed or actor.id == penalty.person_id:
            await refuse(uow, ctx, actor, None, cmd.verb.replace(" ", "_"), "refused.penalty_decider_only")
        # proposed -> confirmed | waived; a confirmation (a bot's or a finding entered by mistake) may still be
        # waived once; a waiver is final
        correcting = penalty.status is PenaltyStatus.CONFIRMED and status is PenaltyStatus.WAIVED
        if penalty.status is not PenaltyStatus.PROPOSED and not correcting:
            raise InvalidInput("error.penalty_already_decided", id=penalty.id, status=penalty.status.value)
        typed = cmd.arg("REASON")
        reason = typed or penalty.reason
        if penalty.rule == "P3" and status is PenaltyStatus.CONFIRMED and typed:
            amount, reason = amount_in_reason(typed)  # the forfeited commission, typed by the specialist
            if amount is not None:
                await uow.penalties.set_amount(penalty.id, amount)
        await uow.penalties.decide(penalty.id, status, actor.id, reason, ctx.now())
        await uow.audit.record(ctx.now(), actor.id, cmd.verb.replace(" ", "_"), penalty.id, "done")
        decided = await uow.penalties.get(penalty.id)
        assert decided is not None
        for notice in _decision_notices(ctx.org, decided):
            await uow.outbox.add(notice, ctx.now())
        await uow.commit()
    return Reply("penalty.decided", {"penalty": penalty_view(decided)})


def _decision_notices(org: Org, penalty: Penalty) -> list[Outbound]:
    data = {"penalty": penalty_view(penalty)}
    notices = [Outbound("penalty.decided_notice", Target.to_person(penalty.person_id), data, penalty.inquiry_id)]
    if penalty.rule == "P3" and penalty.status is PenaltyStatus.CONFIRMED and org.announce is not None:
        announce = Target(kind="channel", slack=org.announce.slack, telegram=org.announce.telegram)
        notices.append(Outbound("penalty.p3_announcement", announce, data, penalty.inquiry_id))
    return notices


async def appeal(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """Only the penalised person appeals; the deciders are asked again with the reason."""
    async with ctx.uow() as uow:
        penalty = await _load(uow, cmd.arg("PEN-ID"))
        if actor.id != penalty.person_id:
            await refuse(uow, ctx, actor, None, "penalty_appeal", "refused.appeal_own_only")
        if penalty.status is PenaltyStatus.WAIVED or penalty.appealed:
            raise InvalidInput("error.penalty_already_decided", id=penalty.id, status=penalty.status.value)
        # an appeal reopens the decision once: back to proposed, the earlier decision kept in the audit log
        await uow.audit.record(ctx.now(), actor.id, "penalty_appeal", penalty.id, "done",
                               previous_status=penalty.status.value, previous_decider=penalty.decided_by)
        await uow.penalties.appeal(penalty.id, cmd.arg("REASON") or "")
        appealed = await uow.penalties.get(penalty.id)
        assert appealed is not None
        actions = [{"id": "penalty_confirm", "value": penalty.id}, {"id": "penalty_waive", "value": penalty.id}]
        for person in deciders(ctx.org, appealed, await _region_of(uow, appealed)):
            await uow.outbox.add(Outbound("penalty.appealed", Target.to_person(person),
                                          {"penalty": penalty_view(appealed), "actions": actions}), ctx.now())
        await uow.commit()
    return Reply("penalty.appeal_sent", {"penalty": penalty_view(appealed)})


async def incentives(ctx: Context, actor: Person, cmd: Command) -> Reply:
    month, person = _month_and_person(ctx, cmd)
    allowed = people_in_view(ctx.org, actor)
    async with ctx.uow() as uow:
        if person and allowed is not None and person not in allowed:
            await refuse(uow, ctx, actor, None, "incentives", "refused.not_yours", person=person)
        found = await uow.penalties.list(period_prefix=month, person_id=person)
    visible = [p for p in found if allowed is None or p.person_id in allowed]
    total = sum(p.amount or 0 for p in visible if p.status is not PenaltyStatus.WAIVED)
    items = [penalty_view(p) for p in visible]
    return Reply("incentives", {"month": month, "person": person, "penalties": items, "total": total})


def _month_and_person(ctx: Context, cmd: Command) -> tuple[str, str | None]:
    month, person = cmd.arg("MONTH"), cmd.arg("PERSON")
    if month and not looks_like_month(month):  # `/inq incentives zhang` names a person, not a month
        month, person = None, month
    try:
        chosen = parse_month(month) if month else ctx.today().strftime("%Y-%m")
    except ValueError:
        raise InvalidInput("error.bad_month_format", value=month) from None
    return chosen, person.lower() if person else None
