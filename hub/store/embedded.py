"""The durable default store: a SecantusDB server started as a child process, with its data under a directory.

SecantusDB (PyPI `secantusdb`, GPL-2.0-only) is a MongoDB-compatible server on WiredTiger. We only ever run it as a
separate process and speak the MongoDB wire protocol to it; nothing of it is imported.

The data directory holds `secantus/` (the WiredTiger files), `secantus.log`, and `store.json` naming the running
server (pid and port). A hub reuses a live server named there (a second hub on the same directory, or the CLI),
and only the process that started the server stops it.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

STATE_FILE = "store.json"
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 20.0


class EmbeddedStoreError(RuntimeError):
    """The embedded server could not be found, started or reached."""


def server_binary() -> str:
    """`secantusd-py` from this interpreter's environment first (the venv), then PATH."""
    beside = Path(sys.executable).parent / "secantusd-py"
    if beside.exists():
        return str(beside)
    found = shutil.which("secantusd-py")
    if found is None:
        raise EmbeddedStoreError("secantusd-py not found: install the `secantusdb` package (make install)")
    return found


def url_for(port: int) -> str:
    # directConnection: the server advertises itself as a one-node replica set on the address we dialled.
    return f"mongodb://127.0.0.1:{port}/?directConnection=true"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _die_with_parent() -> None:
    """Runs in the child before exec: on Linux, a hub killed outright still takes its server down (SIGTERM,
    so WiredTiger closes cleanly) instead of leaving an orphan holding the data directory's lock."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


@dataclass
class RunningServer:
    """What store.json says about a live server."""

    pid: int
    port: int

    @property
    def url(self) -> str:
        return url_for(self.port)


def find_running(data_dir: Path) -> RunningServer | None:
    """The live server of this data directory, or None (a stale state file is ignored)."""
    try:
        state: dict[str, Any] = json.loads((data_dir / STATE_FILE).read_text())
        server = RunningServer(pid=int(state["pid"]), port=int(state["port"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not _alive(server.pid) or not _listening(server.port):
        return None
    return server


class EmbeddedServer:
    """Starts (or joins) the data directory's SecantusDB server, and stops it if this process started it."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir.resolve()
        self.proc: asyncio.subprocess.Process | None = None
        self.port: int | None = None

    @property
    def owned(self) -> bool:
        return self.proc is not None

    @property
    def url(self) -> str:
        if self.port is None:
            raise EmbeddedStoreError("embedded store not started")
        return url_for(self.port)

    async def start(self) -> str:
        running = find_running(self.data_dir)
        if running is not None:
            log.info("embedded store: joining the running server on port %d (pid %d)", running.port, running.pid)
            self.port = running.port
            return self.url
        storage = self.data_dir / "secantus"
        storage.mkdir(parents=True, exist_ok=True)
        self.port = _free_port()
        args = [server_binary(), "--host", "127.0.0.1", "--port", str(self.port), "--storage-path", str(storage),
                "--log-level", "WARNING"]
        with (self.data_dir / "secantus.log").open("ab") as logfile:
            # A session of its own: Ctrl-C reaches the hub, which closes its clients before stopping the server.
            self.proc = await asyncio.create_subprocess_exec(
                *args, stdout=logfile, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                preexec_fn=_die_with_parent, start_new_session=True)
        await self._wait_listening()
        state = self.data_dir / STATE_FILE
        tmp = state.with_suffix(".tmp")
        tmp.write_text(json.dumps({"pid": self.proc.pid, "port": self.port, "owner_pid": os.getpid()}))
        tmp.replace(state)
        log.info("embedded store: SecantusDB pid %d on port %d, data in %s", self.proc.pid, self.port, storage)
        return self.url

    async def _wait_listening(self) -> None:
        assert self.proc is not None and self.port is not None
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _listening(self.port):
            if self.proc.returncode is not None:
                raise EmbeddedStoreError(
                    f"SecantusDB exited with code {self.proc.returncode}; see {self.data_dir / 'secantus.log'}")
            if time.monotonic() > deadline:
                self.proc.kill()
                raise EmbeddedStoreError(f"SecantusDB did not start within {START_TIMEOUT_S:.0f} s")
            await asyncio.sleep(0.05)

    async def stop(self) -> None:
        """SIGTERM and wait, so WiredTiger checkpoints; only the server this process started."""
        proc, self.proc = self.proc, None
        if proc is None:
            return
        with contextlib.suppress(OSError):
            state = self.data_dir / STATE_FILE
            if json.loads(state.read_text()).get("pid") == proc.pid:
                state.unlink()
        if proc.returncode is None:
            proc.terminate()
            try:
                await asyncio.wait_for(proc.wait(), STOP_TIMEOUT_S)
            except TimeoutError:
                log.warning("embedded store: SecantusDB did not stop within %.0f s; killing it", STOP_TIMEOUT_S)
                proc.kill()
                await proc.wait()
        log.info("embedded store: SecantusDB stopped (exit %s)", proc.returncode)
