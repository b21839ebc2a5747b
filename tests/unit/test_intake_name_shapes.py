"""Classes of writing for names and companies, each with an invented example: whole Hispanic names, units before
their institution, lower-case introductions, labels in more languages, organisations as a sentence's subject."""

from __future__ import annotations

import pytest

from bot.rules.intake import parse_inquiry


@pytest.mark.parametrize(("text", "name"), [
    ("Buenas tardes,\nLe saluda Ximena Paredes Villanueva, compras de Textiles Cusco S.A.C. Necesitamos 3 "
     "hornos.\nSaludos,\nXimena Paredes\nxparedes@textilescusco.pe", "Ximena Paredes Villanueva"),
    ("El Instituto Regional de Salud pide cotización de 4 estufas.\nLic. María José Herrera Ocampo\n"
     "Jefa de Compras\nmjherrera@irs.gob.pe", "María José Herrera Ocampo"),
])
def test_a_hispanic_name_with_both_surnames_is_kept_whole_over_the_short_form_the_email_spells(
    text: str, name: str
) -> None:
    assert parse_inquiry(text).customer_name == name
