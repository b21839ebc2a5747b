"""Phone numbers in an inquiry, normalised to E.164 with phonenumbers; only valid numbers count."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import phonenumbers
from phonenumbers import Leniency, NumberParseException, PhoneNumberFormat, PhoneNumberMatcher, PhoneNumberType
from phonenumbers.re_util import enable_pattern_cache

from bot.rules.asides import is_aside

# phonenumbers compiles its metadata's patterns on every use and relies on the re module's cache of 512; the
# numbers of many countries plus our own patterns overflow it, and recompiling was a tenth of every parse.
enable_pattern_cache()

__all__ = ["PhonePick", "country_of_phone", "find_phone", "normalise_phone", "pick_phones", "written_international"]

# "0055 11 ..." is "+55 11 ...": rewritten in place (same length, so positions stay) before matching.
_INTL_00_RE = re.compile(r"(?<![\w+:.,/()-])(?<!\d[ \t])00(?=[ \t]?[1-9])")
# WhatsApp still shows Mexican mobiles as "+52 1 33 1234 5678"; the "1" was dropped from the plan in 2019, so
# phonenumbers rejects it. It becomes a space (same length) before matching.
_MX_MOBILE_1_RE = re.compile(r"(\+52[ \t-]?)1(?=(?:[ \t-]?\d){10}(?![ \t-]?\d))")  # "+52 1 442 187 6429"
# A first digit group of "0", "8" or any single digit but the country codes 1 and 7 is a trunk prefix
# ("8 (495) ..." in Russia), so such a number is never read as international without its "+".
_INTERNATIONAL_START_RE = re.compile(r"^(?:[17]|[1-9]\d+)(?!\d)")

# Numbers without "+" are read after a phone label, where a digit run is surely a phone number
# ("WhatsApp 5491123456789", "Тел.: 8 (495) 123-45-67"), or alone on a short signature line; elsewhere they
# are order numbers, dates, prices.
# the chat apps a number is tagged with ("0909 218 3346 (WhatsApp)"), also mobile labels
_CHAT_APPS = r"whats\s?app|whats|wpp|wa|zap|zalo|viber|ватсап|вотсап|вацап|واتساب|واتس"
_MOBILE_WORDS = (
    _CHAT_APPS + r"|mobile|mob|mobil|cell|cel|cellphone|celular|m[oó]vil|handy|portable|gsm|"
    r"hp|handphone|cep|kom|komórka|komorka|cellulare|celu|móvel|movel|telemóvel|моб|мобильный|сот|сотовый|"
    r"вайбер|"
    r"(?:ال)?جوال|موبايل|الموبايل|محمول|المحمول|موبایل|(?:تلفن\s+)?همراه|มือถือ"
)
# Phrases that put a number right after them: "call me on", "fale comigo no", "contactez-moi au", "звоните".
_CONTACT_PHRASES = (
    r"reach\s+me|text\s+me|contact\s+me|my\s+(?:phone\s+|mobile\s+|cell\s+|whatsapp\s+)?number|"
    r"fale\s+comigo|me\s+liga|ligue(?:-me)?|llámame|llamame|llámenos|contáctame|contactez[-\s]moi|"
    r"appelez[-\s]moi|joignable|звоните|позвоните|اتصل(?:وا)?(?:\s+بي)?|تواصل(?:وا)?(?:\s+معي)?"
)
# A card's capital "C" or "M" ("T 514 843-2716 | C 438 762-1954") marks a mobile: only at a line's start or after
# "|" or "·", never in "type C 5512 …".
_CARD_MOBILE = r"(?:(?<=\n)|(?<=\n[ \t])|(?<=\|)|(?<=\|[ \t])|(?<=·)|(?<=·[ \t])|^)(?-i:[CM])(?=[:.]?[ \t]*(?:\+?\d|$))"
_LABEL = (
    r"(?:" + _CARD_MOBILE + r"|(?<![^\W\d_])(?:" + _MOBILE_WORDS + r"|"
    r"tel|tél|telp|telf|teléfono|telefono|telefone|telefon|telephone|"
    r"téléphone|phone|fone|fono|tlf|tlfn|tfno|fijo|office|contact|call(?:\s+me)?|t|ph|đt|sđt|điện\s+thoại|"
    r"direct\s+(?:line|dial|number)|ddi|landline|switchboard|"
    r"no\.?\s*hp|" + _CONTACT_PHRASES + r"|"
    r"тел|телефон|контакт|(?:ال)?هاتف|رقمي|رقم(?:\s+(?:الهاتف|الجوال))?|number|n[uú]mero|numéro|номер|nomor|"
    r"số|numara|تلفن|شماره(?:\s+(?:تماس|تلفن))?|no\.?(?=\s+(?:saya|aku|wa|telp)\b)|"
    # "contact" and "my number" in more languages: Polish/German/Czech, Uzbek, Kazakh.
    r"kontakt|kontaktu|kontaktní|(?:telefon\s+)?raqam(?:im)?|нөмір(?:ім)?|утас)"
    r"|电话|手机|联系电话|手机号|电话号码|联系方式|座机|โทร(?:ศัพท์)?|"
    r"携帯(?:電話)?|電話(?:番号)?|휴대폰|핸드폰|휴대전화|전화(?:번호)?|연락처)"
)
_LABELLED_RE = re.compile(
    _LABEL + r"\.?[ \t]*(?:\([^)\d\n]{0,20}\))?[ \t]*(?:[/,]?[ \t]*" + _LABEL + r"\.?[ \t]*)*"
    r"(?:(?:saya|aku|ku)\b[ \t]*)?"
    r"(?:(?<=\s)(?:at|on|au|al|no|na|по|على)\.?[ \t]*)?(?:[:：?]|\b(?:is|es|é|est|ist)\b)?[ \t]*"
    r"(?P<number>\+?\(?\d[\d \t().\-]{3,22}\d)",
    re.IGNORECASE,
)
_MOBILE_LABEL_RE = re.compile(
    _CARD_MOBILE + r"|(?<![^\W\d_])(?:" + _MOBILE_WORDS + r")(?![^\W\d_])|手机|微信|携帯|휴대폰|핸드폰|휴대전화",
    re.IGNORECASE,
)
_LANDLINE_LABEL_RE = re.compile(r"(?<![^\W\d_])(?:fijo|fixo|fixe|office|landline|factory)(?![^\W\d_])|座机|办公",
                                re.IGNORECASE)
_NON_DIGITS_RE = re.compile(r"\D")
# "Tel: 0803 412 7765, 0909 218 3346 (WhatsApp)": the tag after a number says which one they chat on.
_CHAT_TAG_RE = re.compile(
    rf"[ \t]*[(\[（][ \t]*(?:{_CHAT_APPS}|telegram)(?![^\W\d_])[^)\]）\n]{{0,20}}[)\]）]", re.IGNORECASE)
# A contact line that opens with a chat app's label: "WhatsApp: 0909 318 2260", "WA +255 …".
_CHAT_LINE_LABEL_RE = re.compile(rf"[ \t]*(?:{_CHAT_APPS})[ \t]*(?:n[oº°]\.?|number|#)?[ \t]*[:：.]?[ \t]*",
                                 re.IGNORECASE)
_EARLIER_NUMBER_RE = re.compile(r"\d[\d \t().-]{4,}\d")
_LEADING_BRACKET_RE = re.compile(r"^[ \t]*[(\[（][^)\]）\n]*[)\]）]")  # also a Chinese note's "（办公室）"
# A label in brackets right after a number: "(mobile)", "(office)", "(cel.)".
_LABEL_AFTER_RE = re.compile(
    rf"[ \t]*[(\[（][ \t]*(?P<label>(?:{_MOBILE_LABEL_RE.pattern}|{_LANDLINE_LABEL_RE.pattern})[.]?)[ \t]*[)\]）]",
    re.IGNORECASE)
_SHORT_LINE_REST = 30  # characters beside a bare national number on a signature line


@dataclass(frozen=True)
class PhonePick:
    """The customer's phone (a mobile/WhatsApp first) and their other numbers."""

    phone: str | None
    others: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Candidate:
    at: int
    end: int
    e164: str
    mobile: bool
    chat: bool = False  # tagged right after it as the customer's chat app: "0909 218 3346 (WhatsApp)"
    chat_label: bool = False  # labelled before it: "WhatsApp: 0909 318 2260"


