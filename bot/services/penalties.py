"""Penalty commands: add (P1.3, P3, P5 by a specialist), confirm, waive, appeal.

Decisions add steps to the penalty's history and never touch its facts; a P3 amount is only ever the
`amount=` the specialist gives.
"""

from __future__ import annotations

from datetime import timedelta

from bot.commands import Command
from bot.errors import InvalidInput, NotFound
from bot.org.model import Person, Role
from bot.outbound import Outbound, Reply, Target
from bot.rules.ids import normalise_penalty_id
from bot.rules.inquiry import Inquiry
from bot.rules.penalties import MANUAL_RULES, Penalty, PenaltyDraft, PenaltyStatus, manual_lapse_key
from bot.rules.penalty_facts import PenaltyFacts, PenaltyStep, parse_amount
from bot.rules.permissions import Action, is_specialist_or_admin, people_in_view, refusal
from bot.services.actions import covering, load, refuse
from bot.services.context import Context
from bot.services.p3_notices import correction_if_published
from bot.services.penalty_records import deciders, decision_actions, penalty_view, record
from storage.uow import UnitOfWork

PENDING_P5 = "p5:"  # conversation key prefix: a P5 finding waiting for "this is a different lapse"
PENDING_PLATFORM = "any"  # the pending finding is the person's, whichever platform they answer on
PENDING_TTL = timedelta(hours=12)


