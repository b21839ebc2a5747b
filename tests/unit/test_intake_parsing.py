"""The pieces of intake parsing: emails, phones, region tags, sources, names, companies, products."""

from __future__ import annotations

import dataclasses

import pytest

from bot.rules.intake import SOURCES, ParsedInquiry, normalise_email, normalise_phone, parse_inquiry
from bot.rules.phones import country_of_phone, find_phone


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Maria@Empresa.com.BR", "maria@empresa.com.br"),
        ("  maria@empresa.com.br  ", "maria@empresa.com.br"),
        ("<maria@empresa.com.br>", "maria@empresa.com.br"),
        ("mailto:Sales@Acme.co.uk", "sales@acme.co.uk"),
        ("o'brien+rfq@lab.ie.", "o'brien+rfq@lab.ie"),
        ("not an email", None),
        ("maria@", None),
        ("@empresa.com.br", None),
        ("maria@empresa", None),
        ("", None),
    ],
)
def test_normalise_email(raw: str, expected: str | None) -> None:
    assert normalise_email(raw) == expected


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        ("+55 (11) 98765-4321", None, "+5511987654321"),
        ("0055 11 98765 4321", None, "+5511987654321"),
        ("55 11 98765 4321", None, "+5511987654321"),  # international without "+"
        ("5491123456789", None, "+5491123456789"),
        ("+7 495 123-45-67", None, "+74951234567"),
        ("+7 701 234 5678", None, "+77012345678"),  # +7 7xx is Kazakhstan
        ("+971-50-123-4567", None, "+971501234567"),
        ("+86 138 0013 8000", None, "+8613800138000"),
        ("+44 20 7946 0958", None, "+442079460958"),
        ("+1 (614) 555-0172", None, "+16145550172"),
        ("(11) 98765-4321", "BR", "+5511987654321"),
        ("8 (495) 123-45-67", "RU", "+74951234567"),
        ("477 123 4567", "MX", "+524771234567"),
        ("01001234567", "EG", "+201001234567"),
        ("5491123456789", "BR", "+5491123456789"),  # not Brazilian, but valid as international
        ("(11) 98765-4321", None, None),  # a local number needs its country
        ("8 (495) 123-45-67", None, None),  # a trunk prefix "8" is no country code (not Vietnam +84)
        ("+55 11 1234", None, None),  # too short
        ("+1 000 000 0000", None, None),  # invalid
        ("12345", None, None),
        ("phone", None, None),
    ],
)
def test_normalise_phone(raw: str, region: str | None, expected: str | None) -> None:
    assert normalise_phone(raw, region) == expected


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        ("call me: +55 (11) 98765-4321 after 5pm", None, "+5511987654321"),
        ("Tel: 0055 11 98765 4321", None, "+5511987654321"),
        ("Tel:0055 11 98765 4321", None, "+5511987654321"),
        ("WhatsApp: 55 11 98765-4321", None, "+5511987654321"),
        ("WA 971501234567", None, "+971501234567"),
        ("Тел.: 8 (495) 123-45-67", "RU", "+74951234567"),
        ("手机：+86 138 0013 8000", None, "+8613800138000"),
        ("电话 13800138000", "CN", "+8613800138000"),
        ("Mobile (WhatsApp): +52 55 1234 5678", None, "+525512345678"),
        ("first +971 50 123 4567 then +966 50 123 4567", None, "+971501234567"),  # the first one
        ("Order 2024031500123, qty 100, at 10:00 55 units", None, None),  # digits that are no phone
        ("Invoice INV0012025550143", None, None),  # "00" inside a reference is not a prefix
        ("Call 98765-4321", None, None),  # no label, no country
    ],
)
def test_find_phone(text: str, region: str | None, expected: str | None) -> None:
    assert find_phone(text, region) == expected


