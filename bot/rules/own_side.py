"""Our own side of an inquiry's text: quoted history we sent, our signatures, our staff, our numbers.

A forwarded e-mail carries our salesperson's quoted message and signature; a hand-off names the colleague.
None of that is the customer's, so the parser reads the customer's part of the text only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import phonenumbers

from bot.org.model import Org
from bot.rules.chat_exports import CHAT_LINE_RE
from bot.rules.pinyin_names import is_pinyin_name

__all__ = ["FORWARDED_RULE_RE", "NO_OWN", "QUOTE_HEADER_RE", "OwnSide", "customer_part", "own_side_of"]


@dataclass(frozen=True)
class OwnSide:
    """Addresses, numbers (E.164) and people's names of our company, and its home country."""

    domains: frozenset[str] = frozenset()
    phones: frozenset[str] = frozenset()
    home_country: str = "CN"
    names: frozenset[str] = frozenset()

    @staticmethod
    def build(
        domains: Iterable[str] = (), phones: Iterable[str] = (), home_country: str = "CN",
        names: Iterable[str] = (),
    ) -> OwnSide:
        """From loose values: domains lower-cased, phones to E.164 (invalid ones dropped)."""
        e164 = {_e164(p) for p in phones}
        return OwnSide(
            frozenset(d.strip().lower().lstrip("@") for d in domains if d.strip()),
            frozenset(p for p in e164 if p),
            home_country,
            frozenset(n.strip() for n in names if len(n.strip()) >= 2),
        )

    @property
    def brands(self) -> tuple[str, ...]:
        """Our company's name as lower-case letters, from our domains: "kerunlab.com" and
        "kerun-instruments.cn" give "kerunlab", "kerun" and "keruninstruments"."""
        found: list[str] = []
        for domain in sorted(self.domains):
            label = domain.split(".")[0]
            whole = re.sub(r"[^a-z]", "", label)
            first = re.sub(r"[^a-z]", "", label.split("-")[0])
            bare = re.sub(r"(?:labs?|tech|instruments?|scientific|group|china|global|intl)$", "", whole)
            found += [w for w in (whole, first, bare) if len(w) >= 5]
        return tuple(dict.fromkeys(found))

    def is_our_person(self, name: str) -> bool:
        """One of our people, whatever the case: "Lisa Wang", "lisa wang"."""
        folded = name.strip().casefold()
        return any(n.casefold() == folded for n in self.names)

    def owns_email(self, email: str) -> bool:
        domain = email.rsplit("@", 1)[-1].lower()
        return any(domain == d or domain.endswith("." + d) for d in self.domains)


NO_OWN = OwnSide()


def own_side_of(org: Org) -> OwnSide:
    """The org file's `own:` block plus the names of everyone in `people:`."""
    return OwnSide(org.own.domains, org.own.phones, org.own.home_country, frozenset(p.name for p in org.people))


