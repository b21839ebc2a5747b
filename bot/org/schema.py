"""Pydantic models for the shape of the org file (SPEC section 3); the loader builds the model from them."""

from __future__ import annotations

from datetime import date, time
from functools import partial
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, create_model, field_validator, model_validator

from bot import platforms
from bot.org import values
from bot.org.identities import parse_identity
from bot.org.model import Penalties, Schedule, WeeklyTime

Id = Annotated[str, PlainValidator(values.parse_id)]
HHMM = Annotated[time, PlainValidator(values.parse_hhmm)]
Weekly = Annotated[WeeklyTime, PlainValidator(values.parse_weekly)]
IsoDate = Annotated[date, PlainValidator(values.parse_date)]
DayRange = Annotated[tuple[date, date], PlainValidator(values.parse_day_range)]
Timezone = Annotated[str, PlainValidator(values.parse_timezone)]
Country = Annotated[str, PlainValidator(values.parse_country)]
Domain = Annotated[str, PlainValidator(values.parse_domain)]
Phone = Annotated[str, PlainValidator(values.parse_phone)]
LocaleName = Literal["zh-CN", "en"]
RoleName = Literal["specialist", "rep", "manager", "admin"]
Amount = Annotated[int, Field(ge=0)]
Names = Annotated[dict[LocaleName, Annotated[str, Field(min_length=1)]], Field(min_length=1)]

_SCHEDULE = Schedule()
_PENALTIES = Penalties()


