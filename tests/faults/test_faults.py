"""The fault suite's short plan (CI): real `serve` processes on a PostgreSQL cluster of the test's own, killed
with SIGKILL, the database stopped and started, two replicas and a leader kill, a burst. The full plan and
its figures: `python -m bench.faults --full`."""

from __future__ import annotations

import os

import pytest

from .cluster import pg_bin
from .suite import SHORT, run


@pytest.mark.skipif(pg_bin() is None and not os.environ.get("CI"), reason="no PostgreSQL binaries to start a cluster")
async def test_kills_an_outage_and_a_leader_kill_lose_nothing_and_run_no_slot_twice() -> None:
    figures = await run(SHORT)
    print("\n".join(figures.lines()))  # shown with -s, or when the test fails

    assert figures.events > 0 and figures.undelivered_events == 0
    assert (figures.inquiries_lost, figures.inquiries_duplicated) == (0, 0)
    assert figures.messages > 0 and figures.messages_lost == 0
    assert figures.slack_duplicates == 0
    assert figures.telegram_duplicates <= max(1, figures.telegram_sends // 1000)
    assert figures.slots_missed == [] and figures.slots_twice == []
    assert "500" not in figures.refused_outside_faults  # 500 only while the database is down (or a replica dies)
