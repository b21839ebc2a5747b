"""Region routing (SPEC 4.3): tag, phone, email, text, the specialist's only region, else unresolved."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from bot.org.model import Channel, Department, Org, Person, Region, Role
from bot.rules.intake import ParsedInquiry, parse_inquiry
from bot.rules.routing import RegionDecision, decide_region


def _person(pid: str, role: Role, department: str | None = None) -> Person:
    return Person(
        id=pid, name=pid.title(), roles=frozenset({role}), ids={"slack": f"U{pid.upper()}"}, department=department
    )


def _region(rid: str, countries: str, department: str, specialist: str) -> Region:
    return Region(
        id=rid, name={"en": rid.title()}, countries=frozenset(countries.split()), department=department,
        specialist=specialist,
    )


def make_org() -> Org:
    """Four regions; "li" covers latam only, "sara" covers mena and cis, "anna" covers europe."""
    return Org(
        timezone="Asia/Shanghai",
        locale="zh-CN",
        calendar="cn",
        calendar_overrides={},
        intake=Channel(ids={"slack": "C0INTAKE"}),
        announce=None,
        regions=(
            _region("latam", "BR MX AR CL CO PE", "trade1", "li"),
            _region("mena", "AE SA EG KW QA OM MA", "trade2", "sara"),
            _region("cis", "RU KZ UZ BY KG", "trade2", "sara"),
            _region("europe", "FR DE GB ES IT NL", "trade3", "anna"),
        ),
        departments=(
            Department(id="trade1", name={"en": "Trade 1"}, manager="wang"),
            Department(id="trade2", name={"en": "Trade 2"}, manager="zhao"),
            Department(id="trade3", name={"en": "Trade 3"}, manager="sun"),
        ),
        people=(
            _person("li", Role.SPECIALIST),
            _person("sara", Role.SPECIALIST),
            _person("anna", Role.SPECIALIST),
            _person("admin", Role.ADMIN),
            _person("wang", Role.MANAGER, "trade1"),
            _person("zhao", Role.MANAGER, "trade2"),
            _person("sun", Role.MANAGER, "trade3"),
            _person("zhang", Role.REP, "trade1"),
            _person("liu", Role.REP, "trade2"),
            _person("chen", Role.REP, "trade3"),
        ),
    )


ORG = make_org()
EMPTY = ParsedInquiry(
    text="", customer_name=None, company=None, email=None, phone=None, phone_country=None, email_country=None,
    text_country=None, source=None, product=None, region_tag=None,
)


def _parsed(**signals: Any) -> ParsedInquiry:
    return dataclasses.replace(EMPTY, **signals)


@pytest.mark.parametrize(
    ("signals", "specialist", "expected"),
    [
        # an explicit tag naming a region wins over everything
        ({"region_tag": "mena", "phone_country": "BR"}, "li", RegionDecision("mena", "tag", "BR")),
        ({"region_tag": "europe"}, None, RegionDecision("europe", "tag", None)),
        # a tag naming no region is ignored
        ({"region_tag": "asia", "phone_country": "BR"}, None, RegionDecision("latam", "phone", "BR")),
        ({"region_tag": "instruments"}, "li", RegionDecision("latam", "specialist", None)),
        # phone, then email, then text
        ({"phone_country": "BR", "email_country": "RU", "text_country": "FR"}, None,
         RegionDecision("latam", "phone", "BR")),
        ({"email_country": "RU", "text_country": "FR"}, None, RegionDecision("cis", "email", "RU")),
        ({"text_country": "FR"}, None, RegionDecision("europe", "text", "FR")),
        ({"phone_country": "KZ"}, None, RegionDecision("cis", "phone", "KZ")),
        # a country no region covers falls through to the next signal, but stays the customer's country
        ({"phone_country": "CN", "email_country": "AE"}, None, RegionDecision("mena", "email", "CN")),
        ({"phone_country": "US", "email_country": "VN", "text_country": "MX"}, None,
         RegionDecision("latam", "text", "US")),
        # ... but not when the text names the customer's own (uncovered) country too: the other one is someone else's
        ({"phone_country": "UG", "text_country": "DE", "named_countries": ("DE", "UG")}, None,
         RegionDecision(None, "unresolved", "UG")),
        ({"email_country": "UG", "text_country": "DE", "named_countries": ("UG", "DE")}, "li",
         RegionDecision("latam", "specialist", "UG")),
        # our own country's number (an agent in Guangzhou) says nothing of where the customer is
        ({"phone_country": "CN", "text_country": "DE", "named_countries": ("CN", "DE")}, None,
         RegionDecision("europe", "text", "CN")),
        ({"phone_country": "IN", "text_country": "IN"}, "anna", RegionDecision("europe", "specialist", "IN")),
        ({"phone_country": "IN"}, None, RegionDecision(None, "unresolved", "IN")),
        # the forwarding specialist's region, only if they cover exactly one
        ({}, "li", RegionDecision("latam", "specialist", None)),
        ({}, "anna", RegionDecision("europe", "specialist", None)),
        ({}, "sara", RegionDecision(None, "unresolved", None)),  # two regions: ask
        ({}, "admin", RegionDecision(None, "unresolved", None)),  # covers none
        ({}, "nobody", RegionDecision(None, "unresolved", None)),
        ({}, None, RegionDecision(None, "unresolved", None)),
        ({"email_country": "VN"}, None, RegionDecision(None, "unresolved", "VN")),
    ],
)
def test_decide_region(
    signals: dict[str, str | None], specialist: str | None, expected: RegionDecision
) -> None:
    assert decide_region(_parsed(**signals), ORG, specialist) == expected


@pytest.mark.parametrize(
    ("text", "specialist", "expected"),
    [
        ("Tel: +55 (11) 98765-4321\nEmail: c@pau.com.br", "sara", RegionDecision("latam", "phone", "BR")),
        ("Email: s.ivanov@pribor-m.ru", None, RegionDecision("cis", "email", "RU")),
        ("Laboratorio en Lima, Perú", None, RegionDecision("latam", "text", "PE")),
        ("客户来自哈萨克斯坦", None, RegionDecision("cis", "text", "KZ")),
        ("نحن في مصر", None, RegionDecision("mena", "text", "EG")),
        ("#mena customer from Brazil", "li", RegionDecision("mena", "tag", "BR")),
        ("区域: europe\n+971 50 123 4567", None, RegionDecision("europe", "tag", "AE")),
        ("#LATAM", None, RegionDecision("latam", "tag", None)),
        ("Phone: +86 138 0013 8000\nEmail: omar@gulf.ae", None, RegionDecision("mena", "email", "CN")),
        ("WhatsApp 5491123456789", None, RegionDecision("latam", "phone", "AR")),
        ("+1 (614) 555-0172, United States", "anna", RegionDecision("europe", "specialist", "US")),
        ("+1 (614) 555-0172, United States", "sara", RegionDecision(None, "unresolved", "US")),
        ("Please send your catalogue", "li", RegionDecision("latam", "specialist", None)),
        ("Please send your catalogue", None, RegionDecision(None, "unresolved", None)),
        ("客户想要产品目录", "sara", RegionDecision(None, "unresolved", None)),
        ("Hi, interested in pH meters - sales@labworks.co", None, RegionDecision(None, "unresolved", None)),
    ],
)
def test_parse_then_route(text: str, specialist: str | None, expected: RegionDecision) -> None:
    assert decide_region(parse_inquiry(text), ORG, specialist) == expected


def test_tag_matches_region_ids_case_insensitively() -> None:
    org = dataclasses.replace(ORG, regions=(_region("LatAm", "BR", "trade1", "li"),))
    assert decide_region(_parsed(region_tag="latam"), org, None) == RegionDecision("LatAm", "tag", None)


def test_first_region_in_file_order_wins_when_two_cover_a_country() -> None:
    org = dataclasses.replace(ORG, regions=(*ORG.regions, _region("brazil-key", "BR", "trade3", "anna")))
    assert decide_region(_parsed(phone_country="BR"), org, None).region_id == "latam"


def test_decision_is_frozen() -> None:
    decision = decide_region(EMPTY, ORG, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        decision.region_id = "latam"  # type: ignore[misc]
