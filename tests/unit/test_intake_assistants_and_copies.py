"""What holdout46 to 49's writers showed the intake missing: an assistant who writes for a named person whose own
address stands only in the mail's "Cc:" line ("Por instrucciones del Ing. X", "im Auftrag von Herrn Prof. Dr. X"),
a Polish genitive after "w imieniu", a secretary who writes for her director but asks for the quote herself, and an
address or a number given only for a copy ("copying the MD (md@…)", "(cc, 072 …)")."""

from __future__ import annotations

from bot.rules.intake import OwnSide, parse_inquiry

HOME = OwnSide.build(domains=["acme-instruments.cn"], phones=["+86 755 2666 0000"], home_country="CN",
                     names=["王磊", "Wang Lei", "Kevin Zhou"])

ASSISTANT_FOR_A_MANAGER_IN_COPY = """De: Lucía Fernanda Rivas <asistente.gerencia@quimipack.com.mx>
Para: ventas@acme-instruments.cn
CC: Héctor Garza Villarreal <hgarza@quimipack.com.mx>
Asunto: Cotización horno de convección

Buen día,

Por instrucciones del Ing. Héctor Garza Villarreal, Gerente de Calidad, le solicito cotización de un horno de
convección forzada de 120 L.

Favor de dirigir la cotización al Ing. Garza (en copia), quien atenderá dudas en su celular 81 1934 5572.

Saludos,
Lucía Fernanda Rivas
Asistente de Gerencia
Quimipack del Norte, S.A. de C.V.
Tel. (81) 8355 4100 ext. 12
"""


def test_an_assistant_by_instruction_of_a_manager_in_copy_gives_the_manager_and_his_cc_address() -> None:
    parsed = parse_inquiry(ASSISTANT_FOR_A_MANAGER_IN_COPY, HOME)
    assert (parsed.customer_name, parsed.email, parsed.phone) == (
        "Héctor Garza Villarreal", "hgarza@quimipack.com.mx", "+528119345572")


def test_without_an_instruction_the_assistant_who_writes_is_the_contact() -> None:
    text = ASSISTANT_FOR_A_MANAGER_IN_COPY.replace("Por instrucciones del Ing. Héctor Garza Villarreal, Gerente de "
                                                   "Calidad, le", "Le").replace(
        "Favor de dirigir la cotización al Ing. Garza (en copia), quien atenderá dudas en su celular 81 1934 5572.",
        "Quedo atenta.")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.email) == ("Lucía Fernanda Rivas", "asistente.gerencia@quimipack.com.mx")


