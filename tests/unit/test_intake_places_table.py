"""The GeoNames city table behind the hand one (bot/rules/city_table.py, data/cities.tsv): a smaller city tells
the country and so how a national number reads; collisions with words, other countries' towns and people's
names are refused; the hand table's decisions stand. Example texts are invented."""

from __future__ import annotations

from importlib.resources import files

import pytest

from bot.rules.city_table import name_key
from bot.rules.countries import find_country_in_text
from bot.rules.intake import parse_inquiry
from bot.rules.places import _CITIES, city_mentions


def countries(text: str) -> list[str]:
    return [code for _at, code in city_mentions(text)]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Good day, our water lab is in Kakamega and needs two turbidity meters.", "KE"),
        ("Somos um laboratório de análises em Guarulhos, precisamos de um pHmetro.", "BR"),
        ("Лаборатория в Новокузнецке, нужен спектрофотометр.", "RU"),
        ("Поставка в Иваново, склад на ул. Лежневской.", "RU"),
        ("We run a cocoa testing lab in Obuasi.", "GH"),
        ("Distribuidora de equipos en Machala, Ecuador", "EC"),
        ("Ship to Ogbomosho, Oyo State", "NG"),
        ("Our plant near Ostrava needs a moisture analyser.", "CZ"),
    ],
)
def test_a_city_only_in_the_table_gives_its_country(text: str, country: str) -> None:
    assert find_country_in_text(text) == country


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Hello, we are a small water lab in Kakamega. Please quote 2 turbidity meters.\nCall me: 0712 345 678\n"
         "Grace Wanjiru", "+254712345678"),
        ("Bom dia, nosso laboratório fica em Guarulhos. Preciso de um orçamento.\nTel: (11) 98765-4321",
         "+5511987654321"),
        ("Здравствуйте, наша лаборатория в Новокузнецке. Нужен pH-метр.\nТел.: 8 (3843) 74-55-21", "+73843745521"),
        ("Buenos días, nuestro laboratorio está en Machala. Necesitamos una cotización.\nCel: 099 123 4567",
         "+593991234567"),
    ],
)
def test_its_country_reads_a_national_number(text: str, phone: str) -> None:
    assert parse_inquiry(text).phone == phone


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Wir sitzen in Göteborg und brauchen zwei Leitfähigkeitsmesser.", "SE"),  # GeoNames: "Gothenburg"
        ("Vi holder til i København og mangler et pH-meter.", "DK"),  # "Copenhagen"
        ("Laboratoř v Plzeň potřebuje nový spektrofotometr.", "CZ"),  # "Pilsen"
        ("Laboratorium, ul. Długa 4, 58-300 Wałbrzych", "PL"),  # ł keeps its stroke when folded
        ("Our water lab is in Bacolod, please quote two pH meters.", "PH"),  # GeoNames: "Bacolod City"
        ("Trabajamos en Tuxtla Gutiérrez, Chiapas.", "MX"),
    ],
)
def test_a_city_written_in_its_own_language_gives_its_country(text: str, country: str) -> None:
    assert find_country_in_text(text) == country


@pytest.mark.parametrize(
    "text",
    [
        "Söder om tullen ligger vårt lager.",  # "south"; a part of Södermalm's name, not its name
        "Biała farba, dwa litry.",  # "white"; a part of Bielsko-Biała's
        "Nuss und Mandel sind Allergene.",  # "Nüss", Neuss in its dialect, folds to a German word
    ],
)
def test_a_local_spelling_that_is_a_word_or_a_part_of_a_name_is_no_city(text: str) -> None:
    assert city_mentions(text) == []


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Guten Tag,\nwir sitzen in Göteborg und brauchen zwei Leitfähigkeitsmesser.\nTel. 031-711 42 90\nLars Berg",
         "+46317114290"),
        ("Dzień dobry, laboratorium, 58-300 Wałbrzych. Prosimy o ofertę na dwa pH-metry.\nTel. 74 842 19 30",
         "+48748421930"),
        ("Hello, our water lab is in Bacolod. Please quote two pH meters.\nMobile: 0917 482 3316",
         "+639174823316"),
    ],
)
def test_a_local_spelling_reads_a_national_number(text: str, phone: str) -> None:
    assert parse_inquiry(text).phone == phone


