"""The shell notifier prints each message as a transcript line; buttons become the commands they stand for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.notifiers.base import Address, Rendered
from bot.notifiers.render import RenderPlatform

BUTTON_COMMANDS = {
    "ack": "/inq ack {value}",
    "followup": "/inq followup {value} METHOD NOTE",
    "grey": "/inq grey {value} REASON",
    "grey_confirm": "/inq grey {value}",
    "won": "/inq won {value} [AMOUNT]",
    "reassign": "/inq assign {value} PERSON",
    "change_region": "/inq region {value} REGION",
    "exception_approve": "/inq exception {value}",
    "deals_none": "/inq deals today {value} none",
    "deals_month_none": "/inq deals month {value} none",
    "deals_pick": "/inq deals today {value} ID ID …",
    "deals_month_pick": "/inq deals month {value} ID ID …",
    "penalty_confirm": "/inq penalty confirm {value}",
    "penalty_waive": "/inq penalty waive {value} REASON",
    "penalty_amount": "/inq penalty confirm {value} amount=YUAN [REASON]",
    "p5_different": "/inq penalty different {value}",
    "grey_reject": "/inq grey reject {value} [REASON]",
    "counts_match": "/inq match {value}",
    "ledger_sent": "/inq ledger sent {value}",
    "pick_region": "/inq region {value} REGION",
    "intake_log": "/inq intake log {value}",
    "intake_drop": "/inq intake drop {value}",
    "grey_deleted": "/inq grey {value} REASON",
    "keep": "/inq keep {value}",
}


class ShellNotifier:
    platform: RenderPlatform = "shell"

    def __init__(self, write: Callable[[str], None] = print) -> None:
        self.write = write
        self.sent: list[tuple[Address, Rendered]] = []

    async def send(self, address: Address, message: Rendered) -> dict[str, Any]:
        self.sent.append((address, message))
        lines = [f"── to {address.label} ──", message.text]
        attachment = message.data.get("attachment")
        if isinstance(attachment, dict) and attachment.get("path"):
            lines.append(f"   📎 {attachment.get('filename') or ''}: {attachment['path']}")
        hints = [BUTTON_COMMANDS.get(b["id"], b["id"]).format(value=b.get("value", "")) for b in message.buttons]
        if hints:
            lines.append("   " + "  |  ".join(f"[{b['label']}: {h}]" for b, h in zip(message.buttons, hints,
                                                                                   strict=True)))
        self.write("\n".join(lines))
        return {"shell": len(self.sent)}
