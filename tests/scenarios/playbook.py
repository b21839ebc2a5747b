"""What the month-long scenarios share: people's chat lines and the scheduler's slots, played in time order on
the injected clock, each followed by a drained outbox."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from bot.bootstrap import App
from bot.clock import FrozenClock
from bot.rules.slots import slots_on
from bot.services.jobs import BODIES, run_slot
from tests.conftest import local

MANAGERS = ("wang", "chen", "liu")


@dataclass(frozen=True)
class Step:
    """One chat line: who says it (a person id, or "@A": the rep holding inquiry A) and when."""

    at: datetime
    who: str
    line: str


def inquiry(n: int) -> str:
    return f"INQ-2026-{n:06d}"


def daily_reports(workdays: Iterable[date], *, forgotten: date, deal_day: date, deal: str) -> list[Step]:
    """Managers report the day's deals at 20:30 every working day; wang forgets one day and reports `deal` on
    another."""
    steps = []
    for day in workdays:
        for manager in MANAGERS:
            if manager == "wang" and day == forgotten:
                continue
            deals = deal if manager == "wang" and day == deal_day else "none"
            steps.append(Step(local(day.year, day.month, day.day, 20, 30), manager, f"/inq deals today {deals}"))
    return steps


def timeline(app: App, days: Iterable[date], steps: Iterable[Step],
             marks: Iterable[tuple[datetime, object]] = ()) -> list[tuple[datetime, object]]:
    """Every slot of every job on `days`, the steps, and any marks (read after the steps of their minute), in the
    order they happen: a slot before a line of the same minute."""
    events: list[tuple[datetime, int, object]] = [(s.at, 1, s) for s in steps]
    events += [(slot, 0, job) for day in days for job in sorted(BODIES)
               for slot in slots_on(job, day, app.ctx.tz, app.org.schedule, app.ctx.calendar)]
    events += [(at, 2, mark) for at, mark in marks]
    return [(at, what) for at, _order, what in sorted(events, key=lambda item: (item[0], item[1]))]


async def play(app: App, clock: FrozenClock, events: list[tuple[datetime, object]],
               act: Callable[[datetime, object], Awaitable[None]]) -> None:
    """Set the clock to each event; run a job's slot (it must succeed), hand anything else to `act`; then let
    the outbox deliver what the moment queued."""
    for at, what in events:
        clock.set(at)
        if isinstance(what, str):
            outcome = await run_slot(app.ctx, what, at, late=False)
            assert outcome.status == "done", outcome
        else:
            await act(at, what)
        await app.dispatcher.drain()
