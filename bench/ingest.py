"""Ingest throughput: N forwarded inquiries, each parsed, routed, assigned and committed with its outbox rows.

    python -m bench.ingest -n 2000 [--database-url postgresql+asyncpg://...]
"""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

from bench.common import arguments, local, make_app, peak_rss_mb
from bot.clock import FrozenClock
from bot.services.intake import IntakeMessage, ingest

SAMPLES = (
    "Alibaba RFQ · Name: Ana Costa · ana{n}@quimicafina.com.br · WhatsApp +55 21 9{n:04d}-5432 · GC-2030",
    "Запрос: спектрофотометр, тел. +7 495 1{n:02d}-45-67, ivan{n}@lab-tech.ru",
    "RFQ from Dubai, tel +971 50 1{n:06d}, ahmed{n}@gulf-lab.ae, need 3 units of HPLC",
    "Anfrage über die Website: Herr Müller, mueller{n}@labor.de, +49 30 1{n:06d}",
)


async def main() -> None:
    args = arguments(__doc__ or "", 2000)
    clock = FrozenClock(local(2026, 11, 23, 9, 0))
    app = await make_app(args.database_url, clock)
    li = app.org.person("li")
    assert li is not None
    started = time.perf_counter()
    for n in range(args.n):
        clock.advance(timedelta(seconds=5))
        text = SAMPLES[n % len(SAMPLES)].format(n=n % 9000)
        await ingest(IntakeMessage("slack", li, text, clock.now(), message_key=f"slack:C0INTAKE:{n}",
                                   delivery_key=f"slack-event:Ev{n}"), ctx=app.ctx)
    elapsed = time.perf_counter() - started
    print(f"ingest: {args.n} inquiries in {elapsed:.2f} s = {args.n / elapsed:.0f} inquiries/s "
          f"({elapsed / args.n * 1000:.2f} ms each) on {app.engine.dialect.name}; peak RSS {peak_rss_mb():.0f} MB")
    await app.close()


if __name__ == "__main__":
    asyncio.run(main())
