"""The product of interest: a labelled product, else what the customer says they want."""

from __future__ import annotations

import re

from bot.rules.name_words import PRODUCT_LABELS

__all__ = ["find_product"]

_ARTICLES = (
    r"(?:(?:your|the|a|an|some|buying|purchasing|importing|su|sus|el|la|los|las|un|una|comprar|seu|sua|seus|"
    r"suas|o|a|os|as|um|uma|votre|vos|le|les|un|une|des|du|ваш|ваши|ваша|ваше|ihre[nm]?|einen?|eine|"
    r"price\s+(?:of|for)|precio\s+de|preço\s+de|quote\s+for|quotation\s+for|offer\s+for|\d+\s*(?:pcs|pc|units?|sets?|шт\.?|台|unidades|"
    r"unidade|cái|unit|pieces|piezas|peças|stück|adet|buah|units?\s+of)?(?:\s+of)?)\s+|(?:a\s+better\s+)?(?:best\s+)?(?:price|prices|offer|quotation|quote)\s+(?:for|of|on)\s+)*"
)
_INTEREST_RE = re.compile(
    r"(?:\binterested\s+in|\binteresad[oa]s?\s+en|\binteressad[oa]s?\s+(?:em|no|na|nos|nas)|"
    r"\bintéressée?s?\s+par|\bинтересу(?:ет|ют)|\bзаинтересованы\s+в|\binteressieren\s+uns\s+für|"
    r"\bnos\s+interesa(?:n)?|\btemos\s+interesse\s+em|\binterés\s+en|\bl['’]intérêt\s+pour|"
    r"\b(?:we|i)\s+(?:need|want|require)(?:\s+to\s+buy)?|\b(?:looking|searching)\s+for|\bprice\s+(?:of|for)|"
    r"\bquote(?:\s+(?:for|on|me|us))?|\bquotation\s+(?:for|of)|\boffer\s+(?:for|of)|\bpricing\s+for|\bneed(?:s)?|"
    r"\bnecesit\w*|\bbusca\w*|\bcotizar|\bcotizaci[oó]n\s+(?:de|para|por)|\bcota[cç][aã]o\s+(?:de|para)|"
    r"\bor[cç]amento\s+(?:de|para)|\bpresupuesto\s+(?:de|para)|\bpreventivo\s+per|\bofferta\s+per|"
    r"\bangebot\s+f[uü]r|\binteressiert\s+an|\bproceed\s+with|\bbuy|\bpurchase|\bcomprar|\bquot\w*\s+\w+\s+for|"
    r"\bprecis\w*\s+de|\bprocur(?:o|amos|am)\b|\bcherchons|\bdevis\s+pour|"
    r"\bbenötigen|\bsuchen|\bbrauchen|\bнуж(?:ен|на|ны|но)|\bищем|\bпотрібен|\bпотрібна|\bпросим\w*\s+\w+\s+\w+\s+на|"
    r"\bцен[уа]\s+на|\bпредложение\s+на|\bcần(?:\s+báo\s+giá)?|\bmuốn\s+mua|\bbutuh(?:\s+penawaran\s+untuk)?|"
    r"\bpenawaran(?:\s+harga)?|\bharga|\bfiyat(?:ı)?\s+teklifi|\bnous\s+cherchons|\bwir\s+suchen|\bvendem|"
    r"\btienen|\btêm|\bavez-vous(?:\s+des)?|\bdo\s+you\s+(?:have|sell)|\bsell|"
    r"نحتاج|أحتاج|محتاج|نرغب\s+بشراء|نبحث\s+عن|أريد\s+سعر|سعر|عرض\s+سعر\s+ل)\s+"
    + _ARTICLES
    + r"(?P<product>[^.,;:!?\n。，()،]{2,80})",
    re.IGNORECASE,
)
_CN_RE = re.compile(
    r"对(?:贵司的?|你们的?|您的?)?(?P<product>[^，。,.\n]{2,30}?)(?:很|非常)?感兴趣"
    r"|(?:需要|询价|求购)(?:\d+台)?(?P<product2>[^，。,.\n]{2,30}?)(?:的报价|一台|$|，|。)",
    re.MULTILINE,
)
_TAIL_RE = re.compile(
    r"\s+(?:for|para|pour|для|and\s+would|and\s+want|y\s+quer\w*|e\s+gostar\w*|with|com|con|avec|mit|"
    r"please|por\s+favor|in|en|em|dans|в|للـ?|في|cho|untuk|için)\s.*$",
    re.IGNORECASE,
)


