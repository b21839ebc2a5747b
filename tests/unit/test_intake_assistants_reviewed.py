"""A review's probes of the session's rules on assistants, copies, agents' clients and tenders' contacts (the texts
and the answers a careful person records are in intake_assistants_reviewed.yaml beside this file)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.rules.intake import OwnSide, parse_inquiry

HOME = OwnSide.build(domains=["acme-instruments.cn"], phones=["+86 755 2666 0000"], home_country="CN",
                     names=["王磊", "Wang Lei", "Kevin Zhou"])
PROBES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).with_name("intake_assistants_reviewed.yaml")).read_text(encoding="utf-8"))


def test_every_probe_is_there() -> None:
    assert len(PROBES) == 87


@pytest.mark.parametrize("probe", PROBES, ids=[p["id"] for p in PROBES])
def test_a_review_probe_reads_as_a_careful_person_would(probe: dict[str, Any]) -> None:
    parsed = parse_inquiry(probe["text"], HOME)
    assert {field: getattr(parsed, field) for field in probe["expect"]} == probe["expect"]
