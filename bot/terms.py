"""messages/terms.yaml: display words for stored values (statuses, methods, buttons) in each locale.

Read through importlib.resources (the same in a checkout and an installed wheel); used by the renderer and by
report files, so it sits below both.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib.resources import files

import yaml

MESSAGES_PACKAGE = "messages"


@cache
def terms() -> dict[str, dict[str, dict[str, str]]]:
    """messages/terms.yaml, read once from the package data."""
    loaded: dict[str, dict[str, dict[str, str]]] = yaml.safe_load(
        files(MESSAGES_PACKAGE).joinpath("terms.yaml").read_text(encoding="utf-8")
    )
    return loaded


def term_function(locale: str) -> Callable[[str, object], str]:
    """`term(group, value)`: the word for a value in `locale`, else English, else the value itself."""

    def term(group: str, value: object) -> str:
        entry = terms().get(group, {}).get(str(value))
        if entry is None:
            return "" if value is None else str(value)
        return entry.get(locale) or entry.get("en") or str(value)

    return term
