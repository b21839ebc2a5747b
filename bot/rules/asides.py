"""Contacts given in passing for someone else: "el contacto técnico es el Sr. Patricio Muñoz (pmunoz@…, +56 9 …)",
"Referral from our distributor in Botswana (Kgosi Lab Supplies, +267 71 234 567)".

A number or address inside brackets, right after a name (or after a name inside the brackets), on a line of
prose, belongs to the third party the sentence talks about. The writer's own contacts stand on their own lines
(a signature, "Tel: …", "Her cell: …"). Such an aside is the customer's only when nothing else is there.
"""

from __future__ import annotations

import re

from bot.rules.name_words import CLOSING_RE
from bot.rules.referrals import FOR_INFORMATION_RE, SECOND_CONTACT_RE, TITLE_RE, points_elsewhere

_WORD_RE = re.compile(r"[^\W\d_]{2,}")  # a word of two letters or more
_PROSE_WORDS = 6  # words outside the brackets that make a line a sentence rather than a contact line


# Whoever carries or clears the goods: their contacts come with the shipping instructions, never as the buyer's.
_AGENT_RE = re.compile(
    r"\b(?:forwarder|forwarding|freight|clearing\s+agent|shipping\s+agent|customs\s+(?:agent|broker)|consignee|"
    r"notify\s+party|agentes?\s+de\s+(?:cargas?|aduanas?)|agente\s+aduanal|cargo\s+agent|"
    # "nuestra agencia de aduanas (solo para el despacho): …" (not a customs agency that is itself the buyer)
    r"(?:nuestr[ao]s?|vuestr[ao]s?|su|sus|la|por\s+medio\s+de\s+la|v[ií]a|con\s+la)\s+agencias?\s+(?:de\s+)?aduan\w+|"
    r"logistics\s+(?:agent|partner|provider)|despachante|transitaire|commissionnaire|spedizioniere|spedition|"
    r"spediteur\w*|transitario|экспедитор\w*|експедитор\w*|spedytor\w*|speditér\w*|fowarder|فورواردر|таможенн\w+\s+брокер\w*|nakliyeci|gümrük\s+müşaviri|custom\s+house\s+agent|"
    r"(?-i:CHA))\b|货代|货运代理|物流公司",
    re.IGNORECASE,
)


def is_aside(text: str, start: int, end: int) -> bool:
    """True when text[start:end] (an e-mail address or a phone number) is a third party's contact in passing."""
    if text[start : start + 1] == "(" and ")" not in text[start:end]:
        start += 1  # "(959 112 487)" was matched with its opening bracket
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if (_for_the_agent(text, line_start, line) or _second_contact(text, line_start, line)
            or _wrapped_from_the_agent(text, line_start, start)):
        return True
    copied = _COPIED_RE.search(line, 0, start - line_start)
    if (copied and "(" in line[max(0, copied.start() - 1) : start - line_start] and not _COPY_HEADER_RE.match(line)
            and not _TO_THEM_RE.search(line, end - line_start)):
        # "Kindly send the quotation to me directly, copying the MD (md@…)": only a copy goes there (not "I am copying
        # our procurement officer Grace (grace@…) – please send the quotation to her")
        return True
    if FOR_INFORMATION_RE.search(line, 0, start - line_start):
        return True  # "Kontaktdaten des Kunden nur zur Info: Herr Pichler, +43 …"
    if _ONLY_FOR_RE.match(text, end) or _ONLY_TECHNICAL_RE.match(text, end):
        return True  # "Tel. 0151 12345678 (nur für die Anlieferung)": a number for the delivery, not the buyer's
    at, until = start - line_start, end - line_start
    if _words(line[:at] + line[until:]) >= _PROSE_WORDS and points_elsewhere(line, at):
        return True  # "for technical questions call my colleague Anna Berg, 070 …"
    return _in_brackets_for_someone(line, at, until)


# A contact in brackets given for a copy in a sentence ("copying the MD (md@…)", "our metallurgist Sipho (cc, 072 …)"),
# not the writer's own ("con copia a mi casilla …"), nor a mail header's "Cc:" line, nor a bare "copy to sales@…" (the
# only place a quote can go when the writer gives no other).
_COPIED_RE = re.compile(
    r"(?<![^\W\d_])(?:copying|cc(?:['’]?ing)?|in\s+copy|copy\s+to|en\s+copie\s+[àa]|con\s+copia\s+al?|"
    r"com\s+c[oó]pia\s+para|in\s+Kopie\s+an|в\s+копии)(?![^\W\d_])(?![ \t]+(?:mi|my|me|mich|moi|mim)\b)[^.\n@]{0,40}$",
    re.IGNORECASE,
)
# A bracket right after a contact that gives it for something besides buying only: "(nur für die Anlieferung)",
# "(for deliveries only)", "(solo para la entrega)", "(uniquement pour la facturation)".
_PURPOSE = (r"(?:for|für|zur|para|pour|per|для|dla)[ \t]+(?:[^\W\d_]{3,15}[ \t]+)?"  # "para coordinar la entrega"
            r"(?:(?:the|die|den|der|des|la|el|le|les|a|as)[ \t]+)?"
            r"(?:deliver\w*|anliefer\w*|liefer\w*|zustell\w*|entreg\w*|livraison\w*|доставк\w*|dostaw\w*|invoic\w*|"
            r"factur\w*|rechnung\w*|payments?|zahlung\w*|pagos?|paiements?|оплат\w*)")
