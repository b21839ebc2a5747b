"""The customer's e-mail address in an inquiry: written, spelled out or wrapped; a person's own address rather than
a shared mailbox; the address of a person the writer acts for."""

from __future__ import annotations

import re

from bot.rules.asides import is_aside
from bot.rules.chat_exports import CHAT_LINE_RE
from bot.rules.name_words import CLOSING_RE, ROLE_LOCAL_RE, SUBJECT_LABEL
from bot.rules.own_side import COPY_LABEL, NO_OWN, QUOTE_HEADER_RE, OwnSide
from bot.rules.people_fields import spells_fully
from bot.rules.principals import asks_for_the_quote, message_at, note_end, wants_the_quote

__all__ = ["COPY_HEADER_LINE_RE", "EMAIL", "EMAIL_IN_TEXT_RE", "NOT_BUYING_RE", "ROLE_LOCAL_RE", "address_of",
           "block_around", "find_email", "named_address", "new_address", "normalise_email", "personal_address",
           "sentences", "spoken_email", "wrapped_email"]

EMAIL = r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
EMAIL_IN_TEXT_RE = re.compile(rf"(?<![\w.%+'-]){EMAIL}")
_EMAIL_ONLY_RE = re.compile(EMAIL)
# An address spelled out, as a voice note's transcript or an anti-spam form writes it: "fernando.lage arroba
# serraazulmin ponto com ponto br", "info (at) labx (dot) co (dot) ke". Read only when no address is written.
_SPOKEN_DOT = r"\s*(?:\s(?:ponto|punto|dot|point|точка|nokta)\s|[(\[]dot[)\]])\s*"
_SPOKEN_EMAIL_RE = re.compile(  # Russian says "собака" (dog) for @
    rf"(?<![\w.+-])(?P<local>[A-Za-z0-9][\w.+-]*(?:{_SPOKEN_DOT}[A-Za-z0-9][\w+-]*){{0,2}})"
    r"\s*(?:\s(?:arroba|at|собака|собачка)\s|[(\[]at[)\]])\s*"
    rf"(?P<domain>[A-Za-z0-9][\w-]*(?:{_SPOKEN_DOT}[A-Za-z0-9][\w-]*){{1,3}})",
    re.IGNORECASE,
)
_SPOKEN_DOT_RE = re.compile(_SPOKEN_DOT, re.IGNORECASE)
_SPELLED_RE = re.compile(r"(?<=\b[A-Za-z0-9])-(?=[A-Za-z0-9]\b)")
_WRAPPED_EMAIL_RE = re.compile(
    r"(?<![\w.%+'-])(?P<head>[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+)[ \t]*\n[ \t]*"
    r"(?P<tail>[A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})(?![\w.@])"
)
# Addresses of the platforms that send the notification, never the customer's.
_PLATFORM_DOMAINS = ("alibaba.com", "alibaba-inc.com", "linkedin.com", "facebookmail.com", "tradeindia.com")


def _platform(domain: str) -> bool:
    return any(domain == d or domain.endswith("." + d) for d in _PLATFORM_DOMAINS)


def normalise_email(raw: str) -> str | None:
    """Lower-case, stripped address ("<Maria@Empresa.com.BR>" -> "maria@empresa.com.br"), or None."""
    candidate = raw.strip().strip("<>()[]\"'").removeprefix("mailto:").strip().rstrip(".")
    if not _EMAIL_ONLY_RE.fullmatch(candidate):
        return None
    return candidate.lower()


def find_email(text: str, own: OwnSide = NO_OWN) -> str | None:
    """The first customer email address in the text, normalised; ours and the platforms' never. One given in
    passing for someone else ("our procurement officer Mr. Dawit Bekele (dawit.b@…)") only when no other is."""
    aside: str | None = None
    for match in EMAIL_IN_TEXT_RE.finditer(text):
        email = normalise_email(match.group())
        domain = email.rsplit("@", 1)[1] if email else ""
        if email and not own.owns_email(email) and not _platform(domain):
            if not is_aside(text, match.start(), match.end()):
                return email
            aside = aside or email
    return aside


