"""Start and stop everything a long-running process does: platforms, the outbox dispatcher, the scheduler."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from bot.bootstrap import App
from bot.runtime import PlatformRuntime, PlatformUnreachable
from bot.services.roster import reassign_departed

log = logging.getLogger(__name__)

FIRST_RETRY = 1.0
MAX_RETRY = 60.0
STOP_TIMEOUT = 3.0


@contextlib.asynccontextmanager
async def running(
    app: App, *, http: bool, scheduler: bool = True, stop: asyncio.Event | None = None
) -> AsyncIterator[None]:
    """Platforms first (so nothing is lost), then the dispatcher and the scheduler; stop in reverse.
    A platform that cannot be reached is retried with backoff until `stop` is set (then the body does not run
    any longer than it takes to notice `stop`)."""
    stop = stop or asyncio.Event()
    quit_dispatcher = asyncio.Event()
    started: list[PlatformRuntime] = []
    await reassign_departed(app.ctx)  # people who left since the last start hand over their open work
    dispatcher: asyncio.Task[None] | None = None
    try:
        for runtime in app.runtimes:
            if not await start_with_retry(runtime, http=http, stop=stop):
                break
            started.append(runtime)
            log.info("%s connected", runtime.name)
        if not stop.is_set():
            dispatcher = asyncio.create_task(app.dispatcher.run_forever(quit_dispatcher), name="outbox-dispatcher")
            if scheduler and app.scheduler is not None:
                await app.scheduler.start()
        yield
    finally:
        quit_dispatcher.set()
        if scheduler and app.scheduler is not None:
            await app.scheduler.stop()
        for runtime in reversed(started):
            try:
                await asyncio.wait_for(runtime.stop(), timeout=STOP_TIMEOUT)
            except Exception:
                log.warning("%s did not stop cleanly", runtime.name, exc_info=True)
        if dispatcher is not None:
            try:
                await asyncio.wait_for(dispatcher, timeout=STOP_TIMEOUT)
            except TimeoutError:
                log.warning("the outbox dispatcher was stopped mid-round; its rows are retried after the lease")


async def start_with_retry(runtime: PlatformRuntime, *, http: bool, stop: asyncio.Event) -> bool:
    """Connect one platform; while it cannot be reached, one log line per attempt and a growing pause.
    False when `stop` was set before it connected."""
    delay, attempt = FIRST_RETRY, 1
    while not stop.is_set():
        try:
            await runtime.start(http=http)
            return True
        except PlatformUnreachable as error:
            log.warning("%s is not reachable (%s); attempt %d, next try in %.0f s", runtime.name, error, attempt,
                        delay)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=delay)
        delay, attempt = min(delay * 2, MAX_RETRY), attempt + 1
    return False
