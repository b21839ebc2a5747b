"""Which language an inquiry is written in, and where that language is official (babel's territory data).

A national number with no country in the text ("Meu zap: (85) 98123-0000") is read in the countries of the
text's language, and kept only when exactly one of them makes it a valid number.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from babel.core import get_global

from bot.rules.scripts import ARABIC_RE, HAN_RE

__all__ = ["guess_language", "language_countries", "main_country"]

# Where a national number in a text of this language is read when nothing else tells the country and the
# number is valid in several of the language's countries ("06 12 34 56 78" is French and Moroccan). Spanish,
# Arabic and English have no such country: their markets are too many and too even.
_MAIN_COUNTRY = {"arz": "EG", "pt": "BR", "fr": "FR", "ru": "RU", "uk": "UA", "de": "DE", "it": "IT", "tr": "TR",
                 "vi": "VN", "id": "ID", "nl": "NL", "pl": "PL", "uz": "UZ"}


def main_country(language: str) -> str | None:
    """The country a national number in this language is read in as a last resort, if any."""
    return _MAIN_COUNTRY.get(language)

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A few very common words per language; the language with most hits (at least two) wins.
_STOPWORDS: dict[str, frozenset[str]] = {
    "pt": _words("você vocês não preciso gostaria obrigado obrigada meu minha nós estamos somos "
                 "temos para com uma são boa tarde dia oi olá cotação orçamento favor precisamos fale comigo "
                 "gostaríamos queria também estou"),
    "es": _words("hola necesito necesitamos gracias tienen somos nuestro nuestra para una buenos buenas "
                 "días tardes quisiera precio cotización estamos mi número saludos quiero queremos también"),
    "fr": _words("bonjour nous vous merci je suis cherche cherchons pour une avec notre votre mon "
                 "numéro devis salut est"),
    "de": _words("wir ich sie und für eine einen bitte guten tag angebot benötigen suchen mit "
                 "unser unsere suche brauche brauchen möchte möchten hätten gerne vielen dank bis nicht auch"),
    "it": _words("buongiorno siamo vorremmo grazie per una con il nostro nostra preventivo cerchiamo"),
    "tr": _words("merhaba için fiyat teklif ve bir bu biz rica ederiz teşekkürler lütfen"),
    "vi": _words("chào tôi em anh chị bên cần báo giá của công ty và cho là"),
    "id": _words("selamat saya kami dari untuk dan yang mohon harga penawaran butuh terima kasih ada utk sy "
                 "kak perlu bisa mau berapa buat pak bu gak nggak"),
    "en": _words("the we our you your please need price quote for and with hello dear thanks "
                 "would like my is are to of in us this have want wish wishes purchase kindly sir madam "
                 "regards faithfully sincerely"),
    "nl": _words("wij het een voor met onze graag offerte bedankt groet"),
    "pl": _words("dzień dobry prosimy ofertę dla firma jest nasza "
                 "dzien szukam potrzebuje potrzebujemy prosze proszę cene cenę dziekuje dziękuję pozdrawiam jestem"),
    "uz": _words("assalomu alaykum salom menga bizga kerak bormi narxi qancha raqamim rahmat uchun bilan "
                 "iltimos yozyapman"),
    "fil": _words("po ako kayo magkano nyo niyo yung ung pang salamat namin natin ba opo taga sana pwede"),
    "az": _words("salam sizdə bizə mənə lazımdır lazımdir üçün və var olur qiyməti neçəyə təşəkkür zəhmət"),
}
_WORD_RE = re.compile(r"[^\W\d_]+")
# Letters only one language of the table writes: a short chat text with few common words still tells its
# language by them (Turkish dotless ı and ğ, Polish ł ś ź ż ń, Vietnamese ơ ư đ and the stacked tone marks).
_OWN_LETTERS = {
    "tr": re.compile(r"[ığİ]"), "pl": re.compile(r"[łśźżńŁŚŹŻ]"),
    "vi": re.compile(r"[ơưđĐƠƯ\u1ea0-\u1ef9]"), "uz": re.compile(r"[oOgG]ʻ"), "az": re.compile(r"[əƏ]"),
}
_LETTER_WEIGHT = 2  # as much as two common words
# Egyptian Arabic in Latin letters and digits ("3ayez as3ar …, kalemny 3ala el whatsapp"): words only Egypt's
# dialect uses ("want", "how are you", "call me", "like this", "now", "my/our", "boss"), two of them at least;
# not "shokran", "e7na", "3ala", which every Arabic dialect writes so.
_ARABIZI_EGYPTIAN_RE = re.compile(
    r"(?<![^\W_])(?:3ayez|3ayz|3ayza|3ayzeen|3ayzin|3awez|3awza|3awzeen|ezayak|ezayek|ezayik|ezzayak|kalemny|"
    r"kallemny|kalemni|keda|kida|delwa2ty|delwa2ti|dilwa2ti|bta3y|bta3i|bta3na|bta3ak|basha|7adretak|"
    r"7adritak|ma3lesh|ma3lish)(?![^\W_])",
    re.IGNORECASE,
)


# Scripts written for one language only (Han is not: Chinese and Japanese share it; kana tells Japanese).
_OWN_SCRIPTS = {
    "th": re.compile(r"[\u0e00-\u0e7f]"), "ko": re.compile(r"[\uac00-\ud7af\u1100-\u11ff]"),
    "ja": re.compile(r"[\u3040-\u30ff]"), "el": re.compile(r"[\u0370-\u03ff]"), "he": re.compile(r"[\u0590-\u05ff]"),
    "ka": re.compile(r"[\u10a0-\u10ff]"), "hy": re.compile(r"[\u0530-\u058f]"), "km": re.compile(r"[\u1780-\u17ff]"),
    "lo": re.compile(r"[\u0e80-\u0eff]"), "my": re.compile(r"[\u1000-\u109f]"),
    # Devanagari is also Nepali and Marathi's, but a phone's country is then read only where it is valid
    "hi": re.compile(r"[\u0900-\u0963\u0966-\u097f]"), "bn": re.compile(r"[\u0980-\u09ff]"),
    "am": re.compile(r"[\u1200-\u137f]"),
    "si": re.compile(r"[\u0d80-\u0dff]"), "ta": re.compile(r"[\u0b80-\u0bff]"),
}
_ADDRESS_RE = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+")
_URDU_RE = re.compile(r"[ےںٹڈڑھۓ]")
# Letters Persian writes and Arabic does not (پ چ ژ گ, and the Persian forms of yeh and kaf).
_PERSIAN_RE = re.compile(r"[پچژگیک]")


def is_prose_word(word: str) -> bool:
    """A word that tells a language ("para", "need", "нужен"): prose, never part of a name."""
    return any(word.casefold() in stop for stop in _STOPWORDS.values())


def guess_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when unsure. Scripts decide Arabic, Persian, Cyrillic and
    the scripts that belong to one language (Thai, Korean, Greek, …)."""
    arabic = len(ARABIC_RE.findall(text))
    cyrillic = len(re.findall(r"[\u0400-\u04ff]", text))
    latin = len(re.findall(r"[A-Za-zÀ-ɏ]", text))
    counts = {language: len(script.findall(text)) for language, script in _OWN_SCRIPTS.items()}
    own = max(counts, key=lambda language: counts[language])
    if counts[own] > max(arabic, cyrillic, latin / 2):
        return own  # the script most written: Bengali text has Devanagari's danda "।" too
    if len(HAN_RE.findall(text)) > max(arabic, cyrillic, latin / 2):
        # A Chinese text (a colleague's hand-off note, a WeChat message): the customer's language is not told by
        # the few Latin words in it ("Md. Rafiqul Islam" read as Portuguese put a colleague's 139… number in Brazil).
        return None
    if arabic > max(cyrillic, latin / 2):
        return _arabic_script_language(text)
    if cyrillic > latin / 2:
        return _cyrillic_language(text)
    if len(_ARABIZI_EGYPTIAN_RE.findall(text)) >= 2:
        return "arz"
    # an address's words are no prose: "com" of "….com.bd" is no Portuguese "with"
    words = [w.casefold() for w in _WORD_RE.findall(_ADDRESS_RE.sub(" ", text))]
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORDS.items()}
    for lang, letters in _OWN_LETTERS.items():
        scores[lang] += _LETTER_WEIGHT if letters.search(text) else 0
    best = max(scores, key=lambda lang: scores[lang])
    runner_up = max((v for k, v in scores.items() if k != best), default=0)
    if scores[best] >= 2 or (scores[best] == 1 and runner_up == 0):
        return best
    # Latin words that tell no language (names, a product, "water bath 6 holes") beside a sentence in another
    # script: the sentence's language ("مطلوب عرض سعر حمام مائي water bath 6 holes / Eng. Ahmed Samir").
    return script_language(text)


