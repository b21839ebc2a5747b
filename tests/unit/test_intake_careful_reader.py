"""Intake read the way a careful person reads it: general rules found behind holdout13's misses (session 7).

Every example is invented for this file; none is corpus text.
"""

from __future__ import annotations

import pytest

from bot.rules.intake import parse_inquiry
from bot.rules.own_side import OwnSide

OWN = OwnSide.build(domains=["sino-instruments.com"], phones=["+86 21 5888 8888"], home_country="CN",
                    names=["王芳", "Emma Wilson"])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # An East Slavic "Фамилия Имя Отчество" is recorded in the order the customer writes it.
        ("От: Павленко Игорь Семёнович <i.pavlenko@agrotest.ru>\nТема: запрос\n\nНужен влагомер зерна, 1 шт.",
         "Павленко Игорь Семёнович"),
        # ... unless they sign otherwise: the header's words signed reordered or without the patronymic.
        ("От: Павленко Игорь Семёнович <i.pavlenko@agrotest.ru>\nТема: запрос\n\nНужен влагомер.\n\n"
         "С уважением,\nИгорь Павленко\nинженер", "Игорь Павленко"),
        ("От: Гринюк Оксана <o.hryniuk@milkprom.by>\nТема: запрос\n\nПрошу цену на анализатор молока.\n\n"
         "--\nОксана Гринюк\nтехнолог", "Оксана Гринюк"),
    ],
)
def test_the_name_is_read_as_written(text: str, name: str) -> None:
    assert parse_inquiry(text, OWN).customer_name == name


@pytest.mark.parametrize(
    ("text", "country", "phone"),
    [
        # A city of a Turkic-speaking country with its case ending glued on places the customer and their number.
        ("Salom! Men Dilnoza, Buxoro emas, Namangandan yozyapman. Namlik o'lchagich kerak. 90 712 45 83",
         "UZ", "+998907124583"),
        ("Сәлем! Мен Ерболат, Павлодардан. Бізге pH-метр керек, бағасы қанша? 8 702 611 38 90", "KZ", "+77026113890"),
        ("Merhaba, eskişehirden yazıyorum, nem ölçer lazım. 0 542 318 90 17", "TR", "+905423189017"),
    ],
)
def test_a_city_with_a_turkic_case_ending_places_the_number(text: str, country: str, phone: str) -> None:
    parsed = parse_inquiry(text, OWN)
    assert (parsed.text_country, parsed.phone) == (country, phone)


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # "kontakt" (Polish, Czech, German) and "my number" in Uzbek label a bare national number.
        ("Dzień dobry, tu Kasia z piekarni. Potrzebuję wagi wilgotności. Proszę o kontakt 698 204 551",
         "+48698204551"),
        ("Assalomu alaykum, menga pH metr kerak. Telefon raqamim 97 401 22 58", "+998974012258"),
        # Korean and Japanese phone labels; a country named in Hangul or katakana reads the national number.
        ("안녕하세요. 인도네시아 공장의 품질팀 이지은입니다. 경도계 견적 부탁드립니다.\n"
         "이지은 드림\n휴대폰: 0812-7730-4419", "+6281277304419"),
        ("ベトナム工場の田中です。pH計の見積りをお願いします。\n田中\n携帯：090 417 3382", "+84904173382"),
        # A colleague named with a title in a case-less script is someone else: "이준호 과장(+82 …)".
        ("안녕하세요. 베트남 하이퐁 공장 구매팀 최유나입니다. 저울 견적 부탁드립니다. "
         "참고로 본사 이준호 과장(+82 10 5521 9034)도 참조로 넣었습니다.\n"
         "최유나 드림\n휴대폰(베트남): 091 244 6630", "+84912446630"),
        # The contact lines of a clearing agent's block under "our agent …:" are the agent's, not the buyer's.
        ("Dear team,\nPlease quote 4 moisture meters CIF Dar es Salaam. Our clearing agent handles the import:\n"
         "Bahari Clearing & Forwarding Ltd – Mr. Juma Said\nTel: 0713 550 218 | Samora Avenue\n"
         "Send the proforma to me.\nRegards,\nNeema Mushi\nMobile: 0767 404 991", "+255767404991"),
    ],
)
def test_the_customers_number_is_read(text: str, phone: str) -> None:
    assert parse_inquiry(text, OWN).phone == phone


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # An abbreviated word before the legal form ends no sentence: "… Services Gh. Ltd".
        ("Good morning. I am Kofi Mensah, CEO of Mensah Borehole Services Gh. Ltd, Kumasi. We need 3 pumps tested.",
         "Mensah Borehole Services Gh. Ltd"),
        # Mexican "S. de R.L. de C.V." and the Valencian cooperative "Coop. V." are legal forms that complete a name.
        ("I am the buyer at Alimentos del Bajío, S. de R.L. de C.V. in León. We need 2 moisture analyzers.",
         "Alimentos del Bajío, S. de R.L. de C.V."),
        ("Buenos días, necesitamos 4 refractómetros.\nUn saludo,\nJulia Soler\nResponsable de Calidad\n"
         "Cooperativa Vinícola de Requena, Coop. V.\nMóvil 611 208 377", "Cooperativa Vinícola de Requena, Coop. V."),
    ],
)
def test_the_company_keeps_its_legal_form(text: str, company: str) -> None:
    assert parse_inquiry(text, OWN).company == company