class Section(BaseModel):
    """Base: unknown keys are errors, no silent type coercion, an empty value means the default."""

    # defer_build: OrgSchema builds one validator for the whole tree on first use; built per class at import,
    # the 21 sections cost every CLI call ~10 ms of CPU for validators nothing calls on their own.
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, defer_build=True)

    @model_validator(mode="before")
    @classmethod
    def _empty_means_default(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {key: value for key, value in data.items() if value is not None}
        return data


def _identity_fields(kind: Literal["user", "chat"]) -> dict[str, Any]:
    """One optional key a registered platform (`slack: U…`, `telegram: 123…`), validated by its IdentitySpec."""
    fields: dict[str, Any] = {}
    for name, spec in platforms.identities().items():
        parser = partial(parse_identity, spec.label, spec.user if kind == "user" else spec.chat)
        fields[name] = (Annotated[str | None, PlainValidator(parser)], None)
    return fields


class _Identities(Section):
    @property
    def ids(self) -> dict[str, str]:
        """platform -> id, for the platforms this entry names."""
        found = {name: getattr(self, name, None) for name in platforms.names()}
        return {name: str(value) for name, value in found.items() if value is not None}


class _ChannelBase(_Identities):
    """A chat: one key a platform (the fields are added from bot/platforms.py below)."""


if TYPE_CHECKING:
    class ChannelSchema(_ChannelBase):
        pass
else:
    ChannelSchema = create_model("ChannelSchema", __base__=_ChannelBase, **_identity_fields("chat"))


class ChannelsSchema(Section):
    intake: ChannelSchema
    announce: ChannelSchema | None = None


class AwaySchema(Section):
    start: IsoDate = Field(alias="from")
    end: IsoDate = Field(alias="to")
    delegate: Id | None = None


class _PersonBase(_Identities):
    """A person; their id on each platform is added from bot/platforms.py below."""

    id: Id
    name: str = Field(min_length=1)
    roles: list[RoleName] = Field(min_length=1)
    department: Id | None = None
    active: bool = True
    away: list[AwaySchema] = Field(default_factory=list)
    locale: LocaleName | None = None
    prefer: str | None = None

    @field_validator("prefer")
    @classmethod
    def _known_platform(cls, value: str | None) -> str | None:
        if value is not None and value not in platforms.names():
            raise values.org_error(f"{value!r} is not a platform", f"use one of {', '.join(platforms.names())}")
        return value


if TYPE_CHECKING:
    class PersonSchema(_PersonBase):
        pass
else:
    PersonSchema = create_model("PersonSchema", __base__=_PersonBase, **_identity_fields("user"))


class RegionSchema(Section):
    id: Id
    name: Names
    countries: list[Country] = Field(min_length=1)
    department: Id
    specialist: Id
    channel: ChannelSchema | None = None


class DepartmentSchema(Section):
    id: Id
    name: Names
    manager: Id


class AssignmentSchema(Section):
    strategy: Literal["round_robin", "least_open"] = "round_robin"


class LedgerDueSchema(Section):
    workday: int = Field(default=_SCHEDULE.ledger_due.workday, ge=1, le=10)
    time: HHMM = _SCHEDULE.ledger_due.at


class WorkingHoursSchema(Section):
    start: HHMM = _SCHEDULE.working_hours.start
    end: HHMM = _SCHEDULE.working_hours.end
    lunch: list[HHMM] | None = Field(
        default_factory=lambda: list(_SCHEDULE.working_hours.lunch or ()), min_length=2, max_length=2)

    @model_validator(mode="after")
    def _in_order(self) -> WorkingHoursSchema:
        if not self.start < self.end:
            raise ValueError("the working day must start before it ends")
        if self.lunch and not (self.start <= self.lunch[0] < self.lunch[1] <= self.end):
            raise ValueError("lunch must be two times inside the working day, the first before the second")
        return self


class ScheduleSchema(Section):
    counts: list[HHMM] = Field(default_factory=lambda: list(_SCHEDULE.counts), min_length=3, max_length=3)
    followup_due: HHMM = _SCHEDULE.followup_due
    followup_cutoff: HHMM = _SCHEDULE.followup_cutoff
    followup_reminders: list[HHMM] = Field(default_factory=lambda: list(_SCHEDULE.followup_reminders))
    deals_daily_due: HHMM = _SCHEDULE.deals_daily_due
    deals_daily_prompts: list[HHMM] = Field(default_factory=lambda: list(_SCHEDULE.deals_daily_prompts))
    deals_monthly_due: HHMM = _SCHEDULE.deals_monthly_due
    ledger_due: LedgerDueSchema = Field(default_factory=LedgerDueSchema)
    weekly_rep_digest: Weekly = _SCHEDULE.weekly_rep_digest
    weekly_manager_table: Weekly = _SCHEDULE.weekly_manager_table
    working_hours: WorkingHoursSchema = Field(default_factory=WorkingHoursSchema)


class SplitSchema(Section):
    manager: Amount = _PENALTIES.p6_split_manager
    rep: Amount = _PENALTIES.p6_split_rep


class P6Schema(Section):
    amount: Amount = _PENALTIES.p6
    split: SplitSchema = Field(default_factory=SplitSchema)


class PenaltiesSchema(Section):
    p1_3: Amount = Field(default=_PENALTIES.p1_3, alias="P1.3")
    p1_4: Amount = Field(default=_PENALTIES.p1_4, alias="P1.4")
    p4: Amount = Field(default=_PENALTIES.p4, alias="P4")
    p5: Amount = Field(default=_PENALTIES.p5, alias="P5")
    p6: P6Schema = Field(default_factory=P6Schema, alias="P6")
    p7: Amount = Field(default=_PENALTIES.p7, alias="P7")


class OwnSchema(Section):
    """Our own side (SPEC 3): addresses and numbers that are never a customer's."""

    domains: list[Domain] = Field(default_factory=list)
    phones: list[Phone] = Field(default_factory=list)
    home_country: Country = "CN"


class OrgSchema(Section):
    timezone: Timezone
    locale: LocaleName = "zh-CN"
    calendar: Literal["cn", "weekdays"] = "cn"
    calendar_overrides: dict[DayRange, Literal["workday", "holiday"]] = Field(default_factory=dict)
    channels: ChannelsSchema
    regions: list[RegionSchema] = Field(min_length=1)
    departments: list[DepartmentSchema] = Field(min_length=1)
    people: list[PersonSchema] = Field(min_length=1)
    assignment: AssignmentSchema = Field(default_factory=AssignmentSchema)
    schedule: ScheduleSchema = Field(default_factory=ScheduleSchema)
    penalties: PenaltiesSchema = Field(default_factory=PenaltiesSchema)
    own: OwnSchema = Field(default_factory=OwnSchema)

    @field_validator("calendar_overrides", mode="before")
    @classmethod
    def _dates_as_text(cls, data: Any) -> Any:
        """YAML gives date keys; as text they make readable key paths in error messages."""
        if isinstance(data, dict):
            return {key.isoformat() if isinstance(key, date) else key: value for key, value in data.items()}
        return data
