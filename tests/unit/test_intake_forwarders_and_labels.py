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


AGENT_IN_CHINESE = """From: Coco Wu <coco@sz-freight.cn>
Subject: FW: запрос - вискозиметр

王磊你好，
下面是我们哈萨克斯坦客户的询价，请直接报价给客户，运费我们负责。我的电话 +86 755 8621 0000。

---------- Forwarded message ----------
От: Айгерим Нурланова <a.nurlanova@kazpaint.kz>
Добрый день! Просим КП на вискозиметр, 1 шт.

С уважением,
Айгерим Нурланова
ТОО «KazPaint», г. Алматы
+7 701 555 12 34
"""

AGENT_IN_PORTUGUESE = """From: Rogério Alves <rogerio@nordesteinstrumentos.com.br>
Subject: Cotação - medidor de pH / cliente Laticínios Serra Azul

Olá, segue pedido de um cliente nosso, pode mandar a cotação direto pra ele com cópia pra mim:

Laticínios Serra Azul Ltda. – Garanhuns/PE
Contato: Patrícia Menezes
patricia.menezes@serraazul.com.br
Cel: (87) 99811-2044

Abs,
Rogério – Nordeste Instrumentos Ltda.
(81) 99634-2218
"""

AGENT_SENDS_PI_TO_THEM = """From: Jenny Lau <jenny@hk-sourcing.com>
Subject: FW: Balanzas

Hi Wang Lei, I am the sourcing agent for this client in Peru. They prefer you contact them directly, and please
send PI to them with me in CC. Below is their original mail.

Jenny Lau
HK Sourcing Ltd
+852 2631 0000

---------- Forwarded message ---------
De: Lucía Quispe <lquispe@andeslab.pe>
Necesitamos 2 balanzas analíticas.
Lucía Quispe
Andes Lab S.A.C., Arequipa
Cel: +51 987 654 321
"""


@pytest.mark.parametrize(
    ("text", "email", "phone"),
    [
        (AGENT_IN_CHINESE, "a.nurlanova@kazpaint.kz", "+77015551234"),
        (AGENT_IN_PORTUGUESE, "patricia.menezes@serraazul.com.br", "+5587998112044"),
        (AGENT_SENDS_PI_TO_THEM, "lquispe@andeslab.pe", "+51987654321"),
        (DEALER_WITH_HEADING.replace("----- client details -----", "End user details:")
         .replace("Their details\nare below.", "Our 10% commission as agreed."), "efua.owusu@tth-lab.org.gh",
         "+233247710392"),
    ],
)
def test_an_agents_hand_over_in_more_words_gives_the_end_user(text: str, email: str, phone: str) -> None:
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.phone) == (email, phone)


def test_the_number_labelled_for_whatsapp_in_the_contact_lines_is_the_phone() -> None:
    text = ("Kindly send proforma.\n\nThanks & regards,\nAdebayo Ogunleye\nZenvest Labs Limited, Ilupeju, Lagos\n"
            "Tel: 0803 562 1847 | WhatsApp: 0909 318 2260")
    assert parse_inquiry(text, HOME).phone == "+2349093182260"


def test_a_colleagues_whatsapp_in_a_sentence_does_not_beat_the_writers_number() -> None:
    text = ("[09:14, 12/03/2024] +55 31 99417-2268: Bom dia! Aqui é o Leonardo Dias, do Laboratório Vitalis, em Belo "
            "Horizonte\n[09:17, 12/03/2024] +55 31 99417-2268: Qualquer dúvida técnica fala com a nossa bioquímica, "
            "Dra. Camila Prado, WhatsApp (31) 98852-0917")
    assert parse_inquiry(text, HOME).phone == "+5531994172268"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("[12/03/2024, 09:14] 王磊 Wang Lei (Acme): Hello, this is Wang Lei from Acme.\n"
         "[12/03/2024, 09:40] +254 722 318 905: Habari. Am Peter Otieno from Lakeview Labs Ltd Kisumu, Kenya",
         "Peter Otieno"),
        ("WhatsApp\n+974 5563 8812: Good morning. Mohammed Al-Kuwari from Doha Testing W.L.L.", "Mohammed Al-Kuwari"),
        ("LinkedIn msg from Faisal Al Hammadi (Lab Manager at Gulf Cement LLC): need a muffle furnace",
         "Faisal Al Hammadi"),
        ('TradeManager chat - buyer "Rajesh Kumar Iyer", India\nneed 6 hole water bath', "Rajesh Kumar Iyer"),
        ("Alibaba RFQ: tensile tester 100kN — buyer Mahmoud Abdel-Rahman, Delta Wire Egypt, tel +20 100 537 2841",
         "Mahmoud Abdel-Rahman"),
        ("Goedemiddag, graag een offerte voor een balans.\nGroet, Jeroen de Vries – AgroLab B.V.", "Jeroen de Vries"),
        ("Alibaba inquiry from Mallam Ibrahim Sani Danjuma, Kano: need gas analyzer", "Ibrahim Sani Danjuma"),
        ("Entrega em Campinas. Vocês tem distribuidor aqui?\n\nAtt.\nJuliana Ferreira Costa\nLab Vale Verde Ltda.",
         "Juliana Ferreira Costa"),
        ("Mensaje directo de X (Twitter):\nHola! Contacto: Iker Etxeberria, Cervezas Ibaizabal S.L.",
         "Iker Etxeberria"),
        ("展会名片 — Analytica 2024\n\nCard:\nJohan van der Merwe\nTechnical Manager\nAquaTest (Pty) Ltd",
         "Johan van der Merwe"),
        ("Hello! Do you sell Hospital Beds? I'm Maria.", "Maria"),
    ],
)
def test_who_writes(text: str, name: str) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


