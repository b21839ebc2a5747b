"""Customer name, company and product of interest: labels, "I am X from Y", card lines and signatures."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bot.rules.chat_exports import export_speakers
from bot.rules.chat_names import (
    copied_speakers,
    forwarded_from,
    greeted_names,
    handle_names,
    honorific_lower_lines,
    signed_messages,
    speaker_headers,
)
from bot.rules.companies import FREE_MAIL_DOMAINS, clean_company, company_in_parts, find_company
from bot.rules.countries import find_country_in_text
from bot.rules.country_names import fold
from bot.rules.free_text import (
    ANGLE_RE,
    CHINESE_HONORIFIC_RE,
    CJK_CUSTOMER_RE,
    CJK_INTRO_RE,
    CONTACT_RE,
    CUT_RE,
    DOMAIN_RE,
    FROM_RE,
    HERE_RE,
    HONORIFIC_LED_RE,
    INLINE_CLOSING_RE,
    INTRO_RE,
    IS_MY_NAME_RE,
    capitalised_run,
    is_name_label,
    is_title,
    labelled_values,
    latin_contact,
    pieces,
    signature_lines,
)
from bot.rules.languages import is_prose_word
from bot.rules.lower_case_intro import lower_case_intro, without_intro_phrase
from bot.rules.name_words import (
    CLOSING_RE,
    COMPANY_WORD_RE,
    GREETINGS,
    HONORIFIC_RE,
    HONORIFIC_TAIL_RE,
    JOB_WORDS,
    LEGAL_RE,
    PARTICLES,
    POST_NOMINAL_RE,
    PRONOUNS,
    ROLE_LOCAL_RE,
    THAI_KHUN_RE,
    THING_WORDS,
    TITLE_WORDS,
    UNIT_WORDS,
    is_closing_phrase,
)
from bot.rules.places import city_mentions
from bot.rules.products import find_product
from bot.rules.scripts import ARABIC_RE, HAN, ascii_letters

__all__ = [
    "display_name", "find_company", "find_customer_name", "find_product", "labelled_values", "person_named",
    "spells_fully",
]


def find_customer_name(
    text: str, labelled: list[tuple[str, str]], own: Iterable[str] = (), email: str | None = None
) -> str | None:
    """The customer's name, honorifics stripped; never one of `own` (our people).

    The candidates are weighed by more than their order: a labelled name wins; else one that the e-mail's local
    part spells ("a.wroblewska" for Agnieszka Wróblewska, also a capitalised run anywhere in the text); a first
    name alone gives way to a fuller name that starts with it ("this is Rashid ..." and "Rashid Al-Kuwari" under
    the closing).
    """
    ours = {n.casefold() for n in own}
    split = _first_and_last(labelled)
    if split and split.casefold() not in ours:
        return split
    labelled_names = {n for label, value in labelled if is_name_label(label) for n in (_labelled_name(value),) if n}
    candidates = [
        _name_order(name) for name in dict.fromkeys(_name_candidates(text, labelled))
        if name.casefold() not in ours and not any(o in name.casefold() for o in ours if len(o) >= 5)
        and _may_be_a_name(name) and not _names_the_mailbox(name, email, text)
    ]
    signed = _as_signed(candidates)
    if candidates and candidates[0] in labelled_names:
        return _whole_name(signed[0], signed[1:], text)
    candidates = signed
    local = _email_local(email)
    if local:
        spelled = [c for c in candidates if _spells(local, c)]
        spelled += [c for c in _capitalised_runs(text) if spells_fully(email or "", c) and c.casefold() not in ours]
        full = [c for c in spelled if len(c.split()) >= 2]
        if full or spelled:
            return _whole_name((full or spelled)[0], candidates, text)
    if not candidates:  # who a forwarded message is from: the one who wrote it, when it names nobody itself
        forwarded = next((n for raw in forwarded_from(text) for n in (_leading_name(raw),)
                          if n and n.casefold() not in ours and _looks_like_person(n)), None)
        return forwarded or _name_of_address(email)
    first = candidates[0]
    if len(first.split()) == 1:
        # "Am Wanjiru from Kisumu" then "My full name Grace Wanjiru Otieno": the name the person gives in full
        # (not a colleague who shares a name: "I'm Ali …" and "our manager Mr. Hassan Ali")
        fuller = next((c for c in candidates[1:] if len(c.split()) >= 2 and first in c.split()
                       and not _INTRO_WORD_RE.search(c) and not _someone_else(c, text)), None)
        fuller = fuller or next(
            (c for c in _capitalised_runs(text) if c.split()[0] == first and c.casefold() not in ours), None
        )
        return fuller or _completed_by_email(first, email) or first
    return _whole_name(first, candidates[1:], text)  # "Mariana Ortega" in the header signs "Mariana Ortega Villalobos"


# Words of a Chinese note's heading, never in a name: "展会名片" (a trade-show card), "客户信息" (customer details).
_HAN_NOTE_WORDS_RE = re.compile("名片|展会|客户|客戶|信息|资料|詢盤|询盘|联系|公司|录入|转自|备注")


def _may_be_a_name(name: str) -> bool:
    """Not one Latin letter ("X" of "Mensaje directo de X"), a pronoun ("Vocês tem …"), a greeting ("salom, …"),
    nor a Chinese note's heading ("展会名片")."""
    if (len(name) < 2 and name.isascii()) or name.casefold() in PRONOUNS or name.casefold() in GREETINGS:
        return False
    if is_closing_phrase(name):  # "مع التحية" on its own line over a department
        return False
    return not _HAN_NOTE_WORDS_RE.search(name)


