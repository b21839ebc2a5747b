"""A whole real month (October 2026: National Day holiday 1-7 Oct, make-up working Saturday 10 Oct) played
through the shell handlers and every scheduled slot, with a frozen clock. Asserts the exact penalty list and
the key lines each person was sent."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from bot.bootstrap import App, build
from bot.clock import FrozenClock
from bot.handlers.shell import ShellSession
from bot.org.model import Org
from bot.settings import Settings
from tests.conftest import EXAMPLE_ORG, Transcript, local
from tests.scenarios.playbook import Step, daily_reports, inquiry, play, timeline

OCTOBER = [date(2026, 10, 1) + timedelta(days=n) for n in range(31)]


A, B, E, D, C = (inquiry(n) for n in range(1, 6))  # numbered in forwarding order

PEOPLE_STEPS = [
    # the P7 extract of September: zhao and sun confirm on time, li two working days late (due Sat 10 Oct 17:30)
    Step(local(2026, 10, 9, 16, 0), "zhao", "/inq ledger sent 2026-09"),
    Step(local(2026, 10, 9, 16, 5), "sun", "/inq ledger sent 2026-09"),
    Step(local(2026, 10, 12, 18, 0), "li", "/inq ledger sent 2026-09"),
    # Monday 12 Oct: two Brazilian inquiries; zhang follows up in time, zhou never does
    Step(local(2026, 10, 12, 10, 0), "li", "Alibaba RFQ · Ana Costa · ana@quimicafina.com.br · +55 21 99876-5432"),
    Step(local(2026, 10, 12, 11, 0), "li", "Website form · Bruno Lima · bruno@agrolab.com.br · +55 11 91234-5678"),
    Step(local(2026, 10, 12, 14, 0), "zhang", f"/inq ack {A}"),
    Step(local(2026, 10, 12, 15, 0), "zhang", f"/inq followup {A} email Sent the GC-2030 quotation and catalogue"),
    # Tuesday 13 Oct: a Gulf inquiry, followed up in time by huang
    Step(local(2026, 10, 13, 9, 30), "zhao", "RFQ from Dubai, tel +971 50 123 4567, ahmed@gulf-lab.ae, 3 HPLC"),
    Step(local(2026, 10, 13, 16, 0), "huang", f"/inq followup {E} whatsapp Called Ahmed and sent the price list"),
    # Wednesday 14 Oct 22:30, after the cutoff: due Thursday 23:59, followed up Friday morning (late)
    Step(local(2026, 10, 14, 22, 30), "li", "Cotización: cromatógrafo, tel +51 1 4567890, compras@labperu.com.pe"),
    Step(local(2026, 10, 16, 9, 0), "wu", f"/inq followup {D} wechat Sent the quote and asked about the budget"),
    # Saturday 17 Oct (a weekend): due Monday 19 Oct 23:59, followed up Monday evening (in time)
    Step(local(2026, 10, 17, 11, 0), "li", "WhatsApp: Hola, necesito un espectrómetro. +52 55 1234 5678"),
    Step(local(2026, 10, 19, 20, 0), "zhang", f"/inq followup {C} whatsapp Replied with two models and prices"),
    # two deals in trade1; wang reports A in the daily report but never sends the monthly one
    Step(local(2026, 10, 20, 16, 0), "zhang", f"/inq won {A} 38000"),
    Step(local(2026, 10, 22, 11, 0), "zhang", f"/inq won {C} 12500"),
    Step(local(2026, 10, 29, 10, 0), "chen", "/inq deals month none"),
    Step(local(2026, 10, 29, 10, 5), "liu", "/inq deals month none"),
    # the specialist decides: zhou's lapse waived; zhang appeals his, li confirms after reading the appeal
    # PEN-2026-00001/2: li's P7 days; 3: zhou's P1.4 (B); 4: wang's P4; 5: wu's P1.4 (D); 6-9: P6
    Step(local(2026, 10, 16, 10, 0), "li", "/inq penalty waive PEN-2026-00003 customer's number was unreachable"),
    Step(local(2026, 10, 16, 10, 30), "wu", "/inq penalty appeal PEN-2026-00005 I replied on WeChat that night"),
    Step(local(2026, 10, 16, 11, 0), "li", "/inq penalty confirm PEN-2026-00005 the log shows Friday 09:00"),
]


def messages(transcript: Transcript) -> list[tuple[str, str]]:
    """The shell transcript as (recipient, text) pairs."""
    found = []
    for block in transcript.lines:
        header = re.match(r"── to (.+?) ──\n", block)
        if header:
            found.append((header.group(1), block[header.end():]))
    return found


@pytest.fixture
async def october(
    sqlite_url: str, org: Org, tmp_path: Path
) -> AsyncIterator[tuple[App, Transcript, list[str]]]:
    transcript, replies = Transcript(), []
    clock = FrozenClock(local(2026, 10, 1, 0, 0))
    settings = Settings(DATABASE_URL=sqlite_url, INQUIRYBOT_ORG=str(EXAMPLE_ORG),
                        INQUIRYBOT_REPORTS_DIR=str(tmp_path / "reports"))
    app = await build(settings, clock=clock, org=org, shell_write=transcript.write)
    workdays = [d for d in OCTOBER if app.ctx.calendar.is_workday(d)]
    reports = daily_reports(workdays, forgotten=date(2026, 10, 13), deal_day=date(2026, 10, 20), deal=A)

    async def say(_at: datetime, step: object) -> None:
        assert isinstance(step, Step)
        person = app.org.person(step.who)
        assert person is not None
        session = ShellSession(app, person, lambda text, who=step.who: replies.append(f"{who}: {text}"))
        await session.handle(step.line)

    await play(app, clock, timeline(app, OCTOBER, [*PEOPLE_STEPS, *reports]), say)
    yield app, transcript, replies
    await app.close()


async def test_the_penalty_ledger_of_october(october: tuple[App, Transcript, list[str]]) -> None:
    app, _transcript, replies = october
    async with app.ctx.uow() as uow:
        penalties = await uow.penalties.list()
    table = sorted((p.rule, p.person_id, p.amount, p.status.value, p.inquiry_id, p.appealed) for p in penalties)
    assert table == [
        ("P1.4", "wu", 40, "confirmed", D, True),  # due Thu 15 Oct 23:59, followed up Fri 09:00; appealed
        ("P1.4", "zhou", 40, "waived", B, False),  # never followed up; waived by li
        ("P4", "wang", 50, "proposed", None, False),  # no daily report on Tue 13 Oct
        ("P6", "wang", 80, "proposed", A, False),  # monthly report missed with two won inquiries
        ("P6", "wang", 80, "proposed", C, False),
        ("P6", "zhang", 20, "proposed", A, False),
        ("P6", "zhang", 20, "proposed", C, False),
        ("P7", "li", 50, "proposed", None, False),  # September's extract confirmed two working days late
        ("P7", "li", 50, "proposed", None, False),
    ]
    p4 = next(p for p in penalties if p.rule == "P4")
    assert p4.period == "2026-10-13"
    p6_groups = {p.split_group for p in penalties if p.rule == "P6"}
    assert p6_groups == {f"P6:{A}", f"P6:{C}"}
    assert not [r for r in replies if "error.apology" in r or "Traceback" in r]


async def test_what_people_were_told(october: tuple[App, Transcript, list[str]]) -> None:
    app, transcript, _replies = october
    sent = messages(transcript)

    def to(name: str, *needles: str) -> list[str]:
        return [text for who, text in sent if who == f"{name} (DM)" and all(n in text for n in needles)]

    assert to("周敏", B)  # the assignment of B reached zhou
    assert to("周敏", "P1.4", "40")  # and the proposed penalty
    assert to("李雷", "P1.4", B)  # the specialist is asked to confirm or waive it
    assert to("吴强", D, "P1.4")
    assert to("王芳", "P4")  # wang hears about the missed daily report
    assert to("王芳", "P6")
    assert to("张伟", C)  # the Saturday inquiry reached zhang
    assert to("李雷", "P7")
    assert to("黄磊", E)
    reminders_before_deadline = to("周敏", B, "23:59")
    assert len(reminders_before_deadline) >= 2  # the assignment and the 21:00/23:00 reminders
    counts = [text for who, text in sent if who.startswith("channel C0LATAM")]
    assert any("2026-10-12" in text for text in counts)
    prompts = [text for who, text in sent if who == "王芳 (DM)" and "/inq deals today" in text]
    prompted_days = {day for text in prompts for day in re.findall(r"2026-10-\d\d", text)}
    holiday = {f"2026-10-0{d}" for d in range(1, 8)}
    assert not prompted_days & holiday  # no deal prompts during the National Day holiday
    assert {"2026-10-08", "2026-10-10", "2026-10-13"} <= prompted_days  # the make-up Saturday is a working day
