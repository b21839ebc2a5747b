"""Settings, read once from the environment (and `.env`) and passed down; nothing else reads os.environ."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import Field, PrivateAttr, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_MARKERS = ("change-me", "changeme", "placeholder", "your-")
DRIVERLESS_POSTGRES = ("postgresql://", "postgres://")
ASYNC_POSTGRES = "postgresql+asyncpg://"


def normalise_database_url(url: str) -> str:
    """`postgresql://` and `postgres://` (what most hosts hand out) mean asyncpg, the driver the bot ships with."""
    for prefix in DRIVERLESS_POSTGRES:
        if url.startswith(prefix):
            return ASYNC_POSTGRES + url[len(prefix):]
    return url


def is_placeholder(secret: SecretStr | None) -> bool:
    """True when a secret is unset or still the `.env.example` placeholder."""
    if secret is None:
        return True
    value = secret.get_secret_value().strip().lower()
    return not value or any(marker in value for marker in PLACEHOLDER_MARKERS)


class Settings(BaseSettings):
    """Everything the process needs from its environment (SPEC section 8)."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field(default="sqlite+aiosqlite:///./inquirybot.db", alias="DATABASE_URL")
    org_file: Path = Field(default=Path("./org.yaml"), alias="INQUIRYBOT_ORG")
    log_level: str = Field(default="INFO", alias="INQUIRYBOT_LOG_LEVEL")
    log_format: str = Field(default="text", alias="INQUIRYBOT_LOG_FORMAT")
    reports_dir: Path = Field(default=Path("./reports"), alias="INQUIRYBOT_REPORTS_DIR")
    cache_dir: Path | None = Field(default=None, alias="INQUIRYBOT_CACHE_DIR")
    xdg_cache_home: Path | None = Field(default=None, alias="XDG_CACHE_HOME")

    slack_bot_token: SecretStr | None = Field(default=None, alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(default=None, alias="SLACK_SIGNING_SECRET")
    slack_app_token: SecretStr | None = Field(default=None, alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field(default="https://slack.com/api/", alias="SLACK_API_URL")

    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    telegram_webhook_secret: SecretStr | None = Field(default=None, alias="TELEGRAM_WEBHOOK_SECRET")
    telegram_webhook_url: str | None = Field(default=None, alias="TELEGRAM_WEBHOOK_URL")
    telegram_api_url: str = Field(default="https://api.telegram.org/bot", alias="TELEGRAM_API_URL")

    _driver_added_to: str | None = PrivateAttr(default=None)
    _platform_settings: dict[str, Any] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        """Accept a driverless PostgreSQL URL as asyncpg; `driver_note` says so (logged at DEBUG)."""
        given = self.database_url.strip()
        self.database_url = normalise_database_url(given)
        if self.database_url != given:
            self._driver_added_to = given.split("://", 1)[0]

    @property
    def driver_note(self) -> str | None:
        if self._driver_added_to is None:
            return None
        return f"DATABASE_URL starts with {self._driver_added_to}://; using it as {ASYNC_POSTGRES} (asyncpg)"

    @property
    def platform_settings(self) -> dict[str, Any]:
        """Settings objects handed in for plug-in platforms (tests); others read their own (bot/platforms.py)."""
        return self._platform_settings

    def with_platform(self, name: str, settings: Any) -> Settings:
        """These settings with a platform plug-in's own settings object set explicitly."""
        self._platform_settings[name] = settings
        return self

    @property
    def org_cache_dir(self) -> Path | None:
        """Where the validated org is kept between calls (bot/org/cache.py): INQUIRYBOT_CACHE_DIR, else
        $XDG_CACHE_HOME/inquirybot, else ~/.cache/inquirybot; None without a home directory."""
        if self.cache_dir is not None and str(self.cache_dir) not in ("", "."):
            return self.cache_dir.resolve()  # an empty value (the .env.example line uncommented) means unset
        if self.xdg_cache_home is not None and self.xdg_cache_home.is_absolute():
            return self.xdg_cache_home / "inquirybot"
        try:
            return Path.home() / ".cache" / "inquirybot"
        except RuntimeError:  # no HOME and no passwd entry
            return None

    @property
    def slack_enabled(self) -> bool:
        return self.slack_bot_token is not None and bool(self.slack_bot_token.get_secret_value())

    @property
    def telegram_enabled(self) -> bool:
        return self.telegram_bot_token is not None and bool(self.telegram_bot_token.get_secret_value())
