"""Which region an inquiry belongs to (SPEC 4.3): the first signal that names a covered country wins."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.org.model import Org
from bot.rules.intake import ParsedInquiry

Reason = Literal["tag", "address", "phone", "email", "text", "specialist", "unresolved"]


@dataclass(frozen=True)
class RegionDecision:
    region_id: str | None
    reason: Reason
    country: str | None  # the best known customer country (stated > phone > email > text), routed by or not


def decide_region(parsed: ParsedInquiry, org: Org, specialist_id: str | None) -> RegionDecision:
    """Tag naming a region, then the country the customer states, then phone, email and text countries,
    then the specialist's only region.

    Precedence when signals conflict: what the customer says about where they are (a "Country:" line, their
    address, their signature) beats the phone (people carry foreign SIMs and roaming numbers), the phone
    beats the e-mail's ccTLD (a .com.br address may sit with a subsidiary abroad), and a country merely
    named in the text comes last. A tag naming no region and a country no region covers are skipped, not
    fatal: the next signal decides; except that a country merely named in the text does not route a customer whose
    address, phone or e-mail gives a country the text names too ("from Mombasa we ship to our customer in Kampala,
    +256 …" is no Kenyan inquiry; "opening restaurants in Mexico, call +1 415 …" still goes to Mexico's desk). Our
    own country never counts there: an agent in Guangzhou with a +86 number writes for a customer abroad.
    """
    country = parsed.stated_country or parsed.phone_country or parsed.email_country or parsed.text_country
    if parsed.region_tag:
        tagged = next((r for r in org.regions if r.id.lower() == parsed.region_tag), None)
        if tagged:
            return RegionDecision(tagged.id, "tag", country)
    signals: tuple[tuple[Reason, str | None], ...] = (
        ("address", parsed.stated_country),
        ("phone", parsed.phone_country),
        ("email", parsed.email_country),
        ("text", parsed.text_country),
    )
    for reason, signal in signals:
        if reason == "text" and _placed_elsewhere(parsed, org.own.home_country):
            break
        region = org.region_for_country(signal) if signal else None
        if region:
            return RegionDecision(region.id, reason, country)
    if specialist_id:
        own = org.regions_of_specialist(specialist_id)
        if len(own) == 1:
            return RegionDecision(own[0].id, "specialist", country)
    return RegionDecision(None, "unresolved", country)


def _placed_elsewhere(parsed: ParsedInquiry, home: str) -> bool:
    """The customer's own details give a country (no region's, or the loop would have stopped there) that the text
    names as well: the other country named is where someone else is."""
    return any(c and c != home and c in parsed.named_countries
               for c in (parsed.stated_country, parsed.phone_country, parsed.email_country))
