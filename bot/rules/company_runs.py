"""Companies inside a sentence: the capitalised words before a legal form, a run with a company word after
a preposition, the name after a word for "company"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.rules.company_names import capitalised_enough, clean_company
from bot.rules.company_shapes import DEPARTMENT_RE, company_end, is_prefix_form, without_final_stop
from bot.rules.countries import find_country_in_text
from bot.rules.free_text import (
    FORM_AFTER_STOP,
    SENTENCE_RE,
    is_title,
)
from bot.rules.name_words import COMPANY_WORD_RE, JOB_WORDS, LEGAL_RE
from bot.rules.places import city_mentions

__all__ = ["NAME_LINKS", "company_word_runs", "legal_form_runs", "named_company"]


_WORD_RE = re.compile(r"[^\s()]+")
NAME_LINKS = frozenset({"&", "and", "y", "e", "et", "und", "of", "de", "del", "della", "do", "da", "dos", "das", "du",
                    "des", "di", "von", "der", "den", "la", "le", "van", "degli", "dello", "delle", "dei",
                    "ya", "wa", "za", "cha"})  # Swahili "of" by noun class


def legal_form_runs(text: str) -> Iterator[str]:
    """A name that ends in a legal form anywhere in a sentence ("I'm the buyer at Kilimanjaro Breweries Ltd.",
    "je suis responsable du labo chez BioAnalyse Maroc SARL"): the capitalised words before the form, within
    its clause. A person before "del Laboratorio ..." is not part of it."""
    for line in text.splitlines():
        for match in LEGAL_RE.finditer(line):
            if match.start() == 0 or is_prefix_form(line, match) or not re.match(r"[\s(]", line[match.start() - 1]):
                continue
            # A comma may stand before the form ("Microlab Minho, Lda.", "Acme, Inc."): the name is before it.
            comma = _COMMA_BEFORE_RE.fullmatch(line, 0, match.start())
            head = len(comma.group(1)) if comma else match.start()
            clause_start = max((m.end() for m in _CLAUSE_END_RE.finditer(line[:head])), default=0)
            words = list(_WORD_RE.finditer(line, clause_start, head))[-8:]
            kept: list[re.Match[str]] = []
            start = 0
            for at in range(len(words) - 1, -1, -1):
                word = words[at]
                bare = word.group().strip("()")
                if bare[:1].isupper() or bare.casefold() in NAME_LINKS and kept:
                    kept.insert(0, word)
                    continue
                # a lowercase prefix joined by a hyphen ("e-Umgeni Engineering Supplies (Pty) Ltd", Zulu "at")
                # or an elided article ("dell'Oleificio Rossi S.r.l.")
                prefixed = re.fullmatch(r"[^\W\d_]{1,3}-", bare[: bare.find("-") + 1]) or _ELISION_RE.match(bare)
                if prefixed and bare[prefixed.end() :][:1].isupper() and kept:
                    kept.insert(0, word)
                    before = []  # the capitalised words right before it
                    for earlier in reversed(words[:at]):
                        if not earlier.group().strip("()")[:1].isupper():
                            break
                        before.append(earlier.group().strip("()").casefold())
                    # (not a role's: "Responsable Achats d'Analytika Maroc SARL", "Directeur Général d'Agrimed")
                    inside = bool(before) and not any(w in JOB_WORDS for w in before)
                    if bare[:2].casefold() in ("d'", "d’") and inside:
                        continue  # French "of" inside the name: "Laboratoire d'Analyses …", "Société Marocaine d'…"
                    start = word.start() + prefixed.end()
                break
            while kept and kept[0].group() in NAME_LINKS:  # a capitalised "Van den Berg ..." starts the name
                kept.pop(0)
            for index, word in enumerate(kept[1:-1], start=1):  # "Giulia Romano del Laboratorio Analisi ..."
                if (word.group().casefold() in NAME_LINKS and COMPANY_WORD_RE.match(kept[index + 1].group())
                        and not any(COMPANY_WORD_RE.fullmatch(w.group()) for w in kept[:index])):
                    kept = kept[index + 1 :]
                    break
            if not kept or kept[0].group() in ("I", "We", "Our", "My"):
                continue
            first = max(start, kept[0].start())
            # The sentence the legal form ends closes the name ("... Mills (Pty) Ltd. She needs ...").
            stop = _SENTENCE_STOP_RE.search(line, match.end() - 1)
            end = stop.start() if stop and not LEGAL_RE.match(line, stop.end()) else len(line)
            company = clean_company(company_end(line[first:end]), strict=True)
            if company:  # inside a sentence its full stop ends the sentence; a card line "ACME Inc." keeps it
                yield without_final_stop(company) if first > 0 else company


_COMMA_BEFORE_RE = re.compile(r"(.*[^\W\d_]),\s*", re.DOTALL)
# not the stop of "Lab." before the rest of the name: "Lab. de Análisis Clínicos Santa Fe, S.C."
_CLAUSE_END_RE = re.compile(r"[,;:|·\"“”«»\[\]，：]|(?<!\bLab)[.!?]\s" + FORM_AFTER_STOP)
_SENTENCE_STOP_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÞА-ЯЁ])")
_RUN_WORD_RE = re.compile(r"[^\W\d_][\w'’&.-]*|&")


# The words a company follows inside a sentence ("the lab at X", "buyer for X", "de X"); "sell Hospital Beds" no.
_BEFORE_COMPANY = frozenset({"at", "of", "from", "for", "with", "de", "del", "da", "do", "na", "no", "en", "em", "chez",
                             "dell'", "dell’", "l'", "l’", "d'", "d’", "presso", "della", "dello", "degli",
                             "bei", "bij", "für", "von", "в", "из", "от", "для", "dla", "z", "w", "di", "dari", "tại",
                             "của", "called", "named", "join", "joined", "represent", "represents", "representing",
                             "katika", "kwenye",  # Swahili "at, in"
                             "la", "le", "the"})  # an article after the preposition: "de la Clinique …"


def _starts_with_place(run: str) -> bool:
    """ "Mexico City", "Belo Horizonte ...": a place, not an employer."""
    return bool(find_country_in_text(run.split()[0])) or any(mention[0] == 0 for mention in city_mentions(run))


_EMPLOYER_LINKS = frozenset({"at", "chez", "bei", "bij", "en", "em", "presso"})


# An elided article before a name ("dell'Università degli Studi", "de l'Université Cheikh Anta Diop"): split off,
# so that the name is a capitalised run after a linking word.
_ELISION_RE = re.compile(r"(?<![^\W\d_])((?i:dell|dall|nell|sull|all|l|d)['’])(?=[A-ZÀ-Þ])")


def company_word_runs(text: str) -> Iterator[str]:
    """A capitalised run holding a company word after a preposition inside a sentence ("I manage the lab at
    Bodega Los Andes (Mendoza)")."""
    for line in _ELISION_RE.sub(r"\1 ", text).splitlines():
        words = list(_RUN_WORD_RE.finditer(line))
        index = 0
        while index < len(words):
            word = words[index].group()
            if not word[:1].isupper() or index == 0 or words[index - 1].group().casefold() not in _BEFORE_COMPANY:
                index += 1
                continue
            link = words[index - 1]
            if (index >= 2 and link.group().casefold() in NAME_LINKS
                    and COMPANY_WORD_RE.fullmatch(words[index - 2].group())):
                index += 1  # "Kuwait Institute for Scientific Research": "for" joins one name, it starts none
                continue
            between = line[link.end() : words[index].start()]
            end = index
            while end + 1 < len(words):
                gap = line[words[end].end() : words[end + 1].start()]
                nxt = words[end + 1].group()
                if gap.strip() or not (nxt[:1].isupper() or nxt.casefold() in NAME_LINKS and end + 2 < len(words)
                                       and words[end + 2].group()[:1].isupper()):
                    break
                if re.fullmatch(r"[^\W\d_]{4,}\.", words[end].group()):
                    break  # "… di Brescia. Vorremmo …": a full stop after a word ends the sentence
                end += 1
            start = words[index].start()
            run = line[start : words[end].end()]
            index = end + 1
            clause = re.split(r"[,;:·|()\[\]]|[.!?]\s", line[: link.start()])[-1]
            # "QA Manager at Plásticos Técnicos de Monterrey": after a job title, "at" names the employer.
            employer = link.group().casefold() in _EMPLOYER_LINKS and is_title(clause)
            if between.strip() or len(run.split()) < 2 or not (employer or COMPANY_WORD_RE.search(run)):
                continue
            if DEPARTMENT_RE.search(line[max(0, start - 20) : start] + "x"):
                continue  # "Dept. of Science Lab Technology" is inside the organisation
            company = clean_company(run, strict=True)
            if not company and employer and not _starts_with_place(run):
                company = clean_company(run, strict=False)
            if company:
                yield without_final_stop(company)


def named_company(rest: str) -> str | None:
    """The name after a word for "company": up to the end of its sentence, a comma or a bracket."""
    sentence = SENTENCE_RE.split(rest, maxsplit=1)[0]
    part = without_final_stop(re.split(r"[,;，。（(]|\s[-–—]\s", sentence, maxsplit=1)[0].strip())
    if re.match(r"[A-Za-z]", part):  # a Latin name ends where the sentence goes on in Arabic or Chinese
        part = re.split(r"\s*(?=[\u0600-\u06ff\u3400-\u9fff])", part, maxsplit=1)[0]
    company = clean_company(company_end(part), strict=False)
    if not company or len(company.split()) > 7 or not capitalised_enough(company):
        return None
    if find_country_in_text(company) and not (LEGAL_RE.search(company) or COMPANY_WORD_RE.search(company)):
        return None  # "company Kenya ..." names a place
    return company
