"""Customer name, company and product of interest: labels, "I am X from Y", card lines and signatures."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bot.rules.name_words import (
    CLOSING_RE,
    COMPANY_LABELS,
    COMPANY_WORD_RE,
    HONORIFIC_RE,
    HONORIFIC_TAIL_RE,
    JOB_WORDS,
    LEGAL_RE,
    NAME_LABELS,
    PARTICLES,
    PRODUCT_LABELS,
    TITLE_WORDS,
)
from bot.rules.products import find_product

__all__ = ["find_company", "find_customer_name", "find_product", "labelled_values"]

_LABELLED_RE = re.compile(
    r"^[ \t*•>-]*(?:\[[^\]\n]{0,40}\][ \t]*)?(?P<label>[^\n:：]{1,40}?)[ \t]*[:：][ \t]*(?P<value>[^\n]*?)[ \t]*$",
    re.MULTILINE,
)
_FROM_PARTICLES = frozenset({"de", "da", "do", "von", "del", "des", "du"})
_NOT_END = r"(?<!Ltd)(?<!Co)(?<!Inc)(?<!Sp)(?<!S\.A)(?<!\bMr)(?<!\bDr)"
_SENTENCE_RE = re.compile(_NOT_END + r"(?<=[.?!])\s+(?=[^\W\d_a-zà-ÿа-я])")
_PARTS_RE = re.compile(r"[,،]\s+|[，（）]\s*|\s[·|]\s|\s[-–—]\s|" + _NOT_END + r"[.!?]\s+(?=[^\W\d_a-zà-ÿа-я])")
_CONTACT_RE = re.compile(r"\S+@\S+|\+?\(?\d[\d \t().-]{5,}\d")
_ANGLE_RE = re.compile(r"<[^>]*>|[\"“”]")
_DOMAIN_RE = re.compile(r"\w\.[a-z]{2,}\b|https?:|www\.|@|\d", re.IGNORECASE)
_CUT_RE = re.compile(r"\s*(?:[(\[,،，（|·•/]|\s-\s|\s–\s|\s—\s)")
_WORD = r"[^\W\d_][\w'’.-]*"
# "Alibaba RFQ from Ana Costa, ...", "LinkedIn message from X (...)", "Mensagem no LinkedIn de X", "DM: X, ..."
_FROM_RE = re.compile(
    r"(?:\b(?:rfq|inquiry|enquiry|message|messages|request|dm|inmail|mensagem|mensaje|mensaje directo|demande)"
    r"(?:\s+(?:no|en|on|via|sur)\s+\w+)?\s+(?:from|de|by)\s+)(?P<rest>[^\n]+)",
    re.IGNORECASE,
)
# Self-introductions: the capitalised words after them are a name; "from Y" after it may be the company.
_INTRO_RE = re.compile(
    r"(?:\b(?:my\s+name\s+is|i\s+am|i['’]m|this\s+is|meu\s+nome\s+é|me\s+llamo|mi\s+nombre\s+es|"
    r"aqui\s+é(?:\s+[ao](?=\s))?|c['’]est|je\s+m['’]appelle|je\s+suis|ich\s+bin|mein\s+name\s+ist|benim\s+adım|"
    r"tôi\s+là|em\s+là|mình\s+là|nama\s+saya|saya|меня\s+зовут|мене\s+звати|contact)"
    r"|(?:^|(?<=[,.!:] )|(?<=hola )|(?<=olá )|(?<=oi )|(?<=merhaba, )|(?<=merhaba ))(?:soy|sou|ben|я)"
    r"|(?:أنا|انا)(?:\s+اسمي)?|اسمي|معك)"
    r"\s+(?P<rest>[^\n]+)",
    re.IGNORECASE | re.MULTILINE,
)
# "..., obrigado, Felipe Arruda - felipe@x.com.br": a thank-you inside a line, then the sender's name.
_INLINE_CLOSING_RE = re.compile(
    r"\b(?:thanks|thank\s+you|regards|obrigad[oa]|gracias|saludos|merci|cordialement|grazie|danke|спасибо|"
    r"terima\s+kasih|cảm\s+ơn|teşekkürler)[,!.]?\s+(?P<rest>[^\W\d_][^\n]*)",
    re.IGNORECASE,
)
_COMPANY_AFTER_RE = re.compile(
    r"^[\s,]*(?:(?:and\s+)?(?:i\s+)?(?:work\s+)?(?:from|of|at|with|de|da|do|von|vom|für|from the|trabajo en|"
    r"dari|từ|của|من|компания|компании|компанія|фирма|,)\s+)"
    r"(?:(?:la|le|der|die|the|a|o|empresa|société|societe|company|firma)\s+|l['’])?"
    r"(?P<company>[^\n]+)",
    re.IGNORECASE,
)


def labelled_values(text: str) -> list[tuple[str, str]]:
    """(normalised label, value) of every "Label: value" line, in order."""
    return [
        (" ".join(m.group("label").casefold().split()), m.group("value"))
        for m in _LABELLED_RE.finditer(text)
        if m.group("value")
    ]


def find_customer_name(text: str, labelled: list[tuple[str, str]], own: Iterable[str] = ()) -> str | None:
    """The customer's name, honorifics stripped; never one of `own` (our people)."""
    ours = {n.casefold() for n in own}
    for name in _name_candidates(text, labelled):
        if name.casefold() not in ours and not any(o in name.casefold() for o in ours if len(o) >= 5):
            return name
    return None


