"""Fixtures of the durable-time tests: a shared MongoDB-compatible server, and hub processes with a probe timer."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def shared_store_url(store_server_url: str) -> str:
    """The session's real server (SecantusDB, or HUB_TEST_MONGODB_URL); tests use their own databases."""
    return store_server_url


async def wait_until(check: Callable[[], Awaitable[bool]], within: float = 15.0, what: str = "condition") -> None:
    """Wait on a condition (re-read every 20 ms), failing after `within` seconds; never a fixed sleep."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not await check():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)
