"""P2.1 count posts name every region at every slot: a quiet region can tell "nothing came" from "the bot is down"."""

from __future__ import annotations

import pytest

from bot.bootstrap import App
from bot.clock import FrozenClock
from tests.conftest import Transcript, local
from tests.services.support import brazil, forward, job_at


@pytest.mark.parametrize(("job", "hour", "minute"), [("counts_morning", 9, 30), ("counts_evening", 18, 30),
                                                      ("counts_night", 21, 45)])
async def test_every_region_is_posted_with_its_zero(app: App, transcript: Transcript, clock: FrozenClock,
                                                    job: str, hour: int, minute: int) -> None:
    clock.set(local(2026, 11, 23, 10, 0))  # a Monday: one Brazilian inquiry, nothing anywhere else
    await forward(app, transcript, brazil(1))
    transcript.clear()
    day = 24 if job == "counts_morning" else 23
    await job_at(app, clock, job, local(2026, 11, day, hour, minute))

    text = transcript.text
    for region in ("拉美", "中东北非", "独联体", "欧洲", "非洲"):
        assert f"{region} · 2026-11-23" in text, f"{region} missing from the {job} post"
    assert text.count("共 0 条询盘") == 4 and text.count("共 1 条询盘") == 1
    quiet = "昨日没有询盘" if job == "counts_morning" else "今日截至目前没有询盘"
    assert text.count(quiet) == 4
