"""Ingest beside its floor: N forwarded inquiries, each parsed, routed, assigned and committed with its history
and outbox rows, against a bare one-row INSERT in its own transaction on the same engine (same connection
pool and settings: on SQLite WAL with synchronous=NORMAL, as the product runs).

    python -m bench.ingest -n 2000 [--rounds 5] [--database-url postgresql+asyncpg://...]

The run is split into rounds; each round does n/rounds floor inserts, then n/rounds ingests, and the figures
are medians of the rounds (interleaved, so a busy machine slows both alike). Parsing alone (no database) is
timed on the same texts, and so is the rest of an ingest (its texts read beforehand, handed in through the
context's parse hook, as `serve`'s parser process hands them in), to show which of the two the time goes to. Every
SQL statement of one ingest is counted and listed. Limit (issue 13): ingest <= 3x the floor on SQLite and PostgreSQL.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from datetime import timedelta

from sqlalchemy import event, text

from bench.common import arguments, close_app, local, make_app, peak_rss_mb
from bot.clock import FrozenClock
from bot.rules.intake import ParsedInquiry, parse_inquiry
from bot.rules.own_side import OwnSide, own_side_of
from bot.services.intake import IntakeMessage, ingest

SAMPLES = (
    "Alibaba RFQ · Name: Ana Costa · ana{n}@quimicafina.com.br · WhatsApp +55 21 9{n:04d}-5432 · GC-2030",
    "Запрос: спектрофотометр, тел. +7 495 1{n:02d}-45-67, ivan{n}@lab-tech.ru",
    "RFQ from Dubai, tel +971 50 1{n:06d}, ahmed{n}@gulf-lab.ae, need 3 units of HPLC",
    "Anfrage über die Website: Herr Müller, mueller{n}@labor.de, +49 30 1{n:06d}",
)


WHY = (  # what each statement of an ingest is for (issue 13: every one justified)
    ("INSERT INTO processed_events", "claim the delivery: a platform retry of the same event stops here"),
    ("INSERT INTO sequences", "the inquiry number: one upsert, its row lock orders concurrent ingests"),
    ("SELECT inquiries.", "an open inquiry with the same e-mail or phone in 90 days (duplicate link, same rep)"),
    ("SELECT ? AS kind, away_periods", "the round-robin pointer and today's leave, one UNION ALL (SQLite)"),
    ("SELECT assignment_pointers", "the department's round-robin pointer, locked (PostgreSQL)"),
    ("SELECT away_periods", "leave recorded in chat covering today (PostgreSQL: apart, FOR UPDATE forbids a UNION)"),
    ("INSERT INTO assignment_pointers", "move the pointer (upsert)"),
    ("INSERT INTO inquiries", "the inquiry; its unique message key refuses a second one for the same message"),
    ("INSERT INTO inquiry_events", "its history, all events in one executemany"),
    ("INSERT INTO outbox", "its notices, all in one executemany, committed with it"),
)


def why(sql: str) -> str:
    return next((reason for prefix, reason in WHY if sql.startswith(prefix)), "?")


def sample(n: int) -> str:
    return SAMPLES[n % len(SAMPLES)].format(n=n % 9000)


async def main() -> None:
    args = arguments(__doc__ or "", 2000)
    rounds = 5
    clock = FrozenClock(local(2026, 11, 23, 9, 0))
    app = await make_app(args.database_url, clock)
    li = app.org.person("li")
    assert li is not None
    statements: list[str] = []
    event.listen(app.engine.sync_engine, "before_cursor_execute",
                 lambda _c, _cur, sql, *_a: statements.append(" ".join(sql.split())[:110]))
    async with app.engine.begin() as conn:
        await conn.execute(text("CREATE TABLE bench_floor (id INTEGER PRIMARY KEY, payload VARCHAR(200))"))
    per = max(1, args.n // rounds)
    floor_ms, ingest_ms, parse_ms, stored_ms, counts = [], [], [], [], []
    n = 0
    own = own_side_of(app.org)
    read_before: dict[str, ParsedInquiry] = {}
    parse_on_loop = app.ctx.parse

    async def already_read(text: str, _own: OwnSide) -> ParsedInquiry:
        return read_before[text]

    async def one(number: int) -> None:
        clock.advance(timedelta(seconds=5))
        await ingest(IntakeMessage("slack", li, sample(number), clock.now(), message_key=f"slack:C0INTAKE:{number}",
                                   delivery_key=f"slack-event:Ev{number}"), ctx=app.ctx)

    for r in range(rounds):
        started = time.perf_counter()
        for i in range(per):
            async with app.engine.begin() as conn:  # the floor: one statement, one commit
                await conn.execute(text("INSERT INTO bench_floor (id, payload) VALUES (:i, :p)"),
                                   {"i": r * per + i, "p": sample(i)})
        floor_ms.append((time.perf_counter() - started) / per * 1000)
        started = time.perf_counter()
        for _ in range(per):
            n += 1
            before = len(statements)
            await one(n)
            counts.append(len(statements) - before)
        ingest_ms.append((time.perf_counter() - started) / per * 1000)
        started = time.perf_counter()
        for i in range(per):
            read_before[sample(n + 1 + i)] = parse_inquiry(sample(n + 1 + i), own)
        parse_ms.append((time.perf_counter() - started) / per * 1000)
        app.ctx.parse = already_read
        started = time.perf_counter()
        for _ in range(per):
            n += 1
            await one(n)
        stored_ms.append((time.perf_counter() - started) / per * 1000)
        app.ctx.parse = parse_on_loop
        read_before.clear()
    last = statements[-counts[-1]:]
    floor, took, parse = statistics.median(floor_ms), statistics.median(ingest_ms), statistics.median(parse_ms)
    stored = statistics.median(stored_ms)
    dialect = app.engine.dialect.name
    print(f"{dialect}: {per * rounds} ingests (and as many of texts read beforehand) in {rounds} interleaved rounds; "
          f"{'WAL, synchronous=NORMAL' if dialect == 'sqlite' else 'default synchronous_commit'} for both")
    print(f"floor (one-row INSERT + COMMIT): {floor:.2f} ms")
    print(f"ingest:                          {took:.2f} ms = {took / floor:.2f}x floor (limit 3x); "
          f"{statistics.median(counts):.0f} SQL statements each (BEGIN/COMMIT not counted)")
    print(f"  of which parsing (no database): {parse:.2f} ms")
    print(f"ingest of a text read beforehand: {stored:.2f} ms = {stored / floor:.2f}x floor "
          "(the storage step: claim, route, assign, insert, history, outbox)")
    print("statements of the last ingest:")
    for sql in last:
        print(f"  {sql[:60]:<60} -- {why(sql)}")
    print(f"peak RSS {peak_rss_mb():.0f} MB")
    await close_app(app)


if __name__ == "__main__":
    asyncio.run(main())
