"""What people paste from their phones, as holdout24 and 25's writers typed it: a number spoken in a voice note, a
copied direct message with its platform's title and the sender's line, a chat message that only signs its writer
("usman tariq, Crescent Science College"), a name the signature writes in full, a few Arabic words beside Latin
ones, a Spanish "SL", a North American number in a sentence, a mobile that closes a chat message."""

from __future__ import annotations

import pytest

from bot.rules.intake import OwnSide, parse_inquiry
from bot.rules.spoken_numbers import spoken_phone

HOME = OwnSide.build(domains=["acme-instruments.cn"], phones=["+86 755 2666 0000"], home_country="CN",
                     names=["王磊", "Wang Lei"])


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("my number is plus two five four, seven two two, fifty one, sixty three... sorry, sixty four, eighty, one",
         "+2 5 4 7 2 2 51 64 80 1"),
        ("mi número es tres uno cinco, cuatro cuatro dos, ochenta y uno, sesenta y siete, gracias",
         "3 1 5 4 4 2 81 67"),
        ("call me on nine six double seven, one two, three four", "9 6 77 1 2 3 4"),
        ("номер плюс семь, девятьсот шестнадцать, сто двадцать три, сорок пять, шестьдесят семь",
         "+7 916 123 45 67"),
        ("meu número é onze, nove nove meia dois, três quatro, cinco oito", "11 9 9 6 2 3 4 5 8"),
        ("um, zero seven one two, three four five, six seven eight", "0 7 1 2 3 4 5 6 7 8"),
        ("we need two units, one for QC and one for the pilot plant", None),  # counts, not a number
        ("first it was nine one one two, no wait: three four", None),  # never seven digits in one run
    ],
)
def test_a_spoken_number_is_written_in_its_spoken_groups(text: str, digits: str | None) -> None:
    assert spoken_phone(text) == digits


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Voice note (WhatsApp): hi, this is Peter Kamau from Nakuru Dairy, Kenya, my number is plus two five four, "
         "seven two two, five one six, three eight four. thanks", "+254722516384"),
        ("Nota de voz: hola, le habla Camilo Duarte de Laboratorio Andino, en Medellín, mi número es tres cero "
         "cinco, cuatro cuatro dos, ochenta y uno, sesenta y siete", "+573054428167"),
        # a written number wins: the spoken one is read only when none is written
        ("Voice note: call me on nine one one two three four five six, or WhatsApp +254 733 123 456",
         "+254733123456"),
    ],
)
def test_a_voice_notes_spoken_number_is_the_phone(text: str, phone: str) -> None:
    assert parse_inquiry(text, HOME).phone == phone


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Facebook Messenger\nWanjiku Njoroge\nhi do u have moisture analyzer\n0722 516 384", "Wanjiku Njoroge"),
        ("Messenger (Facebook)\nJose Antonio Ramos\nhello po, price of pH meter?", "Jose Antonio Ramos"),
        ("LinkedIn\nОксана Мельник • 2nd\nHead of Lab\n\nДобрий день! Потрібен рефрактометр.", "Оксана Мельник"),
        ("Telegram\nИгорь Соколов (@isokolov_lab):\nЗдравствуйте! Нужен термостат.", "Игорь Соколов"),
        ("Twitter DM from @pilar_quimica (Pilar Navarro)\nhola, ¿tenéis balanzas analíticas?", "Pilar Navarro"),
    ],
)
def test_a_copied_direct_message_names_its_sender(text: str, name: str) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


def test_a_platform_title_over_a_product_line_names_nobody() -> None:
    text = "WhatsApp\nDigital Refractometer\nprice pls, 2 units"
    assert parse_inquiry(text, HOME).customer_name is None


@pytest.mark.parametrize(
    ("text", "name", "company"),
    [
        ("[26/03/2025, 9:41 pm] +92 321 5550123: need price water distiller for lab\n"
         "[26/03/2025, 9:43 pm] +92 321 5550123: bilal ahmed, Indus Science College",
         "Bilal Ahmed", "Indus Science College"),
        ("[22.03.2025 14:11] +90 532 111 22 33: Ayşe Demir, Marmara Gıda Analiz Ltd. Şti.\n"
         "[22.03.2025 14:12] +90 532 111 22 33: homojenizatör fiyatı?", "Ayşe Demir", "Marmara Gıda Analiz Ltd. Şti"),
        ("[10:03:31] Visitor: Somchai Wongsakul, Siam Lab Supply Co., Ltd., Bangkok",
         "Somchai Wongsakul", "Siam Lab Supply Co., Ltd."),
        ("[2025-03-19 08:15] +234 803 000 1111: Am Ifeanyi Eze, Crestview Diagnostics Ltd, Owerri",
         "Ifeanyi Eze", "Crestview Diagnostics Ltd"),
        ("[10:15, 02/04/2027] +971 52 000 1122: my name rashid, Gulf Lab Supplies, sharjah", "Rashid",
         "Gulf Lab Supplies"),
    ],
)
def test_a_chat_message_that_only_signs_names_writer_and_company(text: str, name: str, company: str) -> None:
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.company) == (name, company)


