"""Where chat writers put their name: after a greeting ("Salam! Aibek Osmonov, Bishkek."), as a chat handle
("tunde.bakare: hi"), as a speaker header ("ana ruiz (Peru) 2026-01-05 10:02", "Ahmed Samir (Egypt)  14:05"), as
the speaker of a greeting ("Kofi Mensah: Good morning, ..."). These return raw text; people_fields cleans and weighs
it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.rules.chat_exports import CHAT_LINE_RE
from bot.rules.company_shapes import INSTITUTION_RE
from bot.rules.countries import find_country_in_text
from bot.rules.free_text import is_title
from bot.rules.name_words import COMPANY_WORD_RE, JOB_WORDS, LEGAL_RE, PRONOUNS, THING_WORDS, TITLE_WORDS
from bot.rules.places import city_mentions

__all__ = ["copied_speakers", "forwarded_from", "greeted_names", "handle_names", "honorific_lower_lines",
           "signed_messages", "speaker_headers"]

_GREETING = (
    r"hello|hi|hey|hola|olá|oi|salam|salaam|salom|салам|салом|привет|здравствуйте|добрый\s+день|bonjour|salut|hallo|"
    r"merhaba|habari|jambo|ciao|buongiorno|buenos\s+d[ií]as|buenas(?:\s+tardes)?|bom\s+dia|boa\s+tarde|"
    r"assalamu?\s+alaikum|сәлеметсіз\s+бе|сәлем|ассалому\s+алайкум|good\s+(?:morning|afternoon|day|evening|pm|am)|"
    r"magandang\s+(?:umaga|hapon|gabi|araw)|kumusta"
)
# "Salam! Aibek Osmonov, МП «...»": a greeting, a name, a comma and where or what they are.
_GREETED_RE = re.compile(
    rf"^[ \t]*(?:{_GREETING})[ \t]*[!,.]+[ \t]+(?P<name>[^\W\d_][\w'-]*(?:[ \t]+[^\W\d_][\w'-]*){{0,2}}),"
    r"[ \t]*(?P<after>[^\n,.;!?]+)",
    re.IGNORECASE | re.MULTILINE,
)
# "Bonsoir, Sami Ben Salah de Tunisie Analyses SARL à Sfax": a greeting, a name, "from" and an organisation.
_GREETED_FROM_RE = re.compile(
    rf"^[ \t]*(?:{_GREETING}|bonsoir)[ \t]*[!,.]+[ \t]+"
    r"(?P<name>(?-i:[A-ZÀ-ÞА-ЯЁ])[\w'-]+(?:[ \t]+(?-i:[A-ZÀ-ÞА-ЯЁ])[\w'-]+){1,3})"
    r"[ \t]+(?:de|from|da|do|di|von|van|of)[ \t]+"
    r"(?P<after>[^\n;!?]+)",
    re.IGNORECASE | re.MULTILINE,
)
# "Kofi Mensah: Good morning. Do you sell ...": a chat line that opens with a greeting names its speaker.
_SPEAKER_GREETS_RE = re.compile(
    rf"^[ \t]*(?P<name>[^\W\d_][\w'-]+(?:[ \t]+[^\W\d_][\w'-]+){{1,3}})[ \t]*:[ \t]*(?:{_GREETING})(?![^\W\d_])",
    re.IGNORECASE | re.MULTILINE,
)
# "tunde.bakare: need price": a handle of two words joined by "." or "_" before a chat line.
_HANDLE_RE = re.compile(r"^[ \t]*(?P<first>[a-z]{2,20})[._](?P<last>[a-z]{2,20})[ \t]*:[ \t]*\S", re.MULTILINE)
# "ana ruiz (Peru) 2026-01-05 10:02" / "ana ruiz 10:03" / "camilo_herrera_co (Colombia) 2024-11-14 01:20:33": a chat
# log's speaker header typed in lower case or as a handle (its country tag aside).
_HEADER_RE = re.compile(
    r"^[ \t]*(?P<name>[a-z][a-z'-]+(?:[ \t_]+[a-z][a-z'-]+){1,3})[ \t]*(?:\((?P<where>[^()\n]{2,30})\)[ \t]*)?"
    r"(?:\d{4}-\d{2}-\d{2}[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?[ \t]*$",
    re.MULTILINE,
)
# "Ahmed Samir (Egypt)  14:05": the same header as a chat platform writes it, capitalised; one word only with the
# speaker's country beside it ("Hussain (Bahrain) 09:12") or a full date (WeChat's "Salim 2024-11-14 08:40").
_CASED_HEADER_RE = re.compile(
    r"^[ \t]*(?P<tag>\[[^\]\n]{2,20}\][ \t]*)?"
    r"(?P<name>(?-i:[A-ZÀ-ÞА-ЯЁ])[\w'-]+\.?(?:[ \t]+(?-i:[A-ZÀ-ÞА-ЯЁ])[\w'-]+){1,2}"
    r"(?=[ \t]*(?:\(|[·•|,-][ \t]*\d|\d))|(?-i:[A-ZÀ-ÞА-ЯЁ])[\w'-]+(?=[ \t]*\(|[ \t]+\d{4}-\d{2}-\d{2}[ \t]))"
    r"[ \t]*(?:\((?P<where>[^()\n]{2,30})\)[ \t]*)?(?:(?P<dot>[·•])[ \t]*|[|,-][ \t]*)?(?:\d{4}-\d{2}-\d{2}[ \t]+)?"
    r"\d{1,2}:\d{2}(?::\d{2})?[ \t]*$",
    re.MULTILINE,
)
_TIME_RE = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
# What an agenda or a notice puts before a time: "Lunch Break 12:30", "Deadline (Friday) 17:00".
_SCHEDULE_WORDS = frozenset({"break", "lunch", "dinner", "meeting", "deadline", "opening", "closing", "hours", "time",
                             "pickup", "delivery", "schedule", "agenda", "session", "visit", "call", "start", "end",
                             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                             "tomorrow", "kickoff", "coffee", "welcome", "remarks"})
# Who a forwarded message is from: Telegram's "Forwarded from Дмитрий Ковалёв" (also in brackets, as its desktop
# copies it, or "Bobur Toshmatov, [12.03.2026 15:06]"), a chat export's "Buyer: Abdullah Alenezi (Kuwait)".
_FORWARDED_RE = re.compile(
    r"^[ \t]*\[?(?:forwarded\s+(?:message\s+)?from|переслано\s+от|пересланное\s+сообщение\s+от|reenviado\s+de|"
    r"encaminhad[oa]\s+de|transféré\s+de)[ \t:]+(?P<name>[^\]\n@]{2,60}?)\]?[ \t]*$"
    r"|^[ \t]*(?P<copied>[^\W\d_][\w'-]*(?:[ \t]+[^\W\d_][\w'-]*){1,3}),[ \t]*"
    r"\[\d{1,2}[./]\d{1,2}[./]\d{2,4}[ \t]+\d{1,2}:\d{2}\]"
    r"|(?<![^\W\d_])(?:buyer|customer|client)[ \t]*:[ \t]*"
    r"(?P<buyer>(?-i:[A-ZÀ-Þ])[\w'-]+(?:[ \t]+(?-i:[A-ZÀ-Þ])[\w'-]+){1,2})"
    r"[ \t]*\([^()\n]{2,30}\)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A direct message copied from a platform's window: the platform's title line, then the sender's name on a line
# of its own ("Facebook Messenger\nGrace Wanjiru", "LinkedIn\nОлександр Бондаренко • 1st", "Telegram\nДмитрий
# Кузнецов (@dkuznetsov_lab):"), or "Twitter DM from @javi_labtech (Javier Morales)".
_PLATFORM_SENDER_RE = re.compile(
    r"^[ \t]*(?:(?:facebook[ \t]+)?messenger(?:[ \t]*\(facebook\))?|facebook|linkedin|instagram(?:[ \t]+dm)?|"
    r"telegram|whatsapp|viber|twitter(?:[ \t]+dm)?|x[ \t]+dm)(?:[ \t]*[·•|:–—-][^\n]*)?[ \t]*\n"
    r"[ \t]*(?P<name>(?-i:[A-ZÀ-ÞА-ЯЁІЇЄ])[\w'-]+(?:[ \t]+(?-i:[A-ZÀ-ÞА-ЯЁІЇЄ])[\w'-]+){1,3})"
    r"[ \t]*(?:[·•][ \t]*(?:1st|2nd|3rd\+?)|\(@[\w.]+\)|,[ \t]*\d{1,2}:\d{2})?[ \t]*:?[ \t]*$"
    # "Telegram: Андрей Лукашевич (@andrei_luk)" on one line
    r"|^[ \t]*(?:telegram|whatsapp|viber|instagram|messenger|signal)[ \t]*[:—–-][ \t]*"
    r"(?P<titled>(?-i:[A-ZÀ-ÞА-ЯЁІЇЄ])[\w'-]+(?:[ \t]+(?-i:[A-ZÀ-ÞА-ЯЁІЇЄ])[\w'-]+){1,3})[ \t]*\(@[\w.]+\)[ \t]*$"
    r"|(?:\bDM[ \t]+|\bmessage[ \t]+|\bmsg[ \t]+|^[ \t]*)from[ \t]+@[\w.]+[ \t]*\((?P<handled>[^()\n@]{3,40})\)"
    # "Messenger · Giulia Romano" over the messages
    r"|^[ \t]*(?:(?:facebook[ \t]+)?messenger|facebook|linkedin|instagram|telegram|whatsapp|viber|wechat|微信|signal)"
    r"[ \t]*[·•|—–][ \t]*(?P<beside>(?-i:[A-ZÀ-ÞА-ЯЁІЇЄ])[\w'-]+(?:[ \t]+(?-i:[A-ZÀ-ÞА-ЯЁІЇЄ])[\w'-]+){1,3})[ \t]*$"
    # "[Zalo] Nguyễn Thị Thu Hà" over the messages
    r"|^[ \t]*\[(?:zalo|viber|line|kakaotalk|telegram|whatsapp|wechat|signal|imo)\][ \t]*"
    r"(?P<tagged>[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*){1,4})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# "dr amina yusuf" alone on a line: a signature typed in lower case, behind an honorific.
_HONORIFIC_LINE_RE = re.compile(
    r"^[ \t]*(?:dr|mr|mrs|ms|eng|engr|prof|ing|lic|sr|sra)\.?[ \t]+"
    r"(?P<name>[a-z]{2,20}(?:[ \t]+[a-z]{2,20}){1,2})[ \t]*$",
    re.MULTILINE,
)
_NOT_NAME = TITLE_WORDS | JOB_WORDS | THING_WORDS | PRONOUNS  # "We are distributor, Accra Lab Supplies Ltd"
# A chat line (time-stamped, or its speaker talks twice): "[26/03/2025, 9:41 pm] +92 300 8461275: …", "rashed_bd: …".
# A message that is only its writer's name and organisation: "usman tariq, Crescent Science College", "Am Chukwuemeka
# Obi, Lifeline Diagnostics Ltd, Enugu", "علي حسين - مكتب الرافدين للتجهيزات الطبية".
_SIGNED_MESSAGE_RE = re.compile(
    r"(?:(?:claro|sure|ok|okay|yes|sí|si|sim|oui|да|evet|of[ \t]+course)[ \t]*[,!.]?[ \t]+)?"
    r"(?:(?P<intro>i[ \t]+am|i'?m|am|this[ \t]+is|my[ \t]+name(?:[ \t]+is)?|soy|sou|sono|je[ \t]+suis|ich[ \t]+bin|"
    r"я|ben)[ \t]+)?(?P<name>[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,3}?)[ \t]*(?:,|[ \t][-–—][ \t])[ \t]*"
    r"(?P<org>[^,\n]+?(?:,[ \t]*[^,\n]+?)*)[ \t.]*",
    re.IGNORECASE,
)


def greeted_names(text: str) -> Iterator[str]:
    """A name right after a greeting, when what follows its comma is a place or an organisation."""
    for match in _GREETED_RE.finditer(text):
        after = match.group("after").strip()
        if city_mentions(after) or find_country_in_text(after) or LEGAL_RE.search(after) or COMPANY_WORD_RE.search(
            after
        ):
            yield match.group("name")
    for match in _SPEAKER_GREETS_RE.finditer(text):
        yield match.group("name")
    for match in _GREETED_FROM_RE.finditer(text):
        if LEGAL_RE.search(match.group("after")) or COMPANY_WORD_RE.search(match.group("after")):
            yield match.group("name")


def handle_names(text: str) -> Iterator[str]:
    """"tunde.bakare" speaking twice in a chat log is Tunde Bakare."""
    handles = [(m.group("first"), m.group("last")) for m in _HANDLE_RE.finditer(text)]
    for first, last in dict.fromkeys(handles):
        if handles.count((first, last)) >= 2 and not {first, last} & _NOT_NAME:
            yield f"{first.capitalize()} {last.capitalize()}"


def speaker_headers(text: str) -> Iterator[str]:
    """The speakers of a chat log's header lines, in order; a header typed in lower case capitalised."""
    # A capitalised header is a speaker's in a chat log (times on other lines too), beside the speaker's country,
    # or after a chat's "·"; else "Lunch Break 12:30" of an agenda would be one.
    log = len(_TIME_RE.findall(text)) >= 3
    cased = [m for m in _CASED_HEADER_RE.finditer(text) if log or m.group("dot") or m.group("tag")
             or (m.group("where") and find_country_in_text(m.group("where")))]
    headers = sorted([*_HEADER_RE.finditer(text), *cased], key=lambda m: m.start())
    said = [m.group("name") for m in headers]
    for match in headers:
        name = match.group("name")
        # A handle ("camilo_herrera_co (Colombia)") or one word before a date ("Salim 2024-11-14 08:40") is a
        # speaker who speaks again; a form's "created_at 2024-11-14 08:40", a notice's "Publicación 2024-11-01
        # 10:00" are not.
        if ("_" in name or " " not in name.strip()) and not match.group("where") and said.count(name) < 2:
            continue
        words = name.replace("_", " ").split()
        where = find_country_in_text(match.group("where") or "")
        if "_" in name and where and words[-1].upper() == where:
            words = words[:-1]  # the handle's country tag ("_co" beside "(Colombia)"), not "tran_thi_ha"'s "ha"
        if not {word.casefold() for word in words} & (_NOT_NAME | _SCHEDULE_WORDS):
            yield " ".join(word if word[:1].isupper() else word.capitalize() for word in words)


