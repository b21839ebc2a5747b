"""`inquirybot org check [FILE]`, `inquirybot org sample`."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import typer

from bot.cli.calendar import fix_hint
from bot.cli.common import fail, missing_org_hint, settings
from bot.org.loader import check_org_file
from bot.org.sample import sample_org
from bot.rules.calendar import WorkCalendar, missing_years

app = typer.Typer(help="The organisation file.", no_args_is_help=True)


@app.command()
def check(file: Path | None = typer.Argument(None, help="Org file (default: INQUIRYBOT_ORG or ./org.yaml)")) -> None:
    """Validate the org file: exit 0 when it is good, 1 with every problem listed."""
    path = file or settings().org_file
    if not path.exists():
        raise fail(missing_org_hint(path))
    org, problems = check_org_file(path)
    if problems or org is None:
        for line in problems:
            typer.echo(line, err=True)
        raise fail(f"{path}: {len(problems)} problem(s); nothing was loaded.")
    typer.echo(
        f"{path}: OK — {len(org.people)} people, {len(org.regions)} regions, "
        f"{len(org.departments)} departments, time zone {org.timezone}, calendar {org.calendar}"
    )
    cal = WorkCalendar(org.calendar, org.calendar_overrides)
    today = datetime.now(ZoneInfo(org.timezone)).date()
    for year in missing_years(cal, (today.year, today.year + 1)):
        typer.echo(f"warning: calendar_overrides: no statutory holiday data for {year} and no overrides; "
                   f"working days of {year} are guessed without make-up days. Fix: {fix_hint(year)}", err=True)


@app.command()
def sample() -> None:
    """Print the sample org file shipped in the package (start one with `inquirybot org sample > org.yaml`)."""
    sys.stdout.buffer.write(sample_org().read_bytes())  # the exact bytes, whatever the terminal's encoding
    sys.stdout.flush()
