"""Penalties (负激励) as values, and the pure decisions of who owes what for which lapse (SPEC section 5)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.org.model import Org
from bot.rules.inquiry import Inquiry, Status
from bot.rules.penalty_facts import PenaltyFacts

RULES = ("P1.3", "P1.4", "P3", "P4", "P5", "P6", "P7")
CALENDAR_RULES = ("P1.4", "P4", "P6", "P7")  # detected from working days, so a guessed calendar can mislead them
MANUAL_RULES = ("P1.3", "P3", "P5")


class PenaltyStatus(StrEnum):
    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    WAIVED = "waived"


@dataclass(frozen=True)
class PenaltyDraft:
    """A penalty about to be recorded; `lapse_key` makes the same lapse impossible to record twice."""

    lapse_key: str
    rule: str
    person_id: str
    amount: int | None
    period: str
    inquiry_id: str | None = None
    reason: str | None = None
    split_group: str | None = None
    status: PenaltyStatus = PenaltyStatus.PROPOSED
    facts: PenaltyFacts = PenaltyFacts()


@dataclass(frozen=True)
class Penalty:
    id: str
    lapse_key: str
    rule: str
    person_id: str
    amount: int | None
    period: str
    status: PenaltyStatus
    created_at: datetime
    inquiry_id: str | None = None
    reason: str | None = None
    split_group: str | None = None
    appealed: bool = False
    appeal_reason: str | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    calendar_fallback: bool = False  # derived from guessed working days (a year without holiday data)
    facts: PenaltyFacts = PenaltyFacts()

    @property
    def under_appeal(self) -> bool:
        """Appealed and not yet decided again; once decided, the status is the decision."""
        return self.appealed and self.status is PenaltyStatus.PROPOSED


def followup_lapses(inquiries: Iterable[Inquiry], slot: datetime, org: Org, tz: ZoneInfo) -> list[PenaltyDraft]:
    """P1.4: every inquiry due by `slot` that was not followed up by its due time, once per assignment clock.
    A pending grey proposal pauses the clock: the inquiry is skipped until grey is decided."""
    drafts = []
    for inquiry in inquiries:
        due, followed = inquiry.due_at, inquiry.followed_up_at
        if inquiry.assignee_id is None or due is None or due > slot or inquiry.status is Status.GREY:
            continue
        if inquiry.grey_state == "proposed":
            continue
        if followed is not None and followed <= due:
            continue
        drafts.append(PenaltyDraft(
            lapse_key=followup_lapse_key(inquiry.id, inquiry.transfers, due), rule="P1.4",
            person_id=inquiry.assignee_id,
            amount=org.penalties.p1_4, period=due.astimezone(tz).date().isoformat(), inquiry_id=inquiry.id,
            facts=PenaltyFacts(inquiry=inquiry.id, department=inquiry.department_id, due_at=due.isoformat()),
        ))
    return drafts


def followup_lapse_key(inquiry_id: str, transfers: int, due: datetime) -> str:
    """One P1.4 per due time: a re-assignment's fresh due time is a new lapse, a rerun of the same one is not."""
    return f"P1.4:{inquiry_id}:{transfers}:{due.astimezone(UTC):%Y%m%dT%H%M}"


def legacy_followup_key(key: str) -> str:
    """The key P1.4 had before due times were part of it (one per transfer), still honoured for old lapses."""
    return key.rsplit(":", 1)[0]


def daily_deal_lapses(day: date, org: Org, reported: set[str]) -> list[PenaltyDraft]:
    """P4: a department whose manager sent no daily deal report (not even "none") by the deadline."""
    return [
        PenaltyDraft(lapse_key=f"P4:{d.id}:{day.isoformat()}", rule="P4", person_id=d.manager,
                     amount=org.penalties.p4, period=day.isoformat(),
                     facts=PenaltyFacts(department=d.id, date=day.isoformat()))
        for d in org.departments
        if d.id not in reported and (manager := org.person(d.manager)) is not None and manager.active
    ]


def monthly_deal_lapses(
    month: str, org: Org, won: Mapping[str, Sequence[Inquiry]], on_time_reports: Mapping[str, set[str]]
) -> list[PenaltyDraft]:
    """P6: each won inquiry missing from an on-time monthly report costs 100, split 80 manager / 20 rep."""
    drafts: list[PenaltyDraft] = []
    p = org.penalties
    for department in org.departments:
        reported = on_time_reports.get(department.id)
        for inquiry in won.get(department.id, ()):
            if reported is not None and inquiry.id in reported:
                continue
            group = f"P6:{inquiry.id}"
            shares = [(department.manager, p.p6 * p.p6_split_manager // 100, "manager")]
            if inquiry.assignee_id:
                shares.append((inquiry.assignee_id, p.p6 * p.p6_split_rep // 100, "rep"))
            drafts.extend(
                PenaltyDraft(lapse_key=f"{group}:{role}", rule="P6", person_id=person, amount=amount, period=month,
                             inquiry_id=inquiry.id, split_group=group,
                             facts=PenaltyFacts(inquiry=inquiry.id, department=department.id, month=month,
                                                split_group=group, share=role))
                for person, amount, role in shares
            )
    return drafts


def ledger_lapses(month: str, specialist_id: str, days_late: int, amount: int) -> list[PenaltyDraft]:
    """P7: one penalty per working day the ledger extract of `month` is late, numbered so none repeats."""
    return [
        PenaltyDraft(lapse_key=f"P7:{specialist_id}:{month}:{n}", rule="P7", person_id=specialist_id,
                     amount=amount, period=month, facts=PenaltyFacts(month=month, day=n))
        for n in range(1, days_late + 1)
    ]


def crm_audit_lapses(won_without_crm: Iterable[Inquiry], month: str) -> list[PenaltyDraft]:
    """P3: a won inquiry with no CRM confirmation forfeits commission (amount entered by the specialist)."""
    return [
        PenaltyDraft(lapse_key=p3_key(i.id), rule="P3", person_id=i.assignee_id, amount=None, period=month,
                     inquiry_id=i.id, facts=PenaltyFacts(inquiry=i.id, department=i.department_id, month=month))
        for i in won_without_crm
        if i.assignee_id
    ]


def manual_lapse_key(rule: str, person_id: str, inquiry_id: str | None, day: date, reason: str) -> str:
    """What one finding is, so a double submit records it once: P1.3 and P3 once per inquiry and person; P5 per
    finding (its wording) per inquiry and ISO week; a finding with no inquiry once per person, day and wording."""
    if inquiry_id and rule == "P3":
        return p3_key(inquiry_id)
    if inquiry_id and rule == "P1.3":
        return f"{rule}:{inquiry_id}:{person_id}"
    digest = hashlib.sha1(" ".join(reason.lower().split()).encode()).hexdigest()[:12]
    if inquiry_id:  # P5: per finding; the same finding typed twice in one week is one
        year, week, _ = day.isocalendar()
        return f"{rule}:{inquiry_id}:{person_id}:{year}-W{week:02d}:{digest}"
    return f"{rule}:{person_id}:{day.isoformat()}:{digest}"


def p3_key(inquiry_id: str) -> str:
    """One P3 per inquiry, whether the audit drafted it or a specialist entered it."""
    return f"P3:{inquiry_id}"