def forwarded_from(text: str) -> Iterator[str]:
    """The sender a forwarded message, a chat export or a copied direct message names in its header."""
    found = [(m.start(), m.group("name") or m.group("copied") or m.group("buyer"))
             for m in _FORWARDED_RE.finditer(text)]
    found += [(m.start(), m.group("name") or m.group("handled") or m.group("tagged") or m.group("titled")
               or m.group("beside"))
              for m in _PLATFORM_SENDER_RE.finditer(text)]
    for _, raw in sorted(found):
        name = raw.strip()
        if not {word.casefold() for word in name.split()} & _NOT_NAME:
            yield name


def copied_speakers(text: str) -> Iterator[str]:
    """The speaker of messages copied from Telegram's desktop app, each under "Omar Haddad, [17.03.2025 11:02]"."""
    for match in _FORWARDED_RE.finditer(text):
        if match.group("copied") and not {w.casefold() for w in match.group("copied").split()} & _NOT_NAME:
            yield match.group("copied")


def honorific_lower_lines(text: str) -> Iterator[str]:
    """A line of an honorific and two or three lower-case words, capitalised: "dr amina yusuf" -> "Amina Yusuf"."""
    for match in _HONORIFIC_LINE_RE.finditer(text):
        words = match.group("name").replace("_", " ").split()  # a handle: "camilo_herrera_co (Colombia) 01:20"
        if not set(words) & _NOT_NAME:
            yield " ".join(word.capitalize() for word in words)