_FOR_THE_DIRECTOR = (
    "De: Carla Nunes <gabinete.direcao@hcriolima.org.br>\nPara: sales@sino-instruments.com\nAssunto: Cotação\n\n"
    "Prezados,\nEscrevo em nome do Dr. Rafael Teixeira Lopes, diretor clínico do Hospital Rio Lima, em Fortaleza. "
    "Precisamos de 3 centrífugas refrigeradas.\nPor favor, enviem a proposta ao Dr. Rafael: "
    "rafael.lopes@hcriolima.org.br, celular (85) 99721-3380.\nAtenciosamente,\nCarla Nunes\nSecretária\n"
    "(85) 3244-1900 ramal 12\n"
)
_FOR_THE_ENGINEER = (
    "من: ريم العتيبي <reem.o@nakheelfoods.com.sa>\nإلى: sales@sino-instruments.com\n\n"
    "السلام عليكم،\nأكتب لكم نيابة عن المهندس فهد بن سعد الدوسري، مدير الجودة في شركة النخيل للأغذية المحدودة، "
    "ونرغب في عرض سعر لجهاز قياس الرطوبة.\nنأمل التواصل معه على بريده: f.aldosari@nakheelfoods.com.sa "
    "أو جواله 055 814 2277.\nمع التحية،\nريم العتيبي\nهاتف: 011 455 9000\n"
)


@pytest.mark.parametrize(
    ("text", "name", "email", "phone"),
    [
        # A secretary writing for a named person: that person is the customer, with the contacts given for them.
        (_FOR_THE_DIRECTOR, "Rafael Teixeira Lopes", "rafael.lopes@hcriolima.org.br", "+5585997213380"),
        (_FOR_THE_ENGINEER, "فهد بن سعد الدوسري", "f.aldosari@nakheelfoods.com.sa", "+966558142277"),
    ],
)
def test_whom_the_writer_acts_for_is_the_customer(text: str, name: str, email: str, phone: str) -> None:
    parsed = parse_inquiry(text, OWN)
    assert (parsed.customer_name, parsed.email, parsed.phone) == (name, email, phone)


def test_acting_for_an_organisation_names_no_person() -> None:
    text = ("Dear Sirs,\nI am writing on behalf of Kafue Water Utility Company. Please quote 2 turbidity meters.\n"
            "Regards,\nMwila Banda\nmwila.banda@kafuewater.co.zm")
    assert parse_inquiry(text, OWN).customer_name == "Mwila Banda"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Titles in more languages go: Swahili "Dkt." (Daktari), Polish "mgr inż.".
        ("Habari,\nTunahitaji centrifuge moja.\nAsante,\nDkt. Rehema Kiwelu\nSimu: 0765 118 240", "Rehema Kiwelu"),
        ("Od: mgr inż. Paweł Zając-Nowak <p.zajac@wodkan-pila.pl>\nTemat: zapytanie\n\nProszę o ofertę na pH-metr.",
         "Paweł Zając-Nowak"),
    ],
)
def test_titles_of_more_languages_go(text: str, name: str) -> None:
    assert parse_inquiry(text, OWN).customer_name == name


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # A forwarder in Polish ("spedytor") or Ukrainian ("експедитор") is not the buyer.
        ("Dzień dobry,\nw imieniu firmy prosimy o ofertę na wagi.\nTransport organizuje nasz spedytor: Wisła Trans "
         "Sp. z o.o., tel. 58 600 11 22\nZ poważaniem\nAnna Lis\nLaboratorium\nMleczarnia Mazury Sp. z o.o.\n"
         "kom. 601 220 334", "Mleczarnia Mazury Sp. z o.o."),
        # "Organisasi:" (Malay) labels the organisation.
        ("[Borang web]\nNama: Siti Aminah binti Yusof\nOrganisasi: Majlis Perbandaran Kuala Selangor\n"
         "Mesej: Sebut harga meter pH.", "Majlis Perbandaran Kuala Selangor"),
        # A labelled company with the place in brackets after it: the place is no part of the name.
        ("نام: مریم کاظمی\nشرکت: Derya Kimya Analiz Ltd. Şti. (ازمیر، ترکیه)\nتلفن همراه: 0532 611 09 44",
         "Derya Kimya Analiz Ltd. Şti."),
    ],
)
def test_the_buyers_organisation_is_read(text: str, company: str) -> None:
    assert parse_inquiry(text, OWN).company == company


