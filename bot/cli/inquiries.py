"""`inquirybot inquiries list|show|erase`."""

from __future__ import annotations

import typer

from bot.bootstrap import App
from bot.cli.common import fail, print_json, run_async, settings, with_app
from bot.rules.ids import normalise_inquiry_id
from bot.rules.inquiry import Status
from bot.services.privacy import erase_inquiry
from bot.services.views import inquiry_json

app = typer.Typer(help="Look at inquiries.", no_args_is_help=True)


def _status(value: str | None) -> Status | None:
    if value is None:
        return None
    try:
        return Status(value)
    except ValueError:
        raise fail(f"unknown status {value!r}; use one of: {', '.join(s.value for s in Status)}") from None


@app.command("list")
def list_(
    status: str | None = typer.Option(None, "--status", help="Only this status (assigned, followed_up, ...)"),
    as_json: bool = typer.Option(False, "--json", help="One JSON array on stdout"),
) -> None:
    """Inquiries, oldest first."""
    wanted = _status(status)

    async def work(bot: App) -> None:
        async with bot.ctx.uow() as uow:
            found = await uow.inquiries.list(statuses=[wanted] if wanted else None)
            items = [inquiry_json(i, await uow.inquiries.history(i.id), bot.ctx.tz) for i in found]
        if as_json:
            print_json(items)
            return
        for item in items:
            customer = item["customer"]
            who = customer["name"] or customer["company"] or "—"
            typer.echo(
                f"{item['id']}  {item['status']:<12} {item['region'] or '—':<10} {item['assignee'] or '—':<10} "
                f"{item['forwarded_at'][:16]}  {who}"
            )
        if not as_json:
            typer.echo(f"{len(items)} inquiries", err=True)

    run_async(with_app(settings(), work, read_only=True))


@app.command()
def show(
    inquiry_id: str = typer.Argument(..., metavar="ID"),
    as_json: bool = typer.Option(False, "--json", help="One JSON object on stdout"),
) -> None:
    """One inquiry with its whole history."""
    wanted = normalise_inquiry_id(inquiry_id)
    if wanted is None:
        raise fail(f"{inquiry_id!r} is not an inquiry id (INQ-2026-000123)")

    async def work(bot: App) -> None:
        async with bot.ctx.uow() as uow:
            inquiry = await uow.inquiries.get(wanted)
            if inquiry is None:
                raise fail(f"no inquiry {wanted}")
            data = inquiry_json(inquiry, await uow.inquiries.history(wanted), bot.ctx.tz)
        if as_json:
            print_json(data)
            return
        for key, value in data.items():
            if key != "history":
                typer.echo(f"{key:>16}: {value}")
        for event in data["history"]:
            extra = {k: v for k, v in event.items() if k not in ("at", "kind", "actor")}
            typer.echo(f"  {event['at'][:16]}  {event['actor'] or 'bot':<10} {event['kind']}  {extra or ''}")

    run_async(with_app(settings(), work, read_only=True))


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

    async def work(bot: App) -> None:
        if not await erase_inquiry(bot.ctx, wanted, actor="cli"):
            raise fail(f"no inquiry {wanted}")
        typer.echo(f"{wanted}: personal data erased")

    run_async(with_app(settings(), work, command="inquiries erase"))
