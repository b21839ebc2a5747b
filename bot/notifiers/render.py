"""Render `messages/<key>.<locale>[.<platform>].j2` with escaping of user text per platform.

Every `{{ value }}` is escaped for the target (the Markup its plug-in ENTRY declares; plain text for the shell)
unless a filter marks it `Safe` (mentions). Names, regions and times are looked up at render time, in the
reader's locale.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment, PackageLoader, StrictUndefined, TemplateNotFound

from bot import platforms
from bot.notifiers.render_markup import PLAIN, Markup, Safe
from bot.org.model import Org
from bot.terms import term_function

__all__ = ["PLAIN", "MESSAGES_DIR", "Markup", "RenderPlatform", "Renderer", "Safe"]

RenderPlatform = str  # "shell" or a registered platform; each platform's ENTRY carries its escaping and mentions
MESSAGES_PACKAGE = "messages"
MESSAGES_DIR: Traversable = files(MESSAGES_PACKAGE)  # package data: the same in a checkout and an installed wheel




class Renderer:
    def __init__(self, org: Org, names: Mapping[str, str] | None = None) -> None:
        self.org = org
        self.tz = ZoneInfo(org.timezone)
        self.names = dict(names or {})
        self._envs: dict[str, Environment] = {}
        self.markups: dict[str, Markup] = {}

    def register_markup(self, platform: str, markup: Markup) -> None:
        """A plug-in platform's own markup (its `build` calls this); before its first render."""
        self.markups[platform] = markup
        self._envs.pop(platform, None)

    def markup(self, platform: RenderPlatform) -> Markup:
        """The registered override, else what the platform's ENTRY declares, else plain text (the shell)."""
        if platform in self.markups:
            return self.markups[platform]
        try:
            declared = platforms.entry(platform).markup
        except KeyError:
            declared = None
        return declared if declared is not None else PLAIN

    def _escape(self, platform: RenderPlatform, value: Any) -> str:
        if value is None:
            return ""
        text = value if isinstance(value, str) else str(value)
        if isinstance(value, Safe):
            return text
        return self.markup(platform).escape(text)

    def _env(self, platform: RenderPlatform) -> Environment:
        if platform not in self._envs:
            self._envs[platform] = self._environment(platform)
        return self._envs[platform]

    def _environment(self, platform: RenderPlatform) -> Environment:
        env = Environment(  # noqa: S701 - escaping is done per platform in `finalize`
            loader=PackageLoader(MESSAGES_PACKAGE, ""),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            finalize=lambda value: self._escape(platform, value),
        )
        env.filters.update(
            local=self.local_time, person=self.person_name, region=self.region_name,
            department=self.department_name, mention=lambda pid: self.mention(pid, platform),
        )
        env.globals["platform"] = platform
        return env

    def use(self, org: Org) -> None:
        """Render with a reloaded org file from now on."""
        self.org = org
        self.tz = ZoneInfo(org.timezone)

    def render(self, key: str, data: Mapping[str, Any], *, locale: str, platform: RenderPlatform) -> str:
        env = self._env(platform)
        names = [f"{key}.{locale}.{platform}.j2", f"{key}.{locale}.j2", f"{key}.en.j2"]
        template = env.select_template(names)
        term = self.term_function(locale)
        return template.render({**data, "locale": locale, "t": term}).strip()

    def has(self, key: str, locale: str) -> bool:
        try:
            self._env("shell").get_template(f"{key}.{locale}.j2")
        except TemplateNotFound:
            return False
        return True

    def term_function(self, locale: str) -> Any:
        return term_function(locale)

    def button_label(self, action_id: str, locale: str) -> str:
        return str(self.term_function(locale)("button", action_id))

    def local_time(self, value: str | datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
        if not value:
            return ""
        instant = datetime.fromisoformat(value) if isinstance(value, str) else value
        if instant.tzinfo is None:
            instant = instant.replace(tzinfo=UTC)  # storage is UTC; never guess the server's zone
        return instant.astimezone(self.tz).strftime(fmt)

    def person_name(self, person_id: str | None) -> str:
        if not person_id:
            return ""
        person = self.org.person(person_id)
        return person.name if person else self.names.get(person_id, person_id)

    def region_name(self, region_id: str | None, locale: str | None = None) -> str:
        region = self.org.region(region_id) if region_id else None
        return region.display(locale or self.org.locale) if region else (region_id or "")

    def department_name(self, department_id: str | None, locale: str | None = None) -> str:
        department = self.org.department(department_id) if department_id else None
        return department.display(locale or self.org.locale) if department else (department_id or "")

    def mention(self, person_id: str | None, platform: RenderPlatform) -> Safe:
        person = self.org.person(person_id) if person_id else None
        if person is None:
            return Safe(self._escape(platform, self.person_name(person_id)))
        user = person.on(platform)
        markup = self.markup(platform)
        if user and markup.mention is not None:
            return Safe(markup.mention(user, person.name))
        return Safe(f"@{self._escape(platform, person.name)}")
