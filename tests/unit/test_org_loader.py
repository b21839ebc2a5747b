"""The org file loader: the example loads, and every kind of mistake is reported with its path and a fix."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.org.loader import OrgFileError, OrgProblem, check_org_file, load_org, parse_org
from bot.org.model import Own, Penalties, Role, Schedule, WeeklyTime

EXAMPLE = Path(__file__).resolve().parents[2] / "org.example.yaml"
Data = dict[str, Any]


def example_data() -> Data:
    data: Data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    return data


SECTIONS = ("people", "regions", "departments")
DROP = object()


def find(data: Data, ident: str) -> tuple[str, int]:
    """The section and list index of the person, region or department with this id."""
    return next((key, i) for key in SECTIONS for i, entry in enumerate(data[key]) if entry["id"] == ident)


def problems_of(data: object, file: str = "org.yaml") -> tuple[OrgProblem, ...]:
    """The problems `load_org` (given a Path) or `parse_org` (given data) reports."""
    with pytest.raises(OrgFileError) as caught:
        load_org(data) if isinstance(data, Path) else parse_org(data, file)
    return caught.value.problems


def edit(data: Data, changes: dict[str, object]) -> None:
    """Apply `{"zhang.department": "x"}`: a first step may be an id, `+` appends, DROP deletes."""
    for dotted, value in changes.items():
        *steps, last = dotted.split(".")
        node: Any = data
        if steps and steps[0] not in data:
            section, index = find(data, steps[0])
            node, steps = data[section][index], steps[1:]
        for step in steps:
            node = node[int(step)] if isinstance(node, list) else node[step]
        if last == "+":
            node.append(value)
        elif value is DROP:
            node.pop(last, None)
        else:
            node[int(last) if isinstance(node, list) else last] = value


def full_path(short: str, before: Data, after: Data) -> str:
    """`zhang.department` -> `people[6] (zhang).department`, labelled by the id the item has `after` edits."""
    head, _, rest = short.partition(".")
    if head in after or "[" in head:
        return short
    section, index = find(before, head)
    label = f"{section}[{index}] ({after[section][index]['id']})"
    return f"{label}.{rest}" if rest else label


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
    assert org.intake.on("slack")
    assert org.intake.on("telegram")
    assert any(p.locale == "en" for p in org.people)
    assert any(p.has(Role.ADMIN) for p in org.people)
    assert all(p.on("slack") or p.on("telegram") for p in org.people)
    wu = org.person("wu")
    assert wu is not None
    away = wu.away_on(date(2026, 12, 5))
    assert away is not None
    assert away.delegate == "zhou"
    for department in org.departments:
        assert len([p for p in org.reps_of(department.id) if p.active]) >= 2


@pytest.mark.parametrize("empty", [DROP, None], ids=["left-out", "left-empty"])
def test_optional_sections_take_the_policy_defaults(empty: object) -> None:
    data = example_data()
    optional = ["locale", "calendar", "calendar_overrides", "assignment", "schedule", "penalties", "own"]
    edit(data, dict.fromkeys([*optional, "channels.announce"], empty))
    org = parse_org(data, "org.yaml")
    assert (org.locale, org.calendar, org.assignment_strategy) == ("zh-CN", "cn", "round_robin")
    assert org.schedule == Schedule()
    assert org.penalties == Penalties()
    assert org.announce is None
    assert org.calendar_overrides == {}
    assert org.own == Own(frozenset(), frozenset(), "CN")


def test_own_side_is_read_in_e164() -> None:
    data = example_data()
    data["own"] = {"domains": ["Sino-Instruments.com", "@sinoinst.cn"], "phones": ["+86 21 5888 8899"]}
    org = parse_org(data, "org.yaml")
    assert org.own.domains == {"sino-instruments.com", "sinoinst.cn"}
    assert org.own.phones == {"+862158888899"}
    assert org.own.home_country == "CN"


def test_values_are_converted() -> None:
    data = example_data()
    data["calendar_overrides"] = {date(2027, 1, 2): "workday", "2027-01-04": "holiday"}
    data["schedule"] = {"counts": ["08:00", "12:00", "20:15"], "weekly_manager_table": "Thu 16:30"}
    data["penalties"] = {"P4": 0, "P6": {"split": {"manager": 60, "rep": 40}}}
    edit(data, {"wu.away": [{"from": "2026-12-01", "to": date(2026, 12, 3)}]})
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

TRADE1_AGAIN = {"id": "trade1", "name": {"en": "T"}, "manager": "wang"}

# id, edits, key path (`zhang.x` = people[i] (zhang).x), message fragment, fix fragment
# fmt: off
CASES: list[tuple[str, dict[str, object], str, str, str]] = [
    ("unknown-key", {"zhang.department": DROP, "zhang.departmnet": "trade1"}, "zhang.departmnet",
     "unknown key 'departmnet'; did you mean 'department'?", "rename it to 'department'"),
    ("unknown-top-key", {"timezon": "UTC"}, "timezon", "did you mean 'timezone'?", "rename it"),
    ("missing-key", {"latam.department": DROP}, "latam.department", "required key", "department: trade1"),
    ("duplicate-person", {"lin.id": "he"}, "lin.id", "already used by people[", "its own id"),
    ("duplicate-region", {"africa.id": "europe"}, "africa.id", "already used by regions[", "its own id"),
    ("duplicate-department", {"departments.+": TRADE1_AGAIN}, "departments[3] (trade1).id",
     "already used by departments[0]", "its own id"),
    ("region-department", {"latam.department": "trade9"}, "latam.department",
     "department 'trade9' does not exist", "add 'trade9' under departments"),
    ("region-specialist", {"europe.specialist": "sunn"}, "europe.specialist",
     "specialist 'sunn' does not exist", "did you mean 'sun'?"),
    ("department-manager", {"trade2.manager": "nobody"}, "trade2.manager", "manager 'nobody' does not exist",
     "wang, chen or liu"),
    ("person-department", {"zhang.department": "trade9"}, "zhang.department", "'trade9' does not exist",
     "trade1, trade2 or trade3"),
    ("away-delegate", {"wu.away.0.delegate": "nobody"}, "wu.away[0].delegate", "'nobody' does not exist",
     "add 'nobody' under people"),
    ("delegate-self", {"wu.away.0.delegate": "wu"}, "wu.away[0].delegate", "cover for themselves", "colleague"),
    ("delegate-role", {"wu.away.0.delegate": "li"}, "wu.away[0].delegate", "'li' does not share a role with 'wu'",
     "zhang, zhou"),
    ("specialist-role", {"latam.specialist": "zhang"}, "latam.specialist", "'zhang' does not have the specialist",
     "add specialist to the roles of 'zhang'"),
    ("manager-role", {"trade1.manager": "li"}, "trade1.manager", "'li' does not have the manager role",
     "wang, chen or liu"),
    ("inactive-specialist", {"li.active": False}, "latam.specialist", "has left", "choose an active specialist"),
    ("rep-without-department", {"zhang.department": DROP}, "zhang.department", "a rep needs a department",
     "department: <id>"),
    ("no-identity", {"zhang.slack": DROP, "zhang.telegram": DROP}, "zhang", "no Slack or Telegram",
     "slack: U"),
    ("duplicate-identity", {"lin.slack": "U13HE"}, "lin.slack", "already used by 'he'", "their own id"),
    ("prefer-missing", {"zhou.prefer": "telegram"}, "zhou.prefer", "no telegram id", "add their telegram id"),
    ("slack-user-id", {"zhou.slack": "C0ZHOU"}, "zhou.slack", "not a Slack member id", "starts with U"),
    ("telegram-user-id", {"zhou.telegram": "100008"}, "zhou.telegram", "not a Telegram user id", "positive"),
    ("person-id-slug", {"zhou.id": "Zhou Min"}, "zhou.id", "not a valid id", "lowercase slug"),
    ("roles", {"zhou.roles.+": "sales"}, "zhou.roles[1]", "'sales' is not a valid role", "rep, manager or admin"),
    ("timezone", {"timezone": "Asia/Shangai"}, "timezone", "unknown timezone", "did you mean 'Asia/Shanghai'?"),
    ("locale", {"locale": "zh"}, "locale", "'zh' is not a valid locale", "zh-CN or en"),
    ("person-locale", {"emma.locale": "en-US"}, "emma.locale", "'en-US' is not a valid locale", "zh-CN or en"),
    ("name-locale", {"latam.name": {"es": "Latam"}}, "latam.name.es", "'es' is not a valid key", "zh-CN or en"),
    ("name-type", {"latam.name": "拉美"}, "latam.name", "expected a mapping", "{zh-CN: 拉美, en: Latin America}"),
    ("country-unknown", {"latam.countries.+": "XX"}, "latam.countries[6]", "unknown country code 'XX'", "ISO"),
    ("country-lowercase", {"latam.countries.+": "uy"}, "latam.countries[6]", "lower case", "UY"),
    ("country-norway", {"europe.countries.+": False}, "europe.countries[8]", "read as 'false'", "'NO'"),
    ("country-twice", {"mena.countries.+": "BR"}, "mena.countries[9]", "BR is already in 'latam'", "one region"),
    ("away-order", {"wu.away.0.from": date(2026, 12, 20)}, "wu.away[0]",
     "starts (2026-12-20) after it ends (2026-12-10)", "swap `from` and `to`"),
    ("away-date", {"wu.away.0.to": "2026-12-32"}, "wu.away[0].to", "not a real date", "YYYY-MM-DD"),
    ("calendar", {"calendar": "us"}, "calendar", "'us' is not a valid calendar", "cn or weekdays"),
    ("override-kind", {"calendar_overrides": {date(2027, 1, 2): "work"}}, "calendar_overrides.2027-01-02",
     "'work' is not a valid day type", "did you mean 'workday'?"),
    ("override-date", {"calendar_overrides": {"2027-02-30": "holiday"}}, "calendar_overrides.2027-02-30",
     "not a real date", "YYYY-MM-DD"),
    ("time", {"schedule.followup_due": "23.59"}, "schedule.followup_due", "not a time like", '"09:30"'),
    ("time-unquoted", {"schedule.followup_due": 600}, "schedule.followup_due", "the number 600", '"10:00"'),
    ("time-in-list", {"schedule.counts.2": "25:00"}, "schedule.counts[2]", "'25:00' is not a time", "24-hour"),
    ("counts-length", {"schedule.counts": ["09:30"]}, "schedule.counts", "at least 3 entries", "counts: ["),
    ("weekly", {"schedule.weekly_rep_digest": "monday 10:00"}, "schedule.weekly_rep_digest",
     "not a weekly time", '"mon 10:00"'),
    ("no-active-reps", {"he.active": False, "lin.active": False}, "trade3", "'trade3' has no active reps",
     "roles: [rep]"),
    ("strategy", {"assignment.strategy": "random"}, "assignment.strategy", "'random' is not a valid assignment",
     "round_robin or least_open"),
    ("penalty-negative", {"penalties.P4": -50}, "penalties.P4", "too small", "0 or more"),
    ("penalty-type", {"penalties.P7": "50"}, "penalties.P7", "expected a whole number", "whole number"),
    ("p6-split", {"penalties.P6.split.rep": 30}, "penalties.P6.split", "adds up to 110", "equal 100"),
    ("intake-empty", {"channels.intake": {}}, "channels.intake", "neither a slack nor a telegram", "slack: C"),
    ("region-channel-empty", {"latam.channel": {}}, "latam.channel", "neither a slack nor", "telegram: -100"),
    ("channel-slack", {"channels.announce.slack": "U0X"}, "channels.announce.slack", "not a Slack channel",
     "starts with C"),
    ("channel-telegram", {"channels.announce.telegram": "-100"}, "channels.announce.telegram",
     "not a Telegram chat id", "without quotes"),
    ("own-domain", {"own.domains.+": "sales@acme"}, "own.domains[1]", "not an e-mail domain", "after '@'"),
    ("own-phone-local", {"own.phones.+": "021 5888 8888"}, "own.phones[1]", "not an international",
     '"+86 21 5888 8888"'),
    ("own-phone-invalid", {"own.phones.+": "+86 123"}, "own.phones[1]", "not a valid phone", "country code"),
    ("own-home-country", {"own.home_country": "China"}, "own.home_country", "unknown country code", "ISO"),
]
# fmt: on


@pytest.mark.parametrize(
    ("changes", "path", "message", "fix"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_each_mistake_is_reported(changes: dict[str, object], path: str, message: str, fix: str) -> None:
    data = example_data()
    edit(data, changes)
    path = full_path(path, example_data(), data)
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
    edit(data, {"timezone": "Mars/Olympus", "zhang.department": DROP, "zhang.departmnet": "trade1"})
    edit(data, {"li.roles": ["specialst"], "penalties.P4": -1})
    with pytest.raises(OrgFileError, match=r"4 problem\(s\)") as caught:
        parse_org(data, "org.yaml")
    assert "org.yaml: timezone: " in str(caught.value)
    paths = {p.path for p in caught.value.problems}
    expected = ("timezone", "zhang.departmnet", "li.roles[0]", "penalties.P4")
    assert paths == {full_path(short, data, data) for short in expected}


def test_all_reference_problems_are_reported_together() -> None:
    data = example_data()
    edit(data, {"latam.department": "trade9", "trade2.manager": "zhang", "huang.department": "trade7"})
    edit(data, {"mena.countries.+": "BR", "penalties.P6.split.manager": 50})
    paths = {p.path for p in problems_of(data)}
    expected = ("latam.department", "trade2.manager", "huang.department", "mena.countries[9]", "penalties.P6.split")
    assert paths == {full_path(short, data, data) for short in expected}


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


@pytest.mark.parametrize(
    ("text", "where", "message", "fix"),
    [
        ("timezone: UTC\nlocale: en\ntimezone: UTC\n", "line 3, column 1", "duplicate key 'timezone'", "only one"),
        ("timezone: UTC\nchannels:\n\tintake: {}\n", "line 3, column 1", "'\\t'", "spaces, not tabs"),
    ],
    ids=["duplicate-key", "tab"],
)
def test_broken_yaml(tmp_path: Path, text: str, where: str, message: str, fix: str) -> None:
    (problem,) = problems_of(_write(tmp_path, text))
    assert (problem.path, problem.file) == (where, str(tmp_path / "org.yaml"))
    assert message in problem.message
    assert fix in problem.fix


def test_unquoted_yaml_values_are_explained(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace('followup_due: "23:59"', "followup_due: 23:59")
    text = text.replace("[DE, FR, IT, ES, GB, PL, NL, TR]", "[DE, FR, IT, ES, GB, PL, NL, TR, NO]")
    problems = {p.path: p for p in problems_of(_write(tmp_path, text))}
    assert problems["schedule.followup_due"].fix == 'put it in quotes: "23:59"'
    assert "'NO'" in problems[full_path("europe.countries[8]", example_data(), example_data())].fix


def test_check_org_file(tmp_path: Path) -> None:
    org, problems = check_org_file(EXAMPLE)
    assert org is not None
    assert problems == []
    data = example_data()
    edit(data, {"zhang.department": "trade9"})
    org, problems = check_org_file(_write(tmp_path, yaml.safe_dump(data, allow_unicode=True)))
    assert org is None
    assert len(problems) == 1
    assert "(zhang).department: department 'trade9' does not exist. Fix: " in problems[0]


def test_missing_file(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path / "nowhere.yaml")
    assert "cannot read the file" in problem.message
    assert "org.example.yaml" in problem.fix


def test_working_hours_are_checked(tmp_path: Path) -> None:


    text = EXAMPLE.read_text(encoding="utf-8").replace(
        'working_hours: {start: "08:30", end: "17:30", lunch: ["12:00", "13:00"]}',
        'working_hours: {start: "08:30", end: "17:30", lunch: ["13:00", "12:00"]}')
    bad = tmp_path / "org.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(OrgFileError) as raised:
        load_org(bad)
    assert "working_hours" in str(raised.value) and "lunch" in str(raised.value)
