"""Shared pieces for reading people and companies from free text: labels, introductions, signatures."""

from __future__ import annotations

import re

from bot.rules.name_words import (
    ARABIC_TITLE_WORDS,
    CLOSING_RE,
    COMPANY_LABELS,
    COMPANY_WORD_RE,
    JOB_WORDS,
    LEGAL_RE,
    NAME_LABELS,
    PARTICLES,
    PRODUCT_LABELS,
    THING_WORDS,
)
from bot.rules.scripts import ARABIC_RE, HAN

LABELLED_RE = re.compile(
    r"^[ \t*•>-]*(?:\[[^\]\n]{0,40}\][ \t]*)?(?P<label>[^\n:：]{1,40}?)[ \t]*[:：][ \t]*(?P<value>[^\n]*?)[ \t]*$",
    re.MULTILINE,
)
FROM_PARTICLES = frozenset({"de", "da", "do", "von", "del", "des", "du", "di"})
# Abbreviations whose full stop ends no sentence (Turkish "San." and "Tic." are Sanayi and Ticaret of a name).
NOT_END = r"(?<!Pvt)(?<!Ltd)(?<!Co)(?<!Inc)(?<!Sp)(?<!San)(?<!Tic)(?<!Ind)(?<!S\.A)(?<!\bMr)(?<!\bDr)(?<!\bSt)"
# A legal form after a full stop continues the name the stop abbreviated a word of ("… Solutions Nig. Ltd").
FORM_AFTER_STOP = (r"(?!(?:Ltd|Limited|LLC|Inc|Corp|GmbH|PLC|Pty|S\.\s?A|S\.\s?L|S\.\s?de|Co\.|Coop|Sdn)\b"
                   r"|(?:[A-Z]\.)+(?:[\s,]|$))")  # "Coop. V.", "S. de R.L.": a form's letters go on
