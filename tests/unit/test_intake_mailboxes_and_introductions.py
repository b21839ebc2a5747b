"""What holdout37 and 38's writers showed the intake missing: a tender or a secretary writing from a shared mailbox
while a named person's own address is the contact, an agent's referral with the client's block and "copy me", a
colleague acting "on behalf of my colleague Dr X", a forwarder introducing "our client, Mr X of Y Ltd", degrees
after a signature's name, legal forms in brackets or after another form."""

from __future__ import annotations

import pytest

from bot.rules.intake import OwnSide, parse_inquiry

HOME = OwnSide.build(domains=["acme-instruments.cn"], phones=["+86 755 2666 0000"], home_country="CN",
                     names=["王磊", "Wang Lei", "Kevin Zhou"])

TENDER_FROM_A_SHARED_MAILBOX = """From: Compras Hospital Regional <compras@hrvalle.gov.co>
Subject: Invitación a cotizar No. 044-2025 – centrífuga refrigerada

El Hospital Regional del Valle E.S.E. invita a presentar cotización para una centrífuga refrigerada.

Consultas de orden contractual:
Luisa Fernanda Ospina – Profesional de Compras
lospina@hrvalle.gov.co – Cel. 311 902 4417

Consultas técnicas:
Ing. Jorge Cabal – Biomédico
jcabal@hrvalle.gov.co – Cel. 316 220 1839
"""


def test_a_tender_from_a_shared_mailbox_gives_the_contract_officer_not_the_technical_contact() -> None:
    parsed = parse_inquiry(TENDER_FROM_A_SHARED_MAILBOX, HOME)
    assert (parsed.email, parsed.customer_name, parsed.phone) == (
        "lospina@hrvalle.gov.co", "Luisa Fernanda Ospina", "+573119024417")


def test_a_shared_mailbox_whose_writer_wants_the_quote_stays() -> None:
    text = TENDER_FROM_A_SHARED_MAILBOX.replace(
        "invita a presentar cotización", "solicita cotización, favor enviarla a nosotros,")
    text = text.replace("Consultas de orden contractual:", "Please send the quotation to us. Contact:")
    assert parse_inquiry(text, HOME).email == "compras@hrvalle.gov.co"


def test_a_secretary_s_mailbox_gives_the_director_she_sends_us_to() -> None:
    text = ("От: Приёмная ООО «Гидроприбор» <priemnaya@gidropribor.ru>\nТема: Запрос КП\n\n"
            "Добрый день! Просим направить КП на кондуктометр, 3 шт.\n"
            "КП просим направлять непосредственно контактному лицу — Соколов Игорь Павлович, директор: "
            "sokolov@gidropribor.ru, моб. +7 921 400-12-33.\n\n"
            "С уважением,\nМаслова Ирина\nсекретарь\nООО «Гидроприбор»\nтел. (812) 300-11-22")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.customer_name, parsed.phone) == (
        "sokolov@gidropribor.ru", "Соколов Игорь Павлович", "+79214001233")


def test_accounts_for_invoices_and_a_personal_address_for_me() -> None:
    text = ("[12/05/2025, 10:40] Tom Baxter: we'd like 20 hotplates for stock\n"
            "[12/05/2025, 10:41] Tom Baxter: accounts@baxterlab.co.uk for invoices, tom@baxterlab.co.uk for me, "
            "mob 07700 900461")
    assert parse_inquiry(text, HOME).email == "tom@baxterlab.co.uk"


def test_an_agents_referral_with_the_clients_block_and_copy_me_gives_the_client() -> None:
    text = ("From: Carlos Prado <carlos@pradorep.com.br>\nSubject: Cliente indicado\n\n"
            "Olá! Estou indicando um cliente interessado em autoclave vertical de 75 L.\n"
            "Cliente: Renata Lopes Vieira, compradora\nEmpresa: Hemolab Diagnósticos Ltda.\n"
            "E-mail: renata.vieira@hemolab.com.br\nCelular: (41) 99812-3344\n"
            "Favor me copiar nas respostas.\n\nAbs,\nCarlos Prado\n(41) 3020-1100")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.customer_name, parsed.phone) == (
        "renata.vieira@hemolab.com.br", "Renata Lopes Vieira", "+5541998123344")


def test_a_client_block_without_a_request_to_answer_elsewhere_keeps_the_writer() -> None:
    text = ("From: Carlos Prado <carlos@pradorep.com.br>\nSubject: autoclave\n\n"
            "Olá! Preciso de autoclave vertical de 75 L para a minha clínica.\n"
            "Cliente: Renata Lopes Vieira (paciente)\nE-mail: renata.vieira@hemolab.com.br\n\nAbs,\nCarlos Prado")
    assert parse_inquiry(text, HOME).email == "carlos@pradorep.com.br"


