"""What holdout59 and holdout66 showed the intake missing: a foreign-trade desk writing "por instrucción de nuestro
gerente general, el Sr. …" with a customs agent's landline beside his mobile; a buyer who took over from a
colleague and wants future quotes ("… new contact" in the subject is no hand-over); a tender office's shared mailbox
whose signer gives their own address ("For clarifications, contact the undersigned", Italian "Ufficio Gare");
Nigeria's Niger Delta, which is no Niger."""

from __future__ import annotations

import pytest

from bot.rules.intake import OwnSide, parse_inquiry

HOME = OwnSide.build(domains=["acme-instruments.cn"], phones=["+86 755 2666 0000"], home_country="CN",
                     names=["Kevin Zhou", "Lisa Wang"])


def test_a_trade_desk_writing_on_its_managers_instruction_gives_his_address_and_mobile() -> None:
    text = ("De: Comercio Exterior <comex@andinafarma.com.pe>\nPara: ventas@acme-instruments.cn\n"
            "Asunto: Solicitud de cotización – estufa de secado\n\n"
            "Buenos días:\n\nLe escribimos por instrucción de nuestro gerente general, el Ing. Rodrigo Salazar, para "
            "solicitar cotización de una estufa de secado de 250 L.\n\n"
            "La cotización debe enviarse a rsalazar@andinafarma.com.pe. Celular del Ing. Salazar: 987 654 321.\n"
            "Nuestra agencia de aduanas (solo para el despacho): Aduanas del Callao, tel. (01) 429 7788.\n\n"
            "Atentamente,\nComercio Exterior\nAndina Farma S.A.C.\nLima, Perú\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.email, parsed.phone) == (
        "Rodrigo Salazar", "rsalazar@andinafarma.com.pe", "+51987654321")


def test_a_buyer_who_took_over_from_a_colleague_is_the_customer_not_the_one_quoted_below() -> None:
    text = ("From: Aigerim Bekova <a.bekova@steppe-lab.kz>\nTo: Lisa Wang <lisa.wang@acme-instruments.cn>\n"
            "Subject: FW: Muffle furnace quote – new contact\n\n"
            "Dear Lisa,\n\nSerik Omarov has moved to our Atyrau branch and I have taken over lab purchasing. Please "
            "send all future quotations to me.\n\nWe would like an updated offer for 2 muffle furnaces.\n\n"
            "Best regards,\nAigerim Bekova\nSteppe Lab LLP\nMob: +7 701 555 2233\n\n"
            "---------- Forwarded message ----------\nFrom: Serik Omarov <s.omarov@steppe-lab.kz>\n"
            "Subject: RE: Muffle furnace quote\nThanks Lisa, we will revert. Serik (+7 702 444 1188)\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.email, parsed.phone) == (
        "Aigerim Bekova", "a.bekova@steppe-lab.kz", "+77015552233")


