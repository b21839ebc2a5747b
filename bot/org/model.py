"""Frozen dataclasses for the validated organisation file (SPEC section 3)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum
from typing import Literal

Locale = Literal["zh-CN", "en"]
Platform = str  # a registered platform name (bot/platforms.py)
Ids = Mapping[str, str]  # platform name -> that platform's id of a person or a chat (always text)


class Role(StrEnum):
    SPECIALIST = "specialist"
    REP = "rep"
    MANAGER = "manager"
    ADMIN = "admin"


@dataclass(frozen=True)
class Channel:
    """A place to post: its chat id on each platform it exists on."""

    ids: Ids = field(default_factory=dict, hash=False)

    def on(self, platform: str) -> str | None:
        return self.ids.get(platform)


@dataclass(frozen=True)
class AwayPeriod:
    start: date
    end: date
    delegate: str | None = None

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    roles: frozenset[Role]
    ids: Ids = field(default_factory=dict, hash=False)  # platform name -> their user id there
    department: str | None = None
    active: bool = True
    away: tuple[AwayPeriod, ...] = ()
    locale: Locale | None = None
    prefer: Platform | None = None

    def has(self, role: Role) -> bool:
        return role in self.roles

    def on(self, platform: str) -> str | None:
        """Their user id on a platform, or None when they are not there."""
        return self.ids.get(platform)

    def away_on(self, day: date) -> AwayPeriod | None:
        return next((a for a in self.away if a.covers(day)), None)


@dataclass(frozen=True)
class Region:
    id: str
    name: dict[str, str]
    countries: frozenset[str]
    department: str
    specialist: str
    channel: Channel | None = None

    def display(self, locale: str) -> str:
        return self.name.get(locale) or next(iter(self.name.values()), self.id)


@dataclass(frozen=True)
class Department:
    id: str
    name: dict[str, str]
    manager: str

    def display(self, locale: str) -> str:
        return self.name.get(locale) or next(iter(self.name.values()), self.id)


@dataclass(frozen=True)
class WorkdayTime:
    """`{workday: 3, time: "17:30"}`: a time on the Nth working day of a month."""

    workday: int
    at: time


@dataclass(frozen=True)
class WeeklyTime:
    """`"mon 10:00"`: a time on a day of the week (0 = Monday)."""

    weekday: int
    at: time


@dataclass(frozen=True)
class WorkingHours:
    """The working day used to measure follow-up times (default 08:30-17:30 with lunch 12:00-13:00)."""

    start: time = time(8, 30)
    end: time = time(17, 30)
    lunch: tuple[time, time] | None = (time(12, 0), time(13, 0))

    def periods(self) -> tuple[tuple[time, time], ...]:
        """The stretches of the day that count, in order: the morning and the afternoon around lunch."""
        if self.lunch is None or not (self.start < self.lunch[0] < self.lunch[1] < self.end):
            return ((self.start, self.end),)
        return ((self.start, self.lunch[0]), (self.lunch[1], self.end))


@dataclass(frozen=True)
class Schedule:
    counts: tuple[time, time, time] = (time(9, 30), time(18, 30), time(21, 45))
    followup_due: time = time(23, 59)
    followup_cutoff: time = time(21, 59)
    followup_reminders: tuple[time, ...] = (time(21, 0), time(23, 0))
    deals_daily_due: time = time(21, 0)
    deals_daily_prompts: tuple[time, ...] = (time(20, 0), time(20, 45))
    deals_monthly_due: time = time(15, 30)
    ledger_due: WorkdayTime = field(default_factory=lambda: WorkdayTime(3, time(17, 30)))
    weekly_rep_digest: WeeklyTime = field(default_factory=lambda: WeeklyTime(0, time(10, 0)))
    weekly_manager_table: WeeklyTime = field(default_factory=lambda: WeeklyTime(4, time(17, 0)))
    working_hours: WorkingHours = field(default_factory=WorkingHours)


@dataclass(frozen=True)
class Penalties:
    p1_3: int = 100
    p1_4: int = 40
    p4: int = 50
    p5: int = 40
    p6: int = 100
    p6_split_manager: int = 80
    p6_split_rep: int = 20
    p7: int = 50

    def amount(self, rule: str) -> int | None:
        """Default amount for a rule id such as `P1.4`; None for P3 (entered by hand)."""
        return {
            "P1.3": self.p1_3,
            "P1.4": self.p1_4,
            "P4": self.p4,
            "P5": self.p5,
            "P6": self.p6,
            "P7": self.p7,
        }.get(rule)


@dataclass(frozen=True)
class Own:
    """Our own company's side: e-mail domains and numbers (E.164) that never belong to a customer."""

    domains: frozenset[str] = frozenset()
    phones: frozenset[str] = frozenset()
    home_country: str = "CN"


@dataclass(frozen=True)
class Org:
    timezone: str
    locale: Locale
    calendar: Literal["cn", "weekdays"]
    calendar_overrides: dict[date, bool]  # True = working day, False = holiday
    intake: Channel
    announce: Channel | None
    regions: tuple[Region, ...]
    departments: tuple[Department, ...]
    people: tuple[Person, ...]
    assignment_strategy: Literal["round_robin", "least_open"] = "round_robin"
    schedule: Schedule = field(default_factory=Schedule)
    penalties: Penalties = field(default_factory=Penalties)
    own: Own = field(default_factory=Own)

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def region(self, region_id: str) -> Region | None:
        return next((r for r in self.regions if r.id == region_id), None)

    def department(self, department_id: str) -> Department | None:
        return next((d for d in self.departments if d.id == department_id), None)

    def person_on(self, platform: str, user_id: str | int) -> Person | None:
        """The person whose id on `platform` is `user_id`."""
        wanted = str(user_id)
        return next((p for p in self.people if p.ids.get(platform) == wanted), None)

    def reps_of(self, department_id: str) -> tuple[Person, ...]:
        return tuple(p for p in self.people if p.department == department_id and p.has(Role.REP))

    def regions_of_specialist(self, person_id: str) -> tuple[Region, ...]:
        return tuple(r for r in self.regions if r.specialist == person_id)

    def region_for_country(self, country: str) -> Region | None:
        return next((r for r in self.regions if country in r.countries), None)

    def locale_of(self, person: Person | None) -> Locale:
        return person.locale if person and person.locale else self.locale