def test_on_behalf_of_my_colleague_gives_the_colleague_and_the_address_in_copy() -> None:
    text = ("From: Mark Evans <m.evans@chem.uni-example.ac.uk>\nCc: h.patel@chem.uni-example.ac.uk\n"
            "Subject: rotary evaporator\n\nHello,\nI'm writing on behalf of my colleague Dr Hannah Patel, who needs "
            "a rotary evaporator for her new group. Please send the quote to her directly (copied).\n\n"
            "Kind regards,\nMark Evans\nTechnician")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.customer_name) == ("h.patel@chem.uni-example.ac.uk", "Hannah Patel")


def test_de_parte_del_doctor_is_on_behalf_of_him() -> None:
    text = ("De: Sofía Ibarra <sofia.ibarra@quimica.unlitoral.edu.ar>\nAsunto: polarímetro\n\n"
            "Les escribo de parte del Dr. Hernán Quiroga, director del grupo, quien necesita un polarímetro. "
            "Por favor enviar la cotización a su correo: hquiroga@quimica.unlitoral.edu.ar\n\nSaludos,\nSofía Ibarra")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.customer_name) == ("hquiroga@quimica.unlitoral.edu.ar", "Hernán Quiroga")


def test_a_hand_over_with_his_details_reads_his_national_number_in_his_country() -> None:
    text = ("From: Imran Sheikh <imran@gulflabtrade.ae>\nSubject: Introduction\n\nDear team,\n"
            "Allow me to introduce Mr. Yousif Al-Mahmood of Manama Water Lab W.L.L. We don't cover Bahrain, so "
            "please deal with him directly.\n\nHis details:\nYousif Al-Mahmood\nMob: 3655 2107\n"
            "y.almahmood@manamawaterlab.com.bh\n\nBest regards,\nImran Sheikh\nGulf Lab Trade LLC, Dubai\n"
            "+971 50 123 4567")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.customer_name, parsed.phone) == (
        "y.almahmood@manamawaterlab.com.bh", "Yousif Al-Mahmood", "+97336552107")


def test_a_freight_forwarder_s_client_is_named_with_the_company_it_introduced() -> None:
    text = ("From: Harbour Freight <ops@harbourfreight.co.ke>\nSubject: Quote request for our client – oven\n\n"
            "Good day,\nOur client, Mr. Daniel Kiprop of Rift Valley Grain Testing Ltd (Eldoret), needs a drying "
            "oven. Please send the proforma to the client directly.\n\nClient contact:\nDaniel Kiprop – Lab Manager\n"
            "daniel.kiprop@rvgrain.co.ke\n0722 410 385\n\nRegards,\nPaul Mwangi\nHarbour Freight, Mombasa")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.company, parsed.email) == (
        "Daniel Kiprop", "Rift Valley Grain Testing Ltd", "daniel.kiprop@rvgrain.co.ke")


def test_the_person_spoken_of_before_a_hand_over_to_him_is_the_customer() -> None:
    text = ("[3/6/25, 09:12] +234 803 111 2233: Good morning, my name is Ngozi Eze, secretary to our MD\n"
            "[3/6/25, 09:13] +234 803 111 2233: My oga Dr. Chinedu Okafor ask me to request price for centrifuge\n"
            "[3/6/25, 09:14] +234 803 111 2233: Kindly send proforma to his email md@okaforlabs.com.ng and you can "
            "call him directly on 0805 220 1144")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.email) == ("Chinedu Okafor", "md@okaforlabs.com.ng")


@pytest.mark.parametrize(
    ("signature", "name"),
    [("Daniel Hughes CEng", "Daniel Hughes"), ("Omar Haddad, PhD, PMP", "Omar Haddad"),
     ("Fiona Reid MRSC", "Fiona Reid")],
)
def test_degrees_after_a_signature_s_name_are_no_part_of_it(signature: str, name: str) -> None:
    text = f"From: x <contact@example-lab.co.uk>\n\nHello, please quote a muffle furnace.\n\nThanks,\n\n{signature}\n"
    assert parse_inquiry(text, HOME).customer_name == name


def test_name_here_in_a_chat_is_the_name_alone() -> None:
    text = "12/03/2025, 11:21 - +254 710 000 111: Brian Kiptoo here, Lakeside Fish Ltd. Need 5 refractometers"
    assert parse_inquiry(text, HOME).customer_name == "Brian Kiptoo"


