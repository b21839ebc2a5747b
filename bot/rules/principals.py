"""Whom a writer acts for: "Escrevo em nome do Dr. X", "I am writing on behalf of Mr. Y", "أكتب نيابة عن المهندس Z".

A secretary or an assistant who writes for a named person sends the inquiry, but the customer is that person:
their name is the customer's, and the address and number given for them after it ("please send the offer
directly to Dr. X: x@…, mobile …") are the customer's, not the writer's own in the header or the signature.
An organisation after the phrase ("on behalf of Lusaka Water ...") names the company, not a person, and is left
to the company finders.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.rules.chat_exports import CHAT_LINE_RE
from bot.rules.companies import FREE_MAIL_DOMAINS
from bot.rules.name_words import (
    ARABIC_TITLE_WORDS,
    CLOSING_RE,
    COMPANY_WORD_RE,
    HONORIFIC_RE,
    JOB_WORDS,
    SUBJECT_LABEL,
    TITLE_WORDS,
)
from bot.rules.own_side import FORWARDED_RULE_RE, QUOTE_HEADER_RE
from bot.rules.referrals import FOR_INFORMATION_RE, ON_BEHALF_OF

__all__ = [
    "Principal", "asks_for_the_quote", "client_details", "client_sentences", "colleague_sent_to", "handed_over",
    "keeps_the_client", "message_at", "note_end", "principal_of", "sent_to_a_colleague", "wants_the_quote",
]


@dataclass(frozen=True)
class Principal:
    """The person the writer acts for, and where the text speaks of them (up to the writer's closing)."""

    honorific_led: str  # what follows the phrase, from the honorific to the end of its clause
    start: int
    end: int
    titles: tuple[str, ...] = ()  # the titles stripped before the name ("Herrn", "Prof.", "Dr.")


_BEHALF_RE = re.compile(
    rf"(?<![^\W\d_])(?:{ON_BEHALF_OF}|w\s+imieniu|(?:ب)?النيابة\s+عن|نيابة\s+عن|نيابةً\s+عن)[ \t]+(?P<rest>[^\n]+)",
    re.IGNORECASE,
)
_CLAUSE_END_RE = re.compile(r"[،,;:()\n]|\.(?:\s|$)(?<!\b\w\.\s)")
# "on behalf of my colleague Dr Sarah Whitfield": the writer's relation to the person comes before the title.
_RELATION_RE = re.compile(
    r"(?:my|our)\s+(?:(?:general|executive|managing|deputy|senior|chief|technical|lab(?:oratory)?|QC|QA|"
    r"quality(?:\s+control)?|purchasing|procurement|production|plant|project|operations|R&D)\s+)*"
    r"(?:colleague|boss|manager|director|supervisor|professor|head\s+of\s+department|line\s+manager|chairman|"
    r"MD|CEO|father|mother|brother|sister|son|daughter|husband|wife|uncle|aunt|cousin|nephew|niece)"
    r"(?:\s*,)?\s+(?=\S)|"
    # "por instrucción de nuestro gerente general, el Sr. …", "em nome do nosso diretor técnico, o Eng. …"
    r"(?:nuestr[oa]|mi|nosso|nossa|meu|minha)\s+(?:gerente|director[a]?|diretor[a]?|jef[ea]|chefe|presidente)"
    r"(?:\s+(?:general|geral|técnic[oa]|comercial|de\s+[^\W\d_]+))?(?:\s*,)?\s+(?:(?:el|la|o|a)\s+)?(?=\S)",
    re.IGNORECASE,
)
_GREETING_RE = re.compile(
    r"(?<![^\W\d_])(?:thank\w*|wish|greet\w*|congratulat\w*|welcome|agradec\w*|agradeç\w*|gracias|obrigad\w*|"
    r"felicit\w*|saluda\w*|saúda\w*|bienvenid\w*|remerci\w*|ringrazi\w*)(?![^\W\d_])", re.IGNORECASE)
# our own agent named as the one the writer acts on ("por instrucción del Sr. Pablo Rojas, su representante en Chile")
_YOUR_AGENT_RE = re.compile(
    r"(?<![^\W\d_])(?:su|sus|vuestr[oa]|seu|sua|your|votre|vostro|vostra|Ihr\w*)\s+(?:(?:local|regional)\s+)?"
    r"(?:representante\w*|representative\w*|agente?s?|distribuidor\w*|distributor\w*|dealer\w*|représentant\w*|"
    r"distributeur\w*|rappresentant\w*|Vertreter\w*|ejecutiv[oa]|vendedor\w*|sales\s+\w+)(?![^\W\d_])", re.IGNORECASE)
_FULL_NAME_RE = re.compile(r"(?-i:[A-Z][a-z]+(?:[ \t]+[A-Z][a-z'’-]+){1,2})(?![^\W\d_])")
_RANK_RE = re.compile(r"^(?:(?:general|executive|managing|deputy|senior|chief|technical)[ \t]+)+", re.IGNORECASE)
_GROUP_AFTER_RE = re.compile(r"[ \t]+(?:team|department|dept|group|unit|office|staff)(?![^\W\d_])", re.IGNORECASE)


def _named_in_full(rest: str) -> bool:
    """A person's first name and surname open `rest` ("Sarah Whitfield, who …"), not a team ("Quality Control team")."""
    name = _FULL_NAME_RE.match(rest)
    return bool(name and not _GROUP_AFTER_RE.match(rest, name.end())
                and not any(w.casefold() in JOB_WORDS | TITLE_WORDS for w in name.group().split())
                and not COMPANY_WORD_RE.search(name.group()))


def principal_of(text: str) -> Principal | None:
    """The person named with a title after "on behalf of" (in the languages we meet), or named in full after the
    writer's relation to them ("on behalf of my colleague Sarah Whitfield"), else None."""
    for match in _BEHALF_RE.finditer(text):
        rest = match.group("rest")
        relation = _RELATION_RE.match(rest)
        rest = _RANK_RE.sub("", rest[relation.end() :]) if relation else rest  # "our director General Dr. …"
        if not HONORIFIC_RE.match(rest) and not (relation and _named_in_full(rest)):
            continue  # a company ("on behalf of Abyssinia Pharma Share Company") or a role ("of our director")
        titled, titles = rest, []
        for _ in range(4):  # "im Auftrag von Herrn Prof. Dr. Lindner": every title goes, not two of three
            title = HONORIFIC_RE.match(titled)
            if not title:
                break
            titles.append(title.group().strip())
            titled = titled[title.end() :]
        clause = _CLAUSE_END_RE.split(titled, maxsplit=1)[0].strip()
        if _GREETING_RE.search(_sentence_of(text, match.start())) or _YOUR_AGENT_RE.match(
                titled[len(clause):].lstrip(" \t,–-")):
            continue  # "On behalf of our CEO, Mr. X, thank you for …", "… we wish you a prosperous year"
        closing = _closing_line(text, match.end(), len(text))
        return Principal(clause, match.start("rest"), closing, tuple(titles))
    return None


_LINE_RE = re.compile(r"^[^\n]*", re.MULTILINE)


def _closing_line(text: str, start: int, end: int) -> int:
    """Where the writer's closing ("Best regards", "Saludos") starts between `start` and `end`; `end` without one."""
    return next((m.start() for m in _LINE_RE.finditer(text, start, end) if CLOSING_RE.match(m.group())), end)


def _forward_below(text: str, start: int) -> re.Match[str] | None:
    """The first forwarded or quoted message after `start`: a mail client's rule or a "From:" header."""
    return FORWARDED_RULE_RE.search(text, start) or QUOTE_HEADER_RE.search(text, start)


# Russian and Ukrainian "send the offer to him / to the director": the verbs, the offer and to whom
# (also after "просьба"/"просим": "КП просьба направлять лично директору: …")
_RU_SEND = (r"(?:(?:просьба|просим)\s+)?(?:отправляйте|направляйте|присылайте|высылайте|отправьте|направьте|пришлите|"
            r"вышлите|направлять|отправлять|высылать|присылать|направить|отправить|выслать|прислать)")
_RU_OFFER = r"(?:(?:коммерческое\s+)?предложение|КП)"
_RU_TO = r"(?:напрямую\s+|непосредственно\s+|лично\s+)?(?:директору|руководителю|ему|ей|им)(?![^\W\d_])"
_UA_SEND = r"(?:надсилайте|надішліть|направляйте|відправляйте)"
_UA_TO = r"(?:йому|їй|їм|директору|керівнику)(?![^\W\d_])"
# A writer who passes the buyer's contacts on: a forwarder's "Their contact is Mr. Brian Okello, +256 …", an
# assistant's "Datos de contacto del Sr. Muñoz: …", a PA's "Please address the revised quote to her directly: …",
# a customs broker's "adresser votre offre à leur responsable achats, M. …", an agent's "بيانات الزبون:" block.
_HANDOVER_RE = re.compile(
    r"(?<![^\W\d_])(?:"
    # not "his/her contact is": a colleague's or our own agent's ("we met your agent Mr. Khalid; his contact is …")
    r"(?:their|the\s+(?:customer|client|buyer|end[- ]user)(?:['’]s)?|our\s+(?:customer|client)['’]s)\s+"
    r"contacts?(?:\s+(?:details|info(?:rmation)?|data|person|number))?\s*(?:is|are|[:：–-])|"
    r"(?:buyer|customer|client|end[- ]user)(?:['’]s)?\s+contact(?:\s+(?:details|person|info))?\s*[:：]|"
    # "cotiza directo a él", "pode mandar a cotação direto pra ele"
    r"(?:env[ií]\w*|mand\w*|dirig\w*|remit\w*|cotiz\w*)\s+(?:la\s+|su\s+|a\s+|o\s+)?"
    r"(?:cotizaci[oó]n\s+|cotação\s+|oferta\s+|propuesta\s+|proposta\s+|orçamento\s+)?"
    r"direc?t(?:amente|o)\s+(?:a|para|pra|pro)\s+(?:él|ella|ellos|ellas|ele|ela|eles|elas)|"
    r"(?:env[ií]\w*|mand\w*|dirij\w*|remit\w*)\s+(?:la\s+|su\s+)?(?:cotizaci[oó]n\s+|oferta\s+|propuesta\s+)?"
    r"a\s+(?:él|ella|ellos|ellas)\s+directamente|"
    r"contact\s+(?:details|info(?:rmation)?)\s+(?:of|for)\s+(?:the\s+(?:customer|client|buyer)|our\s+(?:customer|client)|"
    r"him|her|them)|"
    r"(?:send|address|forward|direct|e-?mail)\s+(?:the\s+|your\s+|our\s+|it\s+)?(?:(?:revised|updated|final|best)\s+)?"
    r"(?:quot\w*\s+|offer\s+|proposal\s+|reply\s+|answer\s+|prices?\s+)?"
    r"(?:directly\s+)?to\s+(?:him|her|them)(?![^\W\d_])|"
    r"datos\s+de\s+contacto\s+(?:del\s+|de\s+la\s+)|dados\s+de\s+conta(?:c)?to\s+d[oa]\s+|"
    # a reseller passing its client on: "te paso el contacto directo del cliente", "segue o contato do cliente"
    r"(?P<reseller>(?:te|les|le|os)\s+(?:paso|pasamos|comparto|compartimos|dejo|dejamos)\s+(?:el|los)\s+"
    r"(?:contactos?|datos)(?:\s+(?:directos?|de\s+contacto))?\s+del?\s+(?:cliente|usuario\s+final|comprador)|"
    r"(?:(?:te|lhe|vos)\s+(?:passo|passamos)|segue)\s+o\s+conta(?:c)?to(?:\s+direto)?\s+d[oa]\s+"
    r"(?:cliente|usuário\s+final))|"
    # a referral: "Os contatos dela: …", "Por favor, tratem diretamente com ela", "traten directamente con él"
    r"(?P<referral>(?:os\s+)?(?:contatos|dados)\s+(?:dela|dele)\s*[:：]|"
    r"(?:tratem|trate|falem|fale|traten|hablen)\s+(?:diretamente|directamente)\s+co[mn]\s+(?:ela|ele|ella|él))|"
    r"coordonnées\s+d[eu]\s+(?:notre|leur|la\s+cliente|M\.|Mme)|"
    r"adresser\s+(?:votre|vos|la|le|l['’])\s*[^\W\d_]*\s+(?:directement\s+)?à\s+(?:leur|son|sa|notre|M\.|Mme)|"
    r"Kontakt(?:daten)?\s+(?:des|unseres|unserer|der)\s+Kund(?:en|in)|"
    r"(?:контакт\w*|данные|телефон)\s+(?:клиента|заказчика|покупателя)|"
    r"(?:بيانات|معلومات|رقم|هاتف)\s+(?:الزبون|العميل|المشتري)|"
    # an agent for "our customer" ("نيابة عن زبوننا في العراق:"), or the quote's contact ("para la cotización
    # formal, contactar a la Ing. …")
    r"(?:on\s+behalf\s+of|en\s+nombre\s+de|em\s+nome\s+d[eoa]|au\s+nom\s+d[eu]|im\s+Auftrag|نيابة\s+عن)\s+"
    r"(?:our|nuestro|nosso|notre|unseres?)?\s*(?:customer|client|cliente|Kunden|زبون\w*|عميل\w*)|"
    # "Contacto para la cotización: Sr. Ignacio Pérez, …", "Contact for the quotation:"
    r"(?:contacto|contato|contact)\s+(?:para|for|pour)\s+(?:la\s+|a\s+|the\s+|le\s+)?"
    r"(?:cotizaci[oó]n|cotação|quot\w*|oferta|offer|devis)\s*[:：]|"
    r"(?:quot\w*|cotizaci[oó]n|cotação|oferta|offer|devis|Angebot|preventivo)\b[^.\n]{0,40}?(?<![^\W\d_])"
    # (a subject's "Ring mill quote – new contact", completed only on the next line, is skipped in `handed_over`)
    r"(?:contact|contactar|contatar|contacter|kontaktieren|contattare|write\s+to|escribir\s+a)\s+|"
    # "contact her directly", "send the quotation directly to Dr. Omar", "связываться напрямую с ней",
    # "para que la contactéis directamente", "os dados do utilizador final"
    r"(?:please|kindly|pls|you(?:\s+(?:can|may|could))?)\s+(?:contact|quote|call|write\s+to|reply\s+to|deal\s+with)\s+"
    r"(?:him|her|them|the\s+(?:customer|client|end[- ]?user|buyer))\s+directly|"
    r"(?:send|address)\s+(?:the\s+|your\s+)?(?:quot\w*|offer|proposal)\s+"
    r"directly\s+to\s+(?:(?:Dr|Mr|Mrs|Ms|Prof|Eng)\.?\s+)?(?-i:[A-Z])|"
    # "send it straight to their lab manager, Dr. Nomvula Dlamini, …": the client's person, named with a title
    # (read only with the person's address in the sentence, see `_for_their_person`)
    r"(?P<their>(?:send|address|forward)\s+(?:it|the\s+(?:quot\w*|offer|proposal)|your\s+(?:quot\w*|offer))\s+"
    r"(?:directly|straight)\s+to\s+their\s+(?:[^\W\d_]+[\s,]+){1,3}?(?:Dr|Mr|Mrs|Ms|Prof|Eng)\.?\s+(?=(?-i:[A-Z])))|"
    r"(?:связыва\w*|свяжитесь|обращайтесь)\s+(?:с\s+(?:ней|ним|ними)\s+)?напрямую|"
    # "Él prefiere que le escriban a su correo jmartinez@…", "please write to his e-mail …", "escrevam para o e-mail
    # dele": the address of the person the writer speaks of
    r"(?P<his>le\s+(?:escriban|escriba|envíen|envíe|manden|mande|contacten|contacte|respondan|responda)\s+"
    r"(?:[^\W\d_]+\s+){0,3}?(?:a|en)\s+su\s+(?:correo|e-?mail|mail|dirección)|"
    r"(?:write|send\s+(?:it|the\s+\w+)|reply|respond|answer)\s+(?:[^\W\d_]+\s+){0,2}?(?:to|at|on)\s+(?:his|her)\s+"
    r"(?:own\s+|personal\s+|direct\s+)?(?:e-?mail|mail|address|inbox)|"
    r"(?:escrevam|escreva|enviem|envie|mandem|mande)\s+(?:[^\W\d_]+\s+){0,3}?para\s+o\s+(?:e-?mail|endereço)\s+"
    r"(?:dele|dela))|"
    # "Предложение отправляйте директору — Эрмек Токтогулов, WhatsApp …", "направьте КП напрямую ему", "Комерційну
    # пропозицію надсилайте, будь ласка, їй напряму: …"
    rf"{_UA_SEND}\s+(?:комерційну\s+)?пропозицію\s+(?:безпосередньо\s+|напряму\s+)?{_UA_TO}|"
    rf"(?:комерційну\s+)?пропозицію\s+{_UA_SEND}(?:\s*,\s*будь\s+ласка\s*,)?\s+{_UA_TO}|"
    rf"{_RU_OFFER}\s+{_RU_SEND}(?:\s*,\s*пожалуйста\s*,)?\s+{_RU_TO}|"
    rf"{_RU_SEND}\s+{_RU_OFFER}\s+{_RU_TO}|"
    # "Контактное лицо по данному запросу: ведущий инженер Смирнова Ольга Игоревна, тел. …" under a director's letter
    r"(?P<contact_person>контактное\s+лицо\s+по\s+(?:данному|этому|настоящему)\s+(?:запросу|вопросу)\s*[:：—-])|"
    # an introduction or a referral: "I'd like to introduce you to my friend Mr. X", "Allow me to introduce Mr. X",
    # "I'm passing them to you directly"
    # (not "introduce myself", "our company", "our new range")
    r"(?:allow\s+me\s+to|i['’]?d\s+like\s+to|i\s+would\s+like\s+to|let\s+me|we\s+would\s+like\s+to)\s+introduce"
    r"(?!\s+(?:myself|ourselves|us|our\s+(?:company|firm|products?|range|services|new\s+(?:products?|range|line|models?))"
    r"|a\s+new\s+(?:products?|range|line|model))(?![^\W\d_]))|"
    r"passing\s+(?:them|him|her)\s+(?:on\s+)?(?:to\s+you|over)\s+directly|"
    r"passing\s+(?:the|this|our)\s+(?:client|customer|lead|buyer)\s+(?:on\s+)?(?:to\s+you|over)|"
    # "enviar la cotización … dirigida al gerente, Ing. X — correo …", "quote in the name of the cooperative,
    # attention Mrs. X, 0733 …" (mid-sentence, before a title: not a letter's own "Attn: Sales")
    r"dirigid[ao]s?\s+a(?:l|\s+la)?(?=\s+(?:gerente|director\w*|jefe|jefa|responsable|encargad[oa]|"
    r"(?:Sr|Sra|Dr|Dra|Ing|Lic)\.?\s))|(?<=[,;]\s)(?:attention|attn\.?)\s+(?=(?:Mrs|Mr|Ms|Dr|Eng)\.?\s)|"
    # Italian: "Vi lascio i suoi riferimenti, contattatela pure direttamente:"
    r"contattatel[aoi]\s+(?:pure\s+)?direttamente|(?:vi\s+lascio|ecco)\s+i\s+(?:suoi|loro)\s+(?:riferimenti|contatti|recapiti)|"
    # "(ТКП направлять ей)": the offer goes to the person named next
    r"(?:направ|отправ|высыл|присыл)\w*\s+(?:ей|ему|им)(?![^\W\d_])|"
    # "Просьба выслать КП контактному лицу клиента:", "КП просим направлять непосредственно контактному лицу — …"
    r"контактному\s+лицу(?:\s+(?:клиента|заказчика|покупателя))?|(?:направить|направлять)\s+на\s+имя|"
    r"(?:la|lo|las|los)\s+contact\w*\s+directamente|datos\s+del\s+(?:usuario\s+final|cliente\s+final)|"
    r"dados\s+do\s+(?:usuário|utilizador|cliente)\s+final|contatá-l[oa]s?\s+diretamente|"
    r"contactez-l[ea]s?\s+directement|(?:l[ae]|les)\s+contacter\s+directement|direkt\s+(?:mit\s+(?:ihm|ihr)\s+)?(?:in\s+Verbindung|kontaktieren)"
    r")"
    # "请直接报价给客户", "请与客户直接联系" (no spaces between Chinese words: no word boundary either)
    r"|直接(?:报价|報價|联系|聯繫|发|發|回复|回覆)[给給与與]?(?:客户|客戶|客人|买家|買家|他们|他們|他|她)"
    r"|(?:与|與|和|跟)(?:客户|客戶|客人|买家|買家|他们|他們|他|她)直接(?:联系|聯繫|沟通|溝通)",
    re.IGNORECASE,
)
# What says the buyer's message comes below: "contacts below", "the request below", "see below".
_ONWARD_RE = re.compile(
    r"(?<![^\W\d_])(?:below|ниже|abajo|a\s+continuación|abaixo|ci-dessous|unten|sotto|أدناه)(?![^\W\d_])|下面|以下",
    re.IGNORECASE,
)
# A dealer buying for an end user wants the quote itself: the end user's contact is "for information only".
_TO_US_RE = re.compile(
    r"(?<![^\W\d_])(?:(?:address|send|issue|make)\s+(?:\w+\s+){0,3}to\s+us|"
    r"(?:send|quote|offer)\s+us|in\s+our\s+name|"
    r"quote\s+me\s+(?:your|a|the)\s+(?:best\s+)?(?:dealer\s+|distributor\s+|trade\s+)?price|"
    r"not\s+to\s+the\s+end[- ]?user|auf\s+uns|quote\s+(?:it\s+)?to\s+us|"
    # "Enviar la cotización a este correo", "to this e-mail only": the shared mailbox it comes from is the contact
    r"(?:a|to|an)\s+(?:este|this|diese|questo|questa)\s+(?:correo|e-?mail|mailbox|address|buz[oó]n|Adresse|indirizzo|"
    r"casella)|"
    r"à\s+nous|a\s+nosotros|para\s+nós|на\s+нас|إلينا|не\s+(?:направля\w*|отправля\w*|высыла\w*))(?![^\W\d_])",
    re.IGNORECASE,
)
# A writer who asks for the quote themselves, said in their own note: "Kindly send the quotation to me directly",
# "Please send me the quotation", "senden Sie das Angebot an mich", "send your quotation (…) to the undersigned" (not
# "send a copy to me", "send any questions to me", "to me and to Dr. X")
# "me", not "me and Dr. X" (both get it), but "me and I will present it to him"
_ME = r"me(?![ \t]+and(?![ \t]+(?-i:I)(?:['’]ll|\s+will|\s+shall)))"
_TO_ME_RE = re.compile(
    r"(?<![^\W\d_])(?:(?:send|address|e-?mail)\s+(?:(?:all|any)\s+(?:(?:future|further|new)\s+)?|(?:future|further)\s+)"
    r"(?:quot\w*|offers?|proposals?)\s+(?:directly\s+)?to\s+(?:me(?![ \t]+and)|my\s+address|the\s+undersigned)|"
    r"(?:enviarme|envíenme|envíeme|mándenme|mándeme|remítanme|enviar-me|enviem-me|envie-me|mandem-me)\s+"
    r"(?:la\s+|su\s+|o\s+|a\s+)?(?:cotizaci[oó]n|oferta|propuesta|orçamento|cotação|proposta)|"
    # "por favor me envía la cotización a mí", "me mande o orçamento" (not "no me envíen la cotización a mí", nor a
    # copy: "me enviem a proposta também", "me envían la cotización en copia")
    r"(?<!no\s)(?<!não\s)(?<!nao\s)"
    r"me\s+(?:envía|envíe|envían|envíen|manda|mande|mandan|manden|envia|envie|enviem|mandem)\s+"
    r"(?:la\s+|su\s+|o\s+|a\s+)?(?:cotizaci[oó]n|oferta|propuesta|orçamento|cotação|proposta)"
    r"(?![^.;\n]{0,40}?(?<![^\W\d_])(?:também|tambem|también|tambien|en\s+copia|em\s+c[oó]pia|con\s+copia|"
    r"com\s+c[oó]pia)(?![^\W\d_]))|"
    r"(?:send|address|e-?mail)\s+(?:the\s+|your\s+)?(?:quot\w*|offer|proposal|"
    r"proforma(?:\s+invoices?)?|PI)\s+(?:and\s+(?:all\s+)?(?:correspondence|documents)\s+)?"
    rf"(?:\([^()\n]{{0,60}}\)\s+)?(?:directly\s+)?to\s+(?:{_ME}|"
    r"my\s+address|the\s+undersigned)|"
    # "Toda a correspondência comercial deve ser enviada para mim", "all commercial correspondence to me"
    r"(?:all|toda\s+(?:a|la))\s+(?:(?:commercial|comercial)\s+)?(?:correspondence|correspondência|correspondencia)\s+"
    r"(?:(?:comercial|should\s+be\s+sent|must\s+be\s+sent|deve\s+ser\s+enviada|debe\s+enviarse|debe\s+ser\s+enviada)"
    rf"\s+)*(?:to\s+{_ME}|para\s+mim(?![ \t]+e\s)|"
    r"a\s+m[ií](?![ \t]+y\s))|"
    # "address your pro-forma invoice to the Procurement Directorate (attention: myself)"
    r"\((?:attention|attn)\.?[ \t]*:?[ \t]*(?:myself|the\s+undersigned)\)|"
    r"(?:send|e-?mail)\s+me\s+(?:the\s+|your\s+|a\s+)?(?:quot\w*|offer|proposal|proforma|PI)|"
    r"reply\s+to\s+me\s+with\s+(?:the\s+|your\s+)?quot\w*|"
    r"(?:Angebot|KP)\s+(?:bitte\s+)?an\s+mich(?![ \t]+und))(?![^\W\d_])",
    re.IGNORECASE,
)
# "do not contact the end user directly": the dealer keeps the customer
_NOT_DIRECTLY_RE = re.compile(
    r"(?<![^\W\d_])(?:(?:do\s+not|don['’]t|not\s+to|never)\s+(?:contact|call|write\s+to|reach)\s+(?:the\s+)?"
    r"(?:end[- ]?user|customer|client|him|her|them)\s+directly|no\s+contactar\w*\s+directamente|"
    r"não\s+contat\w*\s+diretamente|не\s+(?:связывайтесь|обращайтесь)\s+(?:с\s+(?:ним|ней|ними)\s+)?напрямую)"
    r"(?![^\W\d_])|(?:不要|请勿|請勿|勿|不用|别|別)直接",
    re.IGNORECASE,
)
_PARAGRAPH_END_RE = re.compile(r"\n[ \t]*\n")
# A heading over the buyer's details in a dealer's mail: "----- client details -----", "End user details:", after a
# hand-over "His details:".
_DETAILS_HEADING_RE = re.compile(
    r"^[ \t]*(?:-{2,}|={2,}|\*{2,})?[ \t]*(?:client|customer|buyer|end[- ]?user|his|her|their)(?:['’]s)?[ \t]+"
    r"(?:contact[ \t]+)?"
    r"(?:details|info(?:rmation)?|data|contacts)[ \t]*(?:\([^()\n]{0,40}\)[ \t]*)?(?:[:：]|-{2,}|={2,}|\*{2,})?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A forwarder's note that asks us to answer the writer below directly, or to copy the forwarder in: "Kindly reply
# directly to him", "cotiza directamente al usuario final con copia a mí", "Merci de lui répondre directement, moi en
# copie", "please deal with him directly … keep me in cc".
_DIRECT_REPLY_RE = re.compile(
    r"(?<![^\W\d_])(?:(?:reply|respond\w*|answer|deal|quote|contact\w*|write|revert|cotiz\w*|contest\w*|répond\w*|"
    r"écri\w*|antwort\w*|rispond\w*|ответ\w*|contate)(?![^\W\d_])[^.\n]{0,30}?(?<![^\W\d_])"
    r"(?:directly|directamente|directo|diretamente|direto|directement|direkt|direttamente|напрямую)(?![^\W\d_])"
    r"(?![ \t]+(?:to|a|à|an)[ \t]+(?:me|us|mí|nosotros|moi|nous|mich|uns)(?![^\W\d_]))|"  # not "reply directly to me"
    r"me\s+in\s+c(?:opy|c)|cc\s+me|con\s+copia\s+a\s+m[ií]|moi\s+en\s+copie|com\s+c[oó]pia\s+(?:pra|para)\s+mim|"
    r"mich\s+in\s+(?:cc|kopie)|в\s+копии|меня\s+в\s+копию|copy\s+me(?:\s+in)?|me\s+copiar|copiar-me|me\s+copie|"
    r"copie-me|copiarme|me\s+copien)(?![^\W\d_])",
    re.IGNORECASE,
)
# The buyer's own block in a third party's mail: "Cliente: Patrícia Alves Moreira, compradora" and the lines under it.
_CLIENT_LABEL_RE = re.compile(
    r"^[ \t]*(?:cliente|client|customer|buyer|end[- ]?user|usuario\s+final|usuário\s+final|utilizador\s+final|"
    r"comprador|compradora|клиент|заказчик|покупатель|العميل|الزبون|Kunde|Endkunde)[ \t]*[:：][ \t]*\S",
    re.IGNORECASE | re.MULTILINE,
)


def _after_headers(text: str) -> int:
    """Where the writer's own note starts: after their mail headers ("From: …" to the next blank line), if the text
    opens with them or with our specialist's one-paragraph note over them ("转一下，巴西客户" / "From: …")."""
    first = QUOTE_HEADER_RE.search(text)
    lead = len(text) - len(text.lstrip())
    if first is None or _PARAGRAPH_END_RE.search(text, lead, max(first.start() - 1, lead)):
        return 0  # two paragraphs or more before the first header: a message of its own, which quotes one below
    header_end = _PARAGRAPH_END_RE.search(text, first.start())
    return header_end.end() if header_end else 0


def message_at(text: str, at: int) -> tuple[int, int]:
    """The message whose header holds position `at`: from that line to the next forwarded or quoted message."""
    start = text.rfind("\n", 0, at) + 1
    headers_end = _PARAGRAPH_END_RE.search(text, at)
    below = _forward_below(text, headers_end.end()) if headers_end else None
    return start, below.start() if below else len(text)


def note_end(text: str) -> int:
    """Where the writer's own note ends: at a forwarded or quoted message below it, else at the end."""
    forwarded = _forward_below(text, _after_headers(text))
    return forwarded.start() if forwarded else len(text)


def _forwarded_for_a_direct_reply(text: str) -> tuple[int, int] | None:
    """The message a forwarder passes on below their note, when the note asks us to answer its writer directly or
    to keep the forwarder in copy: that message is the buyer's. Without such a message, a client's block in a
    referral that asks the same (`_client_block`)."""
    start = _after_headers(text)
    forwarded = _forward_below(text, start)
    if forwarded is not None and (_DIRECT_REPLY_RE.search(text, start, forwarded.start())
                                  or _sent_to_its_writer(text, start, forwarded.start())):
        return forwarded.start(), len(text)
    return _client_block(text, start)


# "The quotation must be … sent to Dr. Adebayo Ogunleye directly", "please send it to Mr. Okafor": to whom
_SENT_TO_PERSON_RE = re.compile(
    r"(?<![^\W\d_])(?:(?:please|kindly|pls)\s+(?:[^\W\d_]+\s+){0,2}?(?:send|forward|address|direct)|"
    r"(?:should|must|shall|has\s+to|have\s+to|needs?\s+to|is\s+to|are\s+to)\s+be\s+(?:[^\W\d_]+\s+){0,3}?"
    r"(?:sent|forwarded|addressed|directed))(?![^\W\d_])[^.\n]{0,40}?"
    r"(?<![^\W\d_])to\s+(?:(?:Dr|Mr|Mrs|Ms|Prof|Eng|Engr)\.?\s+)?"
    r"(?P<who>(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){0,2})",
    re.IGNORECASE,
)


def _sent_to_its_writer(text: str, start: int, end: int) -> bool:
    """The note (from `start` to the forwarded message at `end`) asks us to send the quote to the person whose
    message is forwarded below it: their surname stands in that message's "From:" line. Not when it is sent to
    the writer too ("… and to me")."""
    sender = _FROM_LINE_RE.search(text, end, min(len(text), end + 400))
    if sender is None or _asks_for_it_themselves(text[start:end]):
        return False
    for match in _SENT_TO_PERSON_RE.finditer(text, start, end):
        surname = match.group("who").split()[-1]
        sentence = _sentence_of(text, match.start())
        clause_end = _CLAUSE_BREAK_RE.search(text, match.end())
        clause = text[match.start() : clause_end.start() if clause_end else len(text)]
        if (len(surname) >= 3 and re.search(rf"(?<![^\W\d_]){re.escape(surname)}(?![^\W\d_])", sender.group())
                and not _ALSO_TO_US_RE.search(sentence) and not _A_COPY_RE.search(clause)
                and not _not_for_the_sale(sentence)):
            return True
    return False


_CLAUSE_BREAK_RE = re.compile(r"[,;]")
# a copy for the writer or a refusal: "… and to me", "cc me as well", "do not send it to Dr. X"
_ALSO_TO_US_RE = re.compile(r"(?<![^\W\d_])(?:to\s+(?:me|us)|and\s+(?:me|us)|in\s+(?:copy|cc)|cc|"
                            r"don['’]t|do\s+not|never|no\s+longer)(?![^\W\d_])", re.IGNORECASE)
# "as well", "also", "too" make a copy only in the clause that sends ("… to Dr. X as well"), not in "she would also
# like …"
_A_COPY_RE = re.compile(r"(?<![^\W\d_])(?:as\s+well|also|too)(?![^\W\d_])", re.IGNORECASE)
# The writer who wants the quote sent to themselves, in English or not: "send the quotation to me", "should now come to
# me", "envíenmela a mí", "enviem a cotação … para mim", "envoyez le devis à moi", "an mich"
_FOR_ME_RE = re.compile(
    r"(?<![^\W\d_])(?:(?:come|go|be\s+sent|be\s+addressed)\s+to\s+me|(?<!copia\s)a\s+m[ií]|"
    r"(?<!cópia\s)(?<!copia\s)para\s+mim|"
    r"(?<!copie\s)à\s+moi|(?<!Kopie\s)an\s+mich|"
    r"env[ií]\w*me(?:la|lo|las|los)|m[aá]nd\w*me(?:la|lo|las|los)|remít\w*me(?:la|lo))(?![^\W\d_])",
    re.IGNORECASE)


def _asks_for_it_themselves(note: str) -> bool:
    """The writer asks for the quote to themselves: "Please send the quotation to me", "should now come to me",
    "la cotización, envíenmela a mí", "enviem a cotação … para mim"."""
    return bool(_TO_ME_RE.search(note) or _FOR_ME_RE.search(note))


_FROM_LINE_RE = re.compile(r"^[ \t>]*(?:from|de|von|da|от|від|من|kimden|gönderen)[ \t]*[:：][^\n]*",
                           re.IGNORECASE | re.MULTILINE)


def _client_block(text: str, start: int) -> tuple[int, int] | None:
    """A block labelled with the client ("Cliente: …", "End user: …") in a note that asks us to answer someone
    directly or to copy its writer in: an agent's or a representative's referral, whose client is the buyer."""
    label = _CLIENT_LABEL_RE.search(text, start)
    if label is None or not _DIRECT_REPLY_RE.search(text, start):
        return None
    paragraph = _PARAGRAPH_END_RE.search(text, label.end())
    end = _closing_line(text, label.end(), paragraph.start() if paragraph else len(text))
    # the client's own address is there: a contractor's "Client: City Water, Eng. X, +254 …" names the project's
    # owner, for whom the contractor buys
    return (label.start(), end) if "@" in text[label.start() : end] else None


# A forwarder's or an agent's words for the buyer they write about: "Our client, Mr. X of Golden Harvest Cocoa
# Processing Ltd, needs …", "Наш клиент — ООО «Агрохимлаб» (г. Краснодар) — интересуется …".
_OUR_CLIENT_RE = re.compile(
    r"(?<![^\W\d_])(?:(?:our|my)\s+(?:client|customer|end[- ]?user)|наш\s+(?:клиент|заказчик)|nuestro\s+cliente|"
    r"nosso\s+cliente|notre\s+client|unser(?:em)?\s+Kunden?|عميلنا|زبوننا)(?![^\W\d_])[ \t,:—–-]*",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bProf)(?<!\bEng)(?<!\bIng)(?<!\bLic)(?<!\bSr)"
                              r"(?<!\bSra)(?<!\bDra)\.(?:\s|$)|\n")


def client_sentences(text: str) -> Iterator[str]:
    """Each sentence (from the words for the client on) in which a forwarder or an agent speaks of their client."""
    for match in _OUR_CLIENT_RE.finditer(text):
        end = _SENTENCE_END_RE.search(text, match.end())
        yield text[match.start() : end.start() if end else len(text)]


# A hand-over for the goods, not the sale: "For delivery scheduling, please deal with him directly: our storekeeper".
_LOGISTICS_RE = re.compile(
    r"(?<![^\W\d_])(?:deliver\w*|pick-?up|shipping|shipment|clearing|logistics|storekeeper|warehouse|scheduling|"
    r"экспедитор\w*|експедитор\w*)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
# Or for technical questions only: "По техническим вопросам можете связываться напрямую с нашим инженером …" (not
# "For the quotation and any technical questions, please contact Dr. X directly").
_TECHNICAL_RE = re.compile(
    r"(?<![^\W\d_])(?:technical\s+(?:questions?|queries|matters|issues)|техническ\w+\s+вопрос\w*|"
    r"технічн\w+\s+питан\w*|consultas\s+técnicas|questions\s+techniques|technische\w*\s+Fragen)(?![^\W\d_])",
    re.IGNORECASE,
)
_COMMERCIAL_RE = re.compile(
    r"(?<![^\W\d_])(?:quot\w*|offer\w*|price\w*|pricing|commerc\w*|comercia\w*|cotiz\w*|КП|коммерческ\w*|цен\w*|"
    r"стоимост\w*|закуп\w*|предложени\w*|Angebot\w*|Preis\w*|Bestell\w*|devis|oferta\w*|order\w*|pedido\w*|"
    r"compra\w*|achat\w*|purchas\w*|tender\w*|тендер\w*|bid\w*|licitac\w*|procurement|закупоч\w*|процедур\w*|"
    r"contract\w*|договор\w*|project\w*|request\w*|enquir\w*|inquir\w*|запрос\w*|заявк\w*|проект\w*)"
    r"(?![^\W\d_])", re.IGNORECASE)


def _not_for_the_sale(sentence: str) -> bool:
    """A hand-over in `sentence` is for the goods or for technical questions only, not for the sale."""
    return bool(_LOGISTICS_RE.search(sentence) or (_TECHNICAL_RE.search(sentence)
                                                   and not _COMMERCIAL_RE.search(sentence)))


def _sentence_of(text: str, at: int) -> str:
    """The sentence (or line) that holds position `at`."""
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    end = _SENTENCE_END_RE.search(text, at)
    return text[start : end.start() if end else len(text)]


def sent_to_a_colleague(note: str) -> tuple[int, int] | None:
    """Where the writer's own note (`note`) sends the quote to a colleague named with their address at the writer's
    own organisation ("Please send your offer to Bram de Vries (b.devries@…, +31 …)", "send your quotation to Mr.
    Abdullah directly at a.alenezi@…", "Bitte senden Sie das Angebot direkt an Frau Dr. Vogel (k.vogel@…)"): from
    the name to the end of its paragraph or the closing. Not to someone elsewhere (a forwarder, a customs broker,
    our own salesman), not "do not send … any more", not "as well" (a copy)."""
    for match in _sent_to_named(note):
        who, address = match.group("who"), match.group("address")
        writer = _ADDRESS_RE.search(note, 0, match.start())  # the writer's own, in the header above
        domain = address.rsplit("@", 1)[1].casefold()
        if (writer is None or writer.group("domain").casefold() != domain
                or domain.split(".", 1)[0] in FREE_MAIL_DOMAINS  # two gmail users are no one organisation
                or not (HONORIFIC_RE.match(who) or _named_in_full(who) or _PARTICLED_NAME_RE.fullmatch(who)
                        or _ARABIC_TITLED_RE.match(who))
                or _NOT_A_PERSON_RE.search(who) or _ARABIC_ASIDE_RE.search(_line_of(note, match.start()))
                or (match.re is _SENT_TO_NAMED_ARABIC_RE and len(_ARABIC_TITLE_RE.sub("", who).split()) > 4)
                or _NOT_TO_THEM_RE.search(_line_of(note, match.start()))):
            continue
        if asks_for_the_quote(note):  # "Please send the quotation to me. Once approved, send the proforma to …"
            return None
        paragraph = _PARAGRAPH_END_RE.search(note, match.start())
        end = paragraph.start() if paragraph else len(note)
        return match.start("who"), _closing_line(note, match.start("who"), end)
    return None


# "send your offer to X (x@…", "… directly at x@…", "senden Sie das Angebot direkt an Frau Dr. X (x@…"
_SENT_TO_NAMED_RE = re.compile(
    r"(?<![^\W\d_])(?:(?:send|direct|forward|e-?mail)\s+(?:the\s+|your\s+)?(?:(?:revised|formal|final)\s+)?"
    r"(?:quot\w*|offer|proposal)|(?:senden|schicken|richten)\s+Sie\s+(?:bitte\s+)?"
    r"(?:das|Ihr)\s+Angebot(?:\s+bitte)?|"
    # "Merci d'envoyer le devis à M. Benali : y.benali@…", "dirigir la cotización directamente a la Ing. Huamán: …"
    r"(?:envoyer|transmettre)\s+(?:le|votre|l['’])\s*(?:devis|offre|cotation)|"
    r"(?:enviar|dirigir|remitir|mandar|encaminhar)\s+(?:la|su|a|sua)\s+(?:cotizaci[oó]n|oferta|cotação|proposta))"
    r"\s+(?:directly\s+|direkt\s+|directement\s+|directamente\s+|diretamente\s+)?"
    r"(?:to|an|à|a|para|ao)\s+(?:(?:la|el|o|a)\s+)?"
    r"(?P<who>[^\n()@,:]{2,60}?)\s*(?:\(|,|\s(?:directly\s+)?at\s|:)\s*(?P<address>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
    re.IGNORECASE,
)
# The same in Arabic ("برجاء إرسال العرض مباشرة إلى م. كريم على البريد: karim@…") and with the verb last, as Uzbek,
# Kazakh and Turkish put it, the name carrying its dative ending ("Taklifni to'g'ridan-to'g'ri Shavkat Yusupovga
# yuboring: sh.yusupov@…", "Teklifi doğrudan Ahmet Yılmaz'a gönderin: …").
_SENT_TO_NAMED_ARABIC_RE = re.compile(
    r"(?:إرسال|ارسال|أرسلوا|ارسلوا|توجيه)\s+(?:عرض\s+(?:ال)?سعر|العرض|عرض\s+الأسعار|التسعيرة)\s+(?:مباشرة\s+)?"
    r"(?:إلى|الى|لـ?)\s*(?P<who>[^\n()@,:،]{2,40}?)\s*(?:على\s+(?:ال)?(?:بريد|إيميل|ايميل)(?:\s+الإلكتروني)?\s*[:：]?|"
    r"[:：(]|،)\s*(?P<address>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
)
_SENT_TO_NAMED_VERB_LAST_RE = re.compile(
    r"(?<![^\W\d_])(?:taklif\w*|tijorat\s+taklif\w*|teklif\w*|fiyat\s+teklif\w*|ұсыныс\w*|коммерциялық\s+ұсыныс\w*)\s+"
    r"(?:(?:to['’`ʻ]g['’`ʻ]ridan-to['’`ʻ]g['’`ʻ]ri|bevosita|doğrudan|direkt|тікелей)\s+)?"
    r"(?P<who>(?-i:[A-ZА-ЯЁҚҒҮҰӘІҢӨҺŞÇÖÜİ][\w'’ʻ`-]+)(?:\s+(?-i:[A-ZА-ЯЁҚҒҮҰӘІҢӨҺŞÇÖÜİ][\w'’ʻ`-]+?)){0,2}?)"
    r"['’]?(?:ga|ka|qa|ya|ye|a|e|ға|ге|қа|ке)\s+"
    r"(?:yuboring|yuborishingizni\s+so['’`ʻ]raymiz|yuborsangiz|jo['’`ʻ]nating|gönderin(?:iz)?|gönderiniz|iletin(?:iz)?|"
    r"жіберіңіз|жолдаңыз)(?![^\W\d_])[^@\n]{0,12}?(?P<address>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
    re.IGNORECASE,
)
# an Arabic title, written out or abbreviated ("م. كريم", "د. سامي", "المهندس …")
_ARABIC_TITLE = rf"(?:(?:م|د|أ|ا)\.\s*|(?:{ARABIC_TITLE_WORDS})\s+)"
_ARABIC_TITLED_RE = re.compile(rf"{_ARABIC_TITLE}\S")  # a who that opens with one
_ARABIC_TITLE_RE = re.compile(rf"^\s*{_ARABIC_TITLE}")


# a branch, an office or a department is no colleague ("Taklifni Toshkent Filialiga yuboring", "إلى السيد مدير …")
_NOT_A_PERSON_RE = re.compile(
    r"(?<![^\W\d_])(?:filial\w*|bo['’`ʻ]?lim\w*|ofis\w*|şube\w*|sube\w*|birim\w*|bölüm\w*|bolum\w*|müdürlü\w*|"
    r"mudurlu\w*|laborat\w*|kalite|merkez\w*|markaz\w*|fabrika\w*|zavod\w*|departament\w*|бөлім\w*|филиал\w*|"
    r"офис\w*|منسق\w*|المشتريات|مشرف\w*|مدير\w*|رئيس\w*|مسؤول\w*|قسم|إدارة|ادارة|فرع)(?![^\W\d_])",
    re.IGNORECASE)
# an Arabic copy or the writer's own address on the line: "للاطلاع فقط", "أيضاً", "على بريدي"
_ARABIC_ASIDE_RE = re.compile(r"للاطلاع|للعلم|أيضا|ايضا|كذلك|نسخة|بريدي")


def colleague_sent_to(note: str, at: int) -> str | None:
    """The name, in full, of the colleague `sent_to_a_colleague` found at `at`, without a dative ending glued on
    ("Shavkat Yusupovga yuboring" names Shavkat Yusupov)."""
    who = next((m.group("who") for m in _sent_to_named(note) if m.start("who") == at), None)
    if who and _ARABIC_TITLED_RE.match(who):
        return " ".join(_ARABIC_TITLE_RE.sub("", who).split()) or None
    return who.strip() if who and _named_in_full(who) else None


def _sent_to_named(note: str) -> list[re.Match[str]]:
    """Every "send the quote to <who> <address>" of the note, in the order written."""
    found = [*_SENT_TO_NAMED_RE.finditer(note), *_SENT_TO_NAMED_ARABIC_RE.finditer(note),
             *_SENT_TO_NAMED_VERB_LAST_RE.finditer(note)]
    return sorted(found, key=lambda m: m.start())


_PARTICLED_NAME_RE = re.compile(r"(?-i:[A-Z][a-z]+)(?:[ \t]+(?:de|da|do|dos|del|van|von|der|den|ten|al|el|bin))+"
                                r"(?:[ \t]+(?-i:[A-Z][a-z'’-]+))+")  # "Bram de Vries", "Johan van der Merwe"
_ADDRESS_RE = re.compile(r"[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)+)")
_NOT_TO_THEM_RE = re.compile(
    # a refusal, a copy, a past habit, a record, or the writer as the contact ("… and to me", "but e-mail it to me",
    # "used to send …, who retired", "for his records", "zur Kenntnis; Ihr Ansprechpartner … bin ich")
    r"(?<![^\W\d_])(?:not|don['’]t|never|nicht|no\s+longer|any\s*more|as\s+well|also|too|pas|aussi|también|também|"
    r"tampoco|nunca|jamais|used\s+to|retired|left|but|aber|mais|pero|records?|information|(?:in|as)\s+(?:a\s+)?(?:copy|cc)|"
    r"to\s+me|and\s+me|zur\s+Kenntnis|bin\s+ich|an\s+mich|à\s+moi|a\s+mí|para\s+mim)(?![^\W\d_])", re.IGNORECASE
)


def _line_of(text: str, at: int) -> str:
    """The line that holds position `at` (a sentence cut at "M. Sami Trabelsi" would hide its "… et à moi")."""
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1 : end if end >= 0 else len(text)]


def _told_before_in_a_chat_message(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    """A chat message that gives the buyer's contacts before the phrase and nothing after it ("+55 21 99612-4478:
    fernando@… / celular (21) 98104-3327. Manda direto pra ele pfv"): that message, without its speaker and the
    phrase."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    line_end = len(text) if line_end < 0 else line_end
    chat = CHAT_LINE_RE.match(text, line_start)
    if chat is None or chat.start("message") > match.start() or re.search(r"[\d@]", text[match.end() : line_end]):
        return None
    said = chat.start("message")
    given = text[said : match.start()]  # (not a forwarder's: "our clearing agent is Swift Freight Ltd, ops@…")
    return (said, match.start()) if re.search(r"@|\d{3}", given) and not _LOGISTICS_RE.search(given) else None


def wants_the_quote(text: str) -> bool:
    """The writer wants the quote for themselves: "please address your quotation to us", "do not contact the end user
    directly", the end user's contact "for information only"."""
    return bool(_TO_US_RE.search(text) or keeps_the_client(text) or any(
        not _MY_OWN_RE.search(text, text.rfind("\n", 0, m.start()) + 1, m.start())
        for m in FOR_INFORMATION_RE.finditer(text)))


# the writer's own contact given "for reference" ("My number for reference: 0805 …"): no end user's
_MY_OWN_RE = re.compile(r"(?<![^\W\d_])my\s+(?:own\s+)?(?:(?:phone|mobile|cell|whatsapp|contact|office|direct)\s+)?"
                        r"(?:number|no\.?|phone|mobile|cell|e-?mail|whatsapp|line|contacts|contact\s+details)"
                        r"(?![^\W\d_])[ \t,]*(?:is[ \t]+)?$", re.IGNORECASE)


def asks_for_the_quote(note: str) -> bool:
    """The writer of `note` (their own message, nothing quoted) wants the quote themselves: besides
    `wants_the_quote`, "send the quotation to me" or "to the undersigned"."""
    return wants_the_quote(note) or _TO_ME_RE.search(note) is not None


def keeps_the_client(text: str) -> bool:
    """A dealer who asks us not to contact their client: "do not contact the end user directly", "不要直接联系客户"."""
    return _NOT_DIRECTLY_RE.search(text) is not None


def client_details(text: str, start: int = 0) -> tuple[int, int] | None:
    """The block under a heading for the client's details ("Client details (please put on the PI):") after `start`,
    to the end of its paragraph or the writer's closing, whoever wants the quote; None without such a heading."""
    heading = _DETAILS_HEADING_RE.search(text, start)
    if heading is None:
        return None
    block_end = _PARAGRAPH_END_RE.search(text, heading.end())
    return heading.start(), _closing_line(text, heading.end(), block_end.start() if block_end else len(text))


def _for_their_person(text: str, match: re.Match[str]) -> bool:
    """"Send it straight to their lab manager, Dr. X, x@…": the quote itself goes to the client's person, whose
    address stands in the sentence; not a later step for a broker or for payment after the writer has seen the
    quote ("Please send the quotation to me … Once confirmed, send it straight to their customs broker, Mr. …").
    The same guard reads "write to his e-mail …", "le escriban a su correo …", "escrevam para o e-mail dele"."""
    end = _WRAPPED_SENTENCE_END_RE.search(text, match.end())  # a mail's sentence may be wrapped over lines
    after = text[match.end() : end.start() if end else len(text)]
    opening = max(text.rfind(". ", 0, match.start()) + 2, text.rfind("\n\n", 0, match.start()) + 2,
                  text.rfind(":", 0, match.start()) + 1 if match.group("his") is None else 0, 0)
    sentence = text[opening : end.start() if end else len(text)]
    return ("@" in after and not _asks_for_it_themselves(text) and not _PAYMENT_OR_CUSTOMS_RE.search(sentence)
            and not _LOGISTICS_RE.search(sentence) and not (_TECHNICAL_RE.search(sentence) and match.group("his")))


_WRAPPED_SENTENCE_END_RE = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bProf)(?<!\bEng)\.(?:\s|$)|\n[ \t]*\n")


_PAYMENT_OR_CUSTOMS_RE = re.compile(r"(?<![^\W\d_])(?:payment|pay|finance|financial|accounts?|invoic\w*|customs|broker|"
                                    r"permit|import|approv\w*|confirm\w*|accept\w*|proforma|deposit|bursar|forwarder|"
                                    r"freight|receiv\w*|install\w*|pag\w*|financeiro|boletos?|nota\s+fiscal|factur\w*|"
                                    r"fatur\w*|cobran\w*|despach\w*|entreg\w*|equipamento|mercadoria)(?![^\W\d_])",
                                    re.IGNORECASE)


# a mail's subject line: its "quote – new contact" (a phrase completed only on the next line) hands no one over; its
# "Inquiry on behalf of our client" does
_HEADER_SUBJECT_RE = re.compile(SUBJECT_LABEL, re.IGNORECASE)
# a reseller that registers its client's project and keeps the quote: "registren la oportunidad a nuestro nombre",
# "registrarem o projeto em nosso nome"
_IN_OUR_NAME_RE = re.compile(r"(?<![^\W\d_])(?:(?:a|en)\s+nuestro\s+nombre|a\s+nombre\s+nuestro|"
                             r"(?:em|no)\s+nosso\s+nome)(?![^\W\d_])", re.IGNORECASE)


# A referral ("Os contatos dela: …", "traten directamente con él", "Контактное лицо по данному вопросу: …") to someone
# for customs, shipping documents or the invoice ("nossa despachante, a Sra. X. Os contatos dela: …", "agente de
# aduanas …; para los documentos de embarque traten directamente con él", "Таможенное оформление выполняет наш брокер.
# Контактное лицо по данному вопросу: …", "aos cuidados da nossa contadora. Os dados dela: …"), said in its sentence or
# in the words of its paragraph just before it (up to _LOOK_BACK characters)
_REFERRAL_ASIDE_RE = re.compile(
    r"(?<![^\W\d_])(?:despachant\w*|desembara\w*|aduan\w*|alfândeg\w*|comissári\w*|internaci[oó]n|embarque\w*|"
    r"transportador\w*|transportista\w*|fatura\w*|nota\s+fiscal|factura\w*|contador\w*|contab\w*|financeiro|"
    r"таможен\w*|брокер\w*|экспедитор\w*|логист\w*|бухгалтер\w*)(?![^\W\d_])", re.IGNORECASE)
_LOOK_BACK = 160  # characters: about the sentence before the phrase
# or for questions only: "Se houver dúvidas sobre os métodos, tratem diretamente com ela: …" (not with the quote)
_QUESTIONS_RE = re.compile(r"(?<![^\W\d_])(?:dúvidas?|dudas?|preguntas?|questões|consultas?)(?![^\W\d_])",
                           re.IGNORECASE)


def _referral_aside(text: str, match: re.Match[str]) -> bool:
    """A referral phrase (see _REFERRAL_ASIDE_RE) for customs, documents, billing or questions only: said so in its
    sentence or in the words of its paragraph just before it (a title's stop, "a Sra. Vânia Prado.", splits a
    sentence too early to look back by sentences)."""
    sentence = _sentence_of(text, match.start())
    paragraph = text.rfind("\n\n", 0, match.start()) + 1
    before = text[max(paragraph, match.start() - _LOOK_BACK) : match.start()]
    return bool(_REFERRAL_ASIDE_RE.search(sentence) or _REFERRAL_ASIDE_RE.search(before)
                or (_QUESTIONS_RE.search(sentence) and not _COMMERCIAL_RE.search(sentence)))


def handed_over(text: str) -> tuple[int, int] | None:
    """Where a writer gives the buyer's contacts for them (see _HANDOVER_RE): the buyer's forwarded message when the
    phrase stands over one ("contacts below", or no contacts between them); else from the phrase (or the next
    paragraph, when the phrase ends its own with no contacts) to the end of that paragraph or the writer's closing;
    a phrase in a sentence about deliveries or shipping hands over no buyer; without such a phrase, the forwarded
    message (or a "Cliente:" block) under a note that asks us to answer its writer directly or to copy the writer;
    None when neither is there, or when the writer wants the quote for themselves ("please address your quotation
    to us", "do not contact the end user directly"). The numbers and addresses there are the customer's, not the
    writer's own in the header or the signature."""
    if wants_the_quote(text):
        return None
    match = next((m for m in _HANDOVER_RE.finditer(text) if not _not_for_the_sale(_sentence_of(text, m.start()))
                  and not ("\n" in m.group() and _HEADER_SUBJECT_RE.match(text, text.rfind("\n", 0, m.start()) + 1))
                  and (m.group("their") is None and m.group("his") is None or _for_their_person(text, m))
                  and (m.group("reseller") is None or not _IN_OUR_NAME_RE.search(text))
                  and not ((m.group("referral") or m.group("contact_person")) and _referral_aside(text, m))), None)
    if match is None:
        return _forwarded_for_a_direct_reply(text)
    details = client_details(text, match.end())
    if details:  # "End user details:" over the buyer's block: that block
        return details
    told = _told_before_in_a_chat_message(text, match)
    if told:
        return told
    forwarded = _forward_below(text, match.end())
    if forwarded and (_ONWARD_RE.search(text, 0, forwarded.start())
                      or not re.search(r"[\d@]", text[match.end() : forwarded.start()])):
        # "contacts below", or no contacts before the forwarded message: the buyer wrote it
        return forwarded.start(), len(text)
    start = match.end()
    paragraph = _PARAGRAPH_END_RE.search(text, start)
    if paragraph and not re.search(r"[\d@]", text[start : paragraph.start()]):
        start = paragraph.end()  # "… para que la contactéis directamente:" then the contacts' own paragraph
        paragraph = _PARAGRAPH_END_RE.search(text, start)
    end = paragraph.start() if paragraph else len(text)
    closing = _closing_line(text, start, end)
    return start, closing
