"""Offline fakes of the Slack Web API and the Telegram Bot API, spoken to by the real client libraries."""

from .server import Call, FilePart
from .slack import APP_TOKEN, BOT_TOKEN, FakeSlack, UploadedFile
from .telegram import TOKEN as TELEGRAM_TOKEN
from .telegram import FakeTelegram, StoredFile

__all__ = [
    "APP_TOKEN", "BOT_TOKEN", "TELEGRAM_TOKEN", "Call", "FakeSlack", "FakeTelegram", "FilePart", "StoredFile",
    "UploadedFile",
]
