"""Five weeks, 28 Sep - 6 Nov 2026 (National Day 1-7 Oct, make-up working Saturday 10 Oct), played through the
shell and every scheduled slot with a frozen clock: the penalty record is asserted rule by rule, with amounts,
statuses and each step of its history, and what the statement, the announce channel and the people were told.

The story (trade1, Latin America, specialist li, manager wang; the reps are whoever round-robin picks):
- A, Mon 28 Sep: followed up, won Tue 29 Sep, never entered in CRM. The audit moves from the holiday Friday
  2 Oct to Thu 8 Oct; li's "2 deals checked" is not an amount; li confirms amount=1900; a second P3 is refused;
  the 16:00 notice publishes it; the rep appeals; li waives it; the announce channel gets a correction.
- B, Tue 29 Sep: followed up late: P1.4, confirmed. On Fri 9 Oct li finds a different lapse (P5): the bot asks,
  li repeats with `confirm`, the P5 is recorded and wang is told.
- M, Wed 30 Sep: never followed up (P1.4 proposed for its rep). Mon 12 Oct li transfers it to trade2, whose rep
  follows it up that day: the P1.4 stays with the September holder.
- B is re-assigned to wu on the make-up Saturday 10 Oct. September's ranking, day counts and ledger read the
  same before the re-assignment and after the transfer.
- H, Thu 1 Oct (holiday): due Thu 8 Oct 23:59, followed up in time.
- F, Fri 9 Oct 22:30 (Friday evening): due on the make-up Saturday, followed up then.
- W, Sun 11 Oct (weekend): due Mon 12 Oct 23:59, never followed up: P1.4 left proposed.
- G, Mon 12 Oct: grey proposed at once; the pending proposal pauses the clock; li confirms grey Wed 14 Oct.
- R, Tue 13 Oct: grey proposed, rejected by li Wed 22:30; the clock resumes (due Thu 23:59), followed up Thu.
- S, Thu 15 Oct: not followed up (P1.4 proposed), then grey proposed and confirmed: the P1.4 is waived.
- wang sends no daily deal report on Tue 13 Oct (P4, confirmed by li: the message still names trade1).
- li confirms September's ledger extract on Tue 13 Oct, two working days late (P7 day 1 confirmed, day 2 open).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from openpyxl import load_workbook

from bot.bootstrap import App, build
from bot.clock import FrozenClock
from bot.handlers.shell import ShellSession
from bot.org.model import Org
from bot.rules.counts import report_json
from bot.rules.penalties import Penalty
from bot.rules.penalty_facts import PenaltyStep
from bot.rules.rankings import ranking_json
from bot.services.counts import report_for
from bot.services.ledger import export
from bot.services.rankings import ranking_for
from bot.services.statements import write_statement
from bot.settings import Settings
from tests.conftest import EXAMPLE_ORG, SHANGHAI, Transcript, local
from tests.scenarios.playbook import Step, daily_reports, inquiry, play, timeline

DAYS = [date(2026, 9, 28) + timedelta(days=n) for n in range(40)]  # 28 Sep .. 6 Nov
PENALTY_JOBS = ("followup_sweep", "deals_daily_sweep", "deals_monthly_sweep", "ledger_sweep", "crm_audit",
                "p3_notice")


A, B, M, H, F, W, G, R, S = (inquiry(n) for n in range(1, 10))  # numbered in forwarding order


def brazil(n: int, name: str) -> str:
    return f"Inquiry via Alibaba: {name}, {name.lower()}@lab{n}.com.br, WhatsApp +55 11 9876{n}-43{n:02d}, quote"


def steps() -> list[Step]:
    d = local
    return [
        Step(d(2026, 9, 28, 10, 0), "li", brazil(1, "Ana")),
        Step(d(2026, 9, 28, 15, 0), "@A", f"/inq followup {A} email Sent the GC-2030 quotation and catalogue"),
        Step(d(2026, 9, 29, 11, 0), "li", brazil(2, "Bruno")),
        Step(d(2026, 9, 29, 16, 0), "@A", f"/inq won {A} 38000"),
        Step(d(2026, 9, 30, 9, 0), "@B", f"/inq followup {B} whatsapp Called Bruno and sent the price list"),
        Step(d(2026, 9, 30, 10, 0), "li", "/inq penalty confirm PEN-2026-00001 the log shows 30 Sep 09:00"),
        Step(d(2026, 9, 30, 10, 30), "wang", f"/inq deals month {A}"),
        Step(d(2026, 9, 30, 10, 35), "chen", "/inq deals month none"),
        Step(d(2026, 9, 30, 10, 40), "liu", "/inq deals month none"),
        Step(d(2026, 9, 30, 14, 0), "li", brazil(9, "Marta")),  # M: never followed up in September
        Step(d(2026, 10, 1, 10, 0), "li", brazil(3, "Carla")),  # National Day
        Step(d(2026, 10, 8, 11, 0), "@H", f"/inq followup {H} email Answered after the holiday with a quote"),
        # the P3 audit ran at 10:00 on Thu 8 Oct (Fri 2 Oct was a holiday)
        Step(d(2026, 10, 8, 11, 30), "li", "/inq penalty confirm {P3} 2 deals checked in CRM, none entered"),
        Step(d(2026, 10, 8, 11, 35), "li", "/inq penalty confirm {P3} amount=1900 commission on the GC-2030"),
        Step(d(2026, 10, 8, 11, 40), "li", f"/inq penalty add @A P3 {A} amount=500 second try"),
        Step(d(2026, 10, 9, 10, 0), "zhao", "/inq ledger sent 2026-09"),
        Step(d(2026, 10, 9, 10, 5), "sun", "/inq ledger sent 2026-09"),
        Step(d(2026, 10, 9, 11, 0), "li", f"/inq penalty add @B P5 {B} second question about delivery unanswered"),
        Step(d(2026, 10, 9, 11, 5), "li", f"/inq penalty add @B P5 {B} confirm second question about delivery "
                                          "unanswered"),
        Step(d(2026, 10, 9, 14, 0), "@A", "/inq penalty appeal {P3} the CRM entry is under the company's name"),
        Step(d(2026, 10, 9, 22, 30), "li", brazil(4, "Diego")),  # Friday evening, after the 21:59 cutoff
        Step(d(2026, 10, 10, 15, 0), "@F", f"/inq followup {F} email Sent the quote on the make-up Saturday"),
        Step(d(2026, 10, 10, 18, 30), "li", f"/inq assign {B} wu"),  # re-assigned on the make-up Saturday
        Step(d(2026, 10, 11, 10, 0), "li", brazil(5, "Elena")),  # Sunday
        Step(d(2026, 10, 12, 10, 0), "li", brazil(6, "Fabio")),
        Step(d(2026, 10, 12, 10, 30), "@G", f"/inq grey {G} spam: an SEO agency, not a buyer"),
        Step(d(2026, 10, 12, 10, 15), "li", f"/inq transfer {M} trade2"),
        Step(d(2026, 10, 12, 11, 0), "li", "/inq penalty waive {P3} the CRM record exists under the company"),
        Step(d(2026, 10, 12, 11, 30), "@M", f"/inq followup {M} email Quoted after the transfer to trade2"),
        Step(d(2026, 10, 13, 10, 0), "li", brazil(7, "Gabriel")),
        Step(d(2026, 10, 13, 10, 5), "li", "/inq ledger sent 2026-09"),  # two working days late
        Step(d(2026, 10, 13, 12, 0), "@R", f"/inq grey {R} unreachable: the number does not answer"),
        Step(d(2026, 10, 14, 10, 0), "li", f"/inq grey {G}"),
        Step(d(2026, 10, 14, 10, 30), "li", "/inq penalty confirm {P4} no report that evening, checked with wang"),
        Step(d(2026, 10, 14, 22, 30), "li", f"/inq grey reject {R} it is a real lab, WhatsApp works"),
        Step(d(2026, 10, 15, 10, 0), "@R", f"/inq followup {R} whatsapp Reached Gabriel on WhatsApp, sent quote"),
        Step(d(2026, 10, 15, 10, 30), "li", brazil(8, "Hugo")),
        Step(d(2026, 10, 15, 11, 0), "gao", "/inq penalty confirm {P7_1} late, as the log shows"),
        Step(d(2026, 10, 16, 9, 0), "@S", f"/inq grey {S} supplier: sells reagents to us"),
        Step(d(2026, 10, 16, 10, 0), "li", f"/inq grey {S}"),
        Step(d(2026, 10, 30, 10, 0), "wang", "/inq deals month none"),
        Step(d(2026, 10, 30, 10, 5), "chen", "/inq deals month none"),
        Step(d(2026, 10, 30, 10, 10), "liu", "/inq deals month none"),
        Step(d(2026, 11, 3, 10, 0), "li", "/inq ledger sent 2026-10"),
        Step(d(2026, 11, 3, 10, 5), "zhao", "/inq ledger sent 2026-10"),
        Step(d(2026, 11, 3, 10, 10), "sun", "/inq ledger sent 2026-10"),
    ]


@dataclass(frozen=True)
class Snapshot:
    """A moment at which the fixture reads September as the record shows it."""

    name: str


BEFORE, AFTER = Snapshot("before the re-assignment"), Snapshot("after the transfer")


@dataclass
class Played:
    app: App
    transcript: Transcript
    replies: list[str]
    september: dict[str, dict[str, Any]]  # Snapshot name -> ranking, day counts, ledger cells
    holders: dict[str, str]  # inquiry -> its rep before the re-assignment and the transfer


async def september(app: App, path: Path) -> dict[str, Any]:
    """September as the record shows it now: the ranking, the day counts of 28-30 Sep, every ledger cell."""
    async with app.ctx.uow() as uow:
        counts = [report_json(await report_for(uow, app.ctx, date(2026, 9, d))) for d in (28, 29, 30)]
    made = await export(app.ctx, "2026-09", None, path, actor="test")
    book = load_workbook(made.path)
    cells = {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in book.worksheets}
    return {"ranking": ranking_json(await ranking_for(app.ctx, "2026-09")), "counts": counts, "ledger": cells}


async def _rep_of(app: App, inquiry_id: str) -> str:
    async with app.ctx.uow() as uow:
        found = await uow.inquiries.get(inquiry_id)
    assert found is not None and found.assignee_id is not None
    return found.assignee_id


async def _ids(app: App) -> dict[str, str]:
    """Penalty ids the story names by what they are ({P4}, {P7_1}, {P3})."""
    async with app.ctx.uow() as uow:
        found = await uow.penalties.list()
    named = {"P4": [p.id for p in found if p.rule == "P4"], "P3": [p.id for p in found if p.rule == "P3"],
             "P7_1": [p.id for p in found if p.rule == "P7" and p.facts.day == 1]}
    return {k: v[0] for k, v in named.items() if v}


async def _line(app: App, step: Step) -> tuple[str, str]:
    """Who speaks and what, with the story's names (@A: the rep of A; {P4}: the P4 record) filled in."""
    line = step.line
    for marker in set(re.findall(r"@([A-Z])\b", line)):
        line = line.replace(f"@{marker}", await _rep_of(app, globals()[marker]))
    ids = await _ids(app)
    line = re.sub(r"\{(\w+)\}", lambda m: ids.get(m.group(1), m.group(0)), line)
    who = await _rep_of(app, globals()[step.who[1:]]) if step.who.startswith("@") else step.who
    return who, line


pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def five_weeks(org: Org, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Played]:
    """Played once for the module: every test reads the same five weeks (and changes nothing in them)."""
    tmp_path = tmp_path_factory.mktemp("five_weeks")
    sqlite_url = f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"
    transcript, replies = Transcript(), []
    snapshots: dict[str, dict[str, Any]] = {}
    holders: dict[str, str] = {}
    clock = FrozenClock(local(2026, 9, 28, 0, 0))
    settings = Settings(DATABASE_URL=sqlite_url, INQUIRYBOT_ORG=str(EXAMPLE_ORG),
                        INQUIRYBOT_REPORTS_DIR=str(tmp_path / "reports"))
    app = await build(settings, clock=clock, org=org, shell_write=transcript.write)
    workdays = [d for d in DAYS if app.ctx.calendar.is_workday(d)]
    # wang forgets Tuesday 13 October; reports A on 29 September
    reports = daily_reports(workdays, forgotten=date(2026, 10, 13), deal_day=date(2026, 9, 29), deal=A)
    # after the P7 of Saturday 17:30 (a September fact), before the 18:30 re-assignment; after the 10:15 transfer
    marks = [(local(2026, 10, 10, 18, 0), BEFORE), (local(2026, 10, 12, 10, 20), AFTER)]

    async def act(at: datetime, what: object) -> None:
        if isinstance(what, Snapshot):
            snapshots[what.name] = await september(app, tmp_path / f"{what.name}.xlsx")
            if what is BEFORE:
                holders.update({x: await _rep_of(app, x) for x in (A, B, M)})
            return
        assert isinstance(what, Step)
        who, line = await _line(app, what)
        person = app.org.person(who)
        assert person is not None

        def said(text: str, w: str = who, t: datetime = at) -> None:
            replies.append(f"{t.astimezone(SHANGHAI):%m-%d %H:%M} {w}: {text}")

        await ShellSession(app, person, said).handle(line)

    await play(app, clock, timeline(app, DAYS, [*steps(), *reports], marks), act)
    yield Played(app, transcript, replies, snapshots, holders)
    await app.close()


