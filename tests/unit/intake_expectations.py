"""What a parsed sample should hold: every ParsedInquiry field, None unless the sample says otherwise."""

from __future__ import annotations

from typing import Any

FIELDS = ("customer_name", "company", "email", "phone", "phone_country", "email_country", "text_country",
          "source", "product", "region_tag", "stated_country")


def expect(**fields: Any) -> dict[str, Any]:
    unknown = set(fields) - set(FIELDS)
    assert not unknown, unknown
    return dict.fromkeys(FIELDS) | fields
