"""Feishu / Lark's plug-in, found by bot/platforms.py through ENTRY below. Light: lark-oapi is imported only by
`build` and `doctor`. Its settings are its own FEISHU_* variables, read by the pydantic-settings class below.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.notifiers.feishu_markup import FEISHU_MARKUP
from bot.org.identities import IdentityKind, IdentitySpec
from bot.platforms import PlatformEntry
from bot.settings import Settings, is_placeholder

if TYPE_CHECKING:
    from bot.doctor import Check
    from bot.notifiers.render import Renderer
    from bot.org.model import Org
    from bot.runtime import PlatformRuntime
    from bot.services.context import Context

DEFAULT_API_URL = "https://open.feishu.cn"  # Lark (outside China): https://open.larksuite.com


class FeishuSettings(BaseSettings):
    """FEISHU_APP_ID, FEISHU_APP_SECRET, FEISHU_VERIFICATION_TOKEN, FEISHU_ENCRYPT_KEY, FEISHU_API_URL."""

    model_config = SettingsConfigDict(env_prefix="FEISHU_", env_file=".env", env_file_encoding="utf-8",
                                      extra="ignore")

    app_id: str | None = None
    app_secret: SecretStr | None = None
    verification_token: SecretStr | None = None
    encrypt_key: SecretStr | None = None
    api_url: str = Field(default=DEFAULT_API_URL)


class FeishuPlugin:
    def settings(self, base: Settings) -> FeishuSettings:
        return FeishuSettings()

    def configured(self, settings: FeishuSettings) -> bool:
        return bool(settings.app_id) and settings.app_secret is not None and bool(
            settings.app_secret.get_secret_value())

    def placeholder_problems(self, settings: FeishuSettings) -> list[str]:
        problems: list[str] = []
        if not settings.app_id or is_placeholder(SecretStr(settings.app_id)):
            problems.append("FEISHU_APP_ID")
        if is_placeholder(settings.app_secret):
            problems.append("FEISHU_APP_SECRET")
        for name, secret in (("FEISHU_VERIFICATION_TOKEN", settings.verification_token),
                             ("FEISHU_ENCRYPT_KEY", settings.encrypt_key)):
            if secret is not None and secret.get_secret_value() and is_placeholder(secret):
                problems.append(name)
        return problems

    def build(self, settings: FeishuSettings, ctx: Context, renderer: Renderer) -> PlatformRuntime:
        from bot.bootstrap_feishu import build_feishu

        return build_feishu(settings, ctx, renderer)

    async def doctor(self, settings: FeishuSettings, org: Org | None) -> AsyncIterator[Check]:
        """Read-only: the credentials give a tenant token, the bot is in each configured chat, each person's open
        id is someone the app sees. A missing optional scope is a warning (the bot runs without it)."""
        import httpx

        from bot.bootstrap_feishu import api_client
        from bot.doctor import passed, problem
        from bot.notifiers.feishu_api import FeishuApiError

        api = api_client(settings)
        try:
            await api.tenant_token()
        except FeishuApiError as error:
            yield problem("feishu", f"Feishu refused the app credentials ({error})",
                          "copy App ID and App Secret again from the developer console (docs/feishu-setup.md)")
            return
        except httpx.TransportError as error:
            yield problem("feishu", f"{settings.api_url} cannot be reached ({type(error).__name__})",
                          "check FEISHU_API_URL (open.feishu.cn or open.larksuite.com) and the network")
            return
        yield passed("feishu", f"app {settings.app_id}: tenant token issued by {settings.api_url}")
        if org is not None:
            from bot.doctor_feishu import chat_checks, people_checks

            async for check in chat_checks(api, org):
                yield check
            async for check in people_checks(api, org):
                yield check


FEISHU_IDS = IdentitySpec(
    "Feishu",
    user=IdentityKind("open id", r"ou_[0-9a-z]{8,}", example="ou_…",
                      fix="use the person's open id for this app (it starts with ou_; docs/feishu-setup.md shows "
                          "where to find it)"),
    chat=IdentityKind("chat id", r"oc_[0-9a-z]{8,}", example="oc_…",
                      fix="use the group's chat id (it starts with oc_; docs/feishu-setup.md shows where to find "
                          "it)"),
)
ENTRY = PlatformEntry("feishu", FEISHU_IDS, "FEISHU_APP_ID", FeishuPlugin(), sdks=("lark_oapi",), order=30,
                      markup=FEISHU_MARKUP)
