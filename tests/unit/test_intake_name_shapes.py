"""Classes of writing for names and companies, each with an invented example: whole Hispanic names, units before
their institution, lower-case introductions, labels in more languages, organisations as a sentence's subject."""

from __future__ import annotations

import pytest

from bot.rules.intake import parse_inquiry


@pytest.mark.parametrize(("text", "name"), [
    ("Buenas tardes,\nLe saluda Ximena Paredes Villanueva, compras de Textiles Cusco S.A.C. Necesitamos 3 "
     "hornos.\nSaludos,\nXimena Paredes\nxparedes@textilescusco.pe", "Ximena Paredes Villanueva"),
    ("El Instituto Regional de Salud pide cotización de 4 estufas.\nLic. María José Herrera Ocampo\n"
     "Jefa de Compras\nmjherrera@irs.gob.pe", "María José Herrera Ocampo"),
])
def test_a_hispanic_name_with_both_surnames_is_kept_whole_over_the_short_form_the_email_spells(
    text: str, name: str
) -> None:
    assert parse_inquiry(text).customer_name == name


@pytest.mark.parametrize(("text", "company"), [
    ("Hola,\nDesde el Servicio de Hematología del Hospital General Santa Rita (Toledo) pedimos presupuesto de dos "
     "centrífugas.\nUn saludo,\nDr. Tomás Vidal", "Hospital General Santa Rita"),
    ("Good morning,\nI am Dr. Kofi Boateng, lecturer at the Faculty of Agriculture, University of Tamale. Please quote "
     "two drying ovens.\nk.boateng@uot.edu.gh", "University of Tamale"),
])
def test_a_unit_named_before_its_institution_records_the_institution(text: str, company: str) -> None:
    assert parse_inquiry(text).company == company


def test_an_institution_whose_own_name_has_a_link_stays_whole() -> None:
    text = "Name: Lena Korsch\nOrganisation: Hospital of the University of Valdora\nProduct: microscope"
    assert parse_inquiry(text).company == "Hospital of the University of Valdora"
    text = "Name: Lena Korsch\nOrganisation: University of Valdora Hospital\nProduct: microscope"
    assert parse_inquiry(text).company == "University of Valdora Hospital"


@pytest.mark.parametrize(("text", "name", "company"), [
    ("wsp:\nbuenas tardes, soy valeria quiroga de lacteos del sur srl, neuquen. necesito 2 balanzas", "Valeria Quiroga",
     "lacteos del sur srl"),
    ("hi there, i am tunde bakare from ikeja feeds ltd, need price of moisture meter", "Tunde Bakare",
     "ikeja feeds ltd"),
    ("chat:\nvisitor: my name omar farooq, fish farm near sukkur\nvisitor: price of do meter?", "Omar Farooq", None),
])
def test_a_self_introduction_typed_in_lower_case_gives_the_name_and_the_company_with_its_legal_form(
    text: str, name: str, company: str | None
) -> None:
    parsed = parse_inquiry(text)
    assert (parsed.customer_name, parsed.company) == (name, company)


@pytest.mark.parametrize("text", [
    "hi im interested in ph meters, pls send price",
    "hola soy de una empresa minera, necesito precio",
])
def test_a_lower_case_sentence_after_i_am_is_no_name(text: str) -> None:
    assert parse_inquiry(text).customer_name is None


@pytest.mark.parametrize(("text", "name", "company"), [
    ("Покупатель: Г-жа Елена Сорокина\nКомпания: ООО «ВолгаЛаб»\nСообщение: нужен термостат", "Елена Сорокина",
     "ООО «ВолгаЛаб»"),
    ("Käufer: Jonas Weidner, Weidner Analytik GmbH, Ulm\nNachricht: Angebot für 3 Trockenschränke", "Jonas Weidner",
     "Weidner Analytik GmbH"),
    ("Nome e cognome: Chiara Esposito\nEnte: Consorzio di Bonifica Valle Orta\nRichiesta: 2 torbidimetri",
     "Chiara Esposito", "Consorzio di Bonifica Valle Orta"),
])
def test_buyer_and_organisation_labels_of_more_languages(text: str, name: str, company: str) -> None:
    parsed = parse_inquiry(text)
    assert (parsed.customer_name, parsed.company) == (name, company)


