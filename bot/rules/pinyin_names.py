"""Mandarin names written in pinyin ("Xu Li", "Zhang Wei", "Wei Zhang"): how our staff sign their chat replies when
the org file knows them as 徐丽 and 张伟. A common surname and a given name of one or two pinyin syllables."""

from __future__ import annotations

import re

__all__ = ["is_pinyin_name"]

# The hundred-odd most common surnames of mainland China, in pinyin.
_SURNAME_WORDS = (
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng liang xie song tang "
    "han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao cui "
    "zhong tan fan jin shi liao jia xia fu fang bai zou meng xiong qin qiu yin xue yan duan lei hou long tao gu mao "
    "hao gong shao wan qian dai lv lyu kong chang kang mo qiao hong niu wen"
)
_SURNAMES = frozenset(_SURNAME_WORDS.split())
_INITIAL = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINAL = (r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|uan|van|ian|iao|uai|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ui|"
          r"ue|ve|er|a|o|e|i|u|v)")
_SYLLABLE = _INITIAL + _FINAL
_GIVEN_RE = re.compile(rf"(?:{_SYLLABLE}){{1,2}}", re.IGNORECASE)


def is_pinyin_name(name: str) -> bool:
    """Two capitalised words: a common surname and a one- or two-syllable given name, in either order."""
    words = name.split()
    if len(words) != 2 or not all(w[:1].isupper() and w.isascii() and w.isalpha() for w in words):
        return False
    first, second = (w.casefold() for w in words)
    return (first in _SURNAMES and _GIVEN_RE.fullmatch(second) is not None) or (
        second in _SURNAMES and _GIVEN_RE.fullmatch(first) is not None)
