"""Slack's plug-in, found by bot/platforms.py through ENTRY below. Light: slack_bolt is imported only by `build`
and `doctor`.

Settings are the SLACK_* fields of the central bot.settings.Settings (kept there for existing deployments).
"""

from __future__ import annotations

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


SLACK_IDS = IdentitySpec(
    "Slack",
    user=IdentityKind("member id", r"[UW][A-Z0-9]{2,}", example="U…",
                      fix="copy the member id from the person's Slack profile (… > Copy member ID); it starts with U"),
    chat=IdentityKind("channel id", r"[CG][A-Z0-9]{2,}", example="C…",
                      fix="copy the id from the channel's details (the bottom of the About tab); it starts with C"),
)


def _escape(text: str) -> str:
    """mrkdwn: `&`, `<` and `>` are the only characters Slack reads as markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


SLACK_MARKUP = Markup(_escape, lambda user, _name: f"<@{user}>")
ENTRY = PlatformEntry("slack", SLACK_IDS, "SLACK_BOT_TOKEN", SlackPlugin(), sdks=("slack_bolt", "slack_sdk"),
                      order=10,  # first: the default platform of a person reached without `prefer:`
                      markup=SLACK_MARKUP)
