"""A bot job is held under a lease: a replica that dies or goes silent loses it to another, applied once."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
import socketio

from bots.remote import Runner
from bots.webhook import WebhookBot
from hub.actions.bots import do_issue_bot_token, ensure_bot
from hub.models import BotJob, Message
from hub.settings import Settings
from tests.botkit import office, push
from tests.conftest import World, make_settings
from tests.time_fixtures import wait_until


@pytest.fixture
def settings() -> Settings:
    # The webhook bot runs outside the hub, so every push becomes a job for its replicas.
    return make_settings(embedded_bots=["poll"], bot_job_lease_seconds=30)


class RawReplica:
    """A bot replica speaking the socket protocol by hand, so a test can make it claim and then fail."""

    def __init__(self) -> None:
        self.sio = socketio.AsyncClient(reconnection=False)
        self.jobs: list[str] = []
        self.sio.on("bot.job", lambda data: self.jobs.append(data["job_id"]))

    async def connect(self, url: str, token: str) -> None:
        await self.sio.connect(url, auth={"bot_token": token}, transports=["websocket"], wait_timeout=5)

    async def heard(self, count: int = 1) -> str:
        async def enough() -> bool:
            return len(self.jobs) >= count

        await wait_until(enough, 10, f"{count} bot.job announcements")
        return self.jobs[count - 1]

    async def call(self, event: str, data: Any) -> Any:
        return await self.sio.call(event, data, timeout=5)


async def _setup(world: World) -> tuple[dict[str, Any], str, str]:
    await ensure_bot("webhook", "通知助手", list(WebhookBot.commands))
    o = await office(world)
    token = await do_issue_bot_token(world.hub, None, "webhook")
    return o, token, str(world.client.make_url("/")).rstrip("/")


async def _job_done() -> BotJob:
    async def done() -> bool:
        return await BotJob.find(BotJob.status == "done").count() == 1

    await wait_until(done, 15, "the job done")
    job = await BotJob.find_one(BotJob.status == "done")
    assert job is not None
    return job


async def test_a_replica_that_dies_holding_a_job_hands_it_to_another(world: World) -> None:
    o, token, url = await _setup(world)
    dying = RawReplica()
    await dying.connect(url, token)
    status, _ = await push(world, o["secret"], {"channel_ids": [o["channel_id"]], "text": "省厅来文：请于周五前报送"})
    assert status == 202  # acknowledged: from here on the push must not be lost
    job_id = await dying.heard()
    claim = await dying.call("bot.claim", {"job_id": job_id})
    assert claim["ok"], claim
    await dying.sio.disconnect()  # dies without a result

    # A live replica: the real runner of the webhook bot, which takes pending work when it connects.
    stop = asyncio.Event()
    runner = Runner(WebhookBot(), url, token)
    task = asyncio.create_task(runner.run(stop))
    try:
        job = await _job_done()
        assert str(job.id) == job_id and job.attempts == 2
        texts = [m.content for m in await Message.find_all().to_list()]
        assert texts.count("省厅来文：请于周五前报送") == 1
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
    assert runner.handled == 1


async def test_a_silent_replica_loses_its_lease_and_its_late_result_is_refused(world: World) -> None:
    o, token, url = await _setup(world)
    silent, live = RawReplica(), RawReplica()
    await silent.connect(url, token)
    await live.connect(url, token)
    try:
        status, _ = await push(world, o["secret"], {"channel_ids": [o["channel_id"]], "text": "第二份来文"})
        assert status == 202
        job_id = await silent.heard()
        assert (await silent.call("bot.claim", {"job_id": job_id}))["ok"]
        assert not (await live.call("bot.claim", {"job_id": job_id}))["ok"]  # held under the lease
        # The silent replica stays connected but never answers; past its lease the job is announced again.
        world.hub.clock.advance(timedelta(seconds=31))
        assert await live.heard(2) == job_id
        claim = await live.call("bot.claim", {"job_id": job_id})
        assert claim["ok"] and claim["data"]["payload"]["payload"]["text"] == "第二份来文"
        assert (await live.call("bot.result", {"job_id": job_id, "result": {"by": "live"}}))["ok"]
        # The first holder's answer arrives late: refused, and the applied result stays the live one's.
        assert not (await silent.call("bot.result", {"job_id": job_id, "result": {"by": "silent"}}))["ok"]
        assert not (await live.call("bot.result", {"job_id": job_id, "result": {"by": "again"}}))["ok"]
        job = await _job_done()
        assert job.result == {"by": "live"} and job.attempts == 2
    finally:
        for replica in (silent, live):
            if replica.sio.connected:
                await replica.sio.disconnect()
