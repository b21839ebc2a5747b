"""Chat logs as the apps export or copy them (holdout29's writers): the speaker of WhatsApp for Android, KakaoTalk,
Messenger, Telegram desktop and Twitter copies is the customer when nothing names them better; "X is my full name";
a Zalo title; a chat line's stamp and speaker are no part of the company; an Arabic sentence among English ones
reads a national number; a Russian "собака" spells an address's @."""

from __future__ import annotations

import pytest

from bot.rules.chat_exports import export_speakers
from bot.rules.intake import OwnSide, parse_inquiry

HOME = OwnSide.build(domains=["acme-instruments.cn"], phones=["+86 755 2666 0000"], home_country="CN",
                     names=["王磊", "Wang Lei", "Acme Instruments"])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("9/04/24, 3:12 p. m. - Andrés Gómez: Buenas tardes\n9/04/24, 3:12 p. m. - Andrés Gómez: balanza analitica?\n"
         "9/04/24, 3:40 p. m. - 王磊: Hola Andrés", "Andrés Gómez"),
        ("[박지훈] [오전 10:14] 안녕하세요\n[박지훈] [오전 10:15] we need a homogenizer\n[Wang Lei] [오전 10:40] Hello",
         "박지훈"),
        ("Alejandra Ruiz\n4:14 p.m.\nhola, precio de mufla?\n\nAcme Instruments\n4:32 p.m.\nHello!\n\n"
         "Alejandra Ruiz\n4:40 p.m.\ncomo de 7 litros", "Alejandra Ruiz"),
        ("Kwame Boateng · 9:42 PM\nPls I need biosafety cabinet price\nKwame Boateng · 9:43 PM\nWe are in Accra",
         "Kwame Boateng"),
        ("Sherzod Karimov:\nAssalomu alaykum, AAS kerak\n[11:48]\n\nSherzod Karimov:\nnomer +998 90 317 00 00\n[11:49]",
         "Sherzod Karimov"),
        ("Tunde Bello @TundeLab\nPrice pls? Need 5 colony counters\nAcme Instruments @acme\nHi Tunde, share email\n"
         "Tunde Bello @TundeLab\nok", "Tunde Bello"),
    ],
)
def test_the_speaker_of_an_exported_chat_is_the_customer(text: str, name: str) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


def test_a_signature_label_is_no_speaker_unless_it_speaks_twice() -> None:
    assert list(export_speakers("Best regards:\nAna Costa\nBioLab Ltda")) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tunde Bello @TundeLab\nPrice pls?\nTunde Bello @TundeLab\nWhatsApp 0706 552 0000 . Olatunde Bello is my full "
         "name", "Olatunde Bello"),
        ("22/03/2024, 08:07 - +254 722 618 000: Company is Lakeview Agro Testing Ltd. My full name Grace Wanjiru "
         "Otieno\n22/03/2024, 08:07 - +254 722 618 000: send quotation also to my director Mr Odhiambo 0733 450 000",
         "Grace Wanjiru Otieno"),
        ("[Zalo] Nguyễn Thị Thu Hà\n09:12 chào anh/chị\n09:12 bên mình cần báo giá máy đo pH", "Nguyễn Thị Thu Hà"),
    ],
)
def test_a_name_said_or_titled_in_a_chat(text: str, name: str) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("[10/04/2024 11:20:31] Youssef Benali: je cherche étuve 56L\n"
         "[10/04/2024 11:21:02] Youssef Benali: pour Laboratoire Atlas Bio Analyses, Casablanca",
         "Laboratoire Atlas Bio Analyses"),
        ("客户: Azamat Zhumabaev\n公司: Ala-Too Agrolab LLC, Bishkek, Kyrgyzstan\nWhatsApp: 0555 213 000",
         "Ala-Too Agrolab LLC"),
    ],
)
def test_the_company_without_the_chat_stamp_or_the_town(text: str, company: str) -> None:
    assert parse_inquiry(text, HOME).company == company


def test_an_arabic_sentence_among_english_ones_reads_the_national_number() -> None:
    text = ("25/03/2024, 21:17 - Mohamed Samir: I need price gas chromatograph with FID detector\n"
            "25/03/2024, 21:18 - Mohamed Samir: شركة النيل للخدمات البترولية / Nile Petroleum Services Co.\n"
            "25/03/2024, 21:20 - Mohamed Samir: my number 01006 482 000 whatsapp")
    assert parse_inquiry(text, HOME).phone == "+201006482000"