SENTENCE_RE = re.compile(
    r"(?<!Pvt\.)(?<!Ltd\.)(?<!Co\.)(?<!Inc\.)(?<!Sp\.)(?<!San\.)(?<!Tic\.)(?<!Ind\.)(?<!S\.A\.)(?<!\bMr\.)(?<!\bDr\.)"
    r"(?<!\bSt\.)(?<=[.?!])\s+" + FORM_AFTER_STOP + r"(?=[^\W\d_a-zà-ÿа-я]|[¿¡])"
)
# Parts of a card line; "Co., Ltd" and "X, Inc." stay one part.
PARTS_RE = re.compile(
    r"[,،]\s+(?!(?i:ltd|inc|llc|limited|gmbh|plc|pty|s\.\s?a|s\.\s?l|co\.|s\.\s?de|s\.\s?coop|coop\.|ltda|lda|mchj|"
    r"s\.?r\.?l|b\.?v|sdn)(?![^\W\d_]))|[，（）]\s*|\s[·|]\s|"
    r"\s[-–—]\s|" + NOT_END + r"[.!?]\s+" + FORM_AFTER_STOP + r"(?=[^\W\d_a-zà-ÿа-я])"
)
CONTACT_RE = re.compile(r"\S+@\S+|\+?\(?\d[\d \t().-]{5,}\d")
ANGLE_RE = re.compile(r"<[^>]*>|[\"“”]")
DOMAIN_RE = re.compile(r"\w\.[a-z]{2,}\b|https?:|www\.|@|\d", re.IGNORECASE)
CUT_RE = re.compile(r"\s*(?:[(\[,،，（|·•/]|\s-\s|\s–\s|\s—\s)")
# "Alibaba RFQ from Ana Costa, ...", "LinkedIn message from X (...)", "Mensagem no LinkedIn de X", "DM: X, ..."
FROM_RE = re.compile(
    r"(?:\b(?:rfq|inquiry|enquiry|message|messages|msg|request|dm|inmail|mensagem|mensaje|mensaje directo|demande)"
    r"(?:\s+(?:no|en|on|via|sur)\s+\w+)?\s+(?:from|de|by)\s+"
    r"|\b(?:dm|inmail|message|msg|mensaje|mensagem)[ \t]*[-–—][ \t]*"
    # a chat export's 'buyer "Rajesh Kumar Iyer"', an RFQ's "— buyer Mahmoud Abdel-Rahman, Delta Wire Egypt"
    r"|\b(?:buyer|customer|client)[ \t]*[\"“]|(?:^|[—–:-][ \t]*)(?-i:buyer)[ \t]+(?=(?-i:[A-Z])))(?P<rest>[^\n]+)",
    re.IGNORECASE,
)
# Self-introductions: the capitalised words after them are a name; "from Y" after it may be the company.
INTRO_RE = re.compile(
    r"(?:\b(?:my\s+(?:full\s+)?name(?:\s+is)?(?=\s+(?-i:[A-ZÀ-Þ]))|my\s+name\s+is|i\s+am|i['’]m|this\s+is|meu\s+nome\s+é|me\s+llamo|mi\s+nombre\s+es|"
    r"aqui\s+é(?:\s+[ao](?=\s))?|c['’]est|je\s+m['’]appelle|je\s+suis|ich\s+bin|mein\s+name\s+ist|benim\s+adım|"
    r"ik\s+ben|mijn\s+naam\s+is|ik\s+heet|"
    r"(?<!chúng )tôi\s+là|em\s+là|mình\s+là|(?:em|tôi|mình)\s+tên(?:\s+là)?|tên\s+(?:em|tôi|mình)\s+là|"
    r"nama\s+saya|saya|меня\s+зовут|мене\s+звати|(?-i:[Вв]ас\s+(?:беспокоит|турбує)(?=\s+(?!Ваш|Ваша|Ваше|Компания|Отдел)[А-ЯЁІЇЄ][а-яёіїє]+\s+[А-ЯЁІЇЄ]))|"
    r"мен[іи]ң\s+атым|менин\s+атым|mening\s+ismim|ismim|mi\s+chiamo|io\s+sono|contact(?:\s+person)?\s*:?|"
    r"jsem|jestem|nazywam\s+się|chamo-me|me\s+chamo|sunana|mimi\s+ni|jina\s+langu\s+ni|naitwa|пишет\s+вам|"
    r"(?:les|le|os)\s+(?:escribe|saluda|habla)(?:\s+(?:el|la)(?=\s))?|aqu[ií]\s+(?:les\s+)?(?:escribe|habla))"
    # a voice note's transcript greets without a stop: "здравствуйте это Нурлан лаборатория …" (a capitalised word
    # right after it: not "я Вам писал", "я по поводу", "это Сино Инструментс" checking they reached us)
    r"|(?:(?<=здравствуйте )|(?<=добрый день )|(?<=привет )|(?<=алло ))(?:это|я)"
    # (nor "это Евразийский университет", "это Институт ботаники", "это КазНУ", "это Талдыкорган …": a first name
    # and a surname only)
    r"(?=\s+(?!(?:Вам|Вас|Вы|Ваш\w*|Сино)(?![^\W\d_]))"
    r"(?!(?:Институт|Университет|Лаборатори|Центр|Компани|Фирм|Завод|Клиник|Больниц|Аптек|Медцентр|Магазин|"
    r"Групп|ТОО|ООО|АО|ИП|ОсОО))(?![^\n]*меня\s+зовут)"  # a "меня зовут" further on names the caller
    r"(?![А-ЯЁ][а-яё]*(?:ский|ской|цкий|ный|ний|ая|ое|ые)(?![^\W\d_]))"
    r"(?![А-ЯЁ][а-яё]+\s+(?:Фарм|Лаб|Мед|Агро|Тест|Сервис|Трейд|Строй|Снаб|Тех)[а-яё]*(?![^\W\d_]))"  # "Бишкек Фарм"
    # (a surname after the first name: "Виктор Ковальчук", "Данияр Сейткали"; not "Караганда Водоканал")
    r"(?-i:[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]*(?:ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|енко|ук|юк|ко|ский|ская|цкий|цкая|ич|вич|"
    r"вна|ли|улы|кызы|уулу|бек|бекова|ян|дзе|швили|ий|ая))"
    r"(?![^\W\d_]))"
    r"|(?:^|(?<=[,.!:?] )|(?<=hola )|(?<=olá )|(?<=oi )|(?<=merhaba, )|(?<=merhaba ))"
    r"(?:(?:soy|sou|sono)(?:\s+(?:o|a|el|la)(?=\s))?|ben|я|это|мен|men|name(?:\s+is)?|"
    # Polish and Czech "tu Marta z …", "tady Petr": here is (a capitalised name must follow; "TU Ilmenau" is a
    # university); Swahili "Ni Juma Mwakyusa, …" (it is) before a full name after a chat's speaker (not Mandarin "Ni
    # Hao", Spanish "Ni Mettler ni Sartorius …", a signature's surname "Ni Wei Ling")
    r"(?-i:[Tt]u|[Tt]ady|(?<=: )Ni(?!\s+[Hh]ao(?![^\W\d_]))(?=\s+(?-i:[A-Z])\w+\s+(?-i:[A-Z]))(?![^\n]*\sni\s))"
    r"(?=\s+(?-i:[A-ZĄĆĘŁŃÓŚŹŻČŘŠŽ])))"
    r"|(?:أنا|انا)(?:\s+اسمي)?|اسمي|معك|معاك|معكم|معاكم|اینجانب"  # Persian "اینجانب": I (formal)
    # Persian "من آرش رضایی هستم" ("I am …"): "من" is also Arabic "from", so only before a "هستم"
    r"|(?<![\u0600-\u06ff])من(?=(?:\s+[\u0600-\u06ff\u200c]+){1,3}\s+هستم)"
    # "it's Sam", and a greeting then "Maria from Brazil" / "Ahmed speaking".
    r"|\bit['’]s|\bit\s+is"
    # East African and Nigerian English "Am Peter Otieno from …" (I am): only before a name and a lower-case
    # "from"/"of"/"at" (the German "Am Montag" is a day)
    r"|(?:^|(?<=[.!?:,] ))(?-i:Am)(?=\s+(?-i:[A-Z][a-z'-]+)(?:\s+(?-i:[A-Z][a-z'-]+)){0,2}\s+(?-i:from|of|at|with)\s)"
    # "Good morning. Mohammed Al-Kuwari from Doha …": an English greeting, a full stop, a name and "from"
    r"|(?<![^\W\d_])(?:hi|hello|good\s+(?:morning|afternoon|day|evening))\.(?=\s+(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){1,2}"
    r"\s+(?-i:from)\s)"
    r"|(?<![^\W\d_])(?:hi|hello|hey|hola|olá|oi|bonjour|salut|hallo|good\s+(?:morning|afternoon|day|evening))"
    r"[,!]?(?!\s+(?:soy|sou|sono|ben|i|i['’]m|je|ich|me|mi|my|this|it|we|our|am)\b)(?=\s+(?-i:[^\W\d_a-z])[\w'-]*(?:\s+(?-i:[^\W\d_a-z])[\w'-]*){0,2}\s+(?:from|de|da|do)\s))"
    r"\s+(?P<rest>[^\n]+)",
    re.IGNORECASE | re.MULTILINE,
)
# "..., obrigado, Felipe Arruda - felipe@x.com.br": a thank-you inside a line, then the sender's name.
INLINE_CLOSING_RE = re.compile(
    r"\b(?:thanks|thank\s+you|regards|obrigad[oa]|gracias|saludos|merci|cordialement|grazie|danke|спасибо|"
    r"terima\s+kasih|cảm\s+ơn|teşekkürler|atenciosamente|cordialmente|"
    r"atentamente|atte\.?|mit\s+freundlichen\s+grüßen|viele\s+grüße|pozdrawiam|saygılarımla|"
    r"(?:met\s+vriendelijke\s+)?groet(?:en)?|mvg|"
    r"مع\s+تحياتي)[,!.，]*[ \t]+(?:[-–—][ \t]*)?(?P<rest>[^\W\d_][^\n]*)",
    re.IGNORECASE,
)
COMPANY_AFTER_RE = re.compile(
    r"^[\s,]*(?:(?:and\s+|e\s+|y\s+|et\s+|und\s+)?(?:i\s+|je\s+|ich\s+)?"
    r"(?:work\s+|trabalho\s+|trabajo\s+|travaille\s+|arbeite\s+)?"
    r"(?:from|of|at|for|with|de|da|do|na|no|en|chez|bei|von|vom|für|from the|para|pour|per|dla|для|z|ze|"
    r"dari|từ|của|من|از|di|из|від|з|kutoka|компания|компании|компанія|фирма|,)\s+)"
    r"(?:(?:la|le|der|die|the|a|o)\s+)?(?:(?-i:[Ee]mpresa|[Ss]ociété|[Cc]ompany|[Ff]irm[ay]|společnosti)\s+|l['’])?"
    r"(?P<company>[^\n]+)",
    re.IGNORECASE,
)


