"""Feishu's settings come from FEISHU_* variables (its own settings class): they turn the platform on, and
placeholders copied from .env.example stop the start, as for Slack and Telegram."""

from __future__ import annotations

import pytest

from bot import platforms
from bot.platform_feishu import DEFAULT_API_URL, FeishuSettings
from bot.settings import Settings


def base() -> Settings:
    return Settings(_env_file=None)  # type: ignore[call-arg]


def test_feishu_is_off_without_its_app_id(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FEISHU_APP_ID", "FEISHU_APP_SECRET", "FEISHU_API_URL"):
        monkeypatch.delenv(name, raising=False)
    assert "feishu" not in platforms.configured(base())
    assert platforms.settings_of("feishu", base()).api_url == DEFAULT_API_URL


def test_the_environment_turns_feishu_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FEISHU_APP_ID", "cli_a1b2c3d4e5f6a7b8")
    monkeypatch.setenv("FEISHU_APP_SECRET", "s3cr3t-from-the-console")
    monkeypatch.setenv("FEISHU_API_URL", "https://open.larksuite.com")

    settings = platforms.settings_of("feishu", base())

    assert "feishu" in platforms.configured(base())
    assert platforms.placeholder_problems(base()) == []
    assert isinstance(settings, FeishuSettings)
    assert settings.api_url == "https://open.larksuite.com"


def test_placeholders_from_env_example_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FEISHU_APP_ID", "cli_change-me")
    monkeypatch.setenv("FEISHU_APP_SECRET", "change-me")
    monkeypatch.setenv("FEISHU_ENCRYPT_KEY", "change-me")
    monkeypatch.delenv("FEISHU_VERIFICATION_TOKEN", raising=False)

    assert platforms.placeholder_problems(base()) == ["FEISHU_APP_ID", "FEISHU_APP_SECRET", "FEISHU_ENCRYPT_KEY"]
