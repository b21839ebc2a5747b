"""Names, companies and places read from free text the way a careful person would (issue 11, third round).

Each case is a text shape, not a corpus sample: signatures with title lines, self-introductions in several
languages, quoted replies, chat sign-offs, and texts with no company at all (None is the right answer).
"""

from __future__ import annotations

import pytest

from bot.rules.countries import country_evidence
from bot.rules.intake import OwnSide, parse_inquiry
from bot.rules.own_side import customer_part

OWN = OwnSide.build(domains=["kerunlab.com"], phones=["+86 571 8691 2233"], names=["Kevin Zhang", "Amy Wu", "刘佳"])


@pytest.mark.parametrize(
    ("text", "name", "company"),
    [
        pytest.param("Product name: Digital Melting Point Apparatus\nBuyer: Dmitry Orlov, SibChem JSC",
                     "Dmitry Orlov", "SibChem JSC", id="a-product-name-label-is-no-person"),
        pytest.param("Imię i nazwisko: Tomasz Nowak\nFirma: EKO-TEST Sp. z o.o.", "Tomasz Nowak",
                     "EKO-TEST Sp. z o.o.", id="polish-form-labels"),
        pytest.param("Hello, I'm Folake Adeyemi, procurement for Delta Crest Petrolab Ltd, Port Harcourt.",
                     "Folake Adeyemi", "Delta Crest Petrolab Ltd", id="a-role-then-the-company"),
        pytest.param("Hi! Oleksandr Bondarenko here, lab manager at Dnipro AgroLab LLC. Quote please.",
                     "Oleksandr Bondarenko", "Dnipro AgroLab LLC", id="name-here-then-role-at-company"),
        pytest.param("Hola, les escribe Jorge Santillán, compras de Alimentos Tapatíos del Valle. Usamos un "
                     "correo de nuestra matriz en España.", "Jorge Santillán", "Alimentos Tapatíos del Valle",
                     id="les-escribe-and-no-place-from-the-next-sentence"),
        pytest.param("Exmos. Senhores, sou o Armando Macuácua, da Laboratórios Índico Lda, em Maputo.",
                     "Armando Macuácua", "Laboratórios Índico Lda", id="sou-o-name-da-company"),
        pytest.param("Buenos días,\nMi nombre es Andrea Torres y trabajo para Minera Los Andes S.A. en Antofagasta.",
                     "Andrea Torres", "Minera Los Andes S.A.", id="trabajo-para-company"),
        pytest.param("Hi, this is Jenny from ABC Trading Co., Ltd. Please quote a balance.", "Jenny",
                     "ABC Trading Co., Ltd.", id="co-ltd-stays-one-company"),
        pytest.param("LinkedIn DM — Dawit Tesfaye (Lab Coordinator, Addis Pharma Quality Center PLC):\nHi",
                     "Dawit Tesfaye", "Addis Pharma Quality Center PLC", id="dm-dash-name-title-company"),
        pytest.param("Buyer: Said Mwinyi (Kilimanjaro Scientific Supplies)\nCountry: Tanzania", "Said Mwinyi",
                     "Kilimanjaro Scientific Supplies", id="name-label-with-the-company-in-brackets"),
        pytest.param("Hello, my name is Abena Mensah. I run a small clinical lab in Accra (Mensah Medical "
                     "Laboratory). Price?", "Abena Mensah", "Mensah Medical Laboratory", id="bracketed-company"),
        pytest.param("Good morning sir, my company is Apex Scientific Ltd and we need incubators.", None,
                     "Apex Scientific Ltd", id="my-company-is"),
        pytest.param("Analytica fuarı — kartvizit\nDr. Ayşe Demir\nKalite Kontrol Müdürü\nBaşkent İlaç A.Ş.\n"
                     "GSM: +90 533 617 42 08", "Ayşe Demir", "Başkent İlaç A.Ş.", id="card-with-a-turkish-title"),
        pytest.param("vi el microscopio en su perfil, cuánto cuesta? escríbanme al 310 482 7719. "
                     "Gracias!! - Daniela Ospina", "Daniela Ospina", None, id="chat-signed-after-a-dash"),
        pytest.param("Здравствуйте, нужен кондуктометр, Бишкек. Айбек", "Айбек", None,
                     id="a-bare-first-name-ends-the-message"),
        pytest.param("Good day, please send me price of centrifuge\nregards\njames", "James", None,
                     id="a-lower-case-sign-off"),
        pytest.param("Please quote pH meter.\nRotary Evaporator", None, None, id="goods-on-the-last-line-no-person"),
        pytest.param("Need HPLC - Urgent Request", None, None, id="a-dashed-request-is-no-person"),
        pytest.param("Hello! Do you sell Hospital Beds? I'm Maria.", "Maria", None,
                     id="a-question-is-no-company"),
        pytest.param("Need price: Water Bath 6 holes, Drying Oven 100L.", None, None, id="goods-are-no-company"),
        pytest.param("Name: David Kim\nCompany: -\nMessage: need fume hood price", "David Kim", None,
                     id="an-empty-company-field"),
        pytest.param("Am 03.06.2025 um 09:14 schrieb Jonas Richter <j.richter@spreelab.de>:\n> Hallo,\n"
                     "> wir bestellen.\n> Mit freundlichen Grüßen\n> SpreeLab Diagnostik GmbH, Berlin",
                     "Jonas Richter", "SpreeLab Diagnostik GmbH", id="quoted-customer-message-and-its-sender"),
        pytest.param('"Wang, Lei" <lei.wang@sgslab.com.sg> wrote:\nPlease quote a centrifuge.', "Lei Wang", None,
                     id="sender-wrote-line"),
        pytest.param("Chào anh/chị, em là Nguyễn Thị Lan, phòng thí nghiệm Công ty TNHH Kiểm Định Thực Phẩm "
                     "Hà Nội. Bên em cần báo giá.", "Nguyễn Thị Lan", "Công ty TNHH Kiểm Định Thực Phẩm Hà Nội",
                     id="vietnamese-company-inside-a-part"),
        pytest.param("Chào anh, em là Lan, Công ty TNHH Thiết bị Khoa học Sài Gòn.", "Lan",
                     "Công ty TNHH Thiết bị Khoa học Sài Gòn", id="vietnamese-sentence-case-company"),
        pytest.param("สวัสดีครับ ผมชื่อ สมชาย ศรีสุข จากบริษัท ไทยแล็บ ซัพพลาย จำกัด กรุงเทพฯ สนใจเครื่องวัด",
                     "สมชาย ศรีสุข", "บริษัท ไทยแล็บ ซัพพลาย จำกัด", id="thai-introduction"),
        pytest.param("你好，我係香港科進化驗有限公司嘅 Kelvin Chan，想問下報價。", "Kelvin Chan",
                     "香港科進化驗有限公司", id="cantonese-company-then-name"),
        pytest.param("我是学生，想问一下价格", None, None, id="i-am-a-student-is-no-name"),
        pytest.param("电话记录：沙特吉达的客户 Omar Basalamah，Red Sea Food Industries 的QC经理，问价格。",
                     "Omar Basalamah", "Red Sea Food Industries", id="chinese-note-about-a-latin-customer"),
        pytest.param("Hi team, Juan Pérez aquí, de Laboratorios Andinos SAC. Necesitamos cotización.", "Juan Pérez",
                     "Laboratorios Andinos SAC", id="name-aqui"),
        pytest.param("I'm writing on behalf of St. Mary's Hospital in Kampala. We need an autoclave.", None,
                     "St. Mary's Hospital", id="on-behalf-of"),
        pytest.param("Hello, we are Sahara Labs, a Nigerian distributor. Contact: Emeka Obi +234 802 111 2222",
                     "Emeka Obi", "Sahara Labs", id="inline-contact-label"),
        pytest.param("Hey, it's Sam. Need a quote for 2 pipette sets.", "Sam", None, id="its-sam"),
        pytest.param("Hello, Daniel from Kenya here, need price of incubator", "Daniel", None,
                     id="from-a-country-is-no-company"),
        pytest.param("Hi, Maria from Brazil. Do you have stock of pH meters?", "Maria", None,
                     id="greeting-then-name-from-country"),
        pytest.param("Hola, Soy Martín Gómez de Mendoza.", "Martín Gómez", None,
                     id="greeting-then-an-introduction-verb"),
        pytest.param("Good morning, Fatima speaking. We need an incubator for our clinic.", "Fatima", None,
                     id="name-speaking"),
        pytest.param("السلام عليكم، معاك أحمد. عايز سعر جهاز طرد مركزي.", "أحمد", None, id="egyptian-maak"),
        pytest.param("Merhaba, ben Mehmet Yılmaz, Ege Gıda Kontrol Laboratuvarı'ndan. Fiyat teklifi rica ederim.",
                     "Mehmet Yılmaz", "Ege Gıda Kontrol Laboratuvarı", id="turkish-case-ending-goes"),
        pytest.param("Alibaba.com inquiry\nTo: Hangzhou Kerun Scientific Instrument Co., Ltd.\nFrom: Peter Novak\n"
                     "Message: price for oven?", "Peter Novak", None, id="our-own-company-in-the-to-line"),
        pytest.param("Dear Hangzhou Kerun Scientific Instrument Co., Ltd.,\nWe need 2 incubators.\nRegards\nLina "
                     "Haddad", "Lina Haddad", None, id="a-greeting-to-our-company"),
        pytest.param("Buyer: Carlos Ruiz\nCompany: (not provided)\nCountry: Spain", "Carlos Ruiz", None,
                     id="company-not-provided"),
        pytest.param("TradeManager chat\nMaria Lopez (Bioquim S.A.): hi, price for ph meter?", "Maria Lopez",
                     "Bioquim S.A.", id="chat-speaker-with-company"),
        pytest.param("[10:42, 9/4/2026] Maria Lopez: hi\n[10:44, 9/4/2026] Amy Wu: sure", "Maria Lopez", None,
                     id="chat-speaker-with-time-stamp-not-our-staff"),
        pytest.param("Payment Terms: T/T\nShipping Port: Santos\nTarget Price: 100", None, None,
                     id="field-labels-are-no-speakers"),
        pytest.param("Please quote.\nRegards,\nDr. Grace Achieng\nHead, Microbiology Lab\nSt. Luke Hospital, Nairobi",
                     "Grace Achieng", "St. Luke Hospital", id="signature-department-above-the-hospital"),
        pytest.param("Hello,\nneed quote.\nThanks,\nAna\nLaboratório de Controle de Qualidade\nLaticínios Serra "
                     "Azul Ltda", "Ana", "Laticínios Serra Azul Ltda", id="signature-department-above-the-company"),
        pytest.param("Hello, I need 3 magnetic stirrers for my home lab. Send price to mike.t@gmail.com", None, None,
                     id="nobody-and-no-company"),
    ],
)
def test_name_and_company(text: str, name: str | None, company: str | None) -> None:
    parsed = parse_inquiry(text, OWN)
    assert (parsed.customer_name, parsed.company) == (name, company)


