"""Turn pydantic validation errors into OrgProblems an admin can act on."""

from __future__ import annotations

import re
import types
from collections.abc import Callable
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from bot.org.problems import Loc, OrgProblem, closest, format_path, listing

Explanation = tuple[str, str]

_HINTS: dict[str, str] = {
    "timezone": "timezone: Asia/Shanghai",
    "channels": "channels: {intake: {slack: C0INTAKE}}",
    "channels.intake": "intake: {slack: C0INTAKE, telegram: -1001000000001}",
    "channels.announce": "announce: {slack: C0ANNOUNCE}",
    "calendar_overrides": "calendar_overrides: {2027-01-01..2027-01-03: holiday, 2027-01-04: workday}",
    "regions[]": "- {id: latam, name: {en: Latin America}, countries: [BR], department: trade1, specialist: li}",
    "departments[]": "- {id: trade1, name: {zh-CN: 贸易一部}, manager: wang}",
    "people[]": "- {id: zhang, name: 张伟, roles: [rep], department: trade1, slack: U07ZHANG}",
    "regions[].id": "id: latam",
    "regions[].name": "name: {zh-CN: 拉美, en: Latin America}",
    "regions[].countries": "countries: [BR, MX, AR]",
    "regions[].department": "department: trade1",
    "regions[].specialist": "specialist: li",
    "regions[].channel": "channel: {slack: C0LATAM, telegram: -1001000000002}",
    "departments[].id": "id: trade1",
    "departments[].name": "name: {zh-CN: 贸易一部, en: Trade Dept 1}",
    "departments[].manager": "manager: wang",
    "people[].id": "id: zhang",
    "people[].name": "name: 张伟",
    "people[].roles": "roles: [rep]",
    "people[].active": "active: false",
    "people[].away": "away: [{from: 2026-12-01, to: 2026-12-10, delegate: chen}]",
    "people[].away[].from": "from: 2026-12-01",
    "people[].away[].to": "to: 2026-12-10",
    "assignment": "assignment: {strategy: round_robin}",
    "schedule.counts": 'counts: ["09:30", "18:30", "21:45"]',
    "schedule.ledger_due": 'ledger_due: {workday: 3, time: "17:30"}',
    "penalties.P6": "P6: {amount: 100, split: {manager: 80, rep: 20}}",
    "penalties.P6.split": "split: {manager: 80, rep: 20}",
    "own": 'own: {domains: [sino-instruments.com], phones: ["+86 21 5888 8888"], home_country: CN}',
    "own.domains": "domains: [sino-instruments.com]",
    "own.phones": 'phones: ["+86 21 5888 8888"]',
}
_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of keys",
    "model_type": "a mapping of keys",
}
_NOUNS = {
    "locale": "locale",
    "calendar": "calendar",
    "strategy": "assignment strategy",
    "roles": "role",
    "prefer": "platform",
    "calendar_overrides": "day type",
}


def translate(error: ValidationError, data: object, file: str, root: type[BaseModel]) -> list[OrgProblem]:
    """One OrgProblem per pydantic error, with the key path naming list items by id."""
    problems = []
    for item in error.errors(include_url=False):
        message, fix = _explain(item, root)
        problems.append(OrgProblem(file, format_path(data, item["loc"]), message, fix))
    return problems


def _explain(item: ErrorDetails, root: type[BaseModel]) -> Explanation:
    kind = item["type"]
    ctx: dict[str, Any] = dict(item.get("ctx") or {})
    if kind == "org":
        return str(ctx["message"]), str(ctx["fix"])
    if kind == "extra_forbidden":
        return _unknown_key(item["loc"], root)
    if kind in _EXPECTED:
        return _wrong_type(item["loc"], _EXPECTED[kind], item["input"])
    handler = _HANDLERS.get(kind)
    if handler is not None:
        return handler(item["loc"], item["input"], ctx)
    return item["msg"], "compare this part with org.example.yaml"


def _pattern(loc: Loc) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += "[]"
        elif part != "[key]":
            out += f".{part}" if out else part
    return out


def _last_key(loc: Loc) -> str:
    return next((part for part in reversed(loc) if isinstance(part, str) and part != "[key]"), "")


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of keys"
    return repr(value)


