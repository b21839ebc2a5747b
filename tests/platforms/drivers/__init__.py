"""One Driver a platform, found by name: tests/platforms/drivers/<name>.py declares DRIVER. The cross-platform
tests (tests/platforms/test_platform_pairs.py) run every ordered pair of the drivers found here, so a new
platform brings its driver as a new file and no test file names it."""

from __future__ import annotations

import contextlib
import importlib
import pkgutil
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

from bot.bootstrap import App
from bot.clock import FrozenClock
from bot.settings import Settings


@dataclass
class Everywhere:
    """`serve` in-process with every driven platform at once, each against its fake."""

    app: App
    http: httpx.AsyncClient
    fakes: dict[str, Any]
    clock: FrozenClock

    async def reached(self, driver: Driver, user: str, needle: str) -> str:
        """The DM to `user` on the driver's platform that mentions `needle` (waits for the dispatcher)."""
        fake = self.fakes[driver.name]
        for count in range(1, 30):
            calls = await fake.wait_for(driver.send, count=count)
            found = [t for t in (driver.dm_text(c, user) for c in calls) if t and needle in t]
            if found:
                return found[0]
        raise AssertionError(f"no DM to {user} on {driver.name} mentions {needle}")

    def dms(self, driver: Driver, user: str) -> list[str]:
        calls = self.fakes[driver.name].called(driver.send)
        return [t for t in (driver.dm_text(c, user) for c in calls) if t is not None]


@dataclass(frozen=True)
class Driver:
    name: str
    fake: Callable[[], contextlib.AbstractAsyncContextManager[Any]]  # starts its fake platform on 127.0.0.1
    ids: dict[str, str]  # li's, zhang's and wang's ids on it, and its intake chat ("intake")
    env: Callable[[Any], dict[str, str]]  # its settings, pointing at the fake
    send: str  # the fake's method that sends a message
    dm_text: Callable[[Any, str], str | None]  # the text of a recorded send when it went to that user's DM
    forward: Callable[[Everywhere, int, str], Awaitable[None]]  # li forwards `text` into its intake
    configure: Callable[[Settings, Any], Settings] = staticmethod(lambda settings, _fake: settings)


def drivers() -> dict[str, Driver]:
    """Every tests/platforms/drivers/<name>.py's DRIVER, by name."""
    found: dict[str, Driver] = {}
    for module in pkgutil.iter_modules(__path__):
        driver = importlib.import_module(f"{__name__}.{module.name}").DRIVER
        assert isinstance(driver, Driver) and driver.name == module.name, f"{module.name}.py: DRIVER is not its own"
        found[driver.name] = driver
    return found