def test_a_latin_name_followed_by_a_chinese_sentence_ends_at_the_chinese() -> None:
    text = "微信聊天记录\n我导师Prof. Dr. Markus Brandt想买一台离心机，请发邮件 brandt@uni-example.de"
    assert parse_inquiry(text, HOME).customer_name == "Markus Brandt"


@pytest.mark.parametrize(
    ("line", "company"),
    [("Company: Nile Lab Supplies (S.A.E.)", "Nile Lab Supplies (S.A.E.)"),
     ("Trabajo en Aguas del Norte S.A.S. E.S.P., Cúcuta.", "Aguas del Norte S.A.S. E.S.P."),
     ("Atentamente,\nRosa Méndez\nClínica Santa Lucía de Puebla, S.C.", "Clínica Santa Lucía de Puebla, S.C."),
     ("Regards,\nIvan Petrenko\nLotus Procurement Services Ltd", "Lotus Procurement Services Ltd"),
     ('Alena Zhukava · Buyer at "MedTechService" JLLC (Minsk, Belarus)', '"MedTechService" JLLC')],
)
def test_legal_forms_in_brackets_after_another_form_and_after_title_words(line: str, company: str) -> None:
    assert parse_inquiry(f"Hello, we need a pH meter.\n{line}\n", HOME).company == company


def test_a_unit_of_title_words_with_a_po_box_is_no_company() -> None:
    text = "Tender notice\nProcurement Management Unit, S.L.P. 1234, Dodoma\nSupply of a water still"
    assert parse_inquiry(text, HOME).company is None


def test_fio_label_names_the_contact() -> None:
    text = ("Данные заказчика:\nОрганизация: ООО «ТестЛаб»\nФ.И.О. контактного лица: Орлова Анна Сергеевна\n"
            "Тел.: 8 916 123-45-67\nE-mail: orlova@testlab.ru")
    assert parse_inquiry(text, HOME).customer_name == "Орлова Анна Сергеевна"


def test_a_chat_line_with_name_role_and_contacts_signs_its_writer() -> None:
    text = ("[24/04/2025, 13:41] +233 20 815 4472: We are distributor, Volta Lab Supplies Ltd, we buy for stock\n"
            "[24/04/2025, 13:45] +233 20 815 4472: Kwesi Boateng, MD. Email: kwesi@voltalab.com.gh. Office: Accra")
    assert parse_inquiry(text, HOME).customer_name == "Kwesi Boateng"


def test_a_specification_after_a_comma_is_no_contact_and_its_words_no_name() -> None:
    text = ("TradeManager – alıcı: mehmet.kaya (Türkiye)\n"
            "[24.04.2025 11:41] mehmet.kaya: Tek ışınlı, 190-1100 nm, 2 adet. İzmir'e teslim\n"
            "[24.04.2025 11:44] mehmet.kaya: Mehmet Kaya, satın alma. Cep 0 532 318 77 42, mail mehmet@kayalab.com.tr")
    assert parse_inquiry(text, HOME).customer_name == "Mehmet Kaya"


@pytest.mark.parametrize(
    ("line", "company"),
    [("Мы OOO «AGROLAB SERVIS», Самарканд, дистрибьютор", "OOO «AGROLAB SERVIS»"),
     ("Abs,\nJoão Pires\nSócio\nLaboratório Sertão Análises Ltda - ME\nAv. Brasil 100",
      "Laboratório Sertão Análises Ltda - ME")],
)
def test_a_russian_form_in_latin_letters_and_a_brazilian_micro_company(line: str, company: str) -> None:
    assert parse_inquiry(f"Preciso de um pHmetro.\n{line}\n", HOME).company == company


