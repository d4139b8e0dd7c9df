"""Business time comes from the hub clock: sessions, locks, delegations and the audit log move with it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from aiohttp.test_utils import TestClient

from hub.context import Hub
from hub.models import AuditEntry
from hub.settings import Settings
from tests.conftest import World


async def test_an_idle_session_expires_when_the_clock_moves(world: World, settings: Settings) -> None:
    await world.user("idler")
    token = await world.login("idler")
    assert (await world.api("GET", "/api/v1/session/me", token))[0] == 200
    world.hub.clock.advance(timedelta(minutes=settings.session_idle_minutes - 1))
    assert (await world.api("GET", "/api/v1/session/me", token))[0] == 200  # activity keeps it alive
    world.hub.clock.advance(timedelta(minutes=settings.session_idle_minutes + 1))
    status, body = await world.api("GET", "/api/v1/session/me", token)
    assert status == 401 and body["error"]["code"] == "session_expired"


async def test_a_lock_runs_out_with_the_clock(world: World, client: TestClient[Any, Any], settings: Settings) -> None:
    await world.user("forgetful")
    for _ in range(settings.login_max_failures):
        await client.post("/api/v1/session/login", json={"username": "forgetful", "password": "wrong-password"})
    resp = await client.post("/api/v1/session/login", json={"username": "forgetful", "password": "Passw0rd!"})
    body = await resp.json()
    assert resp.status == 423 and body["error"]["retry_after_seconds"] > 60
    world.hub.clock.advance(timedelta(minutes=settings.login_lock_minutes, seconds=1))
    assert await world.login("forgetful")


async def test_a_delegation_becomes_active_at_its_start(world: World, hub: Hub) -> None:
    await world.user("principal")
    deputy = await world.user("deputy")
    token = await world.login("principal")
    start = hub.clock.now() + timedelta(hours=1)
    period = {"starts_at": start.isoformat(), "ends_at": (start + timedelta(days=1)).isoformat()}
    status, body = await world.api("POST", "/api/v1/delegations", token, json={"delegate_id": str(deputy.id), **period})
    assert status == 200 and [d["active"] for d in body["delegations"]] == [False]
    hub.clock.advance(timedelta(hours=2))
    token = await world.login("principal")  # the first session has gone idle meanwhile
    _, body = await world.api("GET", "/api/v1/delegations", token)
    assert [d["active"] for d in body["delegations"]] == [True]
    hub.clock.advance(timedelta(days=1))
    token = await world.login("principal")
    _, body = await world.api("GET", "/api/v1/delegations", token)
    assert body["delegations"] == []


async def test_audit_entries_are_stamped_with_the_hub_clock(world: World, hub: Hub) -> None:
    await world.user("stamped")
    hub.clock.advance(timedelta(days=30))
    before = hub.clock.now()
    await world.login("stamped")
    entry = await AuditEntry.find_one(AuditEntry.action == "session.login", sort=[("seq", -1)])
    assert entry is not None
    at = entry.at if entry.at.tzinfo else entry.at.replace(tzinfo=before.tzinfo)
    assert before <= at <= hub.clock.now()