@pytest.mark.parametrize(
    ("e164", "expected"),
    [("+5511987654321", "BR"), ("+77012345678", "KZ"), ("+74951234567", "RU"), ("+16145550172", "US"),
     ("+442079460958", "GB"), ("not a number", None)],
)
def test_country_of_phone(e164: str, expected: str | None) -> None:
    assert country_of_phone(e164) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#latam new inquiry", "latam"),
        ("new inquiry #LatAm", "latam"),
        ("region: mena", "mena"),
        ("Region = Europe", "europe"),
        ("区域: cis", "cis"),
        ("区域：CIS", "cis"),
        ("регион: cis", "cis"),
        ("#instruments are great\nregion: latam", "latam"),  # the label beats a hashtag
        ("Country/Region: Peru", None),  # Alibaba's field is not a tag
        ("see <#C0123|general>", None),  # a Slack channel link
        ("it&#39;s fine", None),  # an HTML entity
        ("https://acme.com/page.html#contact", None),
        ("we are #1 supplier", None),
        ("no tag here", None),
    ],
)
def test_region_tag(text: str, expected: str | None) -> None:
    assert parse_inquiry(text).region_tag == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Source: Email\nPlease quote.", "email"),
        ("来源：官网", "website"),
        ("来源：同事", "colleague"),
        ("Fuente: sitio web", "website"),
        ("Источник: WhatsApp", "whatsapp"),
        ("Source: LinkedIn\nFound us on the website", "linkedin"),  # the label beats keywords
        ("同事转交，阿里巴巴询盘", "colleague"),  # an explicit hand-over note wins
        ("Inquiry forwarded by a colleague from Trade 2, originally via WhatsApp", "colleague"),
        ("Website chat: visitor asks for price", "website_chat"),
        ("在线咨询：客户问价格", "website_chat"),
        ("TradeManager message via Alibaba", "trademanager"),
        ("贸易通消息", "trademanager"),
        ("TM询盘", "trademanager"),
        ("FB客户", "facebook"),
        ("阿里巴巴询盘", "alibaba"),
        ("Alibaba inquiry, customer asks to add WhatsApp", "alibaba"),
        ("领英客户", "linkedin"),
        ("Facebook page message", "facebook"),
        ("FB inquiry", "facebook"),
        ("Twitter DM", "twitter"),
        ("推特私信", "twitter"),
        ("Found us via X", "twitter"),
        ("WeChat contact", "wechat"),
        ("微信客户", "wechat"),
        ("WhatsApp chat", "whatsapp"),
        ("واتساب", "whatsapp"),
        ("I saw your website, please call me on WhatsApp", "whatsapp"),  # messenger before website
        ("英文官网询盘", "website"),
        ("Vi no site de vocês", "website"),
        ("邮件询盘", "email"),
        ("Inquiry by email", "email"),
        ("From: a@b.com\nSubject: quote\nHello", "email"),  # a pasted email's headers
        ("Email: a@b.com\nPlease quote", None),  # a contact field is not a source
        ("客户电子邮件：a@b.com", None),
        ("WhatsApp: +971 50 123 4567\nPlease quote", "whatsapp"),  # ...unless nothing else names one
        ("My colleague visited your booth; please send a quote", None),  # the customer's colleague
        ("X-ray fluorescence analyser, via x-ray tube", None),
        ("TM-200 thermometer", None),  # a model number, not TradeManager
        ("Please quote", None),
    ],
)
def test_source(text: str, expected: str | None) -> None:
    source = parse_inquiry(text).source
    assert source == expected
    assert source is None or source in SOURCES


