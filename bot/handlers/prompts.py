"""Prompts that wait for a person's text, for every platform: after a follow-up method or "reply with the reason",
the open prompt is kept per person and platform in the conversation table (a restart loses nothing), and the
text that answers it becomes a command through the one table of answers (bot.actions.ANSWERS)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Protocol

from bot.actions import ANSWERS
from bot.context import Context
from bot.org.model import Person, Role
from bot.rules.inquiry import FOLLOWUP_METHODS

PENDING = "pending"
PENDING_TTL = timedelta(hours=12)
DEFAULT_METHOD = "other"


async def remember(ctx: Context, platform: str, person: Person, pending: dict[str, Any]) -> None:
    """One open prompt per person: {"verb", "value", "method"?, "chat", "message"}."""
    async with ctx.uow() as uow:
        await uow.conversations.put(platform, person.id, PENDING, pending, ctx.now() + PENDING_TTL)
        await uow.commit()


async def recall(ctx: Context, platform: str, person: Person) -> dict[str, Any] | None:
    async with ctx.uow() as uow:
        return await uow.conversations.get(platform, person.id, PENDING, ctx.now())


async def forget(ctx: Context, platform: str, person: Person) -> None:
    async with ctx.uow() as uow:
        await uow.conversations.clear(platform, person.id, PENDING)
        await uow.commit()


def prompt_command(pending: dict[str, Any], text: str) -> str:
    """The command a prompt's answer stands for ("grey INQ-... <text>", "followup INQ-... <method> <text>")."""
    template = ANSWERS[str(pending["verb"])]
    return template.format(value=pending.get("value", ""), method=pending.get("method") or DEFAULT_METHOD,
                           text=text)


class Wording(Protocol):
    """What a platform's handler dependencies offer for wording a choice: the org, terms and a person's locale."""

    @property
    def ctx(self) -> Context: ...

    def term(self, group: str, value: str, person: Person | None) -> str: ...

    def locale(self, person: Person | None) -> str: ...


def picker_choices(deps: Wording, kind: str, person: Person) -> list[tuple[str, str]]:
    """(label, value) of a picker on any platform: follow-up methods, regions, or active reps."""
    org = deps.ctx.org
    if kind == "method":
        return [(deps.term("method", m, person), m) for m in FOLLOWUP_METHODS]
    if kind == "region":
        return [(r.display(deps.locale(person)), r.id) for r in org.regions]
    return [(p.name, p.id) for p in org.people if p.has(Role.REP) and p.active]
