"""Where a company name ends and how its legal form sits: prefix forms (Vietnamese, Thai, Russian
quoted), a place or a note after the form, departments and institutions."""

from __future__ import annotations

import re

from bot.rules.countries import find_country_in_text
from bot.rules.country_names import strip_marks
from bot.rules.free_text import is_title
from bot.rules.name_words import COMPANY_WORD_RE, LEGAL_RE
from bot.rules.places import city_mentions
from bot.rules.scripts import ARABIC_RE

__all__ = ["DEPARTMENT_RE", "INSTITUTION_RE", "company_end", "ends_in_legal_form", "is_prefix_form", "legal_form_only",
           "organisation_of",
           "prefix_form_company", "unquoted", "without_final_stop"]


INSTITUTION_RE = re.compile(
    r"(?<![^\W\d_])(?:hospital|university|universidad|universidade|université|universität|institute|instituto|"
    r"institut|clinic|clínica|ministry|ministerio|ministério|college|school|center|centre|centro)(?![^\W\d_])",
    re.IGNORECASE,
)


# Legal forms written before the name in scripts and languages where the name has no clear end otherwise:
# Vietnamese "Công ty TNHH Thủy Sản Cửu Long" (the capitalised words after it), Thai "บริษัท ไทยแล็บ จำกัด".
_VIETNAMESE_FORM_RE = re.compile(
    r"(?<![^\W\d_])(?:công\s+ty|cty)(?:\s+(?:tnhh|cp|cổ\s+phần|mtv|tư\s+nhân|hợp\s+danh))*(?![^\W\d_])",
    re.IGNORECASE,
)
_VIETNAMESE_STOPS = frozenset({"cần", "muốn", "xin", "đang", "có", "là", "ở", "tại", "chúng", "bên", "gửi", "mua",
                               "hỏi", "báo", "yêu", "đề", "và", "của", "em", "tôi", "anh", "chị"})
_THAI_FORM_RE = re.compile(r"บริษัท\s*[\u0e00-\u0e7f][\u0e00-\u0e7f\w .&-]{0,60}?\s*จำกัด(?:\s*\(มหาชน\))?")


_QUOTED_FORM_RE = re.compile(
    # the same forms typed in Latin letters before a quoted name ("Мы OOO «LABMED TRADE», Ташкент")
    r"(?<![^\W\d_])(?:ООО|ОАО|ЗАО|ПАО|АО|ТОО|ТОВ|ОсОО|ЧУП|ИП|ПП|ЧП|МП|ГП|МУП|ГУП|ФГУП|ГБУ|ФГБУ|РГП|ГКП|КГП|OOO|OAO|ZAO|"
    r"TOO|TOV|MChJ|XK)"
    r"[ \t]*[«\"„“][^»\"“”«\n]{2,60}[»\"”“]"
)


# Indonesian "PT" / "PT." before two or more capitalised words, inside text of any script ("… にある PT. Sinar
# Abadi Indonesia 品質保証部の …"): the name runs over the capitalised words.
_INDONESIAN_FORM_RE = re.compile(r"(?<![\w.])PT\.?[ \t]+[A-Z][\w&'-]*(?:[ \t]+[A-Z][\w&'-]*)+(?:[ \t]+Tbk\.?)?")


# An Arabic company from "شركة" to its legal form ("المحدودة" limited, "المساهمة" joint-stock) inside a sentence.
_ARABIC_LIMITED_RE = re.compile(
    r"(?<![\u0600-\u06ff])شركة(?:\s+[\u0600-\u06ff]+){1,6}?\s+(?:ال)?(?:محدودة|المحدودة|المساهمة|مساهمة)"
    r"(?:\s+(?:ال)?(?:مقفلة|العامة))?(?![\u0600-\u06ff])"
)


def prefix_form_company(text: str) -> str | None:
    """A company with its legal form in front, wherever it sits in the text: Vietnamese, Thai, and a Russian
    form before a quoted name ("... лаборатории ОАО «Неманхим» (Гродно)")."""
    thai = _THAI_FORM_RE.search(text)
    if thai:
        return thai.group().strip()
    quoted = _QUOTED_FORM_RE.search(text)
    if quoted:
        return quoted.group()
    arabic = _ARABIC_LIMITED_RE.search(text)
    if arabic:
        return arabic.group()
    indonesian = _INDONESIAN_FORM_RE.search(text)
    if indonesian:
        return indonesian.group().strip()
    for match in _VIETNAMESE_FORM_RE.finditer(text):
        # Vietnamese writes names in sentence case too ("Thiết bị Khoa học Sài Gòn"): the name runs to a
        # punctuation mark or a verb ("... Hà Nội cần báo giá"), from a capitalised first word.
        name: list[str] = []
        for word in text[match.end() :].split():
            bare = word.strip(".,;:!?()\"")
            opens = word.startswith(("(", "（"))  # "(KCN Tân Tạo, …)": a bracket after the name holds its place
            if not bare or opens or bare.casefold() in _VIETNAMESE_STOPS or not (name or bare[0].isupper()):
                break
            name.append(bare)
            if bare != word.rstrip():
                break
        while name and not name[-1][0].isupper():
            name.pop()
        if name:
            return " ".join([match.group()[:1].upper() + match.group()[1:], *name])
    return None