# A review's probes: other people at the buyer's organisation who are not the contact.
NOT_THE_CONTACT = [
    ("From: sales@lagosfoods.com.ng\nHello,\nWe need a quote for 3 moisture analyzers.\nPlease note "
     "james.okafor@lagosfoods.com.ng is no longer with the company.\n\nRegards,\nNgozi Eze\nLagos Foods Ltd",
     "sales@lagosfoods.com.ng"),
    ("Name: Lucía Fernández\nCompany: Laboratorio Andino S.A.\nEmail: compras@labandino.com.pe\nMessage: Necesitamos "
     "cotización de 5 termómetros. Las facturas se reciben en facturacion.electronica@labandino.com.pe",
     "compras@labandino.com.pe"),
    ("Dear Sir,\nPlease quote a freeze dryer.\nEmail: info@oasisdairy.om\nContact: Salim Al Harthy\n\n"
     "P.S. our HR team (careers@oasisdairy.om) is hiring lab technicians.", "info@oasisdairy.om"),
    ("Dear Sir,\nPlease quote 2 lab refrigerators.\nOur mailbox: purchasing@metrohealth.com.ph\n\nInvoices: Accounts "
     "Payable, ap.clerk@metrohealth.com.ph\n\nRegards,\nJose Ramirez\nMetro Health Inc.",
     "purchasing@metrohealth.com.ph"),
    ("Hello,\nPlease quote 20 cuvette boxes.\nEmail: info@pureaqua.co.nz\nTechnical questions may go to "
     "olivia.tane@pureaqua.co.nz\nThanks,\nLiam Walker", "info@pureaqua.co.nz"),
    ("Dear team,\nPlease quote 1 HPLC column. Our email: purchasing@gulfchem.ae\n\nDelivery: Warehouse 4, Jebel Ali\n"
     "Receiving: Ravi Kumar, ravi.kumar@gulfchem.ae\n\nRegards,\nOmar Khalid\nGulf Chem LLC", "purchasing@gulfchem.ae"),
    ("Tender No. KWS/2025/017\nSupply of glassware. Please submit your bid to procurement@kws.go.ke before 15 May.\n"
     "Site visit coordinated by mkamau@kws.go.ke.", "procurement@kws.go.ke"),
    ("Good day,\nPlease quote a conductivity meter.\nSipho Dlamini\noffice@umgenilabs.co.za\nAutomated notices come "
     "from noreply@umgenilabs.co.za", "office@umgenilabs.co.za"),
]


@pytest.mark.parametrize(("text", "email"), NOT_THE_CONTACT)
def test_a_shared_mailbox_stays_beside_addresses_for_invoices_deliveries_and_the_like(text: str, email: str) -> None:
    assert parse_inquiry(text, HOME).email == email


@pytest.mark.parametrize(
    ("text", "name"),
    [("Buenas tardes,\nObtuve su contacto de parte del Ing. Ramiro Salas, quien nos recomendó sus equipos.\n"
      "Necesitamos un viscosímetro.\n\nSaludos,\nValentina Rojas\nLaboratorio Austral SpA\nvrojas@labaustral.cl",
      "Valentina Rojas"),
     ("Hello,\nI am writing on behalf of my colleague Quality Control team, who need 2 turbidity meters.\nRegards,\n"
      "Daniel Mensah\nAccra Brewery Ltd\nd.mensah@accrabrewery.com.gh", "Daniel Mensah"),
     ("Good morning,\nI was referred to you by Prof. Samuel Kamau of JKUAT. Our lab technician needs a muffle furnace, "
      "you can call him directly on 0722 123 456.\nRegards,\nWanjiru Njoroge\nThika Cement Ltd\n"
      "wnjoroge@thikacement.co.ke", "Wanjiru Njoroge"),
     ("Dear team,\nPlease quote 2 drying ovens.\nFor delivery scheduling, please deal with him directly: our "
      "storekeeper Mr. Otieno, +254 711 987 654.\n\nRegards,\nFaith Chebet\nRift Valley Dairies Ltd\n"
      "fchebet@rvdairies.co.ke",
      "Faith Chebet"),
     ("Bonjour,\nPouvez-vous nous envoyer une offre pour 2 spectrophotomètres ?\nCordialement,\nJean-Marie MBA\n"
      "SEEG Libreville\njm.mba@seeg.ga", "Jean-Marie MBA")],
)
def test_people_the_writer_only_mentions_are_not_the_customer(text: str, name: str) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


def test_a_contractor_naming_the_project_s_client_and_asking_for_a_copy_is_the_buyer() -> None:
    text = ("Dear Sir,\nWe are preparing a bid and need your price for 4 chlorine analyzers.\nClient: Nairobi City "
            "Water, Eng. Peter Mwangi, +254 20 555 6666\n\nPlease send the quotation to tenders@buildafrica.co.ke and "
            "cc me.\nRegards,\nBrian Odhiambo\nBuildAfrica Contractors Ltd\n+254 733 444 555")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.phone) == ("Brian Odhiambo", "+254733444555")


@pytest.mark.parametrize(
    ("text", "company"),
    [("Hi, I'm a chemistry teacher in Rock Hill S.C. and need 10 pH meters.\nThanks, Karen White", None),
     ("Please quote your Variable A.C. Power Supply, 0-250V, qty 2.\nRegards,\nLi Na\nNanjing Kexin Electronics Co., "
      "Ltd.\nlinafeng@kexin-elec.cn", "Nanjing Kexin Electronics Co., Ltd.")],
)
def test_a_state_or_a_current_is_no_legal_form(text: str, company: str | None) -> None:
    assert parse_inquiry(text, HOME).company == company