def test_a_long_note_keeps_its_sentences_that_are_not_ours() -> None:
    text = ("电话记录（刘佳接听）：沙特吉达的客户 Omar Basalamah 问价格。客户手机 050 387 6614，"
            "邮箱 omar.b@redseafood.com.sa。我的分机 +86 571 8691 2233 转 806。")
    kept = customer_part(text, OWN)
    assert "050 387 6614" in kept and "8691" not in kept
    assert parse_inquiry(text, OWN).phone == "+966503876614"


def test_a_text_all_under_our_header_is_a_colleagues_hand_off() -> None:
    text = ("From: Amy Wu <amy.wu@kerunlab.com>\nTo: Li Na\n\n客户信息如下：\nName: Fatima Zahra\n"
            "Company: Laboratoire Atlas SARL\nTel: +212 661 234 567")
    parsed = parse_inquiry(text, OWN)
    assert (parsed.customer_name, parsed.company, parsed.phone) == (
        "Fatima Zahra", "Laboratoire Atlas SARL", "+212661234567")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        pytest.param("معك المهندس خالد من شركة البتراء للمختبرات - عمّان", "JO", id="amman-by-its-shadda"),
        pytest.param("Laboratoire Océan Indien Analyses à Saint-Pierre (La Réunion)", "RE",
                     id="a-country-inside-a-seas-name-does-not-count"),
        pytest.param("Bonjour, Fort-de-France (Martinique).", "MQ", id="a-country-inside-a-hyphenated-city"),
        pytest.param("Salut, Dakar. Tel 77 123 45 67", "SN", id="a-capital-of-a-further-market"),
    ],
)
def test_country_mentioned(text: str, country: str) -> None:
    assert country_evidence(text).mentioned == country


