"""Parse a forwarded or pasted inquiry into the fields routing and the ledger need (SPEC 4.1)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.rules.addresses import (
    EMAIL_IN_TEXT_RE,
    address_of,
    find_email,
    named_address,
    new_address,
    normalise_email,
    personal_address,
    spoken_email,
    wrapped_email,
)
from bot.rules.asides import without_agents
from bot.rules.casual_names import settle_name
from bot.rules.company_ends import trimmed_company, without_person
from bot.rules.copied_colleague import sent_to_the_copied
from bot.rules.countries import country_evidence, country_of_email_domain, find_country_in_text
from bot.rules.languages import guess_language, language_countries, main_country, script_language
from bot.rules.legal_forms import legal_form_countries
from bot.rules.name_words import PRONOUNS
from bot.rules.own_side import NO_OWN, SENDER_LINE_RE, OwnSide, customer_part
from bot.rules.people_fields import (
    display_name,
    find_company,
    find_customer_name,
    find_product,
    labelled_values,
    person_named,
)
from bot.rules.phones import PhonePick, country_of_phone, normalise_phone, pick_phones, written_international
from bot.rules.places import city_mentions, lower_case_cities
from bot.rules.plain import plain_text
from bot.rules.principals import (
    asks_for_the_quote,
    client_details,
    client_sentences,
    colleague_sent_to,
    handed_over,
    keeps_the_client,
    note_end,
    principal_of,
    sent_to_a_colleague,
)
from bot.rules.referrals import TITLE_RE
from bot.rules.scripts import ARABIC_RE, HAN_RE
from bot.rules.sources import SOURCES, colleague_note, detect_source
from bot.rules.spoken_numbers import spoken_phone

__all__ = ["SOURCES", "OwnSide", "ParsedInquiry", "normalise_email", "normalise_phone", "parse_inquiry"]


@dataclass(frozen=True)
class ParsedInquiry:
    text: str  # the original text, verbatim (never modified)
    customer_name: str | None
    company: str | None
    email: str | None  # normalised (lower-case, stripped)
    phone: str | None  # E.164, e.g. "+5511987654321"
    phone_country: str | None  # ISO alpha-2 from phonenumbers
    email_country: str | None  # ISO alpha-2 from the email's ccTLD
    text_country: str | None  # ISO alpha-2 of a country name in the text
    source: str | None  # one of SOURCES
    product: str | None
    region_tag: str | None  # explicit tag, lower-cased and without "#": "#latam" / "region: latam" -> "latam"
    other_phones: tuple[str, ...] = ()  # the customer's other numbers (E.164) when the text has several
    # ISO alpha-2 the customer states: a "Country:" line, an address or the signature (city or country); it
    # outranks the phone in routing. Never the home country (our own address sits in signatures too).
    stated_country: str | None = None
    # every country the text names, by itself or by a city, in order (routing's evidence, not a field to compare)
    named_countries: tuple[str, ...] = field(default=(), compare=False)


# "region: latam" (SPEC's explicit tag) wins over "#latam": the label is unambiguous, hashtags also appear in
# customers' own text. "Country/Region: Peru" (Alibaba) is not a tag: the slash rules it out.
_REGION_LABEL_RE = re.compile(
    r"(?<![\w/])(?:region|区域|регион|región|região|région)[ \t]*[:：=][ \t]*#?(?P<tag>[A-Za-z][\w-]{0,31})",
    re.IGNORECASE,
)
# Not "&#39;" (an HTML entity), "<#C0123|general>" (a channel link in chat markup) or "page.html#contact".
_HASHTAG_RE = re.compile(r"(?<![\w&</#])#(?P<tag>[A-Za-z][\w-]{0,31})")


def find_region_tag(text: str) -> str | None:
    """An explicit region tag, lower-cased: "region: latam" first, else the first "#latam"."""
    match = _REGION_LABEL_RE.search(text) or _HASHTAG_RE.search(text)
    return match.group("tag").lower() if match else None


def parse_inquiry(text: str, own: OwnSide = NO_OWN) -> ParsedInquiry:
    """Everything we can read from an inquiry's text; None wherever we are not sure.

    Our own side (`own`: our addresses, numbers, people and quoted messages) is never read as the customer.
    """
    original, text = text, plain_text(text)
    customer = customer_part(text, own)
    # A writer acting for a named person ("em nome do Dr. X"): the contacts given for that person are the customer's.
    # Not one who asks for the quote themselves in their own note ("Kindly send the quotation to me directly, copying
    # the MD"), nor one of our own people ("on behalf of Mr. Liu Yang from your Shenzhen office").
    note = customer[: note_end(customer)]  # the writer's own message, nothing forwarded or quoted below it
    keeps_the_quote = asks_for_the_quote(note)
    acting = principal_of(customer) if not keeps_the_quote else None
    acting_name = person_named(acting.honorific_led) if acting else None
    if acting_name and own.is_our_person(acting_name):
        acting = acting_name = None
    # Or one who passes the buyer's contacts on ("Their contact is Mr. X, +256 …"): those are the customer's too.
    # or one who names the colleague to send the quote to, with their address ("Please send your offer to Bram de
    # Vries (b.devries@…)"): that address, also for the person acted for
    colleague = sent_to_a_colleague(note)
    span = ((acting.start, acting.end) if acting
            else handed_over(customer) or _agent_s_client(customer, own) or colleague)
    for_them = customer[span[0] : span[1]] if span else ""
    # "Cc: Prof. Dr. Hartmut Lindner <hartmut.lindner@…>": the person acted for, bound to an address by its display name
    named = named_address(acting_name, note, own, acting.titles) if acting and acting_name else None
    # An address is never ours (own domains are skipped), so one quoted in our own header ("To: ...") still counts.
    # The person acted for has the address that spells their name ("Cc: s.whitfield@…"), not the writer's.
    their_email = find_email(for_them, own) if for_them else None
    email = (their_email or (acting_name and address_of(acting_name, customer, own)) or (named and named[0])
             or (colleague and find_email(customer[colleague[0] : colleague[1]], own))
             or new_address(customer, own) or find_email(customer, own) or find_email(text, own)
             or spoken_email(customer, own) or wrapped_email(customer, own))
    # a colleague the writer copies and asks us to send the quote to ("Please send it to Johan directly (he's
    # copied)"), unless the hand-over gave an address of its own; else a person's own address for a shared mailbox
    directed = sent_to_the_copied(customer, email) if email and not their_email else None
    email, theirs_at = directed or (personal_address(email, customer, own) if email else (None, None))
    # a hand-over without an address ("send the offer to her") to a person copied in the header: the name shown there
    copied_name = None
    if theirs_at and not span:  # another person's own address: where the text speaks of them names them
        span = theirs_at
        for_them = customer[span[0] : span[1]]
        their_email = find_email(for_them, own)
    elif theirs_at and not their_email:
        copied_name = find_customer_name(customer[theirs_at[0] : theirs_at[1]], [], own.names, email)
    email_country = country_of_email_domain(email.rsplit("@", 1)[1]) if email else None
    # The customer's own quoted message ("> Mit freundlichen Grüßen\n> Jonas Richter") reads without its marks.
    readable = _QUOTE_MARK_RE.sub("", customer)
    evidence = country_evidence(readable)
    stated = evidence.stated if evidence.stated != own.home_country else None
    # National numbers ("Tel: (11) 98765-4321") are read in the customer's likely countries, by precedence:
    # the stated country, the countries of their international numbers, the e-mail's and website's ccTLD,
    # a country or city mentioned, a nationality; the home country last.
    language = guess_language(customer)
    # A trunk-prefixed "0..." number is read as a home-country landline only in a Chinese text.
    intl, sites = _intl_countries(customer, own), _site_countries(customer)  # read once: routing and phones
    signals = (stated, *intl, email_country, *sites, evidence.mentioned, evidence.nationality)
    # A text in no known language is read at home only when it names no other country: digits that happen to
    # make a Chinese number are no Chinese phone in "Kenya / 0 7 2 2 …".
    foreign = any(c and c != own.home_country for c in signals)
    home = own.home_country if (language is None and not foreign) or HAN_RE.search(customer) else None
    regions = [*(c for c in signals if c and c != home), home or ""]  # the last one is the home reading
    main = main_country(language) if language else None
    spoken = language_countries(language) if language else ()
    written = script_language(customer)  # the countries of an Arabic or Cyrillic sentence among English ones last
    # a city typed in lower case ("pls deliver to port harcourt … 08127465093"), looked for (a second pass over the
    # city tables) only when nothing else says where the customer is
    lower_case = () if any(signals) else tuple(lower_case_cities(customer))
    guesses = (legal_form_countries(customer), spoken, (main,) if main else (),
               language_countries(written) if written and written != language else (), lower_case)
    home_phones = own.home_country if own is not NO_OWN else None
    # a landline dialled with its trunk prefix in prose reads only in a country the customer's details give
    dialled_in = frozenset(c for c in (stated, *intl, email_country, *sites) if c and c != home)
    phones = pick_phones(customer, regions, own.phones, home_phones, guesses, dialled_in)
    if phones.phone is None and (said := spoken_phone(customer)):  # a voice note's "my number is nine one one …"
        phones = pick_phones(f"Tel: {said}", regions, own.phones, home_phones, guesses, dialled_in)
    # the handed-over buyer's numbers read first where their own lines place them ("Oman Bio Labs LLC, Muscat")
    near = country_evidence(for_them) if for_them else None
    # their address's country reads their national number ("h.alaradi@bftc.com.bh" reads "Mob: 3694 1128")
    their_site = country_of_email_domain(their_email.rsplit("@", 1)[1]) if their_email else None
    their_regions = [c for c in (near.stated, near.mentioned, their_site) if c] + regions if near else regions
    theirs = (pick_phones(for_them, their_regions, own.phones, home_phones, guesses, dialled_in).phone
              if for_them else None)
    if theirs:
        phones = PhonePick(theirs, tuple(p for p in (phones.phone, *phones.others) if p and p != theirs))
    elif (email and len(note) < len(customer) and keeps_the_quote
          and (writer := SENDER_LINE_RE.search(note)) and email in writer.group().casefold()
          and not ((below := SENDER_LINE_RE.search(customer, len(note)))
                   and email in below.group().casefold())):  # (not their own earlier message, resent below)
        # the writer whose address heads the note, who wants the quote, gives their own number in it: theirs, not a
        # mobile in a message forwarded below ("Toda a correspondência comercial deve ser enviada para mim" over the
        # professor's request; not "Bitte senden Sie das Angebot direkt an Herrn Dr. Vogel" over Dr. Vogel's)
        own_number = pick_phones(note, regions, own.phones, home_phones, guesses, dialled_in).phone
        if own_number and own_number != phones.phone and own_number in phones.others:
            phones = PhonePick(own_number, tuple(p for p in (phones.phone, *phones.others) if p and p != own_number))
    labelled = labelled_values(readable)
    buyer = without_agents(readable)  # a forwarder's "Ace Cargo Ltd, attn Tunde Bakare" names nobody we sell to
    name, company = settle_name(  # a name typed casually in a chat ("Hakan 0 533 …") when no finder had one
        buyer, find_customer_name(buyer, labelled, own.names, email), find_company(buyer, labelled, own.brands, email),
        own.names, phones.phone,
    )
    name = _without_origin(name)
    if copied_name and not acting and not for_them:  # "… send the quotation to him" with nothing of his in between
        name = copied_name
    if acting:
        # "Lindner" is Hartmut Lindner of the Cc; "Klaus Hoffmann" stays himself beside "Prof. Hoffmann (klaus…@)"
        shown = named and display_name(named[1])
        acted_for = _in_full(shown if shown and not (acting_name and len(acting_name.split()) > len(shown.split()))
                             else acting_name, customer)  # "Prof. Dr. Hoffmann" of a subject line in full below
        # "w imieniu dr. Tomasza Zielińskiego" declines the name that his own line gives as "Tomasz Zieliński"
        name = name if acted_for and name and _declined(acted_for, name) else acted_for or name
    elif for_them:
        # The buyer whose contacts were handed over: named where they are ("their contact is Mr. X"), else the
        # person the handed-over address spells, not the writer who signs or heads the message.
        theirs_labelled = labelled_values(for_them)
        sent_to = colleague_sent_to(note, colleague[0]) if colleague and span == colleague else None
        arabic_sent_to = sent_to if sent_to and ARABIC_RE.match(sent_to) else None  # "… العتيبي على البريد: …"
        name = copied_name or arabic_sent_to or _in_full(
            find_customer_name(for_them, theirs_labelled, own.names, email), buyer) or (
            (sent_to and _in_full(sent_to, buyer))
            or _named_first(for_them) or _in_full(_titled_before(customer, span[0] if span else 0), buyer)
            or find_customer_name(buyer, [], own.names, email) or name)
        if name and not their_email:  # "kindly direct the quotation to him (in CC)": the Cc address spelling his name
            email = address_of(name, note, own, bare=True) or email
        # their organisation where the forwarder introduces them ("Our client, Mr. X of Y Ltd, needs …")
        company = (find_company(for_them, theirs_labelled, own.brands, email)
                   or _introduced_company(customer, own, email) or company)
    return ParsedInquiry(
        text=original,
        customer_name=name,
        company=trimmed_company(without_person(company, name)),
        email=email,
        phone=phones.phone,
        phone_country=country_of_phone(phones.phone) if phones.phone else None,
        email_country=email_country,
        text_country=evidence.best,
        source=detect_source(text, customer_part(text, own, lines_too=False)) or colleague_note(text, own.names),
        product=find_product(readable, labelled),
        region_tag=find_region_tag(text),
        other_phones=phones.others,
        stated_country=stated,
        named_countries=evidence.named,
    )




def _declined(name: str, nominative: str) -> bool:
    """`name` is `nominative` in a Polish or Russian case ("Tomasza Zielińskiego", "Ивана Петрова"): each word the
    same or its stem with a case ending ("Mariana" is not "Maria", "Paulo" not "Paula")."""
    words, bases = name.casefold().split(), nominative.casefold().split()
    if len(words) != len(bases) or words == bases:
        return False
    return all(w == b or any(w == stem + ending for stem in _stems(b) for ending in _CASE_ENDINGS)
               for w, b in zip(words, bases, strict=True))


def _stems(word: str) -> tuple[str, ...]:
    """What a case ending joins: the word, the word without its last vowel ("Anna" -> "Ann-y"), the word without
    its fleeting "e" ("Marek" -> "Mark-a")."""
    fleeting = (word[:-2] + word[-1],) if len(word) > 3 and word[-2] == "e" else ()
    return (word, word[:-1], *fleeting)


# Genitive and other case endings of Polish and Russian names: "Tomasz" -> "Tomasza", "Zieliński" -> "Zielińskiego",
# "Kowalska" -> "Kowalskiej", "Иван" -> "Ивана", "Мария" -> "Марии".
_CASE_ENDINGS = ("a", "y", "i", "u", "ego", "iego", "ej", "iej", "а", "я", "у", "ю", "ы", "и", "ой", "ей", "ого",
                 "его", "ому", "ему")


def _named_first(block: str) -> str | None:
    """The person a handed-over block starts with, under its heading: "للاستفسارات التجارية:" / "أ. فهد بن سعد
    العتيبي – إدارة المشتريات", "клиента:" / "Ткаченко Марина Викторовна, заведующая лабораторией"."""
    for line in block.splitlines():
        line = line.strip(" \t—–-")
        if line and not (line.endswith((":", "：")) and not re.search(r"[\d@]", line)):
            name = None if _LABEL_RE.match(line) else person_named(line)  # "Организация: ООО …" names no one
            return name if name and name.casefold() not in PRONOUNS else None  # "We need 10 boxes …"
    return None


