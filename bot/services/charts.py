"""The weekly PNG chart (Monday 09:00, to the announce channel): inquiries per region per day, on-time rate per region.

Rendering uses matplotlib's object API on an Agg canvas (no pyplot, no GUI backend, no global figure state), and
a Simplified Chinese font shipped as a PyPI package (Noto Sans SC), registered with the font manager at run time.
"""

from __future__ import annotations

import logging
import math
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, PercentFormatter

from bot.outbound import Outbound, Target
from bot.rules.deadlines import local_day_bounds
from bot.rules.ledger_rows import Label
from bot.rules.rankings import WeeklyChart, weekly_chart
from bot.services.context import Context
from bot.services.digests import weeks_served
from bot.services.holders import at_due_or, seen_at
from bot.services.jobs import SlotRun, job
from bot.services.labels import labeller
from bot.services.xlsx import write_atomically
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

SIZE_INCHES, DPI = (10.0, 5.5), 100  # 1000 x 550 pixels
COLOURS = ("#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47", "#264478", "#9E480E")
LINE_COLOUR = "#C00000"
DAY_OFF_COLOUR = "#E7E6E6"


@cache
def cjk_font_family() -> str:
    """Register Noto Sans SC (package `pylopdf-fonts-zh-cn`) once and return its family name."""
    from matplotlib import font_manager
    from pylopdf_fonts_zh_cn import sans_path

    logging.getLogger("matplotlib").setLevel(logging.WARNING)  # its font scan logs INFO lines on every run
    path = str(sans_path())
    font_manager.fontManager.addfont(path)
    return str(font_manager.FontProperties(fname=path).get_name())


def render_chart(chart: WeeklyChart, label: Label, path: Path) -> Path:
    """Stacked bars per region and day above, the on-time rate of each region below (one line each, the overall
    rate dashed); days that were not working days are shaded in both."""
    with matplotlib.rc_context({"font.family": [cjk_font_family(), "DejaVu Sans"], "axes.unicode_minus": False}):
        figure = Figure(figsize=SIZE_INCHES, dpi=DPI)
        FigureCanvasAgg(figure)
        bars, rates = figure.subplots(2, 1, sharex=True, height_ratios=(3, 2))
        ticks = [f"{d:%m-%d}" for d in chart.days]
        _draw_bars(bars, ticks, chart, label)
        _draw_rates(rates, ticks, chart, label)
        for axes in (bars, rates):
            _shade_days_off(axes, chart, label if axes is bars else None)
        first, last = chart.days[0], chart.days[-1]
        bars.set_title(f"{label('chart', 'title')} {first:%Y-%m-%d} – {last:%Y-%m-%d}")
        handles = bars.get_legend_handles_labels()[0] + rates.get_legend_handles_labels()[0]
        figure.legend(handles=handles, loc="center right", fontsize="small", frameon=False)
        figure.subplots_adjust(left=0.07, right=0.8, top=0.93, bottom=0.07, hspace=0.12)
        return write_atomically(path, lambda temporary: figure.savefig(temporary, format="png"))


def _colour(n: int) -> str:
    return COLOURS[n % len(COLOURS)]


def _draw_bars(bars: Axes, ticks: list[str], chart: WeeklyChart, label: Label) -> None:
    """One stacked bar per day, one colour per region (in the org file's order)."""
    bottom = [0] * len(chart.days)
    for n, (region, counts) in enumerate(chart.counts.items()):
        name = label("region", region) if region else label("chart", "unrouted")
        bars.bar(ticks, counts, bottom=bottom, label=name, color=_colour(n))
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    bars.set_ylabel(label("chart", "inquiries"))
    bars.set_ylim(0, max([*bottom, 1]) * 1.15)
    bars.yaxis.set_major_locator(MaxNLocator(integer=True))


def _draw_rates(rates: Axes, ticks: list[str], chart: WeeklyChart, label: Label) -> None:
    """The on-time rate per region in its bar colour (a gap on days without a rated inquiry), overall dashed."""
    colours = {region: _colour(n) for n, region in enumerate(chart.counts)}
    for region, per_day in chart.region_on_time.items():
        if any(r is not None for r in per_day):
            rates.plot(ticks, [math.nan if r is None else 100 * r for r in per_day],
                       color=colours.get(region, LINE_COLOUR), marker="o", markersize=4, linewidth=1.5)
    overall = [(t, 100 * r) for t, r in zip(ticks, chart.on_time, strict=True) if r is not None]
    if overall:
        rates.plot([t for t, _ in overall], [v for _, v in overall], color=LINE_COLOUR, linestyle="--",
                   linewidth=2, label=label("chart", "on_time"))
    rates.set_ylim(-5, 110)
    rates.yaxis.set_major_formatter(PercentFormatter())
    rates.set_ylabel(label("chart", "on_time_short"))


def _shade_days_off(axes: Axes, chart: WeeklyChart, label: Label | None) -> None:
    """Grey bands behind days that were not working days (weekends, public holidays); `label` names the first."""
    for n, day in enumerate(chart.days):
        if day in chart.non_working:
            name = label("chart", "day_off") if label is not None and day == chart.non_working[0] else None
            axes.axvspan(n - 0.5, n + 0.5, color=DAY_OFF_COLOUR, zorder=0, label=name)


async def weekly_data(uow: UnitOfWork, ctx: Context, last_day: date) -> WeeklyChart:
    """The 7 local days ending with `last_day`, every region of the org shown even on a quiet week."""
    days = [last_day - timedelta(days=n) for n in range(6, -1, -1)]
    start, _ = local_day_bounds(days[0], ctx.tz)
    _, end = local_day_bounds(last_day, ctx.tz)
    found = await uow.inquiries.list(forwarded_from=start, forwarded_to=end)
    inquiries = await seen_at(uow, found, at_due_or(ctx.now()))  # on-time as the holder at the due time stood
    return weekly_chart(inquiries, days, [r.id for r in ctx.org.regions], ctx.tz, ctx.now(),
                        ctx.calendar.is_workday)


async def make_weekly_chart(uow: UnitOfWork, ctx: Context, last_day: date) -> tuple[WeeklyChart, Path]:
    chart = await weekly_data(uow, ctx, last_day)
    label = labeller(ctx.org, ctx.org.locale)
    path = render_chart(chart, label, ctx.reports_dir / f"weekly-{chart.days[0]:%Y-%m-%d}.png")
    return chart, path


@job("weekly_chart")
async def weekly_chart_job(ctx: Context, uow: UnitOfWork, run: SlotRun) -> str:
    """The week before the Monday this slot stands for (it moves past a Monday off) to the announce channel,
    as a PNG attachment."""
    announce = ctx.org.announce
    if announce is None:
        return "no announce channel"
    chart, path = await make_weekly_chart(uow, ctx, weeks_served(ctx, ctx.local(run.slot).date())[1])
    week = chart.week_on_time
    data = {"start": chart.days[0].isoformat(), "end": chart.days[-1].isoformat(), "total": chart.total,
            "on_time_pct": round(100 * week, 1) if week is not None else None, "late": run.late,
            "attachment": {"path": str(path), "filename": path.name}}
    target = Target.to_channel(announce.ids)
    await uow.outbox.add(Outbound("chart.weekly", target, data), ctx.now())
    return f"chart {path.name}: {chart.total} inquiries"
