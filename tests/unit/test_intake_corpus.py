"""The tuning corpus stays above issue 11's floors per field (bench/intake_accuracy.py prints the figures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.intake_accuracy import TARGETS, load_corpus, measure
from bot.org.loader import load_org

ROOT = Path(__file__).resolve().parents[2]


# The held-out sets are only measured (bench); the general set and holdouts 3 to 10, 12 and 13 (each measured
# unseen first, see tests/corpus/README.md) are kept above the floors like the tuning set. Holdout 11 is measured
# only: its names are still below the target. Holdout 13 was tuned against in session 7; holdouts 14 to 16
# (session 7) are measured only, some of their fields are below the targets.
@pytest.mark.parametrize(
    "name",
    [
        "intake_tuning.yaml",
        "intake_general.yaml",
        "intake_holdout3.yaml",
        "intake_holdout4.yaml",
        "intake_holdout5.yaml",
        "intake_holdout6.yaml",
        "intake_holdout7.yaml",
        "intake_holdout8.yaml",
        "intake_holdout9.yaml",
        "intake_holdout10.yaml",
        "intake_holdout12.yaml",
        "intake_holdout13.yaml",
        "intake_people.yaml",
    ],
)
def test_corpus_meets_the_floors(name: str) -> None:
    org = load_org(ROOT / "org.example.yaml")
    own, cases = load_corpus(ROOT / "tests" / "corpus" / name, org)
    assert len(cases) >= 30
    scores = measure(cases, own, org, verbose=False)
    shares = {field: hit / total for field, (hit, total) in scores.items() if total}
    assert {f: s for f, s in shares.items() if f in TARGETS and s < TARGETS[f]} == {}
