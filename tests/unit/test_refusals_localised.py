"""Every refusal, rendered for every action a command can be refused for, reads fully in the reader's language:
no English verb or raw key left in a Chinese sentence, no underscore key in an English one."""

from __future__ import annotations

import re

import pytest
import yaml

from bot.commands import GRAMMAR
from bot.notifiers.render import MESSAGES_DIR, Renderer
from bot.org.model import Org
from bot.rules.help_scope import EVERYONE, ROLE_VERBS
from bot.rules.permissions import Action

REFUSALS = sorted(p.name.split(".")[0] + "." + p.name.split(".")[1]
                  for p in MESSAGES_DIR.glob("refused.*.en.j2")) + ["error.not_allowed"]
ACTIONS = sorted({a.value for a in Action} | {verb.replace(" ", "_") for verb in GRAMMAR} - {"help", "mine", "new",
                                                                                             "counts", "rank"})
ASCII_WORD = re.compile(r"[A-Za-z_]{3,}")
ALLOWED_ASCII = {"INQ", "PEN", "OA", "CRM", "org", "yaml", "Person"}


def _terms() -> dict[str, dict[str, dict[str, str]]]:
    with (MESSAGES_DIR / "terms.yaml").open(encoding="utf-8") as handle:
        loaded: dict[str, dict[str, dict[str, str]]] = yaml.safe_load(handle)
    return loaded


@pytest.mark.parametrize("action", ACTIONS)
def test_every_refusable_action_has_a_name_in_both_languages(action: str) -> None:
    entry = _terms()["action"].get(action)
    assert entry is not None, f"terms.yaml action.{action} is missing: a refusal would show the raw verb"
    assert entry.get("zh-CN") and entry.get("en")


@pytest.mark.parametrize("key", REFUSALS)
@pytest.mark.parametrize("action", ACTIONS)
def test_refusals_contain_no_untranslated_verb(org: Org, key: str, action: str) -> None:
    renderer = Renderer(org)
    data = {"action": action, "id": "INQ-2026-000123", "person": "zhang", "delegate": "zhou", "roles": ["rep"]}
    zh = renderer.render(key, data, locale="zh-CN", platform="shell")
    en = renderer.render(key, data, locale="en", platform="shell")
    leftovers = set(ASCII_WORD.findall(zh)) - ALLOWED_ASCII
    assert not leftovers, f"{key} for {action} (zh-CN) keeps English words {leftovers}: {zh}"
    assert "_" not in en, f"{key} for {action} (en) shows a raw key: {en}"
    assert "(" + action not in en


def test_every_command_is_listed_for_some_role_in_help() -> None:
    listed = set(EVERYONE).union(*ROLE_VERBS.values()) | {"reload"}
    assert set(GRAMMAR) - {"new"} <= listed | {"new"}, set(GRAMMAR) - listed