def _e164(raw: str) -> str | None:
    try:
        number = phonenumbers.parse(raw, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    text: str = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return text


_RULE = (
    r"^[ \t>]*-{2,}[ \t]*(?:original message|forwarded message|mensagem original|mensaje original|mensaje reenviado|"
    r"mensagem encaminhada|message d'origine|message transféré|ursprüngliche nachricht|weitergeleitete nachricht|"
    r"исходное сообщение|пересылаемое сообщение|пересланное сообщение|原始邮件|转发邮件|messaggio originale|"
    r"messaggio inoltrato|orijinal mesaj|iletilen mesaj|wiadomość oryginalna|oryginalna wiadomość|"
    r"przekazana wiadomość|oorspronkelijk bericht|doorgestuurd bericht|оригінальне повідомлення|"
    r"пересланий лист|الرسالة الأصلية|رسالة محولة|الرسالة المعاد توجيهها)"
)
# The rule a mail client draws over a forwarded message: "---------- Forwarded message ---------".
FORWARDED_RULE_RE = re.compile(_RULE, re.IGNORECASE | re.MULTILINE)
# Where a quoted or forwarded message starts: a "From:" header, an "Original Message" rule, "On ... wrote:".
FROM_LABEL = r"(?:from|de|von|da|от|від|من|发件人|寄件者|kimden|gönderen|người gửi|dari)[ \t]*[:：]"
QUOTE_HEADER_RE = re.compile(
    rf"^[ \t>]*{FROM_LABEL}"
    rf"|{_RULE}"
    r"|^[ \t>]*(?:on|le|el|em|am|в)\b[^\n]{4,160}"
    r"(?:wrote|a écrit|escribió|escreveu|schrieb|написал[аи]?)[ \t]*:?[ \t]*$"
    r"|^[ \t>]*在[^\n]{2,80}写道[:：]?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_DIGITS_RE = re.compile(r"\+?\d[\d \t().\-]{5,22}\d")
_CONTACT_RE = re.compile(r"@|\d[\d \t().\-]{5,22}\d")  # an address or a number: more than a title
# a mail header's sender line, as a colleague's own mail opens (not "On … wrote:", not a quoting rule)
SENDER_LINE_RE = re.compile(rf"^[ \t]*{FROM_LABEL}[^\n]*", re.IGNORECASE | re.MULTILINE)
_TITLE_WORDS = 8


def _titled(lines: list[str], kept: list[str], headers: set[int]) -> bool:
    """The text opens with a title ("内部转交 / Internal handover": one short line, no address or number), then our
    own mail ("From: 何军 <…@our domain>"), and keeps nothing else once our blocks are blanked."""
    if not headers:
        return False
    first = min(headers)
    above = [line for line in kept[:first] if line.strip()]
    return (len(above) == 1 and len(above[0].split()) <= _TITLE_WORDS and not _CONTACT_RE.search(above[0])
            and not any(line.strip() for line in kept[first:]) and SENDER_LINE_RE.match(lines[first]) is not None)


def _outside_recipient(lines: list[str], first: int, own: OwnSide) -> int | None:
    """The "To:" line of the mail whose header starts at line `first` when it went to an address not ours (our reply
    to the customer, "To: Ahmed Karim <a.k@…>"), else None."""
    for at in range(first + 1, min(first + 8, len(lines))):
        if not lines[at].strip():
            break
        if _TO_LINE_RE.match(lines[at]):
            return at if any(not own.owns_email(e) for e in _EMAIL_RE.findall(lines[at])) else None
    return None


def customer_part(text: str, own: OwnSide, lines_too: bool = True) -> str:
    """The text with our own parts blanked (same lines, emptied): quoted messages we sent, lines of ours.

    `lines_too=False` keeps single lines of ours (a specialist's "WhatsApp forwarded by Amy (+86 ...)").
    """
    if not (own.domains or own.phones or own.names):
        return text
    lines = written = text.split("\n")
    speakers = [m.group("who") if (m := CHAT_LINE_RE.match(line)) else None for line in lines]
    staff = _staff_speakers([who for who in speakers if who])
    if staff:  # "Xu Li: Hello, may I know your name?" answering in a chat log is ours
        lines = ["" if who in staff else line for line, who in zip(lines, speakers, strict=True)]
        text = "\n".join(lines)
    def keep(line: str) -> str:
        return _kept_line(line, own) if lines_too else line

    headers = {text.count("\n", 0, m.start()) for m in QUOTE_HEADER_RE.finditer(text)}
    bounds = sorted(headers | {0}) + [len(lines)]
    kept: list[str] = []
    for begin, end in zip(bounds, bounds[1:], strict=False):
        block = lines[begin:end]
        if begin in headers and _sent_by_us(block, own):
            kept += [""] * len(block)
        elif begin in headers and FORWARDED_RULE_RE.match(block[0]):  # the rule itself says nothing of anyone
            kept += ["", *map(keep, block[1:])]
        else:
            kept += list(map(keep, block))
    kept = _without_our_stamped_messages(text.split("\n"), kept, own)
    titled = _titled(lines, kept, headers)
    recipient = _outside_recipient(lines, min(headers), own) if titled else None
    if recipient is not None:  # "Any update on this quotation?" over our reply to them: whom it went to is theirs
        kept[recipient] = lines[recipient]
    elif not any(line.strip() for line in kept) or titled:
        # All of it under our own header or said by our own people in a chat (or but for a title above our header:
        # "内部转交 / Internal handover"): a colleague's hand-off ("From: Amy Wu ... 客户信息如下：Name: ...", "Kevin
        # Zhou: 客户 Ignacio Fuentes，…"), so only its lines of ours go (a line's speaker is no longer read as ours).
        kept = [keep(_unspoken(line, own)) for line in written]
    return "\n".join(kept)


def _unspoken(line: str, own: OwnSide) -> str:
    """A chat line said by one of our people without its speaker ("Kevin Zhou: 他只留了座机 …" -> its message) and
    without the number they give as their own ("有问题打我手机 +86 186 …", "WhatsApp me at +86 …")."""
    chat = CHAT_LINE_RE.match(line)
    if chat is None or not own.is_our_person(chat.group("who")):
        return line
    message = _THEIR_OWN_NUMBER_RE.sub(lambda m: " " * len(m.group()), line[chat.start("message") :])
    return " " * chat.start("message") + message


# our colleague's own number in their hand-off: "我的WhatsApp +86 138 …", "打我手机 +86 …", "call me on +86 …" (not
# the customer's: "他让我直接打他手机 +86 …", "he asked me to call him back at +86 …")
_THEIR_OWN_NUMBER_RE = re.compile(
    r"(?:(?:我的|打我|找我)[ \t]*(?:手机|电话|微信|WhatsApp|WeChat)?|(?<![^\W\d_])(?:my\s+(?:mobile|cell|number|phone|"
    r"whatsapp|wechat|direct\s+line)|(?:call|whatsapp|text|reach)\s+me\s+(?:at|on))(?![^\W\d_]))"
    r"[^\n+\d他她客]{0,12}\+?[ \t]*86[ \t-]*\(?\d[\d \t()-]{7,16}\d",
    re.IGNORECASE,
)


def _without_our_stamped_messages(lines: list[str], kept: list[str], own: OwnSide) -> list[str]:
    """A chat export whose speaker and time head each message on a line of their own ("Sino Instruments - 何军
    2024-06-14 10:17:05", then "This is He Jun from Sino Instruments …"): the lines under one of our people's heads,
    to the next head or a blank line, are ours too (`kept`: the lines as kept so far, `lines` as written)."""
    ours = False
    result: list[str] = []
    for line, still in zip(lines, kept, strict=True):
        head = _STAMPED_HEAD_RE.match(line)
        if head:
            ours = any(_speaks(name, head.group("who")) for name in own.names)
        elif not line.strip():
            ours = False
        result.append("" if ours else still)
    return result


# A chat export's message head on its own line: who, then a date and a time ("oman_labtech 2024-06-14 10:15:32").
_STAMPED_HEAD_RE = re.compile(
    r"^[ \t]*(?P<who>\S[^\n]{0,60}?)[ \t]+(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})[ \t,]+"
    r"\d{1,2}:\d{2}(?::\d{2})?[ \t]*$"
)


def _staff_speakers(speakers: list[str]) -> set[str]:
    """The chat log's speakers (in order) who answer under a pinyin name ("Xu Li", "Zhang Wei": our people as the
    org file knows them in Chinese): never the one who opened the chat, who is the customer."""
    if len(set(speakers)) < 2:
        return set()
    return {who for who in speakers[1:] if who != speakers[0] and is_pinyin_name(who)}


def _kept_line(line: str, own: OwnSide) -> str:
    note = _NOTE_HEAD_RE.match(line)
    if note and own.is_our_person(note.group("who")):
        # "Call note (Lisa Wang): spoke with Mr. Diego ...": our colleague's note is about the customer.
        body = line[note.end() :]
        return " " * note.end() + ("" if _line_is_ours(body, own) else _without_our_names(body, own))
    if any(_speaks(name, line) for name in own.names):
        return ""
    sentences = _SENTENCE_END_RE.split(line)
    if len(line) >= 100 and len(sentences) > 2:
        # A long note with our extension in its last sentence ("... 我的分机 +86 ...") keeps its other ones.
        kept = ["" if _line_is_ours(s, own) else s for s in sentences]
        return _without_our_names("".join(kept), own) if any(k.strip() for k in kept) else ""
    return "" if _line_is_ours(line, own) else _without_our_names(line, own)


# The head of a colleague's note on one line: "Call note (Lisa Wang):", "Notiz (Amy):"; its text follows.
_NOTE_HEAD_RE = re.compile(
    r"^[ \t]*[^\W\d_][^:：()\n]{1,30}?[ \t]*\((?P<who>[^()\n]{2,30})\)[ \t]*[:：][ \t]*(?=\S)"
)


# A header's recipient line: "To: Kevin Zhou", "Para: …", "An: …", "收件人：…", "Кому: …"; or a copy line ("Cc: …").
_TO_LABEL = r"[ \t>]*(?:to|para|an|à|a|收件人|кому|kime|alıcı|người nhận|kepada)[ \t]*[:：]"
COPY_LABEL = r"[ \t>]*(?:b?cc|kopie|copia|cópia|копия|копія|dw|抄送)[ \t]*[:：]"
_TO_LINE_RE = re.compile(_TO_LABEL, re.IGNORECASE)
_RECIPIENT_LINE_RE = re.compile(f"{_TO_LABEL}|{COPY_LABEL}", re.IGNORECASE)


# Where a sentence ends inside one line: "。" or ". " (the stop stays with its sentence).
_SENTENCE_END_RE = re.compile(r"(?<=[。！？])|(?<=[.!?])(?=\s+\S)")


def _sent_by_us(block: list[str], own: OwnSide) -> bool:
    """A quoted block whose first sender line names one of our addresses or people (not the one it went to: "From:
    Rosa Quispe · QA Manager …" over "To: Kevin Zhou" is the customer's)."""
    head = "\n".join(line for line in block[:3] if line.strip() and not _RECIPIENT_LINE_RE.match(line))
    emails = _EMAIL_RE.findall(head)
    if emails:
        return own.owns_email(emails[0])
    return any(name in head for name in own.names)


def _line_is_ours(line: str, own: OwnSide) -> bool:
    """A line with our address, our number, our company's name or one of our people's names."""
    if any(own.owns_email(e) for e in _EMAIL_RE.findall(line)):
        return True
    if any(_e164(m.group()) in own.phones for m in _DIGITS_RE.finditer(line) if m.group().startswith("+")):
        return True
    # our company's name on a signature's or a header's line, or speaking in a chat ("Sino Instruments: Hello …");
    # a customer's sentence may name us too ("somos su distribuidor autorizado de Sino Instruments en la zona")
    speaker = line.split(":", 1)[0] if ":" in line[:_SPEAKER_CHARS] else ""
    short = len(line.split()) <= _SIGNATURE_WORDS
    for part in (line if short else "", speaker):
        letters = re.sub(r"[\W\d_]", "", part).casefold()
        if letters and any(stem in letters for stem in _company_stems(own.domains)):
            return True
    return any(_speaks(name, line) for name in own.names)


def _without_our_names(line: str, own: OwnSide) -> str:
    """A customer line that mentions one of our people ("李雷转来的询盘，客户电话 +90 ..."): the name goes, and
    so does a home-country number not said to be the customer's ("吴昊 转来的（他的电话 +86 …）")."""
    named = line
    for name in own.names:
        named = _name_re(name).sub(" " * len(name), named)
    if named == line:
        return line
    for match in reversed(list(_DIGITS_RE.finditer(named))):
        e164 = _e164(match.group()) if match.group().startswith("+") else None
        home = e164 is not None and phonenumbers.region_code_for_number(phonenumbers.parse(e164)) == own.home_country
        if home and not _CUSTOMER_WORD_RE.search(named[max(0, match.start() - 24) : match.start()]):
            named = named[: match.start()] + " " * len(match.group()) + named[match.end() :]
    return named


# "客户电话 +86 …", "customer's mobile:" right before a number make it the customer's even on our colleague's
# line; "客户（他的电话 …）" does not.
_CUSTOMER_WORD_RE = re.compile(r"(?:客户|客人|买家|(?<![^\W\d_])(?:customer|client|buyer|cliente|clienta|kunde|klient|"
                               r"клиент\w*|comprador|acheteur|müşteri))(?:['’]s)?[^(（他她我\n]*$", re.IGNORECASE)


_SIGNATURE_WORDS = 12
_SPEAKER_CHARS = 60  # where a chat line's speaker ends with its colon


def _company_stems(domains: frozenset[str]) -> list[str]:
    """"sino-instruments.com" -> "sinoinstruments": our company's name as letters, to spot it in a line."""
    stems = (re.sub(r"[^a-z]", "", d.split(".")[0]) for d in domains)
    return [s for s in stems if len(s) >= 6]


_GREETING_RE = re.compile(
    r"(?:hi|hello|dear|hola|olá|ola|oi|bonjour|salut|estimad[oa]|prezad[oa]|caro|cara|liebe[r]?|hallo|"
    r"sehr\s+geehrte[r]?|здравствуйте|добрый\s+день|merhaba|chào|halo|مرحبا|عزيزي|thanks|thank\s+you|gracias|"
    r"obrigad[oa]|merci|спасибо)[\s,]*$",
    re.IGNORECASE,
)


_HAN_NAME_RE = re.compile(r"[\u3400-\u9fff·]+")


@cache
def _name_re(name: str) -> re.Pattern[str]:
    """One of our people's names as a whole word, compiled once: built per call, these patterns (one per
    person, tried on every line) pushed phonenumbers' own patterns out of `re`'s cache of 512, which then
    recompiled ~4 per text (issue 13: parse time)."""
    return re.compile(rf"(?<![^\W\d_]){re.escape(name)}(?![^\W\d_])", re.IGNORECASE)


def _speaks(name: str, line: str) -> bool:
    """Our person writes or signs this line: their name near its start ("[09:20] Amy Chen: ...",
    "Kevin Zhang | Sino ..."), not a customer greeting them ("Hi Kevin Zhang, we need ...")."""
    if _HAN_NAME_RE.fullmatch(name):
        found = line.find(name)
        at = found if found >= 0 else None
    else:
        match = _name_re(name).search(line)
        at = match.start() if match else None
    if at is None:
        return False
    if at > 25 or _GREETING_RE.search(line[:at]):
        return False
    # Writing or signing: "Amy Chen: ...", "Kevin Zhang | Sino ...", a line that is just the name; also with the
    # name's Latin spelling after it ("林娜 Lina (Sino): …").
    rest = line[at + len(name) :]
    return bool(_SPEAKS_RE.match(rest))


_SPEAKS_RE = re.compile(r"(?:[ \t]+(?-i:[A-Z][a-z]+)){0,2}\s*(?:[:：|)]|\(|$|[,，]?\s*\S+@|\s*[-–—]\s)")