def test_a_turkish_street_abbreviation_is_no_chad() -> None:
    text = ("Merhaba, 2 adet etüv için fiyat rica ediyoruz.\nSaygılarımla,\nAli Demir\nOstim OSB, 1234. Cad. No: 15, "
            "Yenimahalle / Ankara\nGSM: 0532 614 78 09")
    assert parse_inquiry(text, HOME).stated_country != "TD"


def test_the_writers_own_address_beside_a_shared_mailbox_they_only_copy() -> None:
    text = ("Sehr geehrte Frau Wilson,\nbitte senden Sie das Angebot an mich und in Kopie an "
            "einkauf@mueller-labor.de.\nMit freundlichen Grüßen\nDr. Jana Müller\nMüller Labor GmbH\n"
            "j.mueller@mueller-labor.de")
    assert parse_inquiry(text, HOME).email == "j.mueller@mueller-labor.de"


def test_an_introduction_with_his_contacts_gives_the_person_introduced() -> None:
    text = ("From: Faisal Al-Sabah <faisal@kuwaitlabs.com>\nSubject: Introduction\n\nDear Kevin,\nI'd like to "
            "introduce you to my friend Mr. Jassim Al-Thani, Lab Director of Qatar Water Testing W.L.L.\n\n"
            "His contacts:\nJassim Al-Thani\nMobile: +974 5512 3344\nEmail: j.althani@qwt.com.qa\n\n"
            "Best regards,\nFaisal Al-Sabah")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.phone, parsed.customer_name) == ("j.althani@qwt.com.qa", "+97455123344",
                                                                  "Jassim Al-Thani")


def test_a_dealer_passing_a_client_on_and_asking_to_stay_in_the_loop() -> None:
    text = ("From: Pieter Smit <pieter@labsupply.co.za>\nSubject: Referral\n\nHi,\nOne of our clients needs a jaw "
            "crusher, outside our range, so I'm passing them to you directly.\nContact: Thabo Nkosi, Lab Manager, "
            "Highveld Assay (Pty) Ltd\nCell: 082 555 1234\nEmail: thabo@highveldassay.co.za\nPlease keep us in the "
            "loop.\n\nRegards,\nPieter Smit\nLab Supply (Pty) Ltd | +27 11 234 5678")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.phone) == ("thabo@highveldassay.co.za", "+27825551234")


def test_a_display_name_surname_first_with_a_title_after_the_given_name() -> None:
    text = "Von: Kröger, Matthias Dr. <m.kroeger@kroeger-analytik.de>\nBetreff: Trockenschrank\n\nBitte um Angebot."
    assert parse_inquiry(text, HOME).customer_name == "Matthias Kröger"


def test_a_nationality_before_a_number_is_no_name() -> None:
    text = ("Salim 2024-11-14 08:40\nWe need 15 soil meters\nSalim 2024-11-14 08:41\nQuote to my company Al Balushi "
            "Trading LLC\nSalim 2024-11-14 08:42\nMy Omani number +968 9234 5671")
    assert parse_inquiry(text, HOME).customer_name == "Salim"


def test_chat_headers_with_a_handle_and_a_web_chat_s_bare_times() -> None:
    handle = ("camilo_herrera_co (Colombia) 2025-11-14 01:20:33\nhi, refractometer price?\n"
              "camilo_herrera_co (Colombia) 2025-11-14 01:31:10\nwhatsapp +57 300 456 1122")
    web = ("15:31 Visitante: buenas tardes, tienen centrifuga?\n15:35 Kevin Zhou: Your name and email?\n"
           "15:37 Visitante: Valentina Ruiz, compras@vetandina.com.co, cel 320 457 8812")
    assert (parse_inquiry(handle, HOME).customer_name, parse_inquiry(web, HOME).customer_name) == (
        "Camilo Herrera", "Valentina Ruiz")


def test_russian_tender_and_letter_name_the_official_and_the_director() -> None:
    tender = ("Извещение о проведении аукциона\nОтветственное должностное лицо: Петрова Елена Викторовна\n"
              "Адрес электронной почты: zakupki@centr-nn.ru")
    letter = ("Коммерческое предложение просим направить на имя директора:\nКаримов Рустам Алишерович\n"
              "e-mail: r.karimov@labservis.uz\n\nС уважением,\nсекретарь Нилуфар Юсупова")
    assert (parse_inquiry(tender, HOME).customer_name, parse_inquiry(letter, HOME).customer_name) == (
        "Петрова Елена Викторовна", "Каримов Рустам Алишерович")


