"""The platform registry: every chat platform the bot can serve, registered here and nowhere else.

A platform is one entry: its name (the org file key, the `prefer:` value, the platform stored with identities and
outbox rows), how its ids of people and chats are written in the org file (an IdentitySpec, pure data), the
dotted path of its plug-in object, and the setting that turns it on (for messages). The plug-in module is
imported only when something asks for it, and it is light itself: the platform's SDK is imported only by its
`build` and `doctor`, so `inquirybot org check` or a shell run never loads slack_bolt, python-telegram-bot or
lark-oapi.

What a plug-in object provides (bot.runtime.PlatformPlugin):

- `settings(base)`: its settings object. Slack and Telegram read theirs from the central `bot.settings.Settings`;
  a new platform declares its own pydantic-settings class (env_prefix, e.g. `FEISHU_`) in its plug-in module, so
  bot/settings.py needs no edit. Tests hand one in with `Settings.with_platform(name, settings)`.
- `configured(settings)`: True when its token is set (the platform is started by `run` and `serve`).
- `placeholder_problems(settings)`: names of secrets still holding `.env.example` placeholders (start refused).
- `build(settings, ctx, renderer)`: a PlatformRuntime: its notifier (render, pace, retry, uploads), its inbound
  handlers (`routes()` mounted by `serve`; `start(http=False)` opens the long connection under `run`) and stop.
- `doctor(settings, org)`: the read-only checks of `inquirybot doctor` (token, channels, people).

The button / action ids its handlers receive are mapped to commands by the one table in bot/actions.py.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from bot.org.identities import IdentityKind, IdentitySpec

if TYPE_CHECKING:  # types only: this module never imports a platform at load time
    from bot.runtime import PlatformPlugin
    from bot.settings import Settings


@dataclass(frozen=True)
class PlatformEntry:
    name: str
    identity: IdentitySpec
    plugin: str  # "module.path:attribute" of its PlatformPlugin, imported on first use
    enabled_by: str  # the setting that turns it on, named in the messages of `run`, `serve` and `doctor`


SLACK_IDS = IdentitySpec(
    "Slack",
    user=IdentityKind("member id", r"[UW][A-Z0-9]{2,}", example="U…",
                      fix="copy the member id from the person's Slack profile (… > Copy member ID); it starts with U"),
    chat=IdentityKind("channel id", r"[CG][A-Z0-9]{2,}", example="C…",
                      fix="copy the id from the channel's details (the bottom of the About tab); it starts with C"),
)
TELEGRAM_IDS = IdentitySpec(
    "Telegram",
    user=IdentityKind("user id", r"[1-9][0-9]*", numeric=True, example="123…",
                      fix="use the person's numeric user id (a positive number, without quotes); negative ids are "
                          "groups"),
    chat=IdentityKind("chat id", r"-?[1-9][0-9]*", numeric=True, example="-100…",
                      fix="use the numeric chat id without quotes, e.g. -1001000000001 for a group"),
)
FEISHU_IDS = IdentitySpec(
    "Feishu",
    user=IdentityKind("open id", r"ou_[0-9a-z]{8,}", example="ou_…",
                      fix="use the person's open id for this app (it starts with ou_; docs/feishu-setup.md shows "
                          "where to find it)"),
    chat=IdentityKind("chat id", r"oc_[0-9a-z]{8,}", example="oc_…",
                      fix="use the group's chat id (it starts with oc_; docs/feishu-setup.md shows where to find "
                          "it)"),
)

# The registry. The order is the default order of reaching a person who has no `prefer:` and no hint.
REGISTRY: tuple[PlatformEntry, ...] = (
    PlatformEntry("slack", SLACK_IDS, "bot.platform_slack:PLUGIN", "SLACK_BOT_TOKEN"),
    PlatformEntry("telegram", TELEGRAM_IDS, "bot.platform_telegram:PLUGIN", "TELEGRAM_BOT_TOKEN"),
    PlatformEntry("feishu", FEISHU_IDS, "bot.platform_feishu:PLUGIN", "FEISHU_APP_ID"),
)


def names() -> tuple[str, ...]:
    return tuple(entry.name for entry in REGISTRY)


def switches(joiner: str = " or ") -> str:
    """`SLACK_BOT_TOKEN or TELEGRAM_BOT_TOKEN`: the settings that turn platforms on, for messages."""
    return joiner.join(entry.enabled_by for entry in REGISTRY)


def labels(joiner: str = " and ") -> str:
    return joiner.join(entry.identity.label for entry in REGISTRY)


def identities() -> Mapping[str, IdentitySpec]:
    return {entry.name: entry.identity for entry in REGISTRY}


def entry(name: str) -> PlatformEntry:
    for found in REGISTRY:
        if found.name == name:
            return found
    raise KeyError(f"no platform named {name!r} is registered (bot/platforms.py)")


@cache
def plugin(name: str) -> PlatformPlugin[Any]:
    """The platform's plug-in object, imported now (and only now)."""
    module_name, _, attribute = entry(name).plugin.partition(":")
    found: PlatformPlugin[Any] = getattr(importlib.import_module(module_name), attribute)
    return found


def settings_of(name: str, base: Settings) -> Any:
    """The platform's own settings: the one handed in by a test, else what its plug-in reads."""
    given = base.platform_settings.get(name)
    return given if given is not None else plugin(name).settings(base)


def configured(base: Settings) -> list[str]:
    """The registered platforms whose tokens are set, in registry order."""
    return [name for name in names() if plugin(name).configured(settings_of(name, base))]


def placeholder_problems(base: Settings) -> list[str]:
    """Secrets still holding placeholders, for every platform we are asked to connect to."""
    problems: list[str] = []
    for name in configured(base):
        problems += plugin(name).placeholder_problems(settings_of(name, base))
    return problems
