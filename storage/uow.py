"""The unit of work: one transaction, its repositories, and an explicit commit."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from types import TracebackType
from typing import Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.database import SingleWriter, intake_turn, single_writer
from storage.repositories.away import AwayRepository
from storage.repositories.chat_state import ConversationRepository, SentMessageRepository
from storage.repositories.inbound import InboundFailureRepository
from storage.repositories.inquiries import InquiryRepository
from storage.repositories.jobs import JobRunRepository
from storage.repositories.misc import (
    AuditRepository,
    PointerRepository,
    ProcessedEventRepository,
    SequenceRepository,
)
from storage.repositories.outbox import LaneOf, OutboxRepository
from storage.repositories.penalties import PenaltyRepository
from storage.repositories.people import PeopleRepository
from storage.repositories.reports import ReportRepository

TURN_WAIT = 2.0  # seconds an intake waits for its turn before it goes ahead without one


class UnitOfWork:
    """`async with uow:` opens a transaction; leaving without `commit()` rolls it back."""

    session: AsyncSession
    inquiries: InquiryRepository
    outbox: OutboxRepository
    sequences: SequenceRepository
    pointers: PointerRepository
    events: ProcessedEventRepository
    audit: AuditRepository
    people: PeopleRepository
    away: AwayRepository
    sent: SentMessageRepository
    conversations: ConversationRepository
    jobs: JobRunRepository
    penalties: PenaltyRepository
    reports: ReportRepository
    inbound_failures: InboundFailureRepository

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], on_outbox: Callable[[], None] | None = None,
        lanes: LaneOf | None = None,
    ) -> None:
        self._sessions = sessions
        self._on_outbox = on_outbox
        self._lanes = lanes
        self._after_commit: list[Callable[[], None]] = []
        self._writer = single_writer(sessions)
        self._turn: SingleWriter | None = None

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Run `callback` once this transaction commits (counters must not count what was rolled back)."""
        self._after_commit.append(callback)

    async def __aenter__(self) -> Self:
        if self._writer is not None:
            await self._writer.acquire()
        try:
            self._open()
        except BaseException:
            if self._writer is not None:
                self._writer.release()
            raise
        return self

    def _open(self) -> None:
        self.session = self._sessions()
        self.inquiries = InquiryRepository(self.session)
        self.outbox = OutboxRepository(self.session, self._lanes)
        self.sequences = SequenceRepository(self.session)
        self.pointers = PointerRepository(self.session)
        self.events = ProcessedEventRepository(self.session)
        self.audit = AuditRepository(self.session)
        self.people = PeopleRepository(self.session)
        self.away = AwayRepository(self.session)
        self.sent = SentMessageRepository(self.session)
        self.conversations = ConversationRepository(self.session)
        self.jobs = JobRunRepository(self.session)
        self.penalties = PenaltyRepository(self.session)
        self.reports = ReportRepository(self.session)
        self.inbound_failures = InboundFailureRepository(self.session)

    async def intake_turn(self) -> None:
        """Wait for this process's earlier intakes to finish (see storage.database.intake_turn); call it before the
        first statement, so the wait holds no connection. Released when the unit of work ends. At most TURN_WAIT:
        behind an intake stuck on a database outage the others would otherwise fail one connect timeout apart."""
        turn = intake_turn(self._sessions)
        if turn is not None and self._turn is None:
            try:
                await asyncio.wait_for(turn.acquire(), TURN_WAIT)
            except TimeoutError:
                return  # the one in front is stuck (an outage): go ahead, the row locks keep it correct
            self._turn = turn

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            await self.session.rollback()
        finally:
            try:
                await self.session.close()
            finally:
                if self._turn is not None:
                    self._turn.release()
                    self._turn = None
                if self._writer is not None:
                    self._writer.release()

    async def commit(self) -> None:
        await self.session.commit()
        done, self._after_commit = self._after_commit, []
        for callback in done:
            callback()
        if self.outbox.added and self._on_outbox is not None:
            self._on_outbox()  # wake the dispatcher: the messages of this change are ready
            self.outbox.added = 0
