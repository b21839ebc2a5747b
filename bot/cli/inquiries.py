"""`inquirybot inquiries list|show|erase`."""

from __future__ import annotations

import sys
from datetime import date, datetime, time
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import typer

from bot.cli.common import fail, print_json, run_async, settings, with_app, with_reader
from bot.rules.ids import normalise_inquiry_id
from bot.rules.inquiry import Status
from bot.services.views import DataFragments, IsoCache, Quoted, QuotedIsoCache, inquiry_json, listed_json, listed_line

if TYPE_CHECKING:
    from bot.bootstrap import App
    from bot.bootstrap_reader import Reader

app = typer.Typer(help="Look at inquiries.", no_args_is_help=True)


def _status(value: str | None) -> Status | None:
    if value is None:
        return None
    try:
        return Status(value)
    except ValueError:
        raise fail(f"unknown status {value!r}; use one of: {', '.join(s.value for s in Status)}") from None


def _since(value: str | None, tz: ZoneInfo) -> datetime | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise fail(f"--since {value!r} is not YYYY-MM-DD") from None
    return datetime.combine(day, time(0), tzinfo=tz)


@app.command("list")
def list_(
    status: str | None = typer.Option(None, "--status", help="Only this status (assigned, followed_up, ...)"),
    since: str | None = typer.Option(None, "--since", help="Only those forwarded on or after this day, YYYY-MM-DD"),
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most N inquiries (the oldest first)"),
    as_json: bool = typer.Option(False, "--json", help="One JSON array on stdout (one inquiry a line)"),
) -> None:
    """Inquiries, oldest first. Read in one streamed query and written as they come, so any number fits."""
    wanted = _status(status)

    async def work(bot: Reader) -> None:
        out: list[str] = []  # written 500 lines at a time
        shown = 0
        cache = IsoCache(bot.ctx.tz)
        stamps, fragments, quoted = QuotedIsoCache(bot.ctx.tz), DataFragments(), Quoted()
        async with bot.inquiries() as inquiries:  # not ctx.uow(): that would import every repository and table
            rows = inquiries.stream_listing(statuses=[wanted] if wanted else None,
                                            forwarded_from=_since(since, bot.ctx.tz), limit=limit)
            async for listed in rows:
                if as_json:  # the text json.dumps(listed_json(...)) gives, written without building the dict
                    out.append(("[\n" if shown == 0 else ",\n") + listed_line(listed, stamps, fragments, quoted))
                else:
                    item = listed_json(listed, bot.ctx.tz, cache)
                    customer = item["customer"]
                    who = customer["name"] or customer["company"] or "—"
                    out.append(f"{item['id']}  {item['status']:<12} {item['region'] or '—':<10} "
                               f"{item['assignee'] or '—':<10} {item['forwarded_at'][:16]}  {who}\n")
                shown += 1
                if len(out) == 500:
                    sys.stdout.write("".join(out))
                    out.clear()
        if as_json:
            out.append("\n]\n" if shown else "[]\n")
        sys.stdout.write("".join(out))
        sys.stdout.flush()
        if not as_json:
            typer.echo(f"{shown} inquiries", err=True)

    run_async(with_reader(settings(), work))


@app.command()
def show(
    inquiry_id: str = typer.Argument(..., metavar="ID"),
    as_json: bool = typer.Option(False, "--json", help="One JSON object on stdout"),
) -> None:
    """One inquiry with its whole history."""
    wanted = normalise_inquiry_id(inquiry_id)
    if wanted is None:
        raise fail(f"{inquiry_id!r} is not an inquiry id (INQ-2026-000123)")

    async def work(bot: Reader) -> None:
        async with bot.inquiries() as inquiries:
            inquiry = await inquiries.get(wanted)
            if inquiry is None:
                raise fail(f"no inquiry {wanted}")
            data = inquiry_json(inquiry, await inquiries.history(wanted), bot.ctx.tz)
        if as_json:
            print_json(data)
            return
        for key, value in data.items():
            if key != "history":
                typer.echo(f"{key:>16}: {value}")
        for event in data["history"]:
            extra = {k: v for k, v in event.items() if k not in ("at", "kind", "actor")}
            typer.echo(f"  {event['at'][:16]}  {event['actor'] or 'bot':<10} {event['kind']}  {extra or ''}")

    run_async(with_reader(settings(), work))


@app.command()
def erase(
    inquiry_id: str = typer.Argument(..., metavar="ID"),
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation"),
) -> None:
    """Remove a customer's personal data (name, email, phone, original text); ids, dates and penalties stay."""
    wanted = normalise_inquiry_id(inquiry_id)
    if wanted is None:
        raise fail(f"{inquiry_id!r} is not an inquiry id (INQ-2026-000123)")
    if not yes:
        typer.confirm(f"Erase the customer's personal data from {wanted}? This cannot be undone", abort=True)

    from bot.services.privacy import erase_inquiry  # pulls in intake and its parsers: only this command needs it

    async def work(bot: App) -> None:
        if not await erase_inquiry(bot.ctx, wanted, actor="cli"):
            raise fail(f"no inquiry {wanted}")
        typer.echo(f"{wanted}: personal data erased")

    run_async(with_app(settings(), work, command="inquiries erase"))
