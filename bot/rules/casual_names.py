"""Names given casually in chat forwards: signed beside the number, in a chat header, after "ask for".

Texts typed on phones carry no labels and often no closing: "Hakan 0 533 712 44 08", "Pablo\n+56 9 …",
"[21:12, 05/04/2027] Nico: hola", "Facebook Messenger – Karolina Wójcik:", "pregunta por Antonio",
"saluti, luca ferrari". These rules run only where the other finders (people_fields) found no name, and tidy
two shapes they read too long: a closing word in front ("Gruß Markus Brenner") and the company after
"aqui é o Fábio da Agropecuária …".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bot.rules.countries import find_country_in_text
from bot.rules.free_text import SURNAMES
from bot.rules.name_words import (
    COMPANY_WORD_RE,
    HONORIFIC_RE,
    JOB_WORDS,
    LEGAL_RE,
    PARTICLES,
    THAI_KHUN_RE,
    THING_WORDS,
    TITLE_WORDS,
    is_closing_phrase,
)
from bot.rules.places import city_mentions, is_demonym
from bot.rules.scripts import HAN_RE

__all__ = ["casual_name_candidates", "settle_name"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that stand beside a number or open a chat line without being anybody's name.
_NOT_NAMES = _words(
    "утас "  # Mongolian "phone"
    "good morning afternoon evening you "  # "Good Morning", "Thank You" as a chat's whole message
    "hi hello hey dear sir madam madame monsieur hola buenas buenos oi olá ola ciao salve bonjour bjr salut hallo hej "
    "merhaba "
    "slm selam salam salaam salom assalomu habari niaje jambo privet привет здравствуйте добрый день вечер утро "
    "саламатсызбы "
    "мархаба مرحبا سلام السلام عليكم اهلا أهلا ok okay thanks thank thx tks pls please plz gracias obrigado "
    "obrigada merci danke grazie mille beaucoup спасибо شكرا ممنون regards rgds saludos saluti gruß grüße gruss "
    "cheers bye "
    "telefon telefone teléfono "
    "tel tél telp telf phone ph mob mobile cel cell celular cellulare handy hp whatsapp wa wtsp zap zalo viber "
    "cep gsm mobil komórka kom "  # Turkish and Polish words for "mobile"
    "telegram facebook messenger instagram ig dm call me my line number no nomor sđt đt số тел телефон моб "
    "звоните звонить ватсап вотсап номер جوالي جوال رقمي رقم واتس واتساب واتساپ موبايل "
    "customer client cliente клиент عميل mail email e-mail from de von ya ke ini "
    "urgent urgente urgence срочно asap total kindly pls. doctor doctora docteur office oficina bureau escritório "
    "escritorio fixo fijo fixe landline fax home casa work trabajo ofis ev iş факс офис рабочий домашний "
    "advance d'avance avance antemano adelantado valeu vlw obg abraço abraços tangazo zabuni "
    "شماره شمارم من تماس همراه "
    "โทร โทรศัพท์ มือถือ เบอร์ ไลน์ ครับ ค่ะ 电话 手机 微信 联系 電話 携帯 전화 휴대폰 핸드폰 연락처 "
    "мой моя мій мая meu minha meine benim "  # "my" ("Мій номер: 067 …"; not "Ma", "Mia": names)
    "他说 她说 他 她 客户说"  # a colleague's "he says" before the customer's number
)
_CLOSING = r"grazie\s+mille|muchas\s+gracias|gracias\s+mil|merci\s+beaucoup|muito\s+obrigad[oa]|danke\s+sch[öo]n|" \
           r"many\s+thanks|thanks\s+a\s+lot|большое\s+спасибо|saluti|saludos|salutations|gruß|grüße|gruss|grüsse|" \
           r"rgds|regards|thanks|thx|merci|cheers|abs|att|atte|cumprimentos|pozdrawiam|pozdrowienia|спасибо|" \
           r"с\s+уважением|teşekkürler|obrigad[oa]|gracias|grazie|danke"
_CLOSING_LEAD_RE = re.compile(rf"^(?:{_CLOSING})[ \t]*[,!.]?[ \t]+", re.IGNORECASE)
_CLOSING_LINE_RE = re.compile(rf"^[ \t]*(?:{_CLOSING})[ \t]*[,!.]?[ \t]+(?P<name>[^\n]+?)[ \t]*$",
                              re.IGNORECASE | re.MULTILINE)

# A chat message signed at its end, in its own line: "… en Manizales. Att: Andrés Felipe Ocampo - Café Cumbre Lab SAS"
_SIGNED_IN_LINE_RE = re.compile(r"(?<=[.!?])[ \t]+(?:att|atte|atentamente|cordialmente)[ \t]*[.:,]?[ \t]+"
                                r"(?P<name>[^\n,|–—-]+?)[ \t]*(?:[,|–—-]|$)", re.IGNORECASE | re.MULTILINE)
# A number as typed on a phone: grouped, bracketed or digit by digit.
_NUMBER_RE = re.compile(r"\+?\(?\d[\d \t().\-/]{5,30}\d")
# The lead line of a forwarded chat: "Facebook Messenger – Karolina Wójcik:", "IG – Rina:".
_PLATFORM_HEAD_RE = re.compile(
    r"\A[ \t]*(?:facebook(?:[ \t]+messenger)?|messenger|instagram|ig|telegram|whats\s?app|wa|zalo|line|viber)"
    r"[ \t]*[–—-][ \t]*(?P<who>[^\n:：]{2,40}?)[ \t]*[:：]",
    re.IGNORECASE,
)
# The lead line of a forwarded chat that names its writer after a colon or "from": "FB Messenger: Thabo Nkosi",
# "Messenger: Dra. Mariana Téllez", "WeChat from Yaw Darko (Accra): boss pls price …" (not a handle or a number).
_PLATFORM_FROM_RE = re.compile(
    r"\A[ \t]*(?:(?:fb|facebook)[ \t]+)?(?:messenger|instagram|ig|telegram|whats\s?app|wa|wechat|weixin|viber|line|"
    r"zalo|signal|linkedin)(?:[ \t]+(?:dm|message|chat))?(?:[ \t]*[:：][ \t]*|[ \t]+from[ \t]+)"
    r"(?P<who>[^\W\d_][^\n:：()@+\d,]{1,39}?)[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:[:：]|$)",
    re.IGNORECASE | re.MULTILINE,
)


def _written_small(name: str, text: str) -> bool:
    """A word of `name` written in lower case elsewhere in the text, outside addresses: a shop's name ("Instagram
    DM: Vida Verde Orgánicos" … "productos orgánicos"), not a person's."""
    words = {w.casefold() for w in name.split()}
    return any(w in words for w in re.findall(r"(?<![\w.@-])[^\W\d_A-ZÀ-ÞА-ЯЁ][^\W\d_]*(?![\w@-]|\.\w)", text))


