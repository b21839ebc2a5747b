"""Country names in free text (many languages, few false positives) and the country of an email domain."""

from __future__ import annotations

import pytest

from bot.rules.countries import country_of_email_domain, find_country_in_text, iso_countries


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # US states are the United States, never Mexico or Jersey
        ("New Mexico and New Jersey offices", "US"),
        ("State: Kentucky", "US"),
        # English, any case, on word boundaries
        ("We are a distributor in the United States.", "US"),
        ("shipping to united kingdom", "GB"),
        ("Our plant is in Saudi Arabia", "SA"),
        ("We are located in Brazil", "BR"),
        ("Hong Kong SAR China", "HK"),
        ("Papua New Guinea", "PG"),  # the longest name wins over "Guinea"
        ("Guinea-Bissau", "GW"),
        ("Equatorial Guinea", "GQ"),
        ("South Sudan", "SS"),
        ("Democratic Republic of the Congo", "CD"),
        ("Republic of the Congo", "CG"),
        ("Bosnia & Herzegovina", "BA"),
        ("Bosnia and Herzegovina", "BA"),
        ("Côte d’Ivoire", "CI"),
        ("Cote d'Ivoire", "CI"),
        ("Korea, Republic of", "KR"),
        ("Korea", "KR"),
        ("El Salvador", "SV"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("Dubai, U.A.E.", "AE"),
        ("Abu Dhabi", "AE"),
        # abbreviations, case-sensitive
        ("Do you ship to the USA?", "US"),
        ("We are in the UK", "GB"),
        ("UAE based company", "AE"),
        ("KSA", "SA"),
        ("Envío a EE.UU.", "US"),
        ("Somos da EUA", "US"),
        # other languages
        ("Somos uma empresa do Brasil", "BR"),
        ("Estamos en México", "MX"),
        ("Estamos en Mexico", "MX"),
        ("Laboratorio en Lima, Perú", "PE"),
        ("Emiratos Árabes Unidos", "AE"),
        ("Nous sommes au Maroc", "MA"),
        ("Arabie saoudite", "SA"),
        ("Wir sind in Deutschland", "DE"),
        ("Россия", "RU"),
        ("Компания из России", "RU"),  # declined forms
        ("работаем в Казахстане", "KZ"),
        ("поставка в Беларусь", "BY"),
        ("в Грузии", "GE"),
        ("ОАЭ", "AE"),
        ("в РФ", "RU"),
        ("نحن في مصر", "EG"),
        ("بمصر", "EG"),  # Arabic "in Egypt", the preposition written onto the word
        ("الإمارات العربية المتحدة", "AE"),
        ("الامارات", "AE"),
        ("بالسعودية", "SA"),
        # Chinese, as substrings, longest first
        ("客户来自巴西", "BR"),
        ("印度尼西亚客户", "ID"),  # not India
        ("巴布亚新几内亚", "PG"),
        ("美國客戶", "US"),
        ("迪拜的公司", "AE"),
        ("阿联酋", "AE"),
        ("中国香港的客户", "HK"),
        ("刚果（金）", "CD"),
        # China only when nothing else is named: the maker is Chinese
        ("Made in China. We are in Chile.", "CL"),
        ("Your factory in China, our lab in Kenya", "KE"),
        ("我们是中国公司，客户在泰国", "TH"),
        ("China", "CN"),
        ("客户在中国", "CN"),
        # the first mention wins
        ("Distributor in Chile importing from Germany", "CL"),
        # a labelled country line beats the first mention
        ("Made in Mexico\nCountry/Region: Peru", "PE"),
        ("Texto sobre Alemania\nPaís: Colombia", "CO"),
        ("国家/地区：巴西\n发货到美国", "BR"),
        ("Страна: Узбекистан", "UZ"),
        ("البلد: الأردن", "JO"),
    ],
)
def test_country_names_are_found(text: str, expected: str) -> None:
    assert find_country_in_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Please send the catalogue and price list.",
        "We need fine china plates and a turkey sandwich",  # everyday words, lower case
        "Our guinea pig lab needs chili extracts",
        "Please send the jersey samples to panama hats ltd",
        "Contact us: CONTACT US",  # a bare "US" is never the United States
        "La empresa usa dos equipos",  # Spanish "usa" = "uses"
        "Того же мнения, нужно грузить завтра",  # Russian words that look like Togo and Georgia
        "Reunião na quinta-feira; reunión el martes",  # "meeting", not Réunion
        "Salvador, Bahia",  # a Brazilian city, not El Salvador
        "Long Island lab",
        "我们对产品很感兴趣",
    ],
)
def test_no_country_is_invented(text: str) -> None:
    assert find_country_in_text(text) is None


@pytest.mark.parametrize(
    "text",
    ["Contact: Jordan Smith", "Regards,\nJordan Ellis\nLab Manager, Pennine Analytical Ltd", "Chad Morrison here",
     "Usina Santa Helena Açúcar e Etanol S.A."],
)
def test_a_country_that_is_a_first_name_before_a_surname_is_the_person(text: str) -> None:
    assert find_country_in_text(text) is None


@pytest.mark.parametrize(
    ("text", "country"),
    [("Amman, Jordan", "JO"), ("our lab in Jordan. Thanks", "JO"), ("Jordan Amman office", "JO"),
     ("Tbilisi, Georgia", "GE"), ("JORDAN - Amman", "JO")],
)
def test_the_country_itself_still_reads(text: str, country: str) -> None:
    assert find_country_in_text(text) == country


@pytest.mark.parametrize(
    ("domain", "expected"),
    [
        ("empresa.com.br", "BR"),
        ("EMPRESA.COM.BR", "BR"),
        ("maria@empresa.com.br", "BR"),
        ("x.co.uk", "GB"),
        ("bennettlab.uk", "GB"),
        ("einorte.com.mx", "MX"),
        ("pribor-m.ru", "RU"),
        ("nukhba-trading.ae", "AE"),
        ("qahtani-supplies.com.sa", "SA"),
        ("labodubois.fr", "FR"),
        ("laborbedarf-mueller.de", "DE"),
        ("mineralosandes.cl", "CL"),
        ("yahoo.com.ar", "AR"),
        ("mail.ru", "RU"),
        ("tecnilab.com.co", "CO"),  # .co under a national second level is Colombia
        ("unal.edu.co", "CO"),
        ("tecnilab.co", None),  # a bare .co is sold worldwide as "company"
        ("startup.io", None),
        ("lab.ai", None),
        ("studio.me", None),
        ("acme.com", None),
        ("acme.org", None),
        ("acme.net", None),
        ("gmail.com", None),
        ("qq.com", None),
        ("agency.eu", None),  # not a country
        ("example.su", None),
        ("localhost", None),
        ("", None),
        ("trailing.dot.de.", "DE"),
    ],
)
def test_country_of_email_domain(domain: str, expected: str | None) -> None:
    assert country_of_email_domain(domain) == expected


def test_iso_countries_are_alpha2_codes() -> None:
    codes = iso_countries()
    assert {"BR", "GB", "RU", "AE", "CN"} <= codes
    assert "UK" not in codes
    assert "EU" not in codes
    assert all(len(code) == 2 and code.isupper() for code in codes)
