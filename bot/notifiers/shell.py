"""The shell notifier prints each message as a transcript line; buttons become the commands they stand for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.actions import ACTIONS
from bot.notifiers.base import Address, Rendered
from bot.notifiers.render import RenderPlatform

BUTTON_COMMANDS = {name: action.written() for name, action in ACTIONS.items()}


class ShellNotifier:
    platform: RenderPlatform = "shell"

    def __init__(self, write: Callable[[str], None] = print) -> None:
        self.write = write
        self.sent = 0  # how many went out (a count, not the messages: a long shell session must not grow)

    async def send(self, address: Address, message: Rendered) -> dict[str, Any]:
        self.sent += 1
        lines = [f"── to {address.label} ──", message.text]
        attachment = message.data.get("attachment")
        if isinstance(attachment, dict) and attachment.get("path"):
            lines.append(f"   📎 {attachment.get('filename') or ''}: {attachment['path']}")
        hints = [BUTTON_COMMANDS.get(b["id"], b["id"]).format(value=b.get("value", "")) for b in message.buttons]
        if hints:
            lines.append("   " + "  |  ".join(f"[{b['label']}: {h}]" for b, h in zip(message.buttons, hints,
                                                                                   strict=True)))
        self.write("\n".join(lines))
        return {"shell": self.sent}
