"""Human-friendly sequential ids: INQ-2026-000123 and PEN-2026-00042."""

from __future__ import annotations

import re

INQUIRY_ID = re.compile(r"^INQ-(\d{4})-(\d{6})$", re.IGNORECASE)
PENALTY_ID = re.compile(r"^PEN-(\d{4})-(\d{5})$", re.IGNORECASE)


def inquiry_id(year: int, number: int) -> str:
    return f"INQ-{year:04d}-{number:06d}"


def penalty_id(year: int, number: int) -> str:
    return f"PEN-{year:04d}-{number:05d}"


def inquiry_seq(year: int, number: int) -> int:
    """A single integer that orders ids across years ("who was first" is decided by it)."""
    return year * 1_000_000 + number


def normalise_inquiry_id(raw: str) -> str | None:
    """Accept `inq-2026-000123` or `2026-123` as a person would type it; None when it is no id."""
    text = raw.strip().upper()
    if INQUIRY_ID.match(text):
        return text
    short = re.fullmatch(r"(?:INQ-?)?(\d{4})-(\d{1,6})", text)
    if short:
        return inquiry_id(int(short.group(1)), int(short.group(2)))
    return None


def normalise_penalty_id(raw: str) -> str | None:
    text = raw.strip().upper()
    match = re.fullmatch(r"(?:PEN-?)?(\d{4})-(\d{1,5})", text)
    return penalty_id(int(match.group(1)), int(match.group(2))) if match else None
