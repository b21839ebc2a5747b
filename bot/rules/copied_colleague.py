"""The colleague a writer copies and asks us to send the quote to: "Please send the revised quote to Johan directly
(he's copied)", "Ofertę proszę … przesłać bezpośrednio do Pana Piotra", "Please send the offer to her and me in copy"
under a mail header whose copy line names that one person from the writer's organisation.

Narrow on purpose: eight reviews (tests/unit/intake_copied_reviewed.yaml) each found a looser version taking the
writer's colleague for the buyer where the writer keeps the order, the colleague only approves, checks, pays or is
informed, or the words after "to" are a place, a date or another clause. Every guard below stands for such texts."""

from __future__ import annotations

import re

from bot.rules.addresses import COPY_HEADER_LINE_RE, EMAIL, NOT_BUYING_RE, sentences
from bot.rules.companies import FREE_MAIL_DOMAINS
from bot.rules.name_words import HONORIFIC_RE, PARTICLES, ROLE_LOCAL_RE
from bot.rules.people_fields import person_named
from bot.rules.principals import asks_for_the_quote, note_end

__all__ = ["sent_to_the_copied"]

# a copied person on a mail header's copy line: "Cc: Johan van der Merwe <johan@…>, …" (not "Central Laboratory")
_UNIT_SHOWN_RE = re.compile(r"(?<![^\W\d_])(?:lab|laboratory|laboratorio|department|office|team|purchasing|"
                            r"procurement|quality|stores|unit|division)(?![^\W\d_])", re.IGNORECASE)
_COPIED_PERSON_RE = re.compile(r"(?P<shown>[^,;:<>\n]*?)[ \t]*<?(?P<address>" + EMAIL + r")>?")
_TITLE_WORD_RE = re.compile(r"(?:dr|mr|mrs|ms|prof|inż|ing)", re.IGNORECASE)

_REPLYING = (r"reply|respond|answer|revert|responda\w*|responder|contest\w*|répond\w*|antworten|odpowie\w*|"
             r"ответьте|дайте\s+відповідь")
