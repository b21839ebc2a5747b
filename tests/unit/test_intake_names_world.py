"""Names and companies as they are written around the world: forms and honorifics of many countries, names typed
in lower case, closings in more languages, titles that are not names."""

from __future__ import annotations

import pytest

from bot.rules.intake import parse_inquiry


@pytest.mark.parametrize(("text", "company"), [
    ("Regards,\nErik Lindqvist\nGöteborg Vattenlab AB\nSweden", "Göteborg Vattenlab AB"),
    ("Med venlig hilsen\nSofie Madsen\nOdense Analyse A/S", "Odense Analyse A/S"),
    ("Ystävällisin terveisin\nMikko Virtanen\nTampereen Mittaus Oy", "Tampereen Mittaus Oy"),
    ("Üdvözlettel\nKovács Anna\nDebreceni Labor Kft.", "Debreceni Labor Kft."),
    ("Saludos cordiales\nJosé Pérez\nSuministros Orinoco C.A.\nValencia, Venezuela", "Suministros Orinoco C.A."),
    ("Name: paolo bianchi\nCompany: bianchi laboratori srl\nCountry: Italy", "bianchi laboratori srl"),
])
def test_legal_forms_of_many_countries_and_lower_case_names_make_a_company(text: str, company: str) -> None:
    assert parse_inquiry(text).company == company


def test_a_short_form_in_capitals_is_not_read_inside_shouting() -> None:
    assert parse_inquiry("PLEASE SEND PRICE AS SOON AS POSSIBLE FOR PH METER").company is None


@pytest.mark.parametrize(("text", "name"), [
    ("Name: dra. lucía gómez\nEmail: lgomez@labsur.com.ar\nMessage: cotización de balanzas", "Lucía Gómez"),
    ("Habari, naitwa Bi. Amina Juma kutoka Arusha. Tunahitaji pH meter 5 pcs.", "Amina Juma"),
    ("Bonjour,\nNous souhaitons un devis pour 2 étuves.\nCordialement,\nPr. Ousmane Ndiaye\nDakar", "Ousmane Ndiaye"),
    ("Dear Sir,\nKindly quote 3 ovens.\nThanks\nChief Bola Adeyemi\nMD, Adeyemi Labs Ltd\n0803 555 1234",
     "Bola Adeyemi"),
    ("Mohon penawaran 1 unit fume hood.\nTerima kasih.\nPuan Siti Hajar binti Yusof\nPegawai Perolehan\n"
     "Makmal Kimia Sdn Bhd\nHP: 012-345 6789", "Siti Hajar binti Yusof"),
    ("با سلام\nلطفا قیمت دستگاه اسپکتروفتومتر را ارسال کنید.\nبا تشکر\nمریم کریمی\nشرکت آزما پارس",
     "مریم کریمی"),
])
def test_honorifics_and_closings_of_many_languages_are_not_part_of_the_name(text: str, name: str) -> None:
    assert parse_inquiry(text).customer_name == name


def test_a_tender_notice_heading_is_not_a_person() -> None:
    parsed = parse_inquiry("TENDER NOTICE\nThe Ministry of Water invites sealed bids for 10 turbidity meters.\n"
                           "Contact the procurement unit, tel +251 11 551 0000")
    assert parsed.customer_name is None


@pytest.mark.parametrize(("text", "company"), [
    # a bracketed place after the legal form, then the sentence goes on
    ("Dear Sir,\nPolmed Sp. z o.o. (Poznań) would like an offer for 2 incubators.", "Polmed Sp. z o.o."),
    # the organisation's own abbreviation stays
    ("Regards,\nAna Ruiz\nInstituto Nacional de Semillas (INASE)\nMontevideo",
     "Instituto Nacional de Semillas (INASE)"),
    # the e-mail domain is the initials of the name; "for" inside a name starts no other
    ("Dear Lin Na,\nCould you advise whether the photometer includes a Li filter?\nRegards,\nDr. Salem Al-Ajmi\n"
     "Qatar Institute for Environmental Research\nsalem@qier.edu.qa\n\n---- quoted ----\nFrom: Lin Na "
     "<linna@sino-instruments.com>\nDear Dr. Salem, please find our offer.",
     "Qatar Institute for Environmental Research"),
    ("Best regards,\nHany Mostafa\nNile Pharma Industries S.A.E.\nCairo", "Nile Pharma Industries S.A.E."),
])
def test_where_a_company_name_ends(text: str, company: str) -> None:
    assert parse_inquiry(text).company == company


