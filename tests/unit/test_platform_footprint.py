"""Issue 14: a platform is its own new files plus three existing ones (pyproject.toml for its SDK, .env.example
for its settings, README.md for the docs index). Checked on the tree: no other file may name a plug-in platform.

A file names a platform when its text holds the platform's name (or a top-level module of its SDK, as its
registry entry lists them) as a word, letters and digits on neither side, any case: for a platform `acme`,
`acme`, `ACME_APP_ID` and `fakes.acme` count, `Acmeson` does not. A file is the platform's own when its path names
the platform (bot/handlers/<name>_cards.py, docs/<name>-setup.md, tests/platforms/fakes/<name>.py,
tests/platforms/drivers/<name>.py).

Exempt:
- the founding platforms, Slack and Telegram: they predate the plug-ins, and their settings (bot/settings.py),
  the benchmarks, the deploy files and the org sample use them as the bot's everyday platforms;
- tests/corpus/*.yaml, customer texts: a platform's name there is a customer's word ("add me on WeChat"), input
  for the intake parser, not something a platform has to change. The org sample files are NOT exempt: a new
  platform documents its ids in docs/<name>-setup.md and the org sample stays as it is.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from bot import platforms

ROOT = Path(__file__).resolve().parents[2]
MAY_TOUCH = {"pyproject.toml", ".env.example", "README.md"}
FOUNDING = ("slack", "telegram")
CUSTOMER_TEXTS = "tests/corpus/"
SKIPPED_DIRS = {".git", ".venv", "build", "dist", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}


def repository_files() -> list[str]:
    """The files git knows (tracked, and new ones not ignored); without git, a walk that skips build output."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                                capture_output=True, check=True).stdout.decode()
        return sorted(name for name in listed.split("\0") if name and (ROOT / name).is_file())
    except (OSError, subprocess.CalledProcessError):
        return sorted(str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file()
                      and not SKIPPED_DIRS.intersection(p.relative_to(ROOT).parts)
                      and not any(part.endswith(".egg-info") for part in p.relative_to(ROOT).parts))


def words_of(name: str) -> tuple[str, ...]:
    return (name, *platforms.entry(name).sdks)


def names_platform(text: str, words: tuple[str, ...]) -> bool:
    pattern = "|".join(re.escape(word) for word in words)
    return re.search(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])", text, re.IGNORECASE) is not None


def footprint(name: str) -> list[str]:
    """Files outside the platform's own that name it (exempt ones left out)."""
    words = words_of(name)
    found = []
    for path in repository_files():
        if name in path.lower() or path.startswith(CUSTOMER_TEXTS):
            continue
        try:
            text = (ROOT / path).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # images, workbooks
        if names_platform(text, words):
            found.append(path)
    return found


def test_the_founding_platforms_are_registered() -> None:
    """The exemption names real platforms: renaming one must not exempt a stranger."""
    assert set(FOUNDING) <= set(platforms.names())


@pytest.mark.parametrize("name", [n for n in platforms.names() if n not in FOUNDING])
def test_a_plug_in_platform_touches_only_its_own_files_and_three_others(name: str) -> None:
    outside = [path for path in footprint(name) if path not in MAY_TOUCH]
    assert outside == [], (
        f"{name} is named in {len(outside)} files that are not its own, beyond {sorted(MAY_TOUCH)}:\n  "
        + "\n  ".join(outside)
        + f"\nmove the mention into a file whose path names {name}, or make the file generic (registry)")


def test_the_word_match() -> None:
    """Names inside identifiers count; a longer word that merely contains the name does not."""
    words = ("acme", "acme_sdk")
    assert names_platform("ACME_APP_ID=", words)
    assert names_platform("from .fakes.acme import FakeAcme", words)
    assert names_platform("import acme_sdk as sdk", words)
    assert not names_platform("Maria Acmeson, Acmedia Ltd, FakeAcme, acmes, my_acme2", words)
