"""Black-box: the console script with piped stdin, exactly as an operator would script it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import EXAMPLE_ORG

BRAZIL = (
    "Alibaba inquiry · Name: Ana Costa · Company: Química Fina Ltda · Email: ana.costa@quimicafina.com.br · "
    "Tel: +55 (21) 99876-5432 · interested in a gas chromatograph\n"
)


def inquirybot(args: list[str], tmp_path: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
        "INQUIRYBOT_ORG": str(EXAMPLE_ORG),
        "INQUIRYBOT_LOG_LEVEL": "WARNING",
        "SLACK_BOT_TOKEN": "",
        "TELEGRAM_BOT_TOKEN": "",
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True, env=env,
        cwd=tmp_path, timeout=60, check=False,
    )


def show(inquiry_id: str, tmp_path: Path) -> dict[str, Any]:
    done = inquirybot(["inquiries", "show", inquiry_id, "--json"], tmp_path)
    assert done.returncode == 0, done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def test_piped_shell_runs_take_an_inquiry_from_intake_to_follow_up(tmp_path: Path) -> None:
    forwarded = inquirybot(["run", "--shell", "--as", "li"], tmp_path, BRAZIL)
    assert forwarded.returncode == 0, forwarded.stderr
    listed = json.loads(inquirybot(["inquiries", "list", "--json"], tmp_path).stdout)
    assert [i["status"] for i in listed] == ["assigned"]
    inquiry = listed[0]
    assert inquiry["region"] == "latam" and inquiry["department"] == "trade1"
    assert inquiry["customer"]["email"] == "ana.costa@quimicafina.com.br"
    assert inquiry["customer"]["country"] == "BR"
    rep = inquiry["assignee"]
    assert rep in {"zhang", "zhou", "wu"}

    commands = f"/inq ack {inquiry['id']}\n/inq followup {inquiry['id']} email Sent quotation GC-2030 with lead time\n"
    answered = inquirybot(["run", "--shell", "--as", rep], tmp_path, commands)
    assert answered.returncode == 0, answered.stderr

    final = show(inquiry["id"], tmp_path)
    assert final["status"] == "followed_up"
    assert final["acknowledged_at"] and final["followed_up_at"]
    assert final["acknowledged_at"].endswith("+08:00")  # ISO-8601 with the org's offset
    assert [e["kind"] for e in final["history"]] == ["received", "assigned", "acknowledged", "followed_up"]


def test_org_check_explains_a_typo_and_a_dangling_reference(tmp_path: Path) -> None:
    text = EXAMPLE_ORG.read_text(encoding="utf-8")
    typo = tmp_path / "typo.yaml"
    typo.write_text(text.replace("    department: trade1\n    specialist: li", "    departmnet: trade1\n"
                                 "    specialist: li", 1), encoding="utf-8")
    dangling = tmp_path / "dangling.yaml"
    dangling.write_text(text.replace("    manager: wang", "    manager: wangg", 1), encoding="utf-8")

    for path, expected in ((typo, "did you mean 'department'"), (dangling, "wangg")):
        checked = inquirybot(["org", "check", str(path)], tmp_path)
        assert checked.returncode == 1
        assert str(path) in checked.stderr and expected in checked.stderr and "Fix" in checked.stderr
    good = inquirybot(["org", "check", str(EXAMPLE_ORG)], tmp_path)
    assert good.returncode == 0 and "OK" in good.stdout


def test_the_shell_says_whether_the_scheduler_runs_beside_it(tmp_path: Path) -> None:
    with_scheduler = inquirybot(["run", "--shell", "--as", "li", "--with-scheduler"], tmp_path, "/inq mine\n")
    assert with_scheduler.returncode == 0, with_scheduler.stderr
    assert "定时任务已开启" in with_scheduler.stdout  # the sample org speaks Chinese
    assert "Traceback" not in with_scheduler.stderr
    piped = inquirybot(["run", "--shell", "--as", "li"], tmp_path, "/inq mine\n")
    assert piped.returncode == 0 and "定时任务" not in piped.stdout  # scripted runs stay quiet and clock-free
