"""`inquirybot`: the console script (SPEC section 8). Each command group lives in its own module.

The modules are imported only for the command that runs: `inquirybot --help` reads the table below, and
`inquirybot inquiries show` never imports the scheduler, the charts or the spreadsheet writer.
"""

from __future__ import annotations

import functools
import gc
from importlib import import_module

import typer
from typer._click import Command, Context, HelpFormatter  # typer ships its own click; its group subclasses that
from typer.core import TyperGroup

# name -> (module, how it registers: "app" for a Typer group, "register" for top-level commands, one line of help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "run": ("bot.cli.run", "register",
            "Run the bot: Slack (Socket Mode) and/or Telegram (polling) with the scheduler, or the shell chat."),
    "serve": ("bot.cli.run", "register",
              "HTTP mode: POST /slack/events, POST /telegram/webhook, GET /healthz, GET /metrics."),
    "demo": ("bot.cli.demo", "register",
             "Play one working day of the sample org on a temporary database and print what everyone saw."),
    "doctor": ("bot.cli.doctor", "register",
               "Check settings, the database and its schema, the org file, each platform token, channel and person."),
    "db": ("bot.cli.db", "app", "Database schema."),
    "org": ("bot.cli.org", "app", "The organisation file."),
    "calendar": ("bot.cli.calendar", "app", "The working-day calendar."),
    "inquiries": ("bot.cli.inquiries", "app", "Look at inquiries."),
    "jobs": ("bot.cli.jobs", "app", "Scheduled jobs."),
    "report": ("bot.cli.report", "app", "Reports."),
    "ledger": ("bot.cli.reports", "app", "The ledger 《海外电子商务信息汇总台账》 as XLSX."),
    "incentives": ("bot.cli.incentives", "app", "Penalties (负激励): the list and the monthly statement."),
}


def load_command(name: str) -> Command:
    """Import the module of one command and turn it into its click command."""
    module_name, kind, _help = COMMANDS[name]
    module = import_module(module_name)
    if kind == "app":
        group = typer.main.get_group(module.app)
        group.name = name
        return group
    holder = typer.Typer()
    module.register(holder)
    return typer.main.get_group(holder).commands[name]


class LazyGroup(TyperGroup):
    """Lists commands from COMMANDS and imports a command's module only when that command is asked for."""

    def list_commands(self, ctx: Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        if cmd_name not in COMMANDS:
            return None
        if cmd_name not in self.commands:
            command = load_command(cmd_name)
            if _collector.deferred:
                _collector.resume_when_run(command)
            self.commands[cmd_name] = command
        return self.commands[cmd_name]

    def format_commands(self, ctx: Context, formatter: HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, line) for name, (_m, _k, line) in COMMANDS.items()])


app = typer.Typer(
    name="inquirybot",
    help="Inquiry Desk: routes customer inquiries, watches deadlines and keeps the penalty ledger.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=LazyGroup,
)


def _print_version(wanted: bool) -> None:
    if wanted:
        from importlib.metadata import version  # about 30 ms: only --version needs it

        typer.echo(f"inquirybot {version('inquirybot')}")
        raise typer.Exit


@app.callback()
def _options(
    show_version: bool = typer.Option(
        False, "--version", is_eager=True, callback=_print_version, help="Print the installed version and exit."
    ),
) -> None:
    """Inquiry Desk: routes customer inquiries, watches deadlines and keeps the penalty ledger."""


class _Collector:
    """The cyclic garbage collector around one console-script call (issue 13: after the imports, most of a short
    call's cost was the collector scanning what start-up built). Start-up (imports, parsing the arguments) makes
    objects that live as long as the process, so the collector waits; when the command's own code starts,
    everything made so far is frozen (never scanned again) and the collector runs as usual, so a long `serve` or
    a big listing still collects its own garbage. At exit the rest is frozen too: the interpreter's final
    collection would only scan objects that die with the process (Python never promises their finalizers run at
    exit). `app` called in-process (tests, CliRunner) leaves the collector alone."""

    deferred = False

    def defer(self) -> None:
        self.deferred = gc.isenabled()
        gc.disable()

    def resume_when_run(self, command: Command) -> None:
        """Wrap the callback of each command under `command` that does the work (not of the groups)."""
        children = getattr(command, "commands", None)
        if children is not None:
            for child in children.values():
                self.resume_when_run(child)
            return
        callback = command.callback
        if callback is None:
            return

        @functools.wraps(callback)
        def resumed(*args: object, **kwargs: object) -> object:
            self.resume()
            return callback(*args, **kwargs)

        command.callback = resumed

    def resume(self) -> None:
        if self.deferred:
            self.deferred = False
            gc.freeze()
            gc.enable()


_collector = _Collector()


def main() -> None:
    _collector.defer()
    try:
        app()
    finally:
        gc.freeze()