_SENTENCE_LETTERS = 12  # a few words


def script_language(text: str) -> str | None:
    """The language of a sentence in Arabic or Cyrillic letters among Latin ones ("I need price gas chromatograph
    … / شركة النيل للخدمات البترولية"): the customer's other language, whatever the main one is."""
    arabic = len(ARABIC_RE.findall(text))
    cyrillic = len(re.findall(r"[\u0400-\u04ff]", text))
    if max(arabic, cyrillic) < _SENTENCE_LETTERS:
        return None
    return _arabic_script_language(text) if arabic > cyrillic else _cyrillic_language(text)


def _arabic_script_language(text: str) -> str:
    if _URDU_RE.search(text):
        return "ur"  # letters Urdu writes and Persian does not (ے ں ٹ ڈ ڑ ھ)
    return "fa" if _PERSIAN_RE.search(text) else "ar"


def _cyrillic_language(text: str) -> str:
    if re.search(r"[әғқңөұүһ]", text, re.IGNORECASE):
        return "kk"  # letters only Kazakh writes (Kazakh also has "і", so it is told before Ukrainian)
    return "uk" if re.search(r"[іїєґ]", text) else "ru"


@cache
def language_countries(language: str) -> tuple[str, ...]:
    """Territories where the language is official (de jure or de facto), most speakers' share first."""
    territories: Mapping[str, Mapping[str, Mapping[str, object]]] = get_global("territory_languages")
    found: list[tuple[float, str]] = []
    for territory, languages in territories.items():
        info = languages.get(language)
        status = str(info.get("official_status") or "") if info else ""
        if info and status.startswith(("official", "de_facto")) and len(territory) == 2:
            share = info.get("population_percent")
            found.append((float(share) if isinstance(share, (int, float)) else 0.0, territory))
    if language == "ru":
        found += [(0.0, code) for code in ("KZ", "KG", "BY", "UZ") if code not in {t for _, t in found}]
    if language == "arz":  # Egyptian Arabic: Egypt's spoken language, not an official one
        found.append((0.0, "EG"))
    return tuple(t for _, t in sorted(found, reverse=True))