FORWARDED_FOR_A_DIRECT_REPLY = """From: Front Desk <info@gulfenviro.qa>
Subject: FW: enquiry

Dear team,
Please see below request from our Director. {note}
Regards, Anna (Admin Assistant)

---------- Forwarded message ----------
From: Dr. Khalid Al-Kuwari
We plan to install 2 air quality stations. Please share a proposal.

Dr. Khalid Al-Kuwari
Gulf Enviro Consultancy W.L.L.
Tel: +974 4432 7810 | Mob: +974 5581 2296
k.alkuwari@gulfenviro.qa
"""


@pytest.mark.parametrize(
    "note", ["Kindly reply directly to him.", "Please deal with him directly, keep me in cc.",
             "Merci de lui répondre directement, moi en copie.",
             "Cotiza directamente al usuario final con copia a mí."],
)
def test_a_forward_that_asks_for_a_direct_reply_gives_the_writer_below(note: str) -> None:
    parsed = parse_inquiry(FORWARDED_FOR_A_DIRECT_REPLY.format(note=note), HOME)
    assert (parsed.email, parsed.phone) == ("k.alkuwari@gulfenviro.qa", "+97455812296")


def test_a_forwarder_who_wants_the_quote_keeps_it() -> None:
    text = FORWARDED_FOR_A_DIRECT_REPLY.format(note="Please send the quotation to us; do not reply to him directly.")
    assert parse_inquiry(text, HOME).email == "info@gulfenviro.qa"


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Facebook page message\nBlessing Okonkwo: pls how much is ur water bath?? can u deliver to port harcourt? "
         "call/whatsapp 08127465093", "+2348127465093"),
        ("hi sino, need price for hot plate x10 and delivery to cairo. Ahmed Samir, ElNour Co. ☎️ 0100 734 2915",
         "+201007342915"),
    ],
)
def test_a_city_typed_in_lower_case_reads_a_national_mobile(text: str, phone: str) -> None:
    assert parse_inquiry(text, HOME).phone == phone


# A review's counter-examples: each was read wrongly by a first version of this session's rules.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Olá. Gostaria de um orçamento de 2 bombas.\nObrigada,\nAna Souza", "Ana Souza"),
        ("Hola. Somos de Medellín, necesitamos bombas.\nSaludos,\nCarlos Restrepo", "Carlos Restrepo"),
        ("The buyer Kenya Power requires delivery in 30 days. Regards, Joseph Mutua, Mutua Enterprises",
         "Joseph Mutua"),
        ("Hi, I'm Ali from Gulf Chem. Please send the offer also to our manager Mr. Hassan Ali.\nAli", "Ali"),
        ("Dear Sir. Am Available At your office on Monday.\nJoseph Mutua", "Joseph Mutua"),
        ("Hi, Am Peter from Kisumu, need a centrifuge", "Peter"),
    ],
)
def test_no_misreading_of_ordinary_openings(text: str, name: str) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


@pytest.mark.parametrize(
    ("text", "country"),
    [("We are Jordan Phosphate Mines Company", "JO"), ("Jordan Valley Authority", "JO"),
     ("distributor in Jordan Since 2005", "JO"), ("Georgia Ministry of Health", "GE"),
     ("Chad Petroleum Company", "TD")],
)
def test_an_organisation_named_after_the_country_keeps_it(text: str, country: str) -> None:
    assert parse_inquiry(text, HOME).text_country == country


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Thanks,\nJohn Doe\nOffice: +1 713 555 0101 / Cell 2: +1 832 555 0199", "+18325550199"),
        ("Thanks,\nMusa Bello\nMobile: +234 803 562 1847\nFor shipping contact our clearing agent Mr. Bello\n"
         "WhatsApp: +234 909 318 2260", "+2348035621847"),
    ],
)
def test_a_label_with_digits_and_a_chat_line_further_down_do_not_move_the_phone(text: str, phone: str) -> None:
    assert parse_inquiry(text, HOME).phone == phone


def test_a_dealer_whose_end_user_details_are_for_the_licence_stays_the_customer() -> None:
    text = ("From: Haider Kareem <haider@alrafidain-trade.iq>\nWe confirm the order, payment by LC. For the export "
            "licence, the end user's details are as follows.\n\nEnd user details:\nDr. Ali Hassan, Ministry of Health\n"
            "+964 770 123 4567\n\nRegards,\nHaider Kareem\nAl-Rafidain Trading Co.")
    assert parse_inquiry(text, HOME).email == "haider@alrafidain-trade.iq"


def test_a_writer_who_asks_for_a_direct_reply_to_themselves_stays_the_customer() -> None:
    text = FORWARDED_FOR_A_DIRECT_REPLY.replace("Dear team,\nPlease see below request from our Director. {note}",
                                                "Dear team,\nThe request below is mine, please reply directly to me.")
    text = text.replace("Regards, Anna (Admin Assistant)", "Regards, Anna Petrova\nMobile: +974 3312 4455")
    assert parse_inquiry(text, HOME).phone == "+97433124455"


def test_a_tenders_technical_contact_is_whom_to_ask_not_whom_to_quote() -> None:
    text = ("Dear Supplier,\nGulf Pipes W.L.L. invites your quotation for 24 gas detectors.\n"
            "Technical queries: Eng. Hamad Al-Kuwari, hamad.alkuwari@gulfpipes.com.qa\n"
            "Please submit your priced offer to the undersigned.\n\nRegards,\nSuresh Menon\nProcurement Officer\n"
            "Gulf Pipes W.L.L.\nMob: +974 5512 8846\nEmail: procurement@gulfpipes.com.qa")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.customer_name) == ("procurement@gulfpipes.com.qa", "Suresh Menon")