def _name_candidates(text: str, labelled: list[tuple[str, str]]) -> Iterator[str]:
    for label, value in labelled:
        if _is_name_label(label):
            name = _display_name(value) or _leading_name(value)
            if name:
                yield name
    for regex in (_FROM_RE, _INTRO_RE):
        for match in regex.finditer(text):
            name = _leading_name(match.group("rest"), free_text=True)
            if name:
                yield name
    for line in _signature_lines(text):
        name = _leading_name(line)
        if name:
            yield name
            break
    for match in _INLINE_CLOSING_RE.finditer(text):
        name = _leading_name(match.group("rest"), free_text=True)
        if name:
            yield name
    yield from _card_names(text)


def _is_name_label(label: str) -> bool:
    """"Name:", "Buyer name:", "Sender's name:", "Inquiry from:" (never "Company name:")."""
    if label in NAME_LABELS:
        return True
    if _is_company_label(label):
        return False
    return bool(re.search(r"(?:^|\s)(?:name|from|contact)$|^sender|^buyer|^customer|^client", label))


def _is_company_label(label: str) -> bool:
    """"Company:", "Sender's company:", "Nombre de la empresa:"."""
    return label in COMPANY_LABELS or bool(
        re.search(r"\b(?:company|empresa|société|firma|organi[sz]ation|компания)\b|公司|الشركة", label)
    )


def find_company(text: str, labelled: list[tuple[str, str]]) -> str | None:
    """A labelled company, else the company after an introduction, on a card line or in the signature."""
    for label, value in labelled:
        if _is_company_label(label):
            company = _clean_company(value, strict=False)
            if company:
                return company
    for regex in (_FROM_RE, _INTRO_RE):
        for match in regex.finditer(text):
            company = _company_after_name(match.group("rest"))
            if company:
                return company
    for label, value in labelled:
        if _is_name_label(label):
            company = _company_in_parts(value)
            if company:
                return company
    lines = [piece for line in text.splitlines() if not _skipped_label(line) for piece in _pieces(line.strip())]
    for line in [*_signature_lines(text), *lines]:
        company = _company_in_parts(line) if _CUT_RE.search(line) else _clean_company(line, strict=True)
        if company:
            return _company_end(company)
    return None


def _display_name(value: str) -> str | None:
    """"Nguyen, Hoang" <h@x.vn> -> "Hoang Nguyen"; "Maria Silva <m@x.com>" -> "Maria Silva"."""
    match = re.match(r'^\s*"?([^"<\n]+?)"?\s*<[^>]+>', value)
    if not match:
        return None
    raw = match.group(1).strip()
    if raw.count(",") == 1:
        last, first = (part.strip() for part in raw.split(","))
        raw = f"{first} {last}"
    return _clean_name(raw)


def _leading_name(value: str, free_text: bool = False) -> str | None:
    """The person's name at the start of a value: cut at the first comma, bracket, "·" or " - "."""
    value = _CONTACT_RE.sub(" ", _ANGLE_RE.sub(" ", value)).strip()
    value = HONORIFIC_RE.sub("", value)
    value = HONORIFIC_RE.sub("", value)
    head = _CUT_RE.split(value, maxsplit=1)[0].strip(" .;:!")
    if free_text:
        head = _capitalised_run(head)
    name = _clean_name(head)
    return name if name and _looks_like_person(name) else None


