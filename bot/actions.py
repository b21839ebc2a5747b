"""Every button and action the bot puts on a message, and the `/inq` command it stands for: one table for every
platform. A platform's handlers read it to turn a press into a command (a block action, a callback query, a card
action); the shell prints the command itself. A new button is one line here plus its label in
messages/terms.yaml (`button:` group).

`form` names what the platform asks before the command can run (the person picks a method, a rep, a region, the
inquiries of a deal report, or types a reason / an amount); each platform shows it its own way (a modal, a
picker, a reply prompt, a card). `final` presses retire every button of the message, others only the pressed
one and `also`.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.rules.corrections import DELETED_REASON


@dataclass(frozen=True)
class Action:
    command: str | None = None  # the command after `/inq `; `{value}` is the button's value. None: `form` first
    form: str | None = None  # what is asked first (see above); its answer completes `typed`
    final: bool = False
    also: tuple[str, ...] = ()  # buttons that go with this one (a follow-up acknowledges too)
    typed: str | None = None  # the command as a person types it, with placeholders (the shell's hint)

    def written(self) -> str:
        """`/inq …` as the shell shows the button."""
        return f"/inq {self.typed or self.command or ''}"


ACTIONS: dict[str, Action] = {
    "ack": Action("ack {value}"),
    "followup": Action(form="followup", also=("ack",), typed="followup {value} METHOD NOTE"),
    "grey": Action(form="grey", final=True, typed="grey {value} REASON"),
    "won": Action("won {value}", final=True, typed="won {value} [AMOUNT]"),
    "grey_confirm": Action("grey {value}", final=True),
    "reassign": Action(form="reassign", typed="assign {value} PERSON"),
    "change_region": Action(form="change_region", typed="region {value} REGION"),
    "exception_approve": Action("exception {value}", final=True),
    "deals_none": Action("deals today {value} none", final=True),  # value: the department (cover may hold two)
    "deals_month_none": Action("deals month {value} none", final=True),
    "deals_pick": Action(form="deals_pick", final=True, typed="deals today {value} ID ID …"),
    "deals_month_pick": Action(form="deals_month_pick", final=True, typed="deals month {value} ID ID …"),
    "penalty_confirm": Action("penalty confirm {value}", final=True),
    "penalty_waive": Action(form="penalty_waive", final=True, typed="penalty waive {value} REASON"),
    # P3: the amount is asked, never guessed
    "penalty_amount": Action(form="penalty_amount", final=True,
                             typed="penalty confirm {value} amount=YUAN [REASON]"),
    "p5_different": Action("penalty different {value}", final=True),
    "grey_reject": Action("grey reject {value}", final=True, typed="grey reject {value} [REASON]"),
    "counts_match": Action("match {value}", final=True),
    "ledger_sent": Action("ledger sent {value}", final=True),
    "pick_region": Action(form="change_region", typed="region {value} REGION"),
    "intake_log": Action("intake log {value}", final=True),
    "intake_drop": Action("intake drop {value}", final=True),
    # asked when the forwarded message was deleted
    "grey_deleted": Action("grey {value} " + DELETED_REASON, final=True, typed="grey {value} REASON"),
    "keep": Action("keep {value}", final=True),
}

# A choice made in a picker a form opened: `{value}` is the inquiry, `{choice}` what was picked.
CHOICES: dict[str, str] = {
    "assign": "assign {value} {choice}",  # a rep picked after "reassign"
    "region": "region {value} {choice}",  # a region picked after "change_region" / "pick_region"
}
# the button a choice completes (its "done" line names that button)
CHOICE_OF: dict[str, str] = {"assign": "reassign", "region": "change_region"}


# A form answered in free text (Telegram's reply prompts; a card form): `{text}` is what the person wrote,
# `{method}` the follow-up method picked before.
ANSWERS: dict[str, str] = {
    "followup": "followup {value} {method} {text}",
    "grey": "grey {value} {text}",
    "penalty_waive": "penalty waive {value} {text}",
    "penalty_amount": "penalty confirm {value} amount={text}",  # "1900 checked in CRM": amount, then reason
}


def command_for(action: str, value: str, choice: str = "") -> str | None:
    """`/inq …` for a press that needs nothing more, or None (a form first, or an unknown action)."""
    template = CHOICES.get(action) or ACTIONS.get(action, Action()).command
    return None if template is None else "/inq " + template.format(value=value, choice=choice).strip()
