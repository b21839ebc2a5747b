"""The sample org file shipped in the package: `inquirybot org sample` prints it, `inquirybot demo` plays it."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

SAMPLE_NAME = "org.example.yaml"


def sample_org() -> Traversable:
    """bot/org/org.example.yaml, a link in the repository to the org.example.yaml the README copies."""
    return files("bot.org").joinpath(SAMPLE_NAME)
