"""A writer who passes the buyer on: a forwarder's "their contact is …", an assistant's "datos de contacto del Sr. …",
a PA's "address the quote to her directly: …". The buyer's contacts, name and company are the customer's; the
writer's own header and signature are not. A dealer who wants the quote for itself keeps its own."""

from __future__ import annotations

import pytest

from bot.org.model import Org
from bot.rules.company_ends import trimmed_company
from bot.rules.intake import OwnSide, parse_inquiry
from bot.rules.routing import decide_region

HOME = OwnSide.build(domains=["acme-instruments.cn"], phones=["+86 755 2666 0000"], home_country="CN",
                     names=["王磊", "Wang Lei"])


@pytest.mark.parametrize(
    ("text", "phone", "email", "name"),
    [
        # a freight forwarder in Mombasa for a buyer in Tanzania
        ("Hi, Peter here from Bahari Shipping, Mombasa (0733 118 204). Our customer in Arusha needs 2 pH meters.\n"
         "Their contact is Mr. Baraka Mushi, +255 754 210 388, baraka@arushalabs.co.tz. Please quote him.",
         "+255754210388", "baraka@arushalabs.co.tz", "Baraka Mushi"),
        # an assistant writing for her boss, her own number in the signature
        ("Estimados:\nLes escribe la secretaria del Ing. Tomás Herrera, gerente de planta.\n"
         "Datos de contacto del Ing. Herrera: tomas.herrera@lacteosdelsur.com.ar / +54 9 351 612 4490.\n\n"
         "Saludos cordiales,\nValeria Paz\nTel: +54 351 422 7180",
         "+5493516124490", "tomas.herrera@lacteosdelsur.com.ar", "Tomás Herrera"),
        # a PA: the address and direct line handed over are the director's
        ("From: Amy Cole <a.cole@fenwick-labs.co.uk>\nHi, Dr Martin Hale would like the revised quote. Please "
         "address it to him directly: m.hale@fenwick-labs.co.uk, direct line 0161 496 0123.\n\nThanks,\nAmy Cole\n"
         "PA to Dr Martin Hale", "+441614960123", "m.hale@fenwick-labs.co.uk", "Martin Hale"),
    ],
)
def test_contacts_handed_over_are_the_buyers(text: str, phone: str, email: str, name: str) -> None:
    parsed = parse_inquiry(text, HOME)
    assert (parsed.phone, parsed.email, parsed.customer_name) == (phone, email, name)


def test_a_dealer_that_wants_the_quote_keeps_its_own_contacts() -> None:
    text = ("Guten Tag,\nwir benötigen ein Angebot für einen Endkunden in Graz. Bitte das Angebot auf uns ausstellen. "
            "Kontaktdaten des Kunden nur zur Info: Herr Pichler, +43 664 120 3344.\n\nMit freundlichen Grüßen\n"
            "Jan Vogt\nVogt Laborhandel GmbH\nMobil +49 171 220 4411\nj.vogt@vogt-labor.de")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.phone, parsed.email) == ("+491712204411", "j.vogt@vogt-labor.de")


def test_a_city_named_in_passing_does_not_route_a_customer_whose_phone_says_elsewhere(org: Org) -> None:
    text = "Agent in Dubai here. Our buyer is a lab in Baghdad, contact Ali +964 770 123 4567, ali@rafidain-lab.iq"
    decision = decide_region(parse_inquiry(text, HOME), org, None)
    assert (decision.region_id, decision.country) == (None, "IQ")


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # a landline dialled with its trunk prefix inside a sentence, the country told by the e-mail's ccTLD
        ("Best to reach me by e-mail at anna.berg@vattenlab.se or on 08-555 123 45.", "+46855512345"),
        # a date that a trunk prefix would make a Berlin number is no number
        ("Am 03.06.2025 schrieb Jonas <j@spree.de>: Bitte Angebot.", None),
    ],
)
def test_a_trunk_dialled_landline_reads_in_the_evidenced_country(text: str, phone: str | None) -> None:
    assert parse_inquiry(text, HOME).phone == phone


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Zalo\nChào shop, cho em hỏi giá cân điện tử. Em Hoa, sđt 0912 555 017", "Hoa"),  # "em": I, not a name
        ("LINE\nสนใจเครื่องชั่งครับ\nคุณวิชัย 081-234-5678", "วิชัย"),  # Thai "Khun" joined to the name
        ("Hallo, Waage bis 30.000 g gesucht. Rückruf unter 0170 1234567. Gruß Lena", "Lena"),  # a closing after it
        ("سلام، قیمت ترازو؟ شماره من ۰۹۱۲ ۳۴۵ ۶۷۸۹", None),  # "my number" is nobody's name
    ],
)
def test_names_signed_in_a_chat_line(text: str, name: str | None) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