def signed_messages(text: str) -> Iterator[tuple[str, str]]:
    """(name, organisation) of each chat message that only signs its writer, the name capitalised; the
    organisation is "" when the message gives the writer's role instead."""
    lines = [m for m in CHAT_LINE_RE.finditer(text) if m.group("message")]
    speakers = [m.group("who") for m in lines]
    for line in lines:
        if not (line.group("stamp") or speakers.count(line.group("who")) >= 2):
            continue
        signed = _SIGNED_MESSAGE_RE.fullmatch(line.group("message"))
        if not signed:
            alone = _NAME_ONLY_RE.fullmatch(line.group("message"))
            if alone and _only_a_name(alone.group("name")):
                yield alone.group("name"), ""
            continue
        words, org = signed.group("name").split(), _organisation(signed.group("org"))
        sentence = any(w.endswith(".") and len(w) > 3 for w in words)  # "sorry. Im Neema …"
        courtesy = _COURTESY_RE.fullmatch(signed.group("name")) is not None
        person = (len(words) >= 2 or signed.group("intro")) and not sentence and not courtesy and not (
            {word.casefold() for word in words} & _NOT_NAME or COMPANY_WORD_RE.search(signed.group("name")))
        organisation = LEGAL_RE.search(org) or COMPANY_WORD_RE.search(org) or INSTITUTION_RE.search(org)
        # "Diana Marcela Gutiérrez, coordinadora de laboratorio", "Paula Restrepo, compras@…": a role or the contacts
        # or a role, then the contacts: "Kofi Mensah, MD. Email: kofi@…", "Ayşe Demirtaş, satın alma. Cep 0 505 …"
        role, stop, contacts = org.partition(". ")
        titled = (is_title(org) or _CONTACT_RE.match(org) is not None
                  or bool(stop) and is_title(role) and _CONTACT_RE.search(contacts) is not None)
        # a lower-case organisation only with its legal form ("Kwame Asante, asante cocoa labs ltd, Kumasi")
        if person and (titled or organisation and (not org[:1].islower() or LEGAL_RE.search(org))):
            yield " ".join(word if word[:1].isupper() else word.capitalize() for word in words), "" if titled else org