# What follows "need"/"price" but names no product: units, suppliers, politeness, people.
_NOT_A_PRODUCT_RE = re.compile(
    r"^(?:units?|pcs|pieces|sets?|about\b.*|around\b.*|a\s+(?:quote|price|call|reply)\b.*|your\s+(?:help|reply)|"
    r"to\b.*|it|them|this|that|more\b.*|supplier|suppliers?|поставщик\w*|distribuidor\w*|distributor\w*|"
    r"representante?\w*|agent\w*|rica\s+ederiz|السادة.*|the\s+(?:price|quote|offer)\b.*|"
    r"[\d\s.,]+|help|information|info|catalog\w*|catálogo\w*|proforma\b.*|delivery\b.*|made|products?|"
    r"instruments?|equipment|goods|items?)$",
    re.IGNORECASE,
)


def find_product(text: str, labelled: list[tuple[str, str]]) -> str | None:
    """A labelled product, else what the customer says they are interested in or need."""
    for label, value in labelled:
        if label in PRODUCT_LABELS:
            product = value.strip(" .;,。")
            if 2 <= len(product) <= 120:
                return product
    cn = _CN_RE.search(text)
    body = "\n".join("" if _is_subject(line) else line for line in text.split("\n"))
    at = 0
    while match := _INTEREST_RE.search(body, at):
        product = _TAIL_RE.sub("", match.group("product")).strip(" ?")
        product = re.sub(r"^ل(?=[\u0600-\u06ff]{3})", "", product)
        if len(product) >= 3 and not _NOT_A_PRODUCT_RE.match(product):
            return product
        at = match.start() + 1  # "I want to know the price of X": the next trigger may sit inside
    if cn:
        return (cn.group("product") or cn.group("product2")).strip()
    return _from_subject(labelled)


_SUBJECT_LABELS = frozenset({"subject", "assunto", "asunto", "objet", "oggetto", "betreff", "тема", "konu", "الموضوع",
                             "主题", "主旨"})
_SUBJECT_NOISE_RE = re.compile(
    r"^(?:(?:re|fw|fwd|aw|wg|tr|rv|res|enc|ответ)\s*:\s*)*"
    r"(?:(?:new\s+)?(?:inquiry|enquiry|rfq|request|quotation|quote|price|pricing|offer|cotizaci[oó]n|cota[cç][aã]o|"
    r"or[cç]amento|presupuesto|solicitud\s+de\s+cotizaci[oó]n|pedido\s+de\s+cota[cç][aã]o|demande\s+de\s+(?:prix|devis)|"
    r"offre|anfrage|angebot|richiesta\s+offerta|запрос(?:\s+(?:цены|кп))?|yêu\s+cầu\s+báo\s+giá|hỏi\s+giá|"
    r"fiyat\s+teklifi)(?:\s+(?:for|about|on|of|de|para|sur|für|на|про))?\s*[-–—:]?\s*)+",
    re.IGNORECASE,
)


def _is_subject(line: str) -> bool:
    label = re.split(r"[:：]", line, maxsplit=1)[0].strip(" *>").casefold()
    return ":" in line.replace("：", ":") and label in _SUBJECT_LABELS


def _from_subject(labelled: list[tuple[str, str]]) -> str | None:
    """An e-mail subject without "RE:" and "Quotation": "RE: Quotation UV-1800" -> "UV-1800"."""
    for label, value in labelled:
        if label in _SUBJECT_LABELS:
            product = _SUBJECT_NOISE_RE.sub("", value.strip()).strip(" -–—:.")
            if len(product) >= 3 and not _NOT_A_PRODUCT_RE.match(product):
                return product
    return None
