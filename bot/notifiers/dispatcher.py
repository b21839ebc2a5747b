"""Deliver the outbox: claim rows atomically, pick each reader's platform, render, send, record the result."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from jinja2 import TemplateError

from bot import metrics
from bot.context import Context
from bot.notifiers.addressing import resolve
from bot.notifiers.base import Address, DeliveryError, Notifier, Rendered
from bot.notifiers.render import Renderer
from bot.org.model import Role
from bot.outbound import Outbound, Target
from bot.worker import worker_name
from storage.repositories.chat_state import SentMessage
from storage.repositories.outbox import OutboxItem
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
MAX_BACKOFF = 300.0


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
        for n, item in enumerate(queue):
            if n:  # pacing may keep the rest waiting: renew their claim so no other worker takes them as stale
                async with self.ctx.uow() as uow:
                    ours = await uow.outbox.renew([i.id for i in queue[n:]], self.worker, self.ctx.now())
                    await uow.commit()
                if item.id not in ours:  # taken over by another worker while this one stalled: theirs to send
                    continue
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
        """Send to every platform of the target; a platform already done on an earlier attempt is skipped."""
        refs: dict[str, dict[str, Any]] = dict(item.delivered)
        platform = "none"
        try:
            for address in self._addresses(item.message):
                platform = address.platform
                if address.platform not in refs:
                    refs[address.platform] = await self._send(address, item.message)
        except DeliveryError as error:
            await self._record_failure(item, error, refs)
            metrics.outbox_failed(platform, permanent=error.permanent or item.attempts >= MAX_ATTEMPTS)
            return
        except Exception as error:  # unexpected: retried with backoff like a transient failure, never dropped
            log.exception("outbox %s could not be delivered", item.id)
            failure = DeliveryError(f"internal_error: {type(error).__name__}", permanent=False)
            await self._record_failure(item, failure, refs)
            metrics.outbox_failed(platform, permanent=item.attempts >= MAX_ATTEMPTS)
            return
        async with self.ctx.uow() as uow:
            await uow.outbox.mark_sent(item.id, self.ctx.now(), refs)
            await self._record_sent(uow, item, refs)
            await uow.commit()
        waited = (self.ctx.now() - item.created_at).total_seconds()
        for name in refs.keys() - item.delivered.keys():
            metrics.outbox_sent(name, waited)

    async def _record_sent(self, uow: UnitOfWork, item: OutboxItem, refs: dict[str, dict[str, Any]]) -> None:
        """Remember each posted message, so a reply or a button press on it finds its inquiry."""
        for platform, ref in refs.items():
            if "chat" in ref and "message_id" in ref:
                sent = SentMessage(platform, str(ref["chat"]), str(ref["message_id"]), item.message.key,
                                   item.message.inquiry_id, item.message.target.person)
                await uow.sent.record(sent, item.id, self.ctx.now())

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

    async def _record_failure(self, item: OutboxItem, error: DeliveryError, refs: dict[str, dict[str, Any]]) -> None:
        now = self.ctx.now()
        async with self.ctx.uow() as uow:
            await self._record_sent(uow, item, refs)  # the platforms that did deliver
            if error.permanent or item.attempts >= MAX_ATTEMPTS:
                log.warning("outbox %s failed for good: %s", item.id, error.reason)
                await uow.outbox.mark_failed(item.id, error.reason, now, refs)
                await self._report(uow, item, error.reason)
            else:
                delay = error.retry_after if error.retry_after is not None else min(2.0**item.attempts, MAX_BACKOFF)
                log.info("outbox %s will retry in %.1fs: %s", item.id, delay, error.reason)
                await uow.outbox.mark_retry(item.id, error.reason, now + timedelta(seconds=delay), refs)
            await uow.commit()

    async def _report(self, uow: UnitOfWork, item: OutboxItem, reason: str) -> None:
        """Tell the admins once a day per destination and reason (not at every count post); a destination that
        breaks again after a fix is reported again. Never a report about a report."""
        if item.message.key == "delivery.failed":
            return
        target = item.message.target.as_json()
        day = self.ctx.local(self.ctx.now()).date().isoformat()
        digest = hashlib.sha1(json.dumps([target, reason, day], sort_keys=True).encode()).hexdigest()[:40]
        if await uow.audit.exists("delivery_failed", digest):
            return
        await uow.audit.record(self.ctx.now(), "bot", "delivery_failed", digest, "reported", destination=target,
                               reason=reason, key=item.message.key)
        data = {"key": item.message.key, "reason": reason, "target": target, "inquiry_id": item.message.inquiry_id}
        for admin in (p.id for p in self.ctx.org.people if p.has(Role.ADMIN) and p.active):
            await uow.outbox.add(Outbound("delivery.failed", Target.to_person(admin), data), self.ctx.now())


__all__ = ["Dispatcher", "Rendered"]
