"""An organisation that writes of itself in the third person: "Valdora Water Authority is planning to procure ...",
"El Hospital Provincial San Roque (Jujuy) requiere ...", "Министерство ... рассматривает закупку ...". The
sentence's subject, up to its verb, is the customer's organisation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.rules.company_names import capitalised_enough, clean_company
from bot.rules.name_words import COMPANY_WORD_RE, LEGAL_RE

__all__ = ["subject_organisations"]

# Verbs an organisation uses of itself in a request, in the languages of the corpus's writers.
_VERBS = (
    r"is|are|has|have|was|will|would|needs?|requires?|requests?|invites?|plans?|wishes|intends|seeks|hereby|kindly|"
    r"requiere|solicita|necesita|desea|invita|está|busca|requer|precisa|deseja|convida|souhaite|recherche|demande|"
    r"sollicite|lance|benötigt|sucht|bittet|plant|beabsichtigt|richiede|cerca|intende|invita|рассматривает|просит|"
    r"планирует|приглашает|нуждается|закупает|объявляет|ищет|розглядає|просить|планує|потребує|ishtiraki|inahitaji|"
    r"inakaribisha|membutuhkan|memerlukan|mengundang|talep|ihtiyaç|cần|đang"
)
_SUBJECT_RE = re.compile(
    r"(?:^|(?<=[.!?][ \t]))[ \t]*(?:(?:the|el|la|los|las|le|les|il|lo|der|die|das|o|os)[ \t]+|l['’])?"
    r"(?P<org>[A-ZÀ-ÞА-ЯЁ][^\n.!?()]{2,150}?)(?:[ \t]*\([^()\n]{2,40}\))?[ \t]+"
    rf"(?:{_VERBS})(?![^\W\d_])",
    re.MULTILINE | re.IGNORECASE,
)
_PERSONAL_RE = re.compile(r"^(?:i|we|our|my|you|your|they|he|she|it|this|that|please|kindly|мы|я|nosotros|nous|wir)\b",
                          re.IGNORECASE)


def subject_organisations(text: str) -> Iterator[str]:
    """Organisations named as the subject of a sentence: a run holding a company word, capitalised as names are
    (or, as Russian official names are, a body word first and the rest in lower case)."""
    for match in _SUBJECT_RE.finditer(text):
        # after a chat line's speaker or a label: "Selam: company is Sidama Coffee …" has no subject "Selam: company"
        org = match.group("org").strip(" ,;:–-").rsplit(":", 1)[-1].strip()
        if "," in org and capitalised_enough(org):  # "Sipho Dlamini, Umlazi Water Lab needs ...": after the name
            org = org.rsplit(",", 1)[1].strip()
        words = org.split()
        if not 2 <= len(words) <= 14 or _PERSONAL_RE.match(org) or not org[:1].isupper():
            continue
        if not (COMPANY_WORD_RE.search(org) or LEGAL_RE.search(org)):
            continue
        company = clean_company(org, strict=True)
        if not company and not capitalised_enough(org) and COMPANY_WORD_RE.match(words[0]):
            company = clean_company(org, strict=False)  # "Министерство природных ресурсов ... Республики"
        if company:
            yield company