def normalise_phone(raw: str, default_region: str | None = None) -> str | None:
    """E.164 form of a phone number, or None if it is not a valid number.

    "+..." and "00..." are international. Otherwise the number is read in `default_region` first, then, if
    it has 10-15 digits, as international without the "+" ("55 11 98765 4321" -> "+5511987654321").
    """
    text = raw.strip()
    digits = _NON_DIGITS_RE.sub("", text)
    if not (5 if default_region else 7) <= len(digits) <= 17:
        return None
    if text.startswith("+"):
        return _valid("+" + digits, None)
    if text.startswith("00"):
        return _valid("+" + digits[2:], None)
    national = _valid(text, default_region) if default_region else None
    if national is None and 10 <= len(digits) <= 15 and _INTERNATIONAL_START_RE.match(text):
        return _valid("+" + digits, None)
    return national


def find_phone(text: str, default_region: str | None = None) -> str | None:
    """The customer's phone number in the text, in E.164; `default_region` reads national numbers."""
    return pick_phones(text, (default_region,) if default_region else ()).phone


def pick_phones(
    text: str, regions: Iterable[str] = (), own: frozenset[str] = frozenset(), home: str | None = None,
    guesses: tuple[tuple[str, ...], ...] = (), dialled_in: frozenset[str] = frozenset(),
) -> PhonePick:
    """Every number of the customer: ours (`own`) never, the home country's only when nothing else is there.

    National numbers are read in `regions`, in order (the e-mail's country, the country named in the text,
    the home country last); a labelled one that none of them reads is taken from `guesses` (groups of likely
    countries: of the legal forms, of the text's language) when exactly one country of a group makes it valid.
    The first mobile or WhatsApp number is the phone; the others are kept apart. A landline dialled with its trunk
    prefix inside a sentence is read only in `dialled_in` (countries the customer's own details give: a stated
    address, an international number, the e-mail's or website's ccTLD; not a country merely mentioned).
    """
    prepared = _prepared(text)
    candidates = list(_candidates(prepared, tuple(dict.fromkeys(regions)), guesses, dialled_in))
    pool = _pool(prepared, candidates, own, home)
    direct = [c for c in pool if not is_aside(prepared, c.at, c.end)]
    if not direct or not any(home is None or country_of_phone(c.e164) != home for c in direct):
        # Only then a bare number on its own line is read in a guessed country (reading it costs ~50 parses).
        candidates += _guessed_on_own_line(prepared, guesses, [(c.at, c.end) for c in candidates])
        pool = _pool(prepared, candidates, own, home)
        direct = [c for c in pool if not is_aside(prepared, c.at, c.end)]
    if not pool:
        return PhonePick(None)
    # A number given in passing for someone else ("the technical contact is Mr. X (+56 9 …)") is the phone only
    # when the customer gave none of their own.
    direct = direct or pool
    first = next((c for c in direct if c.chat), None) or next((c for c in direct if c.mobile), direct[0])
    # "Tel: 0803 562 1847 | WhatsApp: 0909 318 2260" (a line each once read): in the contact lines of the first
    # mobile, the one they chat on
    first = next((c for c in direct if c.chat_label and _lines_apart(prepared, first, c) <= 1), first)
    return PhonePick(first.e164, tuple(c.e164 for c in pool if c is not first))


