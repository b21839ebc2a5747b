"""Short everyday texts typed on phones: digits spaced one by one or in Persian script, the country told only by
an inflected city, a ccTLD or the language's own letters, first names signed beside the number, chat headers."""

from __future__ import annotations

import pytest

from bot.rules.intake import OwnSide, parse_inquiry
from bot.rules.languages import guess_language
from bot.rules.places import city_mentions

HOME = OwnSide.build(domains=["acme-instruments.cn"], phones=["+86 755 2666 0000"], home_country="CN",
                     names=["王磊", "Wang Lei"])


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # Turkish told by its dotless ı and ğ, the city with its case ending glued on in lower case
        ("selam, izmirden yazıyorum, terazi fiyatı öğrenebilir miyim\nMurat 0 542 318 90 27", "+905423189027"),
        # Polish told by ł/ś/ż, the city in the locative
        ("cześć, szukamy wagi dla piekarni w Krakowie\ntel 6 0 1 2 3 4 5 6 7", "+48601234567"),
        # Persian digits and the Persian spelling of Dubai
        ("سلام، قیمت ترازو چنده؟ در دبی هستیم\nمهدی ۰۵۰ ۴۴۱ ۲۲۳۳", "+971504412233"),
        # a Thai message about a plant in Hanoi: the number is Vietnamese, never Thai
        ("สวัสดีครับ ขอราคาเครื่องชั่ง ส่งไปที่โรงงานในฮานอย\nโทร 0912 345 678", "+84912345678"),
        # a Japanese message from an office in Bangkok
        ("お世話になります。バンコク事務所の佐藤です。\n佐藤 / 02-123 4567", "+6621234567"),
        # colloquial Indonesian with a labelled national number
        ("kak ada timbangan digital? utk toko kue\nWA 0812 4455 6677 - Dewi", "+6281244556677"),
        # a bare Spanish mobile typed digit by digit on its own line
        ("Buenas, necesitamos una balanza para nuestra quesería\n6 5 4 3 2 1 0 9 8", "+34654321098"),
        # a French mobile on the signature line, the town too small for any table
        ("Bonjour, je cherche une balance pour ma boulangerie.\nJulie Bernard 06 12 44 87 90", "+33612448790"),
    ],
)
def test_a_national_number_reads_in_the_country_the_text_tells(text: str, phone: str) -> None:
    assert parse_inquiry(text, HOME).phone == phone


def test_a_date_alone_on_a_line_is_no_phone() -> None:
    text = "Buenas, necesitamos una balanza\npedido del 2026-11-04 10:30"
    assert parse_inquiry(text, HOME).phone is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("fiyat alabilir mıyım ağabey", "tr"),
        ("macie wagę? szkoła", "pl"),
        ("cho mình hỏi giá cân điện tử", "vi"),
        ("kak ada stok? utk besok", "id"),
        ("Dear sir, please send the price list. Regards, Łukasz Wiśniewski", "en"),
    ],
)
def test_a_short_text_tells_its_language_by_its_own_letters(text: str, language: str) -> None:
    assert guess_language(text) == language


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Konya'dan yazıyorum", "TR"),
        ("firma z siedzibą w Poznaniu", "PL"),
        ("ส่งไปที่กรุงเทพ", "TH"),
        ("ジャカルタ工場", "ID"),
        ("via Coastline Freight Mombasa", "KE"),
    ],
)
def test_a_city_is_found_in_its_inflected_or_foreign_script_forms(text: str, country: str) -> None:
    assert [c for _, c in city_mentions(text)] == [country]


def test_a_lower_case_city_without_an_ending_is_no_place() -> None:
    assert city_mentions("please check the konya model") == []


def test_a_referrer_s_number_after_name_and_town_is_in_passing() -> None:
    text = ("Hola, me dio su número el ing. Mario Ruiz de Cusco (984 221 305) para cotizar.\n"
            "Necesito una estufa, soy Ana Quispe\ncel 951 330 478")
    assert parse_inquiry(text, HOME).phone == "+51951330478"