def test_the_self_introduction_states_where_the_customer_is() -> None:
    text = ("Hello, I'm Folake Adeyemi, procurement for Delta Crest Petrolab Ltd, Port Harcourt, Nigeria. I'm in "
            "the UK this month so please reach me on +44 7456 213 980.")
    parsed = parse_inquiry(text, OWN)
    assert (parsed.stated_country, parsed.phone) == ("NG", "+447456213980")


def test_a_country_in_a_phrase_of_the_introduction_states_nothing() -> None:
    parsed = parse_inquiry("Hi, I am John Smith from Acme Inc, we are looking to export to Nigeria. Call +1 212 555 "
                           "0143", OWN)
    assert (parsed.stated_country, parsed.phone) == (None, "+12125550143")


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        pytest.param("Добрый день, я Эрлан, ОсОО «Мед Лаб». Пишите на ватсап 0555 318 472", "+996555318472",
                     id="kyrgyz-legal-form-and-a-russian-whatsapp-label"),
        pytest.param("مرحبا، معك المهندس خالد الزعبي - عمّان. رقمي 079 641 2870", "+962796412870",
                     id="jordanian-national-number-by-amman"),
    ],
)
def test_national_numbers(text: str, phone: str) -> None:
    assert parse_inquiry(text, OWN).phone == phone


