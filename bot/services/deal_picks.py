"""The deal prompts' pickers (P4, P6): which inquiries a prompt offered, looked up again on our side from the
message the bot sent (never taken from the client), and the `deals today|month` command a pick stands for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.org.model import Org
from bot.outbound import Reply
from bot.rules.inquiry import Inquiry
from bot.services.context import Context

MAX_CHOICES = 90  # a platform's select or keyboard holds about 100 entries, the controls included


@dataclass(frozen=True)
class Pick:
    verb: str  # the command a pick runs
    prompt: str  # the message key of the prompt that carries the pick button
    none: str  # that prompt's "no deals" button


PICKS: dict[str, Pick] = {
    "deals_pick": Pick("deals today", "reminder.deals_daily", "deals_none"),
    "deals_month_pick": Pick("deals month", "reminder.deals_monthly", "deals_month_none"),
}


def choice_label(org: Org, inquiry: Inquiry) -> str:
    """`INQ-2026-000001 · Maria Silva · 张伟`: the id, the customer (or their company) and the rep."""
    customer = inquiry.customer
    rep = org.person(inquiry.assignee_id) if inquiry.assignee_id else None
    return " · ".join((inquiry.id, customer.name or customer.company or "—", rep.name if rep else "—"))


async def prompt_choices(ctx: Context, action: str, platform: str, chat: str, message_id: str,
                         department: str) -> list[tuple[str, str]]:
    """(id, label) of each inquiry the prompt at (platform, chat, message_id) listed; [] if it is not one."""
    async with ctx.uow() as uow:
        prompt = await uow.sent.source(platform, chat, message_id)
        if prompt is None or prompt.key != PICKS[action].prompt or prompt.data.get("department") != department:
            return []
        ids = [str(view["id"]) for view in prompt.data.get("inquiries", [])][:MAX_CHOICES]
        found = [await uow.inquiries.get(i) for i in ids]
    return [(i.id, choice_label(ctx.org, i)) for i in found if i is not None]


def pick_command(action: str, department: str, picked: Sequence[str]) -> str:
    """What a pick runs: `deals today trade1 INQ-2026-000001 INQ-2026-000002` (the department named for a delegate)."""
    return " ".join((PICKS[action].verb, department, *picked))


def nothing_picked(action: str) -> Reply:
    """The refusal of an empty pick: tick an inquiry, or press the prompt's "no deals" button."""
    return Reply("error.nothing_picked", {"button": PICKS[action].none}, ok=False)


def pick_unavailable(action: str | None) -> Reply:
    """The prompt (or the open pick) cannot be found any more: the command still works."""
    pick = PICKS.get(action or "")
    verb = pick.verb if pick else None
    return Reply("error.pick_unavailable", {"verb": verb}, ok=False)
