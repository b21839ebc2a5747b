"""Inquiries turned into JSON-safe dicts for templates, the outbox and `--json` output."""

from __future__ import annotations

import json
from datetime import datetime, tzinfo
from json.encoder import encode_basestring
from typing import Any

from bot.rules.inquiry import HistoryEvent, Inquiry
from storage.repositories.inquiries import ListedInquiry


def iso(value: datetime | None, tz: tzinfo | None = None) -> str | None:
    """ISO-8601 with its offset; in the org time zone when one is given."""
    if value is None:
        return None
    return (value.astimezone(tz) if tz else value).isoformat()


def inquiry_view(inquiry: Inquiry, tz: tzinfo | None = None) -> dict[str, Any]:
    """Everything a template may show about an inquiry (names are looked up at render time)."""
    c = inquiry.customer
    return {
        "id": inquiry.id,
        "status": inquiry.status.value,
        "region": inquiry.region_id,
        "department": inquiry.department_id,
        "assignee": inquiry.assignee_id,
        "specialist": inquiry.specialist_id,
        "source": inquiry.source,
        "customer": {"name": c.name, "company": c.company, "email": c.email, "phone": c.phone,
                     "country": c.country, "product": c.product},
        "received_at": iso(inquiry.received_at, tz),
        "forwarded_at": iso(inquiry.forwarded_at, tz),
        "due_at": iso(inquiry.due_at, tz),
        "acknowledged_at": iso(inquiry.acknowledged_at, tz),
        "followed_up_at": iso(inquiry.followed_up_at, tz),
        "followup_method": inquiry.followup_method,
        "crm_id": inquiry.crm_id,
        "agent": inquiry.agent_name,
        "won_at": iso(inquiry.won_at, tz),
        "won_amount": inquiry.won_amount,
        "lost_reason": inquiry.lost_reason,
        "grey_state": inquiry.grey_state,
        "grey_reason": inquiry.grey_reason,
        "duplicate_of": inquiry.duplicate_of,
        "transfers": inquiry.transfers,
    }


def history_view(events: list[HistoryEvent], tz: tzinfo | None = None) -> list[dict[str, Any]]:
    """Each event with who held the inquiry right after it (`holder`, `holder_department`, `holder_due_at`)."""
    return [{"at": iso(e.at, tz), "kind": e.kind, "actor": e.actor_id, **e.data, **_holder(e, tz)} for e in events]


def _holder(event: HistoryEvent, tz: tzinfo | None) -> dict[str, Any]:
    held = event.holder
    if held is None:
        return {}
    return {"holder": held.person_id, "holder_department": held.department_id, "holder_due_at": iso(held.due_at, tz)}


def inquiry_json(inquiry: Inquiry, events: list[HistoryEvent], tz: tzinfo | None = None) -> dict[str, Any]:
    """The stable JSON shape of `inquirybot inquiries show --json` (SPEC section 8, issue 2)."""
    view = inquiry_view(inquiry, tz)
    customer = {k: view["customer"][k] for k in ("name", "company", "email", "phone", "country")}
    return {
        "id": inquiry.id,
        "status": inquiry.status.value,
        "region": inquiry.region_id,
        "department": inquiry.department_id,
        "assignee": inquiry.assignee_id,
        "source": inquiry.source,
        "customer": customer,
        "received_at": view["received_at"],
        "forwarded_at": view["forwarded_at"],
        "due_at": view["due_at"],
        "acknowledged_at": view["acknowledged_at"],
        "followed_up_at": view["followed_up_at"],
        "history": history_view(events, tz),
    }


class IsoCache(dict[datetime | None, str | None]):
    """`iso` remembered per instant (`cache[instant]`): an inquiry and its events share most of theirs."""

    def __init__(self, tz: tzinfo | None) -> None:
        super().__init__({None: None})
        self.tz = tz

    def __missing__(self, value: datetime | None) -> str | None:
        if len(self) > 4096:
            self.clear()
            self[None] = None
        found = self[value] = iso(value, self.tz)
        return found


