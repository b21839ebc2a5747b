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
# Arabic-Indic (٠١٢) and Persian (۰۱۲) digits, typed on phones set to Arabic or Persian, read as 0-9; one
# character for one, so positions stay.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def plain_text(text: str) -> str:
    """The text as a person reads it: "*Email:* <mailto:a@b.com|a@b.com>" -> "Email: a@b.com"."""
    text = _LABELLED_LINK_RE.sub(r"\1", text)
    text = _BARE_LINK_RE.sub(lambda m: m.group(1).removeprefix("mailto:").removeprefix("tel:"), text)
    text = _MENTION_RE.sub(" ", text)
    text = _BOLD_RE.sub(r"\1", text)
    text = _FIELD_BAR_RE.sub("\n", text).translate(_DIGITS)
    return html.unescape(text) if "&" in text else text
