"""P3's public side: the notice in `announce` on the first working Friday of the month (次月第一个周五公示) for
what the specialist has confirmed by then, and a public correction when a published P3 is later waived."""

from __future__ import annotations

from bot.outbound import Outbound, Target
from bot.rules.penalties import Penalty, PenaltyStatus
from bot.rules.penalty_facts import PenaltyStep
from bot.services.context import Context
from bot.services.jobs import SlotRun, job
from bot.services.penalty_records import penalty_view
from storage.uow import UnitOfWork


def _announce(ctx: Context) -> Target | None:
    channel = ctx.org.announce
    return Target.to_channel(channel.ids) if channel else None


@job("p3_notice")
async def p3_notice(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    """Every confirmed P3 not yet made public, in one notice; one confirmed later waits for the next notice."""
    target = _announce(ctx)
    if target is None:
        return "no announce channel: P3 notice not posted"
    confirmed = await uow.penalties.list(rule="P3")
    history = await uow.penalties.history([p.id for p in confirmed])
    due = [p for p in confirmed if p.status is PenaltyStatus.CONFIRMED
           and not any(s.what == "published" for s in history[p.id])]
    if not due:
        return "no confirmed P3 to publish"
    month = ctx.local(run.slot).strftime("%Y-%m")
    await uow.outbox.add(Outbound("penalty.p3_notice", target, {
        "month": month, "penalties": [penalty_view(p) for p in due], "late": run.late}), ctx.now())
    for penalty in due:
        await uow.penalties.add_step(penalty.id, PenaltyStep("published", ctx.now(), None, f"announce {month}"))
    return f"{len(due)} P3 published"


async def correction_if_published(uow: UnitOfWork, ctx: Context, penalty: Penalty) -> bool:
    """A P3 waived after its public notice gets a public correction in `announce`, once."""
    if penalty.rule != "P3" or (target := _announce(ctx)) is None:
        return False
    steps = (await uow.penalties.history([penalty.id]))[penalty.id]
    if not any(s.what == "published" for s in steps) or any(s.what == "corrected" for s in steps):
        return False
    await uow.outbox.add(Outbound("penalty.p3_correction", target, {"penalty": penalty_view(penalty)},
                                  penalty.inquiry_id), ctx.now())
    await uow.penalties.add_step(penalty.id, PenaltyStep("corrected", ctx.now(), None, penalty.reason))
    return True