_ONLY_FOR_RE = re.compile(
    rf"[ \t]*[(（][^()（）\n]{{0,30}}?(?<![^\W\d_])(?:(?:only|nur|solo|sólo|uniquement|seulement|apenas|somente|только|"
    rf"tylko)[ \t]+{_PURPOSE}|{_PURPOSE}[ \t]+(?:only|uniquement|seulement))[ \t]*[)）,;]",
    re.IGNORECASE,
)
# after the number, a use it is kept to: "Prof. Asante can be reached on 020 … for technical clarifications only"
_ONLY_TECHNICAL_RE = re.compile(
    r"[ \t]*,?[ \t]*(?:for|para|pour)[ \t]+(?:technical|t[ée]cnic[oa]s?|techniques?)[ \t]+"
    r"(?:clarifications?|questions|queries|matters|issues|consultas|dudas)[ \t]+(?:only|solamente|únicamente|"
    r"uniquement)|[ \t]*,?[ \t]*(?:only|solo|sólo|uniquement)[ \t]+for[ \t]+technical[ \t]+\w+",
    re.IGNORECASE,
)
_TO_THEM_RE = re.compile(
    r"(?<![^\W\d_])(?:to|a|à|an|para)[ \t]+(?:her|him|them|ella|él|ellos|elle|lui|eux|ihn|sie|ela|ele)(?![^\W\d_])",
    re.IGNORECASE,
)
_COPY_HEADER_RE = re.compile(r"[ \t>]*(?:cc|bcc|copy|kopie|copia|cópia|копия)[ \t]*:", re.IGNORECASE)


def _in_brackets_for_someone(line: str, at: int, until: int) -> bool:
    """"… el Sr. Patricio Muñoz (pmunoz@…)" or "(dott.ssa Rosaria Lombardo, 095 …)" in a sentence of prose."""
    opening = max(line.rfind("(", 0, at), line.rfind("（", 0, at))
    closing = min((i for i in (line.find(")", until), line.find("）", until)) if i >= 0), default=-1)
    if opening < 0 or closing < 0 or line.find(")", opening, at) >= 0 or line.find("）", opening, at) >= 0:
        return False  # not inside one pair of brackets ("Tel: (11) 98765-4321" has the number outside them)
    outside = line[:opening] + line[closing + 1 :]
    if len(_WORD_RE.findall(outside)) < _PROSE_WORDS:
        return False  # "Contact: Ana Costa (ana@…)" is a contact line, not a sentence
    inside_before = TITLE_RE.sub(" ", line[opening + 1 : at]).strip(" ,;:/")  # a title before the name is skipped
    before = _WORD_RE.findall(line[:opening])
    if len(before) >= 4 and before[-2] in _PLACE_PARTICLES:
        before = before[:-2]  # "el ing. Raúl Tapia de Arequipa (…)": the name comes before where they are
    return (_names_someone(before[-2:]) or _names_someone(_WORD_RE.findall(inside_before)[:2])
            or _CASELESS_TITLE_RE.search(line[:opening]) is not None)


# Scripts without capitals mark a person by the title or honorific after the name: "김민수 대리(", "佐藤さん（".
_CASELESS_TITLE_RE = re.compile(
    r"[\uac00-\ud7af\u3040-\u30ff\u3400-\u9fff][ \t]*(?:대리|과장|차장|부장|팀장|실장|사장|이사|상무|전무|대표|님|씨|"
    r"さん|様|氏|部長|課長|係長|経理|经理|总监|先生|女士|小姐)[ \t]*$"
)


_PLACE_PARTICLES = frozenset({"de", "da", "do", "from", "of", "in", "en", "em", "aus", "von", "di", "из"})


def _second_contact(text: str, line_start: int, line: str) -> bool:
    """A line labelled as another person's ("Second contact: …", "Contacto técnico: …"), or the line after
    such a label standing alone."""
    if SECOND_CONTACT_RE.match(line):
        return True
    previous = text[text.rfind("\n", 0, max(line_start - 1, 0)) + 1 : max(line_start - 1, 0)]
    return SECOND_CONTACT_RE.fullmatch(previous.strip().rstrip(":：") + ":") is not None


