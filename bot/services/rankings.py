"""`/inq rank [MONTH]`: the month's follow-up ranking per rep and per department, grey inquiries left out."""

from __future__ import annotations

from bot.commands import Command
from bot.org.model import Person
from bot.outbound import Reply
from bot.rules.holders import rated_views
from bot.rules.months import month_bounds
from bot.rules.rankings import Ranking, rank, ranking_json
from bot.rules.working_time import working_clock
from bot.services.context import Context
from bot.services.ledger import check_month


async def ranking_for(ctx: Context, month: str) -> Ranking:
    """Each holder's stints begun in the month (the first one when the inquiry was forwarded), rated for the
    holder at the due time: a later re-assignment or transfer never changes a past month's ranking."""
    start, end = month_bounds(month, ctx.tz)
    async with ctx.uow() as uow:
        forwarded = await uow.inquiries.list(forwarded_from=start, forwarded_to=end)
        moved = await uow.inquiries.changed_hands_between(start, end)
        inquiries = list({i.id: i for i in [*forwarded, *moved]}.values())
        histories = await uow.inquiries.histories([i.id for i in inquiries])
    views = [v for i in inquiries for v in rated_views(i, histories.get(i.id, []), start, end)]
    hours = working_clock(ctx.tz, ctx.calendar.is_workday, ctx.org.schedule.working_hours)
    return rank(views, month, ctx.now(), hours)  # median follow-up in working time


async def rank_command(ctx: Context, actor: Person, cmd: Command) -> Reply:
    """Everyone may look: the policy's rankings are public within the department."""
    raw = cmd.arg("MONTH")
    month = check_month(raw) if raw else ctx.today().strftime("%Y-%m")
    return Reply("rank", {"ranking": ranking_json(await ranking_for(ctx, month))})