def _missing(loc: Loc, value: object, ctx: dict[str, Any]) -> Explanation:
    key, hint = _last_key(loc), _HINTS.get(_pattern(loc))
    return (
        f"required key '{key}' is missing or empty",
        f"add it, e.g. `{hint}`" if hint else f"add '{key}:' here",
    )


def _wrong_type(loc: Loc, expected: str, value: object) -> Explanation:
    if not loc:
        return (
            f"the file must be a mapping of keys, not {_describe(value)}",
            "start from org.example.yaml: timezone, channels, regions, departments, people, …",
        )
    hint = _HINTS.get(_pattern(loc))
    return (
        f"expected {expected}, got {_describe(value)}",
        f"write it like `{hint}`" if hint else f"use {expected}",
    )


def _not_allowed(loc: Loc, value: object, ctx: dict[str, Any]) -> Explanation:
    choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
    noun = next((_NOUNS[part] for part in reversed(loc) if isinstance(part, str) and part in _NOUNS), "value")
    if loc and loc[-1] == "[key]":
        noun = "key"
    near = closest(str(value), choices)
    use = f"did you mean '{near}'? Use" if near else "use"
    shown = f"'{value}'" if isinstance(value, str) else _describe(value)
    return f"{shown} is not a valid {noun}", f"{use} one of {listing(choices)}"


def _too_small(loc: Loc, value: object, ctx: dict[str, Any]) -> Explanation:
    least = ctx.get("ge", ctx.get("gt"))
    return f"{value} is too small; the least allowed is {least}", f"use a number of {least} or more"


def _too_big(loc: Loc, value: object, ctx: dict[str, Any]) -> Explanation:
    most = ctx.get("le", ctx.get("lt"))
    return f"{value} is too large; the most allowed is {most}", f"use a number of {most} or less"


def _too_short(loc: Loc, value: object, ctx: dict[str, Any]) -> Explanation:
    hint, least = _HINTS.get(_pattern(loc)), ctx.get("min_length")
    fix = f"write it like `{hint}`" if hint else "add the missing entries; org.example.yaml shows the shape"
    entries = "one entry" if least == 1 else f"{least} entries"
    return f"needs at least {entries}, found {ctx.get('actual_length')}", fix


def _too_long(loc: Loc, value: object, ctx: dict[str, Any]) -> Explanation:
    hint = _HINTS.get(_pattern(loc))
    fix = f"write it like `{hint}`" if hint else "remove the extra entries"
    return f"allows at most {ctx.get('max_length')} entries, found {ctx.get('actual_length')}", fix


def _empty_text(loc: Loc, value: object, ctx: dict[str, Any]) -> Explanation:
    return "must not be empty", f"write a {_last_key(loc)}"


_HANDLERS: dict[str, Callable[[Loc, object, dict[str, Any]], Explanation]] = {
    "missing": _missing,
    "literal_error": _not_allowed,
    "greater_than_equal": _too_small,
    "greater_than": _too_small,
    "less_than_equal": _too_big,
    "less_than": _too_big,
    "too_short": _too_short,
    "too_long": _too_long,
    "string_too_short": _empty_text,
}


def _unknown_key(loc: Loc, root: type[BaseModel]) -> Explanation:
    key = str(loc[-1])
    model = _model_at(root, loc[:-1])
    allowed = [field.alias or name for name, field in model.model_fields.items()] if model else []
    near = closest(key, allowed)
    if near:
        return f"unknown key '{key}'; did you mean '{near}'?", f"rename it to '{near}'"
    return f"unknown key '{key}'", f"remove it; the keys allowed here are {listing(allowed, limit=20)}"


def _model_at(root: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The schema model that validates the mapping at `loc`, to list the keys it accepts."""
    current: object = root
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = get_args(current)
            current = args[0] if get_origin(current) is list and args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            fields = current.model_fields
            current = next((f.annotation for n, f in fields.items() if (f.alias or n) == part), None)
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: object) -> object:
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            annotation = next(arg for arg in get_args(annotation) if arg is not type(None))
        else:
            return annotation
