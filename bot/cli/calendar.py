"""`inquirybot calendar show YEAR`: the working-day calendar the bot applies, to check against the official notice."""

from __future__ import annotations

from datetime import date

import typer

from bot.cli.common import fail, settings
from bot.org.loader import check_org_file
from bot.rules.calendar import WorkCalendar, YearSummary, year_summary

app = typer.Typer(help="The working-day calendar.", no_args_is_help=True)

SOURCES = {
    "statutory": "State Council arrangement (chinesecalendar package)",
    "overrides": "calendar_overrides in the org file (no statutory data installed)",
    "weekdays": "Monday to Friday (calendar: weekdays)",
    "fallback": "GUESSED: no statutory data and no overrides; make-up working days are unknown",
}


def _day(d: date | None) -> str:
    return f"{d.isoformat()} {d.strftime('%a')}" if d else "—"


def render(summary: YearSummary) -> list[str]:
    """The printed calendar, one fact a line."""
    lines = [f"Calendar {summary.year}: {SOURCES[summary.coverage]}", "", "Holidays (days off besides weekends):"]
    for r in summary.holidays:
        span = r.first.isoformat() if r.first == r.last else f"{r.first.isoformat()}..{r.last.isoformat()}"
        lines.append(f"  {span}  {r.name} ({(r.last - r.first).days + 1} days)")
    lines += ["", "Make-up working days (调休):"]
    lines += [f"  {_day(d)}" for d in summary.makeup_days] or ["  none"]
    lines += ["", "Month  3rd working day   last working day"]
    lines += [f"  {m:02d}   {_day(third):<17} {_day(last)}" for m, third, last in summary.months]
    return lines


@app.command()
def show(year: int = typer.Argument(..., help="e.g. 2026")) -> None:
    """Print holidays, make-up working days and each month's 3rd and last working day."""
    path = settings().org_file
    org, problems = check_org_file(path) if path.exists() else (None, [])
    if problems:
        raise fail("\n".join(problems))
    cal = WorkCalendar(org.calendar, org.calendar_overrides) if org else WorkCalendar("cn")
    for line in render(year_summary(cal, year)):
        typer.echo(line)
    if cal.coverage(year) == "fallback":
        typer.echo(f"\nwarning: {year} is guessed; {fix_hint(year)}", err=True)


def fix_hint(year: int) -> str:
    """The exact fix for a year without statutory data (also in the admins' chat notice)."""
    return (f"upgrade chinesecalendar once it covers {year} (pip install -U chinesecalendar), or add the "
            f"State Council's {year} arrangement to calendar_overrides in org.yaml, e.g. "
            f"{{{year}-01-01..{year}-01-03: holiday, {year}-01-04: workday}}, then restart or /inq reload")