def spoken_email(text: str, own: OwnSide = NO_OWN) -> str | None:
    """An address spelled out in words, written as an address; it must end in a country's or a common top-level
    domain ("see you at lunch point two" is none)."""
    at = 0
    while match := _SPOKEN_EMAIL_RE.search(text, at):
        at = match.start("domain")  # "email me at ali dot hasan at …": the next try starts at "ali"
        # letters spelled one by one ("b-s-m-l dot b-h") are one word
        parts = [_SPELLED_RE.sub("", part) for part in _SPOKEN_DOT_RE.split(match.group("domain"))]
        if not re.fullmatch(r"[A-Za-z]{2}|com|net|org|edu|gov|info|biz", parts[-1], re.IGNORECASE):
            continue
        local = ".".join(_SPOKEN_DOT_RE.split(match.group("local")))  # "kwame dot asante"
        email = normalise_email(f"{local}@{'.'.join(parts)}")
        if email and not own.owns_email(email):
            return email
    return None


def wrapped_email(text: str, own: OwnSide = NO_OWN) -> str | None:
    """An address a card's scan or a narrow window broke over two lines ("a.tulegenova@kazchem" / "service.kz"),
    read only when no address is written whole."""
    for match in _WRAPPED_EMAIL_RE.finditer(text):
        email = normalise_email(match.group("head") + match.group("tail"))
        if email and not own.owns_email(email):
            return email
    return None


# A shared mailbox an organisation writes from: its people's own addresses are the contact's.
# What makes a person's block the buying contact: "Consultas de orden contractual:", "للاستفسارات التجارية:" (commercial
# enquiries), a procurement officer's role; and what does not: invoices, deliveries, technical or press questions,
# a colleague who left.
_BUYING_CONTACT_RE = re.compile(
    r"(?<![^\W\d_])(?:commercial|comercial|contractual|contract\w*|contrataci\w+|procurement|purchas\w*|compras?|"
    r"adquisiciones|закуп\w*|коммерческ\w*|договор\w*|einkauf|achats|acquisti|appalti|zakup\w*|zam[oó]wie\w*|satın\s*alma)"
    r"(?![^\W\d_])"
    r"|المشتريات|التجارية|العقود|采购",
    re.IGNORECASE,
)
NOT_BUYING_RE = re.compile(
    r"(?<![^\W\d_])(?:invoic\w*|factur\w*|billing|payable|finance|financ\w+|accountant|deliver\w*|receiv\w*|"
    r"warehouse|storekeeper|pick-?up|site\s+visit|entrega\w*|almac[eé]n\w*|technical|técnic\w*|techni\w*|техническ\w*|склад\w*|бухгалтер\w*|"
    r"press|newsletter|careers?|hiring|unsubscribe|descadastro|no\s+longer|odbi[oó]r\w*|magazyn\w*|dostaw\w*|"
    r"faktur\w*|księgow\w*)(?![^\W\d_])"
    r"|الفنية|المستلم|التسليم|الفواتير|财务|发票|技术",
    re.IGNORECASE,
)
_COPY_TO_RE = re.compile(
    r"(?<![^\W\d_])(?:cc|in\s+kopie|in\s+copy|en\s+copie|con\s+copia|com\s+cópia|в\s+копи\w*|копию)(?![^\W\d_])[^@\n]*$",
    re.IGNORECASE,
)
# "please contact me directly: julien.moreau@…", "reply to me directly at tom.harrington@…", "contact the undersigned
# directly on ahmad.enezi@…", "con copia a mi casilla …": the writer's own address, given right before it
_MINE_BEFORE_RE = re.compile(
    r"(?<![^\W\d_])(?:(?:me|the\s+undersigned)\s+directly|reach\s+me|contact\s+me|write\s+to\s+me|reply\s+to\s+me|"
    r"me\s+contacter|contactez-moi|écrivez-moi|contáct[ae]me|escríbame|escr[ií]beme|mi\s+correo|meu\s+e-?mail|"
    r"(?:my|mi|meu|mon|mein|moja|мой|моя)\s+(?:own\s+|personal\s+)?(?:e-?mail|mail|casilla|inbox|address|adresse)|"
    r"kontaktieren\s+Sie\s+mich|schreiben\s+Sie\s+mir|мой\s+e-?mail|моя\s+почта|пишите\s+мне)(?![^\W\d_])"
    r"(?:[ \t]*(?:directly|directement|directamente|directo|direto|direct|direkt|напрямую|es|is|é|est|ist|at|on|en|à|a|"
    r"an|на|:|-|–))*[ \t]*$",
    re.IGNORECASE,
)
_SUBJECT_RE = re.compile(rf"^{SUBJECT_LABEL}[^\n]*$", re.IGNORECASE | re.MULTILINE)
_GONE_RE = re.compile(r"(?<![^\W\d_])(?:no\s+longer\s+with|ya\s+no\s+(?:trabaja|está)|não\s+trabalha\s+mais|"
                      r"left\s+the\s+company|больше\s+не\s+работает)", re.IGNORECASE)