# "Dawit Bekele here, ..." at the start of a line or sentence; "Hussain from Bahrain Petroleum W.L.L. here".
HERE_RE = re.compile(
    r"(?:^|(?<=[,.!:] ))(?P<rest>[^\W\d_][^\n,.!?]{2,40}?"
    r"|(?!(?-i:I|I['’]m|We|My|Our)\s)(?-i:[A-ZÀ-Þ])[\w'-]+(?:[ \t]+(?-i:[A-ZÀ-Þ])[\w'-]+){0,2}"
    r"[ \t]+(?:from|of|at)[ \t]+[^\n!?]{2,80}?)\s+"
    r"(?:here|aquí|aqui|ici|hier|здесь|speaking|hablando|falando)(?![^\W\d_])",
    re.MULTILINE,
)
# A name after an honorific anywhere: "Contact Mr. Ali on ...", "- المهندس خالد الشمري", "陈先生".
HONORIFIC_LED_RE = re.compile(
    rf"(?<![^\W\d_])(?:(?:mr|mrs|ms|dr|eng|engr|ing)\.?\s+|(?:{ARABIC_TITLE_WORDS})\s+"
    # "م. خالد المنصوري", "د. سارة", "أ. فهد …": an engineer's, a doctor's, a teacher's title shortened (not "ذ.م.م",
    # an LLC; not "أ." over "ب.", a list's first letters)
    r"|(?<![^\W\d_.])(?:م|د)\.[ \t]*(?=[\u0621-\u064a]{2})"
    r"|(?<![^\W\d_.])أ\.[ \t]*(?=[\u0621-\u064a]{2})(?![^\n]*\n[ \t]*ب\.))(?P<rest>[^\n]+)",
    re.IGNORECASE,
)
# Chinese and Cantonese self-introductions and notes: "我是/我係 <company>的/嘅 <name>", "客户 Omar Basalamah",
# "Red Sea Food Industries 的QC经理" (a Latin company, then "'s <title>").
# The common Chinese surnames (simplified and traditional): a two- or three-character name starts with one,
# so "我是学生" ("I am a student") gives no name.
SURNAMES = (
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于"
    "蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍"
    "史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯温溫欧歐区區麦麥岑关關翁"
)
CJK_INTRO_RE = re.compile(
    rf"(?:我是|我係|我系|我叫|本人是|我们是|我們是|我哋係|这里是|這裡是)(?:来自|來自)?"
    rf"(?P<company>[{HAN}（）()]{{2,30}}?(?:有限公司|有限责任公司|有限責任公司|公司|集团|集團))?(?:的|嘅)?[ \t]*"
    # "我是吉隆坡的陈志强", "我是马来西亚吉隆坡的Tan Wei Ming": a place and 的 before the name ("I am KL's ...")
    rf"(?:[{HAN}]{{2,8}}?(?:的|嘅)(?=[{SURNAMES}A-Z]))?"
    rf"(?P<name>[A-Z][\w'-]+(?:[ \t]+[A-Z][\w'-]+){{0,2}}|[{SURNAMES}][{HAN}]{{1,2}}(?![{HAN}]))"
)
CJK_COMPANY_RE = re.compile(
    rf"(?:我是|我係|我系|我们是|我們是|我哋係|来自|來自)(?:来自|來自)?"
    rf"(?P<company>[{HAN}（）()]{{2,30}}?(?:有限公司|有限责任公司|有限責任公司|公司|集团|集團))"
)
CJK_CUSTOMER_RE = re.compile(
    r"(?:客户|客戶|客人|买家|買家|联系人|聯繫人)[ \t]*(?:是|叫|名叫)?[ \t，,：:]*"
    r"(?P<name>[A-ZА-ЯЁ][\w'-]+(?:[ \t]+[A-ZА-ЯЁ][\w'-]+){1,3})"
)
_LATIN_WORD = rf"(?:(?![{HAN}])[\w&.'-])"
LATIN_COMPANY_OF_RE = re.compile(
    # the company's words are not Chinese; a unit may stand before 的 ("X 材料实验室的主任", "X lab's director")
    rf"(?P<company>[A-Z]{_LATIN_WORD}*(?:[ \t]+{_LATIN_WORD}+){{0,7}})[ \t]*(?:[{HAN}]{{1,6}}?)?"
    rf"(?:的|嘅)(?=[ \t]*[A-Za-z{HAN}])"
)
CHINESE_HONORIFIC_RE = re.compile(r"(?<![\u3400-\u9fff])(?P<surname>[\u3400-\u9fff]{1,2}?)(?:先生|女士|小姐)")


