"""The weekly PNG chart: its pixel size, Chinese labels with no missing glyph, and the Monday job that posts it."""

from __future__ import annotations

import struct
import warnings
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.bootstrap import App
from bot.clock import FrozenClock
from bot.rules.rankings import WeeklyChart
from bot.services import all_jobs  # noqa: F401
from bot.services.charts import render_chart
from bot.services.labels import labeller
from tests.conftest import Transcript, local
from tests.services.report_month import job, play_november

DAYS = tuple(date(2026, 11, 16) + timedelta(days=n) for n in range(7))
CHART = WeeklyChart(DAYS, {"latam": (3, 2, 4, 1, 0, 0, 2), "mena": (1, 2, 2, 3, 1, 0, 0), "cis": (0, 1, 1, 0, 2, 0, 0),
                           "europe": (2, 2, 1, 3, 1, 1, 0), "africa": (0, 0, 1, 0, 0, 0, 0), "": (1, 0, 0, 0, 0, 0, 0)},
                    (1.0, 0.8, 0.75, None, 0.5, 1.0, 0.9), 0.8)


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def glyph_warnings(caught: list[warnings.WarningMessage]) -> list[str]:
    return [str(w.message) for w in caught if "missing from font" in str(w.message) or "Glyph" in str(w.message)]


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_chart_renders_at_its_size_with_every_glyph(app: App, tmp_path: Path, locale: str) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        path = render_chart(CHART, labeller(app.org, locale), tmp_path / "weekly.png")
    assert glyph_warnings(caught) == []
    assert png_size(path) == (1000, 550)


def test_an_empty_week_still_renders(app: App, tmp_path: Path) -> None:
    quiet = WeeklyChart(DAYS, {"latam": (0,) * 7}, (None,) * 7, None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        path = render_chart(quiet, labeller(app.org, "zh-CN"), tmp_path / "quiet.png")
    assert glyph_warnings(caught) == [] and png_size(path) == (1000, 550)


async def test_monday_job_posts_last_weeks_chart_to_the_announce_channel(
        app: App, clock: FrozenClock, transcript: Transcript, tmp_path: Path) -> None:
    app.ctx.reports_dir = tmp_path / "reports"
    await play_november(app, clock, transcript)
    transcript.clear()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        await job(app, clock, "weekly_chart", local(2026, 11, 30, 9, 0))  # Monday: the week of 23-29 Nov
    assert glyph_warnings(caught) == []
    path = tmp_path / "reports" / "weekly-2026-11-23.png"
    assert png_size(path) == (1000, 550)
    assert "── to channel" in transcript.text and f"📎 weekly-2026-11-23.png: {path}" in transcript.text
    # 4 inquiries in the bars; the rate leaves the grey one out: 1 on time of 3
    assert "询盘周报 2026-11-23 至 2026-11-29：共 4 条询盘，按时跟进率 33.3%" in transcript.text


def test_the_rate_is_per_region_and_days_off_are_known(app: App) -> None:
    from bot.rules.rankings import weekly_chart

    days = [date(2026, 9, 28) + timedelta(days=n) for n in range(7)]  # the week National Day begins
    chart = weekly_chart([], days, [r.id for r in app.org.regions], app.ctx.tz, local(2026, 10, 5, 9, 0),
                         app.ctx.calendar.is_workday)
    assert chart.non_working == tuple(date(2026, 10, n) for n in range(1, 5))
    assert set(chart.region_on_time) == {r.id for r in app.org.regions}


async def test_one_rate_line_per_region_and_no_matplotlib_chatter(
        app: App, clock: FrozenClock, transcript: Transcript, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    from bot.services.charts import weekly_data

    app.ctx.reports_dir = tmp_path / "reports"
    await play_november(app, clock, transcript)
    async with app.ctx.uow() as uow:
        chart = await weekly_data(uow, app.ctx, date(2026, 11, 29))
    rated = {region for region, days in chart.region_on_time.items() if any(r is not None for r in days)}
    assert rated and rated <= {r.id for r in app.org.regions}
    assert chart.non_working == (date(2026, 11, 28), date(2026, 11, 29))
    with caplog.at_level(logging.INFO):
        render_chart(chart, labeller(app.org, "en"), tmp_path / "week.png")
    assert [r for r in caplog.records if r.name.startswith("matplotlib")] == []
    assert logging.getLogger("matplotlib.font_manager").getEffectiveLevel() >= logging.WARNING
