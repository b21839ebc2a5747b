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
