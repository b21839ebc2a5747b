"""Which commands each role may use, so `/inq help` shows a person only what they can do (SPEC section 7).

Pure: the roles of a person in, the verbs out. The authorisation itself lives in bot.rules.permissions and the
services; this table only decides what help lists, and a test keeps it in step with the grammar.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.org.model import Role

EVERYONE: tuple[str, ...] = ("help", "mine", "show", "counts", "rank", "incentives", "penalty show", "penalty appeal",
                             "away")

INQUIRY_WORK: tuple[str, ...] = ("ack", "followup", "crm", "agent", "won", "lost", "grey", "exception", "note")

ROLE_VERBS: dict[Role, tuple[str, ...]] = {
    Role.REP: INQUIRY_WORK,
    Role.MANAGER: (*INQUIRY_WORK, "assign", "deals today", "deals month", "match", "ledger"),
    Role.SPECIALIST: ("new", "intake", *INQUIRY_WORK, "assign", "region", "transfer", "source", "edit", "keep",
                      "ledger", "ledger sent",
                      "penalty add", "penalty confirm", "penalty waive", "grey reject", "penalty different"),
}


def verbs_for(roles: Iterable[Role], grammar_order: Iterable[str]) -> list[str]:
    """The verbs a person with `roles` may use, in the grammar's order; an admin may use every verb."""
    held = frozenset(roles)
    ordered = list(grammar_order)
    if Role.ADMIN in held:
        return ordered
    allowed = set(EVERYONE).union(*(ROLE_VERBS.get(role, ()) for role in held))
    return [verb for verb in ordered if verb in allowed]


def roles_for(verb: str) -> frozenset[Role]:
    """The roles that may use `verb` (admins always may)."""
    if verb in EVERYONE:
        return frozenset(Role)
    return frozenset({Role.ADMIN, *(role for role, verbs in ROLE_VERBS.items() if verb in verbs)})
