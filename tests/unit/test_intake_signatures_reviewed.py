"""A review's probes of session 14's rules on signatures, finance mailboxes, relatives, shared mailboxes with a unit,
hand-overs and delivery-only numbers (texts and the answers a careful person records in
intake_signatures_reviewed.yaml beside this file), read with the sample organisation's own side."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.org.loader import load_org
from bot.rules.intake import parse_inquiry
from bot.rules.own_side import own_side_of

ROOT = Path(__file__).resolve().parents[2]
HOME = own_side_of(load_org(ROOT / "org.example.yaml"))
PROBES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).with_name("intake_signatures_reviewed.yaml")).read_text(encoding="utf-8"))


def test_every_probe_is_there() -> None:
    assert len(PROBES) == 111


@pytest.mark.parametrize("probe", PROBES, ids=[p["id"] for p in PROBES])
def test_a_review_probe_reads_as_a_careful_person_would(probe: dict[str, Any]) -> None:
    parsed = parse_inquiry(probe["text"], HOME)
    assert {field: getattr(parsed, field) for field in probe["expect"]} == probe["expect"]
