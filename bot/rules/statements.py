"""The monthly incentive statement (负激励明细): a summary per person and rule, and each person's penalties.

Totals count confirmed penalties only (what payroll deducts); proposed ones are listed apart as "not yet
decided", waived ones are listed greyed; P6 records carry their split group and each person's share of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.rules.ledger_rows import Cell, Label, naive_local
from bot.rules.penalties import RULES, Penalty, PenaltyStatus

SUMMARY_COLUMNS = ("person", "person_id", "rule", "count", "amount", "waived", "splits", "undecided",
                   "undecided_amount")
DETAIL_COLUMNS = ("id", "rule", "inquiry", "period", "amount", "status", "reason", "split", "decided_by",
                  "decided_at")


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    style: str | None = None  # "waived" | "undecided" | "total" | "section" | None


def counts(penalty: Penalty) -> bool:
    """Only a confirmed penalty is money: a proposed one may still be waived."""
    return penalty.status is PenaltyStatus.CONFIRMED


def undecided(penalties: Sequence[Penalty]) -> list[Penalty]:
    return [p for p in penalties if p.status is PenaltyStatus.PROPOSED]


def total(penalties: Sequence[Penalty]) -> int:
    return sum(p.amount or 0 for p in penalties if counts(p))


def share(penalty: Penalty, everyone: Sequence[Penalty]) -> str | None:
    """`P6:INQ-2026-000005 80%`: the person's part of a split penalty (P6 manager 80 / rep 20)."""
    if not penalty.split_group:
        return None
    group = [p.amount or 0 for p in everyone if p.split_group == penalty.split_group]
    part = f" {round(100 * (penalty.amount or 0) / sum(group))}%" if sum(group) else ""
    return f"{penalty.split_group}{part}"


def people_in_order(penalties: Sequence[Penalty], order: Sequence[str]) -> list[str]:
    """Everyone with a penalty: in the org file's order, then people no longer in it."""
    present = {p.person_id for p in penalties}
    return [p for p in order if p in present] + sorted(present - set(order))


def _rule_order(rule: str) -> int:
    return RULES.index(rule) if rule in RULES else len(RULES)


def summary_rows(penalties: Sequence[Penalty], order: Sequence[str], label: Label) -> list[Row]:
    """One row per person and rule: counted penalties, their amount, the waived ones, the P6 splits."""
    rows: list[Row] = []
    for person in people_in_order(penalties, order):
        mine = [p for p in penalties if p.person_id == person]
        for rule in sorted({p.rule for p in mine}, key=_rule_order):
            these = [p for p in mine if p.rule == rule]
            splits = "; ".join(s for p in these if counts(p) and (s := share(p, penalties)))
            rows.append(Row((label("person", person), person, label("rule", rule),
                             sum(1 for p in these if counts(p)), total(these), _waived(these), splits or None,
                             len(undecided(these)), _sum(undecided(these)))))
    rows.append(Row((label("statement_sheet", "total"), None, None, sum(1 for p in penalties if counts(p)),
                     total(penalties), _waived(penalties), None, len(undecided(penalties)),
                     _sum(undecided(penalties))), "total"))
    return rows


def _waived(penalties: Sequence[Penalty]) -> int:
    return sum(1 for p in penalties if p.status is PenaltyStatus.WAIVED)


def _sum(penalties: Sequence[Penalty]) -> int:
    return sum(p.amount or 0 for p in penalties)


def detail_rows(mine: Sequence[Penalty], everyone: Sequence[Penalty], label: Label, tz: ZoneInfo) -> list[Row]:
    """One person's decided penalties, oldest first, and the total of the confirmed ones; then, apart, the ones
    not yet decided with their own sum (not part of the total)."""
    ordered = sorted(mine, key=lambda p: (p.created_at, p.id))
    rows = [_detail(p, everyone, label, tz) for p in ordered if p.status is not PenaltyStatus.PROPOSED]
    rows.append(Row((label("statement_sheet", "total"), None, None, None, total(mine), None, None, None, None,
                     None), "total"))
    pending = undecided(ordered)
    if pending:
        rows.append(Row((label("statement_sheet", "undecided"), None, None, None, None, None, None, None, None,
                         None), "section"))
        rows.extend(_detail(p, everyone, label, tz) for p in pending)
        rows.append(Row((label("statement_sheet", "undecided_total"), None, None, None, _sum(pending), None, None,
                         None, None, None), "undecided"))
    return rows


def undecided_rows(penalties: Sequence[Penalty], order: Sequence[str], label: Label, tz: ZoneInfo) -> list[Row]:
    """Every proposed penalty of the month, person by person: the "not yet decided" sheet."""
    pending = sorted(undecided(penalties), key=lambda p: (p.created_at, p.id))
    rows = [_detail(p, penalties, label, tz, with_person=True)
            for person in people_in_order(pending, order) for p in pending if p.person_id == person]
    rows.append(Row((label("statement_sheet", "undecided_total"), None, None, None, None,
                     _sum(undecided(penalties)), None, None, None, None, None), "undecided"))
    return rows


def _detail(p: Penalty, everyone: Sequence[Penalty], label: Label, tz: ZoneInfo, *, with_person: bool = False) -> Row:
    cells: tuple[Cell, ...] = (p.id, label("rule", p.rule), p.inquiry_id, p.period, p.amount,
                               label("penalty_status", p.status.value), p.reason, share(p, everyone),
                               label("person", p.decided_by) or None, naive_local(p.decided_at, tz))
    if with_person:
        cells = (label("person", p.person_id), *cells)
    style = {PenaltyStatus.WAIVED: "waived", PenaltyStatus.PROPOSED: "undecided"}.get(p.status)
    return Row(cells, style)