# A message that is only its writer's full name, capitalised, perhaps with a word of courtesy: "Sam Patel btw",
# "Salim bin Hamad Al-Balushi", "Selamawit Bekele 谢谢!"
_NAME_ONLY_RE = re.compile(
    r"(?P<name>(?-i:[A-ZÀ-ÞА-ЯЁІЇЄ])[\w'’-]+(?:[ \t]+(?:(?:bin|bint|ibn|al|el|de|da|do|dos|del|la|van|von|der)[ \t]+)*"
    r"(?-i:[A-ZÀ-ÞА-ЯЁІЇЄ])[\w'’-]+){1,4})"
    r"(?:[ \t,]*(?:btw|here|thanks|thank[ \t]+you|gracias|merci|obrigad[oa]|спасибо|рахмат|asante|谢谢|شكرا))?"
    r"[ \t!.🙏😊]*",
    re.IGNORECASE,
)


def _only_a_name(name: str) -> bool:
    """`name` names a person, not a greeting, a thing, a company or a place ("Good Morning", "Buenos Aires")."""
    words = {word.casefold() for word in name.split()}
    return not (_COURTESY_RE.match(name) or _WISH_RE.match(name) or words & _NOT_NAME or COMPANY_WORD_RE.search(name)
                or find_country_in_text(name) or city_mentions(name))


