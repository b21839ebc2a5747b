"""The whole bot as `inquirybot serve` runs it, in-process: the lifespan starts the platforms and the
dispatcher (no scheduler), and an httpx client talks to the Starlette app."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import httpx

from bot.bootstrap import App, build
from bot.clock import FrozenClock
from bot.org.model import Org
from bot.settings import Settings
from bot.web import create_web_app


@contextlib.asynccontextmanager
async def served(settings: Settings, clock: FrozenClock, org: Org) -> AsyncIterator[tuple[App, httpx.AsyncClient]]:
    app = await build(settings, clock=clock, org=org)
    web = create_web_app(app, scheduler=False)
    try:
        async with web.router.lifespan_context(web):
            transport = httpx.ASGITransport(app=web)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
                yield app, http
    finally:
        await app.close()
