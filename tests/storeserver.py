"""A SecantusDB server for tests, started on a free port in a temporary directory, as pytest-redis does for Redis."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hub.store.embedded import server_binary, url_for


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def secantus_server(directory: Path, timeout: float = 60.0) -> Iterator[str]:
    """Start `secantusd-py`, yield its URL once it accepts connections, stop it (SIGTERM) afterwards."""
    with secantus_process(directory, timeout) as (url, _):
        yield url


@contextmanager
def secantus_process(directory: Path, timeout: float = 60.0, core: str | None = None) -> Iterator[tuple[str, int]]:
    """secantus_server, yielding the server's pid too; `core` pins it there (the bench counts its CPU)."""
    port = free_port()
    log = (directory / "secantus.log").open("wb")
    argv = [server_binary(), "--host", "127.0.0.1", "--port", str(port), "--storage-path", str(directory / "data"),
            "--log-level", "WARNING"]
    if core is not None and shutil.which("taskset"):
        argv = ["taskset", "-c", core, *argv]  # taskset execs the server: the pid stays the server's
    proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"SecantusDB did not start; see {directory / 'secantus.log'}") from None
                time.sleep(0.05)
        yield url_for(port), proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
