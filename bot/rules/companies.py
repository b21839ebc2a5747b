"""The customer's company: a labelled one, after an introduction, on a card line or in the signature."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from bot.rules.countries import find_country_in_text
from bot.rules.country_names import strip_marks
from bot.rules.free_text import (
    CJK_COMPANY_RE,
    COMPANY_AFTER_RE,
    CONTACT_RE,
    CUT_RE,
    FROM_RE,
    HERE_RE,
    INTRO_RE,
    LATIN_COMPANY_OF_RE,
    PARTS_RE,
    SENTENCE_RE,
    capitalised_run,
    is_company_label,
    is_name_label,
    is_title,
    pieces,
    signature_lines,
    skipped_label,
)
from bot.rules.name_words import COMPANY_WORD_RE, HONORIFIC_RE, LEGAL_RE, PARTICLES, THING_WORDS
from bot.rules.places import city_mentions

__all__ = ["clean_company", "company_in_parts", "find_company"]


def find_company(
    text: str, labelled: list[tuple[str, str]], ours: Iterable[str] = (), email: str | None = None
) -> str | None:
    """A labelled company, else the company after an introduction, on a card line or in the signature.

    Never our own company: one whose letters hold one of `ours` (our brand, "kerun" in "Hangzhou Kerun
    Scientific Instrument Co., Ltd." of an Alibaba "To:" line or a "Dear ..." greeting). Without a label, a
    candidate that the customer's e-mail domain spells ("umgeniwts.co.za" for Umgeni Water Testing Services)
    beats one met earlier (a trade fair, a department).
    """
    brands = [b for b in ours if b]
    candidates = [
        company for company in dict.fromkeys(_company_candidates(text, labelled))
        if not any(brand in re.sub(r"[\W\d_]", "", company).casefold() for brand in brands)
    ]
    if not candidates:
        return None
    labelled_companies = {clean_company(value, strict=False) for label, value in labelled if is_company_label(label)}
    if candidates[0] in labelled_companies:
        return candidates[0]
    domain = _domain_label(email)
    spelled = next((c for c in candidates if domain and _domain_spells(domain, c)), None)
    first = spelled or candidates[0]
    # "Delta Labs" of a chat display name gives way to "Delta Labs for Materials Testing" said in full; a name
    # with its legal form is complete.
    if LEGAL_RE.search(first):
        return first
    return next((c for c in candidates if c.startswith(first + " ") and len(c.split()) <= 8), first)


_FREE_MAIL = frozenset({"gmail", "googlemail", "yahoo", "hotmail", "outlook", "live", "msn", "aol", "icloud", "mail",
                        "yandex", "proton", "protonmail", "qq", "163", "126", "gmx", "web", "rambler", "ukr", "inbox",
                        "bk", "list", "zoho", "rediffmail", "orange", "wanadoo", "libero", "uol", "bol", "terra"})


def _domain_label(email: str | None) -> str:
    """The name part of the customer's e-mail domain ("umgeniwts" of tnkosi@umgeniwts.co.za); none for free mail."""
    if not email or "@" not in email:
        return ""
    labels = email.split("@")[1].casefold().split(".")
    label = next((part for part in labels if part not in ("www", "mail")), "")
    return "" if label in _FREE_MAIL else _ascii_letters(label)


def _ascii_letters(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold().replace("ı", "i").replace("ł", "l"))
    return "".join(ch for ch in folded if "a" <= ch <= "z")


def _domain_spells(domain: str, company: str) -> bool:
    """The domain starts with the company's first word (4+ letters) or holds its first two words."""
    words = [_ascii_letters(w) for w in LEGAL_RE.sub(" ", company).split() if w.casefold() not in PARTICLES]
    words = [w for w in words if w]
    if not words:
        return False
    if len(words[0]) >= 4 and domain.startswith(words[0]) or len(words) >= 2 and words[0] + words[1] in domain:
        return True
    # "kisr" of the Kuwait Institute for Scientific Research: the initials of its capitalised words.
    initials = "".join(_ascii_letters(w[:1]) for w in company.split() if w[:1].isupper())
    return len(initials) >= 3 and domain == initials


def _company_candidates(text: str, labelled: list[tuple[str, str]]) -> Iterator[str]:
    for label, value in labelled:
        if is_company_label(label):
            company = clean_company(value, strict=False)
            if company:
                yield company
    for regex in (FROM_RE, INTRO_RE):
        for match in regex.finditer(text):
            company = _company_after_name(match.group("rest"))
            if company:
                yield company
    for match in _COMPANY_INTRO_RE.finditer(text):  # "my company is Apex Scientific Ltd and we need ..."
        sentence = SENTENCE_RE.split(match.group("rest"))[0]
        # "Lusaka Water and Sewerage Company": "and" before a capitalised word stays inside the name.
        rest = re.split(r"\s(?:and|y|e|et|und|и)\s(?![A-ZÀ-ÞА-ЯЁ])|\s(?:which|that|who|we)\s|[,;]", sentence)[0]
        company = clean_company(rest, strict=True)
        if company:
            yield _company_end(company)
    for match in _COMPANY_NOUN_RE.finditer(text):  # "Компания СибБиоТех, ...", "Kampuni yetu ni Maji Safi ..."
        company = _named_company(match.group("rest"))
        if company and not LEGAL_RE.fullmatch(company.strip(" .,")):  # "Empresa Ltda" is a name, not "Ltda"
            yield company
    yield from _legal_form_runs(text)
    for match in HERE_RE.finditer(text):  # "Oleksandr Bondarenko here, lab manager at Dnipro AgroLab LLC."
        line_end = text.find("\n", match.end())
        company = _company_after_name(match.group("rest") + text[match.end() : line_end if line_end >= 0 else None])
        if company:
            yield company
    for label, value in labelled:
        if is_name_label(label):
            company = _company_after_name(value) or company_in_parts(value)
            if company:
                yield company
    for match in CJK_COMPANY_RE.finditer(text):  # "我係香港科進化驗有限公司嘅 Kelvin Chan"
        yield match.group("company")
    for match in LATIN_COMPANY_OF_RE.finditer(text):  # "Red Sea Food Industries 的QC经理"
        company = clean_company(match.group("company"), strict=True)
        if company:
            yield company
    for line in text.splitlines():
        company = prefix_form_company(line)
        if company:
            yield company
    for match in _BRACKETED_RE.finditer(text):  # "I run a small lab in Accra (Mensah Medical Laboratory)"
        inner = match.group(1)
        company = company_in_parts(inner) if "," in inner else clean_company(inner, strict=True)
        if company and len(company.split()) >= 2 and not _legal_form_only(company):
            yield _company_end(company)
    yield from _signature_company(signature_lines(text))
    yield from _company_word_runs(text)
    lines = [piece for line in text.splitlines() if not skipped_label(line) for piece in pieces(line.strip())]
    for line in lines:
        company = company_in_parts(line) if CUT_RE.search(line) else clean_company(line, strict=True)
        if company:
            yield _company_end(company)


def _signature_company(lines: list[str]) -> Iterator[str]:
    """The company of a signature block: one with a legal form first, then an institution ("St. Luke
    Hospital"), then any: a department line ("Head, Microbiology Lab") sits above the organisation."""
    found = []
    for line in lines:
        company = company_in_parts(line) if CUT_RE.search(line) else clean_company(line, strict=True)
        if company:
            found.append(_company_end(company))
    yield from sorted(found, key=lambda c: 0 if LEGAL_RE.search(c) else 1 if _INSTITUTION_RE.search(c) else 2)


_INSTITUTION_RE = re.compile(
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
    r"(?<![^\W\d_])(?:ООО|ОАО|ЗАО|ПАО|АО|ТОО|ТОВ|ОсОО|ЧУП|ИП|ПП|ЧП)[ \t]*[«\"„“][^»\"“”«\n]{2,60}[»\"”“]"
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


_COMPANY_INTRO_RE = re.compile(
    r"(?:\b(?:my|our)\s+company(?:['’]s\s+name|\s+name)?\s+is|\bwe\s+are|\bnuestra\s+empresa\s+es|\bsomos|"
    r"\bnossa\s+empresa\s+é|\bnous\s+sommes|\bwir\s+sind(?:\s+die)?|\bнаша\s+компания\s*[-—–]?|\bмы\s*[-—–]|"
    r"\bon\s+behalf\s+of|\ben\s+nombre\s+de|\bem\s+nome\s+d[aeo]|\bau\s+nom\s+d[eu]|\bот\s+имени)"
    # "we are a medical laboratory in Kano" describes the customer; it names no company.
    r"\s+(?!(?:a|an|one|un|una|une|uma|um|ein|eine|looking|interested)\s)(?P<rest>[^\n]+)",
    re.IGNORECASE,
)
# A word for "company" and then its name: "Компания СибБиоТех", "reprezentuję firmę BioPharm Lublin Sp. z o.o.",
# "Kampuni yetu ni Maji Safi Analytics Ltd", "Kamfanin mu ...", "公司 Laboratorio Agroexport Perú E.I.R.L.".
_COMPANY_NOUN_RE = re.compile(
    r"(?:(?<![^\W\d_])(?:(?i:company|компания|компании|компанию|компанія|фирма|фирме|фирмы|firm[aęyie]|empresa|şirket(?:imiz|i)?|"
    r"kampuni(?:\s+yetu)?(?:\s+ni)?|kamfani(?:n)?(?:\s+mu)?|called|named|llamad[ao]|chamad[ao]|nommée?))"
    r"|(?<![限责])(?:公司|单位)|(?<![^\W\d_])(?:شركة|مؤسسة)(?=\s+[A-Z]))"
    r"[ \t:：]*(?P<rest>[«\"„“A-ZÀ-ÞА-ЯЁ][^\n]*)"
)


_WORD_RE = re.compile(r"[^\s()]+")
_LINKS = frozenset({"&", "and", "y", "e", "et", "und", "of", "de", "del", "della", "do", "da", "dos", "das", "du",
                    "des", "di", "von", "der", "den", "la", "le", "van", "degli", "dello", "delle", "dei"})


def _legal_form_runs(text: str) -> Iterator[str]:
    """A name that ends in a legal form anywhere in a sentence ("I'm the buyer at Kilimanjaro Breweries Ltd.",
    "je suis responsable du labo chez BioAnalyse Maroc SARL"): the capitalised words before the form, within
    its clause. A person before "del Laboratorio ..." is not part of it."""
    for line in text.splitlines():
        for match in LEGAL_RE.finditer(line):
            if match.start() == 0 or _is_prefix_form(line, match) or not re.match(r"[\s(]", line[match.start() - 1]):
                continue
            clause_start = max((m.end() for m in re.finditer(r"[,;:|·\"“”«»\[\]，：]|[.!?]\s", line[: match.start()])),
                               default=0)
            words = list(_WORD_RE.finditer(line, clause_start, match.start()))[-8:]
            kept: list[re.Match[str]] = []
            start = 0
            for word in reversed(words):
                bare = word.group().strip("()")
                if bare[:1].isupper() or bare.casefold() in _LINKS and kept:
                    kept.insert(0, word)
                    continue
                # a lowercase prefix joined by a hyphen ("e-Umgeni Engineering Supplies (Pty) Ltd", Zulu "at")
                # or an elided article ("dell'Oleificio Rossi S.r.l.")
                prefixed = re.fullmatch(r"[^\W\d_]{1,3}-", bare[: bare.find("-") + 1]) or _ELISION_RE.match(bare)
                if prefixed and bare[prefixed.end() :][:1].isupper() and kept:
                    start = word.start() + prefixed.end()
                    kept.insert(0, word)
                break
            while kept and kept[0].group() in _LINKS:  # a capitalised "Van den Berg ..." starts the name
                kept.pop(0)
            for index, word in enumerate(kept[1:-1], start=1):  # "Giulia Romano del Laboratorio Analisi ..."
                if word.group().casefold() in _LINKS and COMPANY_WORD_RE.match(kept[index + 1].group()):
                    kept = kept[index + 1 :]
                    break
            if not kept or kept[0].group() in ("I", "We", "Our", "My"):
                continue
            first = max(start, kept[0].start())
            company = clean_company(_company_end(line[first:]), strict=True)
            if company:  # inside a sentence its full stop ends the sentence; a card line "ACME Inc." keeps it
                yield _without_final_stop(company) if first > 0 else company


_RUN_WORD_RE = re.compile(r"[^\W\d_][\w'’&.-]*|&")


# The words a company follows inside a sentence ("the lab at X", "buyer for X", "de X"); "sell Hospital Beds" no.
_BEFORE_COMPANY = frozenset({"at", "of", "from", "for", "with", "de", "del", "da", "do", "na", "no", "en", "em", "chez",
                             "dell'", "dell’", "l'", "l’", "d'", "d’", "presso", "della", "dello", "degli",
                             "bei", "bij", "für", "von", "в", "из", "от", "для", "dla", "z", "w", "di", "dari", "tại",
                             "của", "called", "named", "join", "joined", "represent", "represents", "representing"})


def _starts_with_place(run: str) -> bool:
    """ "Mexico City", "Belo Horizonte ...": a place, not an employer."""
    return bool(find_country_in_text(run.split()[0])) or any(mention[0] == 0 for mention in city_mentions(run))


_EMPLOYER_LINKS = frozenset({"at", "chez", "bei", "bij", "en", "em", "presso"})


# An elided article before a name ("dell'Università degli Studi", "de l'Université Cheikh Anta Diop"): split off,
# so that the name is a capitalised run after a linking word.
_ELISION_RE = re.compile(r"(?<![^\W\d_])((?i:dell|dall|nell|sull|all|l|d)['’])(?=[A-ZÀ-Þ])")


def _company_word_runs(text: str) -> Iterator[str]:
    """A capitalised run holding a company word after a preposition inside a sentence ("I manage the lab at
    Bodega Los Andes (Mendoza)")."""
    for line in _ELISION_RE.sub(r"\1 ", text).splitlines():
        words = list(_RUN_WORD_RE.finditer(line))
        index = 0
        while index < len(words):
            word = words[index].group()
            if not word[:1].isupper() or index == 0 or words[index - 1].group().casefold() not in _BEFORE_COMPANY:
                index += 1
                continue
            link = words[index - 1]
            if index >= 2 and link.group().casefold() in _LINKS and COMPANY_WORD_RE.fullmatch(words[index - 2].group()):
                index += 1  # "Kuwait Institute for Scientific Research": "for" joins one name, it starts none
                continue
            between = line[link.end() : words[index].start()]
            end = index
            while end + 1 < len(words):
                gap = line[words[end].end() : words[end + 1].start()]
                nxt = words[end + 1].group()
                if gap.strip() or not (nxt[:1].isupper() or nxt.casefold() in _LINKS and end + 2 < len(words)
                                       and words[end + 2].group()[:1].isupper()):
                    break
                if re.fullmatch(r"[^\W\d_]{4,}\.", words[end].group()):
                    break  # "… di Brescia. Vorremmo …": a full stop after a word ends the sentence
                end += 1
            start = words[index].start()
            run = line[start : words[end].end()]
            index = end + 1
            clause = re.split(r"[,;:·|()\[\]]|[.!?]\s", line[: link.start()])[-1]
            # "QA Manager at Plásticos Técnicos de Monterrey": after a job title, "at" names the employer.
            employer = link.group().casefold() in _EMPLOYER_LINKS and is_title(clause)
            if between.strip() or len(run.split()) < 2 or not (employer or COMPANY_WORD_RE.search(run)):
                continue
            if _DEPARTMENT_RE.search(line[max(0, start - 20) : start] + "x"):
                continue  # "Dept. of Science Lab Technology" is inside the organisation
            company = clean_company(run, strict=True)
            if not company and employer and not _starts_with_place(run):
                company = clean_company(run, strict=False)
            if company:
                yield _without_final_stop(company)


def _named_company(rest: str) -> str | None:
    """The name after a word for "company": up to the end of its sentence, a comma or a bracket."""
    sentence = SENTENCE_RE.split(rest, maxsplit=1)[0]
    part = _without_final_stop(re.split(r"[,;，。（(]|\s[-–—]\s", sentence, maxsplit=1)[0].strip())
    if re.match(r"[A-Za-z]", part):  # a Latin name ends where the sentence goes on in Arabic or Chinese
        part = re.split(r"\s*(?=[\u0600-\u06ff\u3400-\u9fff])", part, maxsplit=1)[0]
    company = clean_company(_company_end(part), strict=False)
    if not company or len(company.split()) > 7 or not _capitalised_enough(company):
        return None
    if find_country_in_text(company) and not (LEGAL_RE.search(company) or COMPANY_WORD_RE.search(company)):
        return None  # "company Kenya ..." names a place
    return company


_DESCRIBED_RE = re.compile(
    r"(?:we\s+are|i\s+am|somos|nous\s+sommes|wir\s+sind)\s+(?:a|an|un|una|une|uma|um|ein|eine)\s", re.IGNORECASE
)
# What a company field holds when there is none.
_NO_COMPANY = frozenset({"n/a", "na", "none", "nil", "null", "no", "individual", "private", "personal", "self",
                         "self-employed", "particular", "ninguna", "nenhuma", "aucune", "keine", "нет", "无", "个人",
                         "لا يوجد", "not provided", "not specified", "unknown", "no company", "sin empresa",
                         "não informado", "не указано", "未提供"})


_BRACKETED_RE = re.compile(r"[(（]([^()（）\n]{3,80})[)）]")


def _legal_form_only(company: str) -> bool:
    """"(Pty) Ltd", "(S.A.)": brackets around a legal form, not around a name."""
    return not LEGAL_RE.sub("", company).strip(" .,&()")


def _company_after_name(rest: str) -> str | None:
    """What follows an introduced name: "Ana Costa, BioLab Ltda (Brazil)", "X from Y", "X, компания Y"."""
    rest = HONORIFIC_RE.sub("", re.sub(r"<[^>]*>", " ", rest).strip())  # quotes stay: OOO "Toshkent Lab"
    name = capitalised_run(rest) if not re.match(r"[\u0600-\u06ff]", rest) else capitalised_run(rest)
    if not name:
        return None
    tail = rest[rest.find(name.split()[-1]) + len(name.split()[-1]) :]
    if tail.startswith(")"):
        tail = tail[1:]
    inner = re.match(r"\s*\(([^)]*)\)", tail)
    if inner:
        return company_in_parts(re.sub(r"^.*?\bat\s+|^.*?\bem\s+|^.*?\ben\s+", "", inner.group(1)))
    tail = SENTENCE_RE.split(tail, maxsplit=1)[0]  # "..., compras de X. Usamos un correo de ... en España"
    match = COMPANY_AFTER_RE.match(tail)
    if match:
        company = company_in_parts(match.group("company"), loose=True)
        if company and LEGAL_RE.fullmatch(company.strip(" .,")):  # ", Empresa Ltda": the word is the name's own
            company = company_in_parts(tail.lstrip(" ,"), loose=True)
        return company
    # "X, procurement for Y Ltd", "X, lab manager at Y LLC": a role, then the company (a sure one only).
    role = _ROLE_THEN_COMPANY_RE.match(tail)
    return company_in_parts(role.group("company")) if role else None


_ROLE_THEN_COMPANY_RE = re.compile(
    r"^\s*,\s*(?:[^\W\d_][\w.&/-]*\s+){1,4}?(?:at|of|for|with|from|de|del|da|do|en|em|chez|bei|von|der|"
    r"в|из|от|من|في|lại|tại|của|di|dari)\s+(?P<company>[^\n]+)",
    re.IGNORECASE,
)


def company_in_parts(value: str, loose: bool = False) -> str | None:
    """The first comma-separated part that is a company; "at X" and "en X" are unwrapped."""
    value = value.strip()
    at = re.match(r"^([^,\n]*?)\s(?:at|en|em|chez|bei)\s+(?=\S)", value)
    # "Lab manager at X" unwraps; "Laboratorio X S.L. en Las Palmas" keeps the company before "en".
    after = value[at.end() :].split(",")[0] if at else ""
    place = bool(at) and bool(city_mentions(capitalised_run(after)) or find_country_in_text(capitalised_run(after)))
    if at and not place and not (LEGAL_RE.search(at.group(1)) and not LEGAL_RE.search(after)):
        value = value[at.end() :]
    # "procurement for X Ltd", "compras de X", "técnica del Laboratorio X": a role in lower case, then the company.
    value = re.sub(r"^(?:I\s+am\s+|I['’]m\s+)?(?:(?:the|an?)\s+)?"
                   r"(?:[a-zà-ÿа-яё][\w-]*\s+){1,3}?(?:for|of|de|del|da|do|dos|das|du|des|di|von|der|для|من)\s+"
                   r"(?=[^\W\d_a-zà-ÿа-яё])", "", value, count=1)
    value = CONTACT_RE.sub(" ", value)
    parts = [_without_final_stop(p.strip()) for p in PARTS_RE.split(value)]
    for part in parts[:2]:  # "phòng thí nghiệm Công ty TNHH Thủy Sản Cửu Long": the company inside the part
        company = prefix_form_company(part)
        if company:
            return company
    if loose and parts and not any(clean_company(p, strict=True) for p in parts[:2]):
        first = _company_end(parts[0]) if LEGAL_RE.search(parts[0]) else parts[0]  # "X A.Ş. satın alma ..."
        if find_country_in_text(capitalised_run(first)):  # "Daniel from Kenya here": a place, not a company
            return None
        arabic = bool(re.match(r"[\u0600-\u06ff]", first)) and _definite_if_arabic(first)
        if len(first.split()) >= 2 and (first[:1].isupper() or arabic) and clean_company(first, strict=False):
            return _company_end(first)
        return None
    limit = 4
    for index, part in enumerate(parts):
        if index >= limit:
            break
        if _DEPARTMENT_RE.match(part):  # "School of Mechanical Engineering, Addis Ababa University": inside it
            limit += 1
            continue
        company = clean_company(part, strict=True)
        if company:
            return _company_end(company)
    return None


def _is_prefix_form(company: str, match: re.Match[str]) -> bool:
    """"ТОО Аналитика", "PT Sinar", "ООО «Лаб»": a legal form written before the name is no end."""
    form = match.group().strip()
    return bool(re.fullmatch(r"(?:ооо|оао|зао|пао|ао|тоо|тов|осоо|чуп|ип|мп|гп|чп|pt|cv)\.?", form, re.IGNORECASE))


def _without_final_stop(part: str) -> str:
    """A sentence's full stop goes, an abbreviation's stays: "S.A.S." keeps it, "Ltda." at a sentence end not."""
    last = part.split()[-1] if part.split() else ""
    return part if "." in last[:-1] else part.rstrip(" .")


def _unquoted(company: str) -> str:
    """"Agro Test Lab" in quotes, all of it, loses them; ООО «Лаб» keeps its own."""
    quoted = re.fullmatch(r"[\"“«„]([^\"“”«»„]+)[\"”»“]", company.strip())
    return quoted.group(1).strip() if quoted else company


def _company_end(company: str) -> str:
    """Cut what follows the legal form: "OenoLab SAS à Bordeaux" -> "OenoLab SAS"."""
    company = _unquoted(company)
    # Turkish writes the case ending after an apostrophe: "Ege Gıda Laboratuvarı'ndan" is "from Ege Gıda ...".
    company = re.sub(r"(?<=\w)['’](?:n?[dt][ae]n|n?[dt][ae]|n[ıiuü]n|[ıiuü]n|n?[ye]?[ae])$", "", company.strip())
    ends = [m.end() for m in LEGAL_RE.finditer(company) if m.start() > 0 and not _is_prefix_form(company, m)]
    if ends and (not re.match(r"\s*[(«\"]", company[ends[-1] :]) or _place_then_prose(company[ends[-1] :])):
        company = company[: ends[-1]]
    # A bracket at the end is a place or a note ("(Mendoza)"), except the name's own abbreviation "(INTA)".
    company = re.sub(r"\s*\((?!pty\)|(?-i:[A-ZÀ-ÞА-ЯЁ]{2,10})\))[^)]*\)\.?$|\s*\((?!pty\))[^()]*$", "", company,
                     flags=re.IGNORECASE)
    company = re.sub(r"^(?:I|We)\s+(?:run|own|are|represent|work\s+(?:at|for))\s+", "", company)
    company = re.sub(r"^(?:the\s+)?(?:md|ceo|coo|cto|owner|founder|co-founder|director|manager|"
                     r"(?:purchasing|procurement|sales|lab|laboratory)\s+manager|head\s+of\s+\w+)\s+(?:of|at)\s+",
                     "", company, flags=re.IGNORECASE)
    company = re.sub(r"^(?:من|في|لدى)\s+(?=\S+\s)", "", company)  # "من شركة ..." is "from the company ..."
    company = _without_arabic_place(strip_marks(company)) if re.search(r"[\u0600-\u06ff]", company) else company
    company = _unquoted(re.sub(r"\s+(?:in|em|en|à|a|в|في|ở|di|from)\s+[^\W\d_][\w' -]*\.?$", "", company).strip(" ,;"))
    if company.endswith(('"', "”")) and (company.count('"') + company.count("“") + company.count("”")) % 2:
        company = company.rstrip('"”')  # the closing quote of a quoted sentence, not of the name
    return company


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


def clean_company(value: str, strict: bool) -> str | None:
    """A company name: with a legal form or a company word when `strict` (free text), else any label value."""
    company = " ".join(value.split()).strip(" ,;")
    company = _unquoted(company)
    if not re.search(r"[^\W\d_]", company) or company.casefold().strip(" .()[]") in _NO_COMPANY:
        return None
    if strict and re.match(r"(?:dear|hello|hi|hola|olá|bonjour|estimad[oa]s?|prezad[oa]s?)\b", company, re.IGNORECASE):
        return None  # a greeting addresses us: "Dear Hangzhou Kerun ... Co., Ltd.,"
    we = re.match(r"^(?:نحن|إننا|اننا|أنا|انا)\s+", company)
    if we:
        company = company[we.end() :].split(" في ")[0]
    if strict and not _definite_if_arabic(company.split(" في ")[0]):
        return None
    if not company or len(company) > 100 or re.search(r"@|https?:|www\.|\+?\d[\d ()-]{6,}", company):
        return None
    if strict and not (LEGAL_RE.search(company) or COMPANY_WORD_RE.search(company)):
        return None
    typed_small = (not any(letter.isupper() for letter in company) and len(company.split()) <= 5
                   and _ends_in_legal_form(company))
    if strict and (len(company.split()) > 9 or is_title(company) or not (typed_small or _capitalised_enough(company))):
        return None
    if strict and _DESCRIBED_RE.match(company):
        return None
    # A question or a sentence to us ("Do you sell Hospital Beds? I'm Maria."), or goods ("Water Bath 6 holes").
    if strict and _DEPARTMENT_RE.match(company):
        return None  # "Dept. of Science Lab Technology" is inside the organisation
    if strict and (re.search(r"[?!？！]|\b(?:you|your|i['’]m|my|our|we)\b", company, re.IGNORECASE) or (
        not LEGAL_RE.search(company) and any(w.casefold() in THING_WORDS for w in re.findall(r"[^\W\d_]+", company))
    )):
        return None
    if re.search(r"[\u3400-\u9fff]", company) and (re.search(r"[A-Za-z]", company) or "的" in company):
        return None
    company = _without_lowercase_lead(company)
    if strict:
        company = re.sub(r"^(?:our\s+company(?:\s+is)?|company|компания|компанія|empresa|société|firma)"
                         r"(?:[,:]\s*|\s+(?=(?:ооо|тоо|тов|ао|оао|зао|пао|pt|cv)\b)|(?<=is)\s+)", "",
                         company, flags=re.IGNORECASE)
    return company if strict or company else None


_DEPARTMENT_RE = re.compile(
    r"(?:dept\.?|department|faculty|school|division|section|departamento|département|abteilung|dział|отдел|кафедра)"
    r"(?![^\W\d_])\s+(?:of|de|du|des|do|da|für|\S)",
    re.IGNORECASE,
)


def _definite_if_arabic(company: str) -> bool:
    """An Arabic company name has a definite word after its first ("شركة النيل", "معمل تحاليل النور",
    "شركة سعودية للمقاولات"); "شركة توزيع" ("a distribution company") and "صاحب معمل تحاليل" ("owner of a
    lab") describe one."""
    words = company.split()
    if not words or not re.match(r"[\u0600-\u06ff]", words[0]):
        return True
    return any(re.match(r"(?:[وبفك]?ال|لل)[\u0600-\u06ff]{2,}", w) for w in words[1:])


def _without_lowercase_lead(company: str) -> str:
    """"de Apícola del Sur SRL" -> "Apícola del Sur SRL": lower-case words before the name are prose. A name
    typed all in lower case ("rossi strumenti srl") has no such lead and stays whole."""
    words = company.split()
    if not any(letter.isupper() for letter in company):
        return company
    while len(words) > 1 and words[0][:1].islower():
        words.pop(0)
    return " ".join(words)


def _ends_in_legal_form(company: str) -> bool:
    """"hydro-serwis gdańsk sp. z o.o.", "muscat water treatment llc": a name typed in lower case is still one
    when a legal form ends it."""
    ends = [m for m in LEGAL_RE.finditer(company) if m.start() > 0]
    return bool(ends) and not company[ends[-1].end() :].strip(" .,")


def _capitalised_enough(text: str) -> bool:
    """Most words of a name start with a capital (scripts without case pass): a sentence does not."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", text) if len(w) > 2 and w.casefold() not in PARTICLES]
    cased = [w for w in words if w[0].upper() != w[0].lower()]
    if not cased:
        return True
    return sum(1 for w in cased if w[0].isupper()) >= 0.6 * len(cased)