def legal_form_only(company: str) -> bool:
    """"(Pty) Ltd", "(S.A.)": brackets around a legal form, not around a name."""
    return not LEGAL_RE.sub("", company).strip(" .,&()")


def is_prefix_form(company: str, match: re.Match[str]) -> bool:
    """"ТОО Аналитика", "PT Sinar", "ООО «Лаб»": a legal form written before the name is no end."""
    form = match.group().strip()
    return bool(_PREFIX_FORM_RE.fullmatch(form))


_PREFIX_FORM_RE = re.compile(
    r"(?:ооо|оао|зао|пао|ао|тоо|тов|осоо|чуп|ип|мп|гп|чп|муп|гуп|фгуп|гбу|фгбу|ргп|гкп|кгп|pt|cv)\.?", re.IGNORECASE
)


def without_final_stop(part: str) -> str:
    """A sentence's full stop goes, an abbreviation's stays: "S.A.S." keeps it, "Ltda." at a sentence end not."""
    last = part.split()[-1] if part.split() else ""
    return part if "." in last[:-1] else part.rstrip(" .")


def unquoted(company: str) -> str:
    """"Agro Test Lab" in quotes, all of it, loses them; ООО «Лаб» keeps its own."""
    quoted = re.fullmatch(r"[\"“«„]([^\"“”«»„]+)[\"”»“]", company.strip())
    return quoted.group(1).strip() if quoted else company


def company_end(company: str) -> str:
    """Cut what follows the legal form: "OenoLab SAS à Bordeaux" -> "OenoLab SAS"."""
    company = unquoted(company)
    # Turkish writes the case ending after an apostrophe: "Ege Gıda Laboratuvarı'ndan" is "from Ege Gıda ...".
    company = _CASE_ENDING_RE.sub("", company.strip())
    # a legal form in brackets keeps its closing bracket: "Delta Lab Supplies (S.A.E.)"
    ends = [m.end() + (company[m.start() - 1 : m.end() + 1] == f"({m.group()})")
            for m in LEGAL_RE.finditer(company) if m.start() > 0 and not is_prefix_form(company, m)]
    if ends and (not re.match(r"\s*[(«\"]", company[ends[-1] :]) or _place_then_prose(company[ends[-1] :])):
        company = company[: ends[-1]]
    company = _NOTE_BRACKET_RE.sub("", company)
    company = _PLACE_ADJECTIVE_RE.sub("", company)
    company = _WE_RUN_RE.sub("", company)
    unit = _LOWER_UNIT_RE.search(company)
    if unit and company[: unit.start()].split()[-1][:1].isupper():  # not "… Authority head office"
        company = company[: unit.start()]
    company = _ROLE_OF_RE.sub("", company)
    role = _ROLE_AT_RE.match(company)  # "QC engineer at Gulf Dairy Products Bahrain W.L.L."
    if role and is_title(role.group("role")) and not COMPANY_WORD_RE.search(role.group("role")):
        company = company[role.end() :]
    company = _ARABIC_FROM_RE.sub("", company)  # "من شركة ..." is "from the company ..."
    company = _without_arabic_place(strip_marks(company)) if ARABIC_RE.search(company) else company
    company = unquoted(_DANGLING_RE.sub("", _IN_PLACE_RE.sub("", company)).strip(" ,;"))
    if company.endswith(('"', "”")) and (company.count('"') + company.count("“") + company.count("”")) % 2:
        company = company.rstrip('"”')  # the closing quote of a quoted sentence, not of the name
    return company


_CASE_ENDING_RE = re.compile(
    r"(?<=\w)['’](?:n?[dt][ae]n|n?[dt][ae]|n[ıiuü]n|[ıiuü]n|n?[ye]?[ae])(?:\s+(?-i:[a-zçğıöşü])\S*)*$")
