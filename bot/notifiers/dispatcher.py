"""Deliver the outbox: claim rows atomically, pick each reader's platform, render, send, record the result."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import socket
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from jinja2 import TemplateError

from bot.notifiers.addressing import resolve
from bot.notifiers.base import Address, DeliveryError, Notifier, Rendered
from bot.notifiers.render import Renderer
from bot.org.model import Role
from bot.outbound import Outbound, Target
from bot.services.context import Context
from storage.repositories.chat_state import SentMessage
from storage.repositories.outbox import OutboxItem

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
MAX_BACKOFF = 300.0


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


class Dispatcher:
    def __init__(
        self, ctx: Context, renderer: Renderer, notifiers: Mapping[str, Notifier], wakeup: asyncio.Event | None = None
    ) -> None:
        self.ctx = ctx
        self.renderer = renderer
        self.notifiers = dict(notifiers)
        self.worker = worker_name()
        self.wakeup = wakeup or asyncio.Event()

    async def run_once(self, limit: int = 100) -> int:
        """Deliver what is due now; returns how many rows were handled (sent, retried or failed)."""
        async with self.ctx.uow() as uow:
            items = await uow.outbox.claim(self.worker, self.ctx.now(), limit)
            await uow.commit()
        queues: dict[str, list[OutboxItem]] = {}
        for item in items:
            queues.setdefault(json.dumps(item.message.target.as_json(), sort_keys=True), []).append(item)
        await asyncio.gather(*(self._deliver_in_order(queue) for queue in queues.values()))
        return len(items)

    async def _deliver_in_order(self, queue: list[OutboxItem]) -> None:
        """One destination's messages go out in order; different destinations do not wait for each other."""
        for item in queue:
            await self._deliver(item)

    async def drain(self, rounds: int = 20) -> None:
        """Deliver until nothing is due (used by the shell, `jobs run` and tests)."""
        for _ in range(rounds):
            if await self.run_once() == 0:
                return

    async def run_forever(self, stop: asyncio.Event, interval: float = 1.0) -> None:
        while not stop.is_set():
            self.wakeup.clear()  # before the round, so a commit during it is not missed
            try:
                handled = await self.run_once()
            except Exception:
                log.exception("outbox round failed; retrying")
                handled = 0
            if handled == 0:
                waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self.wakeup.wait())]
                await asyncio.wait(waiters, timeout=interval, return_when=asyncio.FIRST_COMPLETED)
                for waiter in waiters:
                    waiter.cancel()

    async def _deliver(self, item: OutboxItem) -> None:
        refs: dict[str, dict[str, Any]] = {}
        try:
            for address in self._addresses(item.message):
                refs[address.platform] = await self._send(address, item.message)
        except DeliveryError as error:
            await self._record_failure(item, error)
            return
        async with self.ctx.uow() as uow:
            await uow.outbox.mark_sent(item.id, self.ctx.now(), refs)
            for platform, ref in refs.items():
                if "chat" in ref and "message_id" in ref:
                    person = item.message.target.person
                    sent = SentMessage(platform, str(ref["chat"]), str(ref["message_id"]), item.message.key,
                                       item.message.inquiry_id, person)
                    await uow.sent.record(sent, item.id, self.ctx.now())
            await uow.commit()

    def _addresses(self, message: Outbound) -> list[Address]:
        addresses = resolve(self.ctx.org, message.target, set(self.notifiers))
        if not addresses:
            raise DeliveryError("no_reachable_platform", permanent=True)
        return addresses

    async def _send(self, address: Address, message: Outbound) -> dict[str, Any]:
        person = self.ctx.org.person(address.person_id) if address.person_id else None
        locale = self.ctx.org.locale_of(person)
        notifier = self.notifiers[address.platform]
        try:
            text = self.renderer.render(message.key, message.data, locale=locale, platform=notifier.platform)
        except TemplateError as error:
            log.exception("cannot render %s", message.key)
            raise DeliveryError(f"render_failed: {error}", permanent=True) from error
        buttons = [
            {**b, "label": self.renderer.button_label(b["id"], locale)} for b in message.data.get("actions", [])
        ]
        return await notifier.send(address, Rendered(text, buttons, message.key, locale, message.data))

    async def _record_failure(self, item: OutboxItem, error: DeliveryError) -> None:
        now = self.ctx.now()
        async with self.ctx.uow() as uow:
            if error.permanent or item.attempts >= MAX_ATTEMPTS:
                log.warning("outbox %s failed for good: %s", item.id, error.reason)
                await uow.outbox.mark_failed(item.id, error.reason, now)
                for notice in self._admin_notices(item, error.reason):
                    await uow.outbox.add(notice, now)
            else:
                delay = error.retry_after if error.retry_after is not None else min(2.0**item.attempts, MAX_BACKOFF)
                log.info("outbox %s will retry in %.1fs: %s", item.id, delay, error.reason)
                await uow.outbox.mark_retry(item.id, error.reason, now + timedelta(seconds=delay))
            await uow.commit()

    def _admin_notices(self, item: OutboxItem, reason: str) -> list[Outbound]:
        """Tell each admin once per failed row; a failed report about a failure is only logged."""
        if item.message.key == "delivery.failed":
            return []
        admins = [p.id for p in self.ctx.org.people if p.has(Role.ADMIN) and p.active]
        data = {"key": item.message.key, "reason": reason, "target": item.message.target.as_json(),
                "inquiry_id": item.message.inquiry_id}
        return [Outbound("delivery.failed", Target.to_person(a), data) for a in admins]


__all__ = ["Dispatcher", "Rendered"]