@pytest.mark.parametrize(
    ("text", "name", "company"),
    [
        ("Name: John Smith\nCompany: ACME Ltd", "John Smith", "ACME Ltd"),
        ("姓名：王小明\n公司：上海仪器有限公司", "王小明", "上海仪器有限公司"),
        ("联系人: Ali Hassan\n客户公司: Gulf Lab", "Ali Hassan", "Gulf Lab"),
        ("Nombre: Ana Ruiz\nEmpresa: Laboratorio Ruiz", "Ana Ruiz", "Laboratorio Ruiz"),
        ("Nome: João Silva\nEmpresa: Silva & Filhos", "João Silva", "Silva & Filhos"),
        ("Имя: Иван Петров\nКомпания: ООО «Лаб»", "Иван Петров", "ООО «Лаб»"),
        ("Nom : M. Pierre Martin\nSociété : Martin SA", "Pierre Martin", "Martin SA"),
        ("From: \"Maria Silva\" <maria@empresa.com.br>", "Maria Silva", None),
        ("From: notifications@alibaba.com\nName: Sara Lee", "Sara Lee", None),  # an address is no name
        ("Contact: +55 11 98765 4321", None, None),  # a phone in the name field
        ("Best regards,\nJohn Smith\nACME Ltd", "John Smith", "ACME Ltd"),
        ("Kind regards, Jane Doe\nSales Manager\nDoe Trading LLC", "Jane Doe", "Doe Trading LLC"),
        ("Regards,\nPurchasing Manager\nACME Inc.", None, "ACME Inc."),  # a title is not a name
        ("С уважением,\nАнна Кузнецова\nООО «Аналит»", "Анна Кузнецова", "ООО «Аналит»"),
        ("Atenciosamente,\nPaulo Rocha\nRocha Instrumentos Ltda", "Paulo Rocha", "Rocha Instrumentos Ltda"),
        ("Best regards,\nJohn Smith\nSales department", "John Smith", None),  # no company suffix: unsure
        ("My name is Peter Green and we need a quote", "Peter Green", None),
        ("Hola, soy Lucía Fernández de Montevideo", "Lucía Fernández", None),
        ("Soy Martín Gómez", "Martín Gómez", None),
        ("Quote for Soy Milk Analyzer SMA-2", None, None),  # "soy" the bean, not Spanish "I am"
        ("Меня зовут Олег Соколов, нужна цена", "Олег Соколов", None),
        ("Please quote 10 meters", None, None),
    ],
)
def test_customer_name_and_company(text: str, name: str | None, company: str | None) -> None:
    parsed = parse_inquiry(text)
    assert (parsed.customer_name, parsed.company) == (name, company)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Product: Digital Multimeter DM-200", "Digital Multimeter DM-200"),
        ("产品：超声波流量计", "超声波流量计"),
        ("Producto: Balanza analítica.", "Balanza analítica"),
        ("Produto: Turbidímetro", "Turbidímetro"),
        ("Товар: титратор", "титратор"),
        ("المنتج: جهاز الطرد المركزي", "جهاز الطرد المركزي"),
        ("We are interested in your pH meters for our lab.", "pH meters"),
        ("Estamos interesados en sus balanzas para laboratorio", "balanzas"),
        ("Somos interessados em medidores de oxigênio, e gostaríamos", "medidores de oxigênio"),
        ("Nous sommes intéressés par vos étuves.", "étuves"),
        ("Нас интересуют газоанализаторы.", "газоанализаторы"),
        ("客户对贵司的粘度计很感兴趣", "粘度计"),
        ("Please send your catalogue", None),
    ],
)
def test_product(text: str, expected: str | None) -> None:
    assert parse_inquiry(text).product == expected


def test_text_is_kept_verbatim() -> None:
    text = "  Name: José\r\n\tEmail: JOSE@Empresa.com.br  \n\n#LatAm  "
    parsed = parse_inquiry(text)
    assert parsed.text == text
    assert parsed.email == "jose@empresa.com.br"


def test_platform_sender_addresses_are_skipped() -> None:
    parsed = parse_inquiry("From: Alibaba.com <noreply@service.alibaba.com>\nEmail: buyer@firma.de")
    assert parsed.email == "buyer@firma.de"
    assert parsed.email_country == "DE"


def test_parsed_inquiry_is_frozen() -> None:
    parsed = parse_inquiry("hello")
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.email = "x@y.z"  # type: ignore[misc]
    assert isinstance(parsed, ParsedInquiry)


def test_sources_are_the_spec_list() -> None:
    assert set(SOURCES) == {
        "alibaba", "trademanager", "website", "email", "website_chat", "whatsapp", "wechat", "facebook",
        "linkedin", "twitter", "colleague", "instagram", "made_in_china", "global_sources", "other",
    }
