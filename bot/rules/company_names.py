"""Whether a piece of text is a company name, and the first company among comma-separated parts."""

from __future__ import annotations

import re

from bot.rules.company_shapes import (
    DEPARTMENT_RE,
    company_end,
    ends_in_legal_form,
    prefix_form_company,
    unquoted,
    without_final_stop,
)
from bot.rules.countries import find_country_in_text
from bot.rules.free_text import (
    CONTACT_RE,
    PARTS_RE,
    capitalised_run,
    is_title,
)
from bot.rules.name_words import COMPANY_WORD_RE, JOB_WORDS, LEGAL_RE, PARTICLES, THING_WORDS, TITLE_WORDS
from bot.rules.places import city_mentions
from bot.rules.scripts import ARABIC_RE, HAN_RE

__all__ = ["capitalised_enough", "clean_company", "company_in_parts", "definite_if_arabic"]


_DESCRIBED_RE = re.compile(
    r"(?:we\s+are|i\s+am|somos|nous\s+sommes|wir\s+sind)\s+(?:a|an|un|una|une|uma|um|ein|eine)\s", re.IGNORECASE
)
# What a company field holds when there is none.
_NO_COMPANY = frozenset({"n/a", "na", "none", "nil", "null", "no", "individual", "private", "personal", "self",
                         "self-employed", "particular", "ninguna", "nenhuma", "aucune", "keine", "нет", "无", "个人",
                         "لا يوجد", "not provided", "not specified", "unknown", "no company", "sin empresa",
                         "não informado", "не указано", "未提供"})


def company_in_parts(value: str, loose: bool = False) -> str | None:
    """The first comma-separated part that is a company; "at X" and "en X" are unwrapped."""
    value = value.strip()
    at = re.match(r"^([^,\n]*?)\s(?:at|en|em|chez|bei)\s+(?=\S)", value)
    # "Lab manager at X" unwraps; "Laboratorio X S.L. en Las Palmas" keeps the company before "en".
    after = value[at.end() :].split(",")[0] if at else ""
    place = bool(at) and bool(city_mentions(capitalised_run(after)) or find_country_in_text(capitalised_run(after)))
    # "un laboratorio de enología en Vilafranca": a workplace described, not named; a town unknown to us follows.
    place = place or bool(at and _DESCRIBED_PLACE_RE.match(at.group(1)))
    if at and not place and not (LEGAL_RE.search(at.group(1)) and not LEGAL_RE.search(after)):
        value = value[at.end() :]
    # "procurement for X Ltd", "compras de X", "técnica del Laboratorio X": a role in lower case, then the company.
    value = re.sub(r"^(?:I\s+am\s+|I['’]m\s+)?(?:(?:the|an?)\s+)?"
                   r"(?:[a-zà-ÿа-яё][\w-]*\s+){1,3}?(?:for|of|de|del|da|do|dos|das|du|des|di|von|der|для|من)\s+"
                   r"(?=[^\W\d_a-zà-ÿа-яё])", "", value, count=1)
    value = CONTACT_RE.sub(" ", value)
    parts = [without_final_stop(p.strip()) for p in PARTS_RE.split(value)]
    for part in parts[:2]:  # "phòng thí nghiệm Công ty TNHH Thủy Sản Cửu Long": the company inside the part
        company = prefix_form_company(part)
        if company:
            return company
    if loose and parts and not any(clean_company(p, strict=True) for p in parts[:2]):
        first = company_end(parts[0]) if LEGAL_RE.search(parts[0]) else parts[0]  # "X A.Ş. satın alma ..."
        if find_country_in_text(capitalised_run(first)):  # "Daniel from Kenya here": a place, not a company
            return None
        arabic = bool(ARABIC_RE.match(first)) and definite_if_arabic(first)
        # "Noora Al-Mannai, Senior Procurement Officer": a job title after the name, no company
        title = bool(first.split()) and first.split()[-1].casefold().strip(".,") in JOB_WORDS | TITLE_WORDS
        if len(first.split()) >= 2 and (first[:1].isupper() or arabic) and not title and clean_company(
            first, strict=False
        ):
            return company_end(first)
        return None
    limit = 4
    for index, part in enumerate(parts):
        if index >= limit:
            break
        # "(the) School of Mechanical Engineering, Addis Ababa University": the unit is inside the organisation
        if DEPARTMENT_RE.match(_ARTICLE_RE.sub("", part)):
            limit += 1
            continue
        company = clean_company(part, strict=True)
        if not company and LEGAL_RE.search(part):  # "X, S. de R.L. de C.V. in Puebla": its small words end with it
            company = clean_company(company_end(part), strict=True)
        if company:
            return company_end(company)
    return None


# a label left in front of the name by free text ("… مع شهادة CE. الشركة: مختبرات البتراء …")
_INLINE_LABEL_RE = re.compile(
    r"^(?:الشركة|الشركه|اسم\s+الشركة|company|empresa|firma|société|компания|şirket)[ \t]*[:：][ \t]*", re.IGNORECASE)


