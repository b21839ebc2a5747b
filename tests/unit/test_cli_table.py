"""The CLI's command table (read by `inquirybot --help` without importing any command) says what each
command's own module says, and the job table names every scheduled job's real body."""

from __future__ import annotations

import inspect

import pytest

from bot.cli import COMMANDS, load_command
from bot.rules.slots import JOBS
from bot.services.all_jobs import BODY_PATHS
from bot.services.jobs import BODIES


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_in_the_table_loads_with_the_help_listed(name: str) -> None:
    command = load_command(name)
    assert command.name == name
    own = (command.help or "").strip().splitlines()[0]
    assert own == COMMANDS[name][2]


def test_every_scheduled_job_has_a_body_found_through_its_path() -> None:
    assert set(BODY_PATHS) == set(JOBS) == set(BODIES)
    for name in BODIES:
        body = BODIES[name]
        assert inspect.iscoroutinefunction(body), name
        assert BODY_PATHS[name] == f"{body.__module__}:{body.__name__}"