def test_a_secretary_for_a_professor_three_titles_deep_gives_him_by_his_cc_display_name() -> None:
    text = ("Von: Sekretariat Analytik <sekretariat.ac@hs-emsland.de>\n"
            "An: info@acme-instruments.cn\n"
            "Cc: Prof. Dr. Jürgen Albers <juergen.albers@hs-emsland.de>\n"
            "Betreff: Anfrage Refraktometer\n\n"
            "Sehr geehrte Damen und Herren,\n\n"
            "im Auftrag von Herrn Prof. Dr. Albers bitte ich um ein Angebot über ein Abbe-Refraktometer. Bitte "
            "richten Sie das Angebot direkt an ihn (Tel. 0591 80098-41).\n\n"
            "Mit freundlichen Grüßen\ni. A. Sabine Wessels\nSekretariat Analytische Chemie\nHochschule Emsland\n"
            "Tel. 0591 80098-40\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.email) == ("Jürgen Albers", "juergen.albers@hs-emsland.de")


def test_on_behalf_of_a_manager_whose_surname_has_a_particle_finds_his_cc_address() -> None:
    text = ("From: Anita Joseph <anita.joseph@emiratesaqua.ae>\nTo: sales@acme-instruments.cn\n"
            "Cc: Khalid Al Hashemi <khalid.alhashemi@emiratesaqua.ae>\nSubject: RFQ turbidity meters\n\n"
            "Dear Sir,\n\nI am writing on behalf of Mr. Khalid Al Hashemi, our Plant Manager. Kindly address your "
            "offer for 3 turbidity meters to him (in copy).\n\nRegards,\nAnita Joseph\nPA to Plant Manager\n"
            "Emirates Aqua Solutions LLC\nT: +971 4 881 2200\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.email) == ("Khalid Al Hashemi", "khalid.alhashemi@emiratesaqua.ae")


def test_a_polish_genitive_after_w_imieniu_gives_way_to_the_name_as_written_on_its_own_line() -> None:
    text = ("Dzień dobry,\n\npiszę w imieniu dr. hab. inż. Marka Nowakowskiego, kierownika laboratorium w firmie "
            "Hydrolab Sp. z o.o. Prosimy o ofertę na spektrofotometr UV-Vis.\n\n"
            "Proszę o przesłanie oferty bezpośrednio do niego:\nMarek Nowakowski\n"
            "e-mail: m.nowakowski@hydrolab.pl\ntel. kom. 601 334 218\n\n"
            "Pozdrawiam\nKatarzyna Wójcik\nasystentka\nHydrolab Sp. z o.o.\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.email, parsed.phone) == (
        "Marek Nowakowski", "m.nowakowski@hydrolab.pl", "+48601334218")


SECRETARY_WHO_WANTS_THE_QUOTE = """Subject: REQUEST FOR QUOTATION - WATER BATH

Dear Sir,

I write on behalf of our Chairman, Chief Emmanuel Okafor, who met your team at the Lagos trade fair.

Kindly send the quotation to me directly, copying the Chairman (chairman@okaforlabs.com.ng).

Yours faithfully,
Ngozi Eze (Mrs)
Secretary to the Chairman
Okafor Laboratories Ltd
Tel: 0803 412 7765
E-mail: ngozi.eze@okaforlabs.com.ng
"""


def test_a_secretary_who_asks_for_the_quote_herself_is_the_contact_not_the_boss_she_copies() -> None:
    parsed = parse_inquiry(SECRETARY_WHO_WANTS_THE_QUOTE, HOME)
    assert (parsed.customer_name, parsed.email, parsed.phone) == (
        "Ngozi Eze", "ngozi.eze@okaforlabs.com.ng", "+2348034127765")


def test_a_copied_address_is_still_read_when_it_is_the_only_one() -> None:
    text = SECRETARY_WHO_WANTS_THE_QUOTE.replace("E-mail: ngozi.eze@okaforlabs.com.ng\n", "")
    assert parse_inquiry(text, HOME).email == "chairman@okaforlabs.com.ng"


def test_an_address_in_a_cc_header_line_is_no_copy_in_prose() -> None:
    text = ("From: Kwame Mensah <kwame@accralabs.com.gh>\nCc: Ama Owusu <ama@accralabs.com.gh>\n"
            "Subject: pH meters\n\nPlease quote 4 pH meters.\n\nKwame Mensah\nAccra Labs Ltd\n")
    assert parse_inquiry(text, HOME).email == "kwame@accralabs.com.gh"
    assert parse_inquiry(text.replace("From: Kwame Mensah <kwame@accralabs.com.gh>\n", ""), HOME).email == (
        "ama@accralabs.com.gh")


def test_my_own_inbox_in_copy_stays_mine() -> None:
    text = ("Buenos días, necesitamos cotizar 2 balanzas analíticas. Envíen la cotización a compras@labsur.cl con "
            "copia a mi casilla rmunoz@labsur.cl.\nRodrigo Muñoz\nLaboratorio Sur SpA")
    assert parse_inquiry(text, HOME).email == "rmunoz@labsur.cl"


def test_a_colleague_s_number_given_for_a_copy_is_not_the_buyer_s() -> None:
    text = ("From: Johan Pretorius <procurement@vaalminerals.co.za>\nSubject: RFQ sieve shaker\n\n"
            "Please quote 1 x sieve shaker. Our lab technician Lerato (cc, 072 318 4406) will answer technical "
            "questions.\n\nRegards\nJohan Pretorius\nBuyer | Vaal Minerals (Pty) Ltd\nCell: 082 614 3397\n")
    assert parse_inquiry(text, HOME).phone == "+27826143397"


def test_a_tender_s_clarification_contact_is_its_buyer_though_delivery_terms_stand_above() -> None:
    text = ("From: procurement@shebelehealth.com.et\nSubject: Invitation to Bid – autoclaves\n\n"
            "Shebele Health Services PLC invites eligible suppliers to bid for:\nLot 1: autoclave 100 L – 2 pcs\n"
            "Delivery: CIP Addis Ababa Bole Airport\nBid closing: 14 May 2025\n"
            "For clarification contact: Ato Kebede Alemu, Procurement Head, +251 911 52 40 63, "
            "kebede.alemu@shebelehealth.com.et\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.customer_name) == ("kebede.alemu@shebelehealth.com.et", "Kebede Alemu")


def test_an_end_user_named_for_clarification_only_stays_a_second_contact() -> None:
    text = ("Please quote 2 flash point testers to us, CIF Umm Qasr. End user technical contact, for clarification "
            "only: Eng. Ali Hassan, ali.hassan@basraoil.iq\n\nRegards,\nSameer Khoury\nKhoury Trading LLC\n"
            "sameer@khourytrading.ae\n")
    assert parse_inquiry(text, HOME).email == "sameer@khourytrading.ae"


SOURCING_AGENT_AT_HOME = """From: Tony Chen <tony@yw-sourcing.cn>
Subject: inquiry for our client in Kenya

Hi, we are a sourcing agent in Yiwu. Our client needs 5 magnetic stirrers and 2 water baths.

Client details (for the proforma invoice):
Lakeside Diagnostics Ltd
Contact: Mr. Otieno Ochieng
Tel: +254 722 418 305
Email: otieno@lakesidediag.co.ke

Please send the quotation to me, we arrange the shipping.

Best regards,
Tony Chen
Yiwu Trade Sourcing Co., Ltd.
Mob: +86 139 5791 2264
"""


def test_a_sourcing_agent_at_home_who_wants_the_quote_gives_the_overseas_client_as_the_buyer() -> None:
    parsed = parse_inquiry(SOURCING_AGENT_AT_HOME, HOME)
    assert (parsed.email, parsed.customer_name, parsed.phone) == (
        "otieno@lakesidediag.co.ke", "Otieno Ochieng", "+254722418305")


def test_an_overseas_dealer_who_wants_the_quote_stays_the_buyer_over_its_client_block() -> None:
    text = SOURCING_AGENT_AT_HOME.replace("Mob: +86 139 5791 2264", "Mob: +971 50 318 2291").replace(
        "Tony Chen <tony@yw-sourcing.cn>", "Tony Haddad <tony@gulf-sourcing.ae>").replace("Tony Chen\nYiwu",
                                                                                         "Tony Haddad\nDubai")
    assert parse_inquiry(text, HOME).email == "tony@gulf-sourcing.ae"


def test_a_trademanager_log_names_its_speaker_by_the_name_before_the_country_and_time() -> None:
    text = ("Alibaba TradeManager — conversation\nKarim Nabil (Egypt) 10:02: hello\n"
            "Karim Nabil (Egypt) 10:02: price of drying oven 136 L?\n赵敏 10:05: Hello, how many units?\n"
            "Karim Nabil (Egypt) 10:09: 2 units. my whatsapp 0100 648 2915\n")
    assert parse_inquiry(text, HOME).customer_name == "Karim Nabil"


def test_a_messenger_sent_line_names_its_writer_once() -> None:
    messenger = ("Facebook Messenger\nSipho Dlamini\nSent 8 Oct at 19:44\n\nHi, we need 3 hotplate stirrers. "
                 "My cell 082 614 7390\n")
    assert parse_inquiry(messenger, HOME).customer_name == "Sipho Dlamini"


def test_vas_bespokoit_introduces_the_writer() -> None:
    text = ("+7 701 555 20 47: Добрый день. Вас беспокоит Асель Нурланова, компания ТОО «АгроЛаб»\n"
            "+7 701 555 20 47: Нужен влагомер зерна\n")
    assert parse_inquiry(text, HOME).customer_name == "Асель Нурланова"


def test_on_behalf_of_our_managing_director_comma_dr_x_gives_his_address() -> None:
    text = ("From: Chioma Eze <admin@riverslabs.com.ng>\nSubject: ENQUIRY\n\nGood day,\n\nI am writing on behalf of "
            "our Managing Director, Dr. Ifeanyi Okoro, who met your team in Lagos.\n\nKindly address the quotation "
            "to Dr. Ifeanyi Okoro. His direct line is 0805 611 2940, email i.okoro@riverslabs.com.ng.\n\n"
            "Chioma Eze (Mrs)\nPA to MD\nRivers Labs Ltd\nTel: 0909 218 4471\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.email, parsed.phone) == (
        "Ifeanyi Okoro", "i.okoro@riverslabs.com.ng", "+2348056112940")


def test_a_secretary_who_wants_the_quote_sent_to_the_undersigned_is_the_contact() -> None:
    text = ("From: Faith Njeri <fnjeri@kisumu-uni.ac.ke>\nSubject: RFQ\n\nI am writing on behalf of Prof. Paul "
            "Otieno, Chairman, who asked me to source quotations for 2 incubators.\n\nKindly send your quotation "
            "(CIF Mombasa) to the undersigned, with copy to the Chairman (potieno@kisumu-uni.ac.ke).\n\n"
            "Faith Njeri\nDepartmental Secretary\nMobile: 0722 604 118\nEmail: fnjeri@kisumu-uni.ac.ke\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.email) == ("Faith Njeri", "fnjeri@kisumu-uni.ac.ke")


def test_a_colleague_forwarding_for_him_in_cc_gives_the_cc_address_that_spells_his_name() -> None:
    text = ("From: Noor Al-Hajri <n.alhajri@qatarlabs.qa>\nCc: k.almansouri@qatarlabs.qa\nSubject: FW: pH meters\n\n"
            "My colleague Eng. Khalid Al-Mansouri asked me to forward this to you. He is handling the purchase, so "
            "kindly direct the quotation to him (in CC), mobile +974 5581 2036.\n\nThanks,\nNoor\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.phone) == ("k.almansouri@qatarlabs.qa", "+97455812036")
