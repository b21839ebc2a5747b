"""Feishu interactive cards (message card JSON 1.0): the text, the buttons, pickers, and the "done" line.

Every text is a `plain_text` element, so nothing a customer wrote is read as markdown; the people a text
mentions (bot/notifiers/feishu_markup.py) are named there as `@Name` and notified by a separate `lark_md` line
holding only their at-tags. A button's `value` is
`{"action": id, "value": inquiry or penalty id}`; a picker is a `select_static` whose chosen option comes back
as `action.option`. `update_multi` makes an update in place visible to every reader of the card.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.notifiers.feishu_markup import card_mentions, split_mentions

Card = dict[str, Any]
ROW_WIDTH = 3
MAX_CARD_TEXT = 20_000  # the whole card must stay under Feishu's 30 KB request limit
PRIMARY = frozenset({"ack", "won", "intake_log", "penalty_confirm", "counts_match", "ledger_sent"})
DANGER = frozenset({"grey", "grey_confirm", "grey_deleted", "intake_drop"})


def _plain(text: str) -> dict[str, str]:
    return {"tag": "plain_text", "content": text}


def button(label: str, action: str, value: str = "", choice: str | None = None) -> dict[str, Any]:
    payload = {"action": action, "value": value, **({"choice": choice} if choice is not None else {})}
    kind = "primary" if action in PRIMARY else "danger" if action in DANGER else "default"
    return {"tag": "button", "text": _plain(label), "type": kind, "value": payload}


def card(text: str, buttons: Sequence[dict[str, Any]] = (), *, note: str | None = None) -> Card:
    """A card with the text, then the buttons (three a row), then an optional note line."""
    shown, mentioned = split_mentions(text)
    shown_note, noted = split_mentions(note or "")
    body = shown if len(shown) <= MAX_CARD_TEXT else shown[: MAX_CARD_TEXT - 1] + "…"
    elements: list[dict[str, Any]] = [{"tag": "div", "text": _plain(body)}]
    mentions = card_mentions([*mentioned, *(n for n in noted if n not in mentioned)])
    if mentions:
        elements.append({"tag": "div", "text": {"tag": "lark_md", "content": mentions}})
    for start in range(0, len(buttons), ROW_WIDTH):
        elements.append({"tag": "action", "actions": list(buttons[start: start + ROW_WIDTH])})
    if shown_note:
        elements.append({"tag": "note", "elements": [_plain(shown_note)]})
    return {"config": {"wide_screen_mode": True, "update_multi": True}, "elements": elements}


def action_buttons(buttons: Sequence[dict[str, str]]) -> list[dict[str, Any]]:
    """Buttons for a rendered message's actions ({"id", "value", "label"})."""
    return [button(b["label"], b["id"], b.get("value", "")) for b in buttons]


def picker(text: str, kind: str, value: str, choices: Sequence[tuple[str, str]], placeholder: str) -> Card:
    """The card with its buttons swapped for one select (follow-up methods, regions, reps)."""
    select = {"tag": "select_static", "placeholder": _plain(placeholder), "value": {"action": kind, "value": value},
              "options": [{"text": _plain(label), "value": choice} for label, choice in choices]}
    done = card(text)
    done["elements"].append({"tag": "action", "actions": [select]})
    return done


def done(text: str, line: str, remaining: Sequence[dict[str, Any]] = ()) -> Card:
    """The card after a press: the buttons that still apply (usually none) and who did what when."""
    return card(text, remaining, note=line)


def text_of(found: Card) -> str:
    """The text of a card built here (its first div)."""
    for element in found.get("elements") or []:
        if element.get("tag") == "div":
            return str((element.get("text") or {}).get("content") or "")
    return ""
