"""Is a forwarded line an inquiry at all? A text with no contact, no country, no company, no product and no
region tag, shorter than a real message, is more likely a greeting or a note ("hello", "ok, thanks") than a
customer's inquiry: the bot asks before it gives anyone a deadline. Pure."""

from __future__ import annotations

from bot.rules.intake import ParsedInquiry

SHORT_TEXT = 40  # characters; real inquiries, even terse ones, carry more than this or some contact detail


def has_signal(parsed: ParsedInquiry) -> bool:
    """True when the text carries anything an inquiry is made of, or is long enough to be one."""
    found = (parsed.email, parsed.phone, parsed.phone_country, parsed.email_country, parsed.text_country,
             parsed.company, parsed.product, parsed.region_tag)
    return any(found) or len(parsed.text.strip()) >= SHORT_TEXT