def clean_company(value: str, strict: bool) -> str | None:
    """A company name: with a legal form or a company word when `strict` (free text), else any label value."""
    company = " ".join(value.split()).strip(" ,;")
    company = unquoted(_INLINE_LABEL_RE.sub("", company, count=1))
    if not _LETTER_RE.search(company) or company.casefold().strip(" .()[]") in _NO_COMPANY:
        return None
    we = _WE_AR_RE.match(company)
    if we:
        company = company[we.end() :].split(" في ")[0]
    if strict and not definite_if_arabic(company.split(" في ")[0]):
        return None
    if not company or len(company) > 100 or _CONTACT_IN_RE.search(company):
        return None
    # A greeting ("Dear Hangzhou Kerun ... Co., Ltd.,"), a question or a sentence to us ("Do you sell Hospital
    # Beds? I'm Maria."): no name.
    if strict and _TO_US_RE.search(company):
        return None
    if strict and not (LEGAL_RE.search(company) or COMPANY_WORD_RE.search(company)):
        return None
    typed_small = (not any(letter.isupper() for letter in company) and len(company.split()) <= 5
                   and ends_in_legal_form(company))
    # a name before title words and a legal form is a company ("Lotus Procurement Services Ltd"), not a unit
    # ("Procurement Management Unit, S.L.P. 12")
    titled = is_title(company) and not (ends_in_legal_form(company) and not is_title(company.split()[0]))
    if strict and (len(company.split()) > 9 or titled or not (typed_small or capitalised_enough(company))):
        return None
    if strict and _DESCRIBED_RE.match(company):
        return None
    if strict and _ARABIC_ROLE_RE.match(company):
        return None  # "مدير المختبر المركزي" is the person's role ("manager of the central lab"), not a company
    if strict and DEPARTMENT_RE.match(company):
        return None  # "Dept. of Science Lab Technology" is inside the organisation
    # Goods ("Water Bath 6 holes") are no company.
    if strict and not LEGAL_RE.search(company) and any(w.casefold() in THING_WORDS for w in _WORDS_RE.findall(company)):
        return None
    if HAN_RE.search(company) and (_LATIN_RE.search(company) or "的" in company):
        return None
    company = _without_lowercase_lead(company)
    if strict:
        company = _COMPANY_LEAD_RE.sub("", company)
    return company if strict or company else None


_ARABIC_ROLE_RE = re.compile(r"(?:مدير|مديرة|رئيس|رئيسة|مسؤول|مسؤولة|مشرف|مشرفة|نائب)\s")
_ARTICLE_RE = re.compile(r"^(?:the|el|la|le|les|der|die|das|il|lo)\s+", re.IGNORECASE)
_LOWER_LEAD_RE = re.compile(r"^(?:(?:for|from|at|with|of|para|pour|per|chez|bei)\s+)+(?:the\s+)?(?=\S+\s+\S)")
_DESCRIBED_PLACE_RE = re.compile(r"(?:un|una|a|an|uma|um|une|ein|eine|einem|einer)\s", re.IGNORECASE)
_LETTER_RE = re.compile(r"[^\W\d_]")
_WORDS_RE = re.compile(r"[^\W\d_]+")
_LATIN_RE = re.compile(r"[A-Za-z]")
_WE_AR_RE = re.compile(r"^(?:نحن|إننا|اننا|أنا|انا)\s+")
_CONTACT_IN_RE = re.compile(r"@|https?:|www\.|\+?\d[\d ()-]{6,}")
_TO_US_RE = re.compile(
    r"^(?:dear|hello|hi|hola|olá|bonjour|estimad[oa]s?|prezad[oa]s?)\b|[?!？！]|\b(?:you|your|i['’]m|my|our|we)\b|"
    # Arabic letters open with "السادة ... المحترمين" ("the respected Messrs ..."): the addressee, us.
    r"^(?:إلى\s+)?(?:السادة|السيد|الإخوة|الاخوة|حضرات|عناية)\s|المحترم(?:ين|ون)?\b",
    re.IGNORECASE,
)
_COMPANY_LEAD_RE = re.compile(
    r"^(?:our\s+company(?:\s+is)?|company|компания|компанія|empresa|société|firma)"
    r"(?:[,:]\s*|\s+(?=(?:ооо|тоо|тов|ао|оао|зао|пао|pt|cv)\b)|(?<=is)\s+)",
    re.IGNORECASE,
)


def definite_if_arabic(company: str) -> bool:
    """An Arabic company name has a definite word after its first ("شركة النيل", "معمل تحاليل النور",
    "شركة سعودية للمقاولات"); "شركة توزيع" ("a distribution company") and "صاحب معمل تحاليل" ("owner of a
    lab") describe one."""
    words = company.split()
    if not words or not ARABIC_RE.match(words[0]):
        return True
    return any(re.match(r"(?:[وبفك]?ال|لل)[\u0600-\u06ff]{2,}", w) for w in words[1:])


def _without_lowercase_lead(company: str) -> str:
    """"de Apícola del Sur SRL" -> "Apícola del Sur SRL": lower-case words before the name are prose. A name
    typed all in lower case ("rossi strumenti srl") stays whole but for the preposition that led to it ("for
    rossi strumenti srl", "at ...")."""
    words = company.split()
    if not any(letter.isupper() for letter in company):
        return _LOWER_LEAD_RE.sub("", company)
    while len(words) > 1 and words[0][:1].islower():
        words.pop(0)
    return " ".join(words)


def capitalised_enough(text: str) -> bool:
    """Most words of a name start with a capital (scripts without case pass): a sentence does not."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", text)
             if len(w) > 2 and w.casefold() not in PARTICLES and not LEGAL_RE.fullmatch(w)]  # "s.r.o." is no word
    cased = [w for w in words if w[0].upper() != w[0].lower()]
    if not cased:
        return True
    return sum(1 for w in cased if w[0].isupper()) >= 0.6 * len(cased)
