"""`inquirybot demo`: the sample org on a temporary SQLite database, one working day played through the shell.

Specialists forward inquiries from Brazil, the UAE, Russia and Germany; reps acknowledge and follow up; the
scheduler posts the three counts; one inquiry is never followed up, so the 23:59 sweep proposes a P1.4 penalty,
which the specialist confirms the next morning. A FrozenClock is moved by hand, so the run is offline and quick.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.bootstrap import App, build
from bot.clock import FrozenClock
from bot.handlers.shell import ShellSession
from bot.org.loader import load_org
from bot.org.model import Locale
from bot.rules.deadlines import local_at
from bot.services.jobs import BODIES, run_at
from bot.settings import Settings

DAY = date(2026, 11, 23)  # a Monday and a working day
FORWARDS = (  # (time, specialist, country shown in the transcript, pasted text)
    ("09:05", "li", "BR", "Inquiry via Alibaba\nName: João Pereira\nCompany: Laboratório Paulista Ltda\n"
                          "Email: joao.pereira@labpaulista.com.br\nWhatsApp: +55 11 98765-4321\n"
                          "Precisamos de 2 espectrofotômetros UV-Vis, favor enviar cotação."),
    ("09:12", "zhao", "AE", "TradeManager message (Alibaba)\nBuyer: Ahmed Al-Mansouri\n"
                            "Hi, I need 50 units of pH meter model PH-3C. Can you send the FOB price?\n"
                            "WhatsApp: +971-50-123-4567"),
    ("09:26", "zhao", "RU", "От: Сергей Иванов <s.ivanov@pribor-m.ru>\nТема: Запрос цены на газоанализаторы\n"
                            "Нашу компанию (Москва, Россия) интересуют газоанализаторы серии GA-500.\n"
                            "Тел.: +7 495 123-45-67"),
    ("09:41", "sun", "DE", "Website form\nName: Katrin Weber\nCompany: Labortechnik Weber GmbH\n"
                           "Email: k.weber@labortechnik-weber.de\nTel: +49 89 1234 5678\n"
                           "We are interested in your moisture analyzers, please send a quotation."),
)
FOLLOW_UPS = (  # (time, index into FORWARDS, method, note), in time order; no method = acknowledge only
    ("10:02", 0, None, None),
    ("10:15", 1, None, None),
    ("10:30", 0, "whatsapp", "Sent the UV-Vis quotation and the catalogue, customer replied"),
    ("11:00", 2, "phone", "Called Sergei, he wants a demo unit and a price for 3 pieces"),
    ("11:30", 3, None, None),  # acknowledged, but nobody follows it up today: P1.4
    ("14:20", 1, "email", "Quoted FOB Shanghai for 50 pH meters, delivery in 3 weeks"),
)


@dataclass
class Demo:
    """The app, the hand-moved clock and the transcript writer of one demo run."""

    app: App
    clock: FrozenClock
    write: Callable[[str], None]
    locale: str
    inquiries: list[str] = field(default_factory=list)
    penalties: list[str] = field(default_factory=list)

    def at(self, hhmm: str, day: date = DAY) -> None:
        hour, minute = (int(part) for part in hhmm.split(":"))
        self.clock.set(local_at(day, time(hour, minute), self.app.ctx.tz))

    def narrate(self, kind: str, **data: Any) -> None:
        stamp = self.app.ctx.local(self.clock.now()).strftime("%Y-%m-%d %H:%M")
        text = self.app.renderer.render("demo.step", {"kind": kind, **data}, locale=self.locale, platform="shell")
        self.write(f"[{stamp}] {text}")

    async def say(self, person_id: str, line: str, **data: Any) -> None:
        """A person types a line in the shell chat (a command, or a specialist's pasted inquiry)."""
        person = self.app.org.person(person_id)
        assert person is not None, person_id
        kind = "command" if line.startswith("/inq") else "forward"
        self.narrate(kind, who=person.name, line=line, **data)
        await ShellSession(self.app, person, indented(self.write)).handle(line.replace("\n", "\\n"))

    async def job(self, name: str) -> None:
        if name not in BODIES:
            return  # a job another part of the bot has not registered yet: the day goes on without it
        self.narrate("job", job=name)
        await run_at(self.app.ctx, name, self.clock.now())
        await self.app.dispatcher.drain()


def indented(write: Callable[[str], None]) -> Callable[[str], None]:
    """What the bot says, indented under the step that caused it."""
    return lambda text: write("\n".join(f"    {line}" for line in text.splitlines()))


async def _assignees(demo: Demo) -> list[str]:
    async with demo.app.ctx.uow() as uow:
        found = await uow.inquiries.list(forwarded_from=local_at(DAY, time(0), demo.app.ctx.tz))
    demo.inquiries = [i.id for i in found]
    return [i.assignee_id or "" for i in found]


async def play(demo: Demo) -> None:
    """The day itself: forwards, the reps' work, the three count posts, the sweep and the confirmation."""
    for hhmm, specialist, country, text in FORWARDS:
        demo.at(hhmm)
        await demo.say(specialist, text, country=country)
    reps = await _assignees(demo)
    for hhmm, n, method, note in FOLLOW_UPS:
        demo.at(hhmm)
        line = f"/inq followup {demo.inquiries[n]} {method} {note}" if method else f"/inq ack {demo.inquiries[n]}"
        await demo.say(reps[n], line)
    for hhmm, name in (("18:30", "counts_evening"), ("21:00", "followup_reminders"), ("21:45", "counts_night"),
                       ("23:59", "followup_sweep")):
        demo.at(hhmm)
        await demo.job(name)
    demo.at("09:30", DAY + timedelta(days=1))
    await demo.job("counts_morning")
    async with demo.app.ctx.uow() as uow:
        demo.penalties = [p.id for p in await uow.penalties.list()]
    demo.at("09:48", DAY + timedelta(days=1))
    for penalty in demo.penalties:
        await demo.say("sun", f"/inq penalty confirm {penalty}")
    demo.at("09:55", DAY + timedelta(days=1))
    await demo.say("li", "/inq rank 2026-11")


async def run_demo(org_file: Path, write: Callable[[str], None], locale: Locale | None = None) -> Demo:
    """Build the bot on a throw-away database, play the day, print it; returns what happened."""
    org = load_org(org_file)
    if locale:
        org = replace(org, locale=locale)
    with tempfile.TemporaryDirectory(prefix="inquirybot-demo-") as scratch:
        settings = Settings(DATABASE_URL=f"sqlite+aiosqlite:///{Path(scratch) / 'demo.db'}",
                            INQUIRYBOT_ORG=str(org_file), INQUIRYBOT_REPORTS_DIR=str(Path(scratch) / "reports"))
        clock = FrozenClock(datetime.combine(DAY, time(9, 0), tzinfo=ZoneInfo(org.timezone)))
        app = await build(settings, clock=clock, org=org, shell_write=indented(write))
        demo = Demo(app, clock, write, org.locale)
        try:
            demo.narrate("intro", org_file=org_file.name, day=DAY.isoformat(), timezone=org.timezone)
            await play(demo)
            demo.narrate("done", inquiries=demo.inquiries, penalties=demo.penalties)
        finally:
            await app.close()
    return demo