@pytest.mark.parametrize(
    "text",
    [
        "Split the order into two shipments, please.",  # Split, Croatia
        "Mobile: 0712 345 678",  # Mobile, Alabama
        "Police and customs need the certificate of origin.",  # Police, Poland
        "Best regards, Tom",  # Best, the Netherlands
        "Van delivery is fine for us.",  # Van, Turkey
        "Business Bay office, second floor",  # every word an English word
    ],
)
def test_a_common_word_at_a_sentence_start_is_no_city(text: str) -> None:
    assert city_mentions(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Our plant is in Mérida.",  # Mexico and Venezuela, both large
        "We are based in León.",  # Mexico, Spain, Nicaragua
        "Deliver to Durango, please.",
    ],
)
def test_a_name_shared_by_cities_of_similar_size_says_nothing(text: str) -> None:
    assert city_mentions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please contact Ahmed Sokoto about the order.", []),  # Sokoto, Nigeria
        ("Regards,\nMarcos Limeira\nPurchasing", []),  # Limeira, Brazil
        ("Ana Kakamega called yesterday.", []),
        ("Matsumoto-san will send the drawings.", []),  # Japanese towns are Japanese surnames
        ("Mrs Chanda asked for the manual.", []),  # a Zambian surname, an Indian town's other name
        ("Samba share for the lab PCs", []),  # Samba, Angola
        ("Менеджер: Королёва", []),  # a woman's surname, not a case of Королёв
        ("Передайте Ивановой, пожалуйста", []),  # nor of Иваново
        ("С уважением, Жуковский", []),  # Russian adjective names (surnames, districts) are left out
        ("أنا لينا من المختبر", []),  # "لينا" (Lina) is no "ل" + "ينا" (Jena)
        ("ارسل العرض على بريده", []),  # "his mail", not Buraidah's dotless spelling
        ("المدينة: جدة", ["SA"]),  # "the city" is a label (and an Iraqi town's name), Jeddah the city
    ],
)
def test_a_persons_name_or_a_word_equal_to_a_city_is_no_place(text: str, expected: list[str]) -> None:
    assert countries(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Niko Nakuru, tunahitaji mita mbili za pH.", ["KE"]),  # "I am in Nakuru": no given name before it
        ("Tuko Mombasa karibu na bandari.", ["KE"]),
        ("Nipo Arusha wiki hii.", ["TZ"]),
        ("Grace Nakuru called about the order.", []),  # a capitalised word that can be a name still guards
    ],
)
def test_a_swahili_verb_before_a_city_is_no_given_name(text: str, expected: list[str]) -> None:
    assert countries(text) == expected


def test_a_swahili_text_with_a_city_reads_a_kenyan_number() -> None:
    text = "Habari,\nNiko Kisumu, tunahitaji mita ya pH kwa maabara yetu.\nSimu: 0722 481 306"
    assert parse_inquiry(text).phone == "+254722481306"


def test_a_city_inside_a_company_or_road_name_is_no_place() -> None:
    assert countries("Frigorífico Limeira Ltda.") == []
    assert countries("21-km Ferozepur Road, Lahore") == ["PK"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We are in Alexandria.", []),  # left out of the hand table on purpose (Egypt, Virginia)
        ("Jorge Mendoza, Buenos Aires", ["AR"]),  # "Mendoza" only as "Mendoza, Argentina"
        ("Office in Santiago", ["CL"]),
        ("وصلنا من ناحية الاسكندرية", ["EG"]),  # the hand's Alexandria, not an Iraqi subdistrict's name around it
    ],
)
def test_the_hand_table_decides_its_names(text: str, expected: list[str]) -> None:
    assert countries(text) == expected


def test_no_hand_table_name_is_in_the_data_file_for_another_country() -> None:
    """The generator leaves the hand table's names out; the loader skips them too, should the two drift."""
    hand = {name_key(n): code for code, names in _CITIES.items() for n in names.split("|")}
    data = files("bot.rules").joinpath("data/cities.tsv").read_text(encoding="utf-8")
    clashes = [(n, code, hand[name_key(n)]) for line in data.splitlines() for code, _, names in [line.partition("\t")]
               for n in names.split("|") if name_key(n) in hand and hand[name_key(n)] != code]
    assert clashes == []


def test_the_data_file_is_small_and_in_real_scripts() -> None:
    data = files("bot.rules").joinpath("data/cities.tsv").read_text(encoding="utf-8")
    assert len(data.encode()) < 1_500_000
    names = [n for line in data.splitlines() for n in line.partition("\t")[2].split("|")]
    assert len(names) > 10_000
    assert all(n[0].isupper() for n in names if n.isascii())
    assert not any(any("\u4e00" <= c <= "\u9fff" for c in n) for n in names)  # Han: Chinese place names everywhere


@pytest.mark.parametrize(
    "text",
    [
        # a surname signing the message is no address, even when a town of that name exists
        "Bom dia, por favor enviar cotação de 4 bombas centrífugas.\nAtenciosamente\nMetz\n+55 11 98765-4321",
        "Thanks,\nVaughan\n+254 712 345678",
        # a word of the language that is also a town's name
        "Buenas tardes, somos Delicias del Norte, panificadora. Solicitamos cotización de 2 hornos. Saludos, Ana",
    ],
)
def test_a_table_city_needs_a_cue_before_it(text: str) -> None:
    assert not any(code in {"FR", "CA", "CO", "ES", "MX"} for _, code in city_mentions(text))
