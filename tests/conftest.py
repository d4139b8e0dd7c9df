"""Fixtures: a hub per test on its own database name and Redis prefix, real clients against it."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
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

redis_proc = factories.redis_proc(port=None, timeout=10)
PASSWORD = "Passw0rd!"


def make_settings(**overrides: Any) -> Settings:
    """Cheap password hashing and unique names, so tests neither wait nor collide."""
    base: dict[str, Any] = {
        "mongodb_url": os.environ.get("HUB_TEST_MONGODB_URL") or None,
        "mongodb_db": f"hubtest_{uuid.uuid4().hex[:12]}",
        "redis_url": None,
        "redis_prefix": f"t{uuid.uuid4().hex[:8]}:",
        "argon2_time_cost": 1,
        "argon2_memory_kib": 8192,
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
def settings() -> Settings:
    return make_settings()


@pytest.fixture
async def client(aiohttp_client: Any, settings: Settings) -> AsyncIterator[TestClient[Any, Any]]:
    app = create_app(settings, banner=False)
    c = await aiohttp_client(app)
    yield c
    await _drop_database(settings)


@pytest.fixture
def hub(client: TestClient[Any, Any]) -> Hub:
    return client.app[HUB_KEY]


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

        @self.sio.on("*")
        async def any_event(event: str, data: Any) -> None:
            self.events.append((event, data))

    async def connect(self, url: str, token: str) -> None:
        await self.sio.connect(url, auth={"token": token}, transports=["websocket"], wait_timeout=5)

    async def call(self, event: str, data: Any) -> Any:
        return await self.sio.call(event, data, timeout=5)

    def of(self, name: str) -> list[Any]:
        return [d for e, d in self.events if e == name]

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
