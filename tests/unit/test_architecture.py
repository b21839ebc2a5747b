"""The house rules of STYLE.md, checked on the source: a pure rules core, one composition root."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot import platforms

ROOT = Path(__file__).resolve().parents[2]
RULES = sorted((ROOT / "bot" / "rules").glob("*.py"))
FORBIDDEN_PACKAGES = {"sqlalchemy", "jinja2", "storage", "aiohttp", "httpx", "asyncio", "openpyxl", "matplotlib",
                      *platforms.sdks()}
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


# The layers and who may import whom (README, "Layers"). Each module belongs to the first layer whose prefix
# matches its dotted name. Imports under `if TYPE_CHECKING:` are types only and are not counted.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("cli", ("bot.cli", "bot.__main__")),
    ("bootstrap", ("bot.bootstrap", "bot.platform", "bot.running", "bot.web", "bot.scheduler", "bot.doctor",
                   "bot.demo", "bot.health", "bot.metrics_export", "bot.runtime")),
    ("handlers", ("bot.handlers",)),
    ("notifiers", ("bot.notifiers",)),
    ("services", ("bot.services",)),
    ("core", ("bot.context", "bot.actions")),
    ("storage", ("storage",)),
    ("rules", ("bot.rules",)),
    ("model", ("bot.org", "bot.outbound", "bot.platforms", "bot.terms", "bot.worker", "bot.settings", "bot.clock",
               "bot.errors", "bot.commands", "bot.metrics", "bot.logs", "bot")),
)
BELOW_SERVICES = {"model", "rules", "storage", "core"}
MAY_IMPORT: dict[str, set[str]] = {
    "model": {"model"},
    "rules": {"model", "rules"},
    "storage": {"model", "rules", "storage"},
    "core": {"model", "rules", "storage", "core"},
    "services": BELOW_SERVICES | {"services"},
    "notifiers": BELOW_SERVICES | {"notifiers"},  # services return messages as data; notifiers never call them
    "handlers": BELOW_SERVICES | {"services", "notifiers", "handlers"},
    "bootstrap": BELOW_SERVICES | {"services", "notifiers", "handlers", "bootstrap"},
    "cli": BELOW_SERVICES | {"services", "notifiers", "handlers", "bootstrap", "cli"},
}
PLATFORM_SDKS = platforms.sdks()  # every registered platform declares its SDK's top-level modules


def layer_of(module: str) -> str | None:
    """`bot.bootstrap` covers bot.bootstrap_slack too; `bot.platform` covers the plug-ins (bot.platform_slack),
    and bot.platforms, the registry table, is matched exactly first."""
    if module in ("bot.platforms", "bot"):
        return "model"
    for layer, prefixes in LAYERS:
        if any(module == p or module.startswith((p + ".", p + "_")) for p in prefixes):
            return layer
    return None


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def runtime_imports(path: Path) -> set[str]:
    """What a module imports when it runs: `if TYPE_CHECKING:` blocks left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(child) for stmt in node.body for child in ast.walk(stmt)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {f"bot.{a.name}" for a in node.names} if node.module == "bot" else {node.module}
    return found


SOURCES = [p for p in [*(ROOT / "bot").rglob("*.py"), *(ROOT / "storage").rglob("*.py")]
           if "migrations" not in p.parts]


def _platform_of(module: str) -> str | None:
    """The registered platform a handlers / notifiers module belongs to (by its name), None when neutral."""
    last = module.rsplit(".", 2)
    return next((name for name in platforms.names() if any(part.startswith(name) for part in last[1:])), None)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_import_matrix_of_the_layers(path: Path) -> None:
    module = module_name(path)
    layer = layer_of(module)
    assert layer is not None, f"{module} belongs to no layer: add it to LAYERS and to the README"
    bad = []
    for imported in runtime_imports(path):
        target = layer_of(imported) if imported.split(".")[0] in ("bot", "storage") else None
        if target is not None and target not in MAY_IMPORT[layer]:
            bad.append(f"{imported} ({target})")
    assert not bad, f"{module} ({layer}) imports {sorted(bad)}: layers point one way (README, Layers)"


@pytest.mark.parametrize("layer", ["handlers", "notifiers"])
def test_a_platform_module_imports_only_its_own_platform(layer: str) -> None:
    """bot.handlers.slack_* may use bot.notifiers.slack and the neutral notifiers, never Telegram's; the same for
    every platform, and for notifiers (which never import handlers at all)."""
    offenders = []
    for path in (ROOT / "bot" / layer).rglob("*.py"):
        own = _platform_of(module_name(path))
        for imported in runtime_imports(path):
            if not imported.startswith(("bot.handlers", "bot.notifiers")):
                continue
            other = _platform_of(imported)
            if other is not None and other != own:
                offenders.append(f"{module_name(path)} -> {imported}")
    assert offenders == []


