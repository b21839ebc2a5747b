"""Slack's plug-in (registered in bot/platforms.py). Light: slack_bolt is imported only by `build` and `doctor`.

Settings are the SLACK_* fields of the central bot.settings.Settings (kept there for existing deployments).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from bot.settings import Settings, is_placeholder

if TYPE_CHECKING:
    from bot.doctor import Check
    from bot.notifiers.render import Renderer
    from bot.org.model import Org
    from bot.runtime import PlatformRuntime
    from bot.services.context import Context


class SlackPlugin:
    def settings(self, base: Settings) -> Settings:
        return base

    def configured(self, settings: Settings) -> bool:
        return settings.slack_enabled

    def placeholder_problems(self, settings: Settings) -> list[str]:
        problems: list[str] = []
        if is_placeholder(settings.slack_bot_token):
            problems.append("SLACK_BOT_TOKEN")
        socket_mode = settings.slack_app_token is not None and bool(settings.slack_app_token.get_secret_value())
        if not socket_mode and is_placeholder(settings.slack_signing_secret):
            problems.append("SLACK_SIGNING_SECRET")
        if socket_mode and is_placeholder(settings.slack_app_token):
            problems.append("SLACK_APP_TOKEN")
        return problems

    def build(self, settings: Settings, ctx: Context, renderer: Renderer) -> PlatformRuntime:
        from bot.bootstrap_slack import build_slack

        return build_slack(settings, ctx, renderer)

    def doctor(self, settings: Settings, org: Org | None) -> AsyncIterator[Check]:
        from bot.doctor_platforms import slack_checks

        return slack_checks(settings, org)


PLUGIN = SlackPlugin()