def test_a_tender_office_signer_who_asks_to_be_contacted_for_clarifications_gives_their_own_address() -> None:
    text = ("From: Procurement Unit <procurement@fuoye-labs.edu.ng>\nTo: info@acme-instruments.cn\n"
            "Subject: REQUEST FOR QUOTATION – UV-Vis spectrophotometer\n\n"
            "Dear Sir/Madam,\n\nThe Institute invites your company to quote for the supply of one (1) UV-Vis "
            "spectrophotometer, DDP Ado-Ekiti.\n\nFor clarifications, contact the undersigned.\n\n"
            "Yours faithfully,\nMr. Tunde Adebisi\nHead, Procurement Unit\nFUOYE Central Laboratories\n"
            "Ado-Ekiti, Ekiti State\nTel: 0803 772 1946\nEmail: t.adebisi@fuoye-labs.edu.ng\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.email) == ("Tunde Adebisi", "t.adebisi@fuoye-labs.edu.ng")


def test_an_italian_tender_office_mailbox_gives_way_to_its_signers_own_address() -> None:
    text = ("Da: Ufficio Gare – Istituto Zooprofilattico <gare@izs-nord.it>\nA: sales@acme-instruments.cn\n"
            "Oggetto: Richiesta offerta – bagno termostatico\n\n"
            "Gentili Signori,\nVi chiediamo un'offerta per n. 2 bagni termostatici, resa DDP Brescia.\n\n"
            "Cordiali saluti,\n\nDott. Marco Bellini\nUfficio Gare e Appalti\nIstituto Zooprofilattico del Nord\n"
            "cell. 333 912 4470\nm.bellini@izs-nord.it\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.email) == ("Marco Bellini", "m.bellini@izs-nord.it")


def test_the_niger_delta_is_in_nigeria() -> None:
    text = ("The Niger Delta Polytechnic, Ozoro invites quotations for 4 hot-air ovens.\n"
            "Contact: Mrs. Efe Okoro, 0806 114 2957, procurement@ndpoly.edu.ng\n")
    assert parse_inquiry(text, HOME).text_country == "NG"


def test_a_secretary_who_says_her_director_prefers_mail_at_his_address_gives_his_address_and_name() -> None:
    text = ("Formulario web – acme-instruments.cn/es/contacto\nNombre: Marta Gil Navarro\nCargo: Secretaria\n"
            "Empresa: Laboratorios Ebro, S.L.\nEmail: mgil@labebro.es\nTeléfono: 976 21 44 80\nPaís: España\n"
            "Mensaje: Nuestro jefe de laboratorio, D. Andrés Pardo Lázaro, busca un horno de mufla de 5 L. Él "
            "prefiere que le escriban a su correo apardo@labebro.es y que le llamen a su móvil 654 98 12 33.\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.email, parsed.phone) == (
        "Andrés Pardo Lázaro", "apardo@labebro.es", "+34654981233")


def test_a_consultant_who_sends_the_quote_straight_to_the_clients_manager_gives_her_contacts() -> None:
    text = ("Subject: Quotation request for Karoo Minerals Lab – muffle furnace\n\nHi Lisa,\n\n"
            "I advise Karoo Minerals Lab (Pty) Ltd on their new assay room. They need 2 muffle furnaces.\n\n"
            "Please send it straight to their laboratory manager, Dr. Lerato Mokoena, "
            "lerato.mokoena@karoominerals.co.za, cell 082 774 3190. I don't need to be copied.\n\n"
            "Thanks,\nPieter Botha\nBotha Lab Consulting\n"
            "083 552 1178\npieter@bothalab.co.za\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.email, parsed.phone) == (
        "Lerato Mokoena", "lerato.mokoena@karoominerals.co.za", "+27827743190")


def test_a_unit_after_the_legal_form_and_a_dash_is_no_part_of_the_company() -> None:
    text = ("Booth visitor: Achema 2024 — Leadscanner-Export\nVorname: Jonas\nNachname: Keller\n"
            "Firma: Stadtwerke Lindau GmbH – Zentrallabor\nMobil: 0171 5520 418\nE-Mail: j.keller@sw-lindau.de\n")
    assert parse_inquiry(text, HOME).company == "Stadtwerke Lindau GmbH"


def test_a_shows_name_in_our_colleagues_heading_is_no_company() -> None:
    text = ("展会名片：Analytica Lab Africa 2024，展位 B12，刘洋\nKenya Bureau of Standards\nDr. Mary Wanjiku\n"
            "Cell: 0722 415 903\nm.wanjiku@kebs-lab.go.ke\n备注：要紫外分光光度计 2 台。\n")
    assert parse_inquiry(text, HOME).company == "Kenya Bureau of Standards"


def test_a_chinese_notes_mobile_tag_after_a_number_makes_it_the_phone() -> None:
    text = ("客户来电，哈萨克斯坦阿拉木图的一个实验室。\n联系人：Асель Нурланова\n"
            "电话：8 (727) 250-41-17（办公室）/ 8 701 944 27 15（手机）\n")
    assert parse_inquiry(text, HOME).phone == "+77019442715"


def test_a_voicemail_spells_its_address_letter_by_letter() -> None:
    text = ("Voicemail transcript: \"Hello, this is Omar Saleh from Doha. Please email me at omar dot saleh at "
            "q-l-s dot q-a, or call me back on five five one two, three four five six. Thank you.\"\n")
    assert parse_inquiry(text, HOME).email == "omar.saleh@qls.qa"


def test_a_ukrainian_voice_note_says_its_number_in_words() -> None:
    text = ("Голосове повідомлення в Telegram, розшифровка:\n\"Добрий день, мене звати Ігор Коваль, лабораторія "
            "ТОВ «Агроаналіт». Потрібен рН-метр. Мій номер нуль дев'яносто сім, сто двадцять три, сорок п'ять, "
            "шістдесят сім. Дякую.\"\n")
    assert parse_inquiry(text, HOME).phone == "+380971234567"


def test_a_spanish_caller_who_says_le_habla_gives_her_name() -> None:
    text = ("Transcripción de nota de voz (WhatsApp) — enviada desde +52 1 55 4123 8890\n\"Buenas tardes, le habla "
            "Rocío Mendoza, de Lácteos San Marcos, necesitamos un analizador de leche.\"\n")
    assert parse_inquiry(text, HOME).customer_name == "Rocío Mendoza"


@pytest.mark.parametrize(("line", "company"), [
    ("Karadeniz Su Analiz Enstitüsü", "Karadeniz Su Analiz Enstitüsü"),
    ("Ziekenhuis Rivierenland", "Ziekenhuis Rivierenland"),
    ("Медицинский центр «Аксай-Мед»", "Медицинский центр «Аксай-Мед»"),
])
def test_institutes_and_hospitals_without_a_legal_form_on_a_signature_line(line: str, company: str) -> None:
    text = f"Hello, please quote 2 centrifuges.\n\nRegards,\nDr. Kerem Aydin\n{line}\n+90 532 418 77 65\n"
    assert parse_inquiry(text, HOME).company == company
