"""The org file loader: the example loads, and every kind of mistake is reported with its path and a fix."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.org.loader import OrgFileError, OrgProblem, check_org_file, load_org, parse_org
from bot.org.model import Penalties, Role, Schedule, WeeklyTime

EXAMPLE = Path(__file__).resolve().parents[2] / "org.example.yaml"
Data = dict[str, Any]


def example_data() -> Data:
    data: Data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    return data


def positions(data: Data) -> dict[str, int]:
    """Id -> list index over people, regions and departments (ids are unique across them in the example)."""
    sections = ("people", "regions", "departments")
    found = {entry["id"]: i for key in sections for i, entry in enumerate(data[key])}
    assert len(found) == sum(len(data[key]) for key in sections)
    return found


def problems_of(data: object, file: str = "org.yaml") -> tuple[OrgProblem, ...]:
    with pytest.raises(OrgFileError) as caught:
        parse_org(data, file)
    return caught.value.problems


# ---------------------------------------------------------------- the example file


def test_example_loads() -> None:
    org = load_org(EXAMPLE)
    assert org.timezone == "Asia/Shanghai"
    assert org.locale == "zh-CN"
    assert len(org.regions) >= 4
    assert len(org.departments) >= 2
    brazil = org.region_for_country("BR")
    assert brazil is not None
    assert brazil.id == "latam"
    assert [p.id for p in org.reps_of(brazil.department)] == ["zhang", "zhou", "wu"]
    assert [r.id for r in org.regions_of_specialist("li")] == ["latam"]
    assert [r.id for r in org.regions_of_specialist("zhao")] == ["mena", "cis"]
    assert org.intake.slack
    assert org.intake.telegram
    assert any(p.locale == "en" for p in org.people)
    assert any(p.has(Role.ADMIN) for p in org.people)
    assert all(p.slack or p.telegram for p in org.people)
    wu = org.person("wu")
    assert wu is not None
    away = wu.away_on(date(2026, 12, 5))
    assert away is not None
    assert away.delegate == "zhou"


def test_example_every_department_has_manager_and_two_reps() -> None:
    org = load_org(EXAMPLE)
    for department in org.departments:
        manager = org.person(department.manager)
        assert manager is not None
        assert manager.has(Role.MANAGER)
        assert len([p for p in org.reps_of(department.id) if p.active]) >= 2


def test_optional_sections_take_the_policy_defaults() -> None:
    data = example_data()
    for key in ("locale", "calendar", "assignment", "schedule", "penalties"):
        data.pop(key)
    data["channels"].pop("announce")
    org = parse_org(data, "org.yaml")
    assert (org.locale, org.calendar, org.assignment_strategy) == ("zh-CN", "cn", "round_robin")
    assert org.schedule == Schedule()
    assert org.penalties == Penalties()
    assert org.announce is None
    assert org.calendar_overrides == {}


def test_an_empty_section_means_the_defaults() -> None:
    data = example_data()
    data["schedule"] = None
    data["calendar_overrides"] = None
    assert parse_org(data, "org.yaml").schedule == Schedule()


def test_values_are_converted() -> None:
    data = example_data()
    data["calendar_overrides"] = {date(2027, 1, 2): "workday", "2027-01-04": "holiday"}
    data["schedule"] = {"counts": ["08:00", "12:00", "20:15"], "weekly_manager_table": "Thu 16:30"}
    data["penalties"] = {"P4": 0, "P6": {"split": {"manager": 60, "rep": 40}}}
    edit(data, {"people.wu.away": [{"from": "2026-12-01", "to": date(2026, 12, 3)}]})
    org = parse_org(data, "org.yaml")
    assert org.calendar_overrides == {date(2027, 1, 2): True, date(2027, 1, 4): False}
    assert org.schedule.counts == (time(8), time(12), time(20, 15))
    assert org.schedule.weekly_manager_table == WeeklyTime(3, time(16, 30))
    assert org.schedule.followup_due == Schedule().followup_due
    assert (org.penalties.p4, org.penalties.p6_split_manager, org.penalties.p6_split_rep) == (0, 60, 40)
    assert org.penalties.p1_4 == Penalties().p1_4
    wu = org.person("wu")
    assert wu is not None
    assert wu.away[0].start == date(2026, 12, 1)
    assert wu.away[0].end == date(2026, 12, 3)


def test_problem_render() -> None:
    problem = OrgProblem(
        "org.yaml",
        "people[3] (zhang).department",
        "department 'trade9' does not exist",
        "use one of trade1, trade2 or add it under departments",
    )
    assert problem.render() == (
        "org.yaml: people[3] (zhang).department: department 'trade9' does not exist. "
        "Fix: use one of trade1, trade2 or add it under departments."
    )


# ---------------------------------------------------------------- one mistake at a time

DROP = object()


def edit(data: Data, changes: dict[str, object]) -> None:
    """Apply `{"people.zhang.department": "x"}`: list steps name items by id or index, `+` appends, DROP deletes."""
    for dotted, value in changes.items():
        *steps, last = dotted.split(".")
        node: Any = data
        for step in steps:
            if isinstance(node, list):
                node = node[int(step)] if step.isdigit() else next(e for e in node if e["id"] == step)
            else:
                node = node[step]
        if last == "+":
            node.append(value)
        elif value is DROP:
            del node[last]
        else:
            node[last] = value


TRADE1_AGAIN = {"id": "trade1", "name": {"en": "T"}, "manager": "wang"}
SPLIT_110 = {"amount": 100, "split": {"manager": 80, "rep": 30}}

# id, edits, key path ({id} = list index of that id), message fragment, fix fragment
# fmt: off
CASES: list[tuple[str, dict[str, object], str, str, str]] = [
    ("unknown-key", {"people.zhang.department": DROP, "people.zhang.departmnet": "trade1"},
     "people[{zhang}] (zhang).departmnet", "unknown key 'departmnet'; did you mean 'department'?",
     "rename it to 'department'"),
    ("unknown-top-key", {"timezon": "UTC"}, "timezon", "did you mean 'timezone'?", "rename it"),
    ("missing-key", {"regions.latam.department": DROP}, "regions[{latam}] (latam).department",
     "required key 'department'", "department: trade1"),
    ("duplicate-person", {"people.lin.id": "he"}, "people[{lin}] (he).id", "already used by people[{he}]",
     "its own id"),
    ("duplicate-region", {"regions.africa.id": "europe"}, "regions[{africa}] (europe).id", "already used",
     "its own id"),
    ("duplicate-department", {"departments.+": TRADE1_AGAIN}, "departments[3] (trade1).id",
     "already used by departments[{trade1}]", "its own id"),
    ("region-department", {"regions.latam.department": "trade9"}, "regions[{latam}] (latam).department",
     "department 'trade9' does not exist", "add 'trade9' under departments"),
    ("region-specialist", {"regions.europe.specialist": "sunn"}, "regions[{europe}] (europe).specialist",
     "specialist 'sunn' does not exist", "did you mean 'sun'?"),
    ("department-manager", {"departments.trade2.manager": "nobody"}, "departments[{trade2}] (trade2).manager",
     "manager 'nobody' does not exist", "wang, chen or liu"),
    ("person-department", {"people.zhang.department": "trade9"}, "people[{zhang}] (zhang).department",
     "department 'trade9' does not exist", "trade1, trade2 or trade3"),
    ("away-delegate", {"people.wu.away.0.delegate": "nobody"}, "people[{wu}] (wu).away[0].delegate",
     "person 'nobody' does not exist", "add 'nobody' under people"),
    ("delegate-self", {"people.wu.away.0.delegate": "wu"}, "people[{wu}] (wu).away[0].delegate",
     "cannot cover for themselves", "colleague"),
    ("specialist-role", {"regions.latam.specialist": "zhang"}, "regions[{latam}] (latam).specialist",
     "'zhang' does not have the specialist role", "add specialist to the roles of 'zhang'"),
    ("manager-role", {"departments.trade1.manager": "li"}, "departments[{trade1}] (trade1).manager",
     "'li' does not have the manager role", "wang, chen or liu"),
    ("inactive-specialist", {"people.li.active": False}, "regions[{latam}] (latam).specialist", "has left",
     "choose an active specialist"),
    ("rep-without-department", {"people.zhang.department": DROP}, "people[{zhang}] (zhang).department",
     "a rep needs a department", "department: <id>"),
    ("no-identity", {"people.zhang.slack": DROP, "people.zhang.telegram": DROP}, "people[{zhang}] (zhang)",
     "no Slack or Telegram identity", "slack: U"),
    ("duplicate-identity", {"people.lin.slack": "U13HE"}, "people[{lin}] (lin).slack", "already used by 'he'",
     "their own id"),
    ("prefer-missing", {"people.zhou.prefer": "telegram"}, "people[{zhou}] (zhou).prefer", "no telegram id",
     "add their telegram id"),
    ("slack-user-id", {"people.zhou.slack": "C0ZHOU"}, "people[{zhou}] (zhou).slack", "not a Slack member id",
     "starts with U"),
    ("telegram-user-id", {"people.zhou.telegram": "100008"}, "people[{zhou}] (zhou).telegram",
     "not a Telegram user id", "positive number"),
    ("person-id-slug", {"people.zhou.id": "Zhou Min"}, "people[{zhou}] (Zhou Min).id", "not a valid id",
     "lowercase slug"),
    ("roles", {"people.zhou.roles": ["rep", "sales"]}, "people[{zhou}] (zhou).roles[1]",
     "'sales' is not a valid role", "specialist, rep, manager or admin"),
    ("timezone", {"timezone": "Asia/Shangai"}, "timezone", "unknown timezone 'Asia/Shangai'",
     "did you mean 'Asia/Shanghai'?"),
    ("locale", {"locale": "zh"}, "locale", "'zh' is not a valid locale", "zh-CN or en"),
    ("person-locale", {"people.emma.locale": "en-US"}, "people[{emma}] (emma).locale",
     "'en-US' is not a valid locale", "zh-CN or en"),
    ("region-name-locale", {"regions.latam.name": {"es": "Latinoamérica"}}, "regions[{latam}] (latam).name.es",
     "'es' is not a valid key", "zh-CN or en"),
    ("region-name-type", {"regions.latam.name": "拉美"}, "regions[{latam}] (latam).name",
     "expected a mapping of keys", "name: {zh-CN: 拉美, en: Latin America}"),
    ("country-unknown", {"regions.latam.countries.+": "XX"}, "regions[{latam}] (latam).countries[6]",
     "unknown country code 'XX'", "two-letter ISO"),
    ("country-lowercase", {"regions.latam.countries.+": "uy"}, "regions[{latam}] (latam).countries[6]",
     "lower case", "UY"),
    ("country-norway", {"regions.europe.countries.+": False}, "regions[{europe}] (europe).countries[8]",
     "read as 'false'", "'NO'"),
    ("country-twice", {"regions.mena.countries.+": "BR"}, "regions[{mena}] (mena).countries[9]",
     "BR is already in 'latam'", "exactly one region"),
    ("away-order", {"people.wu.away.0.from": date(2026, 12, 20)}, "people[{wu}] (wu).away[0]",
     "starts (2026-12-20) after it ends (2026-12-10)", "swap `from` and `to`"),
    ("away-date", {"people.wu.away.0.to": "2026-12-32"}, "people[{wu}] (wu).away[0].to", "not a real date",
     "YYYY-MM-DD"),
    ("calendar", {"calendar": "us"}, "calendar", "'us' is not a valid calendar", "cn or weekdays"),
    ("calendar-override", {"calendar_overrides": {date(2027, 1, 2): "work"}}, "calendar_overrides.2027-01-02",
     "'work' is not a valid day type", "did you mean 'workday'?"),
    ("calendar-override-date", {"calendar_overrides": {"2027-02-30": "holiday"}},
     "calendar_overrides.2027-02-30", "not a real date", "YYYY-MM-DD"),
    ("schedule-time", {"schedule.followup_due": "23.59"}, "schedule.followup_due", "not a time like",
     '"09:30"'),
    ("schedule-unquoted", {"schedule.followup_due": 600}, "schedule.followup_due", "read as the number 600",
     '"10:00"'),
    ("schedule-list-time", {"schedule.counts.2": "25:00"}, "schedule.counts[2]", "'25:00' is not a time",
     "24-hour"),
    ("schedule-counts-length", {"schedule.counts": ["09:30"]}, "schedule.counts", "at least 3 entries",
     "counts:"),
    ("weekly", {"schedule.weekly_rep_digest": "monday 10:00"}, "schedule.weekly_rep_digest",
     "not a weekly time", '"mon 10:00"'),
    ("no-active-reps", {"people.he.active": False, "people.lin.active": False},
     "departments[{trade3}] (trade3)", "department 'trade3' has no active reps", "roles: [rep]"),
    ("strategy", {"assignment.strategy": "random"}, "assignment.strategy",
     "'random' is not a valid assignment strategy", "round_robin or least_open"),
    ("penalty-negative", {"penalties.P4": -50}, "penalties.P4", "too small", "0 or more"),
    ("penalty-type", {"penalties.P7": "50"}, "penalties.P7", "expected a whole number", "whole number"),
    ("p6-split", {"penalties.P6": SPLIT_110}, "penalties.P6.split", "adds up to 110", "equal 100"),
    ("intake-empty", {"channels.intake": {}}, "channels.intake", "neither a slack nor a telegram id",
     "slack: C"),
    ("region-channel-empty", {"regions.latam.channel": {}}, "regions[{latam}] (latam).channel",
     "neither a slack nor a telegram id", "telegram: -100"),
    ("channel-id", {"channels.announce": {"slack": "U0NOTACHANNEL"}}, "channels.announce.slack",
     "not a Slack channel id", "starts with C"),
    ("channel-telegram", {"channels.announce": {"telegram": "-100123"}}, "channels.announce.telegram",
     "not a Telegram chat id", "without quotes"),
]
# fmt: on


@pytest.mark.parametrize(
    ("changes", "path", "message", "fix"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_each_mistake_is_reported(changes: dict[str, object], path: str, message: str, fix: str) -> None:
    data = example_data()
    where = positions(data)
    edit(data, changes)
    path, message = path.format(**where), message.format(**where)
    problems = problems_of(data)
    assert [p.path for p in problems] == [path], [p.render() for p in problems]
    (problem,) = problems
    assert message in problem.message
    assert fix in problem.fix
    rendered = problem.render()
    assert rendered.startswith(f"org.yaml: {path}: ")
    assert f"Fix: {problem.fix}" in rendered


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(None, "the file is empty", id="empty"),
        pytest.param(["timezone"], "must be a mapping of keys, not a list", id="list"),
        pytest.param("timezone: UTC", "must be a mapping of keys, not the text", id="text"),
    ],
)
def test_a_file_that_is_not_a_mapping(data: object, message: str) -> None:
    (problem,) = problems_of(data, "conf/org.yaml")
    assert problem.path == ""
    assert message in problem.message
    assert problem.render().startswith(f"conf/org.yaml: {problem.message}")


def test_all_shape_problems_are_reported_together() -> None:
    data = example_data()
    where = positions(data)
    data["timezone"] = "Mars/Olympus"
    edit(data, {"people.zhang.department": DROP, "people.zhang.departmnet": "trade1"})
    edit(data, {"people.li.roles": ["specialst"]})
    data["penalties"]["P4"] = -1
    paths = {p.path for p in problems_of(data)}
    assert paths == {
        "timezone",
        f"people[{where['zhang']}] (zhang).departmnet",
        f"people[{where['li']}] (li).roles[0]",
        "penalties.P4",
    }


def test_all_reference_problems_are_reported_together() -> None:
    data = example_data()
    where = positions(data)
    edit(data, {"regions.latam.department": "trade9", "departments.trade2.manager": "zhang"})
    edit(data, {"people.huang.department": "trade7", "regions.mena.countries.+": "BR"})
    data["penalties"]["P6"] = {"split": {"manager": 50, "rep": 20}}
    paths = {p.path for p in problems_of(data)}
    assert paths == {
        f"regions[{where['latam']}] (latam).department",
        f"departments[{where['trade2']}] (trade2).manager",
        f"people[{where['huang']}] (huang).department",
        f"regions[{where['mena']}] (mena).countries[9]",
        "penalties.P6.split",
    }


# ---------------------------------------------------------------- real files


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "org.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("  intake:"))
    lines[number] = "  intake: {slack: C0INTAKE, telegram: -1001000000001"
    path = _write(tmp_path, "\n".join(lines))
    org, problems = check_org_file(path)
    assert org is None
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}: line {number + 2}, column ")
    assert "the YAML is not valid" in problems[0]
    assert "Fix: " in problems[0]


def test_duplicate_key_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "timezone: Asia/Shanghai\nlocale: en\ntimezone: UTC\n")
    with pytest.raises(OrgFileError) as caught:
        load_org(path)
    (problem,) = caught.value.problems
    assert problem.path == "line 3, column 1"
    assert "duplicate key 'timezone'" in problem.message


def test_tabs_are_explained(tmp_path: Path) -> None:
    path = _write(tmp_path, "timezone: Asia/Shanghai\nchannels:\n\tintake: {slack: C0INTAKE}\n")
    (problem,) = _load_problems(path)
    assert problem.path.startswith("line 3")
    assert "spaces, not tabs" in problem.fix


def test_unquoted_yaml_values_are_explained(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace('followup_due: "23:59"', "followup_due: 23:59")
    text = text.replace("[DE, FR, IT, ES, GB, PL, NL, TR]", "[DE, FR, IT, ES, GB, PL, NL, TR, NO]")
    problems = {p.path: p for p in _load_problems(_write(tmp_path, text))}
    assert problems["schedule.followup_due"].fix == 'put it in quotes: "23:59"'
    europe = positions(example_data())["europe"]
    assert "'NO'" in problems[f"regions[{europe}] (europe).countries[8]"].fix


def test_check_org_file(tmp_path: Path) -> None:
    org, problems = check_org_file(EXAMPLE)
    assert org is not None
    assert problems == []
    data = example_data()
    edit(data, {"people.zhang.department": "trade9"})
    org, problems = check_org_file(_write(tmp_path, yaml.safe_dump(data, allow_unicode=True)))
    assert org is None
    assert len(problems) == 1
    assert "(zhang).department: department 'trade9' does not exist. Fix: " in problems[0]


def test_missing_file(tmp_path: Path) -> None:
    (problem,) = _load_problems(tmp_path / "nowhere.yaml")
    assert "cannot read the file" in problem.message
    assert "org.example.yaml" in problem.fix


def test_error_text_lists_every_problem() -> None:
    data = example_data()
    data["calendar"] = "us"
    data["locale"] = "fr"
    with pytest.raises(OrgFileError, match=r"2 problem\(s\)") as caught:
        parse_org(data, "org.yaml")
    assert "org.yaml: calendar:" in str(caught.value)
    assert "org.yaml: locale:" in str(caught.value)


def _load_problems(path: Path) -> tuple[OrgProblem, ...]:
    with pytest.raises(OrgFileError) as caught:
        load_org(path)
    return caught.value.problems
