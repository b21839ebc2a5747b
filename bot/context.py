"""What every use case needs, built once by bootstrap and passed down."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.org.model import Org, Person
from bot.rules.calendar import WorkCalendar

if TYPE_CHECKING:  # the unit of work maps every table: a command that only reads one inquiry never imports it
    from bot.rules.intake import ParsedInquiry
    from bot.rules.own_side import OwnSide
    from storage.uow import UnitOfWork


async def parse_here(text: str, own: OwnSide) -> ParsedInquiry:
    """Read an inquiry's text on the calling event loop (the default everywhere but `serve`). The rules are
    imported on the first text, not by every command that builds a context (`inquiries show` reads none)."""
    from bot.rules.intake import parse_inquiry

    return parse_inquiry(text, own)


@dataclass
class Context:
    org: Org
    clock: Clock
    uow: Callable[[], UnitOfWork]
    calendar: WorkCalendar
    org_file: Path | None = None  # where `/inq reload` re-reads the org from
    reload_hooks: list[Callable[[Org], None]] = field(default_factory=list)
    reports_dir: Path = Path("reports")  # where generated XLSX/PNG reports are written
    # How an inquiry's text is read: here, on the event loop, unless `serve` hands it to a parser process
    # (bot/bootstrap_parser.py) so that reading texts uses the second core while the loop answers requests.
    parse: Callable[[str, OwnSide], Awaitable[ParsedInquiry]] = parse_here

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.org.timezone)

    def now(self) -> datetime:
        return self.clock.now()

    def today(self) -> date:
        """`today` is the org time zone's current date (SPEC section 7)."""
        return self.clock.now().astimezone(self.tz).date()

    def local(self, instant: datetime) -> datetime:
        return instant.astimezone(self.tz)

    def person(self, person_id: str | None) -> Person | None:
        return self.org.person(person_id) if person_id else None
