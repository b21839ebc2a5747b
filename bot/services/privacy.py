"""Erasure on request (SPEC section 9): the customer's personal data goes; ids, dates, counts, penalties stay."""

from __future__ import annotations

from dataclasses import replace

from bot.rules import corrections
from bot.rules.inquiry import Customer, HistoryEvent
from bot.services.context import Context


async def erase_inquiry(ctx: Context, inquiry_id: str, actor: str) -> bool:
    async with ctx.uow() as uow:
        inquiry = await uow.inquiries.get_for_update(inquiry_id)
        if inquiry is None:
            return False
        kept = Customer(country=inquiry.customer.country, product=inquiry.customer.product)
        erased = replace(inquiry, customer=kept, original_text=None, erased_at=ctx.now())
        await uow.inquiries.save(erased)
        await uow.inquiries.append_event(inquiry_id, HistoryEvent(ctx.now(), "erased", actor, {}))
        await uow.inquiries.scrub_events(inquiry_id, (corrections.CORRECTED, corrections.REREAD),
                                         corrections.scrub_personal)
        scrubbed = await uow.outbox.scrub_customer(inquiry_id)
        await uow.audit.record(ctx.now(), actor, "erase", inquiry_id, "done", outbox_rows=scrubbed)
        await uow.commit()
    return True
