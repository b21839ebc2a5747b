"""Telegram long polling that loses nothing: getUpdates confirms an update only when it is asked for the next
offset, so the offset moves past an update only after that update is committed (or kept in inbound_failures as
one the bot cannot process). While the database is down the same update is tried again with a growing pause,
for as long as it takes; a restart in between gets the unconfirmed updates again (intake is idempotent).

PTB's Updater is not used: it confirms updates as soon as they are fetched, before they are processed."""

from __future__ import annotations

import asyncio
import json
import logging
import warnings
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from telegram import Bot, Update
from telegram.error import Conflict, InvalidToken, NetworkError, TelegramError

from bot.handlers.inbound import RETRY

log = logging.getLogger(__name__)

FIRST_PAUSE = 0.5
MAX_PAUSE = 10.0

Process = Callable[[Update], Awaitable[BaseException | None]]
Parse = Callable[[dict[str, Any]], "Update | str"]
Fail = Callable[[BaseException | str, bytes], Awaitable[int]]


class Poller:
    """One task: fetch a batch, process its updates one by one, and only then ask for the next offset."""

    def __init__(self, bot: Bot, *, process: Process, parse: Parse, fail: Fail, allowed_updates: Sequence[str],
                 timeout: int) -> None:
        self.bot = bot
        self.process = process
        self.parse = parse
        self.fail = fail
        self.allowed_updates = list(allowed_updates)
        self.timeout = timeout
        self.offset: int | None = None
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await self.bot.delete_webhook(drop_pending_updates=False)  # getUpdates is refused while a webhook is set
        self._task = asyncio.create_task(self._run(), name="telegram-polling")

    async def stop(self) -> None:
        """Stop at once, even mid-poll: what was not confirmed yet is delivered again at the next start."""
        if self._task is not None:
            task, self._task = self._task, None
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def _run(self) -> None:
        pause = FIRST_PAUSE
        while True:
            try:
                batch = await self._fetch()
            except (NetworkError, Conflict) as error:  # TimedOut too; Conflict: another poller or a webhook
                log.warning("telegram getUpdates failed (%s); next try in %.1f s", error, pause)
                await asyncio.sleep(pause)
                pause = min(pause * 2, MAX_PAUSE)
                continue
            except InvalidToken:
                log.exception("telegram rejected the token during polling; polling stops")
                return
            pause = FIRST_PAUSE
            for update in batch:
                await self._settle(update)
                self.offset = _update_id(update) + 1

    async def _fetch(self) -> list[Update | dict[str, Any]]:
        """The next batch, parsed; raw dicts when PTB cannot parse the batch (each is then judged alone)."""
        try:
            return list(await self.bot.get_updates(offset=self.offset, timeout=self.timeout,
                                                   allowed_updates=self.allowed_updates))
        except TelegramError:
            raise
        except Exception:  # PTB could not read one of them: fetch them raw, so one update cannot block the rest
            log.warning("telegram getUpdates: a batch PTB cannot parse; judging its updates one by one",
                        exc_info=True)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # PTB suggests get_updates, which is what just failed
                raw = await self.bot.do_api_request("getUpdates", api_kwargs={"offset": self.offset, "timeout": 0})
            return [item for item in raw if isinstance(item, dict) and isinstance(item.get("update_id"), int)]

    async def _settle(self, update: Update | dict[str, Any]) -> None:
        """Process one update until it is committed or kept; while the database is down, wait and try again."""
        pause = FIRST_PAUSE
        while True:
            parsed = self.parse(update) if isinstance(update, dict) else update
            body = json.dumps(update if isinstance(update, dict) else update.to_dict(), default=str).encode()
            if isinstance(parsed, str):
                status = await self._fail_safely(parsed, body)
            else:
                error = await self.process(parsed)
                status = 200 if error is None else await self._fail_safely(error, body)
            if status != RETRY:
                return
            log.warning("telegram update %s waits for the database; next try in %.1f s", _update_id(update), pause)
            await asyncio.sleep(pause)
            pause = min(pause * 2, MAX_PAUSE)

    async def _fail_safely(self, error: BaseException | str, body: bytes) -> int:
        try:
            return await self.fail(error, body)
        except Exception:
            log.exception("telegram: judging a failed update failed; it is tried again")
            return RETRY


def _update_id(update: Update | dict[str, Any]) -> int:
    return int(update["update_id"]) if isinstance(update, dict) else update.update_id