_LABEL_RE = re.compile(r"[^:：\n]{1,40}[:：]")


def _introduced_company(text: str, own: OwnSide, email: str | None) -> str | None:
    """The organisation a forwarder names as their client's, right after the words for it ("Our client, Mr. X of Y
    Ltd, needs …"); not one further on ("… a flour mill that currently uses Perten Instruments AB analyzers")."""
    for said in client_sentences(text):
        company = find_company(said, [], own.brands, email)
        if company and 0 <= said.find(company) <= 40:
            return company
    return None


def _titled_before(text: str, at: int) -> str | None:
    """The last person named with a title before a hand-over that speaks of "him" or "her": "My oga Dr. Adewale
    Ogunleye ask me to request price … you can call him directly", "Mr Ndlovu would like a quote … to him"."""
    for title in reversed(list(TITLE_RE.finditer(text, 0, at))):
        if _REFERRED_BY_RE.search(text, max(0, title.start() - 12), title.start()):
            continue  # "I was referred to you by Prof. X": who sent the writer, not whom to quote
        name = person_named(text[title.end() : at].lstrip(" \t."))
        if name:
            return name
    return None


_REFERRED_BY_RE = re.compile(r"(?<![^\W\d_])(?:by|via|through|from|de\s+parte\s+del?)[ \t]+$", re.IGNORECASE)