_DIRECTING_RE = re.compile(
    rf"(?<![^\W\d_])(?:{_REPLYING}|send|direct|forward|e-?mail|"  # not "address": the addressee, not where it goes
    r"env[ií]e\w*|enviar|dirij\w*|dirigir|remit\w*|envie|mande|encaminhe|envoy\w*|transmett\w*|"
    r"senden|schicken|richten|przes[lł]a\w*|wys[lł]a\w*|skierowa\w*|"
    r"отправ\w*|направ\w*|пришлите|вышлите|надсила\w*|надішл\w*)(?![^\W\d_])",
    re.IGNORECASE,
)
_REPLYING_RE = re.compile(rf"(?<![^\W\d_])(?:{_REPLYING})(?![^\W\d_])", re.IGNORECASE)
# the writer asks us: a word of request before the verb ("please", "por favor", "proszę", "прошу"), or the verb is
# itself a polite imperative ("envíe", "отправьте", "senden Sie"); not the writer's own plan ("Voy a enviar …",
# "Отправлю КП …", "I still need to send …")
_REQUEST_RE = re.compile(
    r"(?<![^\W\d_])(?:please|pls|plz|kindly|could\s+you|can\s+you|would\s+you|por\s+favor|favor|le\s+ruego|"
    r"les\s+ruego|gentilmente|proszę|prosimy|uprzejmie|bitte|прошу|просим|пожалуйста|будь\s+ласка|просимо|"
    r"veuillez|merci\s+d(?:e|['’])|lütfen|s['’]il\s+vous\s+pla[iî]t|"
    # "Le agradeceré enviar …", "I would appreciate it if you sent …", "When you send the quote to Peter, …"
    r"agradecer\w*|agradeç\w*|agradeceri\w*|appreciate|je\s+vous\s+remercie\s+de|wäre\s+ich\s+dankbar|"
    r"będę\s+wdzięczn\w*|буду\s+признател\w*|буду\s+вдячн\w*|when\s+you|cuando|quando|lorsque|wenn\s+Sie)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
_IMPERATIVE_RE = re.compile(
    r"(?:send|reply|respond|answer|forward|env[ií]e(?:n)?|mande|encaminhe|responda(?:n)?|dirija|remita|"
    r"envoyez|adressez|répondez|transmettez|отправьте|направьте|пришлите|вышлите|ответьте|надішліть|"
    r"надсилайте|wyślij\w*|prze[sś]lij\w*|odpowiedz\w*)",
    re.IGNORECASE,
)
_SIE_RE = re.compile(r"[ \t]+Sie(?![^\W\d_])")  # "senden Sie …"
# what is sent must be the quote (not the invoice, the samples or the shipping documents; not "whether you offer …")
_QUOTE_WORD_RE = re.compile(
    r"(?<![^\W\d_])(?:quot\w*|(?<!you\s)(?<!we\s)(?<!they\s)(?<!to\s)offer|offre|oferta|ofert\w*|proposta|"
    r"propuesta|propos\w*|cotiz\w*|cotaç\w*|"
    r"orçamento|devis|Angebot\w*|КП|предложени\w*|пропозиці\w*|proforma|PI)(?![^\W\d_])",
    re.IGNORECASE,
)
# a reply on someone's questions is no hand-over: "reply to Ana's questions", "ответьте на вопросы Ивана"
_QUESTIONS_RE = re.compile(r"(?<![^\W\d_])(?:questions?|queries|preguntas?|perguntas?|Fragen|pytani\w*|вопрос\w*|"
                           r"питан\w*)(?![^\W\d_])", re.IGNORECASE)
# between the verb and a Latin-script name: a word for "to", at most an article and a title ("the revised quote to",
# "a", "bezpośrednio do Pana", "à M.")
_TITLES = r"mr|mrs|ms|dr|dra|prof|eng|ing|sr|sra|m|mme|herrn?|frau|pana?|pani"
_TO_THE_PERSON_RE = re.compile(  # "la", "el", "the" only before a title ("a la Dra.", not "a La Paz", "to the Central
    # …"); Portuguese "o", "a" before a first name too ("para o Ricardo")
    rf"(?<![^\W\d_])(?:to|a|al|à|an|do(?=\s+(?-i:Pan))|para|pra|ao)\s+(?:(?:la|el|the)\s+(?=(?:{_TITLES})\.?\s)|(?-i:o|a)\s+)?"
    rf"(?:(?:{_TITLES})\.?\s+)*$",
    re.IGNORECASE,
)
# before a Russian or Ukrainian dative, only what is sent and how: "отправьте КП напрямую Сергею Ивановичу"
_TO_THE_PERSON_CYRILLIC_RE = re.compile(
    r"^\s*(?:(?:его|её|ее|их|КП|коммерческое|предложение|комерційну|пропозицію|напрямую|непосредственно|"
    r"безпосередньо|пожалуйста|будь\s+ласка)[\s,]+)*(?:(?:г-ну|г-же|господину|госпоже|пану|пані)\s+)?$",
    re.IGNORECASE,
)
# between the verb and its "to", only what is sent and how: "the revised quote", "la cotización", "Sie das Angebot
# bitte", "bezpośrednio" (not "by Thursday to present it", "any questions about the specification", "a proposta
# revisada conforme pedido", "including carriage")
_SENT_WORD_RE = re.compile(
    r"(?:the|your|our|this|a|an|it|la|le|les|el|su|sua|o|votre|notre|l['’]\w+|das|ihr\w*|unser\w*|nuestr[oa]|"
    r"vuestr[oa]|dies\w*|sie|bitte|please|por|favor|directly|directamente|diretamente|directement|direkt|"
    r"bezpośrednio|revised|formal|final|updated|new|official|corrected|amended|revisad[ao]|actualizad[ao]|"
    r"atualizad[ao]|nuev[oa]|nov[oa]|définiti\w*|révisé\w*|überarbeitet\w*|aktualisiert\w*|zaktualizowan\w*|"
    r"now\w*|poprawion\w*)",
    re.IGNORECASE,
)
_PRONOUN_RE = re.compile(r"(?<![^\W\d_])(?:him|her|ele|ela|lui|ihm|ihr|jemu|niej|ему|ей|йому|їй)(?![^\W\d_])"
                         r"(?=\s*(?:[^\w\s]|$|(?:directly|directamente|diretamente|directement|direkt|and\s+me|"
                         r"e\s+a\s+mim|y\s+a\s+m[ií])(?![^\W\d_])))", re.IGNORECASE)
# capitalised words that name no one: languages, days, months ("She doesn't write English well")
_NO_PERSONS = frozenset({"english", "spanish", "russian", "chinese", "french", "german", "arabic", "portuguese",
                         "italian", "turkish", "polish", "dutch", "monday", "tuesday", "wednesday", "thursday",
                         "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
                         "july", "august", "september", "october", "november", "december"})
# what may open a sentence that hands the quote to "him"/"her" without naming anyone else ("Please send …")
_OPENERS = frozenset({"please", "kindly", "so", "could", "can", "would", "we", "i", "our", "the", "thanks", "thank",
                      "por", "favor", "bitte", "merci", "proszę", "пожалуйста", "прошу", "and", "but", "also", "he",
                      "she", "it", "this", "that", "hence", "therefore", "then"})
# between the verb and the person, the writer keeps the quote, copies the person, or sends nothing: "to me and to
# Lucía", "a copy to Pablo", "not to Pablo any more", "to my attention and I will forward it to him"
_NOT_THE_QUOTE_RE = re.compile(
    r"(?<![^\W\d_])(?:me|us|mí|nosotros|moi|nous|mich|uns|mnie|nas|мне|нам|мені|copy|copia|cópia|copie|cc|not|"
    r"don['’]t|never|nicht|no|não|pas|не|also|too|as\s+well|también|também|aussi|auch|тоже|також|również|(?-i:I)|"
    r"my|mi|mon|ma|mein\w*|mój|moja|мой|моё|мою|"
    # "to purchasing rather than to Dr Koch", "statt an Herrn Weber"
    r"rather\s+than|instead\s+of|statt|anstatt|anstelle|en\s+lugar\s+de|en\s+vez\s+de|em\s+vez\s+de|"
    r"au\s+lieu\s+de|zamiast|вместо|замість)(?![^\W\d_])",
    re.IGNORECASE,
)
# between the verb and the person, another clause: "by Friday so that it can be presented to Dr Carter", "similar to
# the one you sent to Dr. Obi", "da enviada ao Eng. Paulo"
_ANOTHER_CLAUSE_RE = re.compile(
    r"[,;]|(?<![^\W\d_])(?:so\s+that|that|which|who|one|damit|dass|weil|que|afin|porque|sent|enviad[ao]s?|"
    r"mandad[ao]s?|envoy[ée]e?s?|geschickt|gesendet|presented|submitted)(?![^\W\d_])",
    re.IGNORECASE,
)
# someone else by their role: "Our new lab supervisor will take over …, so please send the quotation to him"
_ROLE_RE = re.compile(r"(?<![^\W\d_])(?:supervisor|manager|director|engineer|consultant|colleague|boss|head|buyer|"
                      r"agent|technician|officer|dean|rector|president|ceo|principal|replacement|successor|chairman|"
                      r"owner|founder)(?![^\W\d_])", re.IGNORECASE)
# a condition opens the sentence: "If anything in our specification is unclear, please reply to Ana"
_CONDITION_RE = re.compile(r"^\s*(?:if|should|in\s+case|si|caso|falls|wenn|если|jeśli|jezeli|jeżeli)(?![^\W\d_])",
                           re.IGNORECASE)
# the copied person pays, not buys: "Please send the proforma to Ana Ruiz, who will arrange the advance payment"
_PAYING_RE = re.compile(r"(?<![^\W\d_])(?:pay|pays|payment|paying|advance|pago|pagamento|Zahlung\w*|оплат\w*|"
                        r"płatnoś\w*|L/C|LC|letter\s+of\s+credit|bank\w*|transfer\w*|transferência|deposit\w*)"
                        r"(?![^\W\d_])", re.IGNORECASE)
# what follows a name that is no part of it: a date ("up to April 30"), another capitalised word ("a Luz del Sur
# S.A.A.", "a Juan Pérez" for Juan Carlos Díaz)
_FOLLOWING_WORD_RE = re.compile(r"\s+(?:(?:del|de|la|las|los|van|der|von|da|do|dos|das)\s+)*"
                                r"(?P<word>\d|(?-i:[A-ZÀ-ÞА-ЯЁ])[^\W\d_]+)")
# right before the verb, a refusal or the writer as its subject: "do not send", "I will forward it to Daniel"
_NOT_ASKED_RE = re.compile(
    r"(?<![^\W\d_])(?:not|don['’]t|never|nicht|no|não|pas|не|nunca|(?-i:I)|i['’]ll|i['’]d|we|we['’]ll|yo|je|j['’]|"
    r"ich|wir|я|мы|will|shall)(?![^\W\d_])[^\W\d_\s'’]*(?:\s+\S+){0,2}\s*$",
    re.IGNORECASE,
)
# anywhere after the person: the writer too ("to Johan and me", "(cc) as well", "a Lucía también", "та мені")
_AND_ME_TOO_RE = re.compile(
    r"(?<![^\W\d_])(?:me|us|mí|moi|mich|mir|mnie|мне|нам|мені|myself|mim|as\s+well|too|also|también|também|aussi|"
    r"auch|тоже|також|również|and\s+I|the\s+undersigned|el\s+suscrito|la\s+suscrita|le\s+soussigné|"
    r"(?-i:I)\s+will|we\s+will|I['’]ll|we['’]ll)(?![^\W\d_])",
    re.IGNORECASE,
)
# "… to her and me in copy", "… and cc me": the writer only copied
_ME_IN_COPY_RE = re.compile(
    r"(?<![^\W\d_])(?:(?:me|us|mí|moi|mich|mnie)\s+(?:in|en|em|w|в)\s+(?:copy|cc|copia|cópia|copie|kopii|Kopie|копии)"
    r"|(?:cc|copy|keep)\s+me(?:\s+in(?:\s+(?:copy|cc|the\s+loop))?)?)(?![^\W\d_])",
    re.IGNORECASE,
)
# the name as a place: "freight to Victoria, BC", "CIP a La Paz", "frete incluso para Santos/SP", "our Victoria office"
_FREIGHT_RE = re.compile(r"(?<![^\W\d_])(?:CIF|CIP|CFR|CPT|DAP|DDP|DPU|FOB|FCA|EXW|freight|frete|flete|fret|Fracht|"
                         r"port|puerto|porto|delivered|shipping)(?![^\W\d_])", re.IGNORECASE)
_PLACE_AFTER_RE = re.compile(r"\s*(?:/|,\s*(?-i:[A-Z]{2})(?![^\W\d_]))|\s+(?:office|branch|site|plant|lab|oficina|"
                             r"sucursal|Niederlassung|bureau|офис|филиал)(?![^\W\d_])", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"['’]s?(?![^\W\d_])")
# a greeting names the one greeted, not the person the quote is for ("Hi Lisa," to our own Lisa Wang)
_GREETING_SENTENCE_RE = re.compile(r"^[ \t]*(?:hi|hey|hello|dear|hola|salam|salaam|merhaba|ciao|witam|"
                                   r"estimad[oa]|prezad[oa]|bonjour|cher|chère|hallo|"
                                   r"sehr\s+geehrte\w*|dzień\s+dobry|добрый\s+день|здравствуйте)(?![^\W\d_])",
                                   re.IGNORECASE)
# another person named since: "Mr. Ahmed Khan", "Peter Brown, our operations director"
_SOMEONE_RE = re.compile(r"(?<![^\W\d_])(?:(?:mr|mrs|ms|dr|prof|sr|sra|m|mme|herrn?|frau|pan|pani)\.?\s+"
                         r"(?-i:[A-ZÀ-ÞА-ЯЁ])|(?-i:[A-ZÀ-ÞА-ЯЁ][a-zß-ÿа-яё]+\s+[A-ZÀ-ÞА-ЯЁ][a-zß-ÿа-яё]+))",
                         re.IGNORECASE)
# the endings a Polish, Russian or Ukrainian case puts on a name: "Piotra", "Осмоновой", "Сергею"
_CASE_ENDINGS = ("a", "y", "i", "u", "ie", "ego", "iego", "ej", "iej", "ą", "em", "om", "а", "я", "у", "ю", "ы",
                 "и", "е", "ой", "ей", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ові", "еві", "і")


# the writer stays the contact or places the order, or the colleague only checks or is informed: "For everything else
# I remain your contact person", "Ansprechpartner bleibe ich", "Toda a negociação … comigo", "I will send the purchase
# order", "for budget approval", "zur fachlichen Prüfung", "apenas para conhecimento", "for the import permit"
_WRITER_KEEPS_RE = re.compile(
    r"(?<![^\W\d_])(?:I\s+remain|remain\s+your|remain\s+with\s+me|(?:come|comes)\s+from\s+me|bleibe\s+ich|"
    r"bin\s+(?:weiterhin\s+)?ich|über\s+mich|comigo|conmigo|por\s+mim|avec\s+moi|moi-même|со\s+мной|ze\s+mną|"
    r"оформляю\s+я|emitiré\s+yo|me\s+encargaré|continuo\s+responsável|sigo\s+siendo|"
    r"my\s+attention|I\s+will\s+(?:send|place|issue|raise)\s+(?:the\s+|our\s+|a\s+)?(?:purchase\s+)?order|"
    r"import\s+permit|licen[cs]e|customs|"
    # the colleague only approves, checks or is informed: "for approval", "para su aprobación", "zur Freigabe",
    # "на согласование", "pour validation", "do akceptacji"
    r"for\s+(?:\w+\s+)?(?:approval|review|evaluation|comparison|sign-?off|validation)|"
    r"for\s+(?:his|her)\s+signature|for\s+(?:your\s+|his\s+|her\s+)?information|"
    r"para\s+(?:su\s+)?(?:aprobaci[oó]n|revisi[oó]n|conocimiento|visto\s+bueno|evaluaci[oó]n)|"
    r"para\s+(?:aprova[cç][aã]o|confer[eê]ncia|conhecimento|an[aá]lise|avalia[cç][aã]o)|conhecimento|"
    r"pour\s+(?:validation|approbation|information|avis)|"
    r"zur\s+(?:Freigabe|Genehmigung|Kenntnis\w*)|prüf\w*|para\s+que\s+(?:\w+\s+)?revis\w*|"
    r"pour\s+(?:sa\s+)?signature|"
    # paperwork, or the writer still the contact: "for our records", "zur Ablage", "into our ERP", "for the funding
    # application", "for the NAFDAC registration", "I am the end user and your contact", "arrange with me"
    r"for\s+(?:our\s+)?(?:records|files|filing)|zur\s+Ablage|ERP|funding|budget\w*|presupuesto|registration|"
    r"registro|I\s+am\s+(?:the\s+)?(?:end\s+user|user|your\s+contact)|(?:come|arrange\w*)\s+(?:to|with)\s+me|"
    r"soy\s+(?:el|la)\s+responsable|Unterzeichner\w*|"
    r"на\s+согласование|для\s+согласования|на\s+утверждение|для\s+ознакомления|на\s+погодження|"
    r"для\s+погодження|do\s+(?:akceptacji|zatwierdzenia|wiadomości))(?![^\W\d_])",
    re.IGNORECASE,
)
# the mail header that opens the text: its "Label: …" lines (blank ones between them: our own lines taken out)
_HEADER_BLOCK_RE = re.compile(r"(?:[ \t]*\n)*(?:[ \t]*[^\W\d_][^\n:：]{0,24}[:：][^\n]*(?:\n[ \t]*)*)+")
# someone approves, checks or signs off in the note ("who has to approve the budget", "precisa aprovar", "он должен
# его согласовать", "który ją zatwierdzi"): the colleague is asked to approve, the writer buys
_APPROVES_RE = re.compile(
    r"(?<![^\W\d_])(?:approv\w*|aprov\w*|aprueb\w*|aprobar\w*|согласов\w*|утверд\w*|погодж\w*|zatwierdz\w*|"
    r"akcept\w*|approva\w*|genehmig\w*|freigeb\w*|sign\w*\s+off|valid\w*)(?![^\W\d_])",
    re.IGNORECASE,
)
# the writer places the order or handles payment or the contract: "I will be placing the PO", "before I issue the
# order", "I am the purchase coordinator", "Eu continuo cuidando do pedido", "Договор и оплату веду я", "Zamówienie
# złożę ja", "Yo me encargo del pago", "je passerai la commande"
_WRITER_ORDERS_RE = re.compile(
    r"(?<![^\W\d_])(?:(?-i:I)(?:['’]ll|['’]m|\s+will|\s+am|\s+shall)?(?:\s+[\w-]+){0,6}?\s+(?:order|PO|purchas\w*|"
    r"payment|contract)|eu\s+(?:[\w-]+\s+){0,3}(?:pedido|pagamento|compra|contrato)|"
    r"yo\s+(?:[\w-]+\s+){0,3}(?:orden|pedido|pago|compra|contrato)|(?:orden|pedido|pago)\s+(?:[\w-]+\s+){0,4}yo|"
    r"(?:договор\w*|оплат\w*|заказ\w*|заявк\w*)\s+(?:[\w-]+\s+){0,3}(?:веду|оформляю|подпишу|делаю)\s+я|"
    r"я\s+(?:[\w-]+\s+){0,2}(?:оформлю|оплачу|закажу|подпишу)|złożę|złożymy|"
    r"je\s+(?:[\w'’-]+\s+){0,6}(?:commande|paiement)|(?:Bestellung|Auftrag)\s+(?:[\w-]+\s+){0,4}(?:ich|mich))"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
# what says the writer writes for the colleague or hands the purchase over: "I'm Johan's PA", "w imieniu kierownika",
# "I am forwarding the request from our lab head", "Pablo, en copia, es quien gestiona las compras", "she is taking
# over the purchase", "I am on leave from tomorrow" (a note without it keeps the writer: "send the quotation to Grace
# for our records", "to Mary, she uploads all quotations into our ERP")
_HANDING_OVER_RE = re.compile(
    r"(?<![^\W\d_])(?:on\s+behalf\s+of|(?:personal\s+|executive\s+)?assistant|secretary|(?-i:PA)|"
    r"(?:he|she)(?:\s+is|\s+will\s+be|['’]s|['’]ll\s+be)\s+(?:handling|in\s+charge|responsible|taking\s+over|"
    r"the\s+buyer|the\s+one\s+who)|tak(?:es|ing)\s+over|will\s+handle|handles?\s+(?:the\s+|our\s+|all\s+)?"
    r"(?:purchas\w*|order\w*|procurement|buying)|in\s+charge\s+of\s+(?:the\s+)?(?:purchas\w*|procurement|order\w*)|"
    r"responsible\s+for\s+(?:the\s+)?(?:purchas\w*|procurement|buying|order\w*)|decision[- ]maker|(?:he|she)\s+decides|"
    r"on\s+(?:leave|holiday|vacation|maternity|sick\s+leave)|out\s+of\s+(?:the\s+)?office|"
    r"forwarding\s+(?:the\s+|this\s+|a\s+)?(?:request|inquiry|enquiry)\s+(?:from|of)|asked\s+me\s+to|"
    r"en\s+nombre\s+de(?:l)?|de\s+parte\s+de(?:l)?|asistente|secretari[ao]|gestiona\s+las\s+compras|"
    r"quien\s+(?:decide|gestiona|compra)|(?:responsable|encargad[oa])\s+de\s+(?:las\s+)?compras|"
    r"de\s+(?:viaje|licencia|vacaciones)|me\s+pidi[oó]|em\s+nome\s+d[aeo]|assistente|secretária|"
    r"respons[aá]vel\s+pel[ao]s?\s+compras?|pediu\s+que|de\s+(?:férias|licença)|quem\s+decide|au\s+nom\s+de|"
    r"de\s+la\s+part\s+de|assistante?|secrétaire|responsable\s+(?:des\s+)?achats|en\s+congé|m['’]a\s+demandé|"
    r"im\s+Auftrag|Assistent(?:in)?|Sekretär(?:in)?|Sekretariat|zuständig\s+für|im\s+Urlaub|übernimmt|bat\s+mich|"
    r"entscheidet|w\s+imieniu|asystent\w*|sekretar\w*|odpowiada\s+za|na\s+urlopie|prowadzi\s+(?:ten\s+)?zakup|"
    r"poprosi\w*|от\s+имени|від\s+імені|по\s+поручению|помощни\w*|секретар\w*|отвечает\s+за|в\s+отпуске|"
    r"у\s+відпустці|просил\w*|попроси\w*|вед[её]т\s+закуп\w*|решение\s+принимает)(?![^\W\d_])",
    re.IGNORECASE,
)
_QUOTED_LINE_RE = re.compile(r"^[ \t]*>[^\n]*$", re.MULTILINE)
# a line break inside a paragraph: not before a blank line, a list item, a label or the closing's lines
_WRAPPED_RE = re.compile(r"(?<=[^\W\d_,;])\n(?=[ \t]*[^\W\d_(])(?![ \t]*(?:[-•*]|[^\n:]{1,30}:))")
_SLAVIC_RE = re.compile(r"[а-яёіїєА-ЯЁІЇЄąćęłńśźżĄĆĘŁŃŚŹŻ]|(?<![^\W\d_])(?:Pana?|Pani)(?![^\W\d_])")


def _copied_colleague(text: str, domain: str) -> tuple[list[str], re.Match[str]] | None:
    """The one person the copy lines of the mail header that opens the text name from `domain` (not a shared
    mailbox; not a header quoted further down or pasted into a chat), with the words of their name as shown ("dr inż.
    Piotr Zieliński": Piotr, Zieliński; not "van", "der"); None for none or two, or one without a full name."""
    block = _HEADER_BLOCK_RE.match(text)
    copied: list[tuple[list[str], re.Match[str]]] = []
    for header in COPY_HEADER_LINE_RE.finditer(text, 0, block.end() if block else 0):
        line_end = text.find("\n", header.end())
        for person in _COPIED_PERSON_RE.finditer(text, header.end(), line_end if line_end >= 0 else len(text)):
            local, at = person.group("address").casefold().rsplit("@", 1)
            words = [w for w in re.findall(r"[^\W\d_]{3,}", HONORIFIC_RE.sub("", person.group("shown").strip()))
                     if w.casefold() not in PARTICLES and not _TITLE_WORD_RE.fullmatch(w)
                     and (w[0].isupper() or w[0].lower() == w[0].upper())]
            if (at == domain and words and not ROLE_LOCAL_RE.fullmatch(local)
                    and not _UNIT_SHOWN_RE.search(person.group("shown"))):
                copied.append((words, person))
    if len(copied) != 1 or not _full_name(copied[0][1].group("shown")):
        return None  # no full name on the copy line ("J. Smith"): the record would mix two people
    return copied[0]


def _full_name(shown: str) -> bool:
    """A copy line's display name gives a person's full name: two words or more, no initials."""
    words = (person_named(shown) or "").split()
    return len(words) >= 2 and all(len(w.strip(".")) >= 2 for w in words)


def _names(words: list[str], sentence: str) -> list[re.Match[str]]:
    """Where `sentence` names the person: a word of their name as written, or with a case ending in a Polish,
    Russian or Ukrainian sentence ("Piotra" for Piotr, "Осмоновой" for Осмонова; not "Daniela" for Daniel, "Mariana"
    for Maria)."""
    if not _SLAVIC_RE.search(sentence):
        return [m for word in words for m in re.finditer(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", sentence)]
    found = []
    for word in words:
        stem = word[:-1] if len(word) > 4 and word[-1].casefold() in "aаяoйь" else word  # "Сергей" -> "Сергею"
        for match in re.finditer(rf"(?<![^\W\d_]){re.escape(stem)}(?P<ending>[^\W\d_]*)", sentence):
            if match.group() == word or match.group("ending").casefold() in _CASE_ENDINGS:
                found.append(match)
    return found


def sent_to_the_copied(text: str, email: str) -> tuple[str, tuple[int, int]] | None:
    """The address and the copy-line entry of the one person the writer of `email` copies from their own
    organisation (not a free-mail one) and asks us, in their own note, to send the quote to: a request ("please",
    "por favor", "proszę", an imperative), a verb, a quote word in its clause, only what is sent and how before a
    word for "to", and the person's name, or "him"/"her" after a sentence that names them and no one else since.
    Not when the note has the writer ask for the quote, keep the order or the contact, or anyone approve or check;
    not when the sentence speaks of paying, invoices, samples or shipping, answers questions, or is a condition; not
    a place or a date that shares the name ("CIP a La Paz", "up to April 30"); not the person already chosen."""
    domain = email.rsplit("@", 1)[1].casefold()
    if domain.split(".", 1)[0] in FREE_MAIL_DOMAINS:
        return None
    # the opening header's copy line first: most texts have none, and the note-wide checks below read the whole note
    colleague = _copied_colleague(text, domain)
    if colleague is None or colleague[1].group("address").casefold() == email:
        return None
    ends = note_end(text)
    if (asks_for_the_quote(text[:ends]) or _WRITER_KEEPS_RE.search(text, 0, ends) or _APPROVES_RE.search(text, 0, ends)
            or _WRITER_ORDERS_RE.search(text, 0, ends) or not _HANDING_OVER_RE.search(text, 0, ends)):
        return None
    words, person = colleague
    named_before = False  # the person named in an earlier sentence, and no one else since
    note = _QUOTED_LINE_RE.sub("", text[person.end() : ends])
    for sentence in sentences(_WRAPPED_RE.sub(" ", note)):  # a sentence goes on over a hard-wrapped line
        names = _names(words, sentence)
        if (_QUOTE_WORD_RE.search(sentence) and not _CONDITION_RE.match(sentence)
                and not NOT_BUYING_RE.search(sentence.replace("proforma invoice", "PI"))
                and not _PAYING_RE.search(sentence)
                and "@" not in sentence):  # a sentence with its own address is another rule's
            for verb in _DIRECTING_RE.finditer(sentence):
                clause = _clause_of(sentence, verb)
                if (_QUOTE_WORD_RE.search(clause) and _asked(sentence, verb)
                        and _sent_on(sentence, verb, words, names, named_before)):
                    return person.group("address").casefold(), person.span()
        if names and not _GREETING_SENTENCE_RE.match(sentence):
            named_before = True
        elif (_SOMEONE_RE.search(sentence) or _ROLE_RE.search(sentence) or _GREETING_SENTENCE_RE.match(sentence)
              or _someone_else(sentence, words)):
            named_before = False
    return None


def _clause_of(sentence: str, verb: re.Match[str]) -> str:
    """The clause of `sentence` that holds `verb`: from the last comma or semicolon before it to the next one after it
    ("the datasheet was missing, please send it to Dr. Eze": "it" is no quote)."""
    start = max(sentence.rfind(",", 0, verb.start()), sentence.rfind(";", 0, verb.start())) + 1
    end = re.search(r"[,;]", sentence[verb.end() :])
    return sentence[start : verb.end() + end.start() if end else len(sentence)]


def _asked(sentence: str, verb: re.Match[str]) -> bool:
    """The writer asks us to do what `verb` says: a request before it, or a polite imperative ("senden Sie")."""
    before = sentence[: verb.start()]
    return bool(_REQUEST_RE.search(before)  # the imperative opens the sentence or a clause ("…: envíe la oferta")
                or (_IMPERATIVE_RE.fullmatch(verb.group()) and not re.search(r"[^\W\d_]", before[-3:]))
                or _SIE_RE.match(sentence, verb.end())) and not _NOT_ASKED_RE.search(before[-40:])


def _someone_else(said: str, words: list[str]) -> bool:
    """`said` (a sentence up to a "him"/"her") has a capitalised word that neither opens a request nor is the copied
    person's: "Pablo takes over purchasing from Monday, so please send the quotation to him" (Cc: Ana Rocha)."""
    own = {w.casefold() for w in words}
    return any(w.casefold() not in _OPENERS | _NO_PERSONS and w.casefold() not in own and not _names(words, w)
               for w in re.findall(r"(?-i:[A-ZÀ-ÞА-ЯЁ])[^\W\d_]+", said))


def _sent_on(sentence: str, verb: re.Match[str], words: list[str], names: list[re.Match[str]],
             named_before: bool) -> bool:
    """The sentence's `verb` directs the quote to the copied person: to their name (`names`: where the sentence
    gives a word of it, `words`) within 80 characters and in the verb's own clause, or to "him"/"her" when an earlier
    sentence named them and this one names no one else, not even by a role."""
    rest = sentence[verb.end() : verb.end() + 80]
    spoken = [m for m in names if 0 <= m.start() - verb.end() < len(rest)]
    at = spoken[0].start() - verb.end() if spoken else None
    if (at is None and named_before and not _SOMEONE_RE.search(sentence) and not _ROLE_RE.search(sentence)
            and (pronoun := _PRONOUN_RE.search(rest)) and not _someone_else(sentence[: verb.end() + pronoun.start()],
                                                                              words)):
        at = pronoun.start()
    if at is None:
        return False
    between, after = rest[:at], sentence[verb.end() + at :]
    word = re.match(r"\w+", after)
    following = _FOLLOWING_WORD_RE.match(after, word.end()) if word else None
    if _ANOTHER_CLAUSE_RE.search(between) or (following and (following.group("word").isdigit() or not _names(
            words, following.group("word")))):
        return False
    cyrillic = bool(re.match(r"[А-ЯЁЇІЄа-яёїіє]", after))
    to_them = _TO_THE_PERSON_CYRILLIC_RE.match(between) if cyrillic else _TO_THE_PERSON_RE.search(between)
    sent = between[: to_them.start()].replace("(", " ").replace(")", " ").split() if to_them and not cyrillic else []
    if len(sent) > 5 or not all(_SENT_WORD_RE.fullmatch(w) or _QUOTE_WORD_RE.fullmatch(w) for w in sent):
        return False
    return (to_them is not None and not _NOT_THE_QUOTE_RE.search(between)
            and not _AND_ME_TOO_RE.search(_ME_IN_COPY_RE.sub(" ", after))
            and not _FREIGHT_RE.search(sentence, 0, verb.end() + at)
            and not (word and (_PLACE_AFTER_RE.match(after, word.end()) or _POSSESSIVE_RE.match(after, word.end())))
            and not (_REPLYING_RE.fullmatch(verb.group()) and _QUESTIONS_RE.search(sentence)))