def _someone_else(name: str, text: str) -> bool:
    """Every mention of the name follows "our/my <role>": a colleague or a boss of the writer, not the writer."""
    mentions = [m.start() for m in re.finditer(re.escape(name), text)]
    return bool(mentions) and all(_THEIR_PERSON_RE.search(text, max(0, at - 40), at) for at in mentions)


_THEIR_PERSON_RE = re.compile(
    r"(?<![^\W\d_])(?:our|my|his|her|their)\s+(?!(?:full\s+)?name\b)(?:[^\W\d_]+\s+){1,2}(?:(?:Mr|Mrs|Ms|Dr|Eng|Prof)\.?\s+)?$",
    re.IGNORECASE)
_INTRO_WORD_RE = re.compile(r"(?<![^\W\d_])(?:i['’]m|i\s+am|im)(?![^\W\d_])", re.IGNORECASE)  # "I'm Maria"


def _as_signed(candidates: list[str]) -> list[str]:
    """The first name as the person writes it elsewhere: a header's "Ковалёв Дмитрий" or "Смирнова Елена
    Викторовна" signed "Дмитрий Ковалёв" or "Елена Смирнова" is recorded as signed (the same words reordered,
    or without the patronymic)."""
    if not candidates:
        return candidates
    first = candidates[0].split()
    for other in candidates[1:]:
        words = other.split()
        if len(words) < 2 or words == first or not set(words) <= set(first):
            continue
        dropped = [w for w in first if w not in words]
        if sorted(words) == sorted(first) or (len(dropped) == 1 and _PATRONYMIC_RE.fullmatch(dropped[0])):
            return [other, *candidates]  # the signed form stands for the labelled one
    return candidates


# A form's separate fields: "Nom : Lefèvre / Prénom : Camille", "Last name / First name", "Nachname / Vorname".
_FIRST_LABELS = frozenset({"first name", "firstname", "given name", "prénom", "prenom", "nombre", "nome", "vorname",
                           "imię", "imie", "имя", "ім'я", "voornaam", "ad", "tên"})
_LAST_LABELS = frozenset({"last name", "lastname", "surname", "family name", "nom", "nom de famille", "apellido",
                          "apellidos", "sobrenome", "cognome", "nachname", "familienname", "nazwisko", "фамилия",
                          "прізвище", "achternaam", "soyad", "soyadı", "họ"})


def _first_and_last(labelled: list[tuple[str, str]]) -> str | None:
    """The whole name when a form gives the first name and the last name in fields of their own (both there)."""
    first = next(((label, v.strip()) for label, v in labelled if label in _FIRST_LABELS and v.strip()), None)
    last = next((v.strip() for label, v in labelled if label in _LAST_LABELS and v.strip()), None)
    if not first or not last:
        return None
    label, given = first
    if last.casefold() in given.casefold():
        return given  # "Nombre: Juan Pérez" already holds the "Apellido: Pérez"
    whole = f"{last} {given}" if label == "tên" else f"{given} {last}"  # Vietnamese: the family name first
    return whole if len(whole.split()) <= 4 else None


def person_named(clause: str) -> str | None:
    """The person a clause starts with ("Henrique Matos, diretor técnico …", "سلطان بن عبدالله القحطاني")."""
    if ARABIC_RE.match(clause):  # up to a comma or an address ("د. سامي الحربي، s.alharbi@…")
        name = _clean_name(" ".join(re.split(r"[،,;:：@]", clause, maxsplit=1)[0].split()[:5]))
        return name if name and _looks_like_person(name) else None
    return _leading_name(clause, free_text=True)