# A feast's or a season's wish sent as a whole message: "Eid Mubarak", "Ramadan Kareem", "Happy New Year", "Merry
# Christmas" (not "Ahmed Mubarak", nor "Happy Mthembu", "Blessed Moyo": given names)
_WISH_RE = re.compile(r"(?:eid|ramadan|ramzan|jumm?a|jumu['’]?ah)[ \t]+(?:mubarak|kareem|karim|sa[e3]ee?d)"
                      r"|happy[ \t]+(?:new[ \t]+year|eid|holidays|diwali|easter|birthday)|merry[ \t]+christmas"
                      r"|season['’]?s[ \t]+greetings", re.IGNORECASE)


# "Thank you, Lifeline Diagnostics Ltd", "Good morning, Al Noor Hospital here": courtesy, no name
_COURTESY_RE = re.compile(rf"(?:{_GREETING}|thank\s+you|thanks|many\s+thanks|thank\s+u)", re.IGNORECASE)
# a number that ends its part ("Tek ışınlı, 190-1100 nm" gives a range, no contact)
_CONTACT_RE = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|(?:[^\W\d_]+[ \t.:]*)?\+?\d[\d \t().-]{6,}+"
    r"(?![ \t]*(?:nm|mm|cm|ml|l|kg|g|rpm|°c?|w|kw|v|hz|bar|psi|pcs|units?)(?![^\W\d_]))",
    re.IGNORECASE,
)


def _organisation(parts: str) -> str:
    """The organisation of "Siam BioScience Co., Ltd., Bangkok": its first part and the legal forms after it."""
    first, *rest = parts.split(",")
    for part in rest:
        if not LEGAL_RE.fullmatch(part.strip(" .")) and not LEGAL_RE.fullmatch(part.strip()):
            break
        first += "," + part
    return first.strip()