# Turkic "in <place>" adjectives (and Turkish "Ankara'da", in Ankara) before the name: Uzbek "Biz Toshkentdagi
# Sifat Nazorat Laboratoriyasi MChJ" ("we, the … in Tashkent"), Turkish "İzmir'deki Ege Su Analiz Laboratuvarı",
# Kazakh "Алматыдағы …": all up to them goes.
_PLACE_ADJECTIVE_RE = re.compile(
    r"^(?:[^\n]*\s)?\S+?(?:['’][dt][ae]ki|dagi|дағы|дегі|тағы|тегі|даги|деги|тагы|теги|['’][dt][ae])"
    r"\s+(?=[A-ZÀ-ÞА-ЯЁİ«\"“])"
)
# A lower-case unit after the name: "Nakuru County Referral Hospital lab".
_LOWER_UNIT_RE = re.compile(r"(?<=[^\W\d_])\s+(?:lab|labs|laboratory|office|department|dept|branch|unit|team)\.?$")
# A bracket at the end is a place or a note ("(Mendoza)"), except the name's own abbreviation "(INTA)" or legal
# form "(S.A.E.)".
_NOTE_BRACKET_RE = re.compile(
    r"\s*\((?!pty\)|(?-i:[A-ZÀ-ÞА-ЯЁ]{2,10})\)|(?-i:[A-Z](?:\.[A-Z]){1,3})\.?\))[^)]*\)\.?$|\s*\((?!pty\))[^()]*$",
    re.IGNORECASE,
)
# "We are X", and Kazakh or Mongolian "we" before the name ("Біз «ҚазЭкоМонитор» ЖШС"); Uzbek/Turkish "Biz" and
# Russian "Мы" only before a quoted name or a legal form ("Biz Analytics Ltd." keeps its first word).
_WE_RUN_RE = re.compile(
    r"^(?:(?:I|We)\s+(?:run|own|are|represent|work\s+(?:at|for))|Біз|Бид|(?:Biz|Мы)(?=\s+(?:[«\"“]|(?:ООО|ТОО|MChJ)\s)))\s+"
)
_ROLE_OF_RE = re.compile(
    r"^(?:the\s+)?(?:md|ceo|coo|cto|owner|founder|co-founder|director|manager|"
    r"(?:purchasing|procurement|sales|lab|laboratory)\s+manager|head\s+of\s+\w+)\s+(?:of|at)\s+",
    re.IGNORECASE,
)
_ROLE_AT_RE = re.compile(r"^(?:the\s+)?(?P<role>[^\W\d_][^,\n]{1,40}?)\s+(?:at|with)\s+(?=[A-ZÀ-Þ])")
_ARABIC_FROM_RE = re.compile(r"^(?:من|في|لدى)\s+(?=\S+\s)")
# "مختبر الرافدين للتحليلات المرضية في": the place after "in" was cut already, its preposition is left over.
_DANGLING_RE = re.compile(r"\s+(?:in|em|en|à|в|في|فى|من|ở|di|from)$")
_IN_PLACE_RE = re.compile(r"\s+(?:in|em|en|à|a|в|في|ở|di|from)\s+[^\W\d_][\w' -]*\.?$")


def _place_then_prose(rest: str) -> bool:
    """After a legal form, "(Kraków) would like an offer", "(Haute-Savoie). Nous …": a bracketed place, or a
    bracket after which the sentence goes on or ends, is no part of the name."""
    bracket = re.match(r"\s*\(([^()]*)\)(.*)", rest)
    if not bracket:
        return False
    inner, after = bracket.group(1), bracket.group(2).strip()
    ends_there = not after or re.match(r"[a-zà-ÿа-яё.,;:!?]", after) is not None
    return bool(city_mentions(inner) or find_country_in_text(inner) or ends_there)


def _without_arabic_place(company: str) -> str:
    """"شركة النيل للأجهزة العلمية بالقاهرة" -> without "بالقاهرة" ("in Cairo"): a place written onto "in"."""
    words = company.split()
    if len(words) > 2 and words[-1].startswith("ب") and (city_mentions(words[-1]) or find_country_in_text(words[-1])):
        words.pop()
    return " ".join(words)


DEPARTMENT_RE = re.compile(
    r"(?:dept\.?|department|faculty|school|division|section|departamento|département|abteilung|dział|отдел|кафедра)"
    r"(?![^\W\d_])\s+(?:of|de|du|des|do|da|für|\S)",
    re.IGNORECASE,
)


def ends_in_legal_form(company: str) -> bool:
    """"hydro-serwis gdańsk sp. z o.o.", "muscat water treatment llc": a name typed in lower case is still one
    when a legal form ends it."""
    ends = [m for m in LEGAL_RE.finditer(company) if m.start() > 0]
    return bool(ends) and not company[ends[-1].end() :].strip(" .,")


# The institutions a unit belongs to: "... del Hospital Universitario ...", "..., University of ...".
_PARENT = (r"(?:Hospital|Universit(?:y|ies)|Universidad|Universidade|Université|Universität|Università|Universiti|"
           r"Universitas|Institute|Instituto|Institut|Ministry|Ministerio|Ministério|Ministère|College)(?![^\W\d_])")
_UNIT_OF_PARENT_RE = re.compile(
    rf"^(?P<unit>[^\W\d_][^,]*?)\s+(?:del|de\s+la|de\s+l['’]|de|of\s+the|of|der|des|du|della|dell['’]|di|at|en)\s+"
    rf"(?P<parent>{_PARENT}[^,]*)$"
)
_PARENT_RE = re.compile(_PARENT)


def organisation_of(company: str) -> str:
    """The institution a unit names as its own: "Servicio de Microbiología del Hospital Central" -> "Hospital
    Central": words before "of/del" and a hospital, university, institute or ministry. The institution's own
    name ("University of Jordan") has no institution after its link; a unit and its institution between commas
    ("Faculty of Pharmacy, X University") are recorded as written."""
    unit = _UNIT_OF_PARENT_RE.match(company)
    if unit and not _PARENT_RE.search(unit.group("unit")):
        return unit.group("parent")
    return company
