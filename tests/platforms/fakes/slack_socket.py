"""The Socket Mode side of FakeSlack: the WebSocket at /link that apps.connections.open points to."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from typing import Any

from aiohttp import WSMsgType, web

from .server import FakeServer

APP_ID = "A1"


class SocketModeEndpoint:
    """Sends `hello` on connect, lets the test push envelopes and records what the client sends back."""

    def __init__(self, server: FakeServer) -> None:
        self._server = server
        self._open: list[web.WebSocketResponse] = []
        self._tickets = itertools.count(1)
        self.connections = 0
        self.acks: list[dict[str, Any]] = []

    def url(self) -> str:
        """A fresh ws:// URL, as apps.connections.open hands out (one ticket per call)."""
        ticket = f"fake-ticket-{next(self._tickets)}"
        return f"ws://127.0.0.1:{self._server.port}/link/?ticket={ticket}&app_id={APP_ID}"

    @property
    def connected(self) -> bool:
        return any(not ws.closed for ws in self._open)

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True, heartbeat=None)
        await ws.prepare(request)
        self._server.record("socket_connect", request, dict(request.query))
        self._open.append(ws)
        self.connections += 1
        hello = {
            "type": "hello", "num_connections": len(self._open),
            "debug_info": {"host": "fake-socket", "build_number": 1, "approximate_connection_time": 18060},
            "connection_info": {"app_id": APP_ID},
        }
        try:
            await ws.send_json(hello)
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                try:
                    data = json.loads(msg.data)
                except ValueError:
                    data = {"_raw": msg.data}
                if isinstance(data, dict):
                    self.acks.append(data)
                    self._server.record("socket_ack", request, data)
        finally:
            with contextlib.suppress(ValueError):
                self._open.remove(ws)
        return ws

    async def wait_connected(self, timeout: float = 5.0) -> web.WebSocketResponse:  # noqa: ASYNC109
        deadline = time.monotonic() + timeout
        while True:
            live = [ws for ws in self._open if not ws.closed]
            if live:
                return live[-1]
            if time.monotonic() >= deadline:
                raise AssertionError(f"no Socket Mode client connected within {timeout}s")
            await asyncio.sleep(0.01)

    async def send(self, envelope: dict[str, Any], timeout: float = 5.0) -> str:  # noqa: ASYNC109
        """Send one envelope (see signing.*_envelope builders) to the newest live connection."""
        ws = await self.wait_connected(timeout)
        await asyncio.wait_for(ws.send_json(envelope), timeout=timeout)
        return str(envelope.get("envelope_id", ""))

    async def wait_for_ack(self, envelope_id: str, timeout: float = 5.0) -> dict[str, Any]:  # noqa: ASYNC109
        """The client's ack for `envelope_id` (may carry a `payload` for slash commands/interactivity)."""
        deadline = time.monotonic() + timeout
        while True:
            for ack in self.acks:
                if ack.get("envelope_id") == envelope_id:
                    return ack
            if time.monotonic() >= deadline:
                raise AssertionError(f"no ack for {envelope_id!r} within {timeout}s; acks: {self.acks}")
            await asyncio.sleep(0.01)

    async def disconnect(self, reason: str = "refresh_requested") -> None:
        """Ask clients to reconnect, as Slack does periodically; the client drops the old socket itself."""
        for ws in list(self._open):
            with contextlib.suppress(ConnectionError, RuntimeError):
                await ws.send_json({"type": "disconnect", "reason": reason, "debug_info": {"host": "fake"}})

    async def close_all(self) -> None:
        """Drop every connection (a network loss; also done on shutdown)."""
        for ws in list(self._open):
            with contextlib.suppress(TimeoutError, ConnectionError, RuntimeError):
                await asyncio.wait_for(ws.close(), timeout=1.0)
        self._open.clear()
