"""uvicorn for `inquirybot serve`, minus its own signal handling (`until_stopped` owns SIGTERM and SIGINT)."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Generator

import uvicorn


class QuietServer(uvicorn.Server):
    """A uvicorn server told to stop by `should_exit`; a port it cannot bind is a flag, not SystemExit."""

    failed_to_start = False

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        yield

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        try:
            await super().startup(sockets)
        except SystemExit:
            self.failed_to_start = True
            self.should_exit = True


def make_server(app: object, *, host: str, port: int, log_level: str) -> QuietServer:
    """log_config=None: uvicorn's loggers go through ours (text or JSON). The app's lifespan is empty: `running`
    has started the platforms, the dispatcher and the scheduler before uvicorn listens. http="auto" is httptools
    when installed (a dependency), h11 otherwise; the loop is the one `serve` runs on (uvloop, see run_async)."""
    config = uvicorn.Config(app, host=host, port=port, log_level=log_level, log_config=None, lifespan="on",  # type: ignore[arg-type]
                            http="auto")
    return QuietServer(config)