_ORDER_RE = re.compile(
    r"(?<![^\W\d_])(?:quot\w*|order\w*|re-?order|pedido|reorden|cotiza\w*|orçamento|proforma|PI|purchase|buy|"
    r"compra\w*|заказ\w*|КП|Angebot|Bestellung|commande|devis)(?![^\W\d_])",
    re.IGNORECASE,
)
# An address alone on its line, with at most a mail label ("E: s.bakker@…", "البريد: …").
_BARE_ADDRESS_LINE_RE = re.compile(r"[ \t]*(?:(?:e-?mail|mail|email|e|correo|courriel|البريد(?:\s+الإلكتروني)?|"
                                   r"почта)[ \t]*[:：.]?[ \t]*)?\S+@\S+[ \t]*", re.IGNORECASE)
# A finance department's mailbox: its message is about paying, the buyer is the colleague quoted below it.
_FINANCE_LOCAL_RE = re.compile(
    r"(?:accounts|accounting|finance|billing|invoices?|contabilidad|contabilidade|comptabilite|compta|buchhaltung|"
    r"buh|bukh|buhgalteria|muhasebe|crediteuren|boekhouding|facturen|facturation|fatture|amministrazione|"
    r"rechnungen?|ksiegowosc|faktury)", re.IGNORECASE)
# "dan@… for me", "… para mí": the writer's own address beside the shared one
_FOR_ME_RE = re.compile(r"[ \t]*(?:for\s+me|para\s+m[ií]|pour\s+moi|für\s+mich|для\s+меня|per\s+me)(?![^\W\d_])",
                        re.IGNORECASE)


def _lines_above(text: str, at: int, count: int) -> int:
    """Where the line `count` lines above the one holding `at` starts."""
    start = text.rfind("\n", 0, at) + 1
    for _ in range(count):
        if start == 0:
            break
        start = text.rfind("\n", 0, start - 1) + 1
    return start


# A department keeping its mailbox for payments only: an "only" word and a payment word in one sentence with
# "this mailbox" ("Finance (this mailbox, tel. …) only handles payment").
_ONLY_RE = re.compile(r"(?<![^\W\d_])(?:only|solely|только|лишь|лише|тільки|solo|únicamente|uniquement|nur|apenas|"
                      r"somente)(?![^\W\d_])", re.IGNORECASE)
_PAYING_RE = re.compile(r"(?<![^\W\d_])(?:payments?|remittance|оплат\w*|платеж\w*|договор\w*|договір\w*|"
                        r"pagos?|paiements?|zahlung\w*|pagamentos?)(?![^\W\d_])", re.IGNORECASE)
# a sentence ends at a stop before a capital, not at "tel. 020 …" nor "Mr. Salim", "M. Girard"
_SENTENCE_BREAK_RE = re.compile(r"(?<=[.!?])(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bProf\.)"
                                r"(?<!\bSr\.)(?<!\bSra\.)(?<!\bDra\.)(?<!\bM\.)(?<!\bMme\.)(?<!\bEng\.)(?<!\bIng\.)"
                                r"\s+(?=[A-ZА-ЯЁЇІЄ])|\n")


def sentences(text: str) -> list[str]:
    return _SENTENCE_BREAK_RE.split(text)


# what a department says of its own mailbox: "this mailbox", "этот адрес", "cette adresse"
_THIS_MAILBOX_RE = re.compile(
    r"(?<![^\W\d_])(?:this|этот|эта|цей|ця|este|esta|cette|ce|dieses|diese)\s+(?:mailbox|inbox|address|e-?mail|адрес|"
    r"ящик|почта|адреса|пошта|buzón|correo|dirección|adresse|boîte|Postfach|Adresse)(?![^\W\d_])", re.IGNORECASE)
# a copied person the note leaves out of the quote: "Jan de Vries (controller) is copied for the budget only"
_ONLY_INFORMED_RE = re.compile(
    r"(?<![^\W\d_])(?:for\s+(?:your\s+)?information|for\s+the\s+budget|budget\s+only|для\s+сведения|для\s+інформації|"
    r"zur\s+Kenntnis|pour\s+information|para\s+(?:su\s+)?conocimiento|FYI)(?![^\W\d_])", re.IGNORECASE)


