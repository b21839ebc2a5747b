"""Reading inquiry texts in a process of its own, for `serve`: parsing is about a fifth of the CPU an intake
costs, and in the serving process it runs on the event loop between other requests. A parser process moves it
to the second core; the answer is the very same ParsedInquiry (bot.rules.intake is pure)."""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from bot.rules.intake import ParsedInquiry, parse_inquiry
from bot.rules.own_side import OwnSide

log = logging.getLogger(__name__)

# The process cannot take the text: it died (killed, out of memory), could not start, or the pool is shut down.
# An error of the parser itself is not among these: it is raised as it would be in place.
_GONE = (BrokenProcessPool, RuntimeError, OSError)


def _end_with(parent: int) -> None:
    """In the parser process: end it once `parent` (the server) is gone, checked every second by a daemon thread
    (the server's own shutdown ends it sooner; a kill -9 leaves it no other way to learn)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="end-with-the-server", daemon=True).start()


class ParserProcess:
    """`await parser(text, own)`; `close()` ends the process. A broken process falls back to parsing here."""

    def __init__(self) -> None:
        # spawn: a fresh interpreter, so nothing of the server's loop, threads or sockets is copied into it.
        # It ends with the server, even one killed with SIGKILL (the OOM killer), which cannot shut it down.
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_end_with, initargs=(os.getpid(),))

    async def start(self) -> None:
        """Import the rules in the process before the first request (about a second), not during it."""
        try:
            await asyncio.get_running_loop().run_in_executor(self._pool, parse_inquiry, "warm up", OwnSide())
        except _GONE as error:
            log.warning("parser process could not start (%s); texts are read in the server process", error)

    async def __call__(self, text: str, own: OwnSide) -> ParsedInquiry:
        try:
            return await asyncio.get_running_loop().run_in_executor(self._pool, parse_inquiry, text, own)
        except _GONE as error:  # read it here: an intake is never lost for want of the parser process
            log.warning("parser process unavailable (%s); reading the text in the server process", error)
            return parse_inquiry(text, own)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
