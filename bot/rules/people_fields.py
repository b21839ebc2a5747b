"""Customer name, company and product of interest: from labelled lines, signatures and a few phrases."""

from __future__ import annotations

import re

__all__ = ["find_company", "find_customer_name", "find_product", "labelled_values"]

_NAME_LABELS = frozenset(
    {
        "name", "full name", "your name", "customer", "customer name", "contact", "contact person",
        "contact name", "buyer", "buyer name", "from", "sender", "visitor", "visiteur", "visitante", "de",
        "remitente", "expéditeur", "от", "发件人", "姓名", "客户", "客户姓名", "联系人", "名字",
        "称呼", "nome", "nome completo", "nombre", "nombre completo", "nom", "nom complet", "prénom et nom",
        "имя", "фио", "контактное лицо", "contacto", "persona de contacto", "الاسم", "اسم", "الاسم الكامل",
    }
)
_COMPANY_LABELS = frozenset(
    {
        "company", "company name", "organization", "organisation", "firm", "business name", "公司",
        "公司名称", "单位", "企业名称", "客户公司", "empresa", "nombre de la empresa", "razón social",
        "razão social",
        "компания", "организация", "société", "entreprise", "الشركة", "اسم الشركة",
    }
)
_PRODUCT_LABELS = frozenset(
    {
        "product", "products", "product name", "product(s)", "item", "items", "model", "interested product",
        "product of interest", "inquiry product", "产品", "产品名称", "咨询产品", "询盘产品", "意向产品",
        "型号", "producto", "productos", "produto", "produtos", "produit", "produits", "продукт", "продукция",
        "товар", "المنتج", "المنتجات",
    }
)
_LABELLED_RE = re.compile(
    r"^[ \t*•>-]*(?P<label>[^\n:：]{1,40}?)[ \t]*[:：][ \t]*(?P<value>[^\n]*?)[ \t]*$", re.MULTILINE
)
_ANGLE_RE = re.compile(r"<[^>]*>|[\"“”«»]")
_DOMAIN_RE = re.compile(r"\w\.[a-z]{2,}\b|https?:|www\.|@|\d", re.IGNORECASE)
_CLOSING_RE = re.compile(
    r"^[ \t]*(?:best\s+regards|kind\s+regards|warm\s+regards|warmest\s+regards|regards|best\s+wishes|best|"
    r"thanks(?:\s+(?:and|&)\s+regards)?|thank\s+you|many\s+thanks|sincerely|yours\s+(?:sincerely|faithfully)|"
    r"cheers|saludos(?:\s+cordiales)?|un\s+saludo|atentamente|cordialmente|atenciosamente|abraços|"
    r"cordialement|bien\s+(?:à|a)\s+vous|mit\s+freundlichen\s+grüßen|viele\s+grüße|с\s+уважением|مع\s+(?:أطيب\s+)?التحيات|تحياتي|此致敬礼|此致|顺祝商祺|祝好)"
    r"[ \t]*[,，!.。]?[ \t]*(?P<rest>[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)
_COMPANY_SUFFIX_RE = re.compile(
    r"(?<![^\W\d_])(?:ltd|limited|llc|l\.l\.c|inc|corp|corporation|co\.|company|gmbh|ag|plc|pty|fze|fzco|"
    r"s\.\s?a\.|s\.a\.c|s\.a|s\.l|ltda|sarl|sas|s\.r\.l|srl|spa|bv|trading|industries|industrial|group|"
    r"enterprises?|solutions|technologies|comercial|importadora|distribuidora|ооо|оао|зао|ао|ип)(?![^\W\d_])"
    r"|有限公司|公司|شركة|مؤسسة",
    re.IGNORECASE,
)
_TITLE_WORDS = frozenset(
    {
        "manager", "director", "engineer", "purchasing", "procurement", "sales", "buyer", "ceo", "owner",
        "department", "gerente", "diretor", "comprador", "compras", "ingeniero", "engenheiro",
        "directeur", "responsable", "директор", "менеджер", "инженер", "مدير", "مهندس", "team", "dept",
    }
)
_PARTICLES = frozenset(
    {"da", "de", "do", "dos", "das", "del", "la", "van", "von", "der", "al", "el", "bin", "ibn"}
)
_INTEREST_RE = re.compile(
    r"(?:\binterested\s+in|\binteresad[oa]s?\s+en|\binteressad[oa]s?\s+(?:em|no|na|nos|nas)|"
    r"\bintéressée?s?\s+par|\bинтересу(?:ет|ют)|\bзаинтересованы\s+в)\s+"
    r"(?:(?:your|the|a|an|buying|purchasing|importing|su|sus|el|la|los|las|comprar|seu|sua|seus|suas|o|a|os|as|"
    r"votre|vos|le|les|ваш|ваши|ваша|ваше)\s+)*(?P<product>[^.,;:!?\n。，]{2,80})",
    re.IGNORECASE,
)
# "My name is Ricardo Almeida, from ...", "Hola, soy Martín Gómez de ...": the capitalised words that follow.
_INTRO_RE = re.compile(
    r"(?:\bmy\s+name\s+is|\bmeu\s+nome\s+é|\bme\s+llamo|\bmi\s+nombre\s+es|\bje\s+m['’]appelle|"
    r"\bменя\s+зовут|(?:^|(?<=[,.!] )|(?<=hola ))soy)"
    r"\s+(?P<name>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3})",
    re.IGNORECASE | re.MULTILINE,
)
_HONORIFIC_RE = re.compile(
    r"^(?:mr|mrs|ms|miss|dr|mme|mlle|m|sr|sra|srta|herr|frau|г-н|г-жа)\.?\s+(?=\S)", re.IGNORECASE
)
_CN_INTEREST_RE = re.compile(r"对(?:贵司的?|你们的?|您的?)?(?P<product>[^，。,.\n]{2,30}?)(?:很|非常)?感兴趣")
_PRODUCT_TAIL_RE = re.compile(
    r"\s+(?:for|para|pour|для|and\s+would|and\s+want|y\s+quer\w*|e\s+gostar\w*)\s.*$", re.IGNORECASE
)


def labelled_values(text: str) -> list[tuple[str, str]]:
    """(normalised label, value) of every "Label: value" line, in order."""
    return [
        (" ".join(m.group("label").casefold().split()), m.group("value"))
        for m in _LABELLED_RE.finditer(text)
        if m.group("value")
    ]


def find_customer_name(text: str, labelled: list[tuple[str, str]]) -> str | None:
    """A labelled name ("Name:", "姓名:", "From: Maria Silva <...>"), else the name under a closing."""
    for label, value in labelled:
        if label in _NAME_LABELS:
            name = _clean_name(value)
            if name:
                return name
    candidates = (_clean_name(line) for line in _signature_lines(text)[:2])
    signed = next((n for n in candidates if n and _looks_like_person(n)), None)
    return signed or _introduced_name(text)


def _introduced_name(text: str) -> str | None:
    match = _INTRO_RE.search(text)
    if not match:
        return None
    words: list[str] = []
    for word in match.group("name").split():
        if not word[0].isupper():
            break
        words.append(word)
    name = " ".join(words)
    return name if name and _looks_like_person(name) else None


def find_company(text: str, labelled: list[tuple[str, str]]) -> str | None:
    """A labelled company, else a signature line with a company suffix ("ACME Ltd", "ООО «Прибор»")."""
    for label, value in labelled:
        if label in _COMPANY_LABELS:
            company = _clean_company(value)
            if company:
                return company
    for line in _signature_lines(text)[:4]:
        company = _clean_company(line)
        if company and _COMPANY_SUFFIX_RE.search(company):
            return company
    return None


def find_product(text: str, labelled: list[tuple[str, str]]) -> str | None:
    """A labelled product, else what the customer says they are "interested in"."""
    for label, value in labelled:
        if label in _PRODUCT_LABELS:
            product = value.strip(" .;,。")
            if 2 <= len(product) <= 120:
                return product
    match = _INTEREST_RE.search(text) or _CN_INTEREST_RE.search(text)
    if not match:
        return None
    product = _PRODUCT_TAIL_RE.sub("", match.group("product")).strip()
    return product if len(product) >= 2 else None


def _signature_lines(text: str) -> list[str]:
    """The text after the last closing ("Best regards,"): its remainder, then up to four non-empty lines."""
    closings = list(_CLOSING_RE.finditer(text))
    if not closings:
        return []
    last = closings[-1]
    lines = [last.group("rest")] if last.group("rest").strip() else []
    lines += [line.strip() for line in text[last.end() :].splitlines() if line.strip()]
    return lines[:5]


def _clean_name(value: str) -> str | None:
    name = _HONORIFIC_RE.sub("", " ".join(_ANGLE_RE.sub(" ", value).split()).strip(" ,;-"))
    if not name or len(name) > 60 or len(name.split()) > 6 or _DOMAIN_RE.search(name):
        return None
    if ":" in name or "：" in name or not any(ch.isalpha() for ch in name):
        return None
    return name


def _looks_like_person(name: str) -> bool:
    """Capitalised words that are neither a job title nor a company; Chinese and Arabic names as they are."""
    words = name.split()
    if _COMPANY_SUFFIX_RE.search(name) or any(w.casefold().strip(".,") in _TITLE_WORDS for w in words):
        return False
    if re.fullmatch(r"[\u3400-\u9fff·]{2,5}", name) or re.fullmatch(r"[\u0600-\u06ff ]+", name):
        return True
    return len(words) <= 5 and all(w[0].isupper() or w.casefold() in _PARTICLES for w in words)


def _clean_company(value: str) -> str | None:
    company = " ".join(value.split()).strip(" ,;")
    if not company or len(company) > 100 or re.search(r"@|https?:|www\.", company):
        return None
    return company
