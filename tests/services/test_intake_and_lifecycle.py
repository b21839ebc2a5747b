"""Use cases through the real bootstrap on SQLite with a frozen clock, driven as people would drive them."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from bot.bootstrap import App, build
from bot.clock import FrozenClock
from bot.handlers.shell import ShellSession
from bot.org.model import Org
from bot.rules.inquiry import Status
from bot.running import running
from bot.services.intake import IntakeMessage, ingest
from bot.services.jobs import run_at
from bot.services.privacy import erase_inquiry
from bot.settings import Settings
from tests.conftest import EXAMPLE_ORG, Transcript, local

BRAZIL = (
    "Inquiry via Alibaba\\nName: João Pereira\\nCompany: Laboratório Paulista Ltda\\n"
    "Email: joao.pereira@labpaulista.com.br\\nWhatsApp: +55 11 98765-4321\\n"
    "Precisamos de 2 espectrofotômetros UV-Vis, favor enviar cotação."
)
TRADE1_REPS = {"zhang", "zhou", "wu"}


def session(app: App, person: str, transcript: Transcript) -> ShellSession:
    who = app.org.person(person)
    assert who is not None
    return ShellSession(app, who, transcript.write)


async def only_inquiry(app: App) -> str:
    async with app.ctx.uow() as uow:
        found = await uow.inquiries.list()
    assert len(found) == 1
    return found[0].id


async def test_a_brazilian_inquiry_goes_to_trade1_and_is_followed_up(app: App, transcript: Transcript,
                                                                      clock: FrozenClock) -> None:
    await session(app, "li", transcript).handle(BRAZIL)
    inquiry_id = await only_inquiry(app)
    async with app.ctx.uow() as uow:
        inquiry = await uow.inquiries.get(inquiry_id)
    assert inquiry is not None
    assert (inquiry.region_id, inquiry.department_id) == ("latam", "trade1")
    assert inquiry.assignee_id in TRADE1_REPS
    assert inquiry.customer.phone == "+5511987654321"
    assert inquiry.due_at == local(2026, 11, 23, 23, 59)  # forwarded Monday 09:00, due the same evening
    rep = app.org.person(inquiry.assignee_id)
    assert rep is not None
    assert f"to {rep.name} (DM)" in transcript.text and inquiry_id in transcript.text

    clock.advance(timedelta(hours=2))
    rep_session = session(app, rep.id, transcript)
    await rep_session.handle(f"/inq ack {inquiry_id}")
    clock.advance(timedelta(minutes=30))
    await rep_session.handle(f"/inq followup {inquiry_id} whatsapp Sent the quotation and the catalogue")
    async with app.ctx.uow() as uow:
        done = await uow.inquiries.get(inquiry_id)
        history = [e.kind for e in await uow.inquiries.history(inquiry_id)]
    assert done is not None and done.status is Status.FOLLOWED_UP
    assert done.acknowledged_at == local(2026, 11, 23, 11, 0)
    assert done.followed_up_at == local(2026, 11, 23, 11, 30)
    assert history == ["received", "assigned", "acknowledged", "followed_up"]
    assert "to 李雷 (DM)" in transcript.text  # the specialist hears about the follow-up (policy 1.4)


async def test_a_short_note_is_refused_and_changes_nothing(app: App, transcript: Transcript) -> None:
    await session(app, "li", transcript).handle(BRAZIL)
    inquiry_id = await only_inquiry(app)
    async with app.ctx.uow() as uow:
        inquiry = await uow.inquiries.get(inquiry_id)
    assert inquiry is not None and inquiry.assignee_id
    transcript.clear()
    await session(app, inquiry.assignee_id, transcript).handle(f"/inq followup {inquiry_id} email ok")
    assert "10" in transcript.text
    async with app.ctx.uow() as uow:
        unchanged = await uow.inquiries.get(inquiry_id)
    assert unchanged is not None and unchanged.followed_up_at is None


async def test_the_same_platform_message_twice_makes_one_inquiry(app: App) -> None:
    li = app.org.person("li")
    assert li is not None
    message = IntakeMessage(platform="slack", sender=li, text=BRAZIL.replace("\\n", "\n"),
                            forwarded_at=local(2026, 11, 23, 9, 0), message_key="slack:C0INTAKE:1700000000.000100",
                            delivery_key="slack-event:Ev1")
    first = await ingest(message, ctx=app.ctx)
    retry = await ingest(message, ctx=app.ctx)  # Slack retry: same event id
    redelivered = await ingest(IntakeMessage(**{**message.__dict__, "delivery_key": "slack-event:Ev2"}), ctx=app.ctx)
    assert first.created and not retry.created and not redelivered.created
    assert redelivered.inquiry is not None and first.inquiry is not None
    assert redelivered.inquiry.id == first.inquiry.id
    async with app.ctx.uow() as uow:
        assert len(await uow.inquiries.list()) == 1


async def test_a_repeat_customer_is_linked_and_goes_to_the_same_rep(app: App, transcript: Transcript) -> None:
    li = session(app, "li", transcript)
    await li.handle(BRAZIL)
    await li.handle("Hola, soy Carlos de Lima. Tel +51 1 4567890. Necesitamos un cromatógrafo.")
    await li.handle("Follow-up from the same buyer: +55 (11) 98765-4321 asks for delivery time to Santos")
    async with app.ctx.uow() as uow:
        first, other, repeat = await uow.inquiries.list()
    assert repeat.duplicate_of == first.id
    assert repeat.assignee_id == first.assignee_id
    assert other.assignee_id != first.assignee_id  # round-robin moved on for the unrelated one
    assert "INQ-2026-000001" in transcript.text


async def test_round_robin_stays_fair_across_a_restart(sqlite_url: str, org: Org, clock: FrozenClock) -> None:
    settings = Settings(DATABASE_URL=sqlite_url, INQUIRYBOT_ORG=str(EXAMPLE_ORG))
    assignees: list[str] = []
    for run in range(3):  # three processes, one after another, on the same database
        app = await build(settings, clock=clock, org=org, shell_write=lambda _text: None)
        li = session(app, "li", Transcript())
        for n in range(2):
            await li.handle(f"Inquiry {run}-{n}: please quote, phone +55 21 9{run}{n}45-6789, Rio de Janeiro")
        async with app.ctx.uow() as uow:
            assignees = [i.assignee_id or "" for i in await uow.inquiries.list()]
        await app.close()
    # November 23: nobody of trade1 is away, so six inquiries go two to each rep, in org-file order
    assert assignees == ["zhang", "zhou", "wu", "zhang", "zhou", "wu"]


async def test_a_rep_cannot_reassign_and_the_refusal_is_recorded(app: App, transcript: Transcript) -> None:
    await session(app, "li", transcript).handle(BRAZIL)
    inquiry_id = await only_inquiry(app)
    async with app.ctx.uow() as uow:
        before = await uow.inquiries.get(inquiry_id)
    assert before is not None and before.assignee_id
    transcript.clear()
    other = "zhou" if before.assignee_id != "zhou" else "zhang"
    await session(app, before.assignee_id, transcript).handle(f"/inq assign {inquiry_id} {other}")
    assert len(transcript.lines) == 1  # one line saying why
    async with app.ctx.uow() as uow:
        after = await uow.inquiries.get(inquiry_id)
        audit = await uow.audit.entries(target=inquiry_id)
        history = await uow.inquiries.history(inquiry_id)
    assert after is not None and after.assignee_id == before.assignee_id
    assert [(a["actor"], a["action"], a["outcome"]) for a in audit] == [(before.assignee_id, "assign", "refused")]
    assert history[-1].kind == "refused" and history[-1].data["reason"] == "refused.reps_cannot_reassign"


async def test_a_specialist_reassigns_and_both_reps_are_told(app: App, transcript: Transcript) -> None:
    await session(app, "li", transcript).handle(BRAZIL)
    inquiry_id = await only_inquiry(app)
    transcript.clear()
    await session(app, "li", transcript).handle(f"/inq assign {inquiry_id} wu")
    async with app.ctx.uow() as uow:
        moved = await uow.inquiries.get(inquiry_id)
    assert moved is not None and moved.assignee_id == "wu" and moved.original_assignee_id == "zhang"
    assert "to 吴强 (DM)" in transcript.text and "to 张伟 (DM)" in transcript.text


async def test_unknown_people_and_non_specialists_do_not_create_inquiries(app: App, transcript: Transcript) -> None:
    await session(app, "zhang", transcript).handle(BRAZIL)
    async with app.ctx.uow() as uow:
        assert await uow.inquiries.list() == []
    assert transcript.lines  # the rep is told the line was not a command


async def test_people_who_leave_hand_their_open_inquiries_to_a_colleague(
    sqlite_url: str, org: Org, clock: FrozenClock
) -> None:
    settings = Settings(DATABASE_URL=sqlite_url, INQUIRYBOT_ORG=str(EXAMPLE_ORG))
    app = await build(settings, clock=clock, org=org, shell_write=lambda _text: None)
    await session(app, "li", Transcript()).handle(BRAZIL)
    await app.close()
    assert org.person("zhang") is not None
    left = replace(org, people=tuple(replace(p, active=False) if p.id == "zhang" else p for p in org.people))
    transcript = Transcript()
    app = await build(settings, clock=clock, org=left, shell_write=transcript.write)  # restart with zhang gone
    async with running(app, http=False, scheduler=False):
        await app.dispatcher.drain()
    inquiry_id = await only_inquiry(app)
    async with app.ctx.uow() as uow:
        moved = await uow.inquiries.get(inquiry_id)
    await app.close()
    assert moved is not None and moved.assignee_id == "zhou" and moved.original_assignee_id == "zhang"
    assert "to 李雷 (DM)" in transcript.text and "to 周敏 (DM)" in transcript.text


async def test_erasure_leaves_no_contact_details_in_the_database(app: App, transcript: Transcript) -> None:
    await session(app, "li", transcript).handle(BRAZIL)
    inquiry_id = await only_inquiry(app)
    await run_at(app.ctx, "followup_reminders", local(2026, 11, 23, 21, 0))  # a reminder listing it
    await run_at(app.ctx, "deals_daily_prompt", local(2026, 11, 23, 20, 0))  # and a prompt listing it
    assert await erase_inquiry(app.ctx, inquiry_id, actor="gao")
    async with app.ctx.uow() as uow:
        erased = await uow.inquiries.get(inquiry_id)
        outbox = [item.message.data for item, _status, _error in await uow.outbox.rows()]
    assert erased is not None and erased.original_text is None
    assert (erased.customer.email, erased.customer.phone, erased.customer.country) == (None, None, "BR")
    assert outbox and "labpaulista" not in repr(outbox) and "98765" not in repr(outbox)


async def test_a_manager_cannot_hand_an_inquiry_to_another_departments_rep(app: App, transcript: Transcript) -> None:
    await session(app, "li", transcript).handle(BRAZIL)
    inquiry_id = await only_inquiry(app)
    transcript.clear()
    await session(app, "wang", transcript).handle(f"/inq assign {inquiry_id} huang")
    async with app.ctx.uow() as uow:
        unchanged = await uow.inquiries.get(inquiry_id)
    assert unchanged is not None and unchanged.assignee_id == "zhang"
    assert "贸易一部" in transcript.text  # says which department's reps may take it


async def test_an_inquiry_routed_late_gets_its_deadline_from_the_routing(
    app: App, transcript: Transcript, clock: FrozenClock
) -> None:
    await session(app, "sun", transcript).handle("Please send a price list for the XRF analyser. Thanks, Alex")
    inquiry_id = await only_inquiry(app)
    clock.set(local(2026, 11, 25, 22, 0))  # two days later, after the 21:59 cutoff
    await session(app, "sun", transcript).handle(f"/inq region {inquiry_id} europe")
    async with app.ctx.uow() as uow:
        routed = await uow.inquiries.get(inquiry_id)
    assert routed is not None and routed.assignee_id is not None
    assert routed.due_at == local(2026, 11, 26, 23, 59)


async def test_absurd_input_gets_a_reply_not_an_apology(app: App, transcript: Transcript) -> None:
    await session(app, "li", transcript).handle(BRAZIL)
    inquiry_id = await only_inquiry(app)
    transcript.clear()
    for line in ("/inq counts 9999-12-31", "/inq counts 0001-01-01", "/inq ledger 9999-12", "/inq rank 9999-12",
                 f"/inq won {inquiry_id} inf", f"/inq won {inquiry_id} nan"):
        before = len(transcript.lines)
        await session(app, "li", transcript).handle(line)
        reply = "\n".join(transcript.lines[before:])
        assert reply and "抱歉" not in reply, (line, reply)  # a clear refusal, never the apology
    async with app.ctx.uow() as uow:
        still = await uow.inquiries.get(inquiry_id)
    assert still is not None and still.status.value == "assigned"


async def test_inq_new_is_the_explicit_intake_for_specialists_only(app: App, transcript: Transcript) -> None:
    await session(app, "zhang", transcript).handle("/inq new RFQ from Lima, WhatsApp +51 987 654 321")
    async with app.ctx.uow() as uow:
        assert await uow.inquiries.list() == []
    await session(app, "li", transcript).handle("/inq new RFQ from Lima, WhatsApp +51 987 654 321")
    async with app.ctx.uow() as uow:
        (made,) = await uow.inquiries.list()
    assert (made.region_id, made.customer.phone, made.specialist_id) == ("latam", "+51987654321", "li")