def test_a_laboratory_s_display_name_is_no_person() -> None:
    text = ("De : Laboratoires Durand <contact@durand-labo.fr>\nObjet : devis\n\nBonjour, un devis svp.\n\n"
            "Cordialement,\n\nClaire Martin\nResponsable Achats\nLaboratoires Durand SAS")
    assert parse_inquiry(text, HOME).customer_name == "Claire Martin"


def test_the_writers_own_address_given_after_contact_me_directly_beside_a_shared_mailbox() -> None:
    text = ("From: procurement@gulfsci.com.kw\nSubject: RFQ balances\n\nDear Sir,\nPlease quote your best price for "
            "8 analytical balances.\nFor any clarification please contact the undersigned directly on "
            "ahmad.rashidi@gulfsci.com.kw.\n\nRegards,\nAhmad Al-Rashidi\nGulf Scientific Co. W.L.L.")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.customer_name) == ("ahmad.rashidi@gulfsci.com.kw", "Ahmad Al-Rashidi")


def test_a_finance_mailbox_on_top_of_the_buyers_quoted_order_gives_the_buyer() -> None:
    text = ("From: Mary Wambui <accounts@nakurulab.co.ke>\nSubject: RE: PI water distillers – payment\n\n"
            "Dear team,\nKindly find attached the remittance for the 50% deposit.\nMary Wambui, Accountant, "
            "+254 733 561 208\n\nFrom: Joseph Kiprono <joseph.kiprono@nakurulab.co.ke>\nSent: Monday 09:40\n"
            "Subject: RE: PI water distillers\n\nPlease go ahead with the repeat order: 6 water distillers.\n"
            "Joseph Kiprono\nProcurement Officer\nNakuru Lab Supplies Ltd\nCell: +254 722 418 537")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.phone, parsed.customer_name) == (
        "joseph.kiprono@nakurulab.co.ke", "+254722418537", "Joseph Kiprono")


# A second review's probes: introductions of oneself, documents passed on, invoices "на имя", a form's field names,
# a tender's dates, handles whose last syllable is two letters, names that start like nationalities.
@pytest.mark.parametrize(
    ("text", "name"),
    [("Hello,\n\nI'd like to introduce myself - I joined the procurement team of Kibo Diagnostics last month.\n\n"
      "We need 10 boxes of PCR tubes.\n\nJoseph Mrema\nKibo Diagnostics Ltd, Arusha\njmrema@kibodiag.co.tz",
      "Joseph Mrema"),
     ("Dear Kevin,\n\nOur QA team prepared the specs; I'm passing them over to you.\n\nMr. Tran Van Duc (QA Head) - "
      "duc.tran@vinapharm.vn\n\nPlease send the quotation to me.\n\nBest regards,\nNguyen Thi Lan\nPurchasing, "
      "VinaPharm JSC\nlan.nguyen@vinapharm.vn", "Nguyen Thi Lan"),
     ("tran_thi_ha (Vietnam) 2024-11-14 01:20:33\nHello, I need 2 incubators\ntran_thi_ha (Vietnam) 2024-11-14 "
      "01:21:02\nmy whatsapp +84 90 311 2233", "Tran Thi Ha"),
     ("From: \"Tiong, Mei Ing\" <meiing@sarawaklab.com.my>\nSubject: RFQ\n\nKindly quote 1 centrifuge.",
      "Mei Ing Tiong"),
     ("Oi, preciso de orçamento de 1 estufa bacteriológica 80L.\nJordana\n(62) 99876-5432", "Jordana")],
)
def test_a_second_reviews_probes_keep_the_writer(text: str, name: str) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


@pytest.mark.parametrize(
    "text",
    ["Website enquiry #8812\ncompany: Lifeline Diagnostics Ltd\nemail: purchasing@lifelinediag.ng\n"
     "message: Need 2 centrifuges\nsubmitted_at 2024-11-14 08:40:12",
     "RFQ-2024-117: supply of 4 refrigerated centrifuges\n\nPublished 2024-11-01 10:00\nClarifications 2024-11-07 "
     "12:00\nSubmission 2024-11-14 10:00\n\nSend offers to tenders@kemri.go.ke\n+254 20 272 2541",
     "Dear Acme,\n\nProgramme of the acceptance test:\n09:00 Welcome: Samuel Otieno, Kenya Medical Research Institute\n"
     "10:30 Training: Jane Wambui, QA Officer\n\nPlease quote 2 deuterium lamps.\n\nProcurement Unit\n"
     "procurement@kemri.go.ke"],
)
def test_form_fields_tender_dates_and_an_agenda_name_no_one(text: str) -> None:
    assert parse_inquiry(text, HOME).customer_name is None


