"""A newcomer with only the installed package: `inquirybot --version`, and a sample org to start from."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from tests.conftest import EXAMPLE_ORG


def inquirybot(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TELEGRAM_", "DATABASE_URL"))}
    env.pop("INQUIRYBOT_ORG", None)
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, env=env, cwd=cwd, timeout=60,
                          check=False)


def test_version_prints_the_installed_distribution_version(tmp_path: Path) -> None:
    done = inquirybot(["--version"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode() == f"inquirybot {version('inquirybot')}\n"
    assert not list(tmp_path.iterdir())  # no database, no org file needed


def test_org_sample_prints_the_example_org_byte_for_byte(tmp_path: Path) -> None:
    done = inquirybot(["org", "sample"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == EXAMPLE_ORG.read_bytes()


def test_a_sample_written_to_org_yaml_passes_org_check(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_bytes(inquirybot(["org", "sample"], tmp_path).stdout)
    checked = inquirybot(["org", "check"], tmp_path)  # default ./org.yaml
    assert checked.returncode == 0, checked.stderr
    assert b"OK" in checked.stdout and b"people" in checked.stdout


def test_help_lists_version_and_org_sample(tmp_path: Path) -> None:
    assert b"--version" in inquirybot(["--help"], tmp_path).stdout
    org_help = inquirybot(["org", "--help"], tmp_path).stdout
    assert b"sample" in org_help and b"org.yaml" in org_help
