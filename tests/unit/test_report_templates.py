"""The report message keys (ledger, extracts, chart, rank, demo) render in both locales on every platform."""

from __future__ import annotations

from typing import Any

import pytest

from bot.notifiers.render import Renderer
from bot.org.loader import load_org
from tests.conftest import EXAMPLE_ORG

ATTACHMENT = {"path": "/srv/reports/ledger-2026-11-trade1.xlsx", "filename": "ledger-2026-11-trade1.xlsx"}
SCORE = {"key": "zhang", "handled": 3, "due": 3, "on_time": 2, "on_time_pct": 66.7, "median_minutes": 95,
         "won": 1, "conversion_pct": 33.3}
SAMPLES: dict[str, dict[str, Any]] = {
    "ledger.reply": {"month": "2026-11", "departments": ["trade1", "trade2"], "rows": 12,
                     "filename": "ledger-2026-11-all.xlsx"},
    "ledger.file": {"month": "2026-11", "departments": ["trade1"], "rows": 12, "filename": ATTACHMENT["filename"],
                    "attachment": ATTACHMENT},
    "ledger.extract": {"month": "2026-11", "departments": ["trade1"], "rows": 5, "filename": ATTACHMENT["filename"],
                       "attachment": ATTACHMENT, "department": "trade1", "manager": "wang",
                       "due": "2026-12-03T17:30:00+08:00", "late": True,
                       "actions": [{"id": "ledger_sent", "value": "2026-11"}]},
    "chart.weekly": {"start": "2026-11-23", "end": "2026-11-29", "total": 14, "on_time_pct": 85.7, "late": False,
                     "attachment": {"path": "/srv/reports/weekly-2026-11-23.png", "filename": "weekly.png"}},
    "rank": {"ranking": {"month": "2026-11", "excluded_grey": 2, "reps": [SCORE, {**SCORE, "key": "zhou",
                                                                                  "median_minutes": None,
                                                                                  "on_time_pct": None}],
                         "departments": [{**SCORE, "key": "trade1"}]}},
    "error.bad_month_format": {"value": "2026-13"},
    "error.unknown_department": {"department": "sales", "choices": "trade1, trade2, trade3"},
    "refused.reports_only": {"action": "ledger", "id": None},
    "refused.ledger_scope": {"action": "ledger", "id": None},
    "demo.step": {"kind": "forward", "who": "李雷", "line": "Name: Ana\nTel: +55 11 98765-4321", "country": "BR"},
}


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(load_org(EXAMPLE_ORG))


@pytest.mark.parametrize("platform", ["shell", "slack", "telegram"])
@pytest.mark.parametrize("locale", ["zh-CN", "en"])
@pytest.mark.parametrize("key", sorted(SAMPLES))
def test_report_keys_render(renderer: Renderer, key: str, locale: str, platform: str) -> None:
    text = renderer.render(key, SAMPLES[key], locale=locale, platform=platform)  # type: ignore[arg-type]
    assert text.strip() and "None" not in text


def test_rank_and_extract_read_well(renderer: Renderer) -> None:
    rank = renderer.render("rank", SAMPLES["rank"], locale="zh-CN", platform="shell")
    assert "1. 张伟 · 处理 3 条 · 按时跟进 66.7%（2/3）· 首次跟进用时中位数（工作时间） 1小时35分" in rank
    assert "2. 周敏" in rank and "已确认标灰的 2 条询盘不参与排名" in rank
    extract = renderer.render("ledger.extract", SAMPLES["ledger.extract"], locale="en", platform="shell")
    assert "2026-12-03 17:30" in extract and "王芳" in extract and "/inq ledger sent 2026-11" in extract


@pytest.mark.parametrize("kind", ["intro", "forward", "command", "job", "done"])
def test_demo_steps(renderer: Renderer, kind: str) -> None:
    data = {"kind": kind, "who": "李雷", "line": "/inq rank", "job": "followup_sweep", "org_file": "org.example.yaml",
            "day": "2026-11-23", "timezone": "Asia/Shanghai", "inquiries": ["INQ-2026-000001"], "penalties": []}
    for locale in ("zh-CN", "en"):
        assert renderer.render("demo.step", data, locale=locale, platform="shell").strip()