_ORIGIN_RE = re.compile(r"[ \t]+(?:de|from|aus|из|di|da|do|z)[ \t]+(?P<place>\S.*)$")


def _without_origin(name: str | None) -> str | None:
    """"soy Jorge de Monterrey NL": where they are from is no part of the name ("de la Cruz", "de Souza" are)."""
    origin = _ORIGIN_RE.search(name) if name else None
    if name is None or origin is None:
        return name
    place = origin.group("place")
    named = [at for at, _code in city_mentions(place)] + ([0] if find_country_in_text(place) else [])
    return name[: origin.start()] if 0 in named else name


_SIGNATURE_REST_RE = re.compile(r"[ \t]*(?:$|[,|–—-])", re.MULTILINE)


def _in_full(name: str | None, text: str) -> str | None:
    """A surname alone ("Datos de contacto del Ing. Herrera") as the text gives it in full after a title or at the
    start of a line ("del Ing. Tomás Herrera"); only capitalised words of a cased script are added."""
    if name is None or " " in name:
        return name
    for match in re.finditer(rf"(?<![^\W\d_])((?:[^\W\d_][\w'’-]*[ \t]+){{1,2}}){re.escape(name)}(?![^\W\d_])", text):
        given = list(re.finditer(r"\S+", match.group(1)))
        for first in dict.fromkeys((0, len(given) - 1)):  # two words before the surname, or the last one
            words = [w.group() for w in given[first:]]
            at = match.start(1) + given[first].start()
            before = text[text.rfind("\n", 0, at) + 1 : at]
            titled = list(TITLE_RE.finditer(before))
            signed = not before.strip() and _SIGNATURE_REST_RE.match(text, match.end())  # a line of its own
            if all(w[:1].isupper() and w[1:].islower() for w in words) and (
                signed or (titled and not before[titled[-1].end() :].strip())
            ):
                return " ".join([*words, name])
    return name


