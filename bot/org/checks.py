"""The semantic pass over a well-formed org file: duplicates, dangling references, roles, coverage."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from bot import platforms
from bot.org.problems import Loc, OrgProblem, format_path, listing, reference_fix
from bot.org.schema import ChannelSchema, OrgSchema, PersonSchema

Finding = tuple[Loc, str, str]
Check = Callable[[OrgSchema], Iterator[Finding]]


def find_problems(org: OrgSchema, data: object, file: str) -> list[OrgProblem]:
    """Every semantic problem in `org`; key paths are resolved against the raw `data` to name items by id."""
    checks: Sequence[Check] = (
        _duplicate_ids,
        _duplicate_identities,
        _region_references,
        _department_references,
        _people,
        _countries,
        _staffed_departments,
        _channels,
        _penalties,
    )
    return [
        OrgProblem(file, format_path(data, loc), message, fix) for check in checks for loc, message, fix in check(org)
    ]


def _duplicate_ids(org: OrgSchema) -> Iterator[Finding]:
    sections = (
        ("people", [p.id for p in org.people]),
        ("regions", [r.id for r in org.regions]),
        ("departments", [d.id for d in org.departments]),
    )
    for section, ids in sections:
        first: dict[str, int] = {}
        for index, ident in enumerate(ids):
            if ident in first:
                message = f"id '{ident}' is already used by {section}[{first[ident]}]"
                yield (section, index, "id"), message, f"give each entry under {section} its own id"
            first.setdefault(ident, index)


def _duplicate_identities(org: OrgSchema) -> Iterator[Finding]:
    for platform in platforms.names():
        owner: dict[object, str] = {}
        for index, person in enumerate(org.people):
            value = person.ids.get(platform)
            if value is not None and value in owner:
                message = f"{platform} id {value} is already used by '{owner[value]}'"
                fix = "give each person their own id, or remove the copy"
                yield ("people", index, platform), message, fix
            owner.setdefault(value, person.id)


def _person_reference(org: OrgSchema, loc: Loc, person_id: str, role: str | None) -> Iterator[Finding]:
    """A reference to a person: they must exist, hold `role` if one is needed, and still work here."""
    person = next((p for p in org.people if p.id == person_id), None)
    holders = list(dict.fromkeys(p.id for p in org.people if p.active and (role is None or role in p.roles)))
    what = role or "person"
    if person is None:
        yield loc, f"{what} '{person_id}' does not exist", reference_fix(person_id, holders, "people")
    elif role is not None and role not in person.roles:
        fix = f"add {role} to the roles of '{person_id}', or use one of {listing(holders)}"
        yield loc, f"'{person_id}' does not have the {role} role", fix
    elif not person.active:
        yield loc, f"'{person_id}' has left (active: false)", f"choose an active {what}: {listing(holders)}"


def _region_references(org: OrgSchema) -> Iterator[Finding]:
    departments = [d.id for d in org.departments]
    for index, region in enumerate(org.regions):
        if region.department not in departments:
            fix = reference_fix(region.department, departments, "departments")
            yield ("regions", index, "department"), f"department '{region.department}' does not exist", fix
        yield from _person_reference(org, ("regions", index, "specialist"), region.specialist, "specialist")


def _department_references(org: OrgSchema) -> Iterator[Finding]:
    for index, department in enumerate(org.departments):
        yield from _person_reference(org, ("departments", index, "manager"), department.manager, "manager")


def _people(org: OrgSchema) -> Iterator[Finding]:
    departments = [d.id for d in org.departments]
    for index, person in enumerate(org.people):
        loc: Loc = ("people", index)
        if person.department is not None and person.department not in departments:
            fix = reference_fix(person.department, departments, "departments")
            yield (*loc, "department"), f"department '{person.department}' does not exist", fix
        if "rep" in person.roles and person.department is None:
            fix = f"add `department: <id>` naming one of {listing(departments)}"
            yield (*loc, "department"), "a rep needs a department", fix
        if not person.ids:
            yield loc, f"'{person.id}' has no {_labels()} identity", _identity_fix("user")
        if person.prefer is not None and person.prefer not in person.ids:
            fix = f"add their {person.prefer} id or remove `prefer`"
            yield (*loc, "prefer"), f"prefers {person.prefer} but has no {person.prefer} id", fix
        yield from _away(org, loc, person)


def _away(org: OrgSchema, loc: Loc, person: PersonSchema) -> Iterator[Finding]:
    for index, period in enumerate(person.away):
        where: Loc = (*loc, "away", index)
        if period.start > period.end:
            message = f"the leave starts ({period.start}) after it ends ({period.end})"
            yield where, message, "swap `from` and `to`, or correct the dates"
        if period.delegate == person.id:
            yield (*where, "delegate"), "a person cannot cover for themselves", "name a colleague as delegate"
        elif period.delegate is not None:
            yield from _person_reference(org, (*where, "delegate"), period.delegate, None)
            yield from _delegate_peer(org, (*where, "delegate"), person, period.delegate)


def _delegate_peer(org: OrgSchema, loc: Loc, person: PersonSchema, delegate_id: str) -> Iterator[Finding]:
    """A delegate acts for the person away, so they must do the same job (share a role)."""
    delegate = next((p for p in org.people if p.id == delegate_id), None)
    if delegate is None or set(person.roles) & set(delegate.roles):
        return
    peers = list(dict.fromkeys(
        p.id for p in org.people if p.active and p.id != person.id and set(p.roles) & set(person.roles)
    ))
    roles = listing(sorted(str(r) for r in person.roles))
    yield loc, f"'{delegate_id}' does not share a role with '{person.id}' ({roles})", f"choose one of {listing(peers)}"


def _countries(org: OrgSchema) -> Iterator[Finding]:
    owner: dict[str, str] = {}
    for index, region in enumerate(org.regions):
        for position, country in enumerate(region.countries):
            where: Loc = ("regions", index, "countries", position)
            if country in owner:
                other = owner[country]
                twice = other == region.id
                message = f"{country} is listed twice in '{other}'" if twice else f"{country} is already in '{other}'"
                yield where, message, "list each country in exactly one region"
            owner.setdefault(country, region.id)


def _staffed_departments(org: OrgSchema) -> Iterator[Finding]:
    for index, department in enumerate(org.departments):
        reps = [p for p in org.people if p.department == department.id and "rep" in p.roles and p.active]
        if not reps:
            fix = f"add a person with `roles: [rep]` and `department: {department.id}`, or drop the department"
            yield ("departments", index), f"department '{department.id}' has no active reps", fix


def _channels(org: OrgSchema) -> Iterator[Finding]:
    named: list[tuple[Loc, ChannelSchema | None]] = [
        (("channels", "intake"), org.channels.intake),
        (("channels", "announce"), org.channels.announce),
    ]
    named += [(("regions", index, "channel"), region.channel) for index, region in enumerate(org.regions)]
    for loc, channel in named:
        if channel is not None and not channel.ids:
            yield loc, f"the channel has neither a {' nor a '.join(platforms.names())} id", _identity_fix("chat")


def _penalties(org: OrgSchema) -> Iterator[Finding]:
    split = org.penalties.p6.split
    if split.manager + split.rep != 100:
        message = f"the P6 split adds up to {split.manager + split.rep}, not 100"
        fix = "make manager + rep equal 100, e.g. {manager: 80, rep: 20}"
        yield ("penalties", "P6", "split"), message, fix


def _labels() -> str:
    return " or ".join(spec.label for spec in platforms.identities().values())


def _identity_fix(kind: str) -> str:
    """`add `slack: U…` (Slack member id) or `telegram: 123…` (Telegram user id), or both`."""
    keys = []
    for name, spec in platforms.identities().items():
        which = spec.user if kind == "user" else spec.chat
        keys.append(f"`{name}: {which.example}` ({spec.label} {which.noun})")
    return f"add {' or '.join(keys)}, or {'both' if len(keys) == 2 else 'several'}"
