"""How Feishu text is written: a mention is `<at user_id="ou_…">Name</at>` in a text message, and in a card a
`lark_md` line of `<at id=ou_…></at>` beside the plain_text body. Printed values are neutralised so that nothing
a customer wrote can become a tag: every `<` before a letter or `/` gets a word joiner (U+2060, invisible), so
`<at user_id="…">` or `<b>` from a customer reaches the reader as text and notifies nobody.
"""

from __future__ import annotations

import re

from bot.notifiers.render_markup import Markup

WORD_JOINER = "\u2060"
_TAG_OPENING = re.compile(r"<(?=\s*[A-Za-z/])")
MENTION = re.compile(r'<at user_id="(ou_[0-9A-Za-z_]+)">([^<]*)</at>')  # only `mention` writes these


def escape(text: str) -> str:
    """Text Feishu shows as it is: no tag can start in it."""
    return _TAG_OPENING.sub("<" + WORD_JOINER, text)


def mention(open_id: str, name: str) -> str:
    """A mention in a text message: the person is notified and sees their name."""
    return f'<at user_id="{open_id}">{escape(name)}</at>'


def split_mentions(text: str) -> tuple[str, list[str]]:
    """A rendered text for a card: the text with each mention as `@Name` (for a plain_text element) and the
    open ids it mentioned, in order, without repeats (for the card's lark_md mention line)."""
    mentioned: list[str] = []

    def plain(match: re.Match[str]) -> str:
        if match.group(1) not in mentioned:
            mentioned.append(match.group(1))
        return f"@{match.group(2)}"

    return MENTION.sub(plain, text), mentioned


def card_mentions(open_ids: list[str]) -> str:
    """The lark_md content of a card's mention line: the at-tags only, no other text."""
    return " ".join(f"<at id={open_id}></at>" for open_id in open_ids)


FEISHU_MARKUP = Markup(escape, mention)
