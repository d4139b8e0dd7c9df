"""A SecantusDB server for the bench's `@server` scenarios, pinned beside the hub, with its pid for the CPU count."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

from hub.store.embedded import server_binary, url_for


@contextlib.contextmanager
def secantus(work: Path, core: str | None, name: str) -> Iterator[tuple[dict[str, str], int]]:
    """Start `secantusd-py` on the server core (as T9@server's, which the hub starts as its child, runs there), yield
    the hub's store settings and the server's pid, then stop it. One server per scenario, so each starts empty."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    data = work / f"secantus-{name}"
    data.mkdir(parents=True, exist_ok=True)
    argv = [server_binary(), "--host", "127.0.0.1", "--port", str(port), "--storage-path", str(data / "data"),
            "--log-level", "WARNING"]
    if core is not None and shutil.which("taskset"):
        argv = ["taskset", "-c", core, *argv]
    proc = subprocess.Popen(argv, stdout=(data / "secantus.log").open("wb"), stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"SecantusDB did not start; see {data / 'secantus.log'}") from None
                time.sleep(0.05)
        yield {"HUB_MONGODB_URL": url_for(port), "HUB_MONGODB_DB": f"bench_{name}"}, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
