"""Small helpers for driving the bot as people do and reading what each person was sent."""

from __future__ import annotations

from datetime import datetime

from bot.bootstrap import App
from bot.clock import FrozenClock
from bot.handlers.shell import ShellSession
from bot.rules.inquiry import Inquiry
from bot.services.jobs import Outcome, run_at
from tests.conftest import Transcript


def session(app: App, person: str, transcript: Transcript) -> ShellSession:
    who = app.org.person(person)
    assert who is not None
    return ShellSession(app, who, transcript.write)


async def forward(app: App, transcript: Transcript, text: str, specialist: str = "li") -> Inquiry:
    """A specialist forwards one inquiry; returns it as stored."""
    await session(app, specialist, transcript).handle(text)
    async with app.ctx.uow() as uow:
        newest = (await uow.inquiries.list())[-1]
    return newest


def brazil(n: int) -> str:
    """A distinct Brazilian inquiry (Latin America, trade1) that is never linked as a duplicate (n < 10)."""
    return (f"Inquiry {n} via Alibaba: Maria {n}, lab{n}@exemplo.com.br, WhatsApp +55 11 9876{n:01d}-43{n:02d}, "
            "quote please")


def dubai(n: int) -> str:
    """A distinct inquiry from the UAE (Middle East & North Africa, trade2)."""
    return f"Inquiry {n} from Dubai: Omar {n}, omar{n}@trading.ae, phone +971 50 123 45{n:02d}, need a spectrometer"


async def job_at(app: App, clock: FrozenClock, name: str, at: datetime) -> Outcome:
    """Run one scheduled job as of `at` (the clock moves there too) and deliver what it queued."""
    clock.set(at)
    outcome = await run_at(app.ctx, name, at)
    await app.dispatcher.drain()
    return outcome


def sent_to(transcript: Transcript, name: str) -> list[str]:
    """The texts of every message the shell delivered to `name`'s DM."""
    header = f"── to {name} (DM) ──"
    return [line[len(header):].strip() for line in transcript.lines if line.startswith(header)]


async def stored(app: App, inquiry_id: str) -> Inquiry:
    async with app.ctx.uow() as uow:
        found = await uow.inquiries.get(inquiry_id)
    assert found is not None
    return found
