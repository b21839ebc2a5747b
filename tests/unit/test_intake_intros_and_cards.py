"""Self-introductions, chat headers and card lines as holdout20's writers typed them: a chat platform's speaker
header, "X from Y here", Dutch "ik ben … van …", Kazakh "Менің атым", Persian "اینجانب", Chinese "我是<place>的<Name>",
a Vietnamese "Chúng tôi là Công ty …" (we are; no person), a comma before the legal form, a card's C(ell)."""

from __future__ import annotations

import pytest

from bot.rules.intake import OwnSide, parse_inquiry

HOME = OwnSide.build(domains=["acme-instruments.cn"], phones=["+86 755 2666 0000"], home_country="CN",
                     names=["王磊", "Wang Lei"])


@pytest.mark.parametrize(
    ("text", "name", "company"),
    [
        ("Alibaba TradeManager\nAhmed Samir (Egypt)  14:05\nhello\n14:05  i need rotary evaporator\n"
         "14:08  we are Nile Pharma Chem Co.\n14:09  my whatsapp +20 101 847 2236",
         "Ahmed Samir", "Nile Pharma Chem Co."),
        ("Hi. Hussain from Bahrain Petroleum Testing Services W.L.L. here. We need a viscometer. "
         "Call me +973 3612 4589",
         "Hussain", "Bahrain Petroleum Testing Services W.L.L."),
        ("Bezoeker: Goedemiddag, ik ben Pieter de Vries van Aqualab Noord B.V. in Groningen. Hebben jullie een "
         "refractometer?\nBezoeker: Telefoon 06 41 27 83 95", "Pieter de Vries", "Aqualab Noord B.V."),
        ("WhatsApp\n+7 701 482 3395:\nСәлеметсіз бе! Менің атым Айгерім Нұрланқызы, «ҚазАгроСынақ» ЖШС "
         "зертханасынан. Бізге аналитикалық таразы керек.", "Айгерім Нұрланқызы", "«ҚазАгроСынақ» ЖШС"),
        ("微信转发：\n你好，我是马来西亚吉隆坡的Tan Wei Ming，我们公司 Synergy Lab Supplies Sdn. Bhd. "
         "想询问恒温培养箱的价格。"
         "我的电话 +60 12-378 5614", "Tan Wei Ming", None),
        ("Kính gửi Quý công ty,\n\nChúng tôi là Công ty TNHH Thiết bị Khoa học Minh Phát, "
         "có trụ sở tại TP. Hồ Chí Minh."
         "\n\nTrân trọng,\nNguyễn Thị Thu Hà\nPhòng Kinh doanh\nĐT: 0903 826 417", "Nguyễn Thị Thu Hà",
         "Công ty TNHH Thiết bị Khoa học Minh Phát"),
        ("Boa tarde,\nSolicito orçamento para uma autoclave.\nCom os melhores cumprimentos,\nInês Carvalho\n"
         "Microlab Minho, Lda.\nTelm.: 912 634 718", "Inês Carvalho", "Microlab Minho, Lda."),
        ("واتساب\nمرحبا، انا د. حيدر كاظم من مختبر الرافدين للتحليلات المرضية في بغداد. "
         "نريد جهاز PCR\nرقمي 07713845296",
         "حيدر كاظم", "مختبر الرافدين للتحليلات المرضية"),
        ("Telegram xabar:\nAssalomu alaykum! Men Jasur Toshmatov, Farm Standart Lab MChJ dan. Bizga quritish shkafi "
         "kerak.\nTel: +998 93 517 28 46", "Jasur Toshmatov", "Farm Standart Lab MChJ"),
        # a Kazakh sign-off; "Біз" (we) before the company is no part of it
        ("Сәлеметсіз бе!\nБіз «ҚазЭкоМонитор» ЖШС, Алматы қаласы. Газ хроматографы қажет.\n\nҚұрметпен,\n"
         "Айгерім Сәрсенбаева\nСатып алу бөлімінің менеджері\nМоб.: +7 701 384 22 19", "Айгерім Сәрсенбаева", None),
        # a Catalan name joins its two surnames with "i"
        ("Hola Kevin,\nVolem repetir la comanda.\nUn saludo,\nNúria Puig i Serra\nCompras – Laboratoris del Vallès, "
         "S.L.\nMòbil 646 218 903", "Núria Puig i Serra", None),
        # a chat speaker known by a first name who gives the whole name in a line
        ("[16:05, 2/28/2026] Нурлан: Здравствуйте, нужен спектрометр\n[16:06, 2/28/2026] Нурлан: Нурлан Асанбеков, "
         "ОсОО «Тянь-Шань Геоаналитика», г. Бишкек\n[16:06, 2/28/2026] Нурлан: мой номер 0555 318 447",
         "Нурлан Асанбеков", "ОсОО «Тянь-Шань Геоаналитика»"),
        # Korean and Japanese headers and forms, their honorific suffix off
        ("보낸 사람: 박지훈 <jhpark@hanbitlab.co.kr>\n제목: [견적요청] 열중량분석기\n\n"
         "견적 부탁드립니다.\n\n박지훈 드림\n"
         "휴대폰: 010-4827-3159\n사무실: 031-8017-2260", "박지훈", None),
        ("【お問い合わせフォーム】\n会社名：株式会社東和理化サービス\nご担当者名：山田 健一 様\n"
         "電話番号：090-3817-5524",
         "山田 健一", "株式会社東和理化サービス"),
        # Thai glues "คุณ" (Mr/Ms) to the name
        ("LINE Official Account\nคุณสมชาย วงศ์ไพศาล: สวัสดีครับ สนใจเครื่องวัดค่าสี\nคุณสมชาย วงศ์ไพศาล: โทร 081-634-2957 ครับ",
         "สมชาย วงศ์ไพศาล", None),
        ("Messenger · Page\nJerome Villanueva: good pm po! magkano po yung hotplate? 0917 564 2283 po",
         "Jerome Villanueva", None),
        # holdout23: a platform tag before a chat header, "Md." in a header, four names greeting, a greeting's "de"
        ("[Telegram] Нурбек Асанов, 09:15\nЗдравствуйте, ОсОО «Бишкек Лаб Сервис». Нужен автоклав.\n0555 713 802",
         "Нурбек Асанов", "ОсОО «Бишкек Лаб Сервис»"),
        ("TradeManager message\nMd. Rafiqul Islam (Bangladesh) 2025-03-19 16:40\nDear sir, need tester. "
         "WhatsApp +880 1711-482916", "Md. Rafiqul Islam", None),
        ("Facebook Messenger\nMaria Cristina Dela Cruz: Hi po! Good day. I'm from Bay Area Analytical Services Inc. "
         "here in Pasay. Pls call 0917 845 2290.", "Maria Cristina Dela Cruz", None),
        ("WhatsApp\nBonsoir, Sami Ben Salah de Tunisie Analyses SARL à Sfax. Nous avons besoin d'un chromatographe. "
         "Mon numéro : 98 234 617", "Sami Ben Salah", "Tunisie Analyses SARL"),
    ],
)
def test_the_customer_is_read_from_how_they_introduce_themselves(text: str, name: str, company: str | None) -> None:
    parsed = parse_inquiry(text, HOME)
    assert parsed.customer_name == name
    if company:
        assert parsed.company == company


