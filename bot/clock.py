"""Where `now` comes from. Services take a Clock; rules take `now` as a parameter."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FrozenClock:
    """A clock that moves only when told to (tests, `demo`, `jobs run --at`)."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FrozenClock needs an aware datetime")
        self._at = at

    def now(self) -> datetime:
        return self._at

    def set(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FrozenClock needs an aware datetime")
        self._at = at

    def advance(self, delta: timedelta) -> None:
        self._at += delta


class LaterOf:
    """The later of two clocks: `jobs run --at` keeps its time for the run, but never claims work in the past."""

    def __init__(self, first: Clock, second: Clock) -> None:
        self.first = first
        self.second = second

    def now(self) -> datetime:
        return max(self.first.now(), self.second.now())