def labelled_values(text: str) -> list[tuple[str, str]]:
    """(normalised label, value) of every "Label: value" line, in order."""
    return [
        (" ".join(m.group("label").casefold().split()), m.group("value"))
        for m in LABELLED_RE.finditer(text)
        if m.group("value")
    ]


def is_name_label(label: str) -> bool:
    """"Name:", "Buyer name:", "Sender's name:", "Inquiry from:" (never "Company name:")."""
    if label in NAME_LABELS:
        return True
    if is_company_label(label) or label in PRODUCT_LABELS or re.search(r"\b(?:product|item|model|file)", label):
        return False
    # "Imię i nazwisko", "Nome e cognome", "Nombre y apellidos", "Vor- und Nachname", "Фамилия, имя",
    # "Ф.И.О. контактного лица" (surname, name, patronymic), Ukrainian "П.І.Б.".
    if re.search(r"imię|nazwisko|cognome|apellido|sobrenome|nachname|vorname|фамилия|прізвище|jméno|"
                 r"naam|nimi|navn|namn|όνομα|^ф\.?\s?и\.?\s?о\.?(?:\s|$)|^п\.?\s?і\.?\s?б\.?(?:\s|$)|"
                 r"(?:контактное|ответственное|должностное)\s+лицо$", label):
        return True
    return bool(re.search(
        r"(?:^|\s)(?:name|from|contact)$|^first\s*(?:/|&|and)\s*last|^sender|^buyer|^customer|^client", label
    ))


