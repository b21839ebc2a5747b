"""Whole inquiries from Europe and Asia, and inquiries that carry no usable signal at all."""

from __future__ import annotations

from typing import Any

import pytest

from bot.rules.intake import ParsedInquiry, parse_inquiry
from tests.unit.intake_expectations import expect

WEBSITE_UK = """New inquiry from the English website (contact form)
Name: Oliver Bennett
Company: Bennett Lab Supplies Ltd
Email: o.bennett@bennettlab.co.uk
Phone: +44 20 7946 0958
Country: United Kingdom
Message: We are interested in bench-top conductivity meters. Please advise the lead time.
"""

EMAIL_DE = """Subject: Anfrage Leitfähigkeitsmessgerät
From: Thomas Müller <t.mueller@laborbedarf-mueller.de>

Sehr geehrte Damen und Herren,
wir bitten um ein Angebot für 5 Stück Leitfähigkeitsmessgeräte.

Mit freundlichen Grüßen
Thomas Müller
Laborbedarf Müller GmbH
Tel. +49 89 1234567
"""

CHAT_FR = """Transcription du chat en ligne (website chat)
Visiteur : Mme Claire Dubois
Société : Laboratoires Dubois SARL
E-mail : claire.dubois@labodubois.fr
Téléphone : +33 6 12 34 56 78
Message : Bonjour, nous sommes intéressés par vos balances de précision pour notre laboratoire à Lyon.
"""

EMAIL_ES = """De: Javier Ortega <jortega@cientifica-iberica.es>
Asunto: Solicitud de oferta - viscosímetros

Buenas tardes,
Estamos interesados en sus viscosímetros rotacionales. ¿Tienen distribuidor en España?

Un saludo,
Javier Ortega
Distribuidora Científica Ibérica S.L.
Tel: +34 912 345 678
"""

NOTE_RU_ZH = "客户来自俄罗斯，邮箱 info@labtech.ru，对贵司的粘度计很感兴趣。阿里巴巴国际站询盘。"

GMAIL_IN = """Email inquiry
Sir, we need 100 digital thermometers for hospitals in Chennai, India.
Rajesh Kumar
rajesh.kumar.1987@gmail.com
+91 98765 43210
"""

WECHAT_VN = """微信
Nguyen Van An 想要 500 个温湿度计，越南河内的公司
微信号：nguyenvanan88
"""

TAGGED_OVERRIDE = """#mena
Forwarded from our website: customer says he is from Brazil but the project is in Oman.
Email: project@arabian-eng.com.br
"""

MADE_IN_CHINA_US = """Do you ship to the USA? We buy Made in China instruments for resale.
Contact: Emily Clark
"""

NO_SIGNAL_EN = "Hello, please send me your catalogue and price list. Thanks"

NO_SIGNAL_ZH = "客户想要产品目录和报价单，请尽快回复。"

GMAIL_ONLY = "Hi, we are interested in your pH meters. Reply to john.doe.lab@gmail.com please."

GENERIC_CO_ONLY = "Price for 2 ovens please - sales@labworks.co"


SAMPLES = [
    pytest.param(WEBSITE_UK, expect(
        customer_name="Oliver Bennett", company="Bennett Lab Supplies Ltd",
        email="o.bennett@bennettlab.co.uk", phone="+442079460958", phone_country="GB", email_country="GB",
        text_country="GB", source="website", product="bench-top conductivity meters", stated_country="GB"),
        id="website-form-en-gb"),
    pytest.param(EMAIL_DE, expect(product="Leitfähigkeitsmessgeräte", 
        customer_name="Thomas Müller", company="Laborbedarf Müller GmbH",
        email="t.mueller@laborbedarf-mueller.de", phone="+49891234567", phone_country="DE",
        email_country="DE", source="email"), id="email-de"),
    pytest.param(CHAT_FR, expect(
        customer_name="Claire Dubois", company="Laboratoires Dubois SARL",
        email="claire.dubois@labodubois.fr", phone="+33612345678", phone_country="FR", email_country="FR",
        source="website_chat", product="balances de précision", text_country="FR"), id="website-chat-fr"),
    pytest.param(EMAIL_ES, expect(
        customer_name="Javier Ortega", company="Distribuidora Científica Ibérica S.L.",
        email="jortega@cientifica-iberica.es", phone="+34912345678", phone_country="ES", email_country="ES",
        text_country="ES", source="email", product="viscosímetros rotacionales"), id="email-es-es"),
    pytest.param(NOTE_RU_ZH, expect(
        email="info@labtech.ru", email_country="RU", text_country="RU", source="alibaba", product="粘度计"),
        id="note-zh-ru"),
    pytest.param(GMAIL_IN, expect(customer_name="Rajesh Kumar", product="digital thermometers", 
        email="rajesh.kumar.1987@gmail.com", phone="+919876543210", phone_country="IN", text_country="IN",
        source="email"), id="gmail-en-in-uncovered-country"),
    pytest.param(WECHAT_VN, expect(text_country="VN", source="wechat"), id="wechat-zh-vn"),
    pytest.param(TAGGED_OVERRIDE, expect(
        email="project@arabian-eng.com.br", email_country="BR", text_country="BR", source="website",
        region_tag="mena"), id="hashtag-override"),
    pytest.param(MADE_IN_CHINA_US, expect(customer_name="Emily Clark", text_country="US"),
                 id="made-in-china-is-not-the-customer"),
    pytest.param(NO_SIGNAL_EN, expect(), id="no-signal-en"),
    pytest.param(NO_SIGNAL_ZH, expect(), id="no-signal-zh"),
    pytest.param(GMAIL_ONLY, expect(email="john.doe.lab@gmail.com", product="pH meters"), id="gmail-only"),
    pytest.param(GENERIC_CO_ONLY, expect(product="ovens", email="sales@labworks.co"), id="generic-dot-co-only"),
]


@pytest.mark.parametrize(("text", "expected"), SAMPLES)
def test_sample_is_parsed_field_by_field(text: str, expected: dict[str, Any]) -> None:
    assert parse_inquiry(text) == ParsedInquiry(text=text, **expected)