def test_an_arabic_greeting_addresses_us_not_the_customers_company() -> None:
    text = ("السادة شركة ساينو للأجهزة المحترمين،\nنرغب في عرض سعر لجهاز قياس الحموضة.\n"
            "مع التحية،\nخالد الزهراني\nشركة الواحة للمياه المحدودة")
    assert parse_inquiry(text, OWN).company == "شركة الواحة للمياه المحدودة"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Two given names and two surnames with their particles are one name.
        ("[Formulario web]\nNombre: Dra. Ana Lucía Rueda de la Peña\nInstitución: Clínica Santa Inés\n"
         "Mensaje: cotización de una centrífuga", "Ana Lucía Rueda de la Peña"),
        # A profile line "Name · Title at Employer".
        ("LinkedIn message\nChidinma Okoro-Eze · Head of Quality at Enugu Breweries Ltd\nHello, price of a pH meter?",
         "Chidinma Okoro-Eze"),
        # Polish "tu Kasia z …" (here is), Persian "من … هستم" (I am).
        ("Dzień dobry, tu Kasia z piekarni w Lesznie. Potrzebuję wagi.", "Kasia"),
        ("سلام\nمن نیما کریمی هستم، از شرکت Pars Lab در شیراز.\nشماره من: 0917 312 4455", "نیما کریمی"),
    ],
)
def test_names_are_read_whole_and_in_more_languages(text: str, name: str) -> None:
    assert parse_inquiry(text, OWN).customer_name == name


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # Indonesian "PT." before capitalised words, inside Japanese text.
        ("件名：見積り依頼\n\nジャカルタの PT. Sinar Presisi Teknik 製造部の鈴木です。硬度計の見積りをお願いします。",
         "PT. Sinar Presisi Teknik"),
        # Polish waterworks and plants are organisations without a legal form.
        ("Dzień dobry,\nproszę o ofertę na mętnościomierz.\nZ poważaniem\nJan Wróbel\nKierownik\n"
         "Przedsiębiorstwo Wodociągów i Kanalizacji w Lesznie\nkom. 602 411 733",
         "Przedsiębiorstwo Wodociągów i Kanalizacji w Lesznie"),
    ],
)
def test_organisations_without_a_closing_legal_form(text: str, company: str) -> None:
    assert parse_inquiry(text, OWN).company == company


def test_a_referring_distributor_is_not_the_customers_company() -> None:
    text = ("Habari,\nTumepata mawasiliano yenu kupitia msambazaji wenu wa Arusha, Kilimo Lab Supplies Ltd "
            "(Bw. Juma Ally, +255 713 400 211).\nMimi ni Mkuu wa Maabara katika Hospitali ya Wilaya ya Karatu. "
            "Tunahitaji centrifuge moja.\nAsante,\nDkt. Neema Laizer\nSimu: 0754 330 118")
    assert parse_inquiry(text, OWN).company == "Hospitali ya Wilaya ya Karatu"


def test_a_units_line_gives_way_to_the_university_below_it() -> None:
    text = ("Visitenkarte (Messe)\nDr. Lena Brandt\nLehrstuhl für Verfahrenstechnik\nHochschule Niederrhein-Süd\n"
            "Tel. +49 2151 822 4410\nl.brandt@hs-nrsued.de")
    assert parse_inquiry(text, OWN).company == "Hochschule Niederrhein-Süd"


def test_an_arabic_company_runs_to_its_legal_form_and_a_role_is_no_company() -> None:
    text = ("السلام عليكم،\nأنا المهندس ماجد الحربي، رئيس قسم الجودة في شركة الصفوة للبلاستيك المحدودة بجدة، "
            "ونحتاج جهاز قياس مؤشر الانصهار.\nجوال 050 733 1842")
    assert parse_inquiry(text, OWN).company == "شركة الصفوة للبلاستيك المحدودة"