def _capitalised_run(text: str) -> str:
    """The capitalised words at the start of free text: "Ana Costa and I need" -> "Ana Costa"."""
    words: list[str] = []
    arabic = bool(re.match(r"[\u0600-\u06ff]", text))
    for word in text.split():
        bare = word.strip(".,;:!?،")
        if arabic:
            if not re.fullmatch(r"[\u0600-\u06ff]+", bare) or bare in ("من", "في", "صاحب") or len(words) == 3:
                break
        elif not _continues_name(bare, words):
            break
        words.append(bare)
        if bare != word:
            break
    while words and words[-1].casefold() in PARTICLES:
        words.pop()
    return " ".join(words)


def _continues_name(word: str, words: list[str]) -> bool:
    """A capitalised word, or a particle inside a name ("da Silva"), but "de"/"da" after two words is "from"."""
    if not word:
        return False
    if len(words) >= 2 and word.casefold() in _FROM_PARTICLES:
        return False
    return word[0].isupper() or bool(words) and word.casefold() in PARTICLES


def _card_names(text: str) -> Iterator[str]:
    """"Name Surname, Company Ltd, City" and a name line directly above a company or title line."""
    lines = [line.strip() for line in text.splitlines()]
    for index, line in enumerate(lines):
        for piece in _pieces(line):
            parts = [p.strip() for p in _CUT_RE.split(piece, maxsplit=1)]
            if len(parts) == 2 and _company_in_parts(parts[1]):
                name = _leading_name(parts[0])
                if name:
                    yield name
        below = next((other for other in lines[index + 1 :] if other), "")
        if below and (_clean_company(below, strict=True) or _is_title(below)):
            name = _leading_name(line)
            if name and len(name.split()) >= 2:
                yield name


def _pieces(line: str) -> list[str]:
    """A line's value after any "Label:", and its sentences: where a "Name, Company" card may sit."""
    value = re.split(r"[:：]\s*", line, maxsplit=1)[-1]
    return [*dict.fromkeys([value, *_SENTENCE_RE.split(value)])]


def _skipped_label(line: str) -> bool:
    """Lines labelled as something else than a company or a person (a product, a subject, a message)."""
    match = _LABELLED_RE.match(line)
    label = " ".join(match.group("label").casefold().split()) if match else ""
    return label in PRODUCT_LABELS or label in {"subject", "message", "主题", "тема", "assunto", "asunto", "objet"}


def _is_title(line: str) -> bool:
    words = [w.casefold().strip(".,") for w in line.split()]
    return 0 < len(words) <= 6 and any(w in JOB_WORDS for w in words)


def _company_after_name(rest: str) -> str | None:
    """What follows an introduced name: "Ana Costa, BioLab Ltda (Brazil)", "X from Y", "X, компания Y"."""
    rest = HONORIFIC_RE.sub("", _ANGLE_RE.sub(" ", rest).strip())
    name = _capitalised_run(rest) if not re.match(r"[\u0600-\u06ff]", rest) else _capitalised_run(rest)
    if not name:
        return None
    tail = rest[rest.find(name.split()[-1]) + len(name.split()[-1]) :]
    if tail.startswith(")"):
        tail = tail[1:]
    inner = re.match(r"\s*\(([^)]*)\)", tail)
    if inner:
        return _company_in_parts(re.sub(r"^.*?\bat\s+|^.*?\bem\s+|^.*?\ben\s+", "", inner.group(1)))
    match = _COMPANY_AFTER_RE.match(tail)
    if not match:
        return None
    return _company_in_parts(match.group("company"), loose=True)


def _company_in_parts(value: str, loose: bool = False) -> str | None:
    """The first comma-separated part that is a company; "at X" and "en X" are unwrapped."""
    value = re.sub(r"^.*?\s(?:at|en|em|chez|bei)\s+(?=\S)", "", value.strip(), count=1)
    value = _CONTACT_RE.sub(" ", value)
    parts = [_without_final_stop(p.strip()) for p in _PARTS_RE.split(value)]
    if loose and parts and not any(_clean_company(p, strict=True) for p in parts[:2]):
        first = parts[0]
        if len(first.split()) >= 2 and first[:1].isupper() and _clean_company(first, strict=False):
            return _company_end(first)
        return None
    for part in parts[:4]:
        company = _clean_company(part, strict=True)
        if company:
            return _company_end(company)
    return None


def _is_prefix_form(company: str, match: re.Match[str]) -> bool:
    """"ТОО Аналитика", "PT Sinar", "ООО «Лаб»": a legal form written before the name is no end."""
    return bool(re.fullmatch(r"(?:ооо|оао|зао|пао|ао|тоо|тов|чуп|ип|pt|cv)\.?", match.group().strip(), re.IGNORECASE))


