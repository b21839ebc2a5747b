"""Texts in scripts and forms of address the parser did not know: Devanagari, Bengali, Ethiopic and Azerbaijani tell
the country, digits in those scripts read as 0-9, titles written after or before a first name are no part of it,
"from <city>" after a name is where the writer is, and an agent's "on behalf of our customer" hands the buyer over."""

from __future__ import annotations

import pytest

from bot.rules.intake import OwnSide, parse_inquiry

HOME = OwnSide.build(domains=["acme-instruments.cn"], phones=["+86 755 2666 0000"], home_country="CN",
                     names=["王磊", "Wang Lei"])


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("नमस्ते, हमें pH मीटर चाहिए। कीमत भेजिए।\nसुनील\n98765 43210", "+919876543210"),  # Hindi, a 5-5 mobile
        ("ভাই, আমাদের একটি ওজন মেশিন দরকার। দাম জানাবেন।\n০১৭১৫-৩৩২২৮৯", "+8801715332289"),  # Bengali digits
        ("ሰላም፣ የሙቀት መለኪያ ዋጋ ስንት ነው? 0912 34 56 78", "+251912345678"),  # Amharic
        ("Salam, bizə rütubət ölçən lazımdır. Əli 055 412 33 21", "+994554123321"),  # Azerbaijani ə
        ("Sannu, ina bukatan na'urar auna zafi. Ina Kano. Sani 0803 555 1212", "+2348035551212"),  # Hausa "ina"
    ],
)
def test_a_script_or_a_letter_tells_the_country_of_a_national_number(text: str, phone: str) -> None:
    assert parse_inquiry(text, HOME).phone == phone


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Zalo\nChào anh, em cần cân phân tích, giao Huế. Số em 0913 220 415. Em tên Mai", "Mai"),
        ("Assalomu alaykum, narxini yuboring.\nBobur aka, tel 90 123 45 67", "Bobur"),
        ("Merhaba, nem ölçer fiyatı lazım.\nMehmet Bey\n0 532 111 22 33", "Mehmet"),
        ("TradeManager\nFrom: sana.k_khi (Sana Khan) | Pakistan\nNeed 2 balances. WhatsApp 0300 1234567", "Sana Khan"),
        ("Von: Mag. Eva Gruber <e.gruber@labor-linz.at>\nBitte um ein Angebot für zwei Brutschränke.", "Eva Gruber"),
        ("hola, cuanto cuesta la balanza? soy Pedro de Guadalajara, mi cel 33 1234 5678", "Pedro"),
    ],
)
def test_forms_of_address_and_origins_are_no_part_of_a_name(text: str, name: str) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


def test_an_agent_on_behalf_of_our_customer_hands_the_buyer_over() -> None:
    text = ("السادة المحترمين،\nنحن مكتب النور للتجارة – عمّان (هاتف +962 6 500 1000) "
            "ونتواصل نيابة عن زبوننا في العراق:\n"
            "المسؤول: الحاج سعد علي الموسوي\nموبايل: 0770 123 4567\nالبريد: s.mousawi@rafidain-labs.iq\n"
            "مع التقدير،\nأحمد")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.phone, parsed.email) == ("+9647701234567", "s.mousawi@rafidain-labs.iq")


def test_the_quotes_contact_named_by_a_consultant_is_the_customer() -> None:
    text = ("Estimados:\nSoy Pablo Núñez, consultor independiente (pablo.nunez.consultor@gmail.com). Represento a "
            "Viñedos del Sur S.A.\nPara la cotización formal, por favor contactar a la Ing. Sofía Reyes: "
            "sreyes@vinedosdelsur.com.ar, tel. (0261) 455-1200.\nSaludos,\nPablo Núñez")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.phone) == ("sreyes@vinedosdelsur.com.ar", "+542614551200")


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("السلام علیکم، مجھے ترازو چاہیے۔ قیمت بتا دیں۔\nعلی 0321-5558844", "+923215558844"),  # Urdu's own letters
        ("Hi po! Magkano po yung weighing scale nyo? Taga Davao po ako. 0918 555 2233 - Joy", "+639185552233"),
        ("Website form\nName: Amy Baker\nAddress: 3 Kiln Road, Settle BD24 9AA\nPhone: 01729 822 456", "+441729822456"),
    ],
)
def test_urdu_tagalog_and_a_british_postcode_tell_the_country(text: str, phone: str) -> None:
    assert parse_inquiry(text, HOME).phone == phone


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("From: Tom Reed <t.reed@procure-consult.co.ke>\nI act for a water utility. Buyer contact: Eng. Peter Kamau, "
         "p.kamau@nakuruwater.co.ke, 0722 555 101.\nYou may also reach me on 0733 555 202.",
         "p.kamau@nakuruwater.co.ke"),
        ("From: Ana Ruiz <ana.ruiz@agrocampo.com.mx>\nLe escribo de parte de mi jefe. Por favor envíe la cotización "
         "directamente a él: jlopez@agrocampo.com.mx, cel. 55 1234 5678.\nGracias, Ana", "jlopez@agrocampo.com.mx"),
    ],
)
def test_more_hand_overs(text: str, email: str) -> None:
    assert parse_inquiry(text, HOME).email == email


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Zalo\nChào shop, em cần cân điện tử ạ. Gọi em Tâm 0913 555 808 nhé", "Tâm"),  # "call me Tâm"
        ("oi, vcs tem balança de precisão? me chama no zap (21) 99876-5432. valeu, Bruno", "Bruno"),
        ("Buongiorno, ci serve un'offerta.\nCordiali saluti\nLucia Ferri\nUfficio Acquisti\nacquisti@ferri-lab.it",
         "Lucia Ferri"),  # the purchasing office's line and address are no person
    ],
)
def test_more_names_signed_in_chats_and_signatures(text: str, name: str) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Formulaire de contact\nNom : Moreau\nPrénom : Élise\nSociété : Laiterie du Jura SAS\n"
         "Téléphone : 03 84 52 11 20",
         "Élise Moreau"),
        ("Contact form\nLast name: Okafor\nFirst name: Chidi\nCompany: Lagos Agro Ltd\nPhone: +234 803 555 0101",
         "Chidi Okafor"),
        ("Байланыш формасы\nАты-жөнү: Бакыт Асанов\nТелефон: 0555 123 456", "Бакыт Асанов"),
        ("Formulario\nNombre: Lucía Paredes\nApellido: Paredes\nTeléfono: +51 987 654 321", "Lucía Paredes"),
        ("Liên hệ\nHọ: Trần Văn\nTên: Bình\nSĐT: 0912 555 017", "Trần Văn Bình"),  # the family name comes first
    ],
)
def test_a_form_with_first_and_last_name_fields_gives_the_whole_name(text: str, name: str) -> None:
    assert parse_inquiry(text, HOME).customer_name == name