async def _penalties(app: App) -> tuple[list[Penalty], dict[str, list[PenaltyStep]]]:
    async with app.ctx.uow() as uow:
        found = await uow.penalties.list()
        history = await uow.penalties.history([p.id for p in found])
    return found, history


def _steps(history: list[PenaltyStep]) -> list[tuple[str, str | None, str, int | None]]:
    """(what, who, local time, amount) of each step."""
    return [(s.what, s.who, s.at.astimezone(SHANGHAI).strftime("%m-%d %H:%M"), s.amount) for s in history]


def _sent(transcript: Transcript, label: str) -> list[str]:
    header = f"── to {label} ──"
    return [line[len(header):].strip() for line in transcript.lines if line.startswith(header)]


async def test_every_penalty_with_its_amount_status_and_history(five_weeks: Played) -> None:
    app = five_weeks.app
    reps = {**{x: await _rep_of(app, x) for x in (W, S)}, **five_weeks.holders}  # A, B, M: before they moved
    found, history = await _penalties(app)
    table = sorted((p.rule, p.person_id, p.amount, p.status.value, p.inquiry_id, p.period) for p in found)
    assert table == sorted([
        ("P1.4", reps[B], 40, "confirmed", B, "2026-09-29"),
        ("P1.4", reps[M], 40, "proposed", M, "2026-09-30"),  # stays with September's holder after the transfer
        ("P3", reps[A], 1900, "waived", A, "2026-09"),
        ("P5", reps[B], 40, "confirmed", B, "2026-10-09"),
        ("P7", "li", 50, "confirmed", None, "2026-09"),
        ("P7", "li", 50, "proposed", None, "2026-09"),
        ("P1.4", reps[W], 40, "proposed", W, "2026-10-12"),
        ("P4", "wang", 50, "confirmed", None, "2026-10-13"),
        ("P1.4", reps[S], 40, "waived", S, "2026-10-15"),
    ])
    by = {(p.rule, p.inquiry_id, p.facts.day): p for p in found}
    p3 = by[("P3", A, None)]
    assert _steps(history[p3.id]) == [
        ("proposed", None, "10-08 10:00", None),
        ("confirmed", "li", "10-08 11:35", 1900),
        ("published", None, "10-08 16:00", None),
        ("appealed", reps[A], "10-09 14:00", None),
        ("waived", "li", "10-12 11:00", None),
        ("corrected", None, "10-12 11:00", None),
    ]
    assert [s.reason for s in history[p3.id]][1] == "commission on the GC-2030"
    assert not p3.under_appeal  # decided after the appeal: the status is the decision
    b14, b5 = by[("P1.4", B, None)], by[("P5", B, None)]
    assert _steps(history[b14.id]) == [("proposed", None, "09-29 23:59", 40), ("confirmed", "li", "09-30 10:00", None)]
    assert _steps(history[b5.id]) == [("recorded", "li", "10-09 11:05", 40)]
    assert b5.facts.different_from == (b14.id,) and b5.facts.department == "trade1"
    assert datetime.fromisoformat(b14.facts.due_at or "") == local(2026, 9, 29, 23, 59)
    p4 = by[("P4", None, None)]
    assert (p4.facts.department, p4.facts.date, p4.reason) == ("trade1", "2026-10-13",
                                                               "no report that evening, checked with wang")
    assert _steps(history[p4.id]) == [("proposed", None, "10-13 21:00", 50), ("confirmed", "li", "10-14 10:30", None)]
    day1, day2 = by[("P7", None, 1)], by[("P7", None, 2)]
    assert (day1.facts.month, day2.facts.month) == ("2026-09", "2026-09")
    assert _steps(history[day1.id]) == [("proposed", None, "10-10 17:30", 50),  # the make-up Saturday
                                        ("confirmed", "gao", "10-15 11:00", None)]
    assert _steps(history[day2.id]) == [("proposed", None, "10-12 17:30", 50)]
    s14 = by[("P1.4", S, None)]
    assert _steps(history[s14.id]) == [("proposed", None, "10-15 23:59", 40), ("waived", "li", "10-16 10:00", None)]
    assert (history[s14.id][-1].reason or "").startswith("grey confirmed: supplier")
    w14 = by[("P1.4", W, None)]
    assert datetime.fromisoformat(w14.facts.due_at or "") == local(2026, 10, 12, 23, 59)