def _whole_name(name: str, candidates: list[str], text: str = "") -> str:
    """The name as said in full elsewhere: Hispanic names carry two surnames ("Milagros Quispe Huamán", "María José
    García López") and often sign or mail with one; the e-mail or a header spells the short form, the text holds
    the whole. A middle name counts too: "Rajesh Iyer" signs "Rajesh Kumar Iyer"."""
    words = [fold(w) for w in name.split()]
    for candidate in candidates:
        longer = candidate.split()
        folded = [fold(w) for w in longer]
        # first name and surname with a middle name or a second surname between or after them ("Rosa Mendoza" signs
        # "Rosa Elvira Mendoza Torres", "Martin Sosa" "Martín Ezequiel Sosa")
        # (the surname not last only when the longer name signs on a line of its own: not "nuestro diretor, Eng.
        # Carlos Eduardo Silva Santos" or "mi padre, el Dr. Juan Pablo Ortiz Vega" in a sentence)
        middle = len(words) >= 2 and folded[:1] == words[:1] and (
            folded[-1:] == words[-1:] or _in_order(words, folded) and _on_its_own_line(candidate, text))
        extra = longer[len(words) - 1 : -1] if middle and folded[: len(words)] != words else longer[len(words) :]
        if (len(words) < len(longer) <= 4 and (folded[: len(words)] == words or middle)
                and not any(w[:1].islower() and w.casefold() not in PARTICLES for w in extra)  # "bin", Arabic
                and not city_mentions(" ".join(extra))
                and not find_country_in_text(" ".join(extra))):
            return candidate.title() if candidate.isupper() else candidate
    return name


def _on_its_own_line(name: str, text: str) -> bool:
    """`name` fills a line (a signature), a short title before it at most ("Blgo.", "Dra.")."""
    return re.search(rf"^[ \t>]*(?:[^\W\d_]{1,6}\.[ \t]+)?{re.escape(name)}[ \t]*[,.]?[ \t]*$", text,
                     re.MULTILINE | re.IGNORECASE) is not None


def _in_order(words: list[str], longer: list[str]) -> bool:
    """Every word of `words` appears in `longer`, in the same order."""
    rest = iter(longer)
    return all(word in rest for word in words)


def _name_of_address(email: str | None) -> str | None:
    """"marek.nowak@firma.pl" with no name written anywhere: an organisation gives its staff first.last addresses;
    a free-mail handle ("bluewave.fish@gmail.com") is whatever its owner chose."""
    if not email or "@" not in email or email.split("@")[1].split(".")[0] in FREE_MAIL_DOMAINS:
        return None
    tokens = re.split(r"[._-]", email.split("@")[0])
    if len(tokens) != 2 or not all(re.fullmatch(r"[a-z]{3,20}", t) for t in tokens):
        return None
    if any(t in _FREE_MAIL_LOCALS or t in TITLE_WORDS | JOB_WORDS | THING_WORDS or COMPANY_WORD_RE.fullmatch(t)
           for t in tokens):
        return None
    name = " ".join(t.capitalize() for t in tokens)
    return None if find_country_in_text(name) or city_mentions(name) else name


def _completed_by_email(first: str, email: str | None) -> str | None:
    """"Jorge" and jorge.mena@...: the address gives the surname the message left out."""
    if not email or "@" not in email:
        return None
    tokens = re.split(r"[._-]", email.split("@")[0])
    if len(tokens) != 2 or ascii_letters(tokens[0]) != ascii_letters(first) or tokens[0] != ascii_letters(tokens[0]):
        return None
    last = tokens[1]
    if not re.fullmatch(r"[a-z]{2,20}", last) or last in _FREE_MAIL_LOCALS or last in TITLE_WORDS | JOB_WORDS:
        return None
    return f"{first} {last.capitalize()}"


def _labelled_name(value: str) -> str | None:
    value = without_intro_phrase(latin_contact(value))
    words = value.split()
    prose = [w for w in words if w not in PARTICLES and is_prose_word(w)]
    if value.islower() and prose and (len(words) >= 4 or words[0] in prose):  # not "nguyen ngoc anh"
        return None  # "Visitante: es para calcinación de muestras" is a chat message, not a name
    value = _capitalised_if_lower(value)  # "visitor: my name ali raza" is Ali Raza
    return display_name(value) or _leading_name(value) or _japanese_name(value)


def _japanese_name(value: str) -> str | None:
    """ "ご担当者名：山田 健一 様": family name, a space, given name; read only in a name field."""
    name = _clean_name(value)
    return name if name and re.fullmatch(rf"[{HAN}]{{1,3}} [{HAN}]{{1,3}}", name) else None


