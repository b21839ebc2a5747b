"""Issue 11 item 5 and 6: `/inq source`, `/inq edit`, and re-reads of an edited intake message, through the shell
grammar and the real bootstrap on SQLite."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.bootstrap import App
from bot.handlers.shell import ShellSession
from bot.rules.inquiry import HistoryEvent, Inquiry
from bot.services import intake_events
from bot.services.intake import IntakeMessage, ingest
from bot.services.intake_events import IntakeChange
from bot.services.privacy import erase_inquiry
from tests.conftest import Transcript

BRAZIL = (
    "Inquiry via Alibaba\nName: João Pereira\nCompany: Laboratório Paulista Ltda\n"
    "Email: joao.pereira@labpaulista.com.br\nWhatsApp: +55 11 98765-4321\n"
    "Precisamos de 2 espectrofotômetros UV-Vis, favor enviar cotação."
)
KEY = "shell:intake:1"


def session(app: App, person: str, transcript: Transcript) -> ShellSession:
    who = app.org.person(person)
    assert who is not None
    return ShellSession(app, who, transcript.write)


async def logged(app: App) -> Inquiry:
    li = app.org.person("li")
    assert li is not None
    message = IntakeMessage(platform="shell", sender=li, text=BRAZIL, forwarded_at=app.ctx.now(), message_key=KEY)
    result = await ingest(message, ctx=app.ctx)
    assert result.inquiry is not None
    return result.inquiry


async def state(app: App, inquiry_id: str) -> tuple[Inquiry, list[HistoryEvent]]:
    async with app.ctx.uow() as uow:
        inquiry = await uow.inquiries.get(inquiry_id)
        history = await uow.inquiries.history(inquiry_id)
    assert inquiry is not None
    return inquiry, history


async def test_the_specialist_corrects_fields_and_the_source_and_history_keeps_old_and_new(
    app: App, transcript: Transcript
) -> None:
    inquiry = await logged(app)
    li = session(app, "li", transcript)

    for line in (f"/inq edit {inquiry.id} company Laboratório Paulista S.A.",
                 f"/inq edit {inquiry.id} email  Compras@LabPaulista.com.br ",
                 f"/inq edit {inquiry.id} phone +55 (21) 99876-5432",
                 f"/inq edit {inquiry.id} country 阿根廷",
                 f"/inq edit {inquiry.id} product -",
                 f"/inq source {inquiry.id} Made-in-China"):
        await li.handle(line)

    after, history = await state(app, inquiry.id)
    assert after.customer.company == "Laboratório Paulista S.A."
    assert after.customer.email == "compras@labpaulista.com.br"
    assert after.customer.phone == "+5521998765432"
    assert after.customer.country == "AR"
    assert after.customer.product is None
    assert after.source == "made_in_china"
    corrected = [(e.actor_id, e.data["field"], e.data["old"], e.data["new"]) for e in history if e.kind == "corrected"]
    assert corrected[1] == ("li", "email", "joao.pereira@labpaulista.com.br", "compras@labpaulista.com.br")
    assert corrected[-1] == ("li", "source", "alibaba", "made_in_china")
    assert len(corrected) == 6
    transcript.clear()
    await li.handle(f"/inq show {inquiry.id}")
    assert "手动更正" in transcript.text and "made_in_china" not in transcript.text  # shown by its label


@pytest.mark.parametrize(("line", "says"), [
    ("edit {id} colour red", "“colour”不是可更正的字段"),
    ("edit {id} email joao(at)labpaulista", "不是有效的邮箱地址"),
    ("edit {id} phone 12345", "不是有效的电话号码"),
    ("edit {id} country Atlantis", "无法识别国家“Atlantis”"),
    ("source {id} myspace", "“myspace”不是有效的信息来源"),
    ("edit {id} email", "/inq edit ID FIELD VALUE"),
])
async def test_wrong_values_are_refused_with_a_reason_and_change_nothing(
    app: App, transcript: Transcript, line: str, says: str
) -> None:
    inquiry = await logged(app)
    transcript.clear()

    await session(app, "li", transcript).handle("/inq " + line.format(id=inquiry.id))

    assert says in transcript.text
    after, history = await state(app, inquiry.id)
    assert after == inquiry
    assert [e for e in history if e.kind == "corrected"] == []


@pytest.mark.parametrize(("person", "allowed"), [("li", True), ("gao", True), ("zhao", False), ("zhang", False),
                                                 ("wang", False)])
async def test_only_the_regions_specialist_or_an_admin_may_correct(
    app: App, transcript: Transcript, person: str, allowed: bool
) -> None:
    inquiry = await logged(app)

    await session(app, person, transcript).handle(f"/inq source {inquiry.id} website")

    after, history = await state(app, inquiry.id)
    assert (after.source == "website") is allowed
    assert any(e.kind == "refused" and e.actor_id == person for e in history) is not allowed


async def test_an_edit_of_the_message_updates_what_nobody_corrected_and_erasure_scrubs_both(
    app: App, transcript: Transcript
) -> None:
    inquiry = await logged(app)
    await session(app, "li", transcript).handle(f"/inq edit {inquiry.id} phone +55 21 99876 5432")
    li = app.org.person("li")
    edited = BRAZIL.replace("joao.pereira@", "jpereira@").replace("98765-4321", "91234-5678")
    change = IntakeChange("shell", KEY, app.ctx.now() + timedelta(minutes=2), li, edited, "edit-1")

    assert await intake_events.reread(change, ctx=app.ctx) is not None
    assert await intake_events.reread(change, ctx=app.ctx) is None  # the same delivery again
    older = IntakeChange("shell", KEY, app.ctx.now() + timedelta(minutes=1), li, BRAZIL + " ", "edit-0")
    assert await intake_events.reread(older, ctx=app.ctx) is None  # an earlier edit arriving late

    after, history = await state(app, inquiry.id)
    assert after.customer.email == "jpereira@labpaulista.com.br"
    assert after.customer.phone == "+5521998765432"  # corrected by hand: the new text does not win
    assert after.original_text == edited
    [reread] = [e for e in history if e.kind == "reread"]
    assert reread.data["kept"] == ["phone"]
    assert await erase_inquiry(app.ctx, inquiry.id, actor="gao")
    _, history = await state(app, inquiry.id)
    assert "labpaulista" not in repr(history) and "99876" not in repr(history) and "91234" not in repr(history)


async def test_a_person_without_the_specialist_role_cannot_re_read_by_editing(app: App) -> None:
    inquiry = await logged(app)
    zhang = app.org.person("zhang")
    change = IntakeChange("shell", KEY, app.ctx.now(), zhang, BRAZIL.replace("joao", "maria"), None)

    assert await intake_events.reread(change, ctx=app.ctx) is None
    assert (await state(app, inquiry.id))[0] == inquiry
