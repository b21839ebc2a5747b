"""`inquirybot report counts --date YYYY-MM-DD [--json]`."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import typer

from bot.cli.common import fail, print_json, run_async, settings, with_reader
from bot.rules.counts import report_json
from bot.services.counts import report_for

if TYPE_CHECKING:
    from bot.bootstrap_reader import Reader

app = typer.Typer(help="Reports.", no_args_is_help=True)


@app.command()
def counts(
    day: str = typer.Option(..., "--date", help="The day, YYYY-MM-DD (org time zone)"),
    as_json: bool = typer.Option(False, "--json", help="One JSON object on stdout"),
) -> None:
    """Inquiries forwarded on a day: per region, per rep, open versus followed up, per department acknowledged."""
    try:
        wanted = date.fromisoformat(day)
    except ValueError:
        raise fail(f"--date {day!r} is not YYYY-MM-DD") from None

    async def work(bot: Reader) -> None:
        async with bot.ctx.uow() as uow:
            data = report_json(await report_for(uow, bot.ctx, wanted))
        if as_json:
            print_json(data)
            return
        typer.echo(f"{data['date']}: {data['total']} inquiries ({data['unrouted']} without a region)")
        for region in data["regions"]:
            reps = ", ".join(f"{r['person']} {r['total']}/{r['open']} open" for r in region["reps"])
            typer.echo(f"  {region['region']:<10} {region['total']:>3}  followed up {region['followed_up']:>3}  {reps}")

    run_async(with_reader(settings(), work))
