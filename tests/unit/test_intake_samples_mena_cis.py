"""Whole inquiries from the Middle East, North Africa and the CIS, in Arabic, Russian, English and Chinese."""

from __future__ import annotations

from typing import Any

import pytest

from bot.rules.intake import ParsedInquiry, parse_inquiry
from tests.unit.intake_expectations import expect

TRADEMANAGER_AE = """TradeManager message (Alibaba)
Buyer: Ahmed Al-Mansouri
Hi, I need 50 units of pH meter model PH-3C. Can you send the FOB price?
WhatsApp: +971-50-123-4567
"""

WHATSAPP_AE_AR = """واتساب
السلام عليكم، نحن شركة النخبة للتجارة في دبي.
نحتاج أجهزة قياس الرطوبة، أرجو إرسال الأسعار.
الهاتف: +971 50 123 4567
البريد الإلكتروني: M.Hashemi@Nukhba-Trading.ae
"""

EMAIL_SA = """Dear Sir,

Please quote 20 sets of portable gas detectors, delivery to Riyadh, Saudi Arabia.

Best regards,
Faisal Al-Qahtani
Procurement Manager
Al-Qahtani Industrial Supplies Co.
Mobile: 00966 50 123 4567
Email: faisal@qahtani-supplies.com.sa
"""

FORM_EG_AR = """من فضلكم أرسلوا عرض سعر لجهاز الطرد المركزي.
الاسم: أحمد حسن
الشركة: شركة المختبرات المتحدة
الدولة: مصر
الهاتف: 01001234567
"""

TRADE_SHOW_CN_PHONE = """Met at the Canton Fair, passed on by a colleague.
Name: Omar Khalid
Phone: +86 138 0013 8000
Email: omar@gulfinstruments.ae
"""

EMAIL_RU = """От: Сергей Иванов <s.ivanov@pribor-m.ru>
Тема: Запрос цены на газоанализаторы

Добрый день!
Нашу компанию (Москва, Россия) интересуют газоанализаторы серии GA-500.
Просим выслать коммерческое предложение.

С уважением,
Сергей Иванов
Менеджер по закупкам
ООО «Прибор-М»
Тел.: +7 495 123-45-67
"""

COLLEAGUE_KZ_ZH = """同事转交（贸易二部 王经理）
客户：Dmitry Petrov
公司：TOO KazLab Instruments
国家：哈萨克斯坦
手机/WhatsApp：+7 701 234 5678
产品：原子吸收分光光度计
"""

WEBSITE_RU_LOCAL = """Заявка с сайта
Имя: Ольга Смирнова
Компания: АО «Химлаб»
Телефон: 8 (916) 123-45-67
Сообщение: Добрый день, из России, интересует титратор, пришлите цену.
"""

ALIBABA_UZ = """New inquiry via Alibaba.com
From: Rustam Karimov
Country/Region: Uzbekistan
Product: Laboratory Drying Oven DHG-9070
Message: Please send the CIF Tashkent price. My WhatsApp +998 90 123 45 67
"""

EMAIL_BY_ZH_NOTE = """邮件询盘，客户在白俄罗斯，区域: cis
Добрый день! Просим прислать каталог спектрометров.
Андрей Козлов
andrey.kozlov@labtech.by
"""

WECHAT_KW = """微信咨询
客户在科威特，对贵司的气相色谱仪很感兴趣。
电话: +965 5123 4567
"""

FRENCH_MA = """Bonjour,
Nous sommes intéressés par vos spectrophotomètres pour notre laboratoire à Casablanca, Maroc.
Cordialement,
Youssef Benali
Société Labomaroc SARL
Tél : +212 6 61 23 45 67
"""


SAMPLES = [
    pytest.param(TRADEMANAGER_AE, expect(product="pH meter model PH-3C", 
        customer_name="Ahmed Al-Mansouri", phone="+971501234567", phone_country="AE", source="trademanager"),
        id="trademanager-en-ae"),
    pytest.param(WHATSAPP_AE_AR, expect(product="أجهزة قياس الرطوبة", company="شركة النخبة للتجارة",
        email="m.hashemi@nukhba-trading.ae", phone="+971501234567", phone_country="AE", email_country="AE",
        text_country="AE", source="whatsapp"), id="whatsapp-ar-ae"),
    pytest.param(EMAIL_SA, expect(product="portable gas detectors", 
        customer_name="Faisal Al-Qahtani", company="Al-Qahtani Industrial Supplies Co.",
        email="faisal@qahtani-supplies.com.sa", phone="+966501234567", phone_country="SA", email_country="SA",
        text_country="SA"), id="email-en-sa-signature-no-source"),
    pytest.param(FORM_EG_AR, expect(product="جهاز الطرد المركزي", 
        customer_name="أحمد حسن", company="شركة المختبرات المتحدة", phone="+201001234567", phone_country="EG",
        text_country="EG", stated_country="EG"), id="form-ar-eg-local-number"),
    pytest.param(TRADE_SHOW_CN_PHONE, expect(
        customer_name="Omar Khalid", email="omar@gulfinstruments.ae", phone="+8613800138000",
        phone_country="CN", email_country="AE", source="colleague"), id="colleague-en-ae-chinese-phone"),
    pytest.param(EMAIL_RU, expect(
        customer_name="Сергей Иванов", company="ООО «Прибор-М»", email="s.ivanov@pribor-m.ru",
        phone="+74951234567", phone_country="RU", email_country="RU", text_country="RU",
        source="email", product="газоанализаторы серии GA-500"), id="email-ru-signature"),
    pytest.param(COLLEAGUE_KZ_ZH, expect(
        customer_name="Dmitry Petrov", company="TOO KazLab Instruments", phone="+77012345678",
        phone_country="KZ", text_country="KZ", source="colleague", product="原子吸收分光光度计", stated_country="KZ"),
        id="colleague-zh-kz"),
    pytest.param(WEBSITE_RU_LOCAL, expect(
        customer_name="Ольга Смирнова", company="АО «Химлаб»", phone="+79161234567", phone_country="RU",
        text_country="RU", source="website", product="титратор"), id="website-ru-trunk-prefix-8"),
    pytest.param(ALIBABA_UZ, expect(
        customer_name="Rustam Karimov", phone="+998901234567", phone_country="UZ", text_country="UZ",
        source="alibaba", product="Laboratory Drying Oven DHG-9070", stated_country="UZ"), id="alibaba-en-uz"),
    pytest.param(EMAIL_BY_ZH_NOTE, expect(customer_name="Андрей Козлов", 
        email="andrey.kozlov@labtech.by", email_country="BY", text_country="BY", source="email",
        region_tag="cis"), id="email-ru-by-region-label"),
    pytest.param(WECHAT_KW, expect(
        phone="+96551234567", phone_country="KW", text_country="KW", source="wechat", product="气相色谱仪"),
        id="wechat-zh-kw"),
    pytest.param(FRENCH_MA, expect(
        customer_name="Youssef Benali", company="Société Labomaroc SARL", phone="+212661234567",
        phone_country="MA", text_country="MA", product="spectrophotomètres"), id="email-fr-ma"),
]


@pytest.mark.parametrize(("text", "expected"), SAMPLES)
def test_sample_is_parsed_field_by_field(text: str, expected: dict[str, Any]) -> None:
    assert parse_inquiry(text) == ParsedInquiry(text=text, **expected)
