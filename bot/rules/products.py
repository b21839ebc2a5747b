"""The product of interest: a labelled product, else what the customer says they want."""

from __future__ import annotations

import re

from bot.rules.name_words import PRODUCT_LABELS

__all__ = ["find_product"]

_ARTICLES = (
    r"(?:(?:your|the|a|an|some|buying|purchasing|importing|su|sus|el|la|los|las|un|una|comprar|seu|sua|seus|"
    r"suas|o|a|os|as|um|uma|votre|vos|le|les|un|une|des|du|ваш|ваши|ваша|ваше|ihre[nm]?|einen?|eine|"
    r"price\s+(?:of|for)|precio\s+de|preço\s+de|quote\s+for|quotation\s+for|offer\s+for|\d+\s*(?:pcs|pc|units?|sets?|шт\.?|台|unidades|"
    r"unidade|cái|unit)?(?:\s+of)?)\s+)*"
)
_INTEREST_RE = re.compile(
    r"(?:\binterested\s+in|\binteresad[oa]s?\s+en|\binteressad[oa]s?\s+(?:em|no|na|nos|nas)|"
    r"\bintéressée?s?\s+par|\bинтересу(?:ет|ют)|\bзаинтересованы\s+в|\binteressieren\s+uns\s+für|"
    r"\bnos\s+interesa(?:n)?|\btemos\s+interesse\s+em|\binterés\s+en|\bl['’]intérêt\s+pour|"
    r"\b(?:we|i)\s+(?:need|want|require)(?:\s+to\s+buy)?|\b(?:looking|searching)\s+for|\bprice\s+(?:of|for)|"
    r"\bquote\s+(?:for|on)?|\bquotation\s+for|\bpricing\s+for|\bneed(?:s)?|\bnecesit\w*|\bbusca\w*|"
    r"\bprecis\w*\s+de|\bprocur(?:o|amos|am)\b|\bcherchons|\bdevis\s+pour|"
    r"\bbenötigen|\bsuchen|\bbrauchen|\bнуж(?:ен|на|ны|но)|\bищем|\bпотрібен|\bпотрібна|\bпросим\w*\s+\w+\s+\w+\s+на|"
    r"\bцен[уа]\s+на|\bпредложение\s+на|\bcần(?:\s+báo\s+giá)?|\bmuốn\s+mua|\bbutuh(?:\s+penawaran\s+untuk)?|"
    r"\bpenawaran(?:\s+harga)?|\bfiyat(?:ı)?\s+teklifi|\bnous\s+cherchons|\bwir\s+suchen|"
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


def find_product(text: str, labelled: list[tuple[str, str]]) -> str | None:
    """A labelled product, else what the customer says they are interested in or need."""
    for label, value in labelled:
        if label in PRODUCT_LABELS:
            product = value.strip(" .;,。")
            if 2 <= len(product) <= 120:
                return product
    cn = _CN_RE.search(text)
    match = _INTEREST_RE.search(text)
    if match:
        product = _TAIL_RE.sub("", match.group("product")).strip(" ?")
        product = re.sub(r"^ل(?=[\u0600-\u06ff]{3})", "", product)
        if len(product) >= 2:
            return product
    if cn:
        return (cn.group("product") or cn.group("product2")).strip()
    return None