def _capitalised_if_lower(value: str) -> str:
    """A name typed all in lower case after a label ("Name: ing. maría fernanda rojas") is written as a careful
    person would record it: "ing. María Fernanda Rojas" (particles stay small: "de", "van", "bin")."""
    if any(letter.isupper() for letter in value) or "@" in value:
        return value
    return " ".join(word if word in PARTICLES else word[:1].upper() + word[1:] for word in value.split(" "))


# The patronymic of an East Slavic name ends in -вич/-вна/-ична/-ич.
_PATRONYMIC_RE = re.compile(r"[а-яё]+(?:вич|вна|ична|инична|ич)", re.IGNORECASE)


def _name_order(name: str) -> str:
    words = name.split()
    # "Hicham de Fès": "de" and a place after a name is where the person is from.
    if len(words) >= 3 and words[-2].casefold() in ("de", "da", "do", "from") and city_mentions(words[-1]):
        words = words[:-2]
        name = " ".join(words)
    # A name with its patronymic, "Фамилия Имя Отчество" or "Имя Отчество Фамилия", is recorded as written, as the
    # customer's papers and their own forms write it.
    return name


_FREE_MAIL_LOCALS = frozenset({"info", "sales", "admin", "office", "contact", "lab", "mail", "hello", "support"})


def _names_the_mailbox(name: str, email: str | None, text: str) -> bool:
    """"Makmal Sawit" <admin@makmalsawit.com.my> signed "Makmal Sawit Sdn Bhd": a shared mailbox's name that spells
    its domain and is an organisation in the text, not a person ("Pieter Smit" <info@pietersmit.co.za> is one); or
    one whose first word spells a role mailbox's local part ("Vergabestelle IAM Leipzig" <vergabe@…>)."""
    if not email or "@" not in email:
        return False
    local, domain = email.casefold().split("@", 1)
    first = ascii_letters(name.split()[0]) if name.split() else ""
    if ROLE_LOCAL_RE.fullmatch(local) and len(local) >= 5 and first.startswith(ascii_letters(local)):
        return True  # "Abastecimiento LSR Biobío" <abastecimiento@…>, "Vergabestelle IAM Leipzig" <vergabe@…>
    letters = ascii_letters(name)
    spells_domain = len(letters) >= 6 and letters == ascii_letters(domain.split(".")[0])
    if ascii_letters(local) not in _FREE_MAIL_LOCALS or not spells_domain:
        return False  # the cheap tests first: this runs for every candidate of every inquiry
    return any(LEGAL_RE.match(text, m.end()) for m in re.finditer(re.escape(name) + r"[ \t]+", text))


def _email_local(email: str | None) -> str:
    if not email or "@" not in email:
        return ""
    local = ascii_letters(email.split("@")[0])
    return "" if local in _FREE_MAIL_LOCALS or len(local) < 4 else local


def _spells(local: str, name: str) -> bool:
    """The e-mail's local part holds the surname (4+ letters) or the whole first name and the surname's start."""
    words = [ascii_letters(w) for w in name.split() if w.casefold() not in PARTICLES]
    words = [w for w in words if w]
    if not words or not all("a" <= ch <= "z" for w in words for ch in w):
        return False
    last = words[-1]
    if len(words) >= 2 and len(last) >= 4 and last in local:
        return True
    return len(words) >= 2 and len(words[0]) >= 4 and words[0] in local and local.endswith(last[:1])


def spells_fully(email: str, name: str) -> bool:
    """A stricter test for words found anywhere: "ollie.bennett", "s.bondarenko", "tnkosi" spell the initial
    and the surname of Oliver Bennett, Serhii Bondarenko, Thandiwe Nkosi."""
    tokens = [ascii_letters(t) for t in re.split(r"[._-]+", email.split("@")[0])]
    words = [ascii_letters(w) for w in name.split() if w.casefold() not in PARTICLES]
    if len(words) < 2 or not all(words) or len(words[-1]) < 3:
        return False
    first, last = words[0], words[-1]
    for index, token in enumerate(tokens):
        if token == first[:1] + last:
            return True
        if token == last and index > 0 and tokens[index - 1][:1] == first[:1]:
            return True
    return False


_RUN_RE = re.compile(r"(?<![\w@.])[^\W\d_a-z][^\W\d_]+(?:[ \t]+[^\W\d_a-z][^\W\d_-]*(?:-[^\W\d_]+)?){1,2}(?![\w@])")


def _capitalised_runs(text: str) -> Iterator[str]:
    """Two or three capitalised words in a row anywhere in the text, that could be a person."""
    for match in _RUN_RE.finditer(text):
        name = _clean_name(match.group())
        if name and _looks_like_person(name) and not find_country_in_text(name):
            yield name


