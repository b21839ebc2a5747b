"""Long-running commands stop on SIGTERM or Ctrl-C within seconds, whatever they are doing at the time."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger(__name__)

GRACE = 3.0  # a clean stop gets this long, then the work is cancelled
HARD_LIMIT = 4.5  # and if even that hangs (a blocked loop), the process ends here


async def until_stopped(main: Callable[[asyncio.Event], Coroutine[Any, Any, None]]) -> None:
    """Run `main(stop)`; SIGTERM/SIGINT set `stop`, then cancel `main` after GRACE s; a second signal or
    HARD_LIMIT s after the first ends the process outright."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()

    def on_signal(sig: signal.Signals) -> None:
        if stop.is_set():
            _exit_now(f"{sig.name} again: stopping at once")
        log.info("%s received: stopping", sig.name)
        stop.set()
        timer = threading.Timer(HARD_LIMIT, _exit_now, args=("did not stop in time: exiting",))
        timer.daemon = True
        timer.start()

    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, on_signal, sig)
    work = asyncio.create_task(main(stop), name="main")
    stopped = asyncio.create_task(stop.wait(), name="stop")
    try:
        await asyncio.wait({work, stopped}, return_when=asyncio.FIRST_COMPLETED)
        if not work.done():
            await asyncio.wait({work}, timeout=GRACE)
        if not work.done():
            log.warning("still stopping after %.0f s: cancelling what is in flight", GRACE)
            work.cancel()
            await asyncio.wait({work}, timeout=HARD_LIMIT - GRACE)
    finally:
        stopped.cancel()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    if work.done() and not work.cancelled():
        work.result()  # a failure inside main surfaces here


def _exit_now(reason: str) -> None:
    print(f"inquirybot: {reason}", file=sys.stderr, flush=True)
    os._exit(1)
