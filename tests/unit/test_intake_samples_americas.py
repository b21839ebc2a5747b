"""Whole inquiries from the Americas, pasted as a specialist would, parsed field by field."""

from __future__ import annotations

from typing import Any

import pytest

from bot.rules.intake import ParsedInquiry, parse_inquiry
from tests.unit.intake_expectations import expect

ALIBABA_BR = """[Alibaba.com] You have received a new inquiry
From: Carlos Eduardo Souza
Company: Instrumentos Paulista Ltda
Country/Region: Brazil
Product: Digital Multimeter DM-200
Quantity: 200 Pieces
Message:
Hello, we are interested in your digital multimeters for our distribution network in São Paulo.
Please send the price list and catalogue.
Email: Carlos.Souza@Paulista.com.br
Tel: +55 (11) 98765-4321
"""

ALIBABA_MX_ZH = """阿里巴巴询盘 #LatAm
客户：Juan Pérez
公司：Equipos Industriales del Norte S.A. de C.V.
国家：墨西哥
产品：超声波流量计
邮箱：jperez@einorte.com.mx
电话：+52 81 1234 5678
"""

EMAIL_MX = """From: Laura Martínez <LMartinez@QuimicaDelBajio.com.mx>
Sent: Tuesday, March 10, 2026 9:14 AM
Subject: Cotización de espectrofotómetros

Buenos días,

Estamos interesados en sus espectrofotómetros UV-Vis para nuestro laboratorio en León, Guanajuato.
¿Podrían enviarnos una cotización por 3 unidades?

Saludos cordiales,
Laura Martínez
Jefa de Compras
Química del Bajío S.A. de C.V.
Tel. 477 123 4567
"""

WHATSAPP_BR = """WhatsApp
[10/03/2026 14:22] +55 11 98765-4321: Boa tarde! Vocês têm medidor de oxigênio dissolvido?
[10/03/2026 14:23] +55 11 98765-4321: Meu nome é Ricardo Almeida, da Aquacultura Vale Verde
[10/03/2026 14:25] Li Lei: Olá Ricardo, sim, temos. Qual o seu e-mail?
[10/03/2026 14:26] +55 11 98765-4321: ricardo@valeverde.com.br
"""

WHATSAPP_AR = """WhatsApp 5491123456789
Hola, soy Martín Gómez de Agroinsumos Pampa. Necesito precio de 10 balanzas analíticas, entrega en Rosario.
Gracias
"""

WHATSAPP_BR_LOCAL = """Cliente do WhatsApp, encaminhado:
Nome: Fernanda Lima
Empresa: Hidro Análises Ltda
Tel/WhatsApp: (21) 99876-5432
E-mail: fernanda@hidroanalises.com.br
Produto: Turbidímetro portátil
"""

WEBSITE_CL = """Formulario web - sitio web en inglés
Nombre: Felipe Rojas
Empresa: Minera Los Andes SpA
Correo: frojas@mineralosandes.cl
Teléfono: 0056 9 8765 4321
País: Chile
Comentarios: Necesitamos 3 analizadores de gases portátiles.
"""

FACEBOOK_CO = """FB Messenger inquiry
Name: Jorge Ramírez
Country: Colombia
Looking for the price of turbidity meters, 10 pcs.
WhatsApp +57 300 123 4567
"""

TWITTER_PE = """DM via X (Twitter) from @andes_lab:
Hola, somos un laboratorio en Lima, Perú. ¿Tienen distribuidor en Perú? Correo: Compras@AndesLab.pe
"""

LINKEDIN_BR = """LinkedIn message from Ana Beatriz Costa (Procurement Lead at BioAnalítica, Brazil):
"Hi, I'm interested in your TOC analyzers. Could we schedule a call? You can also reach me on WhatsApp."
"""

WEBSITE_CHAT_CO = """Live chat transcript (website)
Visitor: Andrés Castillo
Email: andres.castillo@tecnilab.co
Phone: +57 601 234 5678
Message: interested in the melting point apparatus MP-90 for our QC lab
"""

EMAIL_US = """From: Mike Johnson <mjohnson@midwestlabs.com>
Subject: Quote request - benchtop pH meters

Hi,
We are a lab supply distributor in Ohio, United States. Please quote 25 benchtop pH meters.

Best regards,
Mike Johnson
Purchasing Manager
Midwest Lab Supply Inc.
Phone: +1 (614) 555-0172
"""