def test_a_lower_case_description_after_a_name_is_no_company() -> None:
    text = "visitor: hi do u sell incubators\nvisitor: my name ali raza, poultry farm in multan\nvisitor: 0300 1234567"
    assert parse_inquiry(text, HOME).company is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('From: "Ing. Lucía Herrera" <lherrera@quimicanorte.mx>\nSubject: cotización\n\nSaludos,\n'
         "Ing. Lucía Herrera Salinas\nJefa de Laboratorio", "Lucía Herrera Salinas"),
        ('From: "Anil Sharma" <purchase@delhilabs.in>\nSubject: RE: quote\n\nPls revert.\nAnil Kumar Sharma\n'
         "Purchase Manager | Delhi Labs", "Anil Kumar Sharma"),
    ],
)
def test_the_name_is_recorded_as_the_signature_writes_it_in_full(text: str, name: str) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


@pytest.mark.parametrize(
    "text", ["Мій номер: 067 382 1945 (Viber)", "同事转交：他说 WhatsApp 019-384 7261 最好联系"],
)
def test_my_and_he_says_are_nobodys_name(text: str) -> None:
    assert parse_inquiry(text, HOME).customer_name is None


def test_a_few_arabic_words_beside_latin_ones_read_an_egyptian_mobile_not_a_home_landline() -> None:
    # the Latin words (a name, a product, a city) tell no language; the Arabic sentence does
    text = ("Forwarded from Mahmoud Fathy\nمطلوب عرض سعر جهاز طرد مركزي centrifuge 6 tubes\nMahmoud Fathy, Tanta\n"
            "01006 834 291")
    assert parse_inquiry(text, HOME).phone == "+201006834291"


def test_a_spanish_sl_reads_a_mobile_that_closes_the_message_in_spain() -> None:
    text = "Twitter DM\nhola, ¿tenéis estufas de cultivo? somos Microlab Turia SL, Valencia. 612 48 93 07"
    assert parse_inquiry(text, HOME).phone == "+34612489307"


def test_a_north_american_number_in_a_sentence_is_read_in_the_country_named() -> None:
    text = ("hi! looking for a spectrophotometer, we're in Montréal. contact: Luc Gagnon, Labo Boréal Inc., "
            "luc@laboboreal.ca, 514-862-4193")
    assert parse_inquiry(text, HOME).phone == "+15148624193"


def test_digits_not_grouped_as_the_country_writes_them_are_no_phone() -> None:
    text = "Hi, we need type C 5512 3456 78 cables for our lab in Mexico City. Juan Perez"
    assert parse_inquiry(text, HOME).phone is None


def test_the_old_mexican_mobile_one_is_dropped_however_the_digits_are_grouped() -> None:
    text = "Saludos,\nIng. Sofía Lara\nTel. oficina: +52 442 215 1100\nCel/WhatsApp: +52 1 442 187 0001"
    parsed = parse_inquiry(text, HOME)
    assert (parsed.phone, parsed.other_phones) == ("+524421870001", ("+524422151100",))


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Roberto Salas: Somos Biotecnología Regiomontana, en Monterrey N.L.\nRoberto Salas: mi cel 81 1934 0000",
         "Biotecnología Regiomontana"),
        ("Diego Paz: Buenas, somos Camaronera Pacífico Azul de Guayaquil, necesitamos un medidor de oxígeno\n"
         "Diego Paz: mi whatsapp 099 418 0000", "Camaronera Pacífico Azul"),
        ("Okello Labs: Hello, do you make universal testing machines? We're Kato Materials Testing Ltd in Kampala\n"
         "Okello Labs: Contact me: Patrick Kato, +256 772 000 111", "Kato Materials Testing Ltd"),
        ("Ada Obi: the LED one. Send PI to Obi Scientific Ventures, Onitsha, Anambra State.",
         "Obi Scientific Ventures"),
        ("Instagram DM\nAsalaam aleikum! Mimi ni Ustaz Salim Bakari wa Pemba Quality Lab.\nTunatafuta incubator",
         "Pemba Quality Lab"),
        ("Rauf Əliyev: Salam! Bakıdan yazıram, «Xəzər Analiz» MMC. Bizə oktan analizatoru lazımdır.",
         "«Xəzər Analiz» MMC"),
        ("Diretora Técnica | Laboratórios de Análises do Centro, Lda.\nTelemóvel: 936 214 000",
         "Laboratórios de Análises do Centro, Lda"),
    ],
)
def test_the_company_a_sentence_or_signature_names(text: str, company: str) -> None:
    assert parse_inquiry(text, HOME).company == company