def test_a_customs_house_agent_s_number_is_not_the_buyer_s() -> None:
    text = ("sir pls quote 4 water baths\ndeliver via our CHA Chennai - Bright Movers Mr Iyer 98400 12345\n"
            "I am Karthik from Coimbatore, 9 4 4 3 1 2 7 6 5 0")
    assert parse_inquiry(text, HOME).phone == "+919443127650"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a first name on the number's line, before or after it, with or without a label
        ("merhaba, terazi fiyatı alabilir miyim?\nEmre 0 543 221 67 90", "Emre"),
        ("нужен дистиллятор, Самара\nтел 8-927-301-44-55 Андрей", "Андрей"),
        ("kak ada timbangan digital? utk toko kue\nWA 0812 4455 6677 - Dewi", "Dewi"),
        ("chào shop, báo giá cân phân tích giúp em\nsđt 0912 345 678 (Linh)", "Linh"),
        ("مرحبا، بدي سعر ميزان\nسامر ٠٧٨ ٥٥٥ ١٢٣٤", "سامر"),
        # a first name alone on the line above the number, or "name, town" below it
        ("hello, need 2 hot plates for our lab in Kharkiv\nDmytro\n+380 50 412 7788", "Dmytro"),
        ("how much for ur glucometer strips?\ncall me 0 8 0 6 4 4 1 2 9 8 7\nemeka, lagos", "emeka"),
        # a chat export with a one-word speaker, a platform's lead line
        ("[08:15, 12/03/2027] Vale: hola! precio de una balanza?\n[08:16, 12/03/2027] Vale: estoy en Córdoba", "Vale"),
        ("Facebook Messenger – Agnieszka Nowak:\ncześć, macie wagi? 5 szt.", "Agnieszka Nowak"),
        # "ask for X", "my name x", a closing before a lower-case name
        ("Buenas, somos una bodega en Mendoza, necesitamos un refractómetro\npreguntar por Julián", "Julián"),
        ("salam, need price for 3 ovens. my name tariq, deliver to Muscat", "tariq"),
        ("buongiorno, vorrei un preventivo per una bilancia\ncordialità, anna rossi", None),
        ("buongiorno, vorrei un preventivo per una bilancia\nsaluti, anna rossi", "anna rossi"),
        # Korean and Japanese self-introductions
        ("안녕하세요, 저울 가격 문의드립니다. 김민수 과장입니다", "김민수"),
        ("見積もりをお願いします。大阪支店の佐藤です。", "佐藤"),
    ],
)
def test_a_name_typed_casually_is_found(text: str, name: str | None) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


@pytest.mark.parametrize(
    "text",
    [
        "need 4 burettes pls\nAutoclave\n0 8 0 6 4 4 1 2 9 8 7",  # a product above the number
        "Hola, necesitamos una balanza\nMedellín\n300 555 1234",  # a city above the number
        "WhatsApp\n+57 300 555 1234",  # the platform's name
        "hi\nThanks 0 7 1 1 2 2 3 3 4 4",  # a closing beside the number
        "for shipping talk to our agent Blue Line Cargo 0 7 3 3 1 2 6 8 4 5",  # a sentence with a number
        "precio balanza, Bogotá\nUrgente 300 555 1234",  # an everyday word beside the number
        "нужны весы, Москва\nСпасибо! 8 916 123 45 67",  # the lower-case body above is no "name, town"
        "Hi, need scale for Jeddah\nKindly call 055 123 4567",
        "bonjour, balance pour Dakar\nMerci d'avance\n77 123 45 67",
        "need scale, Lagos\nOffice 01 234 5678\nMobile 0803 555 1234",
    ],
)
def test_words_beside_a_number_that_name_nobody(text: str) -> None:
    assert parse_inquiry(text, HOME).customer_name is None


def test_a_closing_word_before_the_signed_name_is_dropped() -> None:
    text = "Hallo, brauche eine Feinwaage, Lieferung nach Bremen?\nGrüße Jan Vogt\n0151 2233 4455"
    assert parse_inquiry(text, HOME).customer_name == "Jan Vogt"


def test_the_firm_after_an_introduced_first_name_is_the_company() -> None:
    text = "oi, aqui é a Carla da Farmácia Boa Vida, Londrina\nvcs tem balança de precisão?\nmeu zap 43 9 9912-3344"
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.company) == ("Carla", "Farmácia Boa Vida")


def test_a_surname_with_a_particle_stays_whole() -> None:
    text = "Bom dia, aqui é a Carla da Silva, preciso de uma balança.\nmeu zap 43 9 9912-3344"
    assert parse_inquiry(text, HOME).customer_name == "Carla da Silva"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("wa dari pelanggan 👇\nkak, harga timbangan berapa?", "whatsapp"),
        ("WA:\nhello need 2 ovens", "whatsapp"),
        ("wtsp\nbonjour, prix de la balance svp", "whatsapp"),
        ("واتساپ\nسلام، قیمت ترازو چنده؟", "whatsapp"),
        ("oi, quanto custa a balança?\nchama no zap 11 9 8765 4321", "whatsapp"),
        ("IG DM @padaria.sol\noi, vcs tem balança?", "instagram"),
        ("FB\nhi, price of the scale?", "facebook"),
        ("mail from customer:\nhi, pls quote 2 burettes", "email"),
        ("Subject: balance quote\nHi, kindly quote 1 balance.", "email"),
        ("件名：見積依頼\n天秤の見積りをお願いします。", "email"),
        # a pasted mail chain: WeChat in our quoted signature is no source
        ("From: Jan Vogt <jan@vogt-labor.de>\nbitte Proforma schicken.\n\nAm 03.03.2027 schrieb Wang Lei "
         "<wanglei@acme-instruments.cn>:\n> Offer attached. Wang Lei, Mob/WeChat +86 139 0000 1111", "email"),
        # our colleague's note that names no channel
        ("Wang Lei: met him at the Nairobi lab expo, wants 3 balances\nJohn Mwangi, john@mwangilabs.co.ke",
         "colleague"),
        # a long first line is the customer's own words, not the specialist's lead
        ("I saw your post, can I have the price in my mail or whatsapp later?\nthanks", "whatsapp"),
    ],
)
def test_the_channel_is_read_from_a_hurried_lead_line(text: str, source: str) -> None:
    assert parse_inquiry(text, HOME).source == source