@pytest.mark.parametrize("layer", ["bot/rules", "bot/services", "storage", "bot/org", "bot/context.py",
                                   "bot/outbound.py", "bot/actions.py", "bot/terms.py", "bot/worker.py"])
def test_the_core_names_no_platform(layer: str) -> None:
    """The core imports no platform SDK and no platform's module; its source names no platform in code
    (stored values such as platform='slack' in migrations aside)."""
    target = ROOT / layer
    paths = [target] if target.is_file() else [p for p in target.rglob("*.py") if "migrations" not in p.parts]
    offenders = []
    for path in paths:
        for imported in runtime_imports(path):
            parts = imported.split(".")
            if parts[0] in PLATFORM_SDKS or any(name in part for part in parts for name in platforms.names()):
                offenders.append(f"{path.relative_to(ROOT)} imports {imported}")
    assert offenders == []
    if layer not in ("bot/services", "storage"):
        return  # the rules read customers' messages, which name messengers; org files show examples of ids
    for path in paths:
        text = path.read_text(encoding="utf-8").lower()
        offenders += [f"{path.relative_to(ROOT)} names {name}" for name in platforms.names() if name in text]
    assert offenders == []


def test_reading_the_org_and_the_platform_settings_imports_no_platform_sdk() -> None:
    """`inquirybot org check`, the shell and `doctor` without tokens never pay for slack_bolt or PTB: the registry
    loads a plug-in's light module only, and the SDK only when the platform is built."""
    script = (
        "import sys, pathlib\n"
        "from bot.org.loader import load_org\n"
        "from bot import platforms\n"
        "from bot.settings import Settings\n"
        f"load_org(pathlib.Path({str(ROOT / 'org.example.yaml')!r}))\n"
        "assert platforms.configured(Settings(_env_file=None)) == []\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {PLATFORM_SDKS!r}))\n"
    )
    assert _printed_by(script) == "[]"


def test_looking_at_inquiries_imports_no_parser_charts_or_scheduler() -> None:
    """`inquirybot inquiries show/list` start fast (issue 13): the intake parser and its tables (about 120 ms),
    charts, spreadsheets and the scheduler are imported only by the commands that use them; so are the unit of
    work and the seventeen mapped tables besides the inquiries' two (`show` reads through `Reader.inquiries`)."""
    heavy = ("bot.rules.intake", "bot.rules.places", "phonenumbers", "matplotlib", "openpyxl", "apscheduler",
             "bot.scheduler", "storage.tables", "storage.uow")
    script = (
        "import sys\n"
        "import bot.cli.inquiries, bot.bootstrap_reader\n"
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))\n"
    )
    assert _printed_by(script) == "[]"


def test_the_commands_that_read_only_the_org_file_import_no_database_layer() -> None:
    """`inquirybot jobs list`, `calendar show` and `org check` read the org file alone (issue 13: jobs list within
    1.5x of a bare SQLAlchemy import): importing their modules loads no SQLAlchemy, storage, Alembic, Jinja2 or
    scheduler; `holidays` (about 0.1 s) only when a year lacks chinese_calendar data, never at import."""
    heavy = ("sqlalchemy", "storage", "alembic", "jinja2", "apscheduler", "holidays", "matplotlib", "openpyxl")
    script = (
        "import sys\n"
        "import bot.cli.jobs, bot.cli.calendar, bot.cli.org\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r})))\n"
    )
    assert _printed_by(script) == "[]"


def test_commands_that_only_use_the_org_import_none_of_its_validators() -> None:
    """`inquiries show|list` and `jobs list` take the org from the validated-org cache (bot/org/cache.py): their
    modules import no YAML, schema, checks, platform registry or phone numbers; only a cache miss does."""
    heavy = ("bot.org.loader", "bot.org.schema", "bot.org.checks", "bot.org.values", "bot.platforms", "yaml",
             "phonenumbers", "pycountry")
    script = (
        "import sys\n"
        "import bot.cli.inquiries, bot.cli.jobs, bot.bootstrap_reader, bot.org.cache\n"
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))\n"
    )
    assert _printed_by(script) == "[]"


def _printed_by(script: str) -> str:
    """What `script` prints, run in a fresh interpreter (so only what it imports is loaded)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    return done.stdout.strip()
