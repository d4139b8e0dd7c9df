"""An in-process hub for bench scripts that time actions directly: the emulation, or a SecantusDB of its own."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from aiohttp.test_utils import TestClient, TestServer

from hub.app import create_app
from hub.context import Hub
from hub.views.base import HUB_KEY
from tests.conftest import make_settings
from tests.storeserver import secantus_server


@contextlib.asynccontextmanager
async def inproc_hub(store: str) -> AsyncIterator[tuple[TestClient[Any, Any], Hub]]:
    """A hub served on a free port in this process, with its test client; `store` is `memory` or `server`."""
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        url = stack.enter_context(secantus_server(Path(tmp))) if store == "server" else None
        app = create_app(make_settings(mongodb_url=url), banner=False)
        client: TestClient[Any, Any] = TestClient(TestServer(app))
        await client.start_server()
        try:
            yield client, app[HUB_KEY]
        finally:
            await client.close()