def is_company_label(label: str) -> bool:
    """"Company:", "Sender's company:", "Nombre de la empresa:"."""
    return label in COMPANY_LABELS or bool(
        re.search(r"\b(?:company|empresa|société|firma|organi[sz]ation|компания)\b|公司|الشركة", label)
    )


# "from", "in", "owner of"; Persian "I am" and "from".
_NOT_IN_ARABIC_NAME = ("من", "في", "صاحب", "هستم", "از")


_ARABIC_LINKS = frozenset({"بن", "بنت", "ابن", "عبد"})  # "son of", and "servant of" of "عبد الحميد", one name


def capitalised_run(text: str) -> str:
    """The capitalised words at the start of free text: "Ana Costa and I need" -> "Ana Costa"."""
    words: list[str] = []
    arabic = bool(ARABIC_RE.match(text))
    for word in text.split():
        bare = word.strip(".,;:!?،")
        if arabic:
            # three names, not counting "بن" ("son of") between them: "فهد بن سعد العتيبي", "أحمد سمير عبد الحميد"
            # (a role after "عبد الرحمن" is no third name: "خالد عبد الرحمن مدير المختبر")
            if (not re.fullmatch(r"[\u0600-\u06ff]+", bare) or bare in _NOT_IN_ARABIC_NAME
                    or len([w for w in words if w not in _ARABIC_LINKS]) == 3
                    or "عبد" in words and (bare in JOB_WORDS or bare.removeprefix("ال") in JOB_WORDS)):
                break
        elif not continues_name(bare, words):
            break
        words.append(bare)
        if bare != word:
            break
    # "Pieter de Vries van Aqualab Noord B.V.": a particle after the name starts the company it works for.
    cut = next((i for i in range(2, len(words) - 1) if words[i].casefold() in PARTICLES
                and (LEGAL_RE.search(" ".join(words[i + 1 :])) or COMPANY_WORD_RE.search(words[i + 1]))), None)
    words = words[:cut] if cut else words
    while words and words[-1].casefold() in PARTICLES:
        words.pop()
    return " ".join(words)


def continues_name(word: str, words: list[str]) -> bool:
    """A capitalised word, or a particle inside a name ("da Silva"), but "de"/"da" after two words is "from"."""
    if not word:
        return False
    if len(words) >= 2 and word.casefold() in FROM_PARTICLES:
        return False
    return word[0].isupper() or bool(words) and word.casefold() in PARTICLES


