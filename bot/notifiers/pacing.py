"""Send pacing: at most one message per interval per chat, N per period per group, M per period overall.

Each chat is paced on its own: a message waits only for its own chat's interval, its group's window and the
bot's overall window, never for another chat's turn (the dispatcher sends each destination in its own lane).
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Telegram's published flood limits (1/s per chat, 20/min per group, 30/s overall) with a little headroom,
    so clock jitter and the round trip never push a burst over them."""

    per_chat_interval: float = 1.05
    group_max: int = 19
    group_period: float = 60.0
    overall_max: int = 28
    overall_period: float = 1.0


class Pacer:
    """Waits before each send until every limit has room; timestamps are real send times, oldest first."""

    def __init__(
        self,
        limits: Limits | None = None,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.limits = limits or Limits()
        self._monotonic = monotonic
        self._sleep = sleep
        self._lock = asyncio.Lock()
        self._last: dict[int, float] = {}
        self._groups: defaultdict[int, deque[float]] = defaultdict(deque)
        self._overall: deque[float] = deque()

    async def wait(self, chat_id: int) -> None:
        """Return when a message to `chat_id` may go out now, counting it as sent."""
        while True:
            async with self._lock:
                now = self._monotonic()
                delay = self._delay(chat_id, now)
                if delay <= 0:
                    self._take(chat_id, now)
                    return
            await self._sleep(delay)

    def _delay(self, chat_id: int, now: float) -> float:
        limits = self.limits
        delays = [0.0]
        last = self._last.get(chat_id)
        if last is not None:
            delays.append(last + limits.per_chat_interval - now)
        if chat_id < 0:
            delays.append(_window_delay(self._groups[chat_id], limits.group_max, limits.group_period, now))
        delays.append(_window_delay(self._overall, limits.overall_max, limits.overall_period, now))
        return max(delays)

    def _take(self, chat_id: int, now: float) -> None:
        self._last[chat_id] = now
        if chat_id < 0:
            self._groups[chat_id].append(now)
        self._overall.append(now)


def _window_delay(sent: deque[float], most: int, period: float, now: float) -> float:
    """How long until fewer than `most` of the `sent` timestamps fall within the last `period` seconds."""
    while sent and sent[0] <= now - period:
        sent.popleft()
    if len(sent) < most:
        return 0.0
    return sent[-most] + period - now
