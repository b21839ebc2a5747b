"""The platform registry: every chat platform the bot can serve, found by discovery. This module names none.

A platform is a plug-in module `bot/platform_<name>.py` that declares `ENTRY`, a PlatformEntry: its name (the
org file key, the `prefer:` value, the platform stored with identities and outbox rows), how its ids of people
and chats are written in the org file (an IdentitySpec, pure data), the setting that turns it on (for messages),
the top-level modules of its SDK (only its own modules may import them), an order key, and its plug-in object.
`registry()` imports every such module of the `bot` package (pkgutil, so the installed wheel finds the same
ones) the first time something asks. The plug-in modules are light: a platform's SDK is imported only by its
`build` and `doctor`, so `inquirybot org check` or a shell run never loads a platform SDK.

What a plug-in object provides (bot.runtime.PlatformPlugin):

- `settings(base)`: its settings object. The founding platforms read theirs from the central
  `bot.settings.Settings`; a new platform declares its own pydantic-settings class (an env prefix of its own) in
  its plug-in module, so bot/settings.py needs no edit. Tests hand one in with `Settings.with_platform(name, s)`.
- `configured(settings)`: True when its token is set (the platform is started by `run` and `serve`).
- `placeholder_problems(settings)`: names of secrets still holding `.env.example` placeholders (start refused).
- `build(settings, ctx, renderer)`: a PlatformRuntime: its notifier (render, pace, retry, uploads), its inbound
  handlers (`routes()` mounted by `serve`; `start(http=False)` opens the long connection under `run`) and stop.
- `doctor(settings, org)`: the read-only checks of `inquirybot doctor` (token, channels, people).

The button / action ids its handlers receive are mapped to commands by the one table in bot/actions.py.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import bot
from bot.org.identities import IdentitySpec

if TYPE_CHECKING:  # types only: this module never imports a platform at load time
    from bot.notifiers.render_markup import Markup
    from bot.runtime import PlatformPlugin
    from bot.settings import Settings

PLUGIN_PREFIX = "platform_"  # bot/platform_<name>.py


@dataclass(frozen=True)
class PlatformEntry:
    name: str
    identity: IdentitySpec
    enabled_by: str  # the setting that turns it on, named in the messages of `run`, `serve` and `doctor`
    plugin: PlatformPlugin[Any]
    sdks: tuple[str, ...] = ()  # top-level modules of its SDK: the core never imports them
    order: int = 100  # the default order of reaching a person who has no `prefer:` and no hint (then by name)
    markup: Markup | None = None  # how its messages escape printed values and write a mention; None: plain text


@cache
def registry() -> tuple[PlatformEntry, ...]:
    """Every plug-in module's ENTRY, in reaching order."""
    found: list[PlatformEntry] = []
    for module in pkgutil.iter_modules(bot.__path__):
        if not module.name.startswith(PLUGIN_PREFIX):
            continue
        declared = getattr(importlib.import_module(f"bot.{module.name}"), "ENTRY", None)
        expected = module.name.removeprefix(PLUGIN_PREFIX)
        if not isinstance(declared, PlatformEntry) or declared.name != expected:
            raise TypeError(f"bot/{module.name}.py must declare ENTRY = PlatformEntry({expected!r}, ...)")
        found.append(declared)
    return tuple(sorted(found, key=lambda entry: (entry.order, entry.name)))


def names() -> tuple[str, ...]:
    return tuple(entry.name for entry in registry())


def switches(joiner: str = " or ") -> str:
    """The settings that turn platforms on, joined for a message (`A_TOKEN or B_TOKEN`)."""
    return joiner.join(entry.enabled_by for entry in registry())


def labels(joiner: str = " and ") -> str:
    return joiner.join(entry.identity.label for entry in registry())


def identities() -> Mapping[str, IdentitySpec]:
    return {entry.name: entry.identity for entry in registry()}


def sdks() -> tuple[str, ...]:
    """The top-level modules of every registered platform's SDK."""
    return tuple(module for entry in registry() for module in entry.sdks)


def entry(name: str) -> PlatformEntry:
    for found in registry():
        if found.name == name:
            return found
    raise KeyError(f"no platform named {name!r} is registered (bot/{PLUGIN_PREFIX}{name}.py)")


def plugin(name: str) -> PlatformPlugin[Any]:
    """The platform's plug-in object."""
    return entry(name).plugin


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