def test_a_persian_formal_i_introduces_the_name() -> None:
    text = ("سلام وقت بخیر\nاینجانب مهدی رضایی از آزمایشگاه پارس آنالیز هستم. یک دستگاه نیاز داریم.\n"
            "شماره تماس: ۰۹۱۳ ۲۱۸ ۴۵۷۶")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.phone) == ("مهدی رضایی", "+989132184576")


def test_a_cards_capital_c_marks_the_mobile() -> None:
    text = ("Best,\nAmélie Tremblay, PhD\nLaboratory Director\nPolymèreLab Inc.\nT 514 843-2716 | C 438 762-1954\n"
            "atremblay@polymerelab.ca")
    parsed = parse_inquiry(text, HOME)
    assert parsed.phone == "+14387621954"


def test_a_chat_header_with_a_time_but_an_ordinary_word_is_no_name() -> None:
    text = "Total 12:30\nMeeting Room 2 10:00\nneed price for 2 pH meters, +20 101 847 2236"
    assert parse_inquiry(text, HOME).customer_name is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Telegram's forward header names the writer when the message names nobody itself
        ("Forwarded from Дмитрий Ковалёв\nДобрый день! Интересует титратор, 2 шт.\nМой мобильный 8 (927) 604-18-52",
         "Дмитрий Ковалёв"),
        ("Bobur Toshmatov, [12.03.2026 15:06]\n[Forwarded from Bobur Toshmatov]\nAssalomu alaykum. Bizga sut "
         "analizatori kerak.\ntel: 93 781 44 06", "Bobur Toshmatov"),
        # a chat export: time stamps before the speaker, our own agent in it too
        ("TradeManager chat history – Buyer: Abdullah Alenezi (Kuwait)\n"
         "2026-03-09 14:03:51 Abdullah Alenezi: i need price muffle furnace\n"
         "2026-03-09 14:05:10 Acme Instruments (王磊): Hello dear, where to deliver?\n"
         "2026-03-09 14:08:02 Abdullah Alenezi: whatsapp 99145208", "Abdullah Alenezi"),
        ("Facebook Messenger – Page\nGrace Wanjiku Mwangi · 10:05\nHabari, tunahitaji mashine. Namba yangu ni "
         "0722 481 639.", "Grace Wanjiku Mwangi"),
        # a unit signing or heading a message is no person
        ("From: Procurement Section <tenders@qu-tenders.edu.qa>\nDear Supplier,\nPlease quote an FTIR.\n"
         "For clarification please contact: Ms. Noora Al-Mannai, Senior Procurement Officer\nMob: +974 5531 7840",
         "Noora Al-Mannai"),
        ("De la: Andreea Popescu <achizitii@medlabtransilvania.ro>\nBună ziua,\nVă rugăm o ofertă.\nCu stimă,\n"
         "Andreea Popescu\nDepartament Achiziții\nS.C. MedLab Transilvania S.R.L.\nMobil: 0744 518 263",
         "Andreea Popescu"),
    ],
)
def test_headers_of_forwards_and_chat_exports_name_the_writer(text: str, name: str) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