def test_a_russian_voice_note_spells_the_address_with_a_dog() -> None:
    text = "Голосовое сообщение: это Айгерим, компания КазАгроЛаб. Почта — info собака kazagrolab точка kz."
    assert parse_inquiry(text, HOME).email == "info@kazagrolab.kz"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Telegram — @bekzod_lab\nBekzod Tursunov, 14:07\nAssalomu alaykum! namlik analizatori kerak\n"
         "Telefon: +998 90 318 00 00", "Bekzod Tursunov"),
        ("Telegram: Андрей Лукашевич (@andrei_luk)\nДобрый день. Интересует анализатор молока.\n"
         "Мой номер: +375 29 614 00 00", "Андрей Лукашевич"),
    ],
)
def test_a_telegram_title_names_the_sender(text: str, name: str) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


def test_a_web_chat_answer_after_a_yes_names_the_visitor_and_the_company_not_the_place() -> None:
    text = ("Chat del sitio web — visitante #48213 (Bogotá, CO)\nVisitante: hola, necesito precio de un horno mufla\n"
            "Agente: Could you leave your name?\nVisitante: claro, Andrés Felipe Gómez, Laboratorios Andinos SAS\n"
            "Visitante: es para calcinación de muestras de suelo")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.company) == ("Andrés Felipe Gómez", "Laboratorios Andinos SAS")


def test_the_number_of_a_colleague_to_speak_to_is_not_the_customers() -> None:
    text = ("Hi there,\nPlease send pricing for a benchtop XRF.\nFor technical questions please speak to our lab "
            "supervisor, Pieter van Wyk, on 083 271 0000.\n\nKind regards,\nThabo Nkosi\n"
            "Procurement Officer | Highveld Minerals (Pty) Ltd\nTel: 014 592 0000 | Cell: 072 815 0000")
    assert parse_inquiry(text, HOME).phone == "+27728150000"


def test_a_turkish_in_ankara_before_the_company_goes() -> None:
    text = ("[22.03.2025 14:11] +90 532 111 00 00: Merhaba, Ankara'da Anatolia Gıda Analiz Laboratuvarı Ltd. Şti. "
            "için Kjeldahl cihazı fiyatı?")
    assert parse_inquiry(text, HOME).company == "Anatolia Gıda Analiz Laboratuvarı Ltd. Şti"


def test_an_address_a_card_scan_broke_over_two_lines_is_read_whole() -> None:
    text = ("[名片识别 OCR]\nKAZ-CHEM SERVICE LLP\nAigerim Tulegenova\nM: +7 777 305 00 00\n"
            "a.tulegenova@kazchem\nservice.kz")
    assert parse_inquiry(text, HOME).email == "a.tulegenova@kazchemservice.kz"


def test_a_distributor_asking_us_to_contact_the_customer_directly_hands_over_the_quoted_message() -> None:
    text = ("From: Rajesh Menon <rajesh@gulfsci-dxb.ae>\nSubject: Fwd: Enquiry - Muscat\n\nHi,\nBelow enquiry from "
            "Oman, outside our territory, please contact the customer directly.\nRajesh Menon | Gulf Sci LLC, Dubai | "
            "+971 55 812 0000\n\n> From: Salim Al-Harthy <salim.harthy@omanbio.om>\n> Dear Sir, we need a "
            "fluorescence spectrophotometer.\n> Salim Al-Harthy\n> Oman Bio Labs LLC, Muscat\n> GSM: 9235 0000")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.customer_name, parsed.phone) == ("salim.harthy@omanbio.om", "Salim Al-Harthy",
                                                                  "+96892350000")


