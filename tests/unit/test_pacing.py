"""Telegram pacing decisions on an injected clock: when each send may go, per chat, per group and overall."""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import Awaitable, Iterable

import pytest

from bot.notifiers.pacing import Limits, Pacer
from bot.notifiers.slack import DEFAULT_PACING, ChannelPacer


class VirtualTime:
    """A monotonic clock that jumps to the next sleeper's wake time once every task is waiting."""

    def __init__(self) -> None:
        self.now = 0.0
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._seq = itertools.count()

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, delay: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + max(delay, 0.0), next(self._seq), future))
        await future

    async def run(self, work: Iterable[Awaitable[None]], max_steps: int = 10_000) -> None:
        tasks = [asyncio.ensure_future(w) for w in work]
        for _ in range(max_steps):
            for _ in range(20):  # let every task reach its next wait
                await asyncio.sleep(0)
            if all(t.done() for t in tasks):
                return
            assert self._sleepers, "a task is blocked on something other than the clock"
            wake, _, future = heapq.heappop(self._sleepers)
            self.now = max(self.now, wake)
            future.set_result(None)
        raise AssertionError("pacing did not finish within the step budget")


async def send_times(limits: Limits, chats: list[int]) -> list[tuple[int, float]]:
    """Each chat's sends in order, all queued at t=0; returns (chat, virtual time the pacer let it go)."""
    clock = VirtualTime()
    pacer = Pacer(limits, monotonic=clock.monotonic, sleep=clock.sleep)
    sent: list[tuple[int, float]] = []

    async def lane(chat: int, count: int) -> None:
        for _ in range(count):
            await pacer.wait(chat)
            sent.append((chat, clock.now))

    counts = {chat: chats.count(chat) for chat in chats}
    await clock.run(lane(chat, n) for chat, n in counts.items())
    return sorted(sent, key=lambda s: s[1])


def most_in_any_window(times: list[float], period: float) -> int:
    return max((sum(1 for t in times if start <= t < start + period) for start in times), default=0)


def test_the_defaults_stay_under_telegrams_published_limits() -> None:
    limits = Limits()
    assert 0.9 <= 1 / limits.per_chat_interval < 1.0  # a DM lane still goes out at >= 0.9 msg/s
    assert limits.group_max / limits.group_period < 20 / 60
    assert limits.overall_max / limits.overall_period < 30


async def test_one_chat_gets_one_message_per_interval_whatever_other_chats_do() -> None:
    limits = Limits()
    sent = await send_times(limits, [7] * 4 + [8, 9, 10] * 3)

    to_seven = [t for chat, t in sent if chat == 7]
    assert to_seven == pytest.approx([n * limits.per_chat_interval for n in range(4)])
    to_eight = [t for chat, t in sent if chat == 8]
    assert to_eight[0] == 0.0  # chat 8 never waits for chat 7's turn


async def test_all_chats_share_the_overall_limit() -> None:
    limits = Limits()
    sent = await send_times(limits, list(range(1, 61)))  # sixty different people, one message each

    times = [t for _, t in sent]
    assert times.count(0.0) == limits.overall_max
    assert most_in_any_window(times, limits.overall_period) == limits.overall_max
    assert max(times) == 2 * limits.overall_period  # 28 + 28 + 4: the third second's share


async def test_a_group_gets_its_per_minute_share_and_then_waits_for_the_window() -> None:
    limits = Limits()
    group = -1001
    sent = await send_times(limits, [group] * 25 + [42] * 2)

    to_group = [t for chat, t in sent if chat == group]
    gaps = [b - a for a, b in itertools.pairwise(to_group[: limits.group_max])]
    assert gaps == pytest.approx([limits.per_chat_interval] * (limits.group_max - 1))
    assert to_group[limits.group_max] == limits.group_period  # the 20th waits until the first leaves the window
    assert most_in_any_window(to_group, limits.group_period) == limits.group_max
    to_a_person = [t for chat, t in sent if chat == 42]
    assert to_a_person == pytest.approx([0.0, limits.per_chat_interval])  # a DM is not held by the group


async def test_slack_posts_to_a_channel_start_a_pace_apart_and_other_channels_do_not_wait() -> None:
    clock = VirtualTime()
    pacer = ChannelPacer(DEFAULT_PACING, monotonic=clock.monotonic, sleep=clock.sleep)
    started: list[tuple[str, float]] = []

    async def post(channel: str, round_trip: float) -> None:
        async with pacer.slot(channel):
            started.append((channel, clock.now))
            await clock.sleep(round_trip)  # Slack answering

    async def lane(channel: str, count: int) -> None:
        for _ in range(count):
            await post(channel, round_trip=0.3)

    await clock.run([lane("C0INTAKE", 4), lane("DU07ZHANG", 2)])

    intake = [t for c, t in started if c == "C0INTAKE"]
    assert intake == pytest.approx([n * DEFAULT_PACING for n in range(4)])  # the round trip is inside the pace
    assert 1 / DEFAULT_PACING >= 0.9
    assert [t for c, t in started if c == "DU07ZHANG"] == pytest.approx([0.0, DEFAULT_PACING])
