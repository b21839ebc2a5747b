"""Deliver the outbox: lease rows by destination, pick each reader's platform, render, send, record the result."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
import secrets
import socket
from collections.abc import Awaitable, Callable, Mapping
from datetime import timedelta
from typing import Any, TypeVar

from jinja2 import TemplateError
from sqlalchemy.exc import SQLAlchemyError

from bot import metrics
from bot.context import Context
from bot.notifiers.addressing import resolve
from bot.notifiers.base import Address, DeliveryError, Notifier, Rendered, SentLookup
from bot.notifiers.render import Renderer
from bot.org.model import Role
from bot.outbound import Outbound, Target
from storage.repositories.chat_state import SentMessage
from storage.repositories.outbox import LEASE, PACE, OutboxItem
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
MAX_BACKOFF = 300.0
LANE_BATCH = 5  # rows a lane takes at a time: enough to keep its pace, few enough to hand over on a crash
ROUND_LIMIT = 500  # rows claimed in one round across all lanes
ROUND_GAP = 0.1  # seconds between claim rounds at least: what a burst of commits queues goes out in one round
RENEW_EVERY = LEASE.total_seconds() / 5
STORE_RETRY_FIRST, STORE_RETRY_MAX, STORE_RETRY_FOR = 0.2, 5.0, 600.0  # a write waits out a database outage

DRAIN_WAIT = 30.0  # at most this long for the running lanes, per drain round

T = TypeVar("T")


def by_lane(items: list[OutboxItem]) -> list[list[OutboxItem]]:
    """Rows grouped by destination, each group in outbox order."""
    lanes: dict[str, list[OutboxItem]] = {}
    for item in items:
        lanes.setdefault(item.lane or json.dumps(item.message.target.as_json(), sort_keys=True), []).append(item)
    return list(lanes.values())


class Dispatcher:
    """Sends the outbox in lanes: each destination goes at its own pace, in order, and never waits for another.
    Rows are leased on the database's clock and renewed while this worker lives; each is marked attempted
    (committed) before its send, so a crash leaves a trace the next worker checks on the platform."""

    def __init__(
        self, ctx: Context, renderer: Renderer, notifiers: Mapping[str, Notifier], wakeup: asyncio.Event | None = None
    ) -> None:
        self.ctx = ctx
        self.renderer = renderer
        self.notifiers = dict(notifiers)
        # a restarted process with a reused pid is a new worker; the name fits the 64-character column
        self.worker = f"{socket.gethostname()[:40]}:{os.getpid()}:{secrets.token_hex(3)}"
        self.wakeup = wakeup or asyncio.Event()
        self.quitting = False
        self._lanes: set[asyncio.Task[None]] = set()
        # Rows this process's lanes hold, from their claim until they are settled. After an outage longer than a
        # lease this worker's own rows come due again; claiming one a lane of its own is still sending (its
        # "sent" mark waiting for the database) would send it twice.
        self._held: set[int] = set()

    def _fresh(self, items: list[OutboxItem]) -> list[OutboxItem]:
        """The claimed rows no lane of this process holds yet, now held."""
        fresh = [item for item in items if item.id not in self._held]
        self._held.update(item.id for item in fresh)
        return fresh

    async def run_once(self, limit: int = 100) -> int:
        """Deliver what is due now; returns how many rows were handled (sent, retried or failed)."""
        items = self._fresh(await self._once(lambda uow: uow.outbox.claim(self.worker, self.ctx.now(), limit)))
        await asyncio.gather(*(self._deliver_in_order(lane) for lane in by_lane(items)))
        return len(items)

    async def drain(self, rounds: int = 20) -> None:
        """Deliver until nothing is due (used by the shell, `jobs run` and tests), including what this process's
        running lanes are sending at the time."""
        for _ in range(rounds):
            if await self.run_once() == 0:
                if not self._lanes:
                    return
                await asyncio.wait(list(self._lanes), timeout=DRAIN_WAIT)

    async def run_forever(self, stop: asyncio.Event, interval: float = 1.0) -> None:
        """Claim free lanes as they come due and let each run on its own; a lane that empties asks for more."""
        keeper = asyncio.create_task(self._keep_leases(stop), name="outbox-leases")
        try:
            while not stop.is_set():
                self.wakeup.clear()  # before the round, so a commit during it is not missed
                try:
                    claimed = await self._claim_round()
                except (SQLAlchemyError, OSError, TimeoutError) as error:
                    log.warning("outbox round failed (%s); retrying", type(error).__name__)
                    claimed = 0
                except Exception:
                    log.exception("outbox round failed; retrying")
                    claimed = 0
                if claimed < ROUND_LIMIT:
                    await _first_of(stop, self.wakeup, timeout=interval)
                    # In a burst every intake's commit wakes the dispatcher: one round per gap claims for all of
                    # them, where a round per commit cost the acks a transaction each (bench.acks).
                    await _first_of(stop, timeout=ROUND_GAP)
        finally:
            self.quitting = True
            keeper.cancel()
            await _settle(self._lanes, keeper)

    async def _claim_round(self) -> int:
        items = self._fresh(await self._once(lambda uow: uow.outbox.claim(
            self.worker, self.ctx.now(), ROUND_LIMIT, per_lane=LANE_BATCH, paced=True)))
        for lane in by_lane(items):
            task = asyncio.create_task(self._deliver_in_order(lane, more=LANE_BATCH))
            self._lanes.add(task)
            task.add_done_callback(self._lane_done)
        return len(items)

    def _lane_done(self, task: asyncio.Task[None]) -> None:
        self._lanes.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("an outbox lane stopped", exc_info=task.exception())
        self.wakeup.set()  # its destination is free again: claim what else is waiting for it

    async def _keep_leases(self, stop: asyncio.Event) -> None:
        """Renew this worker's leases every few seconds, for as long as it runs; a failure is tried again."""
        while not stop.is_set():
            await _first_of(stop, timeout=RENEW_EVERY)
            try:
                await self._once(lambda uow: uow.outbox.renew(self.worker))
            except Exception as error:
                log.warning("could not renew outbox leases (%s); trying again in %.0fs", error, RENEW_EVERY)

    async def _deliver_in_order(self, queue: list[OutboxItem], more: int = 0) -> None:
        """One destination's messages go out in order; different destinations do not wait for each other.
        With `more`, the lane takes its destination's next rows before its last one goes, and once more a pace
        after it, so it keeps the destination (and its pace) for as long as there is work."""
        n = 0
        try:
            while n < len(queue):
                item = queue[n]
                if self.quitting:  # stopping: hand back what was not tried, so another worker need not wait
                    await self._release([i.id for i in queue[n:]])
                    return
                if more and n == len(queue) - 1:
                    queue.extend(await self._more(item.lane, more))
                if await self._stored(self._attempt(item.id)):
                    await self._deliver(item)
                # else another worker took it over while this one was cut off: theirs to send
                self._held.discard(item.id)
                n += 1
                if more and n == len(queue) and not self.quitting:
                    await asyncio.sleep(PACE.total_seconds() * 0.8)  # the destination is still ours for its pace
                    queue.extend(await self._more(item.lane, more))
        finally:
            self._held.difference_update(i.id for i in queue[n:])

    async def _more(self, lane: str, limit: int) -> list[OutboxItem]:
        if not lane:
            return []
        try:
            return self._fresh(await self._once(self._claim_more(lane, limit)))
        except (SQLAlchemyError, OSError, TimeoutError):
            return []  # the lane falls free; a later round claims what is left

    def _claim_more(self, lane: str, limit: int) -> Callable[[UnitOfWork], Awaitable[list[OutboxItem]]]:
        async def claim_more(uow: UnitOfWork) -> list[OutboxItem]:
            return await uow.outbox.claim_more(self.worker, lane, self.ctx.now(), limit)

        return claim_more

    def _attempt(self, item_id: int) -> Callable[[UnitOfWork], Awaitable[bool]]:
        async def attempt(uow: UnitOfWork) -> bool:
            return await uow.outbox.attempt(item_id, self.worker)

        return attempt

    async def _release(self, item_ids: list[int]) -> None:
        async def release(uow: UnitOfWork) -> None:
            await uow.outbox.release(item_ids, self.worker)

        try:
            await self._once(release)
        except (SQLAlchemyError, OSError, TimeoutError):
            log.warning("could not hand back %d outbox rows; they are taken over when the lease ends", len(item_ids))

    async def _once(self, write: Callable[[UnitOfWork], Awaitable[T]]) -> T:
        async with self.ctx.uow() as uow:
            result = await write(uow)
            await uow.commit()
        return result

    async def _stored(self, write: Callable[[UnitOfWork], Awaitable[T]]) -> T:
        """Run and commit `write`, waiting out a database outage (bounded) rather than losing what was done."""
        delay, waited = STORE_RETRY_FIRST, 0.0
        while True:
            try:
                return await self._once(write)
            except (SQLAlchemyError, OSError, TimeoutError) as error:
                if self.quitting or waited >= STORE_RETRY_FOR:
                    raise
                log.warning("outbox write failed (%s); trying again in %.1fs", type(error).__name__, delay)
            await asyncio.sleep(delay)
            waited += delay
            delay = min(delay * 2, STORE_RETRY_MAX)

    async def _deliver(self, item: OutboxItem) -> None:
        """Send to every platform of the target; a platform already done on an earlier attempt is skipped."""
        refs: dict[str, dict[str, Any]] = dict(item.delivered)
        platform = "none"
        try:
            for address in self._addresses(item.message):
                platform = address.platform
                if address.platform not in refs:
                    refs[address.platform] = await self._send_once(address, item)
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
        await self._stored(lambda uow: self._mark_sent(uow, item, refs))
        waited = (self.ctx.now() - item.created_at).total_seconds()
        for name in refs.keys() - item.delivered.keys():
            metrics.outbox_sent(name, waited)

    async def _mark_sent(self, uow: UnitOfWork, item: OutboxItem, refs: dict[str, dict[str, Any]]) -> None:
        await uow.outbox.mark_sent(item.id, self.ctx.now(), refs)
        await self._record_sent(uow, item, refs)

    async def _send_once(self, address: Address, item: OutboxItem) -> dict[str, Any]:
        """Send, unless an earlier attempt that may have sent it left the post on a platform that can say so."""
        notifier = self.notifiers[address.platform]
        if item.attempted and isinstance(notifier, SentLookup):
            found = await notifier.find_sent(address, item.id)
            if found is not None:
                log.info("outbox %s was already posted on %s; not sending it again", item.id, address.platform)
                return found
        return await self._send(address, item.message, item.id)

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

    async def _send(self, address: Address, message: Outbound, outbox_id: int | None = None) -> dict[str, Any]:
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
        return await notifier.send(address, Rendered(text, buttons, message.key, locale, message.data, outbox_id))

    async def _record_failure(self, item: OutboxItem, error: DeliveryError, refs: dict[str, dict[str, Any]]) -> None:
        await self._stored(lambda uow: self._failure(uow, item, error, refs))

    async def _failure(
        self, uow: UnitOfWork, item: OutboxItem, error: DeliveryError, refs: dict[str, dict[str, Any]]
    ) -> None:
        now = self.ctx.now()
        await self._record_sent(uow, item, refs)  # the platforms that did deliver
        if error.permanent or item.attempts >= MAX_ATTEMPTS:
            log.warning("outbox %s failed for good: %s", item.id, error.reason)
            await uow.outbox.mark_failed(item.id, error.reason, now, refs)
            await self._report(uow, item, error.reason)
        else:
            delay = error.retry_after if error.retry_after is not None else min(2.0**item.attempts, MAX_BACKOFF)
            log.info("outbox %s will retry in %.1fs: %s", item.id, delay, error.reason)
            await uow.outbox.mark_retry(item.id, error.reason, now + timedelta(seconds=delay), refs)

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


async def _first_of(*events: asyncio.Event, timeout: float) -> None:  # noqa: ASYNC109
    """Return when any event is set or after `timeout` seconds."""
    waiters = [asyncio.ensure_future(e.wait()) for e in events]
    try:
        await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()


async def _settle(lanes: set[asyncio.Task[None]], keeper: asyncio.Task[None]) -> None:
    """Let the lanes finish the row each is on (they stop before the next); the caller bounds the wait."""
    with contextlib.suppress(asyncio.CancelledError):
        await keeper
    if lanes:
        await asyncio.gather(*list(lanes), return_exceptions=True)