async def add(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """A specialist's finding: P1.3 private mailbox, P5 weekly check, P3 CRM audit. Starts confirmed."""
    rule, person_id, reason = (cmd.arg("RULE") or "").upper(), (cmd.arg("PERSON") or "").lower(), cmd.arg("REASON")
    if rule not in MANUAL_RULES:
        raise InvalidInput("error.rule_not_manual", rule=rule, choices=", ".join(MANUAL_RULES))
    if ctx.org.person(person_id) is None:
        raise NotFound("error.unknown_person", person=person_id)
    amount = _amount(rule, cmd.arg("AMOUNT"), needed=rule == "P3")
    async with ctx.uow() as uow:
        if not is_specialist_or_admin(actor):
            await refuse(uow, ctx, actor, None, "penalty_add", "refused.specialist_only")
        inquiry = await _finding_inquiry(uow, ctx, actor, rule, person_id, cmd.arg("ID"))
        facts = PenaltyFacts(inquiry=inquiry.id if inquiry else None, department=_department(ctx, person_id, inquiry))
        if inquiry is not None:
            earlier = await _check_lapse(uow, rule, inquiry)
            if earlier and cmd.arg("CONFIRM") is None:
                return await _ask_if_different(uow, ctx, actor, person_id, inquiry, earlier, reason or "")
            facts = PenaltyFacts(inquiry=facts.inquiry, department=facts.department,
                                 different_from=tuple(p.id for p in earlier))
        key = manual_lapse_key(rule, person_id, inquiry.id if inquiry else None, ctx.today(), reason or "")
        draft = PenaltyDraft(lapse_key=key, rule=rule, person_id=person_id,
                             amount=amount if rule == "P3" else ctx.org.penalties.amount(rule),
                             period=ctx.today().isoformat(), inquiry_id=inquiry.id if inquiry else None,
                             reason=reason, status=PenaltyStatus.CONFIRMED, facts=facts)
        recorded = await record(uow, ctx, [draft], decided_by=actor.id)
        if not recorded:
            raise InvalidInput("error.penalty_exists", rule=rule, id=draft.inquiry_id or person_id)
        if inquiry is not None:
            await uow.conversations.clear(PENDING_PLATFORM, actor.id, PENDING_P5 + inquiry.id)
        await uow.commit()
    return Reply("penalty.added", {"penalty": penalty_view(recorded[0])})


def _amount(rule: str, raw: str | None, *, needed: bool) -> int | None:
    """`amount=` is for P3 only, and a P3 needs one (a number, or `none` to leave it blank on purpose)."""
    if raw is None:
        if needed:
            raise InvalidInput("error.p3_amount_needed", rule=rule)
        return None
    if rule != "P3":
        raise InvalidInput("error.amount_only_p3", rule=rule)
    ok, amount = parse_amount(raw)
    if not ok:
        raise InvalidInput("error.bad_amount", value=raw)
    return amount


def _department(ctx: Context, person_id: str, inquiry: Inquiry | None) -> str | None:
    """The rep's department when the finding is made: the inquiry's, else the person's own."""
    person = ctx.org.person(person_id)
    return (inquiry.department_id if inquiry else None) or (person.department if person else None)


async def _finding_inquiry(
    uow: UnitOfWork, ctx: Context, actor: Person, rule: str, person_id: str, raw_id: str | None
) -> Inquiry | None:
    """The inquiry a finding is about, checked: the actor's to judge, the person its rep."""
    if raw_id is None:
        if rule == "P3":
            raise InvalidInput("error.usage", usage="penalty add PERSON P3 ID amount=YUAN REASON")
        if (seen := people_in_view(ctx.org, actor)) is not None and person_id not in seen:
            await refuse(uow, ctx, actor, None, "penalty_add", "refused.person_not_in_view", person=person_id)
        return None
    inquiry = await load(uow, raw_id)
    if refusal(ctx.org, actor, inquiry, Action.ASSIGN, await covering(uow, ctx, actor)) is not None:
        await refuse(uow, ctx, actor, inquiry, "penalty_add", "refused.not_yours")
    if person_id not in {inquiry.assignee_id, inquiry.original_assignee_id}:
        raise InvalidInput("error.not_the_rep", person=person_id, id=inquiry.id, rep=inquiry.assignee_id or "")
    if rule == "P1.3" and inquiry.exception_state == "approved":
        raise InvalidInput("error.exception_was_approved", id=inquiry.id)
    return inquiry


async def _check_lapse(uow: UnitOfWork, rule: str, inquiry: Inquiry) -> list[Penalty]:
    """One P3 per inquiry (a second names the first); for P5, the inquiry's standing P1.4 records, which the
    specialist must confirm are a different lapse."""
    if rule == "P3":
        first = await uow.penalties.list(inquiry_id=inquiry.id, rule="P3")
        if first:
            raise InvalidInput("error.p3_exists", id=inquiry.id, first=first[0].id, status=first[0].status.value)
    if rule != "P5":
        return []
    earlier = await uow.penalties.list(inquiry_id=inquiry.id, rule="P1.4")
    return [p for p in earlier if p.status is not PenaltyStatus.WAIVED]


async def _ask_if_different(
    uow: UnitOfWork, ctx: Context, actor: Person, person_id: str, inquiry: Inquiry, earlier: list[Penalty],
    reason: str,
) -> Reply:
    """P5 is never for the same lapse as a P1.4: keep the finding and ask the specialist to confirm it differs."""
    pending = {"person": person_id, "reason": reason}
    await uow.conversations.put(PENDING_PLATFORM, actor.id, PENDING_P5 + inquiry.id, pending,
                                ctx.now() + PENDING_TTL)
    data = {"inquiry": inquiry.id, "person": person_id, "reason": reason,
            "earlier": [penalty_view(p) for p in earlier]}
    # the question with its button goes to the specialist's DM, where every platform shows buttons
    await uow.outbox.add(Outbound("penalty.p5_confirm_needed", Target.to_person(actor.id, inquiry.platform),
                                  {**data, "actions": [{"id": "p5_different", "value": inquiry.id}]}, inquiry.id),
                         ctx.now())
    await uow.commit()
    return Reply("penalty.p5_asked", data)


async def different(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """`penalty different ID` (the button under the question): record the waiting P5 finding on ID."""
    async with ctx.uow() as uow:
        inquiry = await load(uow, cmd.arg("ID"))
        pending = await uow.conversations.get(PENDING_PLATFORM, actor.id, PENDING_P5 + inquiry.id, ctx.now())
    if pending is None:
        raise InvalidInput("error.p5_nothing_pending", id=inquiry.id)
    args = {"PERSON": str(pending["person"]), "RULE": "P5", "ID": inquiry.id, "REASON": str(pending["reason"]),
            "CONFIRM": "yes"}
    return await add(ctx, actor, Command("penalty add", args))


async def load_penalty(uow: UnitOfWork, raw: str | None, *, lock: bool = False) -> Penalty:
    penalty_id = normalise_penalty_id(raw or "")
    if penalty_id is None:
        raise InvalidInput("error.bad_penalty_id", value=raw or "")
    penalty = await uow.penalties.get(penalty_id, lock=lock)
    if penalty is None:
        raise NotFound("error.penalty_not_found", id=penalty_id)
    return penalty


async def region_of(uow: UnitOfWork, penalty: Penalty) -> str | None:
    inquiry = await uow.inquiries.get(penalty.inquiry_id) if penalty.inquiry_id else None
    return inquiry.region_id if inquiry else None


async def decide(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """`penalty confirm|waive PEN-ID REASON`: only a specialist who decides it, or an admin."""
    status = PenaltyStatus.CONFIRMED if cmd.verb == "penalty confirm" else PenaltyStatus.WAIVED
    async with ctx.uow() as uow:
        penalty = await load_penalty(uow, cmd.arg("PEN-ID"), lock=True)
        allowed = actor.has(Role.ADMIN) or (
            actor.has(Role.SPECIALIST) and actor.id in deciders(ctx.org, penalty, await region_of(uow, penalty))
        )
        if not actor.active or not allowed or actor.id == penalty.person_id:
            await refuse(uow, ctx, actor, None, cmd.verb.replace(" ", "_"), "refused.penalty_decider_only")
        # proposed -> confirmed | waived; a confirmation (a bot's or a finding entered by mistake) may still be
        # waived once; a waiver is final
        correcting = penalty.status is PenaltyStatus.CONFIRMED and status is PenaltyStatus.WAIVED
        if penalty.status is not PenaltyStatus.PROPOSED and not correcting:
            raise InvalidInput("error.penalty_already_decided", id=penalty.id, status=penalty.status.value)
        raw_amount = cmd.arg("AMOUNT")
        needs_amount = penalty.rule == "P3" and status is PenaltyStatus.CONFIRMED and penalty.amount is None
        amount = _amount(penalty.rule, raw_amount, needed=needs_amount)
        step = PenaltyStep(status.value, ctx.now(), actor.id, cmd.arg("REASON"), amount)
        await uow.penalties.decide(penalty.id, status, step, amount=amount, set_amount=raw_amount is not None)
        await uow.audit.record(ctx.now(), actor.id, cmd.verb.replace(" ", "_"), penalty.id, "done")
        decided = await uow.penalties.get(penalty.id)
        assert decided is not None
        await uow.outbox.add(Outbound("penalty.decided_notice", Target.to_person(decided.person_id),
                                      {"penalty": penalty_view(decided)}, decided.inquiry_id), ctx.now())
        if status is PenaltyStatus.WAIVED:
            await correction_if_published(uow, ctx, decided)
        await uow.commit()
    return Reply("penalty.decided", {"penalty": penalty_view(decided)})


async def appeal(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """Only the penalised person appeals; the deciders are asked again with the reason."""
    async with ctx.uow() as uow:
        penalty = await load_penalty(uow, cmd.arg("PEN-ID"), lock=True)
        if actor.id != penalty.person_id:
            await refuse(uow, ctx, actor, None, "penalty_appeal", "refused.appeal_own_only")
        if penalty.status is PenaltyStatus.WAIVED or penalty.appealed:
            raise InvalidInput("error.penalty_already_decided", id=penalty.id, status=penalty.status.value)
        # an appeal reopens the decision once: back to proposed; the earlier decision stays in the history
        await uow.audit.record(ctx.now(), actor.id, "penalty_appeal", penalty.id, "done",
                               previous_status=penalty.status.value, previous_decider=penalty.decided_by)
        await uow.penalties.appeal(penalty.id, PenaltyStep("appealed", ctx.now(), actor.id, cmd.arg("REASON")))
        appealed = await uow.penalties.get(penalty.id)
        assert appealed is not None
        data = {"penalty": penalty_view(appealed), "actions": decision_actions(appealed)}
        for person in deciders(ctx.org, appealed, await region_of(uow, appealed)):
            await uow.outbox.add(Outbound("penalty.appealed", Target.to_person(person), data), ctx.now())
        await uow.commit()
    return Reply("penalty.appeal_sent", {"penalty": penalty_view(appealed)})