def test_a_lead_line_that_names_a_website_is_not_a_mail() -> None:
    assert parse_inquiry("Письмо с сайта\nНужны весы, 2 шт", HOME).source == "website"


def test_a_weight_in_kg_is_no_legal_form() -> None:
    text = "wa\nsalam, bghit tamane dial mizan 60kg, ana f Rabat\nKarim 0661 23 45 67"
    parsed = parse_inquiry(text, HOME)
    assert (parsed.company, parsed.customer_name, parsed.phone) == (None, "Karim", "+212661234567")


def test_digits_valid_only_in_china_are_no_phone_when_the_text_names_another_country() -> None:
    assert parse_inquiry("Kenya\n139 1234 5678", HOME).phone is None
    assert parse_inquiry("hi\n139 1234 5678", HOME).phone == "+8613912345678"  # nothing says where: home


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # one line: the body, a full stop, then the name signed before the number
        ("Dobry wieczór, potrzebuję wagi do sklepu, wysyłka do Gdańska. Tomasz 601 223 344", "Tomasz"),
        ("Здравствуйте, нужен влагомер для зерна, доставка в Омск. Игорь, 8 913 555 12 34", "Игорь"),
        ("need a price for a pH pen please, shop in Mombasa. Wanjiru 0722 345 678", "Wanjiru"),
        # the name signed right after the number, in brackets
        ("Hi, price of a water tester for our farm in Kisumu? WA 0733 112 233 (Achieng). Thanks", "Achieng"),
    ],
)
def test_a_name_signed_as_its_own_sentence_beside_the_number(text: str, name: str) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


@pytest.mark.parametrize(
    "text",
    [
        "Need a quote for a moisture meter, call me at 0722 345 678 thanks",  # a sentence around the number
        "Hello, price for a balance? Nairobi. 0722 345 678",  # a place, not a name
    ],
)
def test_a_sentence_or_a_place_beside_the_number_signs_no_name(text: str) -> None:
    assert parse_inquiry(text, HOME).customer_name is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("转发自Telegram\n\nDmitri:\nhello, do you have a viscometer in stock?", "Dmitri"),
        ("WA客户\n\nFatima: Salam, what is the price of the pH meter?", "Fatima"),
        ("Viber, @nurlan_kz\n\nНурлан: Добрый день, сколько стоит анализатор?", "Нурлан"),
    ],
)
def test_a_forwarded_chats_first_speaker_after_the_forwarders_note(text: str, name: str) -> None:
    assert parse_inquiry(text, HOME).customer_name == name


def test_without_a_note_naming_the_chat_a_word_and_colon_is_a_label() -> None:
    parsed = parse_inquiry("Website form\n\nMessage: we need a balance for our lab in Accra", HOME)
    assert parsed.customer_name is None


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # a mobile dialled with its trunk prefix inside a sentence, the country only from the language's script
        ("สวัสดีครับ อยากได้ราคาเครื่องชั่งครับ โทรหาผมที่ 089 765 4321 นะครับ", "+66897654321"),
        ("سلام، قیمت دستگاه پی اچ متر رو میخواستم، با من تماس بگیرید 0935 221 4408 ممنون", "+989352214408"),
        ("Сәлеметсіз бе, бізге таразы керек. Маған 8 701 334 55 12 нөміріне қоңырау шалыңыз", "+77013345512"),
    ],
)
def test_a_trunk_prefixed_mobile_in_a_sentence_reads_in_the_one_country_of_its_language(text: str, phone: str) -> None:
    assert parse_inquiry(text, HOME).phone == phone


def test_an_order_number_in_a_sentence_is_no_phone() -> None:
    # Thai again, but "0 123 456" reads as no Thai mobile: an order number stays an order number.
    parsed = parse_inquiry("สวัสดีครับ สั่งซื้อเลขที่ 0123456 ขอใบเสนอราคาด้วยครับ", HOME)
    assert parsed.phone is None


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("نريد عرض سعر لميزان حساس مع الشحن للرياض", "SA"),  # ل + الرياض is written للرياض
        ("نحتاج جهاز قياس الرطوبة وسيتم التسليم فللقاهرة", "EG"),
    ],
)
def test_an_arabic_city_after_the_preposition_li_is_still_the_city(text: str, country: str) -> None:
    assert [code for _at, code in city_mentions(text)] == [country]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("آزمایشگاه ما در شیراز است", "IR"),  # Persian spelling (Persian yeh), not the Arabic one
        ("Мекенжай: Қарағанды, Бұқар жырау көшесі 12", "KZ"),  # Kazakh spelling (Kazakh letters)
        ("ร้านของเราอยู่ที่ขอนแก่น", "TH"),  # Thai spelling of Khon Kaen
    ],
)
def test_a_city_in_its_own_countrys_spelling_gives_the_country(text: str, country: str) -> None:
    assert [code for _at, code in city_mentions(text)] == [country]
