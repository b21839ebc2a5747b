"""Chat markup taken out before an inquiry is read: link markup (`<url|text>`), bold markers and HTML entities."""

from __future__ import annotations

import html
import re

__all__ = ["plain_text"]

# Chat link markup: "<mailto:a@b.com|a@b.com>", "<tel:+55...|+55 11 ...>", "<https://x.com|x.com>", "<https://x.com>".
_LABELLED_LINK_RE = re.compile(r"<(?:mailto:|tel:|https?://)[^|<>\n]*\|([^<>\n]+)>")
_BARE_LINK_RE = re.compile(r"<((?:mailto:|tel:|https?://)[^|<>\n]+)>")
# Channel and user mentions ("<#C0123|general>", "<@U0123>") are no customer text; "#general" would be a tag.
_MENTION_RE = re.compile(r"<[#@!][^<>\n]*>")
# "Buyer: Ivan Petrov | Company: LLC Lab | Tel: ..." is several labelled lines written on one.
_FIELD_BAR_RE = re.compile(r"[ \t]+[|¦][ \t]+(?=[^\n|:：]{1,30}[:：])")
_BOLD_RE = re.compile(r"(?<![\w*])\*([^*\n]{1,200}?)\*(?![\w*])")
# Digits typed on phones set to another script read as 0-9: Arabic-Indic (٠١٢), Persian (۰۱۲), Devanagari (०१२),
# Bengali (০১২), Gurmukhi, Gujarati, Tamil, Thai (๐๑๒), Lao, Myanmar, Khmer and full-width (０１２); one character
# for one, so positions stay.
_ZEROS = (0x0660, 0x06F0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0BE6, 0x0E50, 0x0ED0, 0x1040, 0x17E0, 0xFF10)
_DIGITS = {zero + d: ord("0") + d for zero in _ZEROS for d in range(10)}


def plain_text(text: str) -> str:
    """The text as a person reads it: "*Email:* <mailto:a@b.com|a@b.com>" -> "Email: a@b.com"."""
    text = _LABELLED_LINK_RE.sub(r"\1", text)
    text = _BARE_LINK_RE.sub(lambda m: m.group(1).removeprefix("mailto:").removeprefix("tel:"), text)
    text = _MENTION_RE.sub(" ", text)
    text = _BOLD_RE.sub(r"\1", text)
    text = _FIELD_BAR_RE.sub("\n", text).translate(_DIGITS)
    return html.unescape(text) if "&" in text else text