@pytest.mark.parametrize(("text", "company"), [
    ("Dear Sir,\nGreetings from Gaborone. Valdora Water Utilities Corporation is planning to procure 4 turbidity "
     "meters.\nRegards,\nNaledi Molefe", "Valdora Water Utilities Corporation"),
    ("Señores:\nEl Hospital Provincial San Roque (Jujuy) requiere cotización de 3 autoclaves.\nDr. Pablo Ríos",
     "Hospital Provincial San Roque"),
    ("Уважаемые коллеги!\nМинистерство водного хозяйства Республики Валдора рассматривает закупку 5 pH-метров.\n"
     "Контактное лицо: Нурлан Абенов", "Министерство водного хозяйства Республики Валдора"),
    ("Hi,\nAmara Obi, Enugu Soil Lab needs 2 drying ovens urgently.", "Enugu Soil Lab"),
])
def test_an_organisation_that_writes_of_itself_as_the_sentence_subject(text: str, company: str) -> None:
    assert parse_inquiry(text).company == company


def test_a_thing_as_the_subject_is_no_organisation() -> None:
    assert parse_inquiry("Hello,\nThe Water Bath we bought is broken. Can you repair it?").company is None


@pytest.mark.parametrize(("text", "name", "company"), [
    ("Сәлеметсіз бе! Мен Дәурен Асқарұлы, «Шымкент Су Сынақ» ЖШС. Бізге турбидиметр керек.", "Дәурен Асқарұлы",
     "«Шымкент Су Сынақ» ЖШС"),
    ("Здравствуйте. Мен Бакыт Осмонов, МУП «Нарын Водоканал». Нужен хлорметр, 2 шт.", "Бакыт Осмонов",
     "МУП «Нарын Водоканал»"),
])
def test_central_asian_introductions_and_russian_public_enterprise_forms(text: str, name: str, company: str) -> None:
    parsed = parse_inquiry(text)
    assert (parsed.customer_name, parsed.company) == (name, company)


@pytest.mark.parametrize(("text", "name"), [
    ("WhatsApp +996 700 111 222\nСалам! Нурбек Жээнбеков, Алматы. Нужен кондуктометр, 1 шт.", "Нурбек Жээнбеков"),
    ("Hello! Efua Mensah, Cape Coast Fisheries Lab. Please quote 2 DO meters.", "Efua Mensah"),
    ("Messenger\nYaw Darko: Good morning. Do you sell conductivity meters? I need 2.", "Yaw Darko"),
    ("chat log\nadaeze.okafor: hi\nadaeze.okafor: price for 2 incubators?\nour side: sure", "Adaeze Okafor"),
    ("TM chat log\nrosa huaman (Peru) 2026-03-04 09:12\nhola, price for 3 pumps\nrosa huaman 09:15\nthanks",
     "Rosa Huaman"),
])
def test_chat_writers_name_themselves_after_a_greeting_as_a_handle_or_in_a_speaker_header(text: str, name: str) -> None:
    assert parse_inquiry(text).customer_name == name


def test_a_greeting_then_a_word_and_a_comma_is_no_name_without_a_place_or_company_after_it() -> None:
    assert parse_inquiry("Hello! Urgent, we need 3 pumps this week.").customer_name is None


def test_a_forwarder_named_later_on_the_line_does_not_hide_the_buyer_introduced_before_it() -> None:
    text = ("WhatsApp:\nHi, Femi Adebayo here from Ikoyi Analytical Services Ltd. Need 4 pH meters. Ship through our "
            "clearing agent Swift Cargo Ltd, Apapa, tel 0803 111 2233.")
    parsed = parse_inquiry(text)
    assert (parsed.customer_name, parsed.company) == ("Femi Adebayo", "Ikoyi Analytical Services Ltd")


@pytest.mark.parametrize(("text", "company"), [
    ("chat\nkofi.boateng: hi\nkofi.boateng: for tamale water works limited, sunyani plant",
     "tamale water works limited"),
    ("Hello, I run Kpong Irrigation Services in Akosombo and need a moisture meter.", "Kpong Irrigation Services"),
])
def test_a_lower_case_company_loses_the_preposition_before_it_and_i_run_names_a_company(
    text: str, company: str
) -> None:
    assert parse_inquiry(text).company == company


