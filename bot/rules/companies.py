"""The customer's company: a labelled one, after an introduction, on a card line or in the signature."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bot.rules.chat_exports import CHAT_PREFIX_RE
from bot.rules.chat_names import signed_messages
from bot.rules.company_names import clean_company, company_in_parts
from bot.rules.company_runs import NAME_LINKS, company_word_runs, legal_form_runs, named_company
from bot.rules.company_shapes import (
    INSTITUTION_RE,
    company_end,
    legal_form_only,
    organisation_of,
    prefix_form_company,
    without_final_stop,
)
from bot.rules.company_subject import subject_organisations
from bot.rules.countries import find_country_in_text
from bot.rules.free_text import (
    CJK_COMPANY_RE,
    COMPANY_AFTER_RE,
    CUT_RE,
    FROM_RE,
    HERE_RE,
    INTRO_RE,
    LATIN_COMPANY_OF_RE,
    SENTENCE_RE,
    capitalised_run,
    is_company_label,
    is_name_label,
    is_title,
    latin_contact,
    pieces,
    signature_lines,
    skipped_label,
)
from bot.rules.lower_case_intro import lower_case_intro
from bot.rules.name_words import COMPANY_WORD_RE, HONORIFIC_RE, LEGAL_RE, PARTICLES
from bot.rules.places import city_mentions
from bot.rules.referrals import names_a_partner
from bot.rules.scripts import ARABIC, ascii_letters

__all__ = ["FREE_MAIL_DOMAINS", "clean_company", "company_in_parts", "find_company"]


def find_company(
    text: str, labelled: list[tuple[str, str]], ours: Iterable[str] = (), email: str | None = None
) -> str | None:
    """The customer's organisation (see `_chosen_company`); a unit named before it ("Servicio de Microbiología del
    Hospital ...", "School of Chemistry, University of ...") gives way to the institution it belongs to."""
    text = _SHOW_CARD_HEADING_RE.sub("", text)
    company = _chosen_company(text, labelled, ours, email)
    return organisation_of(_parent_below(text, company)) if company else None


# Our colleague's heading over a card from a trade show: "展会名片：Forum LABO Paris 2024，展位 G21，周敏" names the
# show, not the customer's organisation (the card's lines below do).
_SHOW_CARD_HEADING_RE = re.compile(r"^[ \t]*展会(?:名片|线索|客户)?[ \t]*[：:][^\n]*", re.MULTILINE)


# A unit of a university or a hospital on a card or a signature line of its own: an institute, a chair, a faculty.
_UNIT_LINE_RE = re.compile(
    r"^(?:institut|institute|instituto|istituto|lehrstuhl|fachgebiet|fachbereich|fakultät|faculty|facultad|"
    r"faculdade|faculté|school|department|departamento|département|abteilung|chair|laboratory|labor)(?![^\W\d_])",
    re.IGNORECASE,
)
_PARENT_LINE_RE = re.compile(
    r"(?<![^\W\d_])(?:universit\w*|hochschule|college|polytechnic|politecnico|politécnica|polytechnique|"
    r"hospital|klinikum|universitätsklinikum)(?![^\W\d_])",
    re.IGNORECASE,
)


def _parent_below(text: str, company: str) -> str:
    """"Institut für Partikeltechnik" on the line above "Technische Hochschule X": the unit's own line gives way
    to the university or hospital on the next line, which a careful reader records as the customer's."""
    if not _UNIT_LINE_RE.match(company):
        return company
    lines = [line.strip() for line in text.splitlines()]
    for index, line in enumerate(lines[:-1]):
        if line == company:
            below = next((other for other in lines[index + 1 :] if other), "")
            parent = clean_company(below, strict=True) if _PARENT_LINE_RE.search(below) else None
            return parent or company
    return company


