"""Fixtures: a hub per test on its own database name and Redis prefix, real clients against it."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import pytest
import socketio
from aiohttp.test_utils import TestClient
from pytest_redis import factories

from hub.app import create_app
from hub.context import Hub
from hub.models import Unit, User
from hub.settings import Settings
from hub.views.base import HUB_KEY
from tests.storeserver import secantus_server

redis_proc = factories.redis_proc(port=None, timeout=10)  # type: ignore[arg-type]  # None: a free port (documented)


def pytest_configure(config: pytest.Config) -> None:
    # A hub a test starts on the embedded default never touches the developer's .data/. Under pytest-xdist each
    # worker gets its own, since the controller's would otherwise be inherited by every worker.
    if "HUB_DATA_DIR" not in os.environ or os.environ.get("PYTEST_XDIST_WORKER"):
        os.environ["HUB_DATA_DIR"] = tempfile.mkdtemp(prefix="xt-test-data-")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # `make test` runs two pytest-xdist workers with --dist loadgroup: the browser tests share one demo hub and one
    # Chromium, so they stay together on one worker while the other takes the hub tests.
    for item in items:
        if "tests/browser/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.xdist_group("browser"))

PASSWORD = "Passw0rd!"
# Every test on the hub runs on each store: the in-process emulation, and a real server (SecantusDB started for
# the session, or the MongoDB named by HUB_TEST_MONGODB_URL). HUB_TEST_STORES=memory narrows a quick local run.
STORES = [s for s in os.environ.get("HUB_TEST_STORES", "memory,server").split(",") if s]


@pytest.fixture(scope="session")
def store_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A MongoDB-compatible server shared by the session; each test still gets its own database."""
    url = os.environ.get("HUB_TEST_MONGODB_URL")
    if url:
        yield url
        return
    with secantus_server(tmp_path_factory.mktemp("secantus")) as url:
        yield url


@pytest.fixture(params=STORES)
def store_kwargs(request: pytest.FixtureRequest) -> dict[str, Any]:
    """Settings that pick the store of this pass; fixtures that build their own settings take these."""
    if request.param == "server":
        return {"mongodb_url": request.getfixturevalue("store_server_url")}
    return {"mongodb_url": None, "store": "memory"}


def make_settings(**overrides: Any) -> Settings:
    """Cheap password hashing and unique names, so tests neither wait nor collide."""
    base: dict[str, Any] = {
        "mongodb_url": None,
        "store": "memory",
        "mongodb_db": f"hubtest_{uuid.uuid4().hex[:12]}",
        "redis_url": None,
        "redis_prefix": f"t{uuid.uuid4().hex[:8]}:",
        "argon2_time_cost": 1,
        "argon2_memory_kib": 8192,
        "audit_anchor_dir": os.path.join(tempfile.gettempdir(), "xietong-test-anchors"),
        # No periodic sweep racing a test's own sweeps; tests of the sweep turn it on (test_workflow_cards.py).
        "outbox_sweep_seconds": 0,
        "daily_digest": False,
    }
    base.update(overrides)
    return Settings(**base)


async def _drop_database(settings: Settings) -> None:
    if settings.mongodb_url:
        from pymongo import AsyncMongoClient

        client: AsyncMongoClient[Any] = AsyncMongoClient(settings.mongodb_url)
        await client.drop_database(settings.mongodb_db)
        await client.close()


@pytest.fixture
def settings(store_kwargs: dict[str, Any]) -> Settings:
    return make_settings(**store_kwargs)


@pytest.fixture
async def client(aiohttp_client: Any, settings: Settings) -> AsyncIterator[TestClient[Any, Any]]:
    app = create_app(settings, banner=False)
    c = await aiohttp_client(app)
    yield c
    await _drop_database(settings)


@pytest.fixture
def hub(client: TestClient[Any, Any]) -> Hub:
    hub: Hub = client.app[HUB_KEY]
    return hub


class World:
    """Builds people and units through the real actions, and logs them in through the API."""

    def __init__(self, client: TestClient[Any, Any], hub: Hub) -> None:
        self.client = client
        self.hub = hub
        self.sockets: list[socketio.AsyncClient] = []

    async def unit(self, code: str, name: str | None = None, kind: str = "department") -> Unit:
        from hub.actions.org import do_create_unit

        return await do_create_unit(self.hub, code, name or code, name or code, kind, None)

    async def user(self, username: str, name: str | None = None, *, units: list[Unit] | None = None,
                   roles: list[str] | None = None) -> User:
        from hub.actions.org import do_add_membership, do_create_user

        user = await do_create_user(self.hub, username, name or username, PASSWORD, roles or ["staff"])
        for unit in units or []:
            await do_add_membership(self.hub, user, unit, "科员岗", "科员")
        return user

    async def login(self, username: str, password: str = PASSWORD) -> str:
        resp = await self.client.post("/api/v1/session/login", json={"username": username, "password": password})
        assert resp.status == 200, await resp.text()
        return str((await resp.json())["token"])

    def auth(self, token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}

    async def api(self, method: str, path: str, token: str, **kwargs: Any) -> tuple[int, Any]:
        resp = await self.client.request(method, path, headers=self.auth(token), **kwargs)
        body = await resp.json() if resp.content_type == "application/json" else None
        return resp.status, body

    async def socket(self, token: str, url: str | None = None) -> Recorder:
        recorder = Recorder()
        await recorder.connect(url or str(self.client.make_url("/")), token)
        self.sockets.append(recorder.sio)
        return recorder

    async def close(self) -> None:
        for s in self.sockets:
            if s.connected:
                await s.disconnect()


class Recorder:
    """A real socket.io client that records every event it receives."""

    def __init__(self) -> None:
        self.sio = socketio.AsyncClient(reconnection=False)
        self.events: list[tuple[str, Any]] = []

        async def any_event(event: str, data: Any) -> None:
            self.events.append((event, data))

        self.sio.on("*", any_event)

    async def connect(self, url: str, token: str) -> None:
        await self.sio.connect(url, auth={"token": token}, transports=["websocket"], wait_timeout=5)

    async def call(self, event: str, data: Any, within: float = 5) -> Any:
        return await self.sio.call(event, data, timeout=within)

    def of(self, name: str) -> list[Any]:
        return [d for e, d in self.events if e == name]

    async def wait_until(self, condition: Callable[[Recorder], bool], within: float = 5.0) -> None:
        import asyncio

        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while not condition(self):
            if loop.time() > deadline:
                raise AssertionError(f"condition not met within {within} s: {self.events!r}")
            await asyncio.sleep(0.02)

    async def wait_for(self, name: str, count: int = 1, within: float = 5.0,
                       where: Callable[[Any], bool] | None = None) -> list[Any]:
        import asyncio

        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while True:
            found = [d for d in self.of(name) if where is None or where(d)]
            if len(found) >= count:
                return found
            if loop.time() > deadline:
                raise AssertionError(f"expected {count} {name!r} events, got {len(found)}: {self.events!r}")
            await asyncio.sleep(0.02)


@pytest.fixture
async def world(client: TestClient[Any, Any], hub: Hub) -> AsyncIterator[World]:
    w = World(client, hub)
    yield w
    await w.close()


Factory = Callable[..., Awaitable[Any]]