def _lines_apart(text: str, one: _Candidate, other: _Candidate) -> int:
    start, end = sorted((one.at, other.at))
    return text.count("\n", start, end)


def _pool(text: str, candidates: list[_Candidate], own: frozenset[str], home: str | None) -> list[_Candidate]:
    """The distinct numbers, ours never; the home country's only when nothing else is there."""
    seen: dict[str, _Candidate] = {}
    spans: list[tuple[int, int]] = []
    for candidate in sorted(candidates, key=lambda c: c.at):
        # One place in the text is one number, however many countries would read it.
        overlaps = any(start < candidate.end and candidate.at < end for start, end in spans)
        if candidate.e164 not in own and candidate.e164 not in seen and not overlaps:
            seen[candidate.e164] = candidate
        spans.append((candidate.at, candidate.end))
    found = list(seen.values())
    foreign = [c for c in found if home is None or country_of_phone(c.e164) != home]
    return foreign or found


def written_international(text: str, *, asides: bool = True) -> list[str]:
    """Valid numbers written with "+" or "00" (E.164), in order; without those given in passing for someone
    else when `asides` is False."""
    prepared = _prepared(text)
    return [
        phonenumbers.format_number(m.number, PhoneNumberFormat.E164)
        for m in PhoneNumberMatcher(prepared, None, leniency=Leniency.VALID)
        if asides or not is_aside(prepared, m.start, m.end)
    ]