# A marketplace header with the buyer's account and their name in brackets: "From: ali.raza_lhr (Ali Raza) | …".
_ACCOUNT_HEAD_RE = re.compile(r"^[ \t]*(?:from|von|de|от)[ \t]*[:：][ \t]*[\w.-]+[ \t]*\((?P<who>[^()\n@]{2,40})\)",
                              re.IGNORECASE | re.MULTILINE)
# A WhatsApp export line "[21:12, 05/04/2027] Nico: …": its speaker, also a single first name.
_EXPORT_SPEAKER_RE = re.compile(r"^[ \t]*\[[^\]\n]{3,40}\][ \t]*(?P<who>[^\n:：\d+][^\n:：\d]{0,39}?)[ \t]*[:：]",
                                re.MULTILINE)
# A WeChat forward's speaker in brackets before the message: "[Ahmed Mostafa] Hello my friend, I need …" (a full name,
# not "[WhatsApp]" or "[Image]")
_BRACKETED_SPEAKER_RE = re.compile(r"^[ \t]*\[(?P<who>(?-i:[A-ZА-ЯЁ])[\w'’-]+(?:[ \t]+(?-i:[A-ZА-ЯЁ])[\w'’-]+){1,2})\]"
                                   r"[ \t]+(?=\S)", re.MULTILINE)
