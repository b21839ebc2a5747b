"""Parsing `/inq` lines into commands, shared by Slack, Telegram and the shell.

The vocabulary (verbs and their arguments) is bot.commands; this turns typed text into a Command and
answers a wrong shape with the usage line. Parsing never touches the database.
"""

from __future__ import annotations

import re
import shlex

from bot.commands import GRAMMAR, USAGE, Command, Spec
from bot.errors import InvalidInput

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
        if verb == "penalty confirm":
            tail = _take_options(tail, args, allowed=("amount",))
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
    tail = _take_options(tail, args, allowed=("amount", "confirm"))
    if not tail.strip():
        raise InvalidInput("error.usage", usage=USAGE["penalty add"])
    args["REASON"] = tail.strip()
    return Command("penalty add", args)


def _take_options(tail: str, args: dict[str, str], allowed: tuple[str, ...]) -> str:
    """Leading `amount=1900` and `confirm` words become AMOUNT and CONFIRM: an amount is never read out of the
    reason's prose ("2 deals checked" stays a reason)."""
    words = tail.strip().split(" ")
    while words:
        word = words[0]
        if "amount" in allowed and word.lower().startswith("amount="):
            args["AMOUNT"] = word.split("=", 1)[1]
        elif "confirm" in allowed and word.lower() == "confirm":
            args["CONFIRM"] = "yes"
        else:
            break
        words.pop(0)
    return " ".join(words).strip()