# A heading over the customer's details (a colleague's hand-off, a lead's block): the first line under it names them.
_DETAILS_HEAD_RE = re.compile(
    r"^[ \t]*(?:客户信息|客户资料|客户联系方式|客戶資料|customer\s+(?:info(?:rmation)?|details|contact)|"
    r"buyer\s+(?:info(?:rmation)?|details)|contact\s+details|datos\s+del\s+cliente|dados\s+do\s+cliente|"
    r"информация\s+о\s+клиенте|данные\s+клиента)[ \t]*[:：]?[ \t]*\n(?:[ \t]*\n)*(?P<line>[^\n:：]+)$",
    re.IGNORECASE | re.MULTILINE,
)


def _name_candidates(text: str, labelled: list[tuple[str, str]]) -> Iterator[str]:
    for label, value in labelled:
        if is_name_label(label):
            name = _labelled_name(value)
            if name:
                yield name
    for match in _DETAILS_HEAD_RE.finditer(text):  # "客户信息：\nMd. Rafiqul Islam\nDhaka Pharma …"
        name = _leading_name(match.group("line"))
        if name:
            yield name
    for regex in (CJK_INTRO_RE, CJK_CUSTOMER_RE):
        for match in regex.finditer(text):
            name = _clean_name(match.group("name"))
            if name and _looks_like_person(name):
                yield name
    yield from _thai_names(text)
    for match in [*_WROTE_RE.finditer(text), *_SENDER_WROTE_RE.finditer(text)]:
        name = display_name(match.group("sender"))
        if name and _looks_like_person(name):
            yield name
    for match in IS_MY_NAME_RE.finditer(text):
        yield match.group("name")
    for regex in (FROM_RE, INTRO_RE):
        for match in regex.finditer(text):
            name = _leading_name(match.group("rest"), free_text=True)
            if name:
                yield name
    lower = lower_case_intro(text)  # "hola, soy camila rojas de ..."
    if lower:
        yield lower.name
    for match in HERE_RE.finditer(text):
        name = _leading_name(match.group("rest"), free_text=True)
        if name:
            yield name
    for signed, _org in signed_messages(text):  # a chat message "usman tariq, Crescent Science College"
        name = _leading_name(signed)
        if name and _looks_like_person(name):
            yield name
    for line in signature_lines(text):
        if LEGAL_RE.search(line) and len(line.split()) >= 2 or _UNIT_RE.match(line):
            continue  # "TALLERES MECÁNICOS ARAGÓN, S.L.", "Dpto. Calidad" above the person signing: not a name
        name = _leading_name(line) or _lower_case_name(line)
        if name:
            yield name
            break
    for match in INLINE_CLOSING_RE.finditer(text):
        name = _leading_name(match.group("rest"), free_text=True)
        if name:
            yield name
    yield from _chat_speakers(text)  # after introductions: our own staff speak in a pasted chat too
    for raw in [*greeted_names(text), *handle_names(text), *speaker_headers(text), *export_speakers(text),
                *copied_speakers(text), *honorific_lower_lines(text)]:
        name = _leading_name(raw)
        if name:
            yield name
    for match in _DASH_SIGNED_RE.finditer(text):
        name = _leading_name(match.group("rest"), free_text=True)
        if name and len(name.split()) >= 2 and not find_country_in_text(name):
            yield name
    yield from _card_names(text)
    last = _LAST_DASH_RE.search(text)  # a last line "— Chidi, Lekki Diagnostics"
    if last:
        name = _leading_name(last.group("rest"), free_text=True)
        if name:
            yield name
    for match in HONORIFIC_LED_RE.finditer(text):
        name = _leading_name(match.group("rest"), free_text=True)
        if name:
            yield name
    name = _signed_last(text)
    if name:
        yield name
    for match in _SIGNING_SENTENCE_RE.finditer(text):
        name = _leading_name(match.group("name"))
        if name and len(name.split()) >= 2 and not find_country_in_text(name):
            yield name
    for match in CHINESE_HONORIFIC_RE.finditer(text):
        yield match.group("surname")


# A message that ends by signing in a sentence of its own: "… 4 шт. Оксана Мельник, Львівський ліцей №12, тел. 067 …":
# a name, where they are from, then a number or an address.
_SIGNING_SENTENCE_RE = re.compile(
    r"(?:^|(?<=[.!?…][ \t]))[ \t]*(?P<name>(?:[^\W\d_][\w'’.-]*[ \t]+){1,3}?[^\W\d_][\w'’-]+),[ \t]*[^,\n]{2,60},[ \t]*"
    r"(?:tel|тел|phone|ph|mob|моб|cel|cell|whats\s?app|e-?mail|\+|\d|[\w.+-]+@)",
    re.IGNORECASE | re.MULTILINE,
)