def test_a_forward_header_does_not_outrank_the_signature() -> None:
    text = ("Forwarded from Ольга Смирнова\nДобрый день! Интересует спектрофотометр.\nС уважением,\n"
            "Смирнова Ольга Викторовна\nМенеджер по закупкам\nООО «ЛабСнабКомплект»\nмоб. 8 (916) 234-56-78")
    assert parse_inquiry(text, HOME).customer_name == "Смирнова Ольга Викторовна"


def test_a_job_title_after_the_name_is_no_company() -> None:
    text = "Please contact: Ms. Noora Al-Mannai, Senior Procurement Officer\nMob: +974 5531 7840"
    assert parse_inquiry(text, HOME).company is None


def test_a_malaysian_legal_form_reads_a_national_number_in_malaysia() -> None:
    text = ("Farid: Salam, saya Mohd Farid bin Rahman dari Syarikat Makmal Bestari Sdn. Bhd.\n"
            "Farid: No tel saya 012-739 4562")
    assert parse_inquiry(text, HOME).phone == "+60127394562"


@pytest.mark.parametrize(
    "text",
    [
        "Please quote 3 ovens.\nLunch Break 12:30\nThanks",
        "Meeting (Zoom) 10:30\nWe need 3 ovens.",
        "Agenda for the visit:\n09:00 Opening Remarks: welcome\n10:30 Site Visit: lab tour\nPlease quote 3 ovens.",
        "Transféré de Support Technique\nBonjour, nous avons besoin de 3 étuves.",
    ],
)
def test_an_agenda_or_a_team_is_no_customer_name(text: str) -> None:
    assert parse_inquiry(text, HOME).customer_name is None


