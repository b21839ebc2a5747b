"""What a confirmed grey does to the inquiry's P1.4 and P5 penalties: a spam inquiry is nobody's lapse.

Open (proposed) ones are waived at once with the reason recorded; confirmed ones were a specialist's decision,
so the specialist who confirmed grey is asked, with a waive button for each.
"""

from __future__ import annotations

from bot.outbound import Outbound, Target
from bot.rules.inquiry import Inquiry
from bot.rules.penalties import PenaltyStatus
from bot.rules.penalty_facts import PenaltyStep
from bot.services.context import Context
from bot.services.penalty_records import penalty_view
from storage.uow import UnitOfWork

GREY_RULES = ("P1.4", "P5")


async def settle_after_grey(uow: UnitOfWork, ctx: Context, actor_id: str, inquiry: Inquiry) -> list[Outbound]:
    """Waive the inquiry's open P1.4/P5 and ask `actor_id` about the confirmed ones; returns the notices."""
    found = [p for p in await uow.penalties.list(inquiry_id=inquiry.id) if p.rule in GREY_RULES]
    reason = f"grey confirmed: {inquiry.grey_reason or ''}".strip()
    notices: list[Outbound] = []
    for penalty in (p for p in found if p.status is PenaltyStatus.PROPOSED):
        step = PenaltyStep(PenaltyStatus.WAIVED.value, ctx.now(), actor_id, reason)
        await uow.penalties.decide(penalty.id, PenaltyStatus.WAIVED, step)
        waived = await uow.penalties.get(penalty.id)
        assert waived is not None
        notices.append(Outbound("penalty.decided_notice", Target.to_person(waived.person_id, inquiry.platform),
                                {"penalty": penalty_view(waived)}, inquiry.id))
    confirmed = [p for p in found if p.status is PenaltyStatus.CONFIRMED]
    if confirmed:
        notices.append(Outbound("penalty.grey_ask_waive", Target.to_person(actor_id, inquiry.platform), {
            "inquiry": inquiry.id, "penalties": [penalty_view(p) for p in confirmed],
            "actions": [{"id": "penalty_waive", "value": p.id} for p in confirmed]}, inquiry.id))
    return notices