@pytest.mark.parametrize(
    ("company", "trimmed"),
    [
        ("Saigon Lab Supply Co., Ltd is distributor in Vietnam", "Saigon Lab Supply Co., Ltd"),
        ("Nordlab Trading is a leading importer of lab goods", "Nordlab Trading"),
        ("CO)", None),
        ("Is Bank A.S.", "Is Bank A.S."),
    ],
)
def test_where_a_company_name_ends(company: str, trimmed: str | None) -> None:
    assert trimmed_company(company) == trimmed


# A department mailbox that asks us to send the quote to a named colleague at its own domain, with the verb last as
# Turkish and Uzbek put it (the name carries its dative ending), or in Arabic ("… إلى د. سامي …، <address>").
SENT_TO_A_NAMED_COLLEAGUE = [
    ("Kimden: Satın Alma <satinalma@egelab.com.tr>\nKime: sales@acme-instruments.cn\nKonu: Fiyat teklifi\n\n"
     "Merhaba,\nLaboratuvar müdürümüz adına 2 adet UV-Vis spektrofotometre için fiyat teklifi rica ediyoruz.\n"
     "Teklifi doğrudan Ahmet Kaya'ya gönderin: a.kaya@egelab.com.tr, cep: 0532 418 77 65.\n\n"
     "Saygılarımızla,\nSatın Alma Birimi\nEge Lab Analiz A.Ş., İzmir\n",
     "Ahmet Kaya", "a.kaya@egelab.com.tr", "+905324187765"),
    ("Kimdan: Ta'minot bo'limi <taminot@buxoro-sut.uz>\nKimga: sales@acme-instruments.cn\n\nAssalomu alaykum!\n"
     "Laboratoriya mudiri nomidan pH-metr bo'yicha tijorat taklifini so'raymiz.\n"
     "Taklifni to'g'ridan-to'g'ri Dilnoza Karimovaga yuboring: d.karimova@buxoro-sut.uz, mobil: +998 90 512 33 71.\n\n"
     "Hurmat bilan,\nTa'minot bo'limi\n\"Buxoro Sut\" MChJ\n",
     "Dilnoza Karimova", "d.karimova@buxoro-sut.uz", "+998905123371"),
    ("من: قسم المشتريات <purchasing@gulfchem.com.sa>\nالموضوع: طلب عرض سعر\n\n"
     "نرجو إرسال عرض السعر إلى د. سامي الحربي، s.alharbi@gulfchem.com.sa\nجوال: 0551234567\n"
     "مع التحية\nقسم المشتريات - شركة الخليج للكيماويات\n",
     "سامي الحربي", "s.alharbi@gulfchem.com.sa", "+966551234567"),
]


@pytest.mark.parametrize(("text", "name", "email", "phone"), SENT_TO_A_NAMED_COLLEAGUE)
def test_a_department_sends_the_quote_to_a_named_colleague_in_turkish_uzbek_or_arabic(
        text: str, name: str, email: str, phone: str) -> None:
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.email, parsed.phone) == (name, email, phone)


def test_a_department_that_asks_for_the_quote_to_its_own_second_mailbox_names_nobody() -> None:
    text = ("من: قسم المشتريات <purchasing@gulfchem.com.sa>\nالموضوع: طلب عرض سعر\n\n"
            "يرجى إرسال العرض إلى قسم المشتريات على البريد: purchasing2@gulfchem.com.sa\nمع التحية\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.email) == (None, "purchasing@gulfchem.com.sa")


CONSULTANT_FORWARDS_THE_HEAD_OF_LAB = """From: Engr. Chidi Okonkwo <chidi.okonkwo@gmail.com>
To: sales@acme-instruments.cn
Subject: Fwd: Equipment list - State Hospital, Owerri

Dear Sir,

I am a biomedical consultant assisting State Hospital, Owerri. Please find below the request from the head of the
laboratory. The quotation should be sent to {who} directly.

My number for reference: 0803 512 4478.

---------- Forwarded message ---------
From: Dr. Ngozi Eze <ngozi.eze@showerri.gov.ng>
Subject: Equipment list
To: Chidi Okonkwo <chidi.okonkwo@gmail.com>

Chidi, kindly get quotes for 2 haematology analyzers. Call me on 0809 441 2290 if they need anything.

Dr. N. Eze
Head, Laboratory Services
"""


def test_a_quote_sent_to_the_writer_of_the_forwarded_message_makes_them_the_customer() -> None:
    parsed = parse_inquiry(CONSULTANT_FORWARDS_THE_HEAD_OF_LAB.format(who="Dr. Ngozi Eze"), HOME)
    assert (parsed.customer_name, parsed.email, parsed.phone) == (
        "Ngozi Eze", "ngozi.eze@showerri.gov.ng", "+2348094412290")


def test_a_quote_sent_to_someone_else_than_the_forwarded_writer_leaves_the_writer() -> None:
    parsed = parse_inquiry(CONSULTANT_FORWARDS_THE_HEAD_OF_LAB.format(who="Mr. Emeka Obi, the hospital's buyer"), HOME)
    assert parsed.email == "chidi.okonkwo@gmail.com"