def test_the_forwarder_named_in_the_shipping_instructions_is_not_the_buyer() -> None:
    parsed = parse_inquiry("Dear Sir,\nKindly send a proforma for 2 ovens. Ship through our clearing agent in "
                           "Lagos:\nSwift Cargo Logistics Ltd, attn Musa Bello, tel +234 802 555 0101\nThanks.\n"
                           "Ngozi Eze\nEze Diagnostics Ltd\n0803 555 7788")
    assert parsed.company == "Eze Diagnostics Ltd"
    assert parsed.customer_name == "Ngozi Eze"


@pytest.mark.parametrize(("text", "company"), [
    ("Pozdrawiam\nJan Kowalski\nZaopatrzenie\nwodtech kraków sp. z o.o.\ntel. +48 600 100 200",
     "wodtech kraków sp. z o.o."),
    ("Mit freundlichen Grüßen\nAnna Gruber\nGruber Messtechnik e.U.\nMobil 0664 7654321", "Gruber Messtechnik e.U."),
    ("Met vriendelijke groet,\nPieter Bakker\nInkoop\nWaterschap Rivierenland-Oost\nTel. 06 87654321",
     "Waterschap Rivierenland-Oost"),
    ("Gentili signori,\nsono la dott.ssa Elena Conti, ricercatrice presso il Dipartimento di Chimica dell'Università "
     "degli Studi di Brescia. Vorremmo un preventivo per un titolatore.", "Università degli Studi di Brescia"),
])
def test_lower_case_forms_public_bodies_and_elided_articles(text: str, company: str) -> None:
    assert parse_inquiry(text).company == company


def test_a_greeting_in_swahili_is_not_a_name() -> None:
    parsed = parse_inquiry("Visitor: Habari, tunataka water testing kit ya fluoride. Mnauza Kenya?\n"
                           "Visitor: Akinyi Otieno, Maji Bora Community Project. WhatsApp +254 712 000111")
    assert parsed.customer_name == "Akinyi Otieno"


@pytest.mark.parametrize(("text", "company"), [
    ("hi, this is Kerem Aydin, purchasing at Marmara Kimya San. Ltd. Şti. (Bursa). need a viscometer",
     "Marmara Kimya San. Ltd. Şti."),
    ("Bonjour,\nM. Paul Girard, technicien chez Laiterie Girard & Fils SAS (Jura). Nous cherchons une balance.",
     "Laiterie Girard & Fils SAS"),
    ("Regards,\nTan Wei Ming\nOrchid Bio Lab Sdn. Bhd.\nPenang", "Orchid Bio Lab Sdn. Bhd."),
    ("Atenciosamente,\nCarlos Souza\nFrigorífico Serra Azul S/A\nChapecó - SC", "Frigorífico Serra Azul S/A"),
])
def test_more_legal_forms_and_where_they_end_in_a_sentence(text: str, company: str) -> None:
    assert parse_inquiry(text).company == company


def test_a_sentence_in_lower_case_is_not_a_company_because_it_ends_in_a_form() -> None:
    parsed = parse_inquiry("hola, soy pedro diaz de vinos del valle spa, necesitamos un refractometro")
    assert parsed.company != "soy pedro diaz de vinos del valle spa"


def test_a_country_alone_is_not_a_name() -> None:
    assert parse_inquiry("Alibaba RFQ\nBuyer: Pakistan\nNeed 5 pH meters, FOB Shanghai").customer_name is None


def test_kazakh_is_told_by_its_letters_and_reads_a_kazakh_mobile() -> None:
    parsed = parse_inquiry("Сәлеметсіз бе! Бізге 2 рН-метр керек. Ватсап 8 747 219 63 05")
    assert parsed.phone == "+77472196305"
