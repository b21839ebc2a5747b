"""The house rules of STYLE.md, checked on the source: a pure rules core, one composition root."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RULES = sorted((ROOT / "bot" / "rules").glob("*.py"))
FORBIDDEN_PACKAGES = {"sqlalchemy", "jinja2", "telegram", "slack_bolt", "slack_sdk", "storage", "aiohttp", "httpx",
                      "asyncio", "openpyxl", "matplotlib"}
FORBIDDEN_LAYERS = ("bot.services", "bot.notifiers", "bot.handlers", "bot.bootstrap")


def imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", RULES, ids=lambda p: p.name)
def test_rules_import_no_io(path: Path) -> None:
    modules = imported_modules(path)
    bad = {m for m in modules if m.split(".")[0] in FORBIDDEN_PACKAGES or m.startswith(FORBIDDEN_LAYERS)}
    assert not bad, f"{path.name} imports {sorted(bad)}: rules stay pure (values in, decisions out)"


@pytest.mark.parametrize("path", RULES, ids=lambda p: p.name)
def test_rules_never_read_the_clock(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    for call in ("datetime.now(", "date.today(", "time.time(", "utcnow("):
        assert call not in source, f"{path.name} reads the clock with {call}: take `now` as a parameter"


def test_only_the_settings_module_reads_the_environment() -> None:
    readers = [p for p in (ROOT / "bot").rglob("*.py") if "os.environ" in p.read_text(encoding="utf-8")
               and p.name != "settings.py"]
    readers += [p for p in (ROOT / "storage").rglob("*.py") if "os.environ" in p.read_text(encoding="utf-8")]
    assert readers == []


def test_engines_and_clients_are_built_only_in_the_composition_root() -> None:
    builders = ("create_async_engine(", "AsyncWebClient(", "ApplicationBuilder(", "AsyncIOScheduler(")
    allowed = {"bootstrap.py", "bootstrap_slack.py", "bootstrap_telegram.py", "database.py", "scheduler.py"}
    offenders = [f"{p.relative_to(ROOT)}: {b}" for p in (ROOT / "bot").rglob("*.py") for b in builders
                 if b in p.read_text(encoding="utf-8") and p.name not in allowed]
    assert offenders == []


@pytest.mark.parametrize("layer", ["rules", "services", "notifiers"])
def test_inner_layers_never_import_the_platform_handlers(layer: str) -> None:
    """Data flows one way: handlers call services, never the reverse (STYLE.md, The house)."""
    offenders = [f"{p.relative_to(ROOT)}: {m}" for p in (ROOT / "bot" / layer).rglob("*.py")
                 for m in imported_modules(p) if m.startswith("bot.handlers")]
    assert offenders == []
