"""Load the org file (SPEC section 3): YAML, then shape (schema), then meaning (checks), then the model."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from bot.org.checks import find_problems
from bot.org.model import (
    AwayPeriod,
    Channel,
    Department,
    Locale,
    Org,
    Own,
    Penalties,
    Person,
    Region,
    Role,
    Schedule,
    WorkdayTime,
    WorkingHours,
)
from bot.org.problems import OrgFileError, OrgProblem
from bot.org.schema import ChannelSchema, OrgSchema, PenaltiesSchema, PersonSchema, ScheduleSchema
from bot.org.translate import translate

__all__ = ["OrgFileError", "OrgProblem", "check_org_file", "load_org", "org_from_text", "parse_org"]


class _OrgYamlLoader(yaml.SafeLoader):
    """SafeLoader that rejects duplicate keys, which PyYAML would otherwise silently overwrite."""


class _FastOrgYamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same on libyaml (when PyYAML has it): ten times faster, and every CLI call reads the org file.
    A file it rejects is read again by `_OrgYamlLoader`, whose messages the problem list words."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[object] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if isinstance(key, Hashable) and key in seen:
            raise yaml.constructor.ConstructorError(
                "while reading a mapping",
                node.start_mark,
                f"found duplicate key '{key}'",
                key_node.start_mark,
            )
        seen.add(key)
    return loader.construct_mapping(node)


_OrgYamlLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_FastOrgYamlLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_org(path: Path) -> Org:
    """Read, validate and build the org file at `path`; raises OrgFileError listing every problem found."""
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        fix = "pass the path of the org file; copy org.example.yaml to start one"
        raise OrgFileError([OrgProblem(file, "", f"cannot read the file ({err})", fix)]) from None
    return org_from_text(text, file)


def org_from_text(text: str, file: str) -> Org:
    """Parse, validate and build the org file's text (named `file` in messages)."""
    try:
        data = yaml.load(text, Loader=_FastOrgYamlLoader)  # a SafeLoader subclass
    except yaml.YAMLError:
        try:
            data = yaml.load(text, Loader=_OrgYamlLoader)
        except yaml.YAMLError as err:
            raise OrgFileError([_yaml_problem(err, file)]) from None
    return parse_org(data, file)


def parse_org(data: object, file: str) -> Org:
    """Validate already-parsed YAML `data` (named `file` in messages) and build the Org."""
    if data is None:
        fix = "fill it in; org.example.yaml shows every section"
        raise OrgFileError([OrgProblem(file, "", "the file is empty", fix)])
    try:
        schema = OrgSchema.model_validate(data)
    except ValidationError as err:
        raise OrgFileError(translate(err, data, file, OrgSchema)) from None
    problems = find_problems(schema, data, file)
    if problems:
        raise OrgFileError(problems)
    return _build(schema)


def check_org_file(path: Path) -> tuple[Org | None, list[str]]:
    """For `inquirybot org check`: the Org when valid, else None and one rendered line per problem."""
    try:
        return load_org(path), []
    except OrgFileError as err:
        return None, [problem.render() for problem in err.problems]


def _yaml_problem(err: yaml.YAMLError, file: str) -> OrgProblem:
    """A YAML syntax error as one problem pointing at its line."""
    mark = err.problem_mark if isinstance(err, yaml.MarkedYAMLError) else None
    problem = (err.problem if isinstance(err, yaml.MarkedYAMLError) else None) or str(err)
    where = f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    if "duplicate key" in problem:
        fix = "keep only one of the two keys"
    elif "\\t" in problem or "\t" in problem:
        fix = "indent with spaces, not tabs"
    else:
        fix = "check the indentation, colons and quotes on this line and the one above"
    return OrgProblem(file, where, f"the YAML is not valid: {problem}", fix)


def _channel(schema: ChannelSchema | None) -> Channel | None:
    return None if schema is None else Channel(ids=schema.ids)


def _names(names: Mapping[Locale, str]) -> dict[str, str]:
    return {str(locale): name for locale, name in names.items()}


def _person(schema: PersonSchema) -> Person:
    return Person(
        id=schema.id,
        name=schema.name,
        roles=frozenset(Role(role) for role in schema.roles),
        ids=schema.ids,
        department=schema.department,
        active=schema.active,
        away=tuple(AwayPeriod(a.start, a.end, a.delegate) for a in schema.away),
        locale=schema.locale,
        prefer=schema.prefer,
    )


def _schedule(s: ScheduleSchema) -> Schedule:
    return Schedule(
        counts=(s.counts[0], s.counts[1], s.counts[2]),
        followup_due=s.followup_due,
        followup_cutoff=s.followup_cutoff,
        followup_reminders=tuple(s.followup_reminders),
        deals_daily_due=s.deals_daily_due,
        deals_daily_prompts=tuple(s.deals_daily_prompts),
        deals_monthly_due=s.deals_monthly_due,
        ledger_due=WorkdayTime(s.ledger_due.workday, s.ledger_due.time),
        weekly_rep_digest=s.weekly_rep_digest,
        weekly_manager_table=s.weekly_manager_table,
        working_hours=WorkingHours(s.working_hours.start, s.working_hours.end,
                                   (s.working_hours.lunch[0], s.working_hours.lunch[1]) if s.working_hours.lunch
                                   else None),
    )


def _penalties(p: PenaltiesSchema) -> Penalties:
    return Penalties(
        p1_3=p.p1_3,
        p1_4=p.p1_4,
        p4=p.p4,
        p5=p.p5,
        p6=p.p6.amount,
        p6_split_manager=p.p6.split.manager,
        p6_split_rep=p.p6.split.rep,
        p7=p.p7,
    )


def _build(schema: OrgSchema) -> Org:
    intake = schema.channels.intake
    return Org(
        timezone=schema.timezone,
        locale=schema.locale,
        calendar=schema.calendar,
        calendar_overrides={
            first + timedelta(days=n): kind == "workday"
            for (first, last), kind in schema.calendar_overrides.items() for n in range((last - first).days + 1)
        },
        intake=Channel(ids=intake.ids),
        announce=_channel(schema.channels.announce),
        regions=tuple(
            Region(r.id, _names(r.name), frozenset(r.countries), r.department, r.specialist, _channel(r.channel))
            for r in schema.regions
        ),
        departments=tuple(Department(d.id, _names(d.name), d.manager) for d in schema.departments),
        people=tuple(_person(p) for p in schema.people),
        assignment_strategy=schema.assignment.strategy,
        schedule=_schedule(schema.schedule),
        penalties=_penalties(schema.penalties),
        own=Own(frozenset(schema.own.domains), frozenset(schema.own.phones), schema.own.home_country),
    )