@pytest.mark.parametrize(("text", "name"), [
    ("Добрый день. Нужен муфельный шкаф до 1100 °C. Пишите на почту или звоните 93 555 12 34, Фарход.", "Фарход"),
    ("Need price of 2 autoclaves, delivery to Mwanza, call me on 0754 000 111, Baraka.", "Baraka"),
])
def test_a_message_signed_after_a_comma_at_its_very_end(text: str, name: str) -> None:
    assert parse_inquiry(text).customer_name == name


def test_a_place_after_the_last_comma_is_no_signature() -> None:
    assert parse_inquiry("Need price of 2 autoclaves, delivery please, to Nairobi.").customer_name is None


@pytest.mark.parametrize("text", [
    "LinkedIn message\nLuis Fernando Arango\nCoordinador de Compras en Lácteos del Valle S.A.S. · Medellín\n"
    "\"Hola, necesito 2 balanzas.\"",
    "LinkedIn\nLuis Fernando Arango\nQA Lead at Valle Dairy Ltd | Cali\nHi, please quote 2 balances.",
])
def test_a_name_line_above_a_profile_headline_title_at_employer(text: str) -> None:
    assert parse_inquiry(text).customer_name == "Luis Fernando Arango"


@pytest.mark.parametrize("text", [
    "Hola! Soy Nuria Bosch, trabajo en un laboratorio de aceites en Castellnou de Seana. ¿Tenéis viscosímetros?",
    "Hi! I'm Tom Reed, working at a small brewery lab in Little Hadwick. Do you sell pH meters?",
])
def test_a_small_unknown_town_after_a_described_workplace_is_no_company(text: str) -> None:
    assert parse_inquiry(text).company is None


@pytest.mark.parametrize(("text", "name"), [
    ("Od: tomasz.zielinski@wodlab.pl\nTemat: zapytanie\n\nproszę o ofertę na 2 suszarki.\nPozdrawiam",
     "Tomasz Zielinski"),
    ("From: purchasing.dept@agrovale.com.br\nPreciso de 3 estufas.", None),
    ("From: info.lab@agrovale.com.br\nPreciso de 3 estufas.", None),
    ("hi, price for 2 salinity meters pls. reply to redcoral.shrimp@gmail.com", None),
])
def test_a_first_dot_last_address_names_a_sender_who_wrote_no_name(text: str, name: str | None) -> None:
    assert parse_inquiry(text).customer_name == name


def test_a_legal_form_that_ends_its_sentence_ends_the_name_though_an_address_follows() -> None:
    text = ("Lead from a partner – Lindiwe Zulu, QC Lead at Tugela Citrus Packers (Pty) Ltd. She needs 2 "
            "refractometers. Cell 082 555 0199, email lzulu@tugelacitrus.co.za")
    assert parse_inquiry(text).company == "Tugela Citrus Packers (Pty) Ltd"


@pytest.mark.parametrize(("text", "name", "company"), [
    ("微信转来的：\n您好，我是槟城的林美玲，想问恒温水浴锅的价格。", "林美玲", None),
    ("同事转来：\n越南河内，Hanoi Water Testing Centre 的 Ms. Pham Thu Ha，要浊度仪3台。", "Pham Thu Ha",
     "Hanoi Water Testing Centre"),
])
def test_chinese_notes_with_a_place_before_the_name_or_a_latin_organisation_before_de(
    text: str, name: str, company: str | None
) -> None:
    parsed = parse_inquiry(text)
    assert (parsed.customer_name, parsed.company) == (name, company)


def test_a_message_signed_with_a_dash_after_its_last_question() -> None:
    assert parse_inquiry("Hi! Do you ship to Kigali? Who can I talk to? - Uwase").customer_name == "Uwase"


def test_swahili_kutoka_introduces_a_public_body_with_its_lower_case_links() -> None:
    text = "Habari, naitwa Bw. Juma Kombo kutoka Bodi ya Maji Bonde la Pangani (PBWB).\nTunahitaji pH meter 3."
    parsed = parse_inquiry(text)
    assert (parsed.customer_name, parsed.company) == ("Juma Kombo", "Bodi ya Maji Bonde la Pangani (PBWB)")


def test_a_lower_case_signature_behind_an_honorific() -> None:
    text = "hello pls send price of centrifuge for my clinic\ndr bilal ahmed\nahmed eye clinic, multan\n03001112233"
    assert parse_inquiry(text).customer_name == "Bilal Ahmed"
