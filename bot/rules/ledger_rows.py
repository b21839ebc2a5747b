"""Rows of the ledger 《海外电子商务信息汇总台账》 (SPEC section 7): one inquiry becomes one row of typed cells.

Cells are plain values for a spreadsheet: naive local datetimes (a spreadsheet has no time zones; the org time
zone is the one people read), numbers as numbers, everything else as text. Display words come from `label`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.rules.inquiry import Inquiry, Status
from bot.rules.penalties import Penalty

Cell = str | int | float | datetime | None
Label = Callable[[str, str | None], str]  # (group, value) -> words in the reader's locale; "" for None

COLUMNS = (
    "id", "received", "forwarded", "source", "customer", "company", "country", "region", "department",
    "specialist", "rep", "acknowledged", "first_followup", "method", "crm_id", "agent", "status", "grey_reason",
    "won_date", "amount", "transfers", "penalties",
)
DATETIME_COLUMNS = frozenset({"received", "forwarded", "acknowledged", "first_followup", "won_date"})
UNROUTED = "_unrouted"


@dataclass(frozen=True)
class LedgerRow:
    cells: tuple[Cell, ...]
    style: str | None = None  # "grey" (confirmed invalid) | "won" | None


@dataclass(frozen=True)
class LedgerSheet:
    department_id: str  # or UNROUTED for inquiries with no region yet
    rows: tuple[LedgerRow, ...]


def naive_local(value: datetime | None, tz: ZoneInfo) -> datetime | None:
    """Wall-clock time in the org time zone without tzinfo, the form a spreadsheet cell can hold."""
    return value.astimezone(tz).replace(tzinfo=None, microsecond=0) if value else None


def amount_value(raw: str | None) -> int | float | str | None:
    """`12,000` as the number 12000; text that is not a number stays text so nothing is lost."""
    if raw is None or not raw.strip():
        return None
    try:
        number = float(raw.replace(",", "").strip())
    except ValueError:
        return raw
    return int(number) if number.is_integer() else number


def penalty_text(penalties: Sequence[Penalty], label: Label) -> str | None:
    """`PEN-2026-00001 P1.4 40 待确认; ...`: the penalties one inquiry caused, waived ones included."""
    parts = [
        f"{p.id} {p.rule} {p.amount if p.amount is not None else '—'} {label('penalty_status', p.status.value)}"
        for p in penalties
    ]
    return "; ".join(parts) or None


def grey_cell(inquiry: Inquiry, label: Label) -> str | None:
    """The reason once grey is confirmed; a proposal nobody has decided yet only says it is pending."""
    if inquiry.grey_state == "confirmed":
        return inquiry.grey_reason
    if inquiry.grey_state == "proposed":
        return label("grey_state", "proposed")
    return None


def ledger_row(inquiry: Inquiry, penalties: Sequence[Penalty], label: Label, tz: ZoneInfo,
               earlier: str | None = None) -> LedgerRow:
    """`earlier`: the holders before the period-end one ("张伟 → 周敏"), shown in the transfers column."""
    c = inquiry.customer
    values: dict[str, Cell] = {
        "id": inquiry.id,
        "received": naive_local(inquiry.received_at, tz),
        "forwarded": naive_local(inquiry.forwarded_at, tz),
        "source": label("source", inquiry.source) or None,
        "customer": c.name,
        "company": c.company,
        "country": label("country", c.country) or None,
        "region": label("region", inquiry.region_id) or None,
        "department": label("department", inquiry.department_id) or None,
        "specialist": label("person", inquiry.specialist_id) or None,
        "rep": label("person", inquiry.assignee_id) or None,
        "acknowledged": naive_local(inquiry.acknowledged_at, tz),
        "first_followup": naive_local(inquiry.followed_up_at, tz),
        "method": label("method", inquiry.followup_method) or None,
        "crm_id": inquiry.crm_id,
        "agent": inquiry.agent_name,
        "status": label("status", inquiry.status.value),
        "grey_reason": grey_cell(inquiry, label),
        "won_date": naive_local(inquiry.won_at, tz),
        "amount": amount_value(inquiry.won_amount),
        "transfers": earlier,
        "penalties": penalty_text(penalties, label),
    }
    style = "grey" if inquiry.status is Status.GREY else "won" if inquiry.status is Status.WON else None
    return LedgerRow(tuple(values[name] for name in COLUMNS), style)


def ledger_sheets(
    inquiries: Iterable[Inquiry],
    penalties: Mapping[str, Sequence[Penalty]],
    department_ids: Sequence[str],
    label: Label,
    tz: ZoneInfo,
    *,
    with_unrouted: bool = False,
    earlier: Mapping[str, str | None] | None = None,
) -> list[LedgerSheet]:
    """One sheet per department in the given order (empty ones too), oldest inquiry first."""
    by_department: dict[str, list[LedgerRow]] = {d: [] for d in department_ids}
    if with_unrouted:
        by_department[UNROUTED] = []
    for inquiry in sorted(inquiries, key=lambda i: (i.forwarded_at, i.id)):
        rows = by_department.get(inquiry.department_id or UNROUTED)
        if rows is not None:
            rows.append(ledger_row(inquiry, penalties.get(inquiry.id, ()), label, tz, (earlier or {}).get(inquiry.id)))
    return [
        LedgerSheet(d, tuple(rows)) for d, rows in by_department.items() if rows or d != UNROUTED
    ]
