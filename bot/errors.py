"""The domain error tree. Each error carries a message key (a template under messages/) and its data."""

from __future__ import annotations

from typing import Any


class BotError(Exception):
    """A failure a person should be told about in one line."""

    key = "error.generic"

    def __init__(self, key: str | None = None, **data: Any) -> None:
        self.key = key or type(self).key
        self.data = data
        super().__init__(f"{self.key} {data}" if data else self.key)


class NotAllowed(BotError):
    key = "error.not_allowed"


class NotFound(BotError):
    key = "error.not_found"


class InvalidInput(BotError):
    key = "error.invalid_input"