def _named_for_the_quote(text: str, line_start: int, line_end: int, at: int, ends: int) -> bool:
    """The copied person at `at` is named in the note below the header, up to `ends` (a word of their display name,
    "Dr. Kamau" for "Dr. Wanjiru Kamau <w.kamau@…>"), and not only to be informed."""
    shown = text[line_start:at].split(":", 1)[-1].split(",")[-1]
    words = [w for w in re.findall(r"[^\W\d_]{3,}", shown) if w.casefold() not in ("dr", "mr", "mrs", "ms", "prof")]
    body = text[line_end if line_end >= 0 else len(text) : ends]
    named = [s for s in sentences(body) if any(w in s for w in words)]
    return bool(named) and not any(_ONLY_INFORMED_RE.search(s) for s in named)


# a mail header's copy line: "Cc:", "Копия:", "DW:" (Polish "do wiadomości")
COPY_HEADER_LINE_RE = re.compile(COPY_LABEL, re.IGNORECASE)


# an offer word and no refusal in the sentence that names the shared mailbox in the body
_OFFER_WORD_RE = re.compile(r"(?<![^\W\d_])(?:quot\w*|offers?|offert\w*|preventiv\w*|cotizaci\w*|cotaç\w*|"
                            r"orçamento\w*|propuesta\w*|proposta\w*|devis|bids?|tenders?|предложени\w*|КП)(?![^\W\d_])",
                            re.IGNORECASE)
_REFUSAL_RE = re.compile(r"(?<![^\W\d_])(?:not|no|non|never|don['’]t|не|nunca|jamais|ne)(?![^\W\d_])", re.IGNORECASE)


def _offer_to_the_mailbox(note: str, email: str) -> bool:
    """The writer's note names the shared mailbox `email` in its body as where the offer goes."""
    for match in re.finditer(re.escape(email), note, re.IGNORECASE):
        line_start = note.rfind("\n", 0, match.start()) + 1
        if (COPY_HEADER_LINE_RE.match(note, line_start)
                or re.match(r"[ \t>]*[^\W\d_]{1,12}[ \t]*:", note[line_start : match.start()])):
            continue  # a header line ("From: Tenders <tenders@…>", "Cc: …")
        sentence = next((s for s in sentences(note[line_start:]) if email.casefold() in s.casefold()), "")
        others = [a for a in EMAIL_IN_TEXT_RE.findall(sentence) if email.casefold() not in a.casefold()]
        if (_OFFER_WORD_RE.search(sentence) and not others  # (not "… a compras@… con copia a mi casilla rmunoz@…")
                and not _REFUSAL_RE.search(sentence.split(email)[0] if email in sentence else sentence)):
            return True
    return False


