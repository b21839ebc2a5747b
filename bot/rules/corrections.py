"""Corrections by hand (`/inq source`, `/inq edit`) and re-reads of an edited intake message.

A field a person corrected is marked so by its `corrected` history event; a later automatic re-read of the
message never overwrites it. Every change keeps the old and the new value in the history.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime

from bot.errors import InvalidInput
from bot.rules.countries import find_country_in_text, iso_countries
from bot.rules.inquiry import Customer, HistoryEvent, Inquiry
from bot.rules.intake import normalise_email
from bot.rules.phones import normalise_phone
from bot.rules.sources import SOURCES, detect_source

EDITABLE_FIELDS = ("name", "company", "email", "phone", "country", "product")
READ_FIELDS = (*EDITABLE_FIELDS, "source")  # what a re-read of the message may update
CORRECTED = "corrected"
REREAD = "reread"
CLEAR = "-"  # `/inq edit ID phone -` empties a field that was read wrongly
MAX_TEXT = 200  # the width of the name, company and product columns

Change = tuple[Inquiry, HistoryEvent]
Values = Mapping[str, str | None]


def field_value(inquiry: Inquiry, name: str) -> str | None:
    """The current value of a readable field ("source" lives beside the customer)."""
    return inquiry.source if name == "source" else getattr(inquiry.customer, name)


def with_values(inquiry: Inquiry, values: Values) -> Inquiry:
    """The inquiry with some readable fields replaced."""
    customer = {k: v for k, v in values.items() if k in EDITABLE_FIELDS}
    updated = replace(inquiry, customer=replace(inquiry.customer, **customer)) if customer else inquiry
    return replace(updated, source=values["source"]) if "source" in values else updated


def check_field(raw: str) -> str:
    name = raw.strip().lower()
    if name not in EDITABLE_FIELDS:
        raise InvalidInput("error.unknown_field", field=raw, choices=", ".join(EDITABLE_FIELDS))
    return name


def check_value(name: str, raw: str, customer: Customer) -> str | None:
    """The stored form of a typed value, or a refusal that says what is wrong with it; "-" clears."""
    text = " ".join(raw.split())
    if text == CLEAR:
        return None
    if not text:
        raise InvalidInput("error.missing_argument", argument="VALUE")
    if name == "email":
        email = normalise_email(text)
        if email is None:
            raise InvalidInput("error.bad_email", value=text)
        return email
    if name == "phone":
        phone = normalise_phone(text, default_region=customer.country)
        if phone is None:
            raise InvalidInput("error.bad_phone", value=text)
        return phone
    if name == "country":
        return check_country(text)
    if len(text) > MAX_TEXT:
        raise InvalidInput("error.value_too_long", field=name, limit=MAX_TEXT)
    return text


def check_country(text: str) -> str:
    """"BR", "Brazil", "巴西", "Brasil" -> "BR"; anything else is refused."""
    code = text.upper()
    found = code if len(code) == 2 and code in iso_countries() else find_country_in_text(text)
    if found is None:
        raise InvalidInput("error.unknown_country", value=text)
    return found


def check_source(raw: str) -> str:
    """A source id ("made_in_china", "Made-in-China") or a word the keyword table knows ("tweet")."""
    key = raw.strip().lower().replace("-", "_")
    if key in SOURCES:
        return key
    found = detect_source(f"Source: {raw}")
    if found is None:
        raise InvalidInput("error.unknown_source", value=raw, choices=", ".join(SOURCES))
    return found


def correct(inquiry: Inquiry, actor: str, name: str, value: str | None, now: datetime) -> Change:
    """A field set by hand: recorded with old and new value, and protected from later re-reads."""
    if inquiry.erased_at is not None and name != "source":
        raise InvalidInput("error.erased", id=inquiry.id)
    old = field_value(inquiry, name)
    updated = with_values(inquiry, {name: value})
    return updated, HistoryEvent(now, CORRECTED, actor, {"field": name, "old": old, "new": value})


PERSONAL_FIELDS = frozenset({"name", "company", "email", "phone"})  # what erasure removes (country, product stay)
ERASED = "erased"


def scrub_personal(data: dict[str, object]) -> dict[str, object]:
    """A `corrected` or `reread` event's data without the customer's personal values (erasure on request)."""
    if data.get("field") in PERSONAL_FIELDS:
        return {**data, "old": ERASED if data.get("old") else None, "new": ERASED if data.get("new") else None}
    changes = data.get("changes")
    if isinstance(changes, dict):
        kept = {k: ([ERASED if v else None for v in pair] if k in PERSONAL_FIELDS else pair)
                for k, pair in changes.items()}
        return {**data, "changes": kept}
    return data


DELETED_REASON = "other 原转发消息已删除 (intake message deleted)"  # the grey reason a deletion proposes


def propose_grey_on_deletion(inquiry: Inquiry, now: datetime) -> tuple[Inquiry, list[HistoryEvent]]:
    """The intake message was deleted: recorded, and, unless grey is already pending, proposed grey for its
    specialist to confirm or decline (a pending grey proposal is what pauses the follow-up clock)."""
    events = [HistoryEvent(now, "intake_deleted", None, {})]
    if not inquiry.is_open or inquiry.grey_state is not None:
        return inquiry, events
    updated = replace(inquiry, grey_state="proposed", grey_reason=DELETED_REASON)
    events.append(HistoryEvent(now, "grey_proposed", None, {"grey_kind": "other", "reason": DELETED_REASON}))
    return updated, events


def keep_after_deletion(inquiry: Inquiry, actor: str, now: datetime) -> Change:
    """The specialist keeps an inquiry whose message was deleted: the grey proposal the deletion made goes."""
    withdrawn = inquiry.grey_state == "proposed" and inquiry.grey_reason == DELETED_REASON
    updated = replace(inquiry, grey_state=None, grey_reason=None) if withdrawn else inquiry
    return updated, HistoryEvent(now, "deletion_kept", actor, {"grey_withdrawn": withdrawn})


def corrected_fields(history: Iterable[HistoryEvent]) -> frozenset[str]:
    """Fields somebody corrected by hand: a re-read leaves them alone."""
    return frozenset(str(e.data.get("field")) for e in history if e.kind == CORRECTED)


def reread(
    inquiry: Inquiry, text: str, values: Values, protected: frozenset[str], actor: str | None, now: datetime
) -> tuple[Inquiry, HistoryEvent, dict[str, list[str | None]], list[str]]:
    """Apply what the edited message now says to every field nobody corrected by hand.

    Returns the inquiry, the history event, the changes {field: [old, new]} and the fields kept because a
    person had corrected them although the text now says otherwise.
    """
    changes: dict[str, list[str | None]] = {}
    kept: list[str] = []
    for name in READ_FIELDS:
        old, new = field_value(inquiry, name), values.get(name)
        if old == new:
            continue
        if name in protected:
            kept.append(name)
        else:
            changes[name] = [old, new]
    updated = with_values(replace(inquiry, original_text=text), {k: v[1] for k, v in changes.items()})
    event = HistoryEvent(now, REREAD, actor, {"changes": changes, "kept": kept})
    return updated, event, changes, kept
