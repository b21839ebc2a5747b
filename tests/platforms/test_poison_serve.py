"""Issue 12 item 4, black box: correctly signed but malformed Slack and Telegram requests against a real
`inquirybot serve` get no 500 while the database is up; each one the bot cannot process is kept for inspection,
and the bot still takes a real forward afterwards. (3,000 of them: `python -m bench.poison`.)"""

from __future__ import annotations

import collections
import sqlite3
import time
from pathlib import Path

import httpx

from .fakes import FakeSlack, FakeTelegram
from .fakes.junk import malformed_requests
from .fakes.telegram import forwarded_message_update, origin_hidden_user
from .telegram_harness import INTAKE, LI, SECRET, ZHANG
from .test_telegram_serve import LIMA, post_update, serving

SEED = 20261204
CASES = 240
SLACK_PEOPLE = ["U01LI", "U07ZHANG", "U0STRANGER"]


async def test_signed_junk_never_gets_500_and_is_kept(
    tmp_path: Path, fake_telegram: FakeTelegram, fake_slack: FakeSlack
) -> None:
    statuses: collections.Counter[tuple[str, int]] = collections.Counter()
    async with serving(tmp_path, fake_telegram, fake_slack) as http:
        for junk in malformed_requests(SEED, CASES, slack_people=SLACK_PEOPLE, slack_channel="C0INTAKE",
                                       telegram_people=[LI, ZHANG, 777], telegram_chat=INTAKE,
                                       telegram_secret=SECRET):
            try:
                response = await http.post(junk.path, content=junk.body, headers=junk.headers)
                statuses[(junk.kind, response.status_code)] += 1
            except httpx.TransportError as error:  # the server dropped the connection: as bad as a 500
                statuses[(junk.kind, type(error).__name__)] += 1  # type: ignore[index]
        now = int(time.time())
        forward = forwarded_message_update(1, INTAKE, LI, LIMA.format(n=1), message_id=11, date=now,
                                           origin=origin_hidden_user("Carlos", date=now - 60))
        after = await post_update(http, forward)

    answers = collections.Counter(status for (_kind, status) in statuses.elements())
    assert set(answers) <= {200}, sorted(statuses.items())  # no 500, no 401/403: every one was signed
    assert after == 200
    with sqlite3.connect(tmp_path / "serve.db") as db:
        kept = dict(db.execute("SELECT platform, count(*) FROM inbound_failures GROUP BY platform").fetchall())
        inquiries = db.execute("SELECT count(*) FROM inquiries WHERE original_text LIKE '%minera.pe%'").fetchone()
    assert kept.get("slack", 0) > 0 and kept.get("telegram", 0) > 0
    assert inquiries == (1,)
