"""Modals for buttons that need more input (a follow-up note, a grey reason, a rep, a region), and the
translation of a submitted modal back into the `/inq` command it stands for."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.handlers.slack_base import SlackDeps
from bot.org.model import Person, Role
from bot.outbound import Reply
from bot.rules.inquiry import FOLLOWUP_METHODS, GREY_REASONS
from bot.services.deal_picks import nothing_picked, pick_command

Values = dict[str, dict[str, dict[str, Any]]]  # view.state.values: block_id -> action_id -> element state
CALLBACK_PREFIX = "inq_modal:"
TITLE_LIMIT = 24
ERROR_LIMIT = 300
CHECKBOX_LIMIT = 10  # Slack's checkboxes hold 10 options; a longer list becomes a multi-select


def _text(value: str, limit: int = 150) -> dict[str, Any]:
    return {"type": "plain_text", "text": value[:limit]}


def _option(value: str, label: str) -> dict[str, Any]:
    return {"text": _text(label, 75), "value": value}


def _select(block: str, label: str, options: list[dict[str, Any]], *, optional: bool = False,
            initial: str | None = None, dispatch: bool = False) -> dict[str, Any]:
    element: dict[str, Any] = {"type": "static_select", "action_id": block, "options": options[:100]}
    chosen = next((o for o in options if o["value"] == initial), None)
    if chosen is not None:
        element["initial_option"] = chosen
    return {"type": "input", "block_id": block, "label": _text(label), "element": element, "optional": optional,
            "dispatch_action": dispatch}


def _input(block: str, label: str, *, multiline: bool = False, optional: bool = False) -> dict[str, Any]:
    element = {"type": "plain_text_input", "action_id": block, "multiline": multiline}
    return {"type": "input", "block_id": block, "label": _text(label), "element": element, "optional": optional}


def _ticks(block: str, label: str, options: list[dict[str, Any]]) -> dict[str, Any]:
    kind = "checkboxes" if len(options) <= CHECKBOX_LIMIT else "multi_static_select"
    element = {"type": kind, "action_id": block, "options": options[:100]}
    return {"type": "input", "block_id": block, "label": _text(label), "element": element}


def value_of(values: Values, block: str) -> str:
    """What was typed or picked in one input block ("" if nothing)."""
    state = next(iter(values.get(block, {}).values()), {})
    selected = state.get("selected_option") or {}
    return str(selected.get("value") or state.get("value") or "").strip()


def values_of(values: Values, block: str) -> list[str]:
    """What was ticked in one checkboxes or multi-select block."""
    state = next(iter(values.get(block, {}).values()), {})
    return [str(o["value"]) for o in state.get("selected_options") or [] if o.get("value")]


@dataclass(frozen=True)
class ModalInput:
    """What a modal is built from: who opens it, for what, a method picked earlier, inquiries to pick from."""

    deps: SlackDeps
    person: Person | None
    method: str | None = None
    choices: tuple[tuple[str, str], ...] = ()  # (inquiry id, label), looked up by us, never sent by the client

    def label(self, key: str) -> str:
        return self.deps.term("slack", key, self.person)


def followup_blocks(m: ModalInput) -> list[dict[str, Any]]:
    methods = [_option(x, m.deps.term("method", x, m.person)) for x in FOLLOWUP_METHODS]
    return [_select("method", m.label("method"), methods, initial=m.method or "other", dispatch=True),
            _input("note", m.label("note"), multiline=True)]


def grey_blocks(m: ModalInput) -> list[dict[str, Any]]:
    kinds = [_option(x, m.deps.term("grey_kind", x, m.person)) for x in GREY_REASONS]
    return [_select("kind", m.label("grey_kind"), kinds), _input("detail", m.label("grey_detail"), optional=True)]


def reassign_blocks(m: ModalInput) -> list[dict[str, Any]]:
    reps = [p for p in m.deps.org.people if p.has(Role.REP) and p.active]
    options = [_option(p.id, f"{p.name} ({p.id}, {p.department or '-'})") for p in reps]
    return [_select("person", m.label("person_pick"), options, optional=True),
            _input("person_id", m.label("person_type"), optional=True)]


def region_blocks(m: ModalInput) -> list[dict[str, Any]]:
    options = [_option(r.id, r.display(m.deps.locale(m.person))) for r in m.deps.org.regions]
    return [_select("region", m.label("region"), options)]


def reason_blocks(m: ModalInput) -> list[dict[str, Any]]:
    return [_input("reason", m.label("reason"), multiline=True)]


def amount_blocks(m: ModalInput) -> list[dict[str, Any]]:
    return [_input("amount", m.label("amount")), _input("reason", m.label("reason_optional"), optional=True)]


def deals_blocks(m: ModalInput) -> list[dict[str, Any]]:
    return [_ticks("inquiries", m.label("deals_picked"), [_option(i, label) for i, label in m.choices])]


@dataclass(frozen=True)
class Modal:
    title: str  # a key of the `slack` terms group
    blocks: Callable[[ModalInput], list[dict[str, Any]]]
    command: Callable[[str, Values], str]  # (button value, state values) -> the /inq command text
    error_blocks: dict[str, str]  # reply key -> the input block that shows it; others go to the first input
    check: Callable[[Values], Reply | None] = lambda s: None  # a refusal before any command runs


def deals_modal(action: str, title: str) -> Modal:
    """The picker behind a deal prompt's button: the ticked inquiries become `deals today|month DEPT ID...`."""
    return Modal(title, deals_blocks, lambda v, s: pick_command(action, v, values_of(s, "inquiries")), {},
                 lambda s: None if values_of(s, "inquiries") else nothing_picked(action))