async def test_clocks_on_holidays_weekends_and_grey(five_weeks: Played) -> None:
    """The holiday, Friday-evening and weekend inquiries get the right due times; grey pauses and resumes."""
    app = five_weeks.app
    async with app.ctx.uow() as uow:
        due = {i.id: i.due_at for i in await uow.inquiries.list()}
        statuses = {i.id: i.status.value for i in await uow.inquiries.list()}
    assert due[H] == local(2026, 10, 8, 23, 59)  # forwarded on National Day
    assert due[F] == local(2026, 10, 10, 23, 59)  # Friday 22:30: due on the make-up Saturday
    assert due[W] == local(2026, 10, 12, 23, 59)  # Sunday: due Monday
    assert due[G] == local(2026, 10, 12, 23, 59) and statuses[G] == "grey"  # paused, never penalised
    assert due[R] == local(2026, 10, 15, 23, 59)  # rejected Wed 22:30: due counted from the rejection
    assert statuses[S] == "grey"


async def test_money_counts_confirmed_penalties_only(five_weeks: Played, tmp_path: Path) -> None:
    app = five_weeks.app
    found, _ = await _penalties(app)
    for month in ("2026-09", "2026-10"):
        made = await write_statement(app.ctx, month, tmp_path / f"{month}.xlsx", actor="test")
        mine = [p for p in found if p.period.startswith(month)]
        assert made.total == sum(p.amount or 0 for p in mine if p.status.value == "confirmed")
        assert made.undecided_total == sum(p.amount or 0 for p in mine if p.status.value == "proposed")
    september = await write_statement(app.ctx, "2026-09", tmp_path / "s.xlsx", actor="test")
    october = await write_statement(app.ctx, "2026-10", tmp_path / "o.xlsx", actor="test")
    assert (september.total, september.undecided_total) == (40 + 50, 40 + 50)  # P1.4 B, P7 day 1 | P1.4 M, day 2
    assert (october.total, october.undecided_total) == (40 + 50, 40)  # P5 B, P4 | P1.4 W
    li = app.org.person("li")
    assert li is not None
    said: list[str] = []
    await ShellSession(app, li, said.append).handle("/inq incentives 2026-10")
    assert "合计 90 元" in said[-1] and "待决（1 条，40 元，不计入合计）" in said[-1]