@pytest.mark.parametrize(
    ("text", "email"),
    [("Hi,\n\nQuote for 4 pipettes please, copy to sales@andesquimica.pe\n\nInvoices go to our accountant Rosa Díaz, "
      "rdiaz@andesquimica.pe\n\nAndes Química SAC", "sales@andesquimica.pe"),
     ("Hi Kevin,\n\nPlease quote 1 freeze dryer and keep us in the loop regarding the shipping date.\n\nThanks,\n"
      "Ana Lopes\nBioFarma Lda\nana.lopes@biofarma.pt\n\n-----Original Message-----\nFrom: Rui Costa "
      "<rui.costa@biofarma.pt>\nSubject: liofilizador\nAna, podes pedir cotação? Rui", "ana.lopes@biofarma.pt")],
)
def test_a_second_reviews_probes_keep_the_address(text: str, email: str) -> None:
    assert parse_inquiry(text, HOME).email == email


def test_an_invoice_made_out_to_a_company_hands_nothing_over() -> None:
    text = ("Добрый день!\n\nСчёт выставить на имя ООО «Агролаб», бухгалтерия: Петрова Ольга, +7 495 123-45-67\n\n"
            "С уважением,\nСергей Иванов\nснабженец ООО «Агролаб»\n+7 916 555-12-34\nivanov@agrolab.ru")
    assert parse_inquiry(text, HOME).phone == "+79165551234"


def test_chad_in_turkish_is_still_chad() -> None:
    text = "Merhaba, ben Abakar, Çad'dan yazıyorum. 2 adet santrifüj. Telefon: 66 29 14 03, e-posta abakar.m@gmail.com"
    assert parse_inquiry(text, HOME).phone == "+23566291403"


@pytest.mark.parametrize(
    ("text", "email"),
    [("Estimado Sr. Li,\nAntes le escribía desde mi gmail (lucho.metal@gmail.com), ahora ya tenemos correo "
      "corporativo, por favor use ltorres@lemsur.com.pe.\nConfirmamos la compra.\nAtte.\nLuis Torres",
      "ltorres@lemsur.com.pe"),
     ("Hi Kevin, quick note: my old address j.doe@oldlab.co.za no longer works, my new e-mail is "
      "jane.doe@newlab.co.za. Please resend the PI.", "jane.doe@newlab.co.za")],
)
def test_the_address_the_writer_gives_as_new_wins(text: str, email: str) -> None:
    assert parse_inquiry(text, HOME).email == email


# A third review's probes: "new" that is no new address, a trigger for a colleague's address, a finance mailbox
# whose quoted messages are not an order, "CAD" drawings.
@pytest.mark.parametrize(
    ("text", "email"),
    [("Dear Sir,\nPlease quote 5 spectrophotometers.\n\nRegards,\nRajesh Kumar\nSigma Scientific Pvt Ltd\n"
      "rajesh@sigmasci.in\nRegd. office: 14 Nehru Place, New Delhi 110019, info@sigmagroup.co.in",
      "rajesh@sigmasci.in"),
     ("Hello, this is Peter Otieno from LabLink Kenya Ltd, peter.otieno@lablink.co.ke.\nWe need 10 burettes.\n"
      "Note: our new sub-distributor in Uganda is sales@kampalalab.co.ug", "peter.otieno@lablink.co.ke"),
     ("Hello, Ahmed Khalil here from Gulf Petrolab LLC (ahmed.khalil@gulfpetrolab.ae).\nKindly quote 1 flash point "
      "tester.\nFor shipping documents please use our forwarder: docs@emiratesfreight.ae",
      "ahmed.khalil@gulfpetrolab.ae"),
     ("Alibaba.com - New inquiry - do not reply to notice@alibaba.com\nBuyer: Carlos Pérez, Lab MX SA de CV\n"
      "Email: carlos.perez@labmx.com.mx\nMessage: Please quote 2 pH meters.", "carlos.perez@labmx.com.mx"),
     ("From: sales@tashkentmed.uz\nGood day! We need 5 centrifuges.\nPlease reply to me at this address and also copy "
      "our director a.karimov@tashkentmed.uz\n\nDilnoza Yusupova, Sales Manager", "sales@tashkentmed.uz"),
     ("От: zakupki@uralmed.ru\nПросим КП на 3 термостата.\nПо вопросам оплаты пишите мне или в бухгалтерию "
      "напрямую: ivanova.buh@uralmed.ru\n\nСергей Кузнецов, отдел закупок", "zakupki@uralmed.ru"),
     ("Dear supplier,\nPlease re-send your invoice, our mail server rejected it (see below).\nBuchhaltung, Rheintal "
      "GmbH, buchhaltung@rheintal-labor.de\n\nVon: IT Support <it.support@rheintal-labor.de>\nBetreff: Unzustellbar\n"
      "Die Nachricht wurde abgelehnt.", "buchhaltung@rheintal-labor.de")],
)
def test_a_third_reviews_probes_keep_the_address(text: str, email: str) -> None:
    assert parse_inquiry(text, HOME).email == email


