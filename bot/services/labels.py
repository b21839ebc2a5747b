"""Display words for report files (XLSX, PNG): names, regions, departments, countries and terms in one locale."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from babel import Locale, UnknownLocaleError

from bot.org.model import Org
from bot.rules.ledger_rows import UNROUTED, Label
from bot.terms import term_function


@cache
def _territories(locale: str) -> Mapping[str, str]:
    try:
        return dict(Locale.parse(locale.replace("-", "_")).territories)
    except (UnknownLocaleError, ValueError):
        return {}


def labeller(org: Org, locale: str, names: Mapping[str, str] | None = None) -> Label:
    """`label(group, value)`: person, region, department and country names, else the terms.yaml group."""
    term = term_function(locale)

    def label(group: str, value: str | None) -> str:
        if value is None:
            return ""
        if group == "person":
            person = org.person(value)
            return person.name if person else (names or {}).get(value, value)
        if group == "region":
            region = org.region(value)
            return region.display(locale) if region else value
        if group == "department":
            if value == UNROUTED:
                return str(term("ledger_sheet", "unrouted"))
            department = org.department(value)
            return department.display(locale) if department else value
        if group == "country":
            return _territories(locale).get(value.upper(), value)
        return str(term(group, value))

    return label
