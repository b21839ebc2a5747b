"""The `/inq` command grammar (SPEC section 7), shared by Slack, Telegram and the shell.

A table maps each verb to its argument names; the last argument of some verbs takes the rest of the line
(notes and reasons). Parsing never touches the database: it only checks the shape of what was typed.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field

from bot.errors import InvalidInput


@dataclass(frozen=True)
class Spec:
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    rest: str | None = None  # name of a trailing free-text argument
    rest_required: bool = True
    variadic: str | None = None  # name of a trailing list argument (deals ... ID ID ID)


@dataclass(frozen=True)
class Command:
    verb: str
    args: dict[str, str] = field(default_factory=dict)
    items: tuple[str, ...] = ()

    def arg(self, name: str) -> str | None:
        return self.args.get(name)


GRAMMAR: dict[str, Spec] = {
    "help": Spec(optional=("TOPIC",)),
    "new": Spec(rest="TEXT"),
    "mine": Spec(),
    "show": Spec(("ID",)),
    "ack": Spec(("ID",)),
    "followup": Spec(("ID", "METHOD"), rest="NOTE"),
    "crm": Spec(("ID", "CRM-ID")),
    "agent": Spec(("ID",), rest="NAME"),
    "won": Spec(("ID",), optional=("AMOUNT",)),
    "lost": Spec(("ID",), rest="REASON"),
    "grey": Spec(("ID",), rest="REASON", rest_required=False),
    "assign": Spec(("ID", "PERSON")),
    "region": Spec(("ID", "REGION")),
    "transfer": Spec(("ID", "DEPARTMENT"), optional=("PERSON",)),
    "deals today": Spec(variadic="IDS"),
    "deals month": Spec(variadic="IDS"),
    "counts": Spec(optional=("DATE",)),
    "match": Spec(optional=("DEPARTMENT",)),
    "penalty add": Spec(("PERSON", "RULE"), rest="REASON"),
    "penalty confirm": Spec(("PEN-ID",), rest="REASON", rest_required=False),
    "penalty waive": Spec(("PEN-ID",), rest="REASON"),
    "penalty appeal": Spec(("PEN-ID",), rest="REASON"),
    "incentives": Spec(optional=("MONTH", "PERSON")),
    "ledger sent": Spec(optional=("MONTH",)),
    "ledger": Spec(optional=("MONTH", "DEPARTMENT")),
    "rank": Spec(optional=("MONTH",)),
    "away": Spec(("PERSON", "FROM", "TO"), optional=("DELEGATE",)),
    "exception": Spec(("ID",)),
    "reload": Spec(),
}

USAGE: dict[str, str] = {
    verb: " ".join(
        [verb, *spec.required, *(f"[{o}]" for o in spec.optional),
         *([f"{spec.variadic}..."] if spec.variadic else []),
         *([spec.rest if spec.rest_required else f"[{spec.rest}]"] if spec.rest else [])]
    )
    for verb, spec in GRAMMAR.items()
}
USAGE["deals today"] = "deals today none|ID..."
USAGE["deals month"] = "deals month none|ID..."
USAGE["penalty add"] = "penalty add PERSON RULE [ID] REASON"

_PREFIX = re.compile(r"^/inq(?:@\w+)?\b\s*", re.IGNORECASE)
_INQUIRY_ID = re.compile(r"^(?:INQ-)?\d{4}-\d{1,6}$", re.IGNORECASE)


def strip_prefix(text: str) -> str:
    """`/inq mine`, `/inq@inquiry_desk_bot mine` and `mine` all become `mine`."""
    return _PREFIX.sub("", text.strip(), count=1)


def _split(text: str) -> list[str]:
    try:
        return shlex.split(text)
    except ValueError:
        return text.split()


def _verb(words: list[str]) -> tuple[str, list[str]]:
    if len(words) >= 2 and f"{words[0].lower()} {words[1].lower()}" in GRAMMAR:
        return f"{words[0].lower()} {words[1].lower()}", words[2:]
    if words and words[0].lower() in GRAMMAR:
        return words[0].lower(), words[1:]
    raise InvalidInput("error.unknown_command", command=words[0] if words else "")


def parse(text: str) -> Command:
    """Parse what follows `/inq`; an empty line means help."""
    body = strip_prefix(text)
    words = body.split()
    if not words:
        return Command("help")
    verb, _ = _verb(words)
    spec = GRAMMAR[verb]
    after_verb = body.split(None, len(verb.split()))
    remainder = after_verb[-1] if len(after_verb) > len(verb.split()) else ""
    return _bind(verb, spec, remainder)


def _bind(verb: str, spec: Spec, remainder: str) -> Command:
    if spec.variadic:
        return Command(verb, items=tuple(_split(remainder)))
    positional = len(spec.required) + len(spec.optional)
    if spec.rest:
        parts = remainder.split(None, positional)
        head, tail = parts[: len(spec.required)], " ".join(parts[len(spec.required):])
        if verb == "penalty add":
            return _bind_penalty_add(head, tail)
        args = dict(zip(spec.required, head, strict=False))
        if len(head) < len(spec.required) or (spec.rest_required and not tail.strip()):
            raise InvalidInput("error.usage", usage=USAGE[verb])
        if tail.strip():
            args[spec.rest] = tail.strip()
        return Command(verb, args)
    words = _split(remainder)
    if len(words) < len(spec.required) or len(words) > positional:
        raise InvalidInput("error.usage", usage=USAGE[verb])
    names = (*spec.required, *spec.optional)
    return Command(verb, dict(zip(names, words, strict=False)))


def _bind_penalty_add(head: list[str], tail: str) -> Command:
    """`penalty add PERSON RULE [ID] REASON`: the optional ID is recognised by its shape."""
    if len(head) < 2 or not tail.strip():
        raise InvalidInput("error.usage", usage=USAGE["penalty add"])
    args = {"PERSON": head[0], "RULE": head[1].upper()}
    first, _, rest = tail.strip().partition(" ")
    if _INQUIRY_ID.match(first):
        args["ID"] = first
        tail = rest
    if not tail.strip():
        raise InvalidInput("error.usage", usage=USAGE["penalty add"])
    args["REASON"] = tail.strip()
    return Command("penalty add", args)