def pieces(line: str) -> list[str]:
    """A line's value after any "Label:", and its sentences: where a "Name, Company" card may sit."""
    value = re.split(r"[:：]\s*", line, maxsplit=1)[-1]
    return [*dict.fromkeys([value, *SENTENCE_RE.split(value)])]


def skipped_label(line: str) -> bool:
    """Lines labelled as something else than a company or a person (a product, a subject, a message)."""
    match = LABELLED_RE.match(line)
    label = " ".join(match.group("label").casefold().split()) if match else ""
    return label in PRODUCT_LABELS or label in {"subject", "message", "主题", "тема", "assunto", "asunto", "objet"}


def is_title(line: str) -> bool:
    words = [w.casefold().strip(".,") for w in line.split()]
    return 0 < len(words) <= 6 and any(w in JOB_WORDS for w in words)


def signature_lines(text: str) -> list[str]:
    """The text after the last closing ("Best regards,"): its remainder, then up to four non-empty lines."""
    closings = list(CLOSING_RE.finditer(text))
    if not closings:
        return []
    last = closings[-1]
    lines = [last.group("rest")] if last.group("rest").strip() else []
    lines += [line.strip() for line in text[last.end() :].splitlines() if line.strip()]
    return lines[:5]


def introductions(text: str) -> list[str]:
    """The sentences where the customer introduces themself by full name ("I'm Folake Adeyemi, procurement for
    Delta Crest Ltd, Port Harcourt, Nigeria."): like a signature, they say where the customer is."""
    found: list[str] = []
    for match in INTRO_RE.finditer(text):
        rest = match.group("rest")
        if len(capitalised_run(rest).split()) >= 2:
            found.append(SENTENCE_RE.split(rest, maxsplit=1)[0])
    return found


# A name in its own script with its Latin spelling in brackets: "Ерлан Сапаров（Yerlan Saparov）", "สมชาย วงศ์สวัสดิ์
# (Somchai Wongsawat)". Our desk records the Latin spelling.
_LATIN_ALIAS_RE = re.compile(
    r"^[ \t]*(?P<native>[^\x00-\x7fÀ-ɏ(（]+(?:[ \t]+[^\x00-\x7fÀ-ɏ(（]+){0,3})[ \t]*[(（][ \t]*"
    r"(?P<latin>[A-Z][A-Za-zÀ-ɏ'’.-]+(?:[ \t]+[A-Z][A-Za-zÀ-ɏ'’.-]+){1,3})[ \t]*[)）]"
)
_FULL_WIDTH = str.maketrans({"，": ", ", "（": " (", "）": ") ", "：": ": ", "；": "; ", "、": ", "})


def _latin_alias(value: str) -> re.Match[str] | None:
    """The native name and its Latin spelling at the start of a value, when it has both (not "(Samsung Biologics)"
    or "(Procurement Manager)": an organisation or a role in brackets)."""
    alias = _LATIN_ALIAS_RE.match(value)
    latin = alias.group("latin") if alias else ""
    if not alias or COMPANY_WORD_RE.search(latin) or is_title(latin) or any(
            w.casefold() in THING_WORDS for w in latin.split()):
        return None
    return alias


def latin_contact(value: str) -> str:
    """A labelled contact as the Latin parts read it: full-width punctuation as ASCII, a name's Latin spelling in
    place of its native one, a Chinese note after the Latin words cut ("Dr. Andrés Castaño，Hospital San Rafael
    检验科" -> "Dr. Andrés Castaño, Hospital San Rafael")."""
    value = value.translate(_FULL_WIDTH)
    alias = _latin_alias(value)
    if alias:
        value = alias.group("latin") + value[alias.end() :]
    value = re.sub(r"[ \t]+,", ",", value)
    if re.match(r"[ \t]*[A-Za-zÀ-ɏ]", value):
        value = re.split(rf"[ \t]*(?=[{HAN}])", value, maxsplit=1)[0]
    return " ".join(value.split())


# "Olatunde Adeyemi is my full name": the name before the words.
IS_MY_NAME_RE = re.compile(
    r"(?P<name>(?-i:[A-ZÀ-ÞА-ЯЁ])[\w'’.-]+(?:[ \t]+(?-i:[A-ZÀ-ÞА-ЯЁ])[\w'’.-]+){1,3})[ \t]+is[ \t]+my[ \t]+"
    r"(?:full[ \t]+)?name",
    re.IGNORECASE,
)