def test_a_teachers_title_is_no_part_of_the_name() -> None:
    text = "Instagram DM\nMimi ni Ustaz Salim Bakari wa Pemba Quality Lab.\nWhatsApp 0754 216 000"
    assert parse_inquiry(text, HOME).customer_name == "Salim Bakari"


def test_a_shared_mailboxs_display_name_is_the_organisation_not_the_customer() -> None:
    text = ("From: Makmal Sawit <admin@makmalsawit.com.my>\nSubject: Enquiry\n\nKindly quote NMR analyser.\n"
            "Hj. Azman bin Ismail\nPengurus Makmal, Makmal Sawit Sdn Bhd, Klang")
    assert parse_inquiry(text, HOME).customer_name == "Azman bin Ismail"


def test_a_chat_message_signing_in_arabic_names_the_office() -> None:
    text = ("[25/03/2025, 13:07] +964 770 384 0000: نحتاج semi-auto chemistry analyzer\n"
            "[25/03/2025, 13:08] +964 770 384 0000: علي حسين - مكتب الرافدين للتجهيزات الطبية")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.company) == ("علي حسين", "مكتب الرافدين للتجهيزات الطبية")


def test_the_number_tagged_whatsapp_after_it_is_the_phone() -> None:
    text = "Dr. Ngozi Eze\nMedical Director, Crest Diagnostics Ltd\nTel: 0803 412 0000, 0909 218 0000 (WhatsApp)\nLagos"
    assert parse_inquiry(text, HOME).phone == "+2349092180000"


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Kwame Mensah: Please how much is your hematology analyzer? Delivered to Kumasi, Ghana\n"
         "Kwame Mensah: Our lab is Goodhope Medical Laboratory, Adum", "Goodhope Medical Laboratory"),
        ("Telegram\nDilshod Karimov (@dk_lab):\nAssalomu alaykum! Biz Samarqanddagi Sifat Test Laboratoriyasi MChJ. "
         "Bizga spektrofotometr kerak.", "Sifat Test Laboratoriyasi MChJ"),
        ("[16:22, 21.05.2024] +90 532 417 00 00: Merhaba, ben Emre Kaya, İzmir'deki Ege Su Analiz Laboratuvarı'ndan "
         "yazıyorum.", "Ege Su Analiz Laboratuvarı"),
        ("[08:05, 17/06/2024] +254 722 000 983: Habari, naitwa Peter Mwangi kutoka Nakuru County Referral Hospital "
         "lab.",
         "Nakuru County Referral Hospital"),
        ("同事转交：哥伦比亚的客户，要两台生物安全柜。\n"
         "客户：Dr. Andrés Castaño，Hospital Universitario San Rafael 检验科\n"
         "手机/WhatsApp：+57 310 529 0000", "Hospital Universitario San Rafael"),
        ("سلام. من مهندس رضا تهرانی هستم از شرکت آزمایشگاهی پارس آزما در تهران.\nشماره تماس: 0912 384 0000",
         "شرکت آزمایشگاهی پارس آزما"),
        ("[11:32, 02/09/2024] +221 77 548 00 00: Bonjour, je suis Aminata Diop, responsable du laboratoire de la "
         "Clinique Les Almadies à Dakar.", "Clinique Les Almadies"),
    ],
)
def test_the_organisation_the_writer_works_for(text: str, company: str) -> None:
    assert parse_inquiry(text, HOME).company == company


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("แบบฟอร์มติดต่อ (Website contact form)\nชื่อ: สมชาย วงศ์สวัสดิ์ (Somchai Wongsawat)\n"
         "บริษัท: บริษัท ไทยแล็บ ซัพพลาย จำกัด\nโทร: 081-736-0000", "Somchai Wongsawat"),
        ("同事转交：哈萨克斯坦的老客户。\n联系人：Ерлан Сапаров（Yerlan Saparov），EcoAnalytica Astana LLP 实验室主任\n"
         "WhatsApp：8 777 215 00 00", "Yerlan Saparov"),
        ("سلام. من مهندس رضا تهرانی هستم از شرکت آزمایشگاهی پارس آزما در تهران.", "رضا تهرانی"),
    ],
)
def test_a_name_given_in_two_scripts_is_recorded_in_latin_letters(text: str, name: str) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


