"""Accuracy of the intake parser per field on corpus files (tests/corpus/README.md describes the format).

    python -m bench.intake_accuracy [--org org.example.yaml] [-v] FILE [FILE ...]

Prints, for each file and for all files together, the share of inquiries whose field matches the answer a
careful person recorded, beside the target of issue 11. `-v` lists every miss.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.org.loader import load_org
from bot.org.model import Org
from bot.rules.intake import ParsedInquiry, parse_inquiry
from bot.rules.own_side import OwnSide, own_side_of
from bot.rules.routing import decide_region

ROOT = Path(__file__).resolve().parents[1]
FIELDS = ("region", "country", "phone", "email", "name", "company", "source", "product")
TARGETS = {"region": 0.97, "phone": 0.95, "email": 1.0, "name": 0.85, "company": 0.85}


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    expect: dict[str, Any]


def load_corpus(path: Path, org: Org) -> tuple[OwnSide, list[Case]]:
    """The corpus's inquiries and the own side to read them with (the file's `own:` over the org's)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    own = own_side_of(org)
    block = data.get("own") or {}
    if block:
        own = OwnSide.build(
            domains=block.get("domains", []), phones=block.get("phones", []),
            home_country=block.get("home_country", own.home_country),
            names=[*own.names, *block.get("names", [])],
        )
    cases = [Case(str(item["id"]), str(item["text"]), dict(item["expect"])) for item in data["inquiries"]]
    return own, cases


def answers(parsed: ParsedInquiry, org: Org) -> dict[str, str | None]:
    """What the parser would record, under the corpus's field names."""
    decision = decide_region(parsed, org, None)
    return {
        "region": decision.region_id, "country": decision.country, "phone": parsed.phone, "email": parsed.email,
        "name": parsed.customer_name, "company": parsed.company, "source": parsed.source,
        "product": parsed.product,
    }


def _norm(value: object) -> str:
    text = unicodedata.normalize("NFC", str(value)).casefold()
    return " ".join(text.replace("«", '"').replace("»", '"').split()).strip(" .,;")


def matches(field: str, expected: object, got: object) -> bool:
    """Equal after case and space folding; a product also matches when one contains the other."""
    if expected is None or got is None:
        return expected is None and got is None
    want, have = _norm(expected), _norm(got)
    if field == "product":
        return bool(have) and (want in have or have in want)
    return want == have


def measure(cases: list[Case], own: OwnSide, org: Org, verbose: bool) -> dict[str, tuple[int, int]]:
    hits = dict.fromkeys(FIELDS, 0)
    for case in cases:
        got = answers(parse_inquiry(case.text, own), org)
        for field in FIELDS:
            if field not in case.expect:
                continue
            if matches(field, case.expect[field], got[field]):
                hits[field] += 1
            elif verbose:
                print(f"  miss {case.id:40} {field:8} want {case.expect[field]!r} got {got[field]!r}")
    return {field: (hits[field], sum(1 for c in cases if field in c.expect)) for field in FIELDS}


def report(title: str, scores: dict[str, tuple[int, int]]) -> bool:
    print(title)
    ok = True
    for field, (hit, total) in scores.items():
        share = hit / total if total else 1.0
        target = TARGETS.get(field)
        verdict = "" if target is None else ("  ok" if share >= target else "  BELOW")
        ok = ok and (target is None or share >= target)
        floor = f"target {target:>4.0%}" if target is not None else "no target"
        print(f"  {field:8} {hit:4}/{total:<4} {share:7.1%}   {floor}{verdict}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--org", type=Path, default=ROOT / "org.example.yaml")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    org = load_org(args.org)
    total = {field: (0, 0) for field in FIELDS}
    for path in args.files:
        own, cases = load_corpus(path, org)
        scores = measure(cases, own, org, args.verbose)
        report(f"{path} ({len(cases)} inquiries)", scores)
        total = {f: (total[f][0] + scores[f][0], total[f][1] + scores[f][1]) for f in FIELDS}
    ok = report("all files", total) if len(args.files) > 1 else all(
        total[f][1] == 0 or total[f][0] / total[f][1] >= t for f, t in TARGETS.items())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
