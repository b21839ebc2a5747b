"""Shared plumbing for the fake platform servers: an aiohttp app on 127.0.0.1:0 that records calls."""

from __future__ import annotations

import asyncio
import json
import time
from collections import defaultdict, deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qsl

from aiohttp import web
from multidict import CIMultiDict, CIMultiDictProxy

SHUTDOWN_TIMEOUT = 2.0


@dataclass(frozen=True)
class FilePart:
    """One uploaded file from a multipart body (or a raw upload body)."""

    field: str
    filename: str | None
    content_type: str
    data: bytes


@dataclass(frozen=True)
class Call:
    """One request the fake received: method name, merged query/body params, headers, monotonic time."""

    method: str
    params: dict[str, Any]
    headers: Mapping[str, str] = field(repr=False)
    at: float
    path: str = ""
    files: dict[str, FilePart] = field(default_factory=dict, repr=False)

    def json(self, name: str) -> Any:
        """A param that the client sent as a JSON-encoded string (form bodies), decoded; as-is otherwise."""
        value = self.params[name]
        return json.loads(value) if isinstance(value, str) else value


@dataclass(frozen=True)
class Scripted:
    """A canned response served once, in order, for one method."""

    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


async def parse_request(request: web.Request) -> tuple[dict[str, Any], dict[str, FilePart]]:
    """Merge query string and body (JSON, urlencoded form or multipart) into one params dict."""
    params: dict[str, Any] = dict(request.query)
    files: dict[str, FilePart] = {}
    ctype = request.content_type
    if ctype == "application/json":
        raw = await request.read()
        if raw:
            decoded = json.loads(raw)
            if isinstance(decoded, dict):
                params.update(decoded)
    elif ctype == "application/x-www-form-urlencoded":
        params.update(parse_qsl((await request.read()).decode(), keep_blank_values=True))
    elif ctype.startswith("multipart/"):
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, web.FileField):
                data = value.file.read()
                files[key] = FilePart(key, value.filename, value.content_type, data)
                params[key] = value.filename
            elif isinstance(value, str):
                params[key] = value
    return params, files


class FakeServer:
    """Base class: owns the aiohttp app and runner, the call log and the scripted-response queues."""

    def __init__(self) -> None:
        self.app = web.Application()
        self.calls: list[Call] = []
        self._scripted: dict[str, deque[Scripted]] = defaultdict(deque)
        self._runner: web.AppRunner | None = None
        self._port: int | None = None

    # lifecycle -----------------------------------------------------------------------------------

    async def start(self) -> Self:
        """Bind to 127.0.0.1 on a free port."""
        self._runner = web.AppRunner(self.app, shutdown_timeout=SHUTDOWN_TIMEOUT, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = int(self._runner.addresses[0][1])
        return self

    async def close(self) -> None:
        """Stop serving; bounded so that a stuck client can't hang the test."""
        await self._before_close()
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await asyncio.wait_for(runner.cleanup(), timeout=SHUTDOWN_TIMEOUT + 3)

    async def _before_close(self) -> None:
        """Hook for subclasses (close websockets, wake long polls)."""

    async def __aenter__(self) -> Self:
        return await self.start()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("fake server not started")
        return self._port

    @property
    def root_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # recording -----------------------------------------------------------------------------------

    def record(
        self, method: str, request: web.Request, params: dict[str, Any],
        files: dict[str, FilePart] | None = None,
    ) -> Call:
        headers = CIMultiDictProxy(CIMultiDict(request.headers))
        call = Call(method, params, headers, time.monotonic(), request.path, files or {})
        self.calls.append(call)
        return call

    def called(self, method: str) -> list[Call]:
        """All recorded calls of one method, oldest first."""
        return [c for c in self.calls if c.method == method]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:  # noqa: ASYNC109
        """Poll until at least `count` calls of `method` were recorded; AssertionError after `timeout` s."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.called(method)
            if len(found) >= count:
                return found
            if time.monotonic() >= deadline:
                seen = [c.method for c in self.calls]
                raise AssertionError(
                    f"expected {count} call(s) of {method!r} within {timeout}s, got {len(found)}; "
                    f"calls: {seen}"
                )
            await asyncio.sleep(0.01)

    # scripting -----------------------------------------------------------------------------------

    def respond_next(
        self, method: str, body: Any, status: int = 200, headers: Mapping[str, str] | None = None
    ) -> None:
        """Serve `body` (JSON) with `status` to the next call of `method`; queued, consumed once."""
        self._scripted[method].append(Scripted(status, body, dict(headers or {})))

    def pop_scripted(self, method: str) -> web.Response | None:
        queue = self._scripted.get(method)
        if not queue:
            return None
        s = queue.popleft()
        return web.json_response(s.body, status=s.status, headers=s.headers)

    @property
    def pending_scripts(self) -> dict[str, int]:
        """Scripted responses not consumed yet, per method (handy for a final assertion)."""
        return {m: len(q) for m, q in self._scripted.items() if q}
