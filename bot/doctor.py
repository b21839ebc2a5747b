"""`inquirybot doctor`: settings, database, org file, each platform's token, channels and people, each checked
for real (through SLACK_API_URL / TELEGRAM_API_URL) and reported as ok, or as a problem with its fix."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

from bot import platforms
from bot.org.model import Org
from bot.settings import Settings


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""
    warning: bool = False  # ok for the exit code, but something the operator should look at (an optional scope)


def passed(name: str, detail: str) -> Check:
    return Check(name, True, detail)


def problem(name: str, detail: str, fix: str) -> Check:
    return Check(name, False, detail, fix)


def warning(name: str, detail: str, fix: str) -> Check:
    """Not an error: `doctor` still exits 0, and shows it with its fix."""
    return Check(name, True, detail, fix, warning=True)


def settings_check(settings: Settings) -> Check:
    placeholders = platforms.placeholder_problems(settings)
    if placeholders:
        return problem("settings", f"{', '.join(placeholders)} still hold placeholder values",
                       "put the real secrets in .env or the environment (see .env.example)")
    if settings.log_format.strip().lower() not in ("text", "json"):
        return problem("settings", f"INQUIRYBOT_LOG_FORMAT is {settings.log_format!r}", "use text or json")
    running = platforms.configured(settings)
    if not running:
        return problem("settings", "no platform token is set (only the shell chat can run)",
                       f"set {platforms.switches(' and/or ')}")
    return passed("settings", f"platforms: {', '.join(running)}")


async def database_check(settings: Settings) -> Check:
    """Connect and compare the schema with this install's migrations; nothing is written."""
    from storage.database import make_engine, sqlite_file, sqlite_read_only
    from storage.errors import explain
    from storage.migrate import current_revisions, head_revisions

    path = sqlite_file(settings.database_url)
    if path is not None and not path.exists():
        return problem("database", f"no SQLite file at {path}", "run `inquirybot db upgrade` to create it")
    engine = make_engine(settings.database_url, read_only=sqlite_read_only(settings.database_url))
    try:
        current = await current_revisions(engine)
    except Exception as error:  # any failure to connect is this check's answer
        reason = explain(error, settings.database_url) or f"{type(error).__name__}: {error}"
        detail, _, fix = reason.partition(" Fix: ")
        return problem("database", detail, fix or "check DATABASE_URL")
    finally:
        await engine.dispose()
    heads = head_revisions()
    if current != heads:
        return problem("database", f"schema at {', '.join(sorted(current)) or 'nothing'}, this install expects "
                       f"{', '.join(sorted(heads))}", "run `inquirybot db upgrade`")
    return passed("database", f"reachable, schema at {', '.join(sorted(heads))} (latest)")


def org_check(settings: Settings) -> tuple[Check, Org | None]:
    from bot.org.loader import OrgFileError, load_org

    if not settings.org_file.exists():
        return problem("org file", f"no file at {settings.org_file}",
                       "`inquirybot org sample > org.yaml`, or point INQUIRYBOT_ORG at your file"), None
    try:
        org = load_org(settings.org_file)
    except OrgFileError as error:
        more = f" (and {len(error.problems) - 1} more)" if len(error.problems) > 1 else ""
        return problem("org file", error.problems[0].render() + more, "`inquirybot org check` lists them all"), None
    return passed("org file", f"{settings.org_file}: {len(org.people)} people, {len(org.regions)} regions"), org


def chats_on(org: Org, platform: str) -> list[str]:
    """The org's chats on one platform (intake, announce, the regions'), each once."""
    channels = [org.intake, org.announce, *(r.channel for r in org.regions)]
    return list(dict.fromkeys(c.ids[platform] for c in channels if c is not None and platform in c.ids))


async def run_checks(settings: Settings) -> AsyncIterator[Check]:
    """Every check, in the order an operator fixes things; platform checks need the org's channels and people."""
    yield settings_check(settings)
    yield await database_check(settings)
    org_result, org = org_check(settings)
    yield org_result
    for name in platforms.configured(settings):
        async for check in platforms.plugin(name).doctor(platforms.settings_of(name, settings), org):
            yield check


def render(check: Check, write: Callable[[str], Any]) -> None:
    """`ok       name: detail`, or `problem  name: detail` / `warning  name: detail` and `fix      …` under it."""
    if check.ok and not check.warning:
        write(f"ok       {check.name}: {check.detail}")
        return
    write(f"{'warning' if check.warning else 'problem'}  {check.name}: {check.detail}")
    write(f"fix      {check.fix}")