def _chosen_company(
    text: str, labelled: list[tuple[str, str]], ours: Iterable[str], email: str | None
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
        and not _partner_only(text, company)
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
    # with its legal form is complete, unless it is one word and its form, the end of a name with a lower-case
    # word ("Morava s.r.o." of "Vodárenská laboratoř Morava s.r.o.").
    if LEGAL_RE.search(first):
        head = LEGAL_RE.sub("", first).split()
        whole = next((c for c in candidates if len(head) == 1 and c.endswith(" " + first) and len(c.split()) <= 8
                      and not any(w.islower() and len(w) <= 4 for w in c[: -len(first)].split())), None)
        return whole or first  # not "Sanne de Vries with AquaQuant B.V.": a short link word joins no name
    # "Cooperativa X" gives way to "Cooperativa X, Coop. V." found elsewhere: its legal form completes it.
    stem = first.rstrip(".")  # "Aguas del Levante Control." at a sentence's end, "… Control S.L." signed
    formed = next((c for c in candidates if c.startswith(stem) and LEGAL_RE.search(c[len(stem) :])
                   and legal_form_only(c[len(stem) :])), None)
    if formed:
        return formed
    return next((c for c in candidates if c.startswith(first + " ") and len(c.split()) <= 8), first)


def _partner_only(text: str, company: str) -> bool:
    """Every mention of the company follows a pointer to a partner ("your distributor in Nairobi, X Ltd")."""
    spots = list(_literal_spots(text, company))
    return bool(spots) and all(names_a_partner(text, at) for at in spots)


def _literal_spots(text: str, literal: str) -> Iterator[int]:
    """Where `literal` stands in `text`, left to right, not overlapping (as `re.finditer(re.escape(literal))`, without
    putting a pattern per company into `re`'s shared cache, where it would push out phonenumbers' own patterns)."""
    if not literal:
        yield from range(len(text) + 1)
        return
    at = text.find(literal)
    while at >= 0:
        yield at
        at = text.find(literal, at + len(literal))


FREE_MAIL_DOMAINS = frozenset({
    "gmail", "googlemail", "yahoo", "hotmail", "outlook", "live", "msn", "aol", "icloud", "mail", "yandex", "proton",
    "protonmail", "qq", "163", "126", "gmx", "web", "rambler", "ukr", "inbox", "bk", "list", "zoho", "rediffmail",
    "orange", "wanadoo", "libero", "uol", "bol", "terra",
})


def _domain_label(email: str | None) -> str:
    """The name part of the customer's e-mail domain ("umgeniwts" of tnkosi@umgeniwts.co.za); none for free mail."""
    if not email or "@" not in email:
        return ""
    labels = email.split("@")[1].casefold().split(".")
    label = next((part for part in labels if part not in ("www", "mail")), "")
    return "" if label in FREE_MAIL_DOMAINS else ascii_letters(label)


def _domain_spells(domain: str, company: str) -> bool:
    """The domain starts with the company's first word (4+ letters) or holds its first two words."""
    words = [ascii_letters(w) for w in LEGAL_RE.sub(" ", company).split() if w.casefold() not in PARTICLES]
    words = [w for w in words if w]
    if not words:
        return False
    if len(words[0]) >= 4 and domain.startswith(words[0]) or len(words) >= 2 and words[0] + words[1] in domain:
        return True
    # "kisr" of the Kuwait Institute for Scientific Research: the initials of its capitalised words.
    initials = "".join(ascii_letters(w[:1]) for w in company.split() if w[:1].isupper())
    return len(initials) >= 3 and domain == initials


def _company_candidates(text: str, labelled: list[tuple[str, str]]) -> Iterator[str]:
    for label, value in labelled:
        if is_company_label(label):
            company = clean_company(value, strict=False)
            # "X Ltd. Şti. (İstanbul)", "Ala-Too Agrolab LLC, Bishkek, Kyrgyzstan": the place is no part of it
            if company and (company.endswith((")", "）")) or any(
                    re.match(r",\s+[A-ZÀ-Þ]", company[m.end() :]) for m in LEGAL_RE.finditer(company))):
                company = company_end(company)
            if company:
                yield company
    for regex in (FROM_RE, INTRO_RE):
        for match in regex.finditer(text):
            company = _company_after_name(match.group("rest"))
            if company:
                yield company
    lower = lower_case_intro(text)  # "soy camila rojas de viña santa elena spa"
    if lower and lower.company:
        yield lower.company
    for _name, org in signed_messages(text):  # a chat message "usman tariq, Crescent Science College"
        company = clean_company(org, strict=False) if org else None
        if company:
            yield company_end(company)
    for match in _COMPANY_INTRO_RE.finditer(text):  # "my company is Apex Scientific Ltd and we need ..."
        sentence = SENTENCE_RE.split(match.group("rest"))[0]
        # "Lusaka Water and Sewerage Company": "and" before a capitalised word stays inside the name.
        rest = re.split(r"\s(?:and|y|e|et|und|и)\s(?![A-ZÀ-ÞА-ЯЁ])|\s(?:which|that|who|we)\s|[,;]", sentence)[0]
        named = None if match.group("behalf") else _we_are_named(match.group("rest"))  # "on behalf of" a person
        company = clean_company(rest, strict=True) or named
        ended = company_end(company) if company else ""
        if ended and not all(w.casefold() in _WHAT_WE_ARE for w in ended.split()):  # "Distribuidores Autorizados"
            yield ended
    for match in _COMPANY_NOUN_RE.finditer(text):  # "Компания СибБиоТех, ...", "Kampuni yetu ni Maji Safi ..."
        company = named_company(match.group("rest"))
        if company and not LEGAL_RE.fullmatch(company.strip(" .,")):  # "Empresa Ltda" is a name, not "Ltda"
            yield company
    yield from subject_organisations(text)  # "Valdora Water Authority is planning to procure ..."
    yield from legal_form_runs(text)
    for match in HERE_RE.finditer(text):  # "Oleksandr Bondarenko here, lab manager at Dnipro AgroLab LLC."
        line_end = text.find("\n", match.end())
        company = _company_after_name(match.group("rest") + text[match.end() : line_end if line_end >= 0 else None])
        if company:
            yield company
    for label, value in labelled:
        if is_name_label(label):
            value = latin_contact(value)  # "客户：Dr. Andrés Castaño，Hospital Universitario San Rafael 检验科"
            company = _company_after_name(value) or company_in_parts(value)
            if company:
                yield company
    for match in CJK_COMPANY_RE.finditer(text):  # "我係香港科進化驗有限公司嘅 Kelvin Chan"
        yield match.group("company")
    for match in _PERSIAN_COMPANY_RE.finditer(text):  # "از شرکت آزمایشگاهی پارس آزما در تهران"
        yield match.group()
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
        place = find_country_in_text(inner.split(",")[0]) or any(at == 0 for at, _ in city_mentions(inner))
        if place and not (COMPANY_WORD_RE.search(inner) or LEGAL_RE.search(inner)):
            continue  # "visitante #48213 (Bogotá, CO)": a place, not "(Universiti Putra Malaysia, …)"
        company = company_in_parts(inner) if "," in inner else clean_company(inner, strict=True)
        if company and len(company.split()) >= 2 and not legal_form_only(company):
            yield company_end(company)
    yield from _signature_company(signature_lines(text))
    yield from company_word_runs(text)
    lines = [piece for line in text.splitlines() if not skipped_label(line)
             for piece in pieces(CHAT_PREFIX_RE.sub("", line).strip())]  # "[10/04 11:21] Youssef: pour Laboratoire …"
    for line in lines:
        company = company_in_parts(line) if CUT_RE.search(line) else clean_company(line, strict=True)
        if company:
            yield _named_tail(company_end(company))


# Lower-case words inside organisations' names: "Kuwait Institute for Scientific Research", "San. ve Tic. A.Ş."
_INSIDE_NAMES = NAME_LINKS | {"for", "für", "pour", "per", "para", "ve", "the"}


def _named_tail(sentence: str) -> str:
    """The organisation a sentence ends with: "Send PI to Obi Scientific Ventures", Swahili "Mimi ni Ustaz Hamisi
    Juma wa Zanzibar Quality Lab." (the capitalised words after the last lower-case word that links no name, when
    they hold a word for a company or a legal form)."""
    words = sentence.split()
    cut = max((i for i, w in enumerate(words) if w[:1].islower() and w.casefold() not in _INSIDE_NAMES), default=-1)
    tail = " ".join(words[cut + 1 :])
    if cut >= 0 and len(words) - cut > 2 and (COMPANY_WORD_RE.search(tail) or LEGAL_RE.search(tail)):
        return without_final_stop(tail)
    return sentence


def _signature_company(lines: list[str]) -> Iterator[str]:
    """The company of a signature block: one with a legal form first, then an institution ("St. Luke
    Hospital"), then any: a department line ("Head, Microbiology Lab") sits above the organisation."""
    found = []
    for line in lines:
        company = company_in_parts(line) if CUT_RE.search(line) else clean_company(line, strict=True)
        if company:
            found.append(company_end(company))
    yield from sorted(found, key=lambda c: 0 if LEGAL_RE.search(c) else 1 if INSTITUTION_RE.search(c) else 2)


def _we_are_named(rest: str) -> str | None:
    """"Somos Camaronera Pacífico Azul de Guayaquil": what "we are" or "our company is" is called, two or more
    capitalised words, when the sentence has no legal form or word for a company (those the strict reading
    weighs)."""
    run = capitalised_run(rest)
    if not run or not 2 <= len(run.split()) <= 6 or not rest.startswith(run):
        return None
    if LEGAL_RE.search(rest) or COMPANY_WORD_RE.search(rest):
        return None
    if any(w.casefold() in _CONJUNCTIONS for w in run.split()) or find_country_in_text(run) or city_mentions(run):
        return None  # "somos Ana y Pedro", "we are Mexico's ..."
    if any(w.casefold() in _WHAT_WE_ARE for w in run.split()) or is_title(run):
        return None  # "We are ISO Certified", "Somos Distribuidores Autorizados": what they are, not a name
    return clean_company(run, strict=False)


_CONJUNCTIONS = frozenset({"and", "y", "e", "et", "und", "и", "&"})
_WHAT_WE_ARE = frozenset({"iso", "certified", "authorised", "authorized", "official", "leading", "distributors",
                          "distributor", "importers", "importer", "dealers", "dealer", "distribuidores", "distribuidor",
                          "importadores", "autorizados", "autorizado", "oficiales", "representantes", "interested"})
_COMPANY_INTRO_RE = re.compile(
    r"(?:\b(?:i['’]m|i\s+am|we\s+are|we['’]re)\s+from(?=\s+(?-i:[A-ZÀ-Þ])(?!(?-i:Dr|Mr|Mrs|Ms|Prof)\.?\s))|\b(?:my|our)\s+(?:company|lab|laboratory|clinic|hospital|firm)(?:['’]s\s+name|\s+name)?\s+is|\bwe\s+are|\bwe['’]re|\b(?:les\s+|le\s+|te\s+|os\s+)?escribo\s+(?:de|desde)|\bescrevo\s+(?:d[ao]|de)|\b(?:i|we)\s+(?:run|own)|\bnuestra\s+empresa\s+es|\bsomos|"
    r"\bnossa\s+empresa\s+é|\bnous\s+sommes|\bwir\s+sind(?:\s+die)?|\bнаша\s+компания\s*[-—–]?|\bмы\s*[-—–]|"
    r"(?P<behalf>\bon\s+behalf\s+of|\ben\s+nombre\s+de|\bem\s+nome\s+d[aeo]|\bau\s+nom\s+d[eu]|\bот\s+имени))"
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


# Persian "شرکت <name>" up to "in/from/located" or the clause's end; the word is part of the name as written.
_PERSIAN_COMPANY_RE = re.compile(
    rf"(?<![{ARABIC}])شرکت(?:\s+[{ARABIC}\u200c]+){{1,5}}?(?=\s+(?:در|از|واقع|هستم|هستیم)\s|\s*[.،,\n]|$)")
_BRACKETED_RE = re.compile(r"[(（]([^()（）\n]{3,80})[)）]")


def _company_after_name(rest: str) -> str | None:
    """What follows an introduced name: "Ana Costa, BioLab Ltda (Brazil)", "X from Y", "X, компания Y"."""
    rest = HONORIFIC_RE.sub("", re.sub(r"<[^>]*>", " ", rest).strip())  # quotes stay: OOO "Toshkent Lab"
    name = capitalised_run(rest)
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
