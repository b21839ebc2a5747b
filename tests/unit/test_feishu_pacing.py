"""Feishu's published send limits, kept by the notifier's pacer: 5 a second to one chat, 50 a second and 1000 a
minute for the app. Driven by a fake clock: each send is stamped with the clock's time when it may go."""

from __future__ import annotations

from bot.notifiers.feishu_api import FeishuPacer


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


async def sends(pacer: FeishuPacer, clock: FakeTime, receivers: list[str]) -> list[float]:
    stamps = []
    for receiver in receivers:
        await pacer.wait(receiver)
        stamps.append(clock.now)
    return stamps


def most_in_window(stamps: list[float], window: float) -> int:
    return max(sum(1 for t in stamps if start <= t < start + window) for start in stamps)


async def test_one_chat_gets_at_most_five_a_second() -> None:
    clock = FakeTime()
    stamps = await sends(FeishuPacer(monotonic=clock.monotonic, sleep=clock.sleep), clock, ["oc_a"] * 20)
    assert most_in_window(stamps, 1.0) == 5
    assert stamps[-1] >= 19 * 0.2


async def test_the_app_sends_at_most_fifty_a_second_and_a_thousand_a_minute() -> None:
    clock = FakeTime()
    receivers = [f"ou_{n}" for n in range(1200)]  # all different: only the app-wide limits apply
    stamps = await sends(FeishuPacer(monotonic=clock.monotonic, sleep=clock.sleep), clock, receivers)
    assert most_in_window(stamps, 1.0) == 50
    assert most_in_window(stamps, 60.0) == 1000
    assert stamps[49] == 0.0  # the first fifty go at once
    assert stamps[1000] >= 60.0  # the 1001st waits for the minute