def personal_address(email: str, text: str, own: OwnSide = NO_OWN) -> tuple[str, tuple[int, int] | None]:
    """A person's address at the same organisation instead of its shared mailbox: a tender sent from
    "contratacion@" whose contract officer is "acardenas@" ("Consultas de orden contractual:"), "accounts@ for
    invoices, dan@ for me", "an mich und in Kopie an einkauf@…". Only an address the writer calls their own, one
    beside a shared mailbox they only copy, or one in a block about buying (not about invoices, deliveries or
    technical questions), in the writer's own note and not in passing, or the copied person a department's note
    names when it keeps its mailbox for payments only; else `email`. With the address, where the text speaks of that
    person (their block or copy line, or their message quoted below a finance department's); None when the address
    is the writer's own."""
    local, domain = email.split("@", 1)
    # the accounts department writing about a payment on top of the buyer's own message in the thread below
    paying = _FINANCE_LOCAL_RE.fullmatch(local) is not None
    if not (ROLE_LOCAL_RE.fullmatch(local) or paying):
        return email, None
    for_someone = not wants_the_quote(text)  # "please send the quotation to us": the shared mailbox stays theirs
    if _offer_to_the_mailbox(text[: note_end(text)], email):
        return email, None  # "Quotations must be e-mailed to tenders@… only", "L'offerta … all'indirizzo gare@…"
    shared = re.search(re.escape(email), text, re.IGNORECASE)
    # "an mich und in Kopie an einkauf@…": the shared mailbox only copied, the writer's own address is theirs
    copied = shared is not None and _COPY_TO_RE.search(text[max(0, shared.start() - 25) : shared.start()]) is not None
    # the department that writes keeps its mailbox for payments or the contract only ("Finance (this mailbox) only
    # handles payment", "Бухгалтерия (этот адрес) — только по вопросам оплаты"): the person it copies is the buyer
    # (the mailbox itself, not payment terms: "we only accept payment by LC", "Оплата только по договору"; and not
    # when the writer asks for the quote themselves)
    ends = note_end(text)  # where the writer's own note ends
    note = text[:ends]
    only_paying = not asks_for_the_quote(note) and any(
        _ONLY_RE.search(s) and _PAYING_RE.search(s) and _THIS_MAILBOX_RE.search(s) for s in sentences(note))
    for match in EMAIL_IN_TEXT_RE.finditer(text, 0, len(text) if paying else ends):
        other = normalise_email(match.group())
        line_start, line_end = text.rfind("\n", 0, match.start()) + 1, text.find("\n", match.end())
        copy_header = COPY_HEADER_LINE_RE.match(text, line_start) is not None
        if (not other or other == email or other.split("@", 1)[1] != domain or own.owns_email(other)
                or ROLE_LOCAL_RE.fullmatch(other.split("@", 1)[0])
                or (is_aside(text, match.start(), match.end()) and not (only_paying and copy_header))):
            continue
        if only_paying and copy_header and _named_for_the_quote(text, line_start, line_end, match.start(), ends):
            return other, (line_start, line_end if line_end >= 0 else len(text))
        start, end = block_around(text, match.start())
        # the writer's signature (its block opens with their closing, "مع التحية،" / name / "مدير المشتريات" / …):
        # all of it says who the address belongs to, however many lines of address and numbers come between
        signed = CLOSING_RE.match(text, start) is not None
        near = start if signed else max(start, _lines_above(text, match.start(), 4))
        # the shared address's own words say nothing; the lines that give the address say what it is for: a buying
        # cue in them or in the four above; what is not buying in its own line or a heading above it ("Consultas
        # técnicas:", "Delivery contact:"), not in a term above ("Delivery: CIP Addis Ababa", "Delivery address: …")
        given_to = line_end if 0 <= line_end < end else end
        about = EMAIL_IN_TEXT_RE.sub(" ", text[near:given_to])
        label = " ".join(line for line in EMAIL_IN_TEXT_RE.sub(" ", text[near:line_start]).splitlines()
                         if line.rstrip().endswith((":", "："))) + " " + text[line_start:given_to]
        line = text[line_start : match.start()]
        if _FOR_ME_RE.match(text, match.end()) or _MINE_BEFORE_RE.search(line):
            # the writer's own; in a chat, the line that gives it is the speaker's ("Dan Whitfield: …, dan@… for me")
            given = (line_start, line_end if line_end >= 0 else len(text))
            return other, given if CHAT_LINE_RE.match(text, line_start) else None
        if paying and QUOTE_HEADER_RE.match(line) and not _GONE_RE.search(text):
            message = message_at(text, match.start())
            said = _SUBJECT_RE.sub(" ", text[message[0] : message[1]])
            if _ORDER_RE.search(said):  # the quoted colleague asks to buy (not IT's or an audit's memo, a CFO's "pay")
                return other, message
        if for_someone and (copied or _BUYING_CONTACT_RE.search(about)) and not NOT_BUYING_RE.search(label):
            return other, (start, end)
        if paying and signed and match.start() < ends and _BARE_ADDRESS_LINE_RE.fullmatch(text, line_start, given_to):
            # a finance mailbox given in the note ("Pour la facturation uniquement : comptabilite@…") and the writer's
            # own address on a line of its own in their signature ("Bien cordialement, / Nicolas Lefèvre / … /
            # n.lefevre@…"): the writer's (not a labelled "Accounts: Sarah, s.pillay@…", not a shared mailbox the
            # writer asks us to write to: that is no finance mailbox)
            return other, None
    return email, None


