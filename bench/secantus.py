"""A SecantusDB server for the bench's `@server` scenarios, pinned beside the hub, with its pid for the CPU count."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from tests.storeserver import secantus_process


@contextlib.contextmanager
def secantus(work: Path, core: str | None, name: str) -> Iterator[tuple[dict[str, str], int]]:
    """A server of the scenario's own, so each starts empty, on the server core (where T9@server's runs, as the hub's
    child): yields the hub's store settings and the server's pid, then stops it."""
    data = work / f"secantus-{name}"
    data.mkdir(parents=True, exist_ok=True)
    with secantus_process(data, core=core) as (url, pid):
        yield {"HUB_MONGODB_URL": url, "HUB_MONGODB_DB": f"bench_{name}"}, pid
