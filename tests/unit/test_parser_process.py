"""`serve` reads inquiry texts in a parser process: the same answer as reading them here, and an intake is never
lost when that process is gone."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.bootstrap_parser import ParserProcess
from bot.rules.intake import parse_inquiry
from bot.rules.own_side import OwnSide

OWN = OwnSide(frozenset({"sino-instruments.com"}), frozenset({"+862158888888"}), "CN", frozenset({"Lisa Wang"}))
TEXTS = (
    "Alibaba RFQ from Ana Costa, Química Fina Ltda, ana@quimicafina.com.br, WhatsApp +55 21 99876-5432, GC-2030",
    "转自王工（电话 +86 138 0013 8000）: Ahmed Saleh, Gulf Lab LLC, +971 50 123 4567, need HPLC",
)


def test_the_parser_process_reads_a_text_as_the_rules_do(caplog: pytest.LogCaptureFixture) -> None:
    async def read_all() -> list[object]:
        parser = ParserProcess()
        try:
            await parser.start()
            return [await parser(text, OWN) for text in TEXTS]
        finally:
            parser.close()

    with caplog.at_level(logging.WARNING, logger="bot.bootstrap_parser"):
        assert asyncio.run(read_all()) == [parse_inquiry(text, OWN) for text in TEXTS]
    assert caplog.records == []  # read in the parser process, not by the fallback


def test_a_closed_parser_process_still_reads_the_text(caplog: pytest.LogCaptureFixture) -> None:
    async def read_after_close() -> object:
        parser = ParserProcess()
        parser.close()
        return await parser(TEXTS[0], OWN)

    with caplog.at_level(logging.WARNING, logger="bot.bootstrap_parser"):
        parsed = asyncio.run(read_after_close())
    assert parsed == parse_inquiry(TEXTS[0], OWN)
    assert "parser process unavailable" in caplog.text
