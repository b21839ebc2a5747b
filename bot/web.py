"""`inquirybot serve`: one Starlette app for Slack events, the Telegram webhook, health and metrics."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from bot.bootstrap import App
from bot.health import Snapshot, snapshot
from bot.http_limits import MAX_BODY, BodyLimit
from bot.running import running
from storage.errors import explain

log = logging.getLogger(__name__)

DATABASE_TIMEOUT = 5.0


def create_web_app(app: App, *, scheduler: bool = True, lifespan: bool = True) -> Starlette:
    """Routes come from each platform runtime. With `lifespan` the app starts the dispatcher and the scheduler
    itself (tests); `inquirybot serve` starts them before it listens and passes lifespan=False."""

    @contextlib.asynccontextmanager
    async def run_alongside(_web: Starlette) -> AsyncIterator[None]:
        async with running(app, http=True, scheduler=scheduler):
            yield

    routes: list[BaseRoute] = [
        Route("/healthz", functools.partial(healthz, app), methods=["GET"]),
        Route("/metrics", functools.partial(metrics, app), methods=["GET"]),
    ]
    for runtime in app.runtimes:
        routes.extend(runtime.routes())
    return Starlette(routes=routes, lifespan=run_alongside if lifespan else None,
                     middleware=[Middleware(BodyLimit, limit=MAX_BODY)])


def _platforms(app: App) -> list[str]:
    return sorted(app.notifiers)


def _leads(app: App) -> bool:
    return app.scheduler is not None and app.scheduler.leading


async def read_database(app: App) -> tuple[Snapshot | None, str | None]:
    """The snapshot, or None and the reason the database did not answer."""
    try:
        return await asyncio.wait_for(snapshot(app.ctx, set(app.notifiers)), timeout=DATABASE_TIMEOUT), None
    except TimeoutError:
        return None, f"the database did not answer within {DATABASE_TIMEOUT:.0f} s"
    except Exception as error:  # any failure to read is "down" for a health check; the reason says which
        reason = explain(error, app.settings.database_url) or type(error).__name__
        log.warning("health check: database unavailable: %s", reason)
        return None, reason


async def healthz(app: App, _request: Request) -> JSONResponse:
    """200 with the backlog and the jobs when the database answers; 503 with the reason when it does not."""
    snap, reason = await read_database(app)
    body: dict[str, Any] = {"platforms": _platforms(app), "scheduler_leader": _leads(app)}
    if snap is None:
        return JSONResponse({"ok": False, "database": "down", "reason": reason, **body}, status_code=503)
    backlog = snap.backlog
    return JSONResponse({
        "ok": True, "database": "ok", **body,
        "outbox_pending": backlog.pending,
        "outbox": {"pending": backlog.pending, "failed": backlog.failed,
                   "pending_by_platform": backlog.pending_by_platform,
                   "failed_by_platform": backlog.failed_by_platform},
        "jobs_last_success": {job: at.isoformat() for job, at in sorted(snap.last_success.items())},
    })


async def metrics(app: App, _request: Request) -> Response:
    """Prometheus text; prometheus_client is imported here only, so no other command pays for it."""
    from bot.metrics_export import CONTENT_TYPE, render

    snap, _reason = await read_database(app)
    return Response(render(snap, _platforms(app), leader=_leads(app)), media_type=CONTENT_TYPE)