async def test_what_the_announce_channel_and_people_were_told(five_weeks: Played) -> None:
    app, transcript, replies = five_weeks.app, five_weeks.transcript, five_weeks.replies
    announce = _sent(transcript, "channel C0ANNOUNCE")
    notices = [t for t in announce if "CRM核查公示 2026-10" in t]
    corrections = [t for t in announce if "CRM核查公示更正" in t]
    assert len(notices) >= 1 and "1900 元" in notices[0] and A in notices[0]
    assert corrections and A in corrections[0]
    assert not [t for t in announce if "CRM核查公示 2026-11" in t]  # nothing left to publish in November
    prose = next(r for r in replies if r.startswith("10-08 11:30 li"))
    assert "amount=" in prose  # "2 deals checked" is not 2 yuan
    second = next(r for r in replies if r.startswith("10-08 11:40 li"))
    p3 = (await _ids(app))["P3"]
    assert p3 in second  # the second P3 names the first
    asked = next(r for r in replies if r.startswith("10-09 11:00 li"))
    assert "PEN-2026-00001" in asked and "confirm" in asked
    wang = _sent(transcript, "王芳 (DM)")
    assert any("制度5" in t and B in t for t in wang)  # the manager is told of the P5
    assert any("P4" in t and "贸易一部" in t and "已确认" in t for t in wang)  # facts, not the reason
    li_dm = _sent(transcript, "李雷 (DM)")
    assert any("逾期第 1 个工作日" in t and "已确认" in t for t in li_dm)
    assert not [r for r in replies if "error.apology" in r or "Traceback" in r]
    said: list[str] = []
    li = app.org.person("li")
    assert li is not None
    await ShellSession(app, li, said.append).handle(f"/inq penalty show {p3}")
    shown = said[-1]
    for step in ("提出", "确认", "公示", "申诉", "免除", "更正公示"):
        assert step in shown
    assert "1900 元" in shown and "已免除" in shown and "申诉中" not in shown


