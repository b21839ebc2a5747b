"""Where an inquiry came from (信息来源), by keyword; the most specific keyword wins."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["SOURCES", "colleague_note", "detect_source"]

SOURCES = (
    "alibaba",
    "trademanager",
    "website",
    "email",
    "website_chat",
    "whatsapp",
    "wechat",
    "facebook",
    "linkedin",
    "twitter",
    "colleague",
    "instagram",
    "made_in_china",
    "global_sources",
    "other",
)

_I = re.IGNORECASE
_M = re.MULTILINE

# Precedence, most specific first:
# - colleague: an explicit hand-over note by the specialist ("同事转交", "from a colleague") names the
#   channel we actually got the lead through, whatever platform the customer used before;
# - website_chat before website, trademanager before alibaba (TradeManager messages mention Alibaba);
# - the platforms where an inquiry starts (Alibaba, LinkedIn, Facebook, Twitter/X) before the messengers,
#   because their messages often say "add me on WhatsApp";
# - the messengers before "website" and "email", which customers mention in passing ("I saw your website").
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("colleague", re.compile(
        r"\b(?:from|via|by|referred\s+by|forwarded\s+by|passed\s+on\s+by)\s+(?:a\s+|my\s+|our\s+)?colleague"
        r"|\bcolleague\s+(?:referral|forwarded|transfer)|同事转|同事推荐|同事介绍|其他部门转|部门同事|来自同事|转来的|"
        r"^[ \t]*\S{2,4}转的[，,：:]|"
        r"^[ \t]*转自|转交[:：]|"
        r"\b(?:pas[óo]|passed|handed\s+over|shared)\s+(?:este|this|the)\s+(?:contacto|contact|lead)|"
        r"^[ \t]*(?:handed\s+over|passed\s+on|forwarded)\s+(?:to\s+(?:me|us)\s+)?by\s+\S+[^\n]*colleague|"
        r"\b(?:por|de)\s+un[ao]?\s+colega|\bpor\s+(?:el|la)\s+colega|\bcoll[eè]gue\s+(?:nous\s+)?transmis|"
        r"\bот\s+коллег", _I | _M)),
    ("website_chat", re.compile(
        r"\b(?:website|web|site|live|online)[\s-]*chat\b|\bchat\s+(?:du|en|no|do|on|of|auf)\s+(?:the\s+|el\s+|la\s+)?"
        r"(?:site|sitio|website|página|webseite)|\bchat\s+en\s+l[ií]nea|онлайн[\s-]чат|"
        r"在线咨询|在线客服|网站聊天|网页聊天", _I)),
    ("trademanager", re.compile(r"\btrade\s?manager\b|贸易通|阿里旺旺", _I)),
    ("trademanager", re.compile(r"(?<![A-Za-z0-9-])TM(?![A-Za-z0-9-])")),
    ("made_in_china", re.compile(r"made[\s-]+in[\s-]+china\.com|made-in-china|\bmic\s+inquiry|中国制造网", _I)),
    ("global_sources", re.compile(r"global\s?sources|环球资源", _I)),
    ("alibaba", re.compile(r"alibaba|阿里巴巴|阿里国际站|阿里询盘", _I)),
    ("instagram", re.compile(r"\binstagram\b|\binsta\s+dm\b|照片墙|انستغرام|إنستغرام|инстаграм", _I)),
    ("linkedin", re.compile(r"\blinked\s?in\b|领英", _I)),
    ("facebook", re.compile(r"\bfacebook\b|\bmessenger\b|脸书|فيسبوك|فيس\s?بوك|фейсбук", _I)),
    ("facebook", re.compile(r"(?<![A-Za-z0-9-])FB(?![A-Za-z0-9-])")),
    ("twitter", re.compile(r"\btwitter\b|\btweet(?:s|ed)?\b|推特|推文|\bx\.com\b|تويتر|твиттер|твит", _I)),
    ("twitter", re.compile(r"\b(?:[Vv]ia|[Ff]rom|[Oo]n|[Tt]hrough)\s+X(?![\w-])")),
    ("wechat", re.compile(r"\bwe\s?chat\b|\bweixin\b|微信", _I)),
    ("whatsapp", re.compile(r"\bwhats\s?app\b|واتساب|واتس\s?اب|ватсап|вотсап", _I)),
    # A pasted WhatsApp chat: "[10:42, 9/4/2026] +52 1 33 ...: text" (the app's own copy format).
    ("whatsapp", re.compile(r"^\[\d{1,2}[:.]\d{2}(?::\d{2})?,? \d{1,2}[/.]\d{1,2}[/.]\d{2,4}\] [^:\n]{2,40}:", _M)),
    ("other", re.compile(
        r"\btelegram\b|телеграм|\bzalo\b|\bviber\b|\bline\s+app\b|\btrade\s+(?:fair|show)\b|\bexhibition\b|"
        r"\b(?:met|visited)\s+(?:us\s+)?at\b|\bbusiness\s+card\b|\bphone\s+call\b|выставк|展会|(?<!-)\bfeira\b|\bferia\b|"
        r"\bsalon\b|\bmesse\b|\bfuar\w*|\bkartvizit|\bpameran\b|\bhội\s+chợ\b|电话记录|来电记录|电话询盘|"
        r"\b(?:phone|call)\s+(?:note|record|log)\b|\bllamada\s+telef[oó]nica\b|\bliga[çc][ãa]o\s+telef[oô]nica\b", _I)),
    ("website", re.compile(
        r"\bwebsite\b|\bweb\s+(?:site|form)\b|\bcontact\s+form\b|\bsitio\s+web\b|\bsite\s+(?:web|oficial|internet)\b|"
        r"\b(?:pelo|no|do)\s+site\b|官网|官方网站|网站|сайт|\bweb\s?sitesi|\bsito\s+web\b|\bsitio\b|\bsitus\s+web\b|"
        r"\bformul[aá]rio\s+do\s+site|\bwebseite\b|\bformulir\b|\bcontact\s+form|\bwebsite\s+(?:inquiry|enquiry)|"
        r"\b(?:new\s+)?inquiry\s+from\s+www\.|الموقع|نموذج\s+الموقع|\bsite\s+web\b|\bkontaktformular|"
        r"\bform(?:ulario)?\s+(?:web|del\s+sitio)|\btrang\s+web\b|\bformulaire\s+de\s+contact|"
        r"\bformulario\s+de\s+contacto|\bformularz|\bstron[yaie]\s+internetow|\bpágina\s+web\b|"
        r"\bborang\s+(?:web|laman|dalam\s+talian)|\blaman\s+web\b", _I)),
    ("email", re.compile(
        r"\b(?:by|via|per|through|por)\s+(?:e-?mail|correo)\b|\be-?mail\s+(?:inquiry|enquiry|recebido|received)\b|邮件|"
        r"عبر\s+البريد|البريد\s+الإلكتروني\s*$|\bвходящее\s+письмо|\bписьмо\b|\bcorreo\s+recibido|"
        r"\bforwarded\s+e-?mail|\be-?mail\s+forwarded|\bcorreo\s+reenviado|"
        r"^[ \t>]*(?:on|le|el|em|am)\b[^\n]{4,160}(?:wrote|a écrit|escribió|escreveu|schrieb)(?:[^\n]{0,80}>)?"
        r"[ \t]*:?[ \t]*$",
        _I | _M)),
    # A pasted email: a "From:" header together with a "Subject:" or "Sent:" header.
    ("email", re.compile(
        r"\A(?=.*^[ \t]*(?:from|de|от|від|von|da|من|发件人|od|kimden|van|dari|差出人|보낸\s*사람|từ)[ \t]*[:：])"
        r"(?=.*^[ \t]*(?:subject|sent|assunto|asunto|objet|enviado|envoy[ée]|тема|отправлено|主题|发送时间|betreff|"
        r"oggetto|konu|الموضوع|date|temat|předmět|onderwerp|subjek|perihal|件名|제목|chủ\s+đề)"
        r"[ \t]*[:：])",
        _I | _M | re.DOTALL)),
)
# Bare words that count inside the specialist's own "Source:" label, where no context is needed.
_LABEL_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("colleague", re.compile(r"colleague|coworker|同事|转交|colega|coll[eè]gue|коллег", _I)),
    ("email", re.compile(r"e-?mail|邮件|邮箱|correo|courriel|почта", _I)),
    ("other", re.compile(r"\bother\b|其他|otro|outro|autre|друго|أخرى", _I)),
)

# "Source: Alibaba", "来源：官网", "Fuente: sitio web": the specialist's own label beats everything else.
_LABEL_RE = re.compile(
    r"^[ \t*•-]*(?:source|lead\s+source|channel|信息来源|来源|渠道|fuente|origem|origine|источник|المصدر)"
    r"\s*[:：]\s*(?P<value>.+)$",
    _I | _M,
)
# Contact fields ("WhatsApp: +971...", "Email: a@b.com", "微信：abc") name a way to reply, not a source; they
# are blanked before the keyword scan and only used when nothing else names a source.
_CONTACT_FIELD_RE = re.compile(
    r"(?<!forwarded )(?:(?<![^\W\d_])(?:whats\s?app|we\s?chat(?:\s+id)?|e-?mail(?:\s+address)?|"
    r"correo(?:\s+electr[oó]nico)?|"
    r"почта|эл\.\s*почта|البريد(?:\s+الإلكتروني)?|wa|tel|phone|mobile)|微信号?|邮箱|电子邮件|邮件地址)"
    r"\s*[:：][^\n]*",
    _I,
)
_FALLBACK = ("wechat", "whatsapp")

# The specialist's lead line in a hurry: "WA:", "wa from customer 👇", "WA masuk:", "zap 👇", "IG DM @rina.lab",
# "mail from customer:", "واتساپ", "Subject: …" of a pasted mail. Only a short first line counts: further down
# these words are the customer's ("add me on WA").
_LEAD_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("whatsapp", re.compile(
        r"(?<![^\W\d_])(?:wa|wtsp|wsp|zap|zapzap|whats|wpp|واتس|واتساپ|واتساب|وتساب|ватсап|вотсап|вацап)(?![^\W\d_])",
        _I)),
    ("instagram", re.compile(r"(?<![^\W\d_])(?:ig|insta)(?![^\W\d_])", _I)),
    ("facebook", re.compile(r"(?<![^\W\d_])(?:fb|messenger)(?![^\W\d_])", _I)),
    ("email", re.compile(
        r"(?<![^\W\d_])(?:e-?mail|mail|correo|courriel|почта|письмо|ایمیل|إيميل|邮件)(?![^\W\d_])|"
        r"^[ \t]*(?:subject|assunto|asunto|objet|betreff|oggetto|konu|тема|件名|主题|الموضوع)[ \t]*[:：]", _I)),
)
# A pasted mail starts with its sender's header and quotes the message it answers.
_MAIL_HEAD_RE = re.compile(r"[ \t]*(?:from|von|de|da|van|от|від|من|发件人|od|kimden|dari|差出人)[ \t]*[:：][^\n]*@", _I)
_REPLY_RE = re.compile(
    r"^[ \t>]*(?:on|le|el|em|am|op|в)\b[^\n]{4,160}(?:wrote|a écrit|escribió|escreveu|schrieb|schreef|написал)", _I | _M
)
_LEAD_MAX = 40  # characters of a lead line that names the channel


def detect_source(text: str, customer: str | None = None) -> str | None:
    """One of SOURCES, or None when the text names no source.

    `customer` is the text without our own quoted messages and signatures ("WhatsApp +86 ..." in our
    salesperson's signature names no source); the specialist's label and a colleague's hand-off count anywhere.
    """
    for labelled in _LABEL_RE.finditer(text):
        found = _scan(labelled.group("value"), _PATTERNS + _LABEL_WORDS)
        if found:
            return found
    if _scan(text, _PATTERNS[:1]):
        return "colleague"
    # The specialist's lead-in line ("Recibido por correo:", "DM de Instagram 👇") names the channel we got it
    # through, before anything the customer mentions further down.
    lead = next((line for line in text.splitlines() if line.strip()), "")
    if len(lead) <= 60 and lead.rstrip().endswith((":", "：", "👇")):
        found = _scan(lead, _PATTERNS)
        if found:
            return found
    if _MAIL_HEAD_RE.match(lead) and _REPLY_RE.search(text):
        return "email"  # a pasted mail chain: channels named in the quoted replies are of earlier messages
    # "Email: a@b.com" or "WA: +971 …" on the first line is a contact field, not the channel.
    if len(lead.strip()) <= _LEAD_MAX and len(lead.split()) <= 4 and not re.search(r"\w@\w|\d{3}", lead):
        found = _scan(lead, _PATTERNS) or _scan(lead, _LEAD_WORDS)
        if found:
            return found
    found = _scan(_CONTACT_FIELD_RE.sub(" ", text if customer is None else customer), _PATTERNS)
    if found:
        return found
    # "meu zap 62 9 …": Brazilians call WhatsApp "zap" wherever they give the number.
    if _ZAP_RE.search(text):
        return "whatsapp"
    # Our own quoted message still shows that the thread is an e-mail chain.
    if _scan(_CONTACT_FIELD_RE.sub(" ", text), tuple(p for p in _PATTERNS if p[0] == "email")):
        return "email"
    return next((name for name, pattern in _PATTERNS if name in _FALLBACK and pattern.search(text)), None)


def colleague_note(text: str, staff: Iterable[str]) -> str | None:
    """"colleague" when the text opens with one of our people's notes ("Emma Wilson: met this lady at …", "张伟 fwd
    …"): for a text that names no channel, the lead came through that colleague."""
    lead = text.lstrip()
    for name in staff:
        if name and lead.startswith(name) and _STAFF_NOTE_RE.match(lead, len(name)):
            return "colleague"
    return None


_STAFF_NOTE_RE = re.compile(r"[ \t]*(?:[:：]|(?:fwd|fw|forwarded|转|转发)(?![^\W\d_]))", _I)
_ZAP_RE = re.compile(r"(?<![^\W\d_])(?:meu|pelo|no|chama\s+no)\s+zap(?:zap)?(?![^\W\d_])", _I)


def _scan(text: str, patterns: tuple[tuple[str, re.Pattern[str]], ...]) -> str | None:
    return next((name for name, pattern in patterns if pattern.search(text)), None)