def _prepared(text: str) -> str:
    """"00" written for "+" and the old Mexican mobile "1" rewritten in place, a number broken over two lines joined
    (positions stay)."""
    return _BROKEN_NUMBER_RE.sub(_joined, _MX_MOBILE_1_RE.sub(r"\g<1> ", _INTL_00_RE.sub(" +", text)))


# an international number broken at a line's end by a chat window's wrapping: "Kira ni a lamba +234 706\n123 4567"
_BROKEN_NUMBER_RE = re.compile(
    r"(?P<head>\+\d{1,3}[ \t]?\d[\d \t]{1,8}?)[ \t]*\n(?P<tail>[ \t]*\d[\d \t]{4,12}\d)(?![\d.,:/-])"
)


def _joined(broken: re.Match[str]) -> str:
    """The two halves as one line when only together they are a valid number, else as written."""
    head, tail = broken.group("head"), broken.group("tail")
    if _is_valid_e164(head) or not _is_valid_e164(head + tail):
        return broken.group()
    return broken.group().replace("\n", " ")


def _is_valid_e164(raw: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(raw, None))
    except phonenumbers.NumberParseException:
        return False


def _candidates(
    text: str, regions: tuple[str, ...], guesses: tuple[tuple[str, ...], ...], dialled_in: frozenset[str]
) -> Iterator[_Candidate]:
    for match in PhoneNumberMatcher(text, None, leniency=Leniency.VALID):
        yield _candidate(text, match.start, match.end, match.number)
    for labelled in _LABELLED_RE.finditer(text):
        number = next((n for n in _readings(labelled.group("number"), regions, guesses) if n), None)
        if number and _MOBILE_LABEL_RE.search(labelled.group()[: labelled.start("number") - labelled.start()]):
            number = _argentine_mobile(number)
        if number:
            yield _candidate(text, labelled.start("number"), labelled.end("number"), phonenumbers.parse(number))
    for region in filter(None, regions):
        for match in PhoneNumberMatcher(text, region, leniency=Leniency.VALID):
            kind = phonenumbers.number_type(match.number)
            mobile = kind == PhoneNumberType.MOBILE
            # A plan that does not tell mobiles from landlines (North America's, Mexico's) is read in a sentence when
            # the number is grouped as that country writes it ("514-862-4193"; not "type C 5512 3456 78 cables"),
            # without ranking it as a mobile.
            grouped = kind == PhoneNumberType.FIXED_LINE_OR_MOBILE and _grouped_as_national(match.raw_string,
                                                                                           match.number)
            # A landline counts on a line of its own, or dialled with its trunk prefix ("… or 031-711 42 90") in a
            # country the customer's details give; not a date, nor a VAT, order or reference number.
            trunk = (match.raw_string.startswith(_TRUNK_PREFIXES) and region in dialled_in
                     and not _DATE_RE.search(match.raw_string)
                     and not _ID_LABEL_RE.search(text, max(0, match.start - 40), match.start))
            alone = _alone_on_line(text, match.start, match.end)
            if not match.raw_string.startswith("+") and (mobile or grouped or trunk or alone):
                yield _candidate(text, match.start, match.end, match.number)


