"""Sentences that point to someone other than the writer: "for technical questions call my colleague Anna Berg,
+46 70 …", "xin liên hệ anh Lê Văn Nam – 09…", "quem acompanha a importação é o Sr. Paulo Reis, fone …".

A number or address that follows such a pointer in the same sentence of prose is that person's, not the
writer's. The writer's own ("I am Dr. Hoang, my mobile …") stays theirs: a self-introduction before the
pointer, or "my"/"meu"/"của tôi" after it, keeps the contact with the writer.
"""

from __future__ import annotations

import re

from bot.rules.name_words import PARTICLES

__all__ = ["FOR_INFORMATION_RE", "ON_BEHALF_OF", "SECOND_CONTACT_RE", "TITLE_RE", "points_elsewhere"]

# A contact given "for information only": an end user's, named by a dealer who wants the quote for itself.
FOR_INFORMATION_RE = re.compile(
    # (not a tender's "For clarification(s) (please) contact: …", its own contact for questions)
    r"(?<![^\W\d_])(?:for\s+(?:your\s+)?(?:information|reference|records)(?:\s+only)?|"
    # (but "For clarifications, contact the end user: …" passes the end user's contact on for information)
    r"for\s+(?:your\s+)?clarifications?(?:\s+only)?(?![ \t]*,?[ \t]+(?:please[ \t]+|kindly[ \t]+)?contact"
    r"(?![ \t]+(?:the[ \t]+)?(?:end[- ]?users?|customers?|clients?|buyers?|user)(?![^\W\d_])))|FYI|"
    r"nur\s+zur\s+Info\w*|zu\s+Ihrer\s+Information|pour\s+information|"
    r"à\s+titre\s+(?:d['’]information|indicatif)|solo\s+(?:para|como)\s+(?:información|referencia)|"
    r"apenas\s+para\s+(?:informação|referência)|только\s+для\s+(?:информации|справки))(?![^\W\d_])",
    re.IGNORECASE,
)

