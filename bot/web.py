"""`inquirybot serve`: one Starlette app for Slack events, the Telegram webhook and a health check."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from bot.bootstrap import App
from bot.running import running


def create_web_app(app: App, *, scheduler: bool = True) -> Starlette:
    """Routes come from each platform runtime; the lifespan runs the dispatcher and the scheduler."""

    async def healthz(_request: Request) -> JSONResponse:
        async with app.ctx.uow() as uow:
            pending = await uow.outbox.pending_count()
        return JSONResponse({"ok": True, "platforms": [r.name for r in app.runtimes], "outbox_pending": pending})

    @contextlib.asynccontextmanager
    async def lifespan(_web: Starlette) -> AsyncIterator[None]:
        async with running(app, http=True, scheduler=scheduler):
            yield

    routes: list[BaseRoute] = [Route("/healthz", healthz, methods=["GET"])]
    for runtime in app.runtimes:
        routes.extend(runtime.routes())
    return Starlette(routes=routes, lifespan=lifespan)