def listed_json(listed: ListedInquiry, tz: tzinfo | None = None, cache: IsoCache | None = None) -> dict[str, Any]:
    """`inquiry_json` for a row of `inquiries list`: the same keys and values, built from plain columns."""
    stamp = cache if cache is not None else IsoCache(tz)
    return {
        "id": listed.id,
        "status": listed.status,
        "region": listed.region_id,
        "department": listed.department_id,
        "assignee": listed.assignee_id,
        "source": listed.source,
        "customer": {"name": listed.customer_name, "company": listed.company, "email": listed.email,
                     "phone": listed.phone, "country": listed.country},
        "received_at": stamp[listed.received_at],
        "forwarded_at": stamp[listed.forwarded_at],
        "due_at": stamp[listed.due_at],
        "acknowledged_at": stamp[listed.acknowledged_at],
        "followed_up_at": stamp[listed.followed_up_at],
        "history": [
            {"at": stamp[e.at], "kind": e.kind, "actor": e.actor_id, **e.data, "holder": e.holder_id,
             "holder_department": e.holder_department_id, "holder_due_at": stamp[e.holder_due_at]}
            for e in listed.history
        ],
    }


class QuotedIsoCache(dict[datetime | None, str]):
    """`iso` as a JSON value (`"2026-..."` or `null`) remembered per instant, for `listed_line`."""

    def __init__(self, tz: tzinfo | None) -> None:
        super().__init__({None: "null"})
        self.tz = tz

    def __missing__(self, value: datetime | None) -> str:
        if len(self) > 4096:
            self.clear()
            self[None] = "null"
        found = self[value] = f'"{iso(value, self.tz)}"'
        return found


_EVENT_KEYS = frozenset(("at", "kind", "actor", "holder", "holder_department", "holder_due_at"))


class DataFragments(dict[int, tuple[dict[str, Any], str | None]]):
    """An event's data as the JSON text it adds to its event (`, "to": "zhou", "previous": null`), encoded once
    per data object (the listing shares one object per distinct stored text). Keyed by `id(data)` with the object
    kept alive beside its text, so an id is never reused while cached. None: a key the event sets itself, which
    `listed_line` leaves to the plain encoder (the data's value replaces the event's in place)."""

    def fragment(self, data: dict[str, Any]) -> str | None:
        held = self.get(id(data))
        if held is not None and held[0] is data:
            return held[1]
        if len(self) > 4096:
            self.clear()
        text: str | None
        if _EVENT_KEYS.isdisjoint(data):
            text = ", " + json.dumps(data, ensure_ascii=False, default=str)[1:-1] if data else ""
        else:
            text = None
        self[id(data)] = (data, text)
        return text


class Quoted(dict[str | None, str]):
    """A column as a JSON value (`"latam"` or `null`), remembered: statuses, regions, people repeat."""

    def __init__(self) -> None:
        super().__init__({None: "null"})

    def __missing__(self, value: str) -> str:
        if len(self) > 4096:
            self.clear()
            self[None] = "null"
        found = self[value] = encode_basestring(value)
        return found


def listed_line(listed: ListedInquiry, stamp: QuotedIsoCache, fragments: DataFragments, q: Quoted) -> str:
    """`json.dumps(listed_json(listed), ensure_ascii=False, default=str)`, the same text, written directly: the
    columns are strings or null, so each is one dict lookup (`Quoted`) with no dict built or walked; the instants
    and the event data are encoded once per distinct value too (see `QuotedIsoCache`, `DataFragments`)."""
    events = []
    for e in listed.history:
        data = fragments.fragment(e.data)
        if data is None:
            event = {"at": iso(e.at, stamp.tz), "kind": e.kind, "actor": e.actor_id, **e.data, "holder": e.holder_id,
                     "holder_department": e.holder_department_id, "holder_due_at": iso(e.holder_due_at, stamp.tz)}
            events.append(json.dumps(event, ensure_ascii=False, default=str))
        else:
            events.append(f'{{"at": {stamp[e.at]}, "kind": {q[e.kind]}, "actor": {q[e.actor_id]}{data}, '
                          f'"holder": {q[e.holder_id]}, "holder_department": {q[e.holder_department_id]}, '
                          f'"holder_due_at": {stamp[e.holder_due_at]}}}')
    return (f'{{"id": {q[listed.id]}, "status": {q[listed.status]}, "region": {q[listed.region_id]}, '
            f'"department": {q[listed.department_id]}, "assignee": {q[listed.assignee_id]}, '
            f'"source": {q[listed.source]}, "customer": {{"name": {q[listed.customer_name]}, '
            f'"company": {q[listed.company]}, "email": {q[listed.email]}, "phone": {q[listed.phone]}, '
            f'"country": {q[listed.country]}}}, "received_at": {stamp[listed.received_at]}, '
            f'"forwarded_at": {stamp[listed.forwarded_at]}, "due_at": {stamp[listed.due_at]}, '
            f'"acknowledged_at": {stamp[listed.acknowledged_at]}, "followed_up_at": {stamp[listed.followed_up_at]}, '
            f'"history": [{", ".join(events)}]}}')
