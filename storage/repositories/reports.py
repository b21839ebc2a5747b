"""What managers and specialists report: daily and monthly deals, ledger sent, counts match."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.database import insert_once
from storage.tables import CountMatchRow, DealReportRow, LedgerSentRow


@dataclass(frozen=True)
class DealReport:
    department_id: str
    kind: str  # "daily" | "monthly"
    period: str  # "2026-11-23" | "2026-11"
    reported_at: datetime
    reported_by: str
    inquiry_ids: tuple[str, ...]


class ReportRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_deal_report(self, report: DealReport) -> bool:
        """The first report of a period counts for the deadline; a second one is refused by the caller."""
        return await insert_once(
            self.session, DealReportRow, DealReportRow.id, department_id=report.department_id, kind=report.kind,
            period=report.period, reported_at=report.reported_at, reported_by=report.reported_by,
            inquiry_ids=list(report.inquiry_ids),
        )

    async def deal_reports(self, kind: str, period: str) -> dict[str, DealReport]:
        stmt = select(DealReportRow).where(DealReportRow.kind == kind, DealReportRow.period == period)
        return {
            r.department_id: DealReport(r.department_id, r.kind, r.period, r.reported_at, r.reported_by,
                                        tuple(r.inquiry_ids))
            for r in (await self.session.execute(stmt)).scalars()
        }

    async def confirm_ledger(self, month: str, department_id: str, by: str, now: datetime) -> bool:
        return await insert_once(self.session, LedgerSentRow, LedgerSentRow.id, month=month,
                                 department_id=department_id, confirmed_by=by, confirmed_at=now)

    async def ledger_confirmations(self, month: str) -> dict[str, datetime]:
        stmt = select(LedgerSentRow).where(LedgerSentRow.month == month)
        return {r.department_id: r.confirmed_at for r in (await self.session.execute(stmt)).scalars()}

    async def match_counts(self, department_id: str, day: date, by: str, now: datetime) -> bool:
        return await insert_once(self.session, CountMatchRow, CountMatchRow.id, department_id=department_id,
                                 day=day, by=by, at=now)
