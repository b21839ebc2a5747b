"""The Unicode blocks of the scripts the intake reads, as character-class ranges for patterns
(f"[{HAN}{KANA}]"), and the one-character tests built from them."""

from __future__ import annotations

import re
import unicodedata

HAN = "\u3400-\u9fff"  # CJK ideographs: extension A and the unified block
KANA = "\u3040-\u30ff"  # hiragana and katakana
HANGUL = "\uac00-\ud7af"  # syllables
THAI = "\u0e00-\u0e7f"
ARABIC = "\u0600-\u06ff"  # Arabic, Persian, Urdu
# Scripts written without spaces between words (Han, kana, Thai) or with particles glued to a name (Hangul):
# a name in them is a substring of a longer run ("ส่งไปที่โรงงานในโฮจิมินห์", "하노이에서").
UNSPACED = f"{HAN}{KANA}{THAI}{HANGUL}"

HAN_RE = re.compile(f"[{HAN}]")
ARABIC_RE = re.compile(f"[{ARABIC}]")


def ascii_letters(text: str) -> str:
    """The text's letters folded to a-z, everything else dropped: "Wróblewska" -> "wroblewska", "Łódź" -> "lodz"."""
    folded = unicodedata.normalize(
        "NFKD", text.casefold().replace("ł", "l").replace("ı", "i").replace("ø", "o"))
    return "".join(ch for ch in folded if "a" <= ch <= "z")
