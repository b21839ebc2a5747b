"""A phone number spoken in a voice note's transcript, written as digits.

"my number is plus two five one, nine one one, forty six, thirty eight, twenty... sorry, twenty seven" ->
"+251 911 46 38 27"; "mi número es tres quince, cuatro cuatro dos, ochenta y uno, sesenta y siete" ->
"3 15 4 4 2 81 67". Each spoken group keeps its own digits ("forty six" is 46, "tres quince" 3 then 15, "семьсот
семь" 707, "double four" 44); a correction ("sorry", "perdón", "то есть") takes back the group before it. Read only
when the text has no written number, and only a run of 7 to 15 digits: "two units" or "150 litres" is none.
"""

from __future__ import annotations

import re

__all__ = ["spoken_phone"]

_UNITS = {
    # English
    "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
    # Spanish
    "cero": 0, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9,
    # Portuguese ("meia" is six when Brazilians read out numbers)
    "um": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "meia": 6, "sete": 7, "oito": 8, "nove": 9,
    # French
    "zéro": 0, "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
    # Russian
    "ноль": 0, "нуль": 0, "один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
    "семь": 7, "восемь": 8, "девять": 9,
    # Ukrainian
    "дві": 2, "чотири": 4, "п'ять": 5, "п’ять": 5, "шість": 6, "сім": 7, "вісім": 8, "дев'ять": 9,
    "дев’ять": 9,
}
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16, "dieciseis": 16,
    "diecisiete": 17, "dieciocho": 18, "diecinueve": 19,
    "dez": 10, "onze": 11, "doze": 12, "treze": 13, "quatorze": 14, "quinze": 15, "dezesseis": 16,
    "dezasseis": 16, "dezessete": 17, "dezassete": 17, "dezoito": 18, "dezenove": 19, "dezanove": 19,
    "dix": 10, "douze": 12, "treize": 13, "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19,
    "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15,
    "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19,
    "одинадцять": 11, "дванадцять": 12, "тринадцять": 13, "чотирнадцять": 14, "п'ятнадцять": 15,
    "п’ятнадцять": 15, "шістнадцять": 16, "сімнадцять": 17, "вісімнадцять": 18, "дев'ятнадцять": 19,
    "дев’ятнадцять": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
    "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
    "noventa": 90,
    "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50, "sessenta": 60, "oitenta": 80,
    "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
    "восемьдесят": 80, "девяносто": 90,
    "двадцять": 20, "тридцять": 30, "п'ятдесят": 50, "п’ятдесят": 50, "шістдесят": 60, "сімдесят": 70,
    "вісімдесят": 80, "дев'яносто": 90, "дев’яносто": 90,
}
_HUNDREDS = {
    "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500, "шестьсот": 600, "семьсот": 700,
    "восемьсот": 800, "девятьсот": 900,
    "двісті": 200, "чотириста": 400, "п'ятсот": 500, "п’ятсот": 500, "шістсот": 600, "сімсот": 700,
    "вісімсот": 800, "дев'ятсот": 900, "дев’ятсот": 900,
}
# Spanish "veintiuno" … "veintinueve" as one word
_TEENS.update({f"veinti{word}": 20 + value for word, value in
               (("uno", 1), ("dós", 2), ("dos", 2), ("trés", 3), ("tres", 3), ("cuatro", 4), ("cinco", 5),
                ("séis", 6), ("seis", 6), ("siete", 7), ("ocho", 8), ("nueve", 9))})
_REPEATS = {"double": 2, "doble": 2, "triple": 3}
_PLUS = frozenset({"plus", "más", "mas", "mais", "плюс"})
_AND = frozenset({"and", "y", "e", "et", "и", "і"})  # "ochenta y uno", "forty and six" never: only after tens
_FILLERS = frozenset({"eh", "uh", "um", "umm", "ah", "er", "erm", "э", "ээ", "mmm", "hmm", "dash", "guion", "tiret"})
_CORRECTIONS = frozenset({"sorry", "perdón", "perdon", "perdão", "desculpa", "pardon", "извините", "простите"})
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|[.…]{2,}|[,;]")  # Ukrainian "дев'ять" is one word
_DIGITS = (7, 15)
# What says a number follows: "my number is", "call me on", "WhatsApp", "mi número", "номер".
_CUE_RE = re.compile(
    r"(?<![^\W\d_])(?:number|phone|call|whats\s?app|mobile|cell|número|numero|celular|móvil|teléfono|telefone|"
    r"ligue|llame|numéro|appelez|номер|телефон|звоните|رقم)(?![^\W\d_])", re.IGNORECASE)
