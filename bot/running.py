"""Start and stop everything a long-running process does: platforms, the outbox dispatcher, the scheduler."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from bot.bootstrap import App
from bot.services.roster import reassign_departed

log = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def running(app: App, *, http: bool, scheduler: bool = True) -> AsyncIterator[None]:
    """Platforms first (so nothing is lost), then the dispatcher and the scheduler; stop in reverse."""
    stop = asyncio.Event()
    started = []
    await reassign_departed(app.ctx)  # people who left since the last start hand over their open work
    try:
        for runtime in app.runtimes:
            await runtime.start(http=http)
            started.append(runtime)
            log.info("%s connected", runtime.name)
        dispatcher = asyncio.create_task(app.dispatcher.run_forever(stop), name="outbox-dispatcher")
        if scheduler and app.scheduler is not None:
            await app.scheduler.start()
        yield
    finally:
        stop.set()
        if scheduler and app.scheduler is not None:
            await app.scheduler.stop()
        for runtime in reversed(started):
            try:
                await runtime.stop()
            except Exception:
                log.exception("%s did not stop cleanly", runtime.name)
        if "dispatcher" in locals():
            await asyncio.wait_for(dispatcher, timeout=10)
