"""This process's name as a lease holder (outbox claims, the scheduler's lead): host and pid."""

from __future__ import annotations

import os
import socket


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"
