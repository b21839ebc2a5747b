"""The /inq grammar: what people type becomes one command, or a usage line that says how to type it."""

from __future__ import annotations

import pytest

from bot.commands import Command
from bot.errors import InvalidInput
from bot.handlers.grammar import parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/inq", Command("help")),
        ("/inq help", Command("help")),
        ("/inq@inquiry_desk_bot mine", Command("mine")),
        ("/inq show INQ-2026-000123", Command("show", {"ID": "INQ-2026-000123"})),
        ("/inq ACK 2026-12", Command("ack", {"ID": "2026-12"})),
        ("/inq followup INQ-2026-000001 whatsapp Sent price list and asked for the quantity",
         Command("followup", {"ID": "INQ-2026-000001", "METHOD": "whatsapp",
                              "NOTE": "Sent price list and asked for the quantity"})),
        ("/inq crm INQ-2026-000001 CRM-88231", Command("crm", {"ID": "INQ-2026-000001", "CRM-ID": "CRM-88231"})),
        ("/inq agent INQ-2026-000001 Andes Instruments SAC",
         Command("agent", {"ID": "INQ-2026-000001", "NAME": "Andes Instruments SAC"})),
        ("/inq won INQ-2026-000001", Command("won", {"ID": "INQ-2026-000001"})),
        ("/inq won INQ-2026-000001 12000", Command("won", {"ID": "INQ-2026-000001", "AMOUNT": "12000"})),
        ("/inq lost INQ-2026-000001 chose a local supplier", Command("lost", {"ID": "INQ-2026-000001",
                                                                             "REASON": "chose a local supplier"})),
        ("/inq grey INQ-2026-000001", Command("grey", {"ID": "INQ-2026-000001"})),
        ("/inq grey INQ-2026-000001 spam from a bot", Command("grey", {"ID": "INQ-2026-000001",
                                                                     "REASON": "spam from a bot"})),
        ("/inq transfer INQ-2026-000001 trade2", Command("transfer", {"ID": "INQ-2026-000001",
                                                                      "DEPARTMENT": "trade2"})),
        ("/inq transfer INQ-2026-000001 trade2 huang", Command("transfer", {"ID": "INQ-2026-000001",
                                                                            "DEPARTMENT": "trade2",
                                                                            "PERSON": "huang"})),
        ("/inq deals today none", Command("deals today", items=("none",))),
        ("/inq deals month 2026-1 2026-7", Command("deals month", items=("2026-1", "2026-7"))),
        ("/inq counts", Command("counts")),
        ("/inq counts 2026-11-23", Command("counts", {"DATE": "2026-11-23"})),
        ("/inq penalty add zhang P5 INQ-2026-000003 follow-up was a one-line email",
         Command("penalty add", {"PERSON": "zhang", "RULE": "P5", "ID": "INQ-2026-000003",
                                 "REASON": "follow-up was a one-line email"})),
        ("/inq penalty add zhang p1.3 replied from gmail", Command("penalty add", {
            "PERSON": "zhang", "RULE": "P1.3", "REASON": "replied from gmail"})),
        ("/inq penalty add zhang P3 INQ-2026-000003 amount=1,900 2 deals checked in CRM",
         Command("penalty add", {"PERSON": "zhang", "RULE": "P3", "ID": "INQ-2026-000003", "AMOUNT": "1,900",
                                 "REASON": "2 deals checked in CRM"})),
        ("/inq penalty add zhang P5 INQ-2026-000003 confirm reply promised a quote, none was sent",
         Command("penalty add", {"PERSON": "zhang", "RULE": "P5", "ID": "INQ-2026-000003", "CONFIRM": "yes",
                                 "REASON": "reply promised a quote, none was sent"})),
        ("/inq penalty confirm PEN-2026-00004 2 deals checked in CRM",  # no amount= : the number is prose
         Command("penalty confirm", {"PEN-ID": "PEN-2026-00004", "REASON": "2 deals checked in CRM"})),
        ("/inq penalty confirm PEN-2026-00004 amount=none",
         Command("penalty confirm", {"PEN-ID": "PEN-2026-00004", "AMOUNT": "none"})),
        ("/inq penalty show PEN-2026-00004", Command("penalty show", {"PEN-ID": "PEN-2026-00004"})),
        ("/inq grey reject INQ-2026-000003 a real lab, not spam",
         Command("grey reject", {"ID": "INQ-2026-000003", "REASON": "a real lab, not spam"})),
        ("/inq penalty waive PEN-2026-00001 customer was unreachable",
         Command("penalty waive", {"PEN-ID": "PEN-2026-00001", "REASON": "customer was unreachable"})),
        ("/inq ledger sent", Command("ledger sent")),
        ("/inq ledger 2026-10 trade1", Command("ledger", {"MONTH": "2026-10", "DEPARTMENT": "trade1"})),
        ("/inq away wu 2026-12-01 2026-12-10 zhou", Command("away", {"PERSON": "wu", "FROM": "2026-12-01",
                                                                      "TO": "2026-12-10", "DELEGATE": "zhou"})),
    ],
)
def test_commands_parse(text: str, expected: Command) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(
    ("text", "usage"),
    [
        ("/inq show", "show ID"),
        ("/inq followup INQ-2026-000001 email", "followup ID METHOD NOTE"),
        ("/inq lost INQ-2026-000001", "lost ID REASON"),
        ("/inq assign INQ-2026-000001", "assign ID PERSON"),
        ("/inq ack INQ-2026-000001 extra", "ack ID"),
        ("/inq penalty add zhang P5", "penalty add PERSON RULE [ID] [amount=YUAN] [confirm] REASON"),
        ("/inq penalty add zhang P3 INQ-2026-000003 amount=1900",
         "penalty add PERSON RULE [ID] [amount=YUAN] [confirm] REASON"),
        ("/inq penalty waive PEN-2026-00001", "penalty waive PEN-ID REASON"),
    ],
)
def test_wrong_shapes_answer_with_usage(text: str, usage: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse(text)
    assert caught.value.key == "error.usage"
    assert caught.value.data["usage"] == usage


def test_unknown_verbs_are_named() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse("/inq frobnicate 1")
    assert caught.value.key == "error.unknown_command" and caught.value.data["command"] == "frobnicate"
