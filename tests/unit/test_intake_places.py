"""Where the customer is when the text does not say it with a "+": cities, nationalities, the stated country
(issue 11), and how a national number is read with those signals."""

from __future__ import annotations

import pytest

from bot.org.model import Org
from bot.rules.countries import CountryEvidence, country_evidence
from bot.rules.intake import OwnSide, parse_inquiry
from bot.rules.places import city_mentions, demonym_mentions
from bot.rules.routing import RegionDecision, decide_region

OWN = OwnSide.build(domains=["sino-instruments.com"], phones=["+86 21 5888 8888"], names=["Lisa Wang", "王芳"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rua Voluntários da Pátria 1200, Rio de Janeiro - RJ", ["BR"]),
        ("estamos en León, Guanajuato", ["MX"]),
        ("Sao Paulo", ["BR"]),  # without its accents
        ("في الرياض، المملكة", ["SA"]),  # Arabic comma right after the name
        ("شركة النيل بالقاهرة", ["EG"]),  # "in Cairo", the preposition written onto the name
        ("ООО «Лаб», г. Москва", ["RU"]),
        ("поставка в Минске и Ташкенте", ["BY", "UZ"]),  # Russian case endings
        ("客户在阿拉木图", ["KZ"]),
        ("Makati City", ["PH"]),
        ("Customer: Carlos Pereira, Goiânia", ["BR"]),
        ("João Lima", []),  # a surname, not Peru's capital
        ("Santiago Gómez", []),  # a first name
        ("please check the lima file", []),  # lower case: not a place
    ],
)
def test_city_mentions(text: str, expected: list[str]) -> None:
    assert [code for _, code in city_mentions(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We are a Nigerian distributor of lab equipment", ["NG"]),
        ("Somos una empresa mexicana", ["MX"]),
        ("société marocaine", ["MA"]),
        ("российская компания", ["RU"]),
        ("شركة سعودية للمقاولات", ["SA"]),
        ("Do you have the manual in Spanish?", []),  # a language, not a customer
        ("Russian version of the software please", []),
    ],
)
def test_a_nationality_counts_only_beside_a_business_word(text: str, expected: list[str]) -> None:
    assert [code for _, code in demonym_mentions(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Country/Region: Nigeria\nWe visited Germany last year", CountryEvidence("NG", "NG", None)),
        ("We also sell in Germany.\nRegards,\nGrace\nSavanna Ltd\nP.O. Box 12345, Nairobi",
         CountryEvidence("KE", "DE", None)),
        ("Address: 14 rue de la Roquette, 75011 Paris", CountryEvidence("FR", "FR", None)),
        ("Our plant is in Medellín", CountryEvidence(None, "CO", None)),
        ("We are a Kenyan hospital", CountryEvidence(None, None, "KE")),
    ],
)
def test_country_evidence_by_strength(text: str, expected: CountryEvidence) -> None:
    assert country_evidence(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what the customer states about where they are beats the phone (a UK SIM in Nigeria) ...
        ("Country/Region: Nigeria\nMobile: +44 7400 123456", RegionDecision("africa", "address", "NG")),
        ("Land: Deutschland\nTelefon: +43 664 1234567", RegionDecision("europe", "address", "DE")),
        # ... a country merely named in passing does not
        ("We export to Germany.\nMobile: +44 7400 123456", RegionDecision("europe", "phone", "GB")),
        # our own country in a signature is our address, not the customer's
        ("Regards,\nAhmed\nShanghai, China\nMob: +971 50 123 4567", RegionDecision("mena", "phone", "AE")),
    ],
)
def test_the_stated_country_outranks_the_phone(text: str, expected: RegionDecision, org: Org) -> None:
    assert decide_region(parse_inquiry(text, OWN), org, None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same digits are a Saudi and an Emirati mobile: the city decides
        ("Kindly contact me 050 987 6543\nJeddah", "+966509876543"),
        ("Kindly contact me 050 987 6543\nSharjah", "+971509876543"),
        ("Tél : 06 61 23 45 67\nCasablanca", "+212661234567"),  # French and Moroccan alike
        ("Bonjour, contactez-moi au 06 12 34 56 78.\nCordialement, Julie", "+33612345678"),  # French: France
        ("Precisamos de 2 bombas. Fale comigo no 11 98765-4321", "+5511987654321"),  # Portuguese: a BR mobile
        ("Buenas, somos de Argentina. Celular 11 2345-6789", "+5491123456789"),  # a mobile gets its 9
        ("[10:42, 9/4/2026] +52 1 33 1234 5678: Hola", "+523312345678"),  # WhatsApp's old Mexican "1"
        ("Phone: 3612 3456\nCity: Manama", "+97336123456"),
        ("Dear supplier, Jamestown, St Helena. Tel: 22500", "+29022500"),  # a small territory's 5 digits
        ("Tel: 02 3761 2345\nMobile: 0122 345 6789\nDokki, Giza", "+201223456789"),
        ("WhatsApp (62) 98123-4567\nGoiânia", "+5562981234567"),  # "(62)" is an area code, not Indonesia
        ("王芳转的，她手机13912345678\n客户：Mehmet Demir，土耳其伊兹密尔\n客户手机 0535 111 22 33", "+905351112233"),
        ("Customer in Shanghai\n手机：138 0512 3456", "+8613805123456"),  # a home number when nothing else
    ],
)
def test_national_numbers_are_read_in_the_customers_country(text: str, expected: str) -> None:
    assert parse_inquiry(text, OWN).phone == expected