_BRACKET_TAG_RE = re.compile(r"(?<![^\W\d_])(?:voice|note|sender|external|ads?|account|photo|image|video|audio|"
                             r"sticker|forwarded|message|file|document|link|location|contact|system)(?![^\W\d_])",
                             re.IGNORECASE)
# "pregunta por Antonio", "ask for Mr Osei", "my name faisal", "sy Yusuf dr PT …": a name follows.
_ASK_FOR_RE = re.compile(
    r"(?<![^\W\d_])(?:pregunt(?:a|ar|e|en)\s+por|preguntar\s+por|ask\s+for|falar?\s+com\s+(?:o|a)|"
    r"fala\s+com\s+(?:o|a)|chiedere\s+di|chiedi\s+di|demandez|my\s+name|sy|aku|"
    r"gọi(?:\s+cho)?\s+(?:em|anh|chị|mình))[ \t]+(?P<rest>[^\n]+)",  # Vietnamese "call (me) Hùng"
    re.IGNORECASE,
)
# Korean "이성호 차장입니다" (I am Lee Seong-ho, deputy manager), Japanese "田中です" / "田中と申します".
_KOREAN_RE = re.compile(
    r"(?<![가-힣])(?P<name>[가-힣]{2,4})[ \t]*(?:(?:차장|부장|과장|대리|팀장|실장|이사|대표|사원|주임|매니저)[ \t]*)?"
    r"(?:입니다|이에요|예요)"
)
_JAPANESE_RE = re.compile(r"(?:の|、|。|^)(?P<name>[\u4e00-\u9fff]{1,4})(?:と申します|です)", re.MULTILINE)
_WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")
_UNCASED_RE = re.compile(r"[\u0600-\u06ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_PLACE_CUT_RE = re.compile(r"\s*(?:,|\s[-–—]\s|[-–—/|])\s*")


def casual_name_candidates(text: str, phone: str | None = None) -> Iterator[str]:
    """Casual names in the order of trust: a platform lead line, a chat export speaker, "ask for X", the name
    on the customer's number line or the line beside it, a closing with a lower-case name, Korean/Japanese."""
    for head in (_PLATFORM_HEAD_RE.search(text), _PLATFORM_FROM_RE.search(text), _ACCOUNT_HEAD_RE.search(text)):
        if head and (name := _plausible(head.group("who"))) and not (
                head.re is _PLATFORM_FROM_RE and _written_small(name, text)):
            yield name
    for match in _EXPORT_SPEAKER_RE.finditer(text):
        if name := _plausible(match.group("who")):
            yield name
    for match in _BRACKETED_SPEAKER_RE.finditer(text):  # not "[Voice Note]", "[External Sender]"
        if not _BRACKET_TAG_RE.search(match.group("who")) and (name := _plausible(match.group("who"))):
            yield name
    if name := _first_speaker(text):
        yield name
    for match in _INTRO_OF_FIRM_RE.finditer(text):
        firm = match.group("firm")
        if (_is_business(firm) or LEGAL_RE.search(firm)) and (name := _plausible(match.group("who"))):
            yield name
    for match in _ASK_FOR_RE.finditer(text):
        if name := _leading(match.group("rest"), lower_ok=match.group().casefold().startswith("my")):
            yield name
    yield from _beside_numbers(text, phone)
    for match in _CLOSING_LINE_RE.finditer(text):
        if name := _plausible(match.group("name"), lower_ok=True):
            yield name
    for match in _SIGNED_IN_LINE_RE.finditer(text):
        if name := _plausible(match.group("name")):
            yield name
    for regex in (_KOREAN_RE, _JAPANESE_RE):
        for match in regex.finditer(text):
            if name := _plausible(match.group("name")):
                yield name


# A forwarder's note that says the text below is a chat: "转发自Telegram", "TG上的客户", "Telegram, @x", "Viber客户".
_CHAT_NOTE_RE = re.compile(
    r"(?<![a-z])(?:telegram|tg|whats\s?app|wa|viber|instagram|ig|facebook|messenger|wechat|line|zalo|signal)"
    r"(?![a-z])|微信|电报", re.IGNORECASE,  # Latin boundaries only: "TG上的客户", "转发自Telegram"
)
# The chat's first speaker: "Айбек:" on a line of its own, or "Марат: Здравствуйте, …".
_SPEAKER_RE = re.compile(r"^[ \t]*(?P<who>[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*){0,2})[ \t]*[:：](?:[ \t]|$)")


def _first_speaker(text: str) -> str | None:
    """The speaker of a forwarded chat: a note line naming the chat app, then "Name:" opening the first message
    ("TG上的客户" / "Айбек:" / "салам. нужна …"). Without such a note a "Word:" line is as likely a form's label."""
    lines = [line for line in text.splitlines() if line.strip()][:2]
    if len(lines) < 2 or not _CHAT_NOTE_RE.search(lines[0]) or len(lines[0]) > 60:
        return None
    match = _SPEAKER_RE.match(lines[1])
    return _plausible(match.group("who")) if match else None


def settle_name(
    text: str, name: str | None, company: str | None, own: Iterable[str] = (), phone: str | None = None
) -> tuple[str | None, str | None]:
    """The name (and company) the finders chose, tidied; a casual name when they found none."""
    ours = {n.casefold() for n in own}
    if name:
        name = _CLOSING_LEAD_RE.sub("", name) or name
        name, company = _company_split(text, name, company)
        return name, company
    if company:
        split = _company_split(text, company, None)
        if split[1]:
            return split
    found = next((n for n in casual_name_candidates(text, phone) if n.casefold() not in ours), None)
    return found, company


def _company_split(text: str, name: str, company: str | None) -> tuple[str, str | None]:
    """"Fábio da Agropecuária Santa Luzia" introduced by "aqui é o" is Fábio of that firm; "Maria da Silva"
    stays whole: what follows the particle must name a business (a company word or a legal form)."""
    match = re.match(r"(?P<who>(?:[^\W\d_][\w'-]*[ \t]+){0,3}[^\W\d_][\w'-]*)[ \t]+(?:da|do|de|from|of)[ \t]+"
                     r"(?P<firm>[^\W\d_][^\n]*)$", name)
    if not match or not _introduced(text, match.group("who")):
        return name, company
    firm = match.group("firm").strip(" ,.")
    if not (_is_business(firm) or LEGAL_RE.search(firm)) or not _plausible(match.group("who")):
        return name, company
    return match.group("who"), company or firm


_INTRO = r"(?:aqui\s+é|aqu[ií]\s+habla|habla|soy|sou|this\s+is|i\s+am|i'm|c'est|je\s+suis)\s+(?:[oa]\s+|el\s+|la\s+)?"
# "aqui é a Carla da Farmácia Boa Vida": a first name, a particle, then the firm.
_INTRO_OF_FIRM_RE = re.compile(
    rf"(?<![^\W\d_]){_INTRO}(?P<who>[^\W\d_][\w'-]*(?:[ \t]+[^\W\d_][\w'-]*){{0,2}}?)[ \t]+(?:da|do|de|from|of)[ \t]+"
    r"(?P<firm>[^\W\d_][^\n,.]*)",
    re.IGNORECASE,
)


def _introduced(text: str, who: str) -> bool:
    return re.search(_INTRO + re.escape(who), text, re.IGNORECASE) is not None


# Trade words that open a firm's name without a legal form in Portuguese and Spanish chats.
_TRADE_RE = re.compile(
    r"^(?:agropecu[aá]ria|agroveterin[aá]ria|farm[aá]cia|frigor[ií]fico|padaria|panader[ií]a|ferreter[ií]a|"
    r"ferragens|distribuidora|comercial|ind[uú]stria|laborat[oó]rio|cl[ií]nica|hospital|granja|fazenda|"
    r"hacienda|vinícola|bodega|cervecer[ií]a|cervejaria|latic[ií]nios|cooperativa|f[aá]brica|taller)(?![^\W\d_])",
    re.IGNORECASE,
)


def _is_business(firm: str) -> bool:
    return bool(_TRADE_RE.match(firm) or COMPANY_WORD_RE.search(firm))


def _beside_numbers(text: str, phone: str | None) -> Iterator[str]:
    """A name on the line of a number ("Hakan 0 533 712 44 08", "WA 0813 … - Agus", "sđt … (Thảo)"), else on a
    short line right above or below it ("Pablo" / "+56 9 …", "… / chidi, lagos"). The customer's own number's
    line first: a brother's or accountant's comes later."""
    lines = text.splitlines()
    numbered = [i for i, line in enumerate(lines) if _NUMBER_RE.search(line)]
    tail = re.sub(r"\D", "", phone or "")[-7:]
    numbered.sort(key=lambda i: not tail or tail not in re.sub(r"\D", "", lines[i]))
    for index in numbered:
        rest = _NUMBER_RE.sub(" ", lines[index])
        if name := _plausible(rest):
            yield name
            continue
        if name := _signed_in_line(lines[index], tail):
            yield name
            continue
        if _has_words(rest):
            continue  # a sentence with a number in it ("talk to our agent … 0733 …"): nothing beside it is signed
        # Above the number only a capitalised name; below it also "chidi, lagos" (the body is above, in lower case).
        for other, lower_ok in ((index - 1, False), (index + 1, True)):
            if 0 <= other < len(lines) and other not in numbered and (name := _name_line(lines[other], lower_ok)):
                yield name
                break


# Where a sentence ends inside a line: ". ", "! ", "? ", "。" (a chat message typed as one line).
_SENTENCE_CUT_RE = re.compile(r"(?<=[.!?。！？])[ \t]+|(?<=[。！？])")


def _signed_in_line(line: str, tail: str = "") -> str | None:
    """A name signed at the end of a one-line chat message, as a sentence of its own right before the number
    or right after it: "… kargo Bursa'ya. Murat 0533 …", "… у Львів. Олена, 067 …", "WA 0812 … (Dewi).". A
    sentence with other words around the number ("call me at 0533 …") signs nothing."""
    for match in _NUMBER_RE.finditer(line):  # the phone, wherever it is: "bis 100.000 mPa·s … 0151 … Gruß Jonas"
        digits = re.sub(r"\D", "", match.group())
        if tail not in digits or len(digits) < 7:
            continue  # a model or order number ("modelo 4411-2290. Entrega Inmediata") signs nothing
        before = _SENTENCE_CUT_RE.split(line[: match.start()])[-1]
        after = _SENTENCE_CUT_RE.split(line[match.end() :].lstrip(" \t.!?。！？"))[0]  # "… 6789. Gruß Jonas"
        for side in (before, after):
            clause = side.strip(" \t,;:-–—")
            if clause and (name := _plausible(clause)):
                return name
    return None


def _has_words(rest: str) -> bool:
    return any(w.casefold() not in _NOT_NAMES for w in _WORD_RE.findall(rest))


def _name_line(line: str, lower_ok: bool) -> str | None:
    """A short line that is only a name, or a name and a place: "Pablo", "خالد الشمري – حائل", "chidi, lagos"."""
    parts = [p for p in _PLACE_CUT_RE.split(line.strip()) if p]
    if not 1 <= len(parts) <= 2:
        return None
    placed = len(parts) == 2 and _is_place(parts[1])
    if len(parts) == 2 and not placed:
        return None
    return _plausible(parts[0], lower_ok=placed and lower_ok)


def _is_place(part: str) -> bool:
    """A city, a country or a nationality ("My Omani number +968 …")."""
    cased = part.strip()[:1].upper() + part.strip()[1:]
    return bool(city_mentions(cased) or find_country_in_text(cased) or is_demonym(cased))


def _leading(rest: str, lower_ok: bool) -> str | None:
    """The name at the start of `rest`: up to three name words, stopping at a comma or a lower-case word."""
    head = re.split(r"[,;:()\n]|\s[-–—]\s", rest, maxsplit=1)[0]
    words: list[str] = []
    for word in HONORIFIC_RE.sub("", head.strip()).split():
        if not (word[:1].isupper() or _UNCASED_RE.match(word) or lower_ok) or len(words) == 3:
            break
        words.append(word)
    return _plausible(" ".join(words), lower_ok=lower_ok) if words else None


# A form of address written after the first name: Turkish "Hakan Bey", Uzbek "Dilshod aka", Hindi "Rahul ji".
_POST_TITLES = frozenset({"bey", "hanım", "hanim", "aka", "opa", "ji", "bhai", "bhaiya", "sahib", "sb", "jan"})
_THAI_WORD_RE = re.compile(r"[\u0e01-\u0e4e]+")  # Thai vowel and tone marks are no \w


def _plausible(raw: str, lower_ok: bool = False) -> str | None:
    """`raw` as a person's name: one to three words (four with particles), none a greeting, label, closing, job,
    product, place or company word; capitalised unless `lower_ok` or written in a script without case."""
    text = HONORIFIC_RE.sub("", " ".join(raw.replace("(", " ").replace(")", " ").split()).strip(" -–—/|,.:;!?"))
    khun = THAI_KHUN_RE.match(text)
    text = THAI_KHUN_RE.sub("", text)
    # "Em Tuấn, sđt": a label after the comma is no part of the name
    words = [w.rstrip(",;") for w in text.split()]
    if len(words) > 1 and _is_place(" ".join(words)):
        return None  # "Buenos Aires" is no "Aires" once "buenos" (a greeting's word) goes
    words = words[:1] + [w for w in words[1:] if w.casefold() not in _POST_TITLES]  # "Dilshod aka, tel"
    words = [w for w in words if w.casefold() not in _NOT_NAMES or w.casefold() in PARTICLES]
    if not words or len([w for w in words if w.casefold() not in PARTICLES]) > 3 or len(words) > 4:
        return None
    if any(_THAI_WORD_RE.fullmatch(w) for w in words) and not khun:
        return None  # a Thai word is a name only after "Khun" ("ด่วนมาก" beside a number is "very urgent")
    if any(not (_WORD_RE.fullmatch(w) or _THAI_WORD_RE.fullmatch(w))
           or w.casefold().strip(".") in TITLE_WORDS | JOB_WORDS | THING_WORDS
           for w in words):
        return None
    if words[0].casefold() in PARTICLES or words[-1].casefold() in PARTICLES:
        return None
    name = " ".join(words)
    uncased = bool(_UNCASED_RE.match(name))
    if uncased and re.search(r"[\u3400-\u9fff\uac00-\ud7af]", name) and not 1 <= len(name) <= 5:
        return None
    if HAN_RE.match(name) and len(name) >= 4 and name[0] not in SURNAMES:
        return None  # a long Chinese name starts with a surname: "最好联系" ("best contacted") is none
    if not uncased and not lower_ok and not all(w[:1].isupper() or w.casefold() in PARTICLES for w in words):
        return None
    if not uncased and not lower_ok and name.isupper() and len(name) <= 3:
        return None  # "WA", "TM", "IG"
    if LEGAL_RE.search(name) or COMPANY_WORD_RE.search(name) or _is_place(name) or is_closing_phrase(name):
        return None
    return name