SAMPLES = [
    pytest.param(ALIBABA_BR, expect(
        customer_name="Carlos Eduardo Souza", company="Instrumentos Paulista Ltda",
        email="carlos.souza@paulista.com.br", phone="+5511987654321", phone_country="BR", email_country="BR",
        text_country="BR", source="alibaba", product="Digital Multimeter DM-200",
        stated_country="BR"), id="alibaba-en-br"),
    pytest.param(ALIBABA_MX_ZH, expect(
        customer_name="Juan Pérez", company="Equipos Industriales del Norte S.A. de C.V.",
        email="jperez@einorte.com.mx", phone="+528112345678", phone_country="MX", email_country="MX",
        text_country="MX", source="alibaba", product="超声波流量计", region_tag="latam",
        stated_country="MX"), id="alibaba-zh-mx"),
    pytest.param(EMAIL_MX, expect(
        customer_name="Laura Martínez", company="Química del Bajío S.A. de C.V.",
        email="lmartinez@quimicadelbajio.com.mx", phone="+524771234567", phone_country="MX",
        email_country="MX", source="email", product="espectrofotómetros UV-Vis", text_country="MX"),
        id="email-es-mx-local-phone"),
    pytest.param(WHATSAPP_BR, expect(product="medidor de oxigênio dissolvido", company="Aquacultura Vale Verde", 
        customer_name="Ricardo Almeida", email="ricardo@valeverde.com.br", phone="+5511987654321",
        phone_country="BR", email_country="BR", source="whatsapp"), id="whatsapp-export-pt-br"),
    pytest.param(WHATSAPP_AR, expect(company="Agroinsumos Pampa", product="balanzas analíticas", 
        customer_name="Martín Gómez", phone="+5491123456789", phone_country="AR", source="whatsapp"),
        id="whatsapp-ar-digits-without-plus"),
    pytest.param(WHATSAPP_BR_LOCAL, expect(
        customer_name="Fernanda Lima", company="Hidro Análises Ltda", email="fernanda@hidroanalises.com.br",
        phone="+5521998765432", phone_country="BR", email_country="BR", source="whatsapp",
        product="Turbidímetro portátil"), id="whatsapp-pt-br-local-number"),
    pytest.param(WEBSITE_CL, expect(product="analizadores de gases portátiles", 
        customer_name="Felipe Rojas", company="Minera Los Andes SpA", email="frojas@mineralosandes.cl",
        phone="+56987654321", phone_country="CL", email_country="CL", text_country="CL", source="website",
        stated_country="CL"),
        id="website-form-es-cl-00-prefix"),
    pytest.param(FACEBOOK_CO, expect(product="turbidity meters", 
        customer_name="Jorge Ramírez", phone="+573001234567", phone_country="CO", text_country="CO",
        source="facebook", stated_country="CO"), id="facebook-en-co"),
    pytest.param(TWITTER_PE, expect(
        email="compras@andeslab.pe", email_country="PE", text_country="PE", source="twitter"),
        id="twitter-es-pe"),
    pytest.param(LINKEDIN_BR, expect(customer_name="Ana Beatriz Costa", text_country="BR", source="linkedin",
                                     product="TOC analyzers"),
                 id="linkedin-en-br-mentions-whatsapp"),
    pytest.param(WEBSITE_CHAT_CO, expect(
        customer_name="Andrés Castillo", email="andres.castillo@tecnilab.co", phone="+576012345678",
        phone_country="CO", source="website_chat", product="melting point apparatus MP-90"),
        id="website-chat-co-generic-dot-co"),
    pytest.param(EMAIL_US, expect(product="benchtop pH meters", 
        customer_name="Mike Johnson", company="Midwest Lab Supply Inc.", email="mjohnson@midwestlabs.com",
        phone="+16145550172", phone_country="US", text_country="US", source="email"), id="email-en-us"),
]


@pytest.mark.parametrize(("text", "expected"), SAMPLES)
def test_sample_is_parsed_field_by_field(text: str, expected: dict[str, Any]) -> None:
    assert parse_inquiry(text) == ParsedInquiry(text=text, **expected)
