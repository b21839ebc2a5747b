"""Contacts given in passing for someone else (a second contact, a referring distributor) are not the customer's
when the writer gives their own; the writer's own contacts stand on their own lines."""

from __future__ import annotations

from bot.rules.intake import parse_inquiry

SECOND_CONTACT = """Estimados,
Les escribo de parte de Minera Cordillera Ltda. Necesitamos 4 detectores de gas portátiles.
El contacto técnico es el Sr. Ignacio Rojas (irojas@mineracordillera.cl, +56 9 6123 4567), pero las órdenes son mías.
Saludos,
Paula Fuentes
Jefa de Abastecimiento
pfuentes@mineracordillera.cl | +56 9 7345 1290
"""

REFERRAL = """Referral from our partner in Namibia (Etosha Scientific CC, +264 81 234 5678):
They passed on a lead in Cape Town, Lindiwe Dube at Table Bay Breweries (Pty) Ltd, who needs 2 refractometers.
Her cell: 082 555 0147, email ldube@tablebaybrew.co.za
"""


def test_the_signer_s_address_and_mobile_win_over_a_second_contact_in_brackets() -> None:
    parsed = parse_inquiry(SECOND_CONTACT)
    assert parsed.email == "pfuentes@mineracordillera.cl"
    assert parsed.phone == "+56973451290"
    assert "+56961234567" in parsed.other_phones


def test_a_referring_partner_s_number_is_not_the_customer_s() -> None:
    parsed = parse_inquiry(REFERRAL)
    assert parsed.phone == "+27825550147"
    assert parsed.email == "ldube@tablebaybrew.co.za"


def test_a_contact_in_brackets_is_still_taken_when_it_is_the_only_one() -> None:
    parsed = parse_inquiry("Please quote 2 pH meters. Our lab manager is Dr. Omar Haddad (o.haddad@labs.jo, "
                           "+962 79 555 1234) and he will confirm the order.")
    assert parsed.email == "o.haddad@labs.jo"
    assert parsed.phone == "+962795551234"


def test_the_writer_s_own_number_in_brackets_in_a_sentence_is_kept() -> None:
    parsed = parse_inquiry("Hello, for the quotation you can reach me on WhatsApp (+55 11 98765-4321) any time "
                           "of the day.\nTel: +55 11 3456-7890\nAna")
    assert parsed.phone == "+5511987654321"


def test_brazilian_whats_is_a_whatsapp_label() -> None:
    parsed = parse_inquiry("Oi! Aqui é o Rafael, de Blumenau. Manda o preço do medidor de pH pro meu "
                           "whats 47 98834-1920 por favor")
    assert parsed.phone == "+5547988341920"


def test_a_clearing_agent_s_block_is_not_the_customer_s() -> None:
    parsed = parse_inquiry("Dear Sir,\nKindly send a proforma for 2 drying ovens. Ship through our clearing agent "
                           "in Mombasa:\nPwani Cargo Ltd, attn Hassan Ali, tel +254 722 555 010, ops@pwanicargo.co.ke\n"
                           "Regards,\nGrace Wanjiru\nNairobi Food Labs Ltd\n0733 456 789\ngrace@nairobifoodlabs.co.ke")
    assert parsed.email == "grace@nairobifoodlabs.co.ke"
    assert parsed.phone == "+254733456789"


def test_a_thai_text_reads_its_national_number_after_the_thai_label() -> None:
    parsed = parse_inquiry("สวัสดีครับ สนใจ เครื่องวัดความชื้น 3 เครื่อง รบกวนส่งราคาครับ\nโทร 089-765-4321")
    assert parsed.phone == "+66897654321"
