"""Whose number it is: a colleague's +86 number never links customers, and a link never moves a region."""

from __future__ import annotations

from bot.bootstrap import App
from tests.conftest import Transcript
from tests.services.support import forward

TRADE1_REPS = {"zhang", "zhou", "wu"}

SAUDI_VIA_COLLEAGUE = (
    "转自王工（电话 +86 138 1234 5678），沙特客户：\n"
    "Name: Saleh Al-Dosari\nEmail: saleh@riyadhlab.com.sa\nNeed 2 centrifuges."
)
BRAZIL_VIA_SAME_COLLEAGUE = (
    "转自王工（电话 +86 138 1234 5678），客户是巴西的：\n"
    "Olá, sou Pedro Henrique Alves da Aquatec Soluções Ambientais Ltda.\n"
    "Precisamos de 5 medidores de oxigênio dissolvido portáteis.\n"
    "Celular/WhatsApp: +55 21 99765-4321\n"
    "pedro.alves@aquatec.com.br"
)


async def test_a_brazilian_after_a_colleagues_cn_number_lands_in_latam_unlinked(
    app: App, transcript: Transcript
) -> None:
    earlier = await forward(app, transcript, SAUDI_VIA_COLLEAGUE, specialist="zhao")
    assert earlier.region_id == "mena"
    brazilian = await forward(app, transcript, BRAZIL_VIA_SAME_COLLEAGUE, specialist="zhao")
    assert brazilian.customer.phone == "+5521997654321"
    assert brazilian.customer.email == "pedro.alves@aquatec.com.br"
    assert brazilian.customer.name == "Pedro Henrique Alves"
    assert brazilian.source == "colleague"
    assert brazilian.region_id == "latam"
    assert brazilian.department_id == "trade1"
    assert brazilian.assignee_id in TRADE1_REPS
    assert brazilian.duplicate_of is None
    assert earlier.id not in transcript.text.split(brazilian.id, 1)[1]  # no "possible duplicate" notice


async def test_a_duplicate_in_another_region_keeps_its_routing_and_names_the_earlier_id(
    app: App, transcript: Transcript
) -> None:
    first = await forward(app, transcript, "Website form\nName: Omar Said\nEmail: omar@globaltrade.com\n"
                                           "Phone: +971 50 123 4567\nNeed a spectrometer")
    assert first.region_id == "mena"
    moved = await forward(app, transcript, "Website form\nName: Omar Said\nEmail: omar@globaltrade.com\n"
                                           "Phone: +55 11 98123-4567\nNow buying for our office in Brazil")
    assert moved.duplicate_of == first.id
    assert moved.region_id == "latam"
    assert moved.department_id == "trade1"
    assert moved.assignee_id in TRADE1_REPS  # the earlier rep (trade2) is not reused across regions
    assert first.id in transcript.text.split(moved.id, 1)[1]


async def test_a_duplicate_in_the_same_region_goes_to_the_earlier_rep(app: App, transcript: Transcript) -> None:
    first = await forward(app, transcript, "Name: Ana Costa\nEmail: ana@lab.com.br\nTel: +55 11 98123-4567")
    await forward(app, transcript, "Name: Rui Lima\nEmail: rui@outra.com.br\nTel: +55 21 99765-4321")
    again = await forward(app, transcript, "Ana Costa again, ana@lab.com.br, wants a second quote")
    assert again.duplicate_of == first.id
    assert again.assignee_id == first.assignee_id
