"""Telegram pacing on the real clock: the rates the Pacer lets out, beside the limits it must stay under.
(The decisions themselves are tested on an injected clock in tests/unit/test_pacing.py.)

    python -m bench.pacing
"""

from __future__ import annotations

import asyncio
import time

from bot.notifiers.pacing import Limits, Pacer


async def rate(pacer: Pacer, chats: list[int]) -> tuple[float, int]:
    """Messages per second over the run, and the most sent within any one overall period."""
    started = time.monotonic()
    times: list[float] = []

    async def lane(chat: int, count: int) -> None:
        for _ in range(count):
            await pacer.wait(chat)
            times.append(time.monotonic())

    await asyncio.gather(*(lane(c, chats.count(c)) for c in set(chats)))
    span = max(times) - started
    period = pacer.limits.overall_period
    busiest = max(sum(1 for t in times if s <= t < s + period) for s in times)
    return (len(times) - 1) / span if span else float("inf"), busiest


async def main() -> None:
    limits = Limits()
    one_chat, _ = await rate(Pacer(limits), [7] * 6)
    print(f"one chat:      {one_chat:6.3f} msg/s   limit 1.000   floor for a DM lane 0.900")
    _, busiest = await rate(Pacer(limits), list(range(1, 3 * limits.overall_max + 1)))
    print(f"many chats:    busiest second {busiest} messages   limit 30")
    scaled = Limits(per_chat_interval=0.0, group_max=limits.group_max, group_period=2.0)
    group, _ = await rate(Pacer(scaled), [-100] * (2 * limits.group_max + 1))
    print(f"one group (window scaled to 2 s): {group:6.2f} msg/s   limit {20 / 2.0:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
