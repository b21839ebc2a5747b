"""What holdout31 to 33's writers showed the intake missing: a dealer who hands over the end user's details under a
heading or "their contacts:", a label in brackets after a number, a mail client's rule in more languages, a
name with its patronymic, a first name that is also a country."""

from __future__ import annotations

import pytest

from bot.rules.intake import OwnSide, parse_inquiry

HOME = OwnSide.build(domains=["acme-instruments.cn"], phones=["+86 755 2666 0000"], home_country="CN",
                     names=["王磊", "Wang Lei", "Kevin Zhou"])

DEALER_WITH_HEADING = """From: Yaw Boateng <sales@kumasilabtrade.com>
Subject: Fwd: pH meter request

Hi Kevin,
One of our clients needs a benchtop pH meter. Kindly quote them directly, we handle installation. Their details
are below.

Yaw
Kumasi Lab Trade Ltd
+233 32 202 5511

----- client details -----
Name: Dr. Efua Owusu
Institution: Tamale Teaching Hospital Laboratory
Tel: +233 24 771 0392
Email: efua.owusu@tth-lab.org.gh
"""

DEALER_THEIR_CONTACTS = """From: Peter Njoroge <peter@nairobisci.co.ke>
Subject: viscometer - end user in Arusha

Hi Kevin,
We have an end user in Tanzania who prefers to buy from the maker; we do the installation. Their contacts:

Mr. Baraka Mollel
QC lead, Arusha Paints Ltd, Arusha
Cell: +255 754 330 918
baraka.mollel@arushapaints.co.tz

Please cc me.

Best,
Peter Njoroge
Nairobi Scientific Ltd
+254 733 100 200
"""


@pytest.mark.parametrize(
    ("text", "email", "phone", "name"),
    [
        (DEALER_WITH_HEADING, "efua.owusu@tth-lab.org.gh", "+233247710392", "Efua Owusu"),
        (DEALER_THEIR_CONTACTS, "baraka.mollel@arushapaints.co.tz", "+255754330918", "Baraka Mollel"),
    ],
)
def test_a_dealer_handing_over_the_end_users_details_gives_the_end_user(
    text: str, email: str, phone: str, name: str
) -> None:
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.phone, parsed.customer_name) == (email, phone, name)


def test_a_dealer_who_wants_the_quote_keeps_their_own_contacts() -> None:
    text = DEALER_WITH_HEADING.replace("Kindly quote them directly, we handle installation.",
                                       "Please send the quotation to us, not to the end user.")
    assert parse_inquiry(text, HOME).email == "sales@kumasilabtrade.com"


@pytest.mark.parametrize(
    ("line", "phone"),
    [
        ("+7 727 339 84 12 (office), +7 777 215 60 48 (mobile)", "+77772156048"),
        ("Tel. +39 0536 812 455 – Cell. +39 347 218 6653", "+393472186653"),
        ("+44 20 7946 0321 (landline) / +44 7912 438 123 (cell.)", "+447912438123"),
    ],
)
def test_a_label_belongs_to_the_number_it_stands_beside(line: str, phone: str) -> None:
    text = f"Please quote a muffle furnace.\n\nBest regards,\nAigul Sarsenova\n{line}"
    assert parse_inquiry(text, HOME).phone == phone


@pytest.mark.parametrize(
    "rule", ["---------- الرسالة الأصلية ----------", "-----Messaggio originale-----", "----- Orijinal Mesaj -----",
             "-------- Oorspronkelijk bericht --------"],
)
def test_our_quoted_message_under_a_rule_in_another_language_is_not_the_customers(rule: str) -> None:
    text = (f"Please add 5 more units.\n\nFarid Haddad\nAl Noor Labs LLC\nMobile: +971 50 321 7788\n\n{rule}\n"
            "From: Wang Lei <wang.lei@acme-instruments.cn>\nDear Farid, our offer is attached.\n"
            "Wang Lei | Mobile +86 139 1111 2222")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.phone, parsed.customer_name) == ("+971503217788", "Farid Haddad")


@pytest.mark.parametrize(
    "name", ["Анна Викторовна Белова", "Белова Анна Викторовна"],
)
def test_a_name_with_its_patronymic_is_recorded_as_written(name: str) -> None:
    text = f"Добрый день!\nПросим КП на вискозиметр.\n\nС уважением,\n{name}\nНачальник отдела снабжения"
    assert parse_inquiry(text, HOME).customer_name == name


def test_a_signature_named_jordan_is_no_customer_in_jordan() -> None:
    text = ("From: Jordan Ellis <j.ellis@pennine-lab.co.uk>\nPlease quote a dissolution tester delivered to Leeds.\n\n"
            "Thanks,\nJordan Ellis\nLab Manager, Pennine Lab Ltd\n0113 496 0123 / 07912 438 456")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.stated_country, parsed.phone) == (None, "+447912438456")


def test_an_institutes_mailbox_names_the_person_the_offer_goes_to() -> None:
    text = ("From: Лаборатория РСА <lab-xrd@ipk-tomsk.ru>\nПросим направить ТКП на дифрактометр.\n"
            "По техническим вопросам: проф. Соколов Игорь Михайлович, тел. +7 (3822) 330-72-15.\n"
            "Контактное лицо по закупке (ТКП направлять ей): Белова Екатерина, моб. +7 913 745-28-60, "
            "e-mail: belova@ipk-tomsk.ru")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.phone) == ("belova@ipk-tomsk.ru", "+79137452860")
