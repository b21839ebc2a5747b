"""The deal prompts' pickers on a Feishu card: a toggle button per inquiry the prompt listed, then Report selected
and Cancel. The ticks are kept per person in the conversation table (a restart loses nothing); the choices are
looked up again on our side from the prompt the bot sent, never taken from the card."""

from __future__ import annotations

from typing import Any

from bot.handlers.commands import Origin, execute
from bot.handlers.feishu_base import FeishuDeps
from bot.handlers.feishu_messages import PLATFORM
from bot.handlers.feishu_press import Answer, Press, card_state, finish
from bot.handlers.prompts import PENDING_TTL
from bot.notifiers.feishu_cards import button, card
from bot.services.deal_picks import nothing_picked, pick_command, pick_unavailable, prompt_choices

PICKING = "deals_pick"  # conversation key: the prompt whose inquiries are being ticked, and the ticks
TICKED, UNTICKED = "☑", "☐"


async def start_pick(deps: FeishuDeps, press: Press) -> Answer:
    """Swap the prompt's buttons for a toggle per inquiry it listed."""
    choices = await prompt_choices(deps.ctx, press.action, PLATFORM, press.chat, press.message_id, press.value)
    if not choices:
        return deps.toast(pick_unavailable(press.action), press.person)
    state = {"action": press.action, "department": press.value, "chat": press.chat, "message": press.message_id,
             "choices": choices, "picked": []}
    return await _show(deps, press, state)


async def toggle_pick(deps: FeishuDeps, press: Press) -> Answer:
    state = await _open(deps, press)
    if state is None:
        return deps.toast(pick_unavailable(None), press.person)
    ticked = set(state["picked"]) ^ {press.value}
    state["picked"] = [ident for ident, _ in state["choices"] if ident in ticked]  # only what the prompt listed
    return await _show(deps, press, state)


async def report_pick(deps: FeishuDeps, press: Press) -> Answer:
    """Report the ticked inquiries as the day's (or month's) deals; nothing ticked is refused."""
    state = await _open(deps, press)
    if state is None:
        return deps.toast(pick_unavailable(None), press.person)
    action, picked = str(state["action"]), [str(i) for i in state["picked"]]
    if not picked:
        return deps.toast(nothing_picked(action), press.person)
    text = pick_command(action, str(state["department"]), picked)
    reply = await execute(deps.ctx, press.person, f"/inq {text}", Origin(PLATFORM))
    if reply.ok:
        await _drop(deps, press)
    return await finish(deps, press, reply, action)


async def cancel_pick(deps: FeishuDeps, press: Press) -> Answer:
    """Forget the ticks and put the prompt's own buttons back."""
    state = await _open(deps, press)
    if state is None:
        return deps.toast(pick_unavailable(None), press.person)
    await _drop(deps, press)
    text, buttons = await card_state(deps, press)
    await deps.api.patch_card(press.chat, press.message_id, card(text, buttons))
    return {}


async def _show(deps: FeishuDeps, press: Press, state: dict[str, Any]) -> Answer:
    async with deps.ctx.uow() as uow:
        await uow.conversations.put(PLATFORM, press.person.id, PICKING, state, deps.ctx.now() + PENDING_TTL)
        await uow.commit()
    ticked = set(state["picked"])
    toggles = [button(f"{TICKED if ident in ticked else UNTICKED} {label}", "deals_toggle", ident)
               for ident, label in state["choices"]]
    controls = [button(deps.term("button", c, press.person), c) for c in ("deals_report", "deals_cancel")]
    text, _buttons = await card_state(deps, press)
    await deps.api.patch_card(press.chat, press.message_id, card(text, [*toggles, *controls]))
    return {}


async def _open(deps: FeishuDeps, press: Press) -> dict[str, Any] | None:
    """The person's open pick on the pressed card; None for a stale or expired one."""
    async with deps.ctx.uow() as uow:
        state = await uow.conversations.get(PLATFORM, press.person.id, PICKING, deps.ctx.now())
    if state is None or (state["chat"], state["message"]) != (press.chat, press.message_id):
        return None
    return state


async def _drop(deps: FeishuDeps, press: Press) -> None:
    async with deps.ctx.uow() as uow:
        await uow.conversations.clear(PLATFORM, press.person.id, PICKING)
        await uow.commit()