def test_a_speaker_known_by_a_first_name_is_not_completed_by_someone_else() -> None:
    text = "[10:02] Ahmed: hi\n[10:03] Ahmed: our director Ahmed Hassan will sign the PO"
    assert parse_inquiry(text, HOME).customer_name == "Ahmed"


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Hola\nJuan Pérez\nJuan Pérez y Hijos S.A.\njuan@perezhijos.es", "Juan Pérez y Hijos S.A."),
        ("Hello, I am John Smith from Biz Analytics Ltd. We need 3 ovens.", "Biz Analytics Ltd."),
        ("Olá, sou João Silva da Microlab Minho, Lda. Precisamos de 3 balanças.", "Microlab Minho, Lda"),
    ],
)
def test_a_company_keeps_its_founders_name_and_first_word(text: str, company: str) -> None:
    assert parse_inquiry(text, HOME).company == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # Mongolian: "we, located in Ulaanbaatar, 'Хөх Тэнгэр Лаб' LLC"; the quoted name and its form close it
        ("Forwarded from Lina Haddad\nDear team, I'm from Aqaba Minerals Analytical Lab. We need a jaw crusher.",
         "Aqaba Minerals Analytical Lab."),
        ('Сайн байна уу. Бид Дархан хотод байрладаг "Алтан Шинжилгээ" ХХК. Бутлуур хэрэгтэй байна.\n'
         "Болд Бат\nУтас: 9911 4728", '"Алтан Шинжилгээ" ХХК'),
    ],
)
def test_an_organisation_said_in_a_sentence_is_the_company(text: str, company: str) -> None:
    assert parse_inquiry(text, HOME).company == company


def test_a_capital_c_in_a_product_code_is_no_phone_label() -> None:
    text = "Hi, we need type C 5512 3456 78 cables for our lab in Mexico City. Juan Perez"
    assert parse_inquiry(text, HOME).phone is None


def test_a_colleagues_chinese_note_is_no_language_to_read_his_number_in() -> None:
    # the few Latin words under a Chinese note once made it Portuguese, and the colleague's 139… a Brazilian mobile
    text = ("王磊：\n@陈静 这个客户转给你跟进，孟加拉的，他要BOD培养箱，两台。有问题打我电话 139 1722 6035。\n"
            "客户信息：\n"
            "Md. Rafiqul Islam\nDhaka Pharma Testing Centre Ltd.\nrafiq@dhakapharmatest.com.bd\n+880 1711-538294")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.phone, parsed.customer_name) == ("+8801711538294", "Md. Rafiqul Islam")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bonjour Monsieur,\nMerci de nous faire parvenir votre offre.\n\nSalutations distinguées,\n\n"
         "Youssef El Amrani\nChargé d'affaires\nSouss Hydro Équipements SARL\nGSM : 06 61 47 29 80",
         "Youssef El Amrani"),
        ("For clarification contact:\nAto Tesfaye Bekele, Procurement Directorate\nMobile: +251 91 143 8827",
         "Tesfaye Bekele"),
    ],
)
def test_more_sign_offs_and_titles(text: str, name: str) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


def test_mongolian_phone_label_is_no_name() -> None:
    text = "Сайн байна уу! Эрдэнэт Лаб Сервис ХХК. We need an XRF analyzer in Erdenet. Утас: 9911 4826"
    parsed = parse_inquiry(text, HOME)
    assert (parsed.phone, parsed.customer_name) == ("+97699114826", None)


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("Transcrição de áudio: me manda por e-mail, fernando.lage arroba serraazulmin ponto com ponto br. Valeu",
         "fernando.lage@serraazulmin.com.br"),
        ("Contact form: write to info (at) labx (dot) co (dot) ke please", "info@labx.co.ke"),
        ("We can meet at the fair, see you at lunch point two", None),
    ],
)
def test_an_address_spelled_out_is_read_as_one(text: str, email: str | None) -> None:
    assert parse_inquiry(text, HOME).email == email
