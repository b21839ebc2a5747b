"""Whose number, address and name it is (issue 11): our side is never the customer's; labels and languages."""

from __future__ import annotations

import pytest

from bot.org.model import Org
from bot.rules.intake import OwnSide, parse_inquiry
from bot.rules.own_side import customer_part, own_side_of

OWN = OwnSide.build(domains=["sino-instruments.com"], phones=["+86 21 5888 8888"], names=["Lisa Wang", "李雷"])


def test_own_side_of_the_org_names_its_people(org: Org) -> None:
    own = own_side_of(org)
    assert own.domains == {"sino-instruments.com"}
    assert own.phones == {"+862158888888"}
    assert own.home_country == "CN"
    assert "李雷" in own.names


def test_our_quoted_message_and_signature_are_blanked() -> None:
    text = ("Hi Lisa, we take 2 units.\nRegards,\nAna Costa\n\n-----Original Message-----\n"
            "From: Lisa Wang <lisa@sino-instruments.com>\nDear Ana, see the offer.\nTel: +86 21 5888 8888")
    kept = customer_part(text, OWN)
    assert "Ana Costa" in kept
    assert "Dear Ana" not in kept and "5888" not in kept and "Lisa Wang" not in kept
    assert kept.count("\n") == text.count("\n")  # same lines: positions stay meaningful


@pytest.mark.parametrize(
    ("text", "phone", "others"),
    [
        pytest.param("转自王工（电话 +86 138 1234 5678）\nCelular: +55 21 99765-4321", "+5521997654321", (),
                     id="a-colleague-cn-number-is-not-the-customer"),
        pytest.param("Customer in Shanghai\n手机：138 0512 3456", "+8613805123456", (),
                     id="a-home-number-counts-when-nothing-else-is-there"),
        pytest.param("Call our office +86 21 5888 8888", None, (), id="our-own-number-never"),
        pytest.param("Tel: +971 4 321 0987\nMob: +971 50 123 4567", "+971501234567", ("+97143210987",),
                     id="the-mobile-wins-the-landline-is-kept"),
        pytest.param("Teléfono fijo: (054) 234567\nMóvil: 965 432 187\nArequipa, Perú", "+51965432187",
                     ("+5154234567",), id="national-numbers-read-in-the-signature-country"),
        pytest.param("SĐT/Zalo: 0912 345 678\nEmail: lan@tbkhsg.vn", "+84912345678", (), id="zalo-sdt-label"),
        pytest.param("HP: 0812-3456-7890\nJakarta, Indonesia", "+6281234567890", (), id="hp-label"),
        pytest.param("Stanley, Falkland Islands\nTel: 51234", "+50051234", (), id="short-number-small-territory"),
        pytest.param("Meu zap: (85) 98123-0000\nVocês têm centrífuga? Obrigado", "+5585981230000", (),
                     id="language-decides-when-only-one-country-reads-it"),
        pytest.param("Order 2024031500123 for 100 units, Brazil", None, (), id="an-order-number-is-no-phone"),
    ],
)
def test_whose_number(text: str, phone: str | None, others: tuple[str, ...]) -> None:
    parsed = parse_inquiry(text, OWN)
    assert (parsed.phone, parsed.other_phones) == (phone, others)


def test_our_address_is_never_the_customers_but_one_quoted_in_our_header_is() -> None:
    text = ("Thanks, OK.\nKasia\n\nFrom: Lisa Wang <lisa@sino-instruments.com>\nTo: k.nowak@chemlab.pl\n"
            "Subject: offer")
    assert parse_inquiry(text, OWN).email == "k.nowak@chemlab.pl"
    assert parse_inquiry("sales@sino-instruments.com", OWN).email is None


@pytest.mark.parametrize(
    ("text", "name", "company"),
    [
        ("Alibaba RFQ from Ana Costa, BioAnálise Laboratórios Ltda (Brazil)", "Ana Costa",
         "BioAnálise Laboratórios Ltda"),
        ("Hello, I am Rafael Souza from Agro Análises Brasil. We need 6 units.", "Rafael Souza",
         "Agro Análises Brasil"),
        ("Olá, sou Pedro Alves da Aquatec Soluções Ltda.", "Pedro Alves", "Aquatec Soluções Ltda"),
        ("Bonjour, je suis Youssef Benali de la société Maroc Agro SARL à Casablanca.", "Youssef Benali",
         "Maroc Agro SARL"),
        ("Меня зовут Андрей Смирнов, компания ООО «ТехноЛаб».", "Андрей Смирнов", "ООО «ТехноЛаб»"),
        ("السلام عليكم، أنا المهندس أحمد سمير من شركة النيل للتحاليل.", "أحمد سمير", "شركة النيل للتحاليل"),
        ("Selamat siang, saya Budi Santoso dari PT Sinar Analitika.", "Budi Santoso", "PT Sinar Analitika"),
        ('From: "Nguyen, Hoang" <hoang@mekong.vn>', "Hoang Nguyen", None),
        ("Name: Sra. Carmen López\nEmpresa: Bodegas Rioja S.L.", "Carmen López", "Bodegas Rioja S.L."),
        ("الاسم: السيد محمد العبادي", "محمد العبادي", None),
        ("Ad Soyad: Mehmet Yılmaz\nFirma: Ege Kimya A.Ş.", "Mehmet Yılmaz", "Ege Kimya A.Ş."),
        ("Camila Restrepo · Jefe de Laboratorio at Cementos Andinos S.A.S.", "Camila Restrepo",
         "Cementos Andinos S.A.S."),
        ("Best regards,\nRodrigo Salinas\nJefe de Compras\nLaboratorios del Norte S.A. de C.V.", "Rodrigo Salinas",
         "Laboratorios del Norte S.A. de C.V."),
        ("[10:20] Lisa Wang: Hello Ana\nName: Lisa Wang\nBest regards,\nAna Costa", "Ana Costa", None),
    ],
)
def test_names_and_companies_from_free_text(text: str, name: str | None, company: str | None) -> None:
    parsed = parse_inquiry(text, OWN)
    assert (parsed.customer_name, parsed.company) == (name, company)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Instagram DM from @lab", "instagram"),
        ("Made-in-China.com inquiry", "made_in_china"),
        ("GlobalSources.com - New Inquiry", "global_sources"),
        ("Tweet from @CapeLab: need burettes", "twitter"),
        ("转自王工（电话 +86 138 1234 5678）：WhatsApp +55 21 99765-4321", "colleague"),
        ("Source: other (phone call)", "other"),
        ("Переслано из Telegram", "other"),
        ("Customer text\n\nOn Mon, Apr 6 Lisa Wang <lisa@sino-instruments.com> wrote:\n> WhatsApp +86 139 1777 6543",
         "email"),
    ],
)
def test_sources(text: str, source: str) -> None:
    assert parse_inquiry(text, OWN).source == source


def test_slack_markup_is_read_as_a_person_reads_it() -> None:
    text = ("*From:* Ana Costa <mailto:ana@bio.com.br|ana@bio.com.br>\n*Company:* Bio &amp; Filhos Ltda\n"
            "WhatsApp: <tel:+5511981234567|+55 11 98123-4567>\nsee <#C0123|general>")
    parsed = parse_inquiry(text, OWN)
    assert (parsed.customer_name, parsed.company, parsed.email, parsed.phone, parsed.region_tag) == (
        "Ana Costa", "Bio & Filhos Ltda", "ana@bio.com.br", "+5511981234567", None)
    assert parsed.text == text
