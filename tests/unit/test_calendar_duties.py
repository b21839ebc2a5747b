"""The calendar the bot applies (issue 10): the official 2026 arrangement, override ranges, and duties that
never fall on a day off."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from bot.cli.calendar import render
from bot.org.loader import check_org_file, load_org
from bot.rules.calendar import WorkCalendar, missing_years, year_summary, years_to_check
from bot.rules.slots import latest_slot, slots_between
from tests.conftest import EXAMPLE_ORG, SHANGHAI, local

CN = WorkCalendar("cn")

# State Council notice on the 2026 holidays (国办发明电〔2025〕7号), checked against chinesecalendar's data.
OFFICIAL_2026 = [
    (date(2026, 1, 1), date(2026, 1, 3)), (date(2026, 2, 15), date(2026, 2, 23)), (date(2026, 4, 4), date(2026, 4, 6)),
    (date(2026, 5, 1), date(2026, 5, 5)), (date(2026, 6, 19), date(2026, 6, 21)),
    (date(2026, 9, 25), date(2026, 9, 27)), (date(2026, 10, 1), date(2026, 10, 7)),
]
MAKEUP_2026 = [date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28), date(2026, 5, 9), date(2026, 9, 20),
               date(2026, 10, 10)]


def test_calendar_show_2026_matches_the_official_arrangement() -> None:
    summary = year_summary(CN, 2026)
    assert summary.coverage == "statutory"
    assert [(r.first, r.last) for r in summary.holidays] == OFFICIAL_2026
    assert list(summary.makeup_days) == MAKEUP_2026
    october = summary.months[9]
    assert october == (10, date(2026, 10, 10), date(2026, 10, 30))  # the make-up Saturday is the 3rd working day
    text = "\n".join(render(summary))
    assert "2026-10-01..2026-10-07  National Day (7 days)" in text and "2026-10-10 Sat" in text


def test_2027_is_guessed_until_overrides_cover_it(tmp_path: object) -> None:
    assert CN.coverage(2027) == "fallback"
    assert missing_years(CN, years_to_check(date(2026, 12, 3))) == [2027]
    assert years_to_check(date(2026, 11, 30)) == (2026,)
    covered = WorkCalendar("cn", {date(2027, 1, 1): False})
    assert covered.coverage(2027) == "overrides"


def test_override_ranges_in_the_org_file(tmp_path: pytest.TempPathFactory) -> None:
    data = yaml.safe_load(EXAMPLE_ORG.read_text(encoding="utf-8"))
    data["calendar_overrides"] = {"2027-01-01..2027-01-03": "holiday", "2027-01-04": "workday"}
    path = tmp_path / "org.yaml"  # type: ignore[operator]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    org = load_org(path)
    assert org.calendar_overrides == {date(2027, 1, 1): False, date(2027, 1, 2): False, date(2027, 1, 3): False,
                                      date(2027, 1, 4): True}
    data["calendar_overrides"] = {"2027-01-03..2027-01-01": "holiday"}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _, problems = check_org_file(path)
    assert problems and "ends before it starts" in problems[0]


@pytest.mark.parametrize("job", ["weekly_manager_table", "weekly_rep_digest", "weekly_chart", "crm_audit",
                                 "followup_sweep", "followup_reminders", "crm_reminders", "transfer_check",
                                 "deals_daily_prompt", "ledger_extracts", "calendar_check"])
def test_no_duty_falls_on_a_day_off_around_national_day(job: str) -> None:
    org = load_org(EXAMPLE_ORG)
    slots = slots_between(job, local(2026, 9, 20), local(2026, 11, 8), SHANGHAI, org.schedule, CN)
    assert slots and all(CN.is_workday(s.date()) for s in slots), [s for s in slots if not CN.is_workday(s.date())]


def test_weekly_duties_move_to_the_next_working_day() -> None:
    org = load_org(EXAMPLE_ORG)
    tables = slots_between("weekly_manager_table", local(2026, 9, 20), local(2026, 10, 17), SHANGHAI, org.schedule, CN)
    # Friday 25 September is Mid-Autumn, Friday 2 October National Day: those tables come on the first working
    # day after (Monday 28 September, Thursday 8 October)
    assert [s.date() for s in tables] == [date(2026, 9, 28), date(2026, 10, 8), date(2026, 10, 9),
                                          date(2026, 10, 16)]
    digests = slots_between("weekly_rep_digest", local(2026, 9, 27), local(2026, 10, 13), SHANGHAI, org.schedule, CN)
    assert [s.date() for s in digests] == [date(2026, 9, 28), date(2026, 10, 8), date(2026, 10, 12)]
    audit = latest_slot("crm_audit", local(2026, 10, 9, 12, 0), SHANGHAI, org.schedule, CN)
    assert audit is not None and audit.date() == date(2026, 10, 8)  # first Friday 2 October was a holiday