async def test_no_penalty_duty_on_a_non_working_day(five_weeks: Played) -> None:
    app = five_weeks.app
    cal = app.ctx.calendar
    async with app.ctx.uow() as uow:
        runs = {job: [slot for _j, slot, _late, _st in await uow.jobs.runs(job)]
                for job in PENALTY_JOBS if job != "followup_sweep"}
    for job, slots in runs.items():
        assert slots, job
        for slot in slots:
            assert cal.is_workday(date.fromisoformat(slot[:10])), (job, slot)
    assert runs["crm_audit"] == ["2026-10-08T10:00", "2026-11-06T10:00"]  # Fri 2 Oct was National Day
    assert runs["p3_notice"] == ["2026-10-08T16:00", "2026-11-06T16:00"]
    found, _ = await _penalties(app)
    for penalty in found:
        assert cal.is_workday(penalty.created_at.astimezone(SHANGHAI).date()), penalty


async def test_a_reassignment_and_a_transfer_leave_september_as_it_was(five_weeks: Played) -> None:
    app, holders = five_weeks.app, five_weeks.holders
    before, after = five_weeks.september[BEFORE.name], five_weeks.september[AFTER.name]
    async with app.ctx.uow() as uow:
        b, m = await uow.inquiries.get(B), await uow.inquiries.get(M)
        history = await uow.inquiries.history(B)
    assert b is not None and m is not None
    assert holders[B] != "wu" and b.assignee_id == "wu"
    assert m.department_id == "trade2" and m.assignee_id != holders[M] and m.status.value == "followed_up"
    assert m.due_at == local(2026, 10, 12, 23, 59)  # a fresh due time from the transfer, met that day
    moved = next(e for e in history if e.kind == "assigned" and e.data.get("previous"))
    assert datetime.fromisoformat(moved.data["previous_due_at"]) == local(2026, 9, 29, 23, 59)
    assert after == before
    reps = {r["key"]: (r["due"], r["on_time"]) for r in before["ranking"]["reps"]}
    # A on time, B late, M missed; B then went to M's holder, whose September still shows one due inquiry
    assert reps == {holders[A]: (1, 1), holders[B]: (1, 0), holders[M]: (1, 0)}
    ledger_text = repr(before["ledger"])
    assert M in ledger_text and B in ledger_text


async def test_the_weekly_tables_cover_every_inquiry_once(five_weeks: Played) -> None:
    app = five_weeks.app
    cal = app.ctx.calendar
    async with app.ctx.uow() as uow:
        rows = await uow.outbox.rows()
        runs = [slot for _j, slot, _late, _st in await uow.jobs.runs("weekly_manager_table")]
    assert runs and all(cal.is_workday(date.fromisoformat(slot[:10])) for slot in runs)
    seen: list[str] = []
    for item, _status, _error in rows:
        attachment = item.message.data.get("attachment") if item.message.key == "digest.weekly_manager" else None
        if attachment:
            book = load_workbook(attachment["path"])
            seen += [str(r[0]) for ws in book.worksheets for r in ws.iter_rows(min_row=2, values_only=True)]
    assert sorted(seen) == sorted([A, B, M, H, F, W, G, R, S])  # Friday evening and weekend ones included
