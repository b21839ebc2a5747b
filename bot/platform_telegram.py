"""Telegram's plug-in, found by bot/platforms.py through ENTRY below. Light: python-telegram-bot is imported only
by `build` and `doctor`. Settings are the TELEGRAM_* fields of the central bot.settings.Settings.
"""

from __future__ import annotations

import html
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from bot.notifiers.render_markup import Markup
from bot.org.identities import IdentityKind, IdentitySpec
from bot.platforms import PlatformEntry
from bot.settings import Settings, is_placeholder

if TYPE_CHECKING:
    from bot.doctor import Check
    from bot.notifiers.render import Renderer
    from bot.org.model import Org
    from bot.runtime import PlatformRuntime
    from bot.services.context import Context


class TelegramPlugin:
    def settings(self, base: Settings) -> Settings:
        return base

    def configured(self, settings: Settings) -> bool:
        return settings.telegram_enabled

    def placeholder_problems(self, settings: Settings) -> list[str]:
        problems: list[str] = []
        if is_placeholder(settings.telegram_bot_token):
            problems.append("TELEGRAM_BOT_TOKEN")
        if settings.telegram_webhook_url and is_placeholder(settings.telegram_webhook_secret):
            problems.append("TELEGRAM_WEBHOOK_SECRET")
        return problems

    def build(self, settings: Settings, ctx: Context, renderer: Renderer) -> PlatformRuntime:
        from bot.bootstrap_telegram import build_telegram

        return build_telegram(settings, ctx, renderer)

    def doctor(self, settings: Settings, org: Org | None) -> AsyncIterator[Check]:
        from bot.doctor_platforms import telegram_checks

        return telegram_checks(settings, org)


TELEGRAM_IDS = IdentitySpec(
    "Telegram",
    user=IdentityKind("user id", r"[1-9][0-9]*", numeric=True, example="123…",
                      fix="use the person's numeric user id (a positive number, without quotes); negative ids are "
                          "groups"),
    chat=IdentityKind("chat id", r"-?[1-9][0-9]*", numeric=True, example="-100…",
                      fix="use the numeric chat id without quotes, e.g. -1001000000001 for a group"),
)
TELEGRAM_MARKUP = Markup(lambda text: html.escape(text, quote=False),  # parse_mode HTML
                         lambda user, name: f'<a href="tg://user?id={user}">{html.escape(name)}</a>')
ENTRY = PlatformEntry("telegram", TELEGRAM_IDS, "TELEGRAM_BOT_TOKEN", TelegramPlugin(), sdks=("telegram",), order=20,
                      markup=TELEGRAM_MARKUP)