# A change of address: the old one named as such ("Antes le escribía desde mi gmail", "my old address … no longer
# works") and the new one right after its words ("por favor use ltorres@…", "my new e-mail is …").
_OLD_ADDRESS_RE = re.compile(
    r"(?<![^\W\d_])(?:old|former|previous|antes|anterior|antigu[oa]|antigo|ancien(?:ne)?|alte[nr]?|стар\w+|прежн\w+|"
    r"no\s+longer|ya\s+no|não\s+(?:uso|usamos))(?![^\W\d_])",
    re.IGNORECASE,
)
_NEW_ADDRESS_RE = re.compile(
    r"(?:(?<![^\W\d_])(?:new|nuev[oa]|nov[oa]|nouvel(?:le)?|neue[nr]?|нов\w+)[ \t]+(?:e-?mail|mail|address|correo|"
    r"dirección|endereço|adresse|e-mail-adresse|адрес|почта|e-?mail)(?:[ \t]+(?:is|es|é|est|ist|address))?"
    r"|(?<![^\W\d_])(?:please|por\s+favor|favor(?:\s+de)?|bitte)?[ \t]*(?:use|usar|utilice|nutzen\s+Sie))"
    r"[ \t:]*$",
    re.IGNORECASE,
)


def new_address(text: str, own: OwnSide = NO_OWN) -> str | None:
    """An address the writer gives as their new one in place of an old one they name, else None."""
    end = note_end(text)
    if not _OLD_ADDRESS_RE.search(text, 0, end):
        return None
    for match in EMAIL_IN_TEXT_RE.finditer(text, 0, end):
        email = normalise_email(match.group())
        line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        domain = email.rsplit("@", 1)[1] if email else ""
        if email and not own.owns_email(email) and not _platform(domain) and _NEW_ADDRESS_RE.search(line[-60:]):
            return email
    return None


def address_of(name: str, text: str, own: OwnSide = NO_OWN, bare: bool = False) -> str | None:
    """The customer address in the text whose local part spells the person's initial and surname, or None; when
    `bare`, only one written without a display name ("Cc: h.almarri@…", not "Sarah Osei <s.osei@…>" for Samuel)."""
    for match in EMAIL_IN_TEXT_RE.finditer(text):
        email = normalise_email(match.group())
        if bare and text[match.start() - 1 : match.start()] == "<":
            continue
        if email and not own.owns_email(email) and spells_fully(email, name):
            return email
    return None


# "Cc: Prof. Dr. Hartmut Lindner <hartmut.lindner@…>": a display name binds a person to an address.
_NAMED_ADDRESS_RE = re.compile(r'[^\W\d_][^"<>\n,;:]{1,60}?"?[ \t]*<[^<>@\s]+@[^<>\s]+>')
# Titles a display name repeats ("Prof. Dr. Hartmut Lindner"), unlike "Herr", "Mrs" or "Sr.".
_DEGREES = frozenset({"dr", "prof", "eng", "engr", "ing", "dra", "lic"})


def named_address(who: str, note: str, own: OwnSide = NO_OWN, titles: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """The address whose display name holds every word of `who` (the person a writer acts for, as the writer's
    note names them: "Rashid Al Mansoori", "Lindner"), with its "Name <address>" text; None when no display name in
    `note` (the writer's own message, its headers included) does, or when two people's do alike ("on behalf of Mr.
    Al Mansoori" with Rashid and Saeed Al Mansoori in copy). The degrees said before the name decide between
    display names: "Herrn Prof. Becker" is not "Dr. Lena Becker", "Dr. Anil" is "Dr Anil Kapoor" rather than "Anil
    Sharma (Stores)"."""
    words = {w.casefold() for w in who.split()}
    if not words or max(map(len, words)) < 3:
        return None
    degrees = {t.casefold().strip(".") for t in titles} & _DEGREES
    same: dict[str, str] = {}  # display names with the same degrees
    plain: dict[str, str] = {}  # display names with none
    for match in _NAMED_ADDRESS_RE.finditer(note):
        display, _, address = match.group().partition("<")
        email = normalise_email(address.rstrip(">"))
        shown = {w.casefold().strip('".') for w in display.split()}
        if not email or own.owns_email(email) or not words <= shown:
            continue
        if degrees and degrees <= shown:
            same.setdefault(email, match.group())
        elif not shown & _DEGREES:
            plain.setdefault(email, match.group())
    found = same or plain
    return next(iter(found.items())) if len(found) == 1 else None


def block_around(text: str, at: int) -> tuple[int, int]:
    """The paragraph (lines between blank lines) that holds position `at`."""
    start = max(text.rfind("\n\n", 0, at), -2) + 2
    end = text.find("\n\n", at)
    return start, end if end >= 0 else len(text)