@pytest.mark.parametrize(
    ("text", "source"),
    [
        pytest.param("Recibido por correo:\nHola, soy Jorge.\nWhatsApp +52 33 2418 7765", "email",
                     id="the-specialists-lead-in-line-beats-a-messenger-mentioned-below"),
        pytest.param("Forwarded e-mail:\nDear Kerun, please quote.", "email", id="forwarded-e-mail"),
        pytest.param("Formulaire de contact du site\nNom : Youssef Benali", "website", id="french-contact-form"),
        pytest.param("Zapytanie ze strony internetowej (formularz)\nImię i nazwisko: Jan Kowalski", "website",
                     id="polish-website-form"),
        pytest.param("Handed over by Kevin (colleague from trade2, he met this customer on WeChat):\nCustomer: X",
                     "colleague", id="handed-over-by-a-colleague"),
        pytest.param("电话记录（刘佳接听）：客户问价格。", "other", id="a-phone-call-note"),
        pytest.param("Analytica fuarı — kartvizit\nDr. Ayşe Demir", "other", id="a-trade-fair-card"),
        pytest.param("Am 03.06.2025 um 09:14 schrieb Jonas Richter <j.richter@spreelab.de>:\n> Hallo", "email",
                     id="a-quoted-reply-header-ending-in-the-address"),
    ],
)
def test_source(text: str, source: str) -> None:
    assert parse_inquiry(text, OWN).source == source