_QUOTE_MARK_RE = re.compile(r"^[ \t]*>[ \t>]*", re.MULTILINE)
_SITE_RE = re.compile(r"(?:https?://|www\.)[\w.-]+", re.IGNORECASE)


def _agent_s_client(text: str, own: OwnSide) -> tuple[int, int] | None:
    """A sourcing agent at home who wants the quote for an overseas client ("Client details (please put on the PI):"
    over a Nigerian company, the agent's own numbers all "+86 …"): the client's block, the buyer for an overseas
    department; not where the agent keeps the client ("do not contact the end user directly"), a client at home, or
    a writer abroad whose Chinese forwarder's or office's block it is."""
    block = client_details(text)
    if block is None or keeps_the_client(text):
        return None
    home = own.home_country
    writer = set(_intl_countries(text[: block[0]] + text[block[1] :], own, abroad=False))
    client = text[block[0] : block[1]]
    domains = (country_of_email_domain(m.group().rsplit("@", 1)[1]) for m in EMAIL_IN_TEXT_RE.finditer(client))
    abroad = {c for c in (*_intl_countries(client, own), *domains) if c and c != home}
    return block if writer == {home} and abroad else None


def _intl_countries(text: str, own: OwnSide, abroad: bool = True) -> list[str]:
    """Countries of the international numbers in the text, ours and (when `abroad`) the home country's excepted:
    "+55 ... / (31) 98888-7777" reads the second in BR. A referring partner's "(Etosha Scientific CC, +264 …)" says
    nothing of the customer's country."""
    countries = (country_of_phone(n) for n in written_international(text, asides=False) if n not in own.phones)
    return [c for c in countries if c and not (abroad and c == own.home_country)]


def _site_countries(text: str) -> list[str]:
    """Countries of the customer's web addresses ("www.empresa.com.br")."""
    found = (country_of_email_domain(m.group().split("//")[-1]) for m in _SITE_RE.finditer(text))
    return [c for c in found if c]