def test_a_dealer_who_says_not_to_contact_the_end_user_stays_the_customer() -> None:
    text = ("From: Rakesh Menon <rakesh@scitech.in>\nSubject: Fwd: BOD incubator\n\nDear Team,\nPlease see below "
            "requirement from our customer. Kindly quote to us with our dealer discount; do not contact the end user "
            "directly.\nRakesh Menon | +91 98470 00000\n\n---------- Forwarded message ---------\n"
            "From: Dr. Anitha Krishnan <anitha.k@gck.ac.in>\nDear Rakesh, we need one BOD incubator. Contact 0484 276 "
            "0000.")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.customer_name) == ("rakesh@scitech.in", "Rakesh Menon")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("+90 532 614 00 75: Merhaba, etüv fiyatı öğrenmek istiyorum\nXu Li: Hello, thank you. May I know your name "
         "and e-mail?\n+90 532 614 00 75: Burak Yıldız. satinalma@egegida.com.tr", "Burak Yıldız"),
        ("[17/3/25, 8:12 a. m.] +57 318 662 0000: Buenos días, precio de cabina de flujo laminar\n"
         "[17/3/25, 8:30 a. m.] Zhang Wei: Buenos días, con gusto. ¿Su nombre y correo?\n"
         "[17/3/25, 8:41 a. m.] +57 318 662 0000: Paula Andrea Restrepo, compras@labfarm.com", "Paula Andrea Restrepo"),
    ],
)
def test_our_staff_answering_under_a_pinyin_name_is_not_the_customer(text: str, name: str) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


def test_a_customer_with_a_pinyin_name_who_opens_the_chat_stays_the_customer() -> None:
    text = "Tan Wei: hi, need price for a rotary evaporator\nLisa Wong: Hello, which capacity?\nTan Wei: 5 L, thanks"
    assert parse_inquiry(text, HOME).customer_name == "Tan Wei"



@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Name: nguyen ngoc anh\nPhone: 0912 384 000", "Nguyen Ngoc Anh"),  # "anh" is a name, not prose
        ('From: "Pieter Smit" <info@pietersmit.co.za>\n\nQuote pls.\nPieter Smit', "Pieter Smit"),  # a sole trader
        ("客户：王伟 (Procurement Manager)", "王伟"),  # a role in brackets is no Latin spelling
        ("[10:02] Grace Mensah: hi, need an incubator\n[10:03] Grace Mensah: Thank you, Lifeline Diagnostics Ltd",
         "Grace Mensah"),
        ("News\nFollow Us @biolab_ke\nDear Sir, please quote a centrifuge.\nRegards,\nJames Otieno", "James Otieno"),
    ],
)
def test_what_the_new_chat_rules_leave_alone(text: str, name: str) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Dear Sir,\nWe are ISO Certified and need a quotation for 2 ovens.\nRegards, Otaki Seisakusho Co., Ltd.",
         "Otaki Seisakusho Co., Ltd"),
    ],
)
def test_what_the_new_company_rules_leave_alone(text: str, company: str | None) -> None:
    assert parse_inquiry(text, HOME).company == company


def test_a_tag_that_starts_like_wa_is_no_chat_app() -> None:
    text = "Mobile: +254 712 345 678 / Office: +254 20 234 5678 (Warehouse)"
    assert parse_inquiry(text, HOME).phone == "+254712345678"


@pytest.mark.parametrize(
    ("text", "handed"),
    [
        ("Dear Sirs, we have long worked directly with them. Мы давно работаем напрямую с ними.\nООО Ромашка\n"
         "+7 495 123 45 67", False),
        ("I tried to contact them directly: Mr. Kofi, +233 24 000 1111. Please quote us.\nDr. Amina Yusuf", False),
    ],
)
def test_phrases_that_hand_no_one_over(text: str, handed: bool) -> None:
    from bot.rules.principals import handed_over
    assert (handed_over(text) is not None) is handed


def test_a_spoken_number_after_its_cue_wins_over_sizes_said_later() -> None:
    from bot.rules.spoken_numbers import spoken_phone
    text = ("my number is plus two five four, seven one two, three four five, six seven eight. We need sieves in "
            "sizes ten, twelve, fourteen, sixteen")
    assert spoken_phone(text) == "+2 5 4 7 1 2 3 4 5 6 7 8"



@pytest.mark.parametrize(
    ("company", "cut"),
    [
        ("Nakuru County Referral Hospital lab", "Nakuru County Referral Hospital"),
        ("Kenya Ports Authority head office", "Kenya Ports Authority head office"),
        ("Stamataki Dental Lab", "Stamataki Dental Lab"),
        ("Sales Company of Lagos Ltd", "Sales Company of Lagos Ltd"),
        ("İzmir'deki Ege Su Analiz Laboratuvarı", "Ege Su Analiz Laboratuvarı"),
        ("QC engineer at Gulf Dairy Products Bahrain W.L.L.", "Gulf Dairy Products Bahrain W.L.L."),
    ],
)
def test_where_a_company_name_ends(company: str, cut: str) -> None:
    from bot.rules.company_shapes import company_end
    assert company_end(company) == cut
