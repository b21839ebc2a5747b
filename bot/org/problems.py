"""What is wrong with an org file, said so an admin can find the spot and fix it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Loc = Sequence[str | int]


@dataclass(frozen=True)
class OrgProblem:
    """One problem: the file, the key path inside it, what is wrong and how to fix it."""

    file: str
    path: str
    message: str
    fix: str

    def render(self) -> str:
        """One line: `org.yaml: people[3] (zhang).department: … Fix: …`."""
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{where}: {_sentence(self.message)} Fix: {_sentence(self.fix)}"


class OrgFileError(Exception):
    """The org file cannot be used; `problems` lists everything found, not just the first."""

    def __init__(self, problems: Iterable[OrgProblem]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(problem.render() for problem in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the org file:\n{lines}")


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else f"{text}."


def format_path(data: object, loc: Loc) -> str:
    """`("people", 3, "department")` -> `people[3] (zhang).department`, naming list items by their id."""
    out = ""
    node: object = data
    for part in loc:
        if part == "[key]":
            continue
        if isinstance(part, int) and isinstance(node, list):
            out += f"[{part}]"
            node = node[part] if 0 <= part < len(node) else None
            ident = node.get("id") if isinstance(node, dict) else None
            if isinstance(ident, str):
                out += f" ({ident})"
        else:
            out += f".{part}" if out else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out


def listing(choices: Sequence[str], limit: int = 10) -> str:
    """`a, b or c`, cut short when long."""
    if not choices:
        return "(none)"
    if len(choices) > limit:
        return ", ".join(choices[:limit]) + ", …"
    if len(choices) == 1:
        return choices[0]
    return ", ".join(choices[:-1]) + " or " + choices[-1]


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like `word`, if any is close enough to be a likely typo."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def reference_fix(value: str, choices: Sequence[str], section: str) -> str:
    """`did you mean 'trade1'? use one of trade1 or trade2, or add it under departments`."""
    choices = list(dict.fromkeys(choices))
    near = closest(value, choices)
    if not choices:
        return f"add '{value}' under {section}"
    use = f"did you mean '{near}'? Use" if near else "use"
    return f"{use} one of {listing(choices)}, or add '{value}' under {section}"
