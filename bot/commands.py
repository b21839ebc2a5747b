"""The command vocabulary (SPEC section 7): every verb, its arguments, and the internal Command value.

Handlers turn what people type or press into a Command (bot.handlers.grammar); services receive it. A table
maps each verb to its argument names; the last argument of some verbs takes the rest of the line (notes and
reasons).
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
    "help": Spec(rest="TOPIC", rest_required=False),
    "new": Spec(rest="TEXT"),
    "intake": Spec(("DECISION", "TOKEN")),
    "mine": Spec(),
    "show": Spec(("ID",)),
    "ack": Spec(("ID",)),
    "followup": Spec(("ID", "METHOD"), rest="NOTE"),
    "crm": Spec(("ID", "CRM-ID")),
    "agent": Spec(("ID",), rest="NAME"),
    "won": Spec(("ID",), optional=("AMOUNT",)),
    "lost": Spec(("ID",), rest="REASON"),
    "grey": Spec(("ID",), rest="REASON", rest_required=False),
    "grey reject": Spec(("ID",), rest="REASON", rest_required=False),
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
    "penalty show": Spec(("PEN-ID",)),
    "penalty different": Spec(("ID",)),
    "incentives": Spec(optional=("MONTH", "PERSON")),
    "ledger sent": Spec(optional=("MONTH",)),
    "ledger": Spec(optional=("MONTH", "DEPARTMENT")),
    "rank": Spec(optional=("MONTH",)),
    "away": Spec(("PERSON", "FROM", "TO"), optional=("DELEGATE",)),
    "exception": Spec(("ID",)),
    "source": Spec(("ID", "SOURCE")),
    "edit": Spec(("ID", "FIELD"), rest="VALUE"),
    "note": Spec(("ID",), rest="TEXT"),
    "keep": Spec(("ID",)),
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
USAGE["intake"] = "intake log|drop TOKEN"
USAGE["deals today"] = "deals today none|ID..."
USAGE["deals month"] = "deals month none|ID..."
USAGE["penalty add"] = "penalty add PERSON RULE [ID] [amount=YUAN] [confirm] REASON"
USAGE["penalty confirm"] = "penalty confirm PEN-ID [amount=YUAN|none] [REASON]"
