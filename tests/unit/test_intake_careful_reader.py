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