def _without_final_stop(part: str) -> str:
    """A sentence's full stop goes, an abbreviation's stays: "S.A.S." keeps it, "Ltda." at a sentence end not."""
    last = part.split()[-1] if part.split() else ""
    return part if "." in last[:-1] else part.rstrip(" .")


def _company_end(company: str) -> str:
    """Cut what follows the legal form: "OenoLab SAS à Bordeaux" -> "OenoLab SAS"."""
    ends = [m.end() for m in LEGAL_RE.finditer(company) if m.start() > 0 and not _is_prefix_form(company, m)]
    if ends and not re.match(r"\s*[(«\"]", company[ends[-1] :]):
        company = company[: ends[-1]]
    company = re.sub(r"\s*\((?!pty\))[^)]*\)$", "", company, flags=re.IGNORECASE)
    company = re.sub(r"^(?:I|We)\s+(?:run|own|are|represent|work\s+(?:at|for))\s+", "", company)
    return re.sub(r"\s+(?:in|em|en|à|a|à|в|في|ở|di)\s+[^\W\d_][\w ]*$", "", company).strip(" ,;")


def _signature_lines(text: str) -> list[str]:
    """The text after the last closing ("Best regards,"): its remainder, then up to four non-empty lines."""
    closings = list(CLOSING_RE.finditer(text))
    if not closings:
        return []
    last = closings[-1]
    lines = [last.group("rest")] if last.group("rest").strip() else []
    lines += [line.strip() for line in text[last.end() :].splitlines() if line.strip()]
    return lines[:5]


def _clean_name(value: str) -> str | None:
    name = HONORIFIC_TAIL_RE.sub("", HONORIFIC_RE.sub("", " ".join(_ANGLE_RE.sub(" ", value).split()).strip(" ,;-")))
    if not name or len(name) > 60 or len(name.split()) > 6 or _DOMAIN_RE.search(name):
        return None
    if ":" in name or "：" in name or not any(ch.isalpha() for ch in name):
        return None
    return name


def _looks_like_person(name: str) -> bool:
    """Capitalised words that are neither a job title nor a company; Chinese and Arabic names as they are."""
    words = name.split()
    if LEGAL_RE.search(name) or COMPANY_WORD_RE.search(name):
        return False
    if any(w.casefold().strip(".,") in TITLE_WORDS for w in words):
        return False
    if re.fullmatch(r"[\u3400-\u9fff·]{2,5}", name):
        return True
    if re.fullmatch(r"[\u0600-\u06ff ]+", name):
        return 1 <= len(words) <= 4
    return len(words) <= 5 and all(w[0].isupper() or w.casefold() in PARTICLES for w in words)


def _clean_company(value: str, strict: bool) -> str | None:
    """A company name: with a legal form or a company word when `strict` (free text), else any label value."""
    company = " ".join(value.split()).strip(" ,;")
    if not company or len(company) > 100 or re.search(r"@|https?:|www\.|\+?\d[\d ()-]{6,}", company):
        return None
    if strict and not (LEGAL_RE.search(company) or COMPANY_WORD_RE.search(company)):
        return None
    if strict and (len(company.split()) > 9 or _is_title(company) or not _capitalised_enough(company)):
        return None
    if re.search(r"[\u3400-\u9fff]", company) and (re.search(r"[A-Za-z]", company) or "的" in company):
        return None
    company = _without_lowercase_lead(re.sub(r"^(?:نحن|إننا|اننا|أنا|انا)\s+", "", company))
    if strict:
        company = re.sub(r"^(?:our\s+company(?:\s+is)?|company|компания|компанія|empresa|société|firma)"
                         r"(?:[,:]\s*|\s+(?=(?:ооо|тоо|тов|ао|оао|зао|пао|pt|cv)\b)|(?<=is)\s+)", "",
                         company, flags=re.IGNORECASE)
    return company if strict or company else None


def _without_lowercase_lead(company: str) -> str:
    """"de Apícola del Sur SRL" -> "Apícola del Sur SRL": lower-case words before the name are prose."""
    words = company.split()
    while len(words) > 1 and words[0][:1].islower():
        words.pop(0)
    return " ".join(words)


def _capitalised_enough(text: str) -> bool:
    """Most words of a name start with a capital (scripts without case pass): a sentence does not."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", text) if len(w) > 2 and w.casefold() not in PARTICLES]
    cased = [w for w in words if w[0].upper() != w[0].lower()]
    if not cased:
        return True
    return sum(1 for w in cased if w[0].isupper()) >= 0.6 * len(cased)
