"""Durable timers in one hub: firing once, cancelling, waking on the clock, surviving a restart."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from hub.actions.timers import do_cancel_timer, do_schedule_timer
from hub.app import create_app
from hub.context import Hub
from hub.errors import HubError
from hub.models import Timer
from hub.settings import Settings
from hub.views.base import HUB_KEY
from tests.conftest import make_settings
from tests.time_fixtures import shared_store_url, wait_until

__all__ = ["shared_store_url"]


class Probe:
    """A handler that records each call, so that a second firing would show."""

    def __init__(self) -> None:
        self.calls: list[Timer] = []
        self.changed = asyncio.Event()

    async def __call__(self, hub: Hub, timer: Timer) -> None:
        self.calls.append(timer)
        self.changed.set()

    async def wait(self, count: int, within: float = 10.0) -> None:
        async def enough() -> bool:
            return len(self.calls) >= count

        await wait_until(enough, within, f"{count} timer calls")

    @property
    def keys(self) -> list[str]:
        return [t.key for t in self.calls]


@pytest.fixture
def settings() -> Settings:
    # A poll interval of an hour: only scheduling here and moving the clock can wake the runner in time.
    return make_settings(scheduler_poll_seconds=3600)


async def _status(key: str) -> str:
    timer = await Timer.find_one(Timer.key == key)
    assert timer is not None
    return timer.status


async def test_a_due_timer_fires_once_and_is_marked_done(client: TestClient[Any, Any], hub: Hub) -> None:
    probe = Probe()
    hub.scheduler.register("probe", probe)
    now = hub.clock.now()
    timer = await do_schedule_timer(hub, "probe", "t:past", now - timedelta(minutes=5), {"n": 1})
    await probe.wait(1)
    assert probe.calls[0].id == timer.id and probe.calls[0].payload == {"n": 1}

    async def done() -> bool:
        return await _status("t:past") == "done"

    await wait_until(done)
    # Scheduling the same key again is idempotent: the same timer, and it does not fire again.
    again = await do_schedule_timer(hub, "probe", "t:past", now, {"n": 2})
    assert again.id == timer.id and again.status == "done"
    assert await hub.scheduler.fire_due() == 0
    assert probe.keys == ["t:past"]
    with pytest.raises(HubError) as err:
        await do_schedule_timer(hub, "other", "t:past", now)
    assert err.value.code == "conflict"


async def test_moving_the_clock_wakes_the_runner(client: TestClient[Any, Any], hub: Hub) -> None:
    probe = Probe()
    hub.scheduler.register("probe", probe)
    await do_schedule_timer(hub, "probe", "t:in-an-hour", hub.clock.now() + timedelta(hours=1))
    await do_schedule_timer(hub, "probe", "t:tomorrow", hub.clock.now() + timedelta(days=1))
    # The runner has gone to sleep (for up to an hour); nothing is due.
    assert await hub.scheduler.next_due() is not None and probe.calls == []
    hub.clock.advance(timedelta(hours=2))
    await probe.wait(1)
    assert probe.keys == ["t:in-an-hour"]
    hub.clock.advance(timedelta(days=1))
    await probe.wait(2)
    assert probe.keys == ["t:in-an-hour", "t:tomorrow"]


async def test_a_cancelled_timer_never_fires(client: TestClient[Any, Any], hub: Hub) -> None:
    probe = Probe()
    hub.scheduler.register("probe", probe)
    now = hub.clock.now()
    await do_schedule_timer(hub, "probe", "t:cancel-me", now + timedelta(hours=1))
    await do_schedule_timer(hub, "probe", "t:later", now + timedelta(hours=2))
    assert await do_cancel_timer(hub, "t:cancel-me") == "cancelled"
    assert await do_cancel_timer(hub, "t:cancel-me") == "already_cancelled"
    assert await do_cancel_timer(hub, "t:nope") == "unknown"
    hub.clock.advance(timedelta(hours=3))
    # Timers fire in due order, so once the later one has fired the cancelled one would have too.
    await probe.wait(1)
    assert probe.keys == ["t:later"]
    assert await _status("t:cancel-me") == "cancelled"

    async def done() -> bool:
        return await _status("t:later") == "done"

    await wait_until(done)
    assert await do_cancel_timer(hub, "t:later") == "fired"


async def test_a_failing_handler_is_retried_with_backoff(client: TestClient[Any, Any], hub: Hub) -> None:
    calls: list[int] = []

    async def flaky(hub: Hub, timer: Timer) -> None:
        calls.append(timer.attempts)
        if timer.attempts < 3:
            raise RuntimeError("not yet")

    hub.scheduler.register("flaky", flaky)
    await do_schedule_timer(hub, "flaky", "t:flaky", hub.clock.now())

    async def attempts(n: int) -> bool:
        return len(calls) >= n

    await wait_until(lambda: attempts(1))
    hub.clock.advance(timedelta(seconds=2))  # the first retry waits 2 s of hub time
    await wait_until(lambda: attempts(2))
    hub.clock.advance(timedelta(seconds=4))
    await wait_until(lambda: attempts(3))

    async def done() -> bool:
        return await _status("t:flaky") == "done"

    await wait_until(done)
    assert calls == [1, 2, 3]
    timer = await Timer.find_one(Timer.key == "t:flaky")
    assert timer is not None and timer.last_error == "RuntimeError: not yet"


async def test_an_expired_lease_is_taken_over(client: TestClient[Any, Any], hub: Hub) -> None:
    """A process that claimed a timer and died: its lease runs out and the timer fires here."""
    probe = Probe()
    await do_schedule_timer(hub, "probe", "t:orphan", hub.clock.now() - timedelta(seconds=1))
    coll = Timer.get_pymongo_collection()
    # Another (dead) process's claim, made through the same claim a runner makes.
    from hub.scheduler import Scheduler

    dead = Scheduler(hub)
    dead.register("probe", probe)
    taken = await dead.claim()
    assert taken is not None and taken.lease_owner == dead.owner
    hub.scheduler.register("probe", probe)
    assert await hub.scheduler.claim() is None  # leased
    hub.clock.advance(timedelta(seconds=hub.settings.scheduler_lease_seconds + 1))
    await probe.wait(1)
    assert probe.calls[0].lease_owner == hub.scheduler.owner and probe.calls[0].attempts == 2
    # The dead process coming back late cannot mark it done a second time.
    assert await dead.fire(taken) is False
    assert await coll.count_documents({"key": "t:orphan", "status": "done"}) == 1


async def test_a_timer_missed_while_the_hub_was_down_fires_at_start_up(aiohttp_client: Any,
                                                                       shared_store_url: str) -> None:
    settings = make_settings(mongodb_url=shared_store_url, scheduler_poll_seconds=3600)
    probe = Probe()
    first = create_app(settings, banner=False)
    first_hub = first[HUB_KEY]
    first_client = await aiohttp_client(first)
    await do_schedule_timer(first_hub, "probe", "t:missed", first_hub.clock.now() + timedelta(hours=1))
    await first_client.close()  # the hub stops; the timer becomes due while nothing runs

    second = create_app(settings, banner=False)
    second_hub = second[HUB_KEY]
    second_hub.clock.advance(timedelta(hours=2))
    second_hub.scheduler.register("probe", probe)
    await aiohttp_client(second)
    await probe.wait(1)
    assert probe.keys == ["t:missed"]
    store = second_hub.store
    assert store is not None
    await store.client.drop_database(settings.mongodb_db)


async def test_a_backlog_is_fired_in_batches_in_due_order(client: TestClient[Any, Any], hub: Hub) -> None:
    hub.settings.scheduler_batch = 3
    probe = Probe()
    now = hub.clock.now()
    for i in range(10):
        await do_schedule_timer(hub, "probe", f"t:backlog:{i}", now - timedelta(minutes=10 - i))
    hub.scheduler.register("probe", probe)  # all ten are already due when the kind becomes known
    await probe.wait(10)
    assert probe.keys == [f"t:backlog:{i}" for i in range(10)]