# Labels of numbers that are no phone, right before one: "P.IVA 03456780157", "Auftragsnummer 0221 …", "Ref: 08…".
_ID_LABEL_RE = re.compile(
    r"(?<![^\W\d_])(?:P\.?\s?IVA|partita\s+iva|VAT(?:\s+no)?|USt-?Id\w*|Steuer\w*|CNPJ|CPF|RUC|NIT|RFC|INN|ИНН|ОГРН|"
    r"KVK|SIRE[NT]|TVA|CIF|NIF|NIP|REGON|KRS|GST(?:IN)?|PAN|TIN|ABN|order|PO|invoice|ref(?:erence)?|"
    r"\w*(?:nummer|nr)|Auftrag\w*|Bestell\w*|Rechnung\w*|pedido|orden|ordine|commande|facture|fattura|factura|"
    r"n[º°o]\.?|no\.|#)[ \t]*[.:：#]?[ \t]*(?:\(?[A-Z]{0,3}\)?[ \t]*)?$",
    re.IGNORECASE,
)
# A national number as phones type it: grouped, or digit by digit ("0 5 3 2 …"), up to 13 digits with spaces; its
# area or mobile prefix set off by a slash as German speakers write it ("0176 / 2233 4455").
_BARE_NUMBER_RE = re.compile(r"(?<![\w+])\(?\d[\d \t().\-]{5,28}\d(?![\w/])"
                             r"|(?<![\w+/])0\d{2,4}[ \t]?/[ \t]?\d[\d \t\-]{4,14}\d(?![\w/])")
_DATE_RE = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")


def _guessed_on_own_line(
    text: str, guesses: tuple[tuple[str, ...], ...], read: list[tuple[int, int]]
) -> Iterator[_Candidate]:
    """A bare national number on a short line of its own ("Hakan 0 533 712 44 08") that no known country reads
    (`read`: the spans they did): the one country of a guessed group (the text's legal forms, its language) in
    which it is valid, as for a labelled number."""
    if not any(guesses):
        return
    for match in _BARE_NUMBER_RE.finditer(text):
        raw = match.group()
        alone = _alone_on_line(text, match.start(), match.end())
        if (
            any(start < match.end() and match.start() < end for start, end in read)
            or not 7 <= sum(ch.isdigit() for ch in raw) <= 13
            or not (alone or raw.startswith(_TRUNK_PREFIXES) or _ends_line(text, match.end()))
            or _DATE_RE.search(raw)
            or _ID_LABEL_RE.search(text, max(0, match.start() - 40), match.start())  # "pedido 655123456"
        ):
            continue
        number = next(
            (n for index, group in enumerate(guesses) if (n := _unique_reading(raw, group, national_form=index > 0))),
            None,
        )
        # Inside a sentence ("ممكن تكلمني على 0100 673 2418.") or closing a chat message ("… Valencia. 612 48 93 07"),
        # only a mobile number: the way people write their own, unlike order numbers and quantities.
        if number and (alone or _is_mobile(number)):
            yield _candidate(text, match.start(), match.end(), phonenumbers.parse(number))


def _readings(raw: str, regions: tuple[str, ...], guesses: tuple[tuple[str, ...], ...]) -> Iterator[str | None]:
    """The number read in each known region (the home country is last), else in one guessed country."""
    *known, home = regions or (None,)
    for region in known:
        yield normalise_phone(raw, region)
    for index, group in enumerate(guesses):
        yield _unique_reading(raw, group, national_form=index > 0)
    if home:
        yield normalise_phone(raw, home)
    yield normalise_phone(raw, None)


