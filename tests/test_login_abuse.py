"""Login abuse: attempts claimed before verifying, limits per source and per address, a delay instead of an
account lock, and answers that do not tell whether a name exists."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from datetime import timedelta
from typing import Any

import pytest
from argon2 import PasswordHasher

from hub.context import Hub
from hub.lib.netaddr import client_ip, forwarded_https
from hub.settings import Settings
from tests.conftest import PASSWORD, World, make_settings


@pytest.fixture
def settings(store_kwargs: dict[str, Any]) -> Settings:
    # The test client connects from 127.0.0.1: naming it a proxy lets X-Forwarded-For play other sources.
    return make_settings(trusted_proxies="127.0.0.1", login_ip_max_failures=8, login_delay_base_seconds=2.0,
                         login_delay_max_seconds=4.0, **store_kwargs)


def count_verifications(hub: Hub) -> Counter[str]:
    """How many argon2 verifications ran, per stored hash."""
    seen: Counter[str] = Counter()
    params = hub.hasher

    class Counting(PasswordHasher):
        def verify(self, hash: str | bytes, password: str | bytes) -> Any:
            seen[str(hash)] += 1
            return super().verify(hash, password)

    hub.hasher = Counting(time_cost=params.time_cost, memory_cost=params.memory_cost,
                          parallelism=params.parallelism, type=params.type)
    return seen


async def login(world: World, username: str, password: str, ip: str = "10.0.0.1") -> tuple[int, dict[str, Any]]:
    resp = await world.client.post("/api/v1/session/login", json={"username": username, "password": password},
                                   headers={"X-Forwarded-For": ip})
    return resp.status, await resp.json()


async def test_a_parallel_burst_gets_no_more_guesses_than_the_limit(world: World) -> None:
    user = await world.user("mayor")
    seen = count_verifications(world.hub)
    results = await asyncio.gather(*[login(world, "mayor", f"wrong-{i}") for i in range(100)],
                                   login(world, "mayor", PASSWORD))
    assert seen[user.password_hash] <= world.hub.settings.login_max_failures
    assert sum(1 for status, _ in results if status == 200) <= 1
    assert {body["error"]["code"] for status, body in results if status != 200} <= {"bad_credentials",
                                                                                     "account_locked"}
    # Locked from this source: the right password cannot slip through afterwards.
    before = seen[user.password_hash]
    status, body = await login(world, "mayor", PASSWORD)
    assert status == 423 and body["error"]["code"] == "account_locked"
    assert seen[user.password_hash] == before


async def test_wrong_burst_then_the_right_password_is_refused_from_that_source(world: World) -> None:
    user = await world.user("auditor", roles=["audit_admin"])
    seen = count_verifications(world.hub)
    results = await asyncio.gather(*[login(world, "auditor", f"bad{i}") for i in range(100)])
    assert seen[user.password_hash] <= 5
    assert Counter(s for s, _ in results)[401] <= 5
    status, _ = await login(world, "auditor", PASSWORD)
    assert status == 423


async def test_nobody_can_lock_the_mayor_out_from_elsewhere(world: World) -> None:
    await world.user("mayor")
    for _ in range(5):
        await login(world, "mayor", "guess", ip="10.6.6.6")
    assert (await login(world, "mayor", PASSWORD, ip="10.6.6.6"))[0] == 423
    # From the mayor's own desk the right password works, after a short delay that grows with failures.
    started = time.monotonic()
    status, body = await login(world, "mayor", PASSWORD, ip="10.1.1.1")
    assert status == 200 and body["user"]["username"] == "mayor"
    assert time.monotonic() - started >= 2.0
    # The success clears the account-wide delay; the attacker's source stays locked.
    started = time.monotonic()
    assert (await login(world, "mayor", PASSWORD, ip="10.1.1.2"))[0] == 200
    assert time.monotonic() - started < 2.0
    assert (await login(world, "mayor", PASSWORD, ip="10.6.6.6"))[0] == 423
    # 等保: the source's lock ends after login_lock_minutes.
    world.hub.clock.advance(timedelta(minutes=15, seconds=1))
    assert (await login(world, "mayor", PASSWORD, ip="10.6.6.6"))[0] == 200


async def test_one_source_guessing_many_names_is_locked(world: World) -> None:
    await world.user("clerk")
    for i in range(8):
        await login(world, f"name{i}", "guess", ip="10.9.9.9")
    status, body = await login(world, "clerk", PASSWORD, ip="10.9.9.9")
    assert status == 423 and body["error"]["code"] == "account_locked"
    assert (await login(world, "clerk", PASSWORD, ip="10.9.9.8"))[0] == 200


async def test_unknown_locked_and_wrong_answer_alike_with_one_verification_each(world: World) -> None:
    await world.user("realname")
    seen = count_verifications(world.hub)
    answers: dict[str, list[tuple[int, list[str], str, int | None]]] = {}
    for name, ip in (("realname", "10.2.0.1"), ("ghostname", "10.2.0.2")):
        answers[name] = []
        for _ in range(7):
            before = sum(seen.values())
            status, body = await login(world, name, "wrong-password", ip=ip)
            assert sum(seen.values()) == before + 1  # one argon2 run, locked or not, known or not
            err = body["error"]
            answers[name].append((status, sorted(err), err["code"], err.get("remaining_attempts")))
    # Identical, remaining attempts included: the counters are kept by the name typed, real or not.
    assert answers["realname"] == answers["ghostname"]
    assert [a[2] for a in answers["realname"]] == ["bad_credentials"] * 4 + ["account_locked"] * 3
    assert [a[3] for a in answers["realname"]] == [4, 3, 2, 1, None, None, None]


async def test_forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy(aiohttp_client: Any) -> None:
    from hub.app import create_app

    app = create_app(make_settings(), banner=False)
    client = await aiohttp_client(app)
    world = World(client, app[__import__("hub.views.base", fromlist=["HUB_KEY"]).HUB_KEY])
    await world.user("deputy")
    for i in range(5):
        await login(world, "deputy", "guess", ip=f"10.0.0.{i}")  # a forged header cannot spread the guesses
    assert (await login(world, "deputy", PASSWORD, ip="10.0.0.99"))[0] == 423


def test_client_ip_walks_only_trusted_hops() -> None:
    assert client_ip("203.0.113.5", "1.2.3.4", "") == "203.0.113.5"
    assert client_ip("10.0.0.2", "1.2.3.4", "10.0.0.0/8") == "1.2.3.4"
    assert client_ip("10.0.0.2", "6.6.6.6, 1.2.3.4, 10.0.0.3", "10.0.0.0/8") == "1.2.3.4"
    assert forwarded_https("10.0.0.2", "https", "10.0.0.0/8")
    assert not forwarded_https("203.0.113.5", "https", "10.0.0.0/8")
