"""Black-box: the operator commands of SPEC section 8 against a database seeded with a day's inquiries."""

from __future__ import annotations

import json
from pathlib import Path

from bot.bootstrap import build
from bot.clock import FrozenClock
from bot.handlers.shell import ShellSession
from bot.org.model import Org
from bot.services.jobs import run_at
from bot.settings import Settings
from tests.conftest import EXAMPLE_ORG, local
from tests.scenarios.test_cli_shell import inquirybot


async def seed_monday(tmp_path: Path, org: Org) -> None:
    """Three inquiries forwarded on Monday 23 November 2026; none followed up."""
    settings = Settings(DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", INQUIRYBOT_ORG=str(EXAMPLE_ORG),
                        INQUIRYBOT_REPORTS_DIR=str(tmp_path / "reports"))
    app = await build(settings, clock=FrozenClock(local(2026, 11, 23, 10, 0)), org=org, shell_write=lambda _t: None)
    li, zhao = app.org.person("li"), app.org.person("zhao")
    assert li is not None and zhao is not None
    await ShellSession(app, li, lambda _t: None).handle("RFQ via Alibaba, WhatsApp +55 11 98765-4321, 2 units")
    await ShellSession(app, li, lambda _t: None).handle("Cotización: compras@lab.com.mx, +52 55 1234 5678")
    await ShellSession(app, zhao, lambda _t: None).handle("RFQ from Dubai, tel +971 50 123 4567, 3 HPLC")
    await run_at(app.ctx, "followup_sweep", local(2026, 11, 23, 23, 59))
    await app.close()


async def test_jobs_run_delivers_the_evening_count_once(tmp_path: Path, org: Org) -> None:
    await seed_monday(tmp_path, org)
    first = inquirybot(["jobs", "run", "counts_evening", "--at", "2026-11-23T18:30:00+08:00"], tmp_path)
    assert first.returncode == 0, first.stderr
    assert "counts_evening 2026-11-23T18:30: done" in first.stdout
    assert "── to channel C0LATAM ──" in first.stdout and "（截至 18:30）" in first.stdout
    again = inquirybot(["jobs", "run", "counts_evening", "--at", "2026-11-23T18:31:00+08:00"], tmp_path)
    assert again.returncode == 0
    assert "already done" in again.stdout and "── to" not in again.stdout


def test_jobs_list_and_bad_arguments(tmp_path: Path) -> None:
    listed = inquirybot(["jobs", "list", "--json"], tmp_path)
    assert listed.returncode == 0, listed.stderr
    jobs = {row["job"]: row for row in json.loads(listed.stdout)}
    assert len(jobs) == 20 and jobs["ledger_sweep"]["next_run"]  # the 18 of SPEC, calendar_check and p3_notice
    unknown = inquirybot(["jobs", "run", "count_evening", "--at", "2026-11-23T18:30:00+08:00"], tmp_path)
    naive = inquirybot(["jobs", "run", "counts_evening", "--at", "2026-11-23T18:30"], tmp_path)
    assert unknown.returncode == naive.returncode == 1
    assert "unknown job 'count_evening'" in unknown.stderr and "UTC offset" in naive.stderr


async def test_counts_and_incentives_as_json(tmp_path: Path, org: Org) -> None:
    await seed_monday(tmp_path, org)
    counts = json.loads(inquirybot(["report", "counts", "--date", "2026-11-23", "--json"], tmp_path).stdout)
    assert counts["total"] == 3
    latam = next(r for r in counts["regions"] if r["region"] == "latam")
    assert (latam["total"], latam["open"]) == (2, 2)
    penalties = json.loads(inquirybot(["incentives", "list", "--month", "2026-11", "--json"], tmp_path).stdout)
    assert sorted((p["rule"], p["person"], p["amount"], p["status"]) for p in penalties) == [
        ("P1.4", "huang", 40, "proposed"), ("P1.4", "zhang", 40, "proposed"), ("P1.4", "zhou", 40, "proposed")]
    assert set(penalties[0]) >= {"id", "rule", "person", "amount", "status", "inquiry", "period", "split_group",
                                 "created_at", "decided_by", "decided_at", "reason"}


def test_the_bot_refuses_to_start_with_a_placeholder_secret(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
           "INQUIRYBOT_ORG": str(EXAMPLE_ORG), "SLACK_BOT_TOKEN": "xoxb-change-me", "SLACK_SIGNING_SECRET": "x1",
           "TELEGRAM_BOT_TOKEN": ""}
    done = subprocess.run([sys.executable, "-m", "bot", "run"], env=env, capture_output=True, text=True,
                          cwd=tmp_path, timeout=60, check=False)
    assert done.returncode == 1
    assert "SLACK_BOT_TOKEN" in done.stderr and "placeholder" in done.stderr


async def test_jobs_run_names_its_slot_and_refuses_a_stale_one_without_force(tmp_path: Path, org: Org) -> None:
    await seed_monday(tmp_path, org)
    # 1 October 2026 is a holiday: the latest ledger_extracts slot is September's, a month old
    stale = inquirybot(["jobs", "run", "ledger_extracts", "--at", "2026-10-01T09:00:00+08:00"], tmp_path)
    assert stale.returncode == 1
    assert "slot 2026-09-01T09:00" in stale.stdout and "--force" in stale.stderr and "── to" not in stale.stdout
    forced = inquirybot(["jobs", "run", "ledger_extracts", "--at", "2026-10-01T09:00:00+08:00", "--force"], tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert "slot 2026-09-01T09:00" in forced.stdout and "done" in forced.stdout
    future = inquirybot(["jobs", "run", "counts_evening", "--at", "2027-06-01T18:30:00+08:00"], tmp_path)
    assert future.returncode == 0 and "slot 2027-06-01T18:30" in future.stdout
    assert "scheduler will skip its real run" in future.stderr