def _words(text: str) -> int:
    """Words in a line; Chinese and Japanese, written without spaces, count a word for every two characters."""
    return len(_WORD_RE.findall(_CJK_RE.sub("", text))) + len(_CJK_RE.findall(text)) // 2


_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def _names_someone(words: list[str]) -> bool:
    """Two capitalised words in a row are a person's or a company's name: "Sr. Patricio Muñoz (", "Mr. Dawit
    Bekele (", "(Kgosi Lab Supplies, +267 …)" name someone; "on WhatsApp (" and "(mobile +55 …)" do not."""
    return len(words) == 2 and all(word[0].isupper() for word in words)


def _for_the_agent(text: str, line_start: int, line: str) -> bool:
    """A forwarder's or customs agent's line: "Ship through our clearing agent: Ace Cargo Ltd, tel …", the line
    after one that ends in a colon ("… our clearing agent in Lagos:" / "Ace Cargo Ltd, tel …"), or a contact line
    of the agent's block under it ("Ace Cargo Ltd – Mr. Bello" / "Tel: …"), up to a line of prose or a blank one."""
    if _AGENT_RE.search(line):
        return True
    for _ in range(_AGENT_BLOCK_LINES):
        if line_start == 0:
            return False
        previous_end = line_start - 1
        line_start = text.rfind("\n", 0, previous_end) + 1
        previous = text[line_start:previous_end].rstrip()
        if previous.endswith((":", "：")) and _AGENT_RE.search(previous):
            return True
        if not (_contact_line(line) and _contact_line(previous)):
            return False
        if _AGENT_RE.search(previous):
            return True  # "Swift Cargo Ltd (forwarder)" / "Tel: …"
        line = previous
    return False


def _wrapped_from_the_agent(text: str, line_start: int, at: int) -> bool:
    """A hard-wrapped sentence about a forwarder or customs agent that goes on to the contact on the next line ("o
    contato do nosso despachante é: Marcelo Tavares – Rápido Comex Despachos" / "Aduaneiros, marcelo@…")."""
    if line_start == 0 or _SENTENCE_END_RE.search(text, line_start, at):
        return False
    previous = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1].rstrip()
    if not previous or not previous[-1].isalpha() or _FIELD_LABEL_RE.match(text, line_start):
        return False  # a sentence's end, the agent's number already given, or a form's next field ("Email: …")
    sentence = _SENTENCE_END_RE.split(previous)[-1]  # (not chat lines: "ship to our CHA … 98200 45671" / "I am …")
    wrapped = sentence + " " + text[line_start:at]
    return (_AGENT_RE.search(sentence) is not None and _CONTACT_WORD_RE.search(sentence) is not None
            and not re.search(r"\d{3}|@", sentence) and not _FIRST_PERSON_RE.search(wrapped))


_FIELD_LABEL_RE = re.compile(r"[ \t]*[^\W\d_][^\n:：]{0,30}[:：]")
# the agent's contact is what the sentence gives ("o contato do nosso despachante é: …"), not the writer's own ("our
# freight forwarder, so please … call me on" / "+44 …")
_CONTACT_WORD_RE = re.compile(
    r"(?<![^\W\d_])(?:conta[ck]?t\w*|контакт\w*|kontakt\w*|coordonnées)(?![^\W\d_])", re.IGNORECASE)
_FIRST_PERSON_RE = re.compile(r"(?<![^\W\d_])(?:me|my|mine|мне|мой|мою|moi|mon|mi|mí|mich|mir|mein\w*|meu|minha)"
                              r"(?![^\W\d_])", re.IGNORECASE)


_AGENT_BLOCK_LINES = 3
_ADDRESS_RE = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")


def _contact_line(line: str) -> bool:
    """A name, company, phone or address line, not a sentence: few words in lower case, no closing stop."""
    bare = _ADDRESS_RE.sub(" ", line).strip()
    stopped = bare.endswith((".", "!", "?")) and not bare.endswith(("Ltd.", "Co.", "Inc."))
    if not bare or stopped or CLOSING_RE.match(bare):
        return False
    lower = [w for w in _WORD_RE.findall(bare) if w[0].islower() and len(w) > 2]
    return len(lower) <= 1


def without_agents(text: str) -> str:
    """The text with a forwarder's or customs agent's lines blanked (line breaks kept), for finding the buyer."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    kept = (_before_the_agent(line) if _for_the_agent(text, start, line) else line
            for start, line in zip(starts, lines, strict=True))
    return "\n".join(kept)


_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[ \t]+(?=\S)")


def _before_the_agent(line: str) -> str:
    """The sentences of a line before the one that names the agent: "Hi, Femi here from Ikoyi Labs Ltd. Ship via
    our forwarder Swift Cargo." keeps the buyer's introduction."""
    match = _AGENT_RE.search(line)
    if not match:
        return ""
    starts = [m.end() for m in _SENTENCE_END_RE.finditer(line, 0, match.start())]
    return line[: starts[-1]].rstrip() if starts else ""
