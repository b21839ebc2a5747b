"""The fault suite, full size: 20 kills -9 during a stream of Slack and Telegram events, a 30 s PostgreSQL
outage (a cluster of its own), two replicas and a leader kill, a 200-inquiry burst; prints every figure next to
its floor. CI runs the short plan (tests/faults/test_faults.py).

    nice -n 10 python -m bench.faults --full      (about 8 minutes)
    python -m bench.faults                         (the short plan CI runs)
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import time

from tests.faults.suite import BURST, FULL, SHORT, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="20 kills, a 30 s outage, a 200-inquiry burst")
    parser.add_argument("--burst", action="store_true", help="only the 200-inquiry burst")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    name, plan = ("full", FULL) if args.full else ("burst", BURST) if args.burst else ("short", SHORT)
    started = time.monotonic()
    figures = asyncio.run(run(plan, say=lambda line: print(f"  .. {line}", flush=True)))
    print(f"fault suite ({name}) in {time.monotonic() - started:.0f} s")
    for line in figures.lines():
        print(f"  {line}")
    print("floors: 0 inquiries lost or duplicated, 0 messages lost, 0 Slack duplicates, <= 1 Telegram duplicate "
          "per 1,000, 0 slots missed or run twice, nothing later than 30 s after a fault, >= 0.90 msg/s per DM")


if __name__ == "__main__":
    main()