MODALS: dict[str, Modal] = {
    "followup": Modal("followup_title", followup_blocks,
                      lambda v, s: f"followup {v} {value_of(s, 'method') or 'other'} {value_of(s, 'note')}",
                      {"error.bad_method": "method", "error.note_too_short": "note", "error.usage": "note",
                       "error.missing_argument": "note"}),
    "grey": Modal("grey_title", grey_blocks,
                  lambda v, s: f"grey {v} {value_of(s, 'kind')} {value_of(s, 'detail')}", {}),
    "reassign": Modal("reassign_title", reassign_blocks,
                      lambda v, s: f"assign {v} {value_of(s, 'person_id') or value_of(s, 'person')}",
                      {"error.unknown_rep": "person_id", "error.person_inactive": "person_id"}),
    "change_region": Modal("region_title", region_blocks, lambda v, s: f"region {v} {value_of(s, 'region')}", {}),
    "penalty_waive": Modal("waive_title", reason_blocks,
                           lambda v, s: f"penalty waive {v} {value_of(s, 'reason')}", {}),
    "penalty_amount": Modal("amount_title", amount_blocks,
                            lambda v, s: f"penalty confirm {v} amount={value_of(s, 'amount').replace(' ', '')} "
                                         f"{value_of(s, 'reason')}".strip(),
                            {"error.bad_amount": "amount", "error.p3_amount_needed": "amount"}),
    "deals_pick": deals_modal("deals_pick", "deals_title"),
    "deals_month_pick": deals_modal("deals_month_pick", "deals_month_title"),
}


def build_view(name: str, meta: dict[str, str], m: ModalInput) -> dict[str, Any]:
    """The modal for one button; `meta` (button value, where the message is) comes back on submit."""
    modal = MODALS[name]
    return {
        "type": "modal",
        "callback_id": CALLBACK_PREFIX + name,
        "private_metadata": json.dumps(meta),
        "title": _text(m.label(modal.title), TITLE_LIMIT),
        "submit": _text(m.label("submit"), TITLE_LIMIT),
        "close": _text(m.label("cancel"), TITLE_LIMIT),
        "blocks": modal.blocks(m),
    }


def error_block(name: str, reply_key: str, view: dict[str, Any]) -> str:
    """Which input block shows a refusal: the one it is about, else the first input of the modal."""
    modal = MODALS[name]
    if reply_key in modal.error_blocks:
        return modal.error_blocks[reply_key]
    inputs = [b.get("block_id") for b in view.get("blocks") or [] if b.get("type") == "input"]
    first = next((b for b in inputs if b), None)
    return str(first or next(iter(view.get("state", {}).get("values", {})), "note"))