# Honorifics and titles put before another person's name. Abbreviations need their dot ("M." is French
# "Monsieur"; "M 06 …" is a Dutch mobile label). Vietnamese and Indonesian forms of address are lower-case words.
TITLE_RE = re.compile(
    r"(?<![^\W\d_])(?:(?:[Dd]ott|[Pp]rof)\.ssa\.?|Sig\.ra\.?|(?:Mrs|Mr|Ms|Mx|Dr|Sra|Srta|Sres|Sr|Dña|Sigg|Sig|[Dd]ott|"
    r"[Ii]ng|Engr|Eng|[Pp]rof|Hr|Fr|Dhr|Mevr|Mw|Mme|Mlle|M|г-н|г-жа)\.|"
    # Spanish "Don" before a first name and a surname ("D. Javier Martínez Soler"; not an initial, "D. Müller")
    # (not after a word: "Juan D. Pérez Gómez" has a middle initial)
    r"(?<![^\W\d_][ \t])D\.(?=[ \t]+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+[ \t]+[A-ZÁÉÍÓÚÑ])|"
    r"Mr|Mrs|Ms|Miss|Sr|Sra|Srta|Herr|Frau|Mme|Mlle|Dhr|Mevrouw|Signor|Signora|Señor|Señora|Senhor|Senhora|"
    r"Pani|господин|госпожа|anh|chị|ông|bà|Pak|Bapak|Ibu|Bu|Encik|Puan|Khun|"
    r"السيد|السيدة|الأستاذ|الأستاذة|المهندس|المهندسة|الدكتور|الدكتورة|คุณ)(?![^\W\d_])",
)
# A label for someone besides the writer: "Second contact:", "Contacto técnico:", "Zweiter Ansprechpartner:",
# and the copy lines of an e-mail ("Cc:", "in copia:").
SECOND_CONTACT_RE = re.compile(
    r"[ \t>*•·-]*(?:(?:second(?:ary)?|2nd|alternative|alternate|other|additional|backup|technical|deputy)\s+"
    r"contact(?:\s+person)?|contact\s+(?:2|#2|no\.?\s*2)|(?:segundo|otro|outro)\s+conta[ck]to|"
    r"conta[ck]to\s+(?:técnico|tecnico|alternativo|secundario|secundário|adicional)|deuxième\s+contact|"
    r"(?:contact|interlocuteur)\s+technique|autre\s+contact|(?:zweite[rn]?|weitere[rn]?)\s+Ansprechpartner\w*|"
    r"Ansprechpartner\s+Technik|secondo\s+(?:contatto|referente)|(?:referente|contatto)\s+tecnico|"
    r"(?:второ\w*|дополнительн\w*|технич\w*)\s+контакт\w*|người\s+liên\s+hệ\s+(?:thứ\s+hai|kỹ\s+thuật)|"
    r"kontak\s+(?:kedua|lain|teknis)|ikinci\s+(?:irtibat|iletişim)\w*|第二联系人|备用联系人|技术联系人|"
    # a tender's "Technical queries: Eng. …" beside the officer who signs: whom to ask, not whom to quote
    r"(?:for\s+)?technical\s+(?:queries|questions|enquiries|inquiries|matters|clarifications?)|"
    r"(?:по|для)\s+технических\s+вопрос\w*|по\s+техническим\s+вопросам|consultas?\s+técnicas?|dúvidas?\s+técnicas?|"
    r"questions?\s+techniques?|technische\s+fragen|(?:لل)?استفسارات\s+الفنية"
    r"|c\.?c\.?|bcc|copy(?:\s+to)?|en\s+copie|in\s+copia|con\s+copia|com\s+cópia|kopie|копия|抄送)"
    r"[ \t]*(?:\([^)\n]{0,30}\))?[ \t]*[:：–-]",
    re.IGNORECASE,
)
# A colleague, an assistant or a secretariat the writer sends us to.
_ROLE_RE = re.compile(
    r"(?<![^\W\d_])(?:colleagues?|coworkers?|co-workers?|collègues?|Kolleg(?:e|in|en)|colleghi|collega|colegas?|"
    r"compañer[oa]s?|companheir[oa]s?|коллег\w*|đồng\s+nghiệp|meslektaş\w*|rekan(?:\s+kerja)?|"
    r"assistants?|assistente|asistente|Assistentin|secretary|secretaria|secretária|secrétaire|segretari[oa]|"
    r"segreteria|secretaría|Sekretariat|Sekretär(?:in)?|secretariat|sekretaris|секретар\w*|"
    r"помощник\w*|trợ\s+lý|thư\s+ký|مساعد\w*|سكرتير\w*|زميل\w*)(?![^\W\d_])|同事|秘书|助理",
    re.IGNORECASE,
)
# "contact", "call", "liên hệ", "falar com", "wenden Sie sich an" ... followed by someone's name.
_VERB_RE = re.compile(
    r"(?<![^\W\d_])(?:contact|call|ring|phone|write\s+to|reach|e-?mail|speak\s+(?:to|with)|talk\s+to|liên\s+hệ|gọi(?:\s+cho)?|"
    r"comunicarse\s+con|contactar(?:\s+(?:a|con))?|llamar\s+a|escribir\s+a|contatar|falar\s+com|ligar\s+para|"
    r"kontaktieren|anrufen|wenden\s+Sie\s+sich(?:\s+bitte)?\s+an|contattare|chiamare|rivolgersi\s+a|contacter|appeler|écrire\s+à|s'adresser\s+à|"
    r"связаться\s+с|связыва\w+(?:\s+напрямую)?\s+с|звонить|обращаться\s+к|hubungi|menghubungi|arayın)(?![^\W\d_])\s+",
    re.IGNORECASE,
)
# The writer introducing themselves: a title right after it is their own ("I am Dr. Lima").
_SELF_INTRO_RE = re.compile(
    r"(?<![^\W\d_])(?:I\s+am|I'm|my\s+name\s+is|this\s+is|here\s+is|sou|soy|je\s+suis|ich\s+bin|tôi\s+là|em\s+là|"
    r"me\s+llamo|mi\s+chiamo|sono|меня\s+зовут|saya|nama\s+saya|benim\s+adım|je\s+m'appelle|escribe|writes|"
    r"dear|hi|hello|olá|oi|hola|estimad[oa]s?|prezad[oa]s?|car[oa]|gentil[ei]|sehr\s+geehrte[rn]?|liebe[r]?|"
    r"cher|chère|bonjour|kính\s+gửi|chào|уважаем\w*|здравствуйте|attn|attention|good\s+(?:morning|afternoon|evening|day)|"
    r"greetings|buen[oa]s\s+(?:días|dias|tardes|noches)|bom\s+dia|boa\s+(?:tarde|noite)|buongiorno|buonasera|"
    r"guten\s+(?:tag|morgen)|salam\w*|assalamu?\s+alaikum|السلام\s+عليكم|مرحبا|selamat\s+\w+|merhaba|"
    r"добрый\s+(?:день|вечер)|доброе\s+утро|le\s+saluda|les\s+saluda)(?![^\W\d_])|你好|您好",
    re.IGNORECASE,
)
# The writer's own contact after the pointer: "…, but my mobile is …".
_MINE_RE = re.compile(
    r"(?<![^\W\d_])(?:my|me|mine|meu|minha|mi|mío|mía|mon|ma|mein\w*|mio|mia|мой|моя|мне|của\s+tôi|saya|"
    r"benim)(?![^\W\d_])|我(?!们)",
    re.IGNORECASE,
)
# A title written after the name: Turkish "Ahmet Bey", "Ayşe Hanım'a"; Chinese "刘先生", "陈经理".
_POST_TITLE_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]+\s+(?:Bey|Hanım|Hanim)(?:['’]\w+)?(?![^\W\d_])|"
                            r"[\u4e00-\u9fff](?:先生|女士|小姐|经理|老师)")
_FIRST_PERSON_RE = re.compile(r"(?:me|us|mich|uns|moi|nous|nos|mí|mim|мне|нам|мной|нами|tôi|chúng\s+tôi|saya|kami|"
                              r"bana|bize)(?![^\W\d_])", re.IGNORECASE)
# "On behalf of" in the languages both readers of it know (`principals` adds Polish and Arabic, this one Vietnamese
# and Turkish).
ON_BEHALF_OF = (
    r"on\s+behalf\s+of|im\s+Auftrag\s+von|en\s+nombre\s+de(?:l)?|a\s+nombre\s+de(?:l)?|"
    # "Les escribo de parte del Dr. X" (not "saludos de parte del Dr. X", "su contacto de parte del Ing. X": from)
    r"(?:escribo|escribimos|comunico|comunicamos|solicito|solicitamos|consulto|consultamos)\s+de\s+parte\s+de(?:l)?|"
    r"em\s+nome\s+d[aeo]|por\s+(?:instrucci[oó]n(?:es)?|encargo)\s+de(?:l)?|по\s+поручению|"
    r"au\s+nom\s+d[eu]|per\s+conto\s+d(?:i|el|ella)|от\s+имени|atas\s+nama"
)
# Whom the writer acts for is the buyer, not a second contact: "on behalf of Dr. Weber, …, his mobile …".
_BEHALF_RE = re.compile(rf"(?<![^\W\d_])(?:{ON_BEHALF_OF}|thay\s+mặt(?:\s+cho)?|adına)\s*$", re.IGNORECASE)
# The signer's own line: "Maria Lopez, Purchasing Assistant, …" names their role, not someone they send us to.
_SIGNER_RE = re.compile(r"\s*(?:[^\W\d_][\w'’.-]*\s+){0,4}[^\W\d_][\w'’.-]*\s*[,|–-]\s*(?:[^\W\d_][\w'’-]*\s+){0,2}")
# A partner of ours or theirs who passed the lead on: "your distributor in Nairobi, Lab Kenya Ltd, +254 …".
_PARTNER_RE = re.compile(
    r"(?<![^\W\d_])(?:your|our|their|vuestro|su|seu|sua|nosso|nossa|nuestro|votre|notre|Ihr\w*|unser\w*|vostro|"
    r"nostro|ваш\w*|наш\w*)\s+(?:local\s+|former\s+|regional\s+)?(?:distributors?|dealers?|agents?|"
    r"representatives?|resellers?|partners?|distribuidor(?:es)?|representantes?|revendeurs?|distributeurs?|"
    r"Händler|Vertreter|rivenditore|distributore|дилер\w*|дистрибьютор\w*|представител\w*)(?![^\W\d_])|"
    # Swahili puts the possessive after the noun: "msambazaji wenu" (your distributor), "wakala wenu" (agent)
    r"(?<![^\W\d_])(?:msambazaji|wasambazaji|wakala|mwakilishi)\s+(?:wenu|wetu|wako|wao)(?![^\W\d_])",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"[。！？]|[.!?](?:\s+(?=[^\W\d_])|$)")
_NAME_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_REACH = 120  # characters from the pointer to the contact


_PARTNER_REACH = 60  # characters from "your distributor in Nairobi," to the partner's name


def names_a_partner(text: str, at: int) -> bool:
    """True when text[at:] starts the name of a partner just pointed to on its line: "via your distributor in
    Nairobi, Labtech Ltd (…)" names who passed the lead on, not the customer."""
    line_start = text.rfind("\n", 0, at) + 1
    before = text[max(line_start, at - _PARTNER_REACH) : at]
    return _PARTNER_RE.search(before) is not None and not _SENTENCE_END_RE.search(before[-_PARTNER_REACH:][-3:])


def points_elsewhere(line: str, at: int) -> bool:
    """True when line[at:] (a number or an address) follows a pointer to another person in its sentence."""
    before = line[:at]
    # A dot after a bracket or a number ends a sentence ("(attention: myself). Prof. Asante …"); when the sentence
    # it leaves points nowhere, the one read across that dot still may ("contact Mr. Ofori (Assay Lab). Direct line
    # …", "an Herrn Dr. Vogel, ab dem 3. März erreichbar unter …").
    for bare_dot_ends in (True, False):
        ends = (m for m in _SENTENCE_END_RE.finditer(before)
                if before[m.start()] != "." or not _abbreviation(before, m.start(), bare_dot_ends))
        start = max((m.end() for m in ends), default=0)
        sentence = before[start:]
        pointer = _last_pointer(sentence)
        if pointer is not None and len(sentence) - pointer <= _REACH:
            return _MINE_RE.search(sentence[pointer:]) is None
    return False


def _last_pointer(sentence: str) -> int | None:
    """Where the last pointer to another person ends, or None. After a label ("Contact person: Mr. Tan, tel …")
    the line is a form field about the writer, not a sentence about someone else."""
    found: list[re.Match[str]] = [m for m in TITLE_RE.finditer(sentence) if _names_another(sentence, m)]
    found += [m for m in _ROLE_RE.finditer(sentence)
              if not _SELF_INTRO_RE.search(sentence[: m.start()]) and not _SIGNER_RE.fullmatch(sentence[: m.start()])]
    found += list(_PARTNER_RE.finditer(sentence))
    found += [m for m in _VERB_RE.finditer(sentence) if _names_after(sentence, m.end())]
    found += [m for m in _POST_TITLE_RE.finditer(sentence) if not m.group()[0].islower()]
    ends = [m.end() for m in found if not _LABEL_COLON_RE.search(sentence, 0, m.start())]
    return max(ends, default=None)


_LABEL_COLON_RE = re.compile(r"[:：]")


def _names_another(sentence: str, title: re.Match[str]) -> bool:
    """A title before a name, inside a sentence that is not the writer's own introduction: not "Prof. Dr. Ana
    Lima, …" opening a signature, not "I am Dr. …", "on behalf of Dr. …" or a degree ("M. Sc.")."""
    opening = sentence[: title.start()]
    degree = re.match(r"\s*[^\W\d_]{1,4}\.", sentence[title.end() :])
    return (_capitalised_after(sentence, title.end()) and not degree and TITLE_RE.sub("", opening).strip(" ,")
            and not _SELF_INTRO_RE.search(opening) and not _BEHALF_RE.search(opening)) is True


def _capitalised_after(text: str, at: int, words: int = 1) -> bool:
    """The next `words` words after `at` start with a capital letter (a name follows)."""
    found = _NAME_WORD_RE.findall(text[at : at + 60])[:words]
    return len(found) == words and all(word[0].isupper() for word in found)


def _names_after(text: str, at: int) -> bool:
    """A name follows a verb, perhaps after a few lower-case words ("our engineer Petrov Igor"), never "me"."""
    if _FIRST_PERSON_RE.match(text, at):
        return False
    clause = _CLAUSE_RE.match(text, at)
    words = _NAME_WORD_RE.findall(clause.group() if clause else "")[:6]
    first = next((i for i, word in enumerate(words) if word[0].isupper()), None)
    if first is None or first > 3 or first + 1 >= len(words):
        return False
    after = words[first + 1 :]  # "Pieter van Wyk": a particle may stand inside the name
    return after[0][0].isupper() or after[0] in PARTICLES and len(after) > 1 and after[1][0].isupper()


# words, spaces and commas only: "Contact person: Mr. Tan" stops at ":", "our lab supervisor, Pieter van Wyk" not
_CLAUSE_RE = re.compile(r"[^\W\d_][\w'’ ,-]{0,80}")


def _abbreviation(text: str, dot: int, bare_dot_ends: bool = True) -> bool:
    """A dot that ends a title ("Sr.", "dott.ssa") or an initial ("J."), not a sentence; one after a bracket or a
    number does not either unless `bare_dot_ends`."""
    word = _LAST_WORD_RE.search(text[:dot])
    if word is None:
        return not bare_dot_ends  # after a bracket or a number: "(attention: myself). Prof. Asante …"
    return len(word.group()) <= 1 or TITLE_RE.fullmatch(word.group() + ".") is not None


_LAST_WORD_RE = re.compile(r"[^\W\d_][\w.]*$")
