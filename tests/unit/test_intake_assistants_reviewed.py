"""Reviews' probes of the intake rules (the texts and the answers a careful person records are in the YAML files
beside this file): session 13's on assistants, copies, agents' clients and tenders' contacts
(intake_assistants_reviewed.yaml, read with an own side of acme-instruments.cn), session 14's on signatures, finance
mailboxes, relatives, shared mailboxes with a unit, colleagues named with their address, chat hand-overs and
delivery-only numbers (intake_signatures_reviewed.yaml, read with the sample organisation's own side), session 15's
on colleagues copied and sent the quote, all-staff chats, chat heads and voice notes, and session 16's on department
mailboxes that send the quote to a named colleague in Turkish, Uzbek and Arabic and on notes that send the quote to
someone named ("write to his e-mail", "send it straight to their …", a forwarded message's writer), tender
offices' mailboxes and principals ("por instrucción de nuestro gerente general, el Sr. …"), and session 17's on
headers that name our person as recipient, colleagues' hand-offs under a title line, chat messages that only sign,
Arabic titles, Egyptian Arabizi and German slashed numbers, and on writers who keep the quote over the person they
write for, resellers passing a client on and procurement mailboxes, and on fuller names, French "d'", Arabic
"عبد" and titles, and on Russian, Portuguese and Spanish referrals (intake_copied_reviewed.yaml,
read with the corpus's own side: Sino Instruments and its fifteen people, Kevin Zhou and Lisa Wang among them)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.org.loader import load_org
from bot.rules.intake import OwnSide, parse_inquiry
from bot.rules.own_side import own_side_of

ROOT = Path(__file__).resolve().parents[2]
OWN_SIDES = {
    "intake_assistants_reviewed.yaml": OwnSide.build(domains=["acme-instruments.cn"], phones=["+86 755 2666 0000"],
                                                     home_country="CN", names=["王磊", "Wang Lei", "Kevin Zhou"]),
    "intake_signatures_reviewed.yaml": own_side_of(load_org(ROOT / "org.example.yaml")),
    "intake_copied_reviewed.yaml": OwnSide.build(
        domains=["sino-instruments.com"], phones=["+86 21 5888 8888"], home_country="CN",
        names=["张伟", "周敏", "黄磊", "徐丽", "Emma Wilson", "何军", "林娜", "王芳", "李雷", "赵敏", "孙丽", "陈静",
               "刘洋", "Kevin Zhou", "Lisa Wang"]),
}
PROBES: dict[str, list[dict[str, Any]]] = {
    name: yaml.safe_load(Path(__file__).with_name(name).read_text(encoding="utf-8")) for name in OWN_SIDES
}


def test_every_probe_is_there() -> None:
    assert {name: len(probes) for name, probes in PROBES.items()} == {
        "intake_assistants_reviewed.yaml": 87, "intake_signatures_reviewed.yaml": 125,
        "intake_copied_reviewed.yaml": 600}


@pytest.mark.parametrize(("name", "probe"), [(name, p) for name, probes in PROBES.items() for p in probes],
                         ids=[p["id"] for probes in PROBES.values() for p in probes])
def test_a_review_probe_reads_as_a_careful_person_would(name: str, probe: dict[str, Any]) -> None:
    parsed = parse_inquiry(probe["text"], OWN_SIDES[name])
    assert {field: getattr(parsed, field) for field in probe["expect"]} == probe["expect"]
