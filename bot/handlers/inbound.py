"""The HTTP answer to a verified request whose processing failed: the platform delivers it again only when the
database was the problem (500), else it is kept in inbound_failures and answered 200 (a poison request that a
platform re-sends for ever helps nobody)."""

from __future__ import annotations

import logging

from bot.services.context import Context
from bot.services.inbound import keep_unprocessable
from storage.errors import database_unavailable

log = logging.getLogger(__name__)

OK = 200
RETRY = 500  # Slack and Telegram both deliver again after a 5xx


def describe(error: BaseException | str) -> str:
    return error if isinstance(error, str) else f"{type(error).__name__}: {error}"


async def answer_failure(ctx: Context, platform: str, error: BaseException | str, body: bytes) -> int:
    """Log once, keep the body, and say which status to answer. `error` is an exception, or a reason in words
    for a body that could not even be read."""
    if isinstance(error, BaseException) and database_unavailable(error):
        log.warning("%s request not processed: the database is unavailable (%s); the platform will retry",
                    platform, describe(error))
        return RETRY
    if isinstance(error, BaseException):
        log.error("%s request could not be processed; kept in inbound_failures", platform, exc_info=error)
    else:
        log.error("%s request could not be processed (%s); kept in inbound_failures", platform, error)
    try:
        await keep_unprocessable(ctx, platform, describe(error), body)
    except Exception as failure:
        if database_unavailable(failure):
            log.warning("%s request not kept: the database is unavailable; the platform will retry", platform)
            return RETRY
        log.exception("%s request could not be kept in inbound_failures either", platform)
    return OK
