"""Health, the OpenAPI document, and JSON errors for unknown API routes."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient
from pytest_redis.executor import RedisExecutor

from hub.app import all_endpoints, create_app
from hub.views.base import HUB_KEY
from tests.conftest import World, make_settings


async def test_openapi_lists_every_endpoint(world: World) -> None:
    resp = await world.client.get("/api/v1/openapi.json")
    doc = await resp.json()
    assert resp.status == 200 and doc["openapi"].startswith("3.")
    for ep in all_endpoints():
        assert ep.method.lower() in doc["paths"][ep.path], ep.path
    send = doc["paths"]["/api/v1/channels/{channel_id}/messages"]["post"]
    ref = send["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert doc["components"]["schemas"][ref.rsplit("/", 1)[1]]["properties"]["content"]["type"] == "string"
    assert "MessageOut" in doc["components"]["schemas"]


async def test_unknown_api_route_is_a_json_not_found(world: World) -> None:
    resp = await world.client.get("/api/v1/nothing-here")
    assert resp.status == 404 and (await resp.json())["error"]["code"] == "not_found"
    resp = await world.client.get("/api/v1/channels")
    assert resp.status == 401 and (await resp.json())["error"]["code"] == "unauthenticated"


async def test_healthz_reports_store_and_no_redis(world: World) -> None:
    resp = await world.client.get("/healthz")
    assert resp.status == 200 and await resp.json() == {"status": "ok"}  # anonymous: the status only
    await world.user("xitong", roles=["sys_admin"])
    status, body = await world.api("GET", "/healthz", await world.login("xitong"))
    assert status == 200 and body["status"] == "ok" and body["store"]["ok"]
    assert body["redis"] == {"ok": True, "configured": False}
    await world.user("staffer")
    assert (await world.api("GET", "/healthz", await world.login("staffer")))[1] == {"status": "ok"}


async def test_healthz_with_real_and_with_unreachable_redis(aiohttp_client: Any, redis_proc: RedisExecutor) -> None:
    good = make_settings(redis_url=f"redis://{redis_proc.host}:{redis_proc.port}/0")
    client: TestClient[Any, Any] = await aiohttp_client(create_app(good, banner=False))
    assert await (await client.get("/healthz")).json() == {"status": "ok"}
    world = World(client, client.app[HUB_KEY])
    await world.user("xitong", roles=["sys_admin"])
    body = (await world.api("GET", "/healthz", await world.login("xitong")))[1]
    assert body["redis"] == {"ok": True, "configured": True}
    await client.close()
    bad = make_settings(redis_url="redis://127.0.0.1:1/0")
    app = create_app(bad, banner=False)
    app.cleanup_ctx.clear()  # nothing else must try to reach the dead Redis in this test

    async def store_only(app: Any) -> Any:
        from hub.store.db import open_store
        from hub.views.base import HUB_KEY

        app[HUB_KEY].store = await open_store(None, bad.mongodb_db, banner=False)
        yield

    app.cleanup_ctx.append(store_only)
    client = await aiohttp_client(app)
    resp = await client.get("/healthz")
    assert resp.status == 503 and await resp.json() == {"status": "degraded"}
    world = World(client, client.app[HUB_KEY])
    await world.user("xitong", roles=["sys_admin"])
    status, body = await world.api("GET", "/healthz", await world.login("xitong"))
    assert status == 503 and body["status"] == "degraded" and body["redis"]["ok"] is False
