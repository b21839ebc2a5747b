"""A small November 2026 played through the shell, shared by the report tests (ledger, statement, rankings).

23 Nov (Mon): li forwards a Brazilian inquiry (followed up, won on the 25th for 12,000) and a Mexican spam one
(proposed grey by its rep, confirmed by li); zhao forwards one from the UAE (followed up only the next morning:
late); sun forwards a German one (acknowledged, never followed up). The 23:59 sweep proposes P1.4 for the German
and the UAE inquiries; zhao waives the UAE one. The monthly deal sweep on 30 Nov (no report) proposes P6 for the
won inquiry, split between wang (80) and the rep (20).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.bootstrap import App
from bot.clock import FrozenClock
from bot.handlers.shell import ShellSession
from bot.rules.inquiry import Inquiry
from bot.services.jobs import run_at
from tests.conftest import Transcript, local

BRAZIL = ("Inquiry via Alibaba\\nName: João Pereira\\nCompany: Laboratório Paulista Ltda\\n"
          "Email: joao.pereira@labpaulista.com.br\\nWhatsApp: +55 11 98765-4321\\nPlease quote 2 UV-Vis units.")
MEXICO_SPAM = "Packaging supplier offer, cheap boxes! Call +52 55 1234 5678"
UAE = "TradeManager message (Alibaba)\\nBuyer: Ahmed Al-Mansouri\\nNeed 50 pH meters.\\nWhatsApp: +971-50-123-4567"
GERMANY = ("Website form\\nName: Katrin Weber\\nCompany: Labortechnik Weber GmbH\\n"
           "Email: k.weber@labortechnik-weber.de\\nTel: +49 89 1234 5678\\nPlease quote moisture analyzers.")


@dataclass(frozen=True)
class Month:
    won: Inquiry
    grey: Inquiry
    late: Inquiry
    missed: Inquiry


async def say(app: App, person: str, line: str, transcript: Transcript) -> None:
    who = app.org.person(person)
    assert who is not None
    await ShellSession(app, who, transcript.write).handle(line)


async def inquiries(app: App) -> list[Inquiry]:
    async with app.ctx.uow() as uow:
        return await uow.inquiries.list()


async def at(app: App, clock: FrozenClock, when: datetime, person: str, line: str, transcript: Transcript) -> None:
    clock.set(when)
    await say(app, person, line, transcript)


async def play_november(app: App, clock: FrozenClock, transcript: Transcript) -> Month:
    """The month described above; returns the four inquiries as they ended up."""
    forwards = ((local(2026, 11, 23, 9, 0), "li", BRAZIL), (local(2026, 11, 23, 9, 5), "li", MEXICO_SPAM),
                (local(2026, 11, 23, 9, 10), "zhao", UAE), (local(2026, 11, 23, 9, 15), "sun", GERMANY))
    for when, person, text in forwards:
        await at(app, clock, when, person, text, transcript)
    won, grey, late, missed = await inquiries(app)
    assert (won.region_id, grey.region_id, late.region_id, missed.region_id) == ("latam", "latam", "mena", "europe")
    steps = [
        (local(2026, 11, 23, 9, 30), won.assignee_id, f"/inq ack {won.id}"),
        (local(2026, 11, 23, 10, 0), won.assignee_id, f"/inq followup {won.id} whatsapp Sent quotation and catalogue"),
        (local(2026, 11, 23, 10, 5), grey.assignee_id, f"/inq grey {grey.id} supplier: packaging offer, not a buyer"),
        (local(2026, 11, 23, 10, 20), "li", f"/inq grey {grey.id}"),
        (local(2026, 11, 23, 11, 0), missed.assignee_id, f"/inq ack {missed.id}"),
    ]
    for when, person, line in steps:
        await at(app, clock, when, person or "", line, transcript)
    await job(app, clock, "followup_sweep", local(2026, 11, 23, 23, 59))
    await at(app, clock, local(2026, 11, 24, 10, 0), late.assignee_id or "",
             f"/inq followup {late.id} email Quoted FOB price for 50 pH meters", transcript)
    async with app.ctx.uow() as uow:
        proposed = {p.inquiry_id: p.id for p in await uow.penalties.list()}
    await at(app, clock, local(2026, 11, 24, 10, 30), "zhao",
             f"/inq penalty waive {proposed[late.id]} customer asked to be called the next day", transcript)
    await at(app, clock, local(2026, 11, 25, 16, 0), won.assignee_id or "", f"/inq won {won.id} 12,000", transcript)
    await job(app, clock, "deals_monthly_sweep", local(2026, 11, 30, 15, 30))
    by_id = {i.id: i for i in await inquiries(app)}
    return Month(by_id[won.id], by_id[grey.id], by_id[late.id], by_id[missed.id])


async def job(app: App, clock: FrozenClock, name: str, when: datetime) -> None:
    clock.set(when)
    outcome = await run_at(app.ctx, name, when)
    assert outcome.status == "done", outcome
    await app.dispatcher.drain()
