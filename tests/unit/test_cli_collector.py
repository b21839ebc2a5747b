"""The garbage collector around a console-script call (bot.cli._Collector): deferred while the command starts,
running as usual while it works, untouched when `app` is called in-process."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from bot.cli import app

ROOT = Path(__file__).resolve().parents[2]

# A command module of its own, registered the way COMMANDS registers every command, run through `main()`.
PROBE = """
import gc, sys, types
import bot.cli as cli

def register(holder):
    print("loading:", gc.isenabled())

    @holder.command("probe")
    def probe() -> None:
        print("running:", gc.isenabled(), gc.get_freeze_count() > 0)
        sys.exit(3)

module = types.ModuleType("probe_command")
module.register = register
sys.modules["probe_command"] = module
cli.COMMANDS["probe"] = ("probe_command", "register", "A probe.")
sys.argv = ["inquirybot", *sys.argv[1:]]
cli.main()
"""


def test_the_collector_waits_during_start_up_and_runs_for_the_command() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE, "probe"], capture_output=True, text=True, cwd=ROOT,
                          check=False, timeout=60)
    assert done.stdout.splitlines() == ["loading: False", "running: True True"]
    assert done.returncode == 3  # the command's exit code goes through unchanged


def test_help_and_usage_errors_keep_their_output_and_exit_codes() -> None:
    def run(*args: str) -> tuple[int, str, str]:
        done = subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=ROOT,
                              check=False, timeout=60)
        return done.returncode, done.stdout, done.stderr

    code, out, _ = run("--help")
    assert code == 0
    assert "inquiries" in out
    code, _, err = run("no-such-command")
    assert code == 2
    assert "No such command" in err
    code, _, err = run("inquiries", "show")
    assert code == 2
    assert "Missing argument 'ID'" in err


def test_calling_the_app_in_process_leaves_the_collector_alone() -> None:
    frozen = gc.get_freeze_count()
    result = CliRunner().invoke(app, ["org", "sample"])
    assert result.exit_code == 0
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