def test_a_finance_note_over_a_cfos_approval_and_the_buyers_order_gives_the_buyer() -> None:
    text = ("Hello Kevin,\nPayment for PI-2291 will be released on Friday.\nAccounts Department, Delta Lab Ltd\n"
            "accounts@deltalab.com.ng\n\nFrom: Linda Okafor <linda.okafor@deltalab.com.ng>\nSent: Tuesday\n"
            "Subject: FW: PI-2291\nApproved. Please pay. Linda Okafor, CFO, +234 803 111 2222\n\n"
            "From: Emeka Obi <emeka.obi@deltalab.com.ng>\nSent: Monday\nSubject: PI-2291\nKevin, please issue PI for "
            "2 incubators. Emeka Obi, Purchasing, +234 805 333 4444")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.phone) == ("emeka.obi@deltalab.com.ng", "+2348053334444")


def test_cad_drawings_are_no_chad() -> None:
    text = "Hi, please quote 2 flow meters DN50 and send the CAD drawings.\nJean Tremblay, phone 66 29 14 87"
    assert parse_inquiry(text, HOME).phone is None


@pytest.mark.parametrize(
    ("text", "email", "name"),
    [("Sehr geehrte Damen und Herren,\n\nim Auftrag von Herrn Dr. Jonas Becker bitte ich um ein Angebot für einen "
      "Muffelofen.\nBitte senden Sie das Angebot direkt an Dr. Becker (j.becker@labor-becker.de, mobil 0171 4432 907) "
      "und setzen Sie mich in CC.\n\nMit freundlichen Grüßen\nAnna Vogel\nAssistenz\na.vogel@labor-becker.de",
      "j.becker@labor-becker.de", "Jonas Becker"),
     ("Buenos días,\nMi nombre es Natalia Ruiz, asesora externa de compras de Laboratorio Costa S.A.S. Por favor "
      "enviar la cotización a nombre de la empresa, dirigida al gerente, Ing. Carlos Pérez Daza — correo "
      "cperez@labcosta.com, celular 300 615 4728.\n\nGracias,\nNatalia Ruiz\nnatalia.ruiz.asesorias@gmail.com",
      "cperez@labcosta.com", "Carlos Pérez Daza"),
     ("Website enquiry\nName: Peter Kamau (sourcing agent)\nEmail: pkamau.sourcing@gmail.com\nMessage: I'm sourcing "
      "for my client Lakeview Dairy Ltd. Please quote in the name of the cooperative, attention Mrs. Rose Achieng, "
      "Quality Manager, 0733 482 619, rose.achieng@lakeviewdairy.co.ke. Thanks", "rose.achieng@lakeviewdairy.co.ke",
      "Rose Achieng"),
     ("From: Marco Lanza <m.lanza@lanzalogistics.it>\nSubject: Segnalazione cliente\n\nBuongiorno,\nuna nostra "
      "cliente cerca un'autoclave.\n\nVi lascio i suoi riferimenti, contattatela pure direttamente:\nDott.ssa Chiara "
      "Rossi – Responsabile di laboratorio\nLaboratorio San Marco S.r.l.\nc.rossi@labsanmarco.it – cell. 347 215 8834"
      "\n\nCordiali saluti,\nMarco Lanza", "c.rossi@labsanmarco.it", "Chiara Rossi")],
)
def test_quotes_sent_to_the_person_meant(text: str, email: str, name: str) -> None:
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.customer_name) == (email, name)


def test_a_copy_to_my_own_inbox_beside_the_purchasing_mailbox() -> None:
    text = ("14/3/25, 17:24 - Martín Gómez: por mail mejor, compras@quimicasur.com.ar, con copia a mi casilla "
            "mgomez@quimicasur.com.ar\n14/3/25, 17:25 - Martín Gómez: necesito peso y medidas de la caja")
    assert parse_inquiry(text, HOME).email == "mgomez@quimicasur.com.ar"