_CUE_REACH = 40
_THAT_IS_RE = re.compile(r"(?<![^\W\d_])то\s+есть(?![^\W\d_])", re.IGNORECASE)  # Russian "that is" corrects


def spoken_phone(text: str) -> str | None:
    """The spoken run of 7 to 15 digits, as digits in its spoken groups, "+" first when "plus" was said: the last
    one said after "number", "call", "WhatsApp" … (a speaker repeats or corrects a number, the last reading
    stands; "sizes ten, twelve, fourteen, sixteen" said later is no number), else the last one; None when none."""
    found: list[tuple[bool, str]] = []
    for plus, groups, at in _runs(_THAT_IS_RE.sub(" sorry ", text)):
        if _DIGITS[0] <= sum(len(group) for group in groups) <= _DIGITS[1]:
            cued = plus or _CUE_RE.search(text, max(0, at - _CUE_REACH), at) is not None
            found.append((cued, ("+" if plus else "") + " ".join(groups)))
    return next((digits for cued, digits in reversed(found) if cued), found[-1][1] if found else None)


def _runs(text: str) -> list[tuple[bool, list[str], int]]:
    """Every run of number words: (whether "plus" opened it, its groups of digits, where its first word stands)."""
    runs: list[tuple[bool, list[str], int]] = []
    plus, groups, start = False, list[str](), 0
    tokens = list(_TOKEN_RE.finditer(text))
    words = [t.group().casefold() for t in tokens]
    i = 0
    while i < len(words):
        taken, group = _group(words, i)
        word = words[i]
        if group is not None and not (word == "um" and not groups):
            start = start if groups else tokens[i].start()
            groups.append(group)
            i += taken
            continue
        if word == "um" and not groups:
            pass  # a speaker's hesitation before the number, not Portuguese "one"
        elif word in _PLUS and not groups:
            plus = True
        elif word in _CORRECTIONS and groups:
            groups.pop()
        elif word in _FILLERS or word in {",", ";"} or word.startswith((".", "…")):
            pass
        else:
            if groups:
                runs.append((plus, groups, start))
            plus, groups = word in _PLUS, list[str]()
        i += 1
    if groups:
        runs.append((plus, groups, start))
    return runs


def _group(words: list[str], i: int) -> tuple[int, str | None]:
    """The spoken group at words[i] as digits and how many words it took: "forty six" (46), "ochenta y uno" (81),
    "семьсот семь" (707), "double four" (44), "quatre-vingt-dix" is not read (French tens past 60)."""
    word = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if word in _REPEATS and nxt in _UNITS:
        return 2, str(_UNITS[nxt]) * _REPEATS[word]
    if word in _HUNDREDS:  # "семьсот семь" (707), "девятьсот девяносто шесть" (996)
        taken, rest = _group(words, i + 1) if i + 1 < len(words) else (0, None)
        if rest is not None and len(rest) <= 2:
            return 1 + taken, str(_HUNDREDS[word] + int(rest))
        return 1, str(_HUNDREDS[word])
    if word in _TEENS:  # also "dix-huit"
        return 1, str(_TEENS[word])
    if "-" in word:  # "forty-six", "vingt-deux"
        tens, _, unit = word.partition("-")
        if tens in _TENS and unit in _UNITS and _UNITS[unit] > 0:
            return 1, str(_TENS[tens] + _UNITS[unit])
        return 0, None
    if word in _TENS:
        if nxt in _UNITS and _UNITS[nxt] > 0:
            return 2, str(_TENS[word] + _UNITS[nxt])
        after = words[i + 2] if i + 2 < len(words) else ""
        if nxt in _AND and after in _UNITS and _UNITS[after] > 0:
            return 3, str(_TENS[word] + _UNITS[after])
        return 1, str(_TENS[word])
    if word in _TEENS:
        return 1, str(_TEENS[word])
    if word in _UNITS:
        return 1, str(_UNITS[word])
    return 0, None