def _unique_reading(raw: str, guesses: tuple[str, ...], national_form: bool) -> str | None:
    """The reading when exactly one guessed country makes it a valid number (a mobile one, if any is).

    With `national_form`, a number written without a trunk prefix or an area code in brackets counts only
    when it reads as a mobile number ("11 98765-4321" is a São Paulo mobile; "2026 0412" is not a phone).
    """
    if raw.lstrip("(").startswith(("+", "00")):
        return None
    readings = {n for n in (_valid(raw, c) for c in guesses) if n}  # national readings only, never "+" added
    mobiles = {n for n in readings if phonenumbers.number_type(phonenumbers.parse(n)) in _MOBILE_TYPES}
    if national_form and not raw.startswith(("0", "(", "8")):
        # Only a number plan that tells mobiles apart: any ten digits are a "fixed line or mobile" in the US.
        mobiles = readings = {n for n in mobiles if _is_mobile(n)}
    for pool in (readings, mobiles):
        if len(pool) == 1:
            return next(iter(pool))
    return None


_MOBILE_TYPES = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)
_TRUNK_PREFIXES = ("0", "8")  # how a national mobile is dialled at home (8: Kazakhstan and Russia)


def _is_mobile(e164: str) -> bool:
    return phonenumbers.number_type(phonenumbers.parse(e164)) == PhoneNumberType.MOBILE


def _argentine_mobile(e164: str) -> str:
    """An Argentine mobile written as locals dial it ("Celular 11 2345-6789") reads as a landline; its
    international form has a 9 after +54. Only numbers labelled as a mobile get it."""
    if not e164.startswith("+54") or e164.startswith("+549"):
        return e164
    mobile = _valid("+549" + e164[3:], None)
    return mobile if mobile and _is_mobile(mobile) else e164


def _grouped_as_national(raw: str, number: phonenumbers.PhoneNumber) -> bool:
    """The digits are grouped as the country's national format groups them."""
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return [len(g) for g in re.findall(r"\d+", raw)] == [len(g) for g in re.findall(r"\d+", national)]


def _ends_line(text: str, end: int) -> bool:
    """Nothing but punctuation after the number on its line."""
    line_end = text.find("\n", end)
    return not text[end : line_end if line_end >= 0 else len(text)].strip(" \t.,;!)")


def _alone_on_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(line.strip()) - (end - start) <= _SHORT_LINE_REST


def _candidate(text: str, start: int, end: int, number: phonenumbers.PhoneNumber) -> _Candidate:
    """A mobile: labelled so just before the number on its line, or a mobile by its number plan."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 40) : start]
    # A label after an earlier number on the line is that number's ("+7 727 … (office), +7 777 …",
    # "98401 27654 (WhatsApp) / 044 …").
    cut = max((m.end() for m in _EARLIER_NUMBER_RE.finditer(before)), default=0)  # not "Cell 2:", "24/7"
    before = _LEADING_BRACKET_RE.sub("", before[cut:]) if cut else before
    labels = list(_MOBILE_LABEL_RE.finditer(before)) + list(_LANDLINE_LABEL_RE.finditer(before))
    nearest = max(labels, key=lambda m: m.end(), default=None)
    if (after := _LABEL_AFTER_RE.match(text, end)) is not None:  # "+7 777 215 60 48 (mobile)"
        mobile = _MOBILE_LABEL_RE.search(after.group("label")) is not None
    elif nearest is not None:
        mobile = _MOBILE_LABEL_RE.fullmatch(nearest.group()) is not None
    else:
        mobile = phonenumbers.number_type(number) == PhoneNumberType.MOBILE
    chat = _CHAT_TAG_RE.match(text, end) is not None
    chat_label = after is None and _CHAT_LINE_LABEL_RE.fullmatch(text, line_start, start) is not None
    e164: str = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return _Candidate(start, end, e164, mobile or chat, chat, chat_label)


def country_of_phone(e164: str) -> str | None:
    """ISO alpha-2 of an E.164 number ("+12025550143" -> "US", "+77001234567" -> "KZ")."""
    try:
        region: str | None = phonenumbers.region_code_for_number(phonenumbers.parse(e164, None))
    except NumberParseException:
        return None
    return region if region and region != "001" else None


def _valid(text: str, region: str | None) -> str | None:
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    e164: str = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return e164
