"""`inquirybot calendar show YEAR` and the missing-year warning of `inquirybot org check` (issue 10)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from bot.rules.calendar import WorkCalendar, missing_years
from tests.conftest import EXAMPLE_ORG
from tests.scenarios.test_cli_shell import inquirybot


def test_calendar_show_prints_the_2026_arrangement(tmp_path: Path) -> None:
    shown = inquirybot(["calendar", "show", "2026"], tmp_path)
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0] == "Calendar 2026: State Council arrangement (chinesecalendar package)"
    assert "  2026-02-15..2026-02-23  Spring Festival (9 days)" in lines
    assert "  2026-10-10 Sat" in lines and "  2026-09-20 Sun" in lines
    assert "  10   2026-10-10 Sat    2026-10-30 Fri" in lines


def test_org_check_warns_of_a_year_without_holiday_data(tmp_path: Path) -> None:
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    expected = missing_years(WorkCalendar("cn"), (today.year, today.year + 1))
    checked = inquirybot(["org", "check", str(EXAMPLE_ORG)], tmp_path)
    assert checked.returncode == 0, checked.stderr
    for year in expected:  # in December 2026: 2027, which chinesecalendar does not have yet
        assert f"no statutory holiday data for {year} and no overrides" in checked.stderr
        assert f"{year}-01-01..{year}-01-03: holiday" in checked.stderr

    data = yaml.safe_load(EXAMPLE_ORG.read_text(encoding="utf-8"))
    data["calendar_overrides"] = {f"{y}-01-01..{y}-01-03": "holiday" for y in (today.year, today.year + 1)}
    covered = tmp_path / "org.yaml"
    covered.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    quiet = inquirybot(["org", "check", str(covered)], tmp_path)
    assert quiet.returncode == 0 and "no statutory holiday data" not in quiet.stderr