# A department line of a signature: "Dpto. Calidad", "Abteilung Einkauf", "Dept. QA".
_UNIT_RE = re.compile(r"(?:dpto|depto|dept|departamento|department|département|abteilung|dział|отдел)(?![^\W\d_])",
                      re.IGNORECASE)


# The sender of a quoted message: "On Tue, 3 Jun 2025 at 09:14, Jonas Richter <j@x.de> wrote:", "Am ... schrieb
# Jonas Richter <j@x.de>:"; the words before the address after the date, the time and the verb.
_WROTE_RE = re.compile(
    r"^[ \t]*(?:on|am|le|el|em|в)\b[^\n<]*?(?:\d[ \t]*(?:[ap]\.?m\.?)?|schrieb|escribió|escreveu|написал[аи]?)"
    r"[ \t]*,?[ \t]+(?!schrieb|escribió|escreveu|написал)(?P<sender>[^\W\d_][^<>\n\d]{1,60}<[^>\n]+@[^>\n]+>)"
    r"[ \t]*(?:wrote|a écrit|escribió|escreveu|"
    r"schrieb|написал[аи]?)?[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


# '"Wang, Lei" <lei.wang@x.sg> wrote:' without the date in front.
_SENDER_WROTE_RE = re.compile(
    r"^[ \t]*(?P<sender>\"?[^\W\d_][^<>\n\d]{1,60}<[^>\n]+@[^>\n]+>)[ \t]*"
    r"(?:wrote|a écrit|escribió|escreveu|schrieb|написал[аи]?)[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A chat message signed at its end after a dash: "... por whatsapp. Gracias!! - Daniela Ospina",
# "... на почту lab@x.ru — Ирина Смирнова".
_DASH_SIGNED_RE = re.compile(
    r"(?<=\S)[ \t]+[-–—]{1,2}[ \t]*(?P<rest>[^\W\d_][\w'.-]*(?:[ \t]+[^\W\d_][\w'.-]*){1,3})[ \t]*[\"”»]?[ \t]*$",
    re.MULTILINE,
)


_LAST_DASH_RE = re.compile(r"^[ \t]*[-–—~]{1,2}[ \t]*(?P<rest>[^\W\d_][^\n]*)\s*\Z", re.MULTILINE)


# Thai: "ผมชื่อ สมชาย ศรีสุข จากบริษัท ..." ("my name is ... from the company ..."); first name and surname are
# the two words after it, unless the second is already the next phrase.
_THAI_INTRO_RE = re.compile(
    r"(?:ผมชื่อ|ดิฉันชื่อ|ฉันชื่อ|หนูชื่อ|ชื่อ)[ \t]*(?:คุณ[ \t]*)?(?P<first>[\u0e00-\u0e7f]+)(?:[ \t]+(?P<last>[\u0e00-\u0e7f]+))?"
)
_THAI_NOT_NAME = ("จาก", "บริษัท", "ครับ", "ค่ะ", "คะ", "สนใจ", "ติดต่อ", "โทร", "อยาก", "ต้องการ", "ขอ", "ที่", "เป็น")


def _thai_names(text: str) -> Iterator[str]:
    for match in _THAI_INTRO_RE.finditer(text):
        first, last = match.group("first"), match.group("last")
        if first.startswith(_THAI_NOT_NAME):
            continue
        yield f"{first} {last}" if last and not last.startswith(_THAI_NOT_NAME) else first


# A pasted chat line: "[10:42, 9/4/2026] Maria Lopez: hi", "2026-03-09 14:03:22 Abdullah Alenezi: hi",
# "Maria Lopez (Bioquim S.A.): hi, price?".
_SPEAKER_RE = re.compile(
    r"^[ \t]*(?P<stamp>\[[^\]\n]{3,40}\][ \t]*|\d{4}-\d{2}-\d{2}[ \t]+\d{1,2}:\d{2}(?::\d{2})?[ \t]+)?"
    r"(?P<who>[^\W\d_][^\n:：()\[\]]{1,40}?)[ \t]*"
    r"(?P<company>\([^()\n]{2,60}\))?[ \t]*[:：][ \t]*\S",
    re.MULTILINE,
)


def _chat_speakers(text: str) -> Iterator[str]:
    """The speaker of a pasted chat: a name before ":" with a time stamp, a company in brackets, or that
    speaks on two lines; field labels ("Payment Terms:") have none of these."""
    matches = list(_SPEAKER_RE.finditer(text))
    counts: dict[str, int] = {}
    for match in matches:
        counts[match.group("who")] = counts.get(match.group("who"), 0) + 1
    for match in matches:
        who = match.group("who")
        if match.group("stamp") or match.group("company") or counts[who] >= 2:
            name = _clean_name(who)
            if name and len(name.split()) == 1 and match.group("stamp"):  # "[16:06] Нурлан: Нурлан Асанбеков, …"
                name = _named_in_full(name, text, matches)
            if name and len(name.split()) >= 2 and _looks_like_person(name) and not is_name_label(name.casefold()):
                yield name


def _named_in_full(first: str, text: str, lines: list[re.Match[str]]) -> str | None:
    """The whole name a speaker known by a first name starts one of their own lines with."""
    for line in lines:
        if line.group("who") == first:
            end = text.find("\n", line.end())
            said = text[line.end() - 1 : end if end >= 0 else None]  # the line after "Нурлан: "
            run = capitalised_run(said)
            if run.split()[:1] == [first] and len(run.split()) >= 2:
                return run
    return None


def _lower_case_name(line: str) -> str | None:
    """A chat sign-off in lower case under a closing ("regards\njames"): one or two plain words, capitalised."""
    if not re.fullmatch(r"[^\W\d_]{2,20}(?: [^\W\d_]{2,20})?", line) or not line.islower():
        return None
    words = line.split()
    if any(w in TITLE_WORDS | JOB_WORDS | THING_WORDS | PARTICLES or _SIGN_OFF_RE.search(w) for w in words):
        return None
    name = " ".join(w.capitalize() for w in words)
    return None if find_country_in_text(name) or COMPANY_WORD_RE.search(name) else name


def _signed_last(text: str) -> str | None:
    """A message that ends with the sender's bare name: "..., Бишкек. Айбек", a last line "Maria"."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    last = re.split(r"(?<=[.!?])\s+|\s[-–—]\s", lines[-1])[-1].strip(" .!-–—")
    place = re.match(r"(?P<name>[^,]+),\s*(?P<place>[^,]+)$", last)  # "Youssef, Casablanca"
    if place and find_country_in_text(place.group("place")):
        last = place.group("name").strip()
    elif "," in last and len(last.split()) > 3:  # "... or call 90 317 44 28, Dilshod.": signed after a comma
        tail = last.rsplit(",", 1)[1].strip()
        if len(tail.split()) <= 2 and not city_mentions(tail) and not any(w.isupper() for w in tail.split()):
            last = tail
    if not 1 <= len(last.split()) <= 3 or last != capitalised_run(last) or last.isupper():
        return None
    if CLOSING_RE.fullmatch(last) or _SIGN_OFF_RE.search(last) or find_country_in_text(last):
        return None
    name = _clean_name(last)
    return name if name and _looks_like_person(name) else None


# Closing words that end a message without being a name.
_SIGN_OFF_RE = re.compile(
    r"(?<![^\W\d_])(?:pozdrawiam|poważaniem|saygılar\w*|grüße|gruss|gruß|mfg|groeten|hälsningar|terveisin|"
    r"cumprimentos|abra[çc]os?|besos|bises|amicalement|salutations|regards|thanks|thank|cheers|gracias|saludos|"
    r"obrigad[oa]|merci|danke|grazie|спасибо|дякую|teşekkürler|urgent|asap|please|pls|ok|okay|bye)(?![^\W\d_])",
    re.IGNORECASE,
)


# (not "Ing" without its stop: "Tiong, Mei Ing" is a Malaysian Chinese name)
_TRAILING_TITLE_RE = re.compile(r"[ \t]+(?:(?:Dr|Prof)\.?|(?:Ing|Mag|Dipl\.-Ing)\.)(?:[ \t]+(?:Dr|Prof)\.?)*$")


def display_name(value: str) -> str | None:
    """"Nguyen, Hoang" <h@x.vn> -> "Hoang Nguyen"; "Maria Silva <m@x.com>" -> "Maria Silva"."""
    match = re.match(r'^\s*"?([^"<\n]+?)"?\s*<[^>]+>', value)
    if not match:
        return None
    raw = match.group(1).strip()
    if raw.count(",") == 1:
        last, first = (part.strip() for part in raw.split(","))
        first = _TRAILING_TITLE_RE.sub("", first)  # "Kröger, Matthias Dr." is Dr. Matthias Kröger
        raw = f"{first} {last}"
    name = _clean_name(raw)
    return name if name and _looks_like_person(name) else None  # "Procurement Section <tenders@…>" is no one


def _leading_name(value: str, free_text: bool = False) -> str | None:
    """The person's name at the start of a value: cut at the first comma, bracket, "·" or " - "."""
    value = CONTACT_RE.sub(" ", ANGLE_RE.sub(" ", value)).strip()
    value = HONORIFIC_RE.sub("", value)
    value = HONORIFIC_RE.sub("", value)
    head = CUT_RE.split(value, maxsplit=1)[0].strip(" .;:!")
    if free_text:
        head = capitalised_run(head)
    name = _clean_name(head)
    return name if name and _looks_like_person(name) else None


def _card_names(text: str) -> Iterator[str]:
    """"Name Surname, Company Ltd, City" and a name line directly above a company or title line."""
    lines = [line.strip() for line in text.splitlines()]
    for index, line in enumerate(lines):
        for piece in pieces(line):
            parts = [p.strip() for p in CUT_RE.split(piece, maxsplit=1)]
            if len(parts) == 2 and (company_in_parts(parts[1]) or _headline(parts[1])):  # "X · QA Lead at Y"
                name = _leading_name(parts[0])
                if name:
                    yield name
        below = next((other for other in lines[index + 1 :] if other), "")
        contact = bool(re.fullmatch(r"(?:[^\W\d_]{1,12}\.?\s*[:：]?\s*)?(?:\+?[\d ()./-]{7,}|\S+@\S+)", below))
        contact = contact and bool(re.match(r"[A-Za-zÀ-ɏЀ-ӿ]", line))  # a case-less script gives no signal
        if below and (clean_company(below, strict=True) or is_title(below) or contact or _headline(below)):
            name = _leading_name(line)
            if name and len(name.split()) >= 2:
                yield name


# A profile headline: "Jefe de Calidad en Alimentos X S.A.S. · Bogotá", "QA Lead at X Ltd | Pune".
_HEADLINE_RE = re.compile(r"^(?P<title>[^\n·|@]{2,60}?)\s+(?:at|en|em|chez|bei|bij|presso|@)\s+\S", re.IGNORECASE)


def _headline(line: str) -> bool:
    """A job title, then "at" and the employer: the line under a name on a LinkedIn or business card."""
    match = _HEADLINE_RE.match(line)
    return match is not None and is_title(match.group("title"))


_LATIN_THEN_HAN_RE = re.compile(r"(?<=[A-Za-zÀ-ɏ])(?=[\u3400-\u9fff])")
_POSSESSIVE_RE = re.compile(r"(?<=[a-z])['’]s$")


def _clean_name(value: str) -> str | None:
    name = " ".join(ANGLE_RE.sub(" ", value).split()).strip(" ,;-")
    for _ in range(3):  # "Prof. Dr. …", "mgr inż. …": titles stack
        name, found = HONORIFIC_RE.subn("", name)
        if not found:
            break
    name = POST_NOMINAL_RE.sub("", HONORIFIC_TAIL_RE.sub("", name))
    name = _LATIN_THEN_HAN_RE.split(name, maxsplit=1)[0]  # "Markus Keller想买一台…": the Chinese sentence goes on
    name = _POSSESSIVE_RE.sub("", name)  # "Prof. Richard Ashdown's group"
    name = THAI_KHUN_RE.sub("", name)
    if not name or len(name) > 60 or len(name.split()) > 7 or DOMAIN_RE.search(name):
        return None
    if ":" in name or "：" in name or not any(ch.isalpha() for ch in name):
        return None
    return name


def _looks_like_person(name: str) -> bool:
    """Capitalised words that are neither a job title nor a company; Chinese and Arabic names as they are."""
    words = name.split()
    if LEGAL_RE.search(name) or COMPANY_WORD_RE.search(name):
        return False
    if len(words) == 1 and find_country_in_text(name):
        return False  # "Pakistan" of "Buyer: Pakistan" is where, not who
    # "Md." before a Bangladeshi name is Mohammad, no managing director
    named_words = words[1:] if len(words) >= 3 and words[0] in ("Md.", "Md") else words
    if any(w.casefold().strip(".,") in TITLE_WORDS | JOB_WORDS | THING_WORDS | UNIT_WORDS for w in named_words):
        return False
    if re.fullmatch(r"[\u3400-\u9fff·]{2,5}", name) or re.fullmatch(r"[\u0e00-\u0e7f]+(?: [\u0e00-\u0e7f]+)?", name):
        return True
    if re.fullmatch(r"[\uac00-\ud7af]{2,4}", name):  # Korean "박지훈"
        return True
    if re.fullmatch(r"[\u0600-\u06ff ]+", name):
        return 1 <= len(words) <= 4
    # Two given names and two surnames, particles aside: "María Luisa Rueda de la Peña".
    named = [w for w in words if w.casefold() not in PARTICLES]
    return len(named) <= 5 and all(w[0].isupper() or w.casefold() in PARTICLES for w in words)