@pytest.mark.parametrize(
    ("text", "email", "name"),
    [
        # the forwarder asks us to deal with the writer of the forwarded message
        ("From: Ерлан Касымов <e.kasymov@altynlab.kz>\nТема: FW: Запрос\n\nДобрый день! Пересылаю запрос нашего "
         "директора. Прошу связываться напрямую с ней — контакты ниже.\nЕрлан\n\n-----Пересланное сообщение-----\n"
         "От: Айгерим Жумабаева <a.zhumabaeva@altynlab.kz>\nТема: Запрос\n\nНужен XRF спектрометр.\n\n"
         "Айгерим Жумабаева\nДиректор лаборатории\nмоб.: +7 777 312 0000", "a.zhumabaeva@altynlab.kz",
         "Айгерим Жумабаева"),
        ("From: Lina Haddad <lina.haddad@jubio.jo>\nSubject: Fwd: freezer\n\nPlease see the request below from our "
         "director. Kindly send the quotation directly to Dr. Omar (he is the end user).\nBest regards,\nLina\n\n"
         "---------- Forwarded message ---------\nFrom: Dr. Omar Khalaf <o.khalaf@jubio.jo>\nSubject: freezer\n"
         "نحتاج فريزر -86 درجة\nMobile: 079 641 0000", "o.khalaf@jubio.jo", "Omar Khalaf"),
        # the contacts in their own paragraph after "para que la contactéis directamente:"
        ("De: Sergio Navarro <snavarro@labiberia.es>\n\nHola Lisa,\nTe paso los datos del usuario final para que la "
         "contactéis directamente:\n\nDra. Lucía Fernández Ortega\nHospital San Rafael de Salamanca\n"
         "lucia.fernandez@hsrs.es\nMóvil: 689 412 000\n\nUn saludo,\nSergio Navarro\nLab-Iberia S.L. | Madrid",
         "lucia.fernandez@hsrs.es", "Lucía Fernández Ortega"),
    ],
)
def test_contacts_handed_over_name_the_customer(text: str, email: str, name: str) -> None:
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.customer_name) == (email, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("From: Ahmad Faizal Ismail <faizal@sawitlab.com.my>\nSubject: titrator\n\nKindly quote.\n"
         "Hj. Ahmad Faizal bin Ismail\nLaboratory Manager", "Ahmad Faizal bin Ismail"),
        ("من: خالد المري <k.almarri@dohalabs.qa>\nالموضوع: طلب عرض سعر\n\nنرجو تزويدنا بعرض سعر.\nمع خالص التحية،\n"
         "م. خالد سعيد المري\nمدير المختبر", "خالد سعيد المري"),
        ("[18/02/2025, 10:42] +57 315 882 0000: Buenas tardes, les escribo de Agroanálisis del Llano en Villavicencio\n"
         "[18/02/2025, 10:50] +57 315 882 0000: Diana Marcela Gutiérrez, coordinadora de laboratorio",
         "Diana Marcela Gutiérrez"),
    ],
)
def test_the_name_as_written_in_full(text: str, name: str) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("[18/02/2025, 10:42] +57 315 882 0000: Buenas tardes, les escribo de Agroanálisis del Llano en Villavicencio",
         "Agroanálisis del Llano"),
        ("Od: Tereza Nováková <novakova@vodlabmorava.cz>\n\nDobrý den, prosíme o nabídku.\n\n"
         "S pozdravem\nMgr. Tereza Nováková\nvedoucí laboratoře\nVodárenská laboratoř Morava s.r.o.\n"
         "tel.: +420 602 418 000", "Vodárenská laboratoř Morava s.r.o."),
        ("Good afternoon. I am Fatima Saleh, QC engineer at Gulf Dairy Products Bahrain W.L.L. We want a milk "
         "analyzer.",
         "Gulf Dairy Products Bahrain W.L.L."),
        ("Pls send me price for lab freeze dryer, pilot scale about 10 kg per batch.\nCall me on +973 3612 0000", None),
    ],
)
def test_the_company_of_a_signature_or_a_sentence(text: str, company: str | None) -> None:
    assert parse_inquiry(text, HOME).company == company
