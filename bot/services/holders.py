"""Inquiries as they stood for their holders at a moment (issue 10), read from the recorded history in one query."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from bot.rules.holders import as_of
from bot.rules.inquiry import Inquiry
from storage.uow import UnitOfWork


async def seen_at(uow: UnitOfWork, inquiries: Sequence[Inquiry], at: Callable[[Inquiry], datetime]) -> list[Inquiry]:
    """Each inquiry with the holder recorded at `at(inquiry)`, never today's assignee."""
    histories = await uow.inquiries.histories([i.id for i in inquiries])
    return [as_of(i, histories.get(i.id, []), at(i)) for i in inquiries]


def at_due_or(moment: datetime) -> Callable[[Inquiry], datetime]:
    """Follow-up rates belong to the holder at the due time (or at `moment` while it is not due yet)."""
    return lambda i: min(i.due_at, moment) if i.due_at is not None else moment
