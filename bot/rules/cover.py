"""Cover during leave (SPEC section 3): whom a prompt reaches, and for whom a delegate may answer it."""

from __future__ import annotations

from datetime import date

from bot.org.model import Org
from bot.rules.assignment import Availability, acting_for


def prompt_recipient(org: Org, person_id: str, day: date, availability: Availability) -> str | None:
    """The person, or their delegate while they are away; None when nobody active is there to read it."""
    recipient = acting_for(org, person_id, day, availability)
    person = org.person(recipient)
    return recipient if person is not None and person.active else None


def covered_by(org: Org, actor_id: str, day: date, availability: Availability) -> frozenset[str]:
    """Everyone away today whose prompts reach the actor: a valid delegate (`may_cover`) answers for them."""
    return frozenset(
        p.id for p in org.people
        if p.id != actor_id and acting_for(org, p.id, day, availability) == actor_id
    )


def represented(org: Org, actor_id: str, day: date, availability: Availability) -> frozenset[str]:
    """The actor and everyone they cover today, so the delegate can answer their prompts."""
    return frozenset({actor_id, *covered_by(org, actor_id, day, availability)})
