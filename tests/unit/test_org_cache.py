"""The validated-org cache (bot/org/cache.py): never a stale org, never a different error, never required."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.org.cache import load_cached
from bot.org.loader import OrgFileError, load_org
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "org.example.yaml"


@pytest.fixture
def org_file(tmp_path: Path) -> Path:
    path = tmp_path / "org.yaml"
    path.write_bytes(EXAMPLE.read_bytes())
    return path


def entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.iterdir() if p.name.startswith("org-")) if cache.exists() else []


def test_a_first_call_keeps_the_org_and_a_second_reads_it_back(org_file: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = load_cached(org_file, cache)
    assert first == load_org(org_file)
    [entry] = entries(cache)
    assert entry.stat().st_mode & 0o777 == 0o600
    assert load_cached(org_file, cache) == first


def test_a_hit_imports_none_of_the_validators(org_file: Path, tmp_path: Path) -> None:
    """The point of the cache: an unchanged org file costs no YAML, schema, checks or phone numbers."""
    cache = tmp_path / "cache"
    load_cached(org_file, cache)
    script = (
        "import sys, pathlib\n"
        "from bot.org.cache import load_cached\n"
        f"load_cached(pathlib.Path({str(org_file)!r}), pathlib.Path({str(cache)!r}))\n"
        "heavy = ('bot.org.loader', 'bot.org.schema', 'bot.org.checks', 'yaml', 'phonenumbers', 'pydantic')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "[]"


def test_an_edited_file_is_validated_again_and_never_served_stale(org_file: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    before = load_cached(org_file, cache)
    original = org_file.read_text(encoding="utf-8")
    org_file.write_text(original.replace("timezone: Asia/Shanghai", "timezone: Europe/Berlin"), encoding="utf-8")
    after = load_cached(org_file, cache)
    assert after.timezone == "Europe/Berlin" != before.timezone
    assert after == load_org(org_file)
    org_file.write_text(original, encoding="utf-8")  # and back: the entry follows the bytes, not the history
    assert load_cached(org_file, cache) == before
    assert len(entries(cache)) == 1  # one entry a file, rewritten


def test_a_broken_file_fails_as_without_the_cache_and_is_not_kept(org_file: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_cached(org_file, cache)
    text = org_file.read_text(encoding="utf-8")
    org_file.write_text(text.replace("timezone: Asia/Shanghai", "timezone: Mars/Olympus"), encoding="utf-8")
    with pytest.raises(OrgFileError) as cached:
        load_cached(org_file, cache)
    with pytest.raises(OrgFileError) as plain:
        load_org(org_file)
    assert cached.value.problems == plain.value.problems
    with pytest.raises(OrgFileError):  # still refused on the next call: a broken file is never kept
        load_cached(org_file, cache)


@pytest.mark.parametrize("content", [b"\xff\xfe not utf-8", b"", b"timezone: [unclosed"])
def test_unreadable_empty_or_bad_yaml_fail_with_the_loaders_words(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "org.yaml"
    path.write_bytes(content)
    with pytest.raises(OrgFileError) as cached:
        load_cached(path, tmp_path / "cache")
    with pytest.raises(OrgFileError) as plain:
        load_org(path)
    assert cached.value.problems == plain.value.problems
    assert entries(tmp_path / "cache") == []


def test_windows_line_ends_build_the_same_org(org_file: Path, tmp_path: Path) -> None:
    org_file.write_bytes(EXAMPLE.read_bytes().replace(b"\n", b"\r\n"))
    assert load_cached(org_file, tmp_path / "cache") == load_org(org_file)


@pytest.mark.parametrize("garbage", [b"", b"\x00" * 10, b"not a pickle at all", b"\x80\x05K\x01."])
def test_a_corrupt_entry_is_a_miss_and_is_rewritten(org_file: Path, tmp_path: Path, garbage: bytes) -> None:
    cache = tmp_path / "cache"
    expected = load_cached(org_file, cache)
    [entry] = entries(cache)
    good = entry.read_bytes()
    entry.write_bytes(good[:32] + garbage)  # the right digest, then garbage (a truncated or foreign pickle)
    assert load_cached(org_file, cache) == expected
    assert entry.read_bytes() == good


def test_an_entry_others_may_write_is_ignored(org_file: Path, tmp_path: Path) -> None:
    """Unpickling runs what the file says: an entry writable by group or others is not trusted."""
    cache = tmp_path / "cache"
    expected = load_cached(org_file, cache)
    [entry] = entries(cache)
    entry.chmod(0o666)
    before = entry.stat().st_mtime_ns
    assert load_cached(org_file, cache) == expected
    assert entry.stat().st_mode & 0o777 == 0o600  # replaced by a fresh entry of our own
    assert entry.stat().st_mtime_ns >= before


def test_an_unusable_cache_directory_only_means_validating_every_time(org_file: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    assert load_cached(org_file, blocker / "cache") == load_org(org_file)
    assert load_cached(org_file, None) == load_org(org_file)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_cache_directory_still_works(org_file: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o500)
    try:
        assert load_cached(org_file, cache) == load_org(org_file)
        assert entries(cache) == []
    finally:
        cache.chmod(0o700)


def test_the_cache_directory_setting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("INQUIRYBOT_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert Settings(_env_file=None).org_cache_dir == tmp_path / "home" / ".cache" / "inquirybot"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert Settings(_env_file=None).org_cache_dir == tmp_path / "xdg" / "inquirybot"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")  # the XDG spec: relative paths are ignored
    assert Settings(_env_file=None).org_cache_dir == tmp_path / "home" / ".cache" / "inquirybot"
    monkeypatch.setenv("INQUIRYBOT_CACHE_DIR", str(tmp_path / "mine"))
    assert Settings(_env_file=None).org_cache_dir == tmp_path / "mine"
    monkeypatch.setenv("INQUIRYBOT_CACHE_DIR", "")  # the .env.example line uncommented as shipped: unset, not "."
    assert Settings(_env_file=None).org_cache_dir == tmp_path / "home" / ".cache" / "inquirybot"


def test_the_cli_gives_the_same_answers_and_errors_with_a_warm_cache(tmp_path: Path) -> None:
    """`jobs list` twice (cold, then warm), then with a broken org: the same output and exit codes as without a
    usable cache directory."""
    org = tmp_path / "org.yaml"
    org.write_bytes(EXAMPLE.read_bytes())

    def run(cache: Path) -> tuple[int, str, str]:
        env = {**os.environ, "INQUIRYBOT_ORG": str(org), "INQUIRYBOT_CACHE_DIR": str(cache),
               "INQUIRYBOT_LOG_LEVEL": "ERROR", "SLACK_BOT_TOKEN": "", "TELEGRAM_BOT_TOKEN": ""}
        done = subprocess.run([sys.executable, "-m", "bot", "jobs", "list", "--json"], capture_output=True,
                              text=True, env=env, cwd=tmp_path, timeout=60, check=False)
        return done.returncode, done.stdout, done.stderr

    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    cache = tmp_path / "cache"
    without = run(blocked / "cache")
    assert without[0] == 0
    assert run(cache) == without
    assert entries(cache)
    assert run(cache) == without
    org.write_text(org.read_text(encoding="utf-8").replace("strategy:", "strategy: [", 1), encoding="utf-8")
    broken = run(blocked / "cache")
    assert broken[0] == 1
    assert run(cache) == broken
