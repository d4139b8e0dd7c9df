"""Two real hub processes on one real store: a scheduled announcement is delivered, and 必达 chases, exactly once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tests.conftest import Recorder
from tests.test_multiprocess import HubProcess, hub_env  # noqa: F401


@pytest.fixture
async def clocked_hubs(hub_env: dict[str, str], tmp_path: Path  # noqa: F811
                       ) -> AsyncIterator[tuple[HubProcess, HubProcess]]:
    env = {**hub_env, "HUB_TEST_CLOCK": "true", "HUB_SCHEDULER_POLL_SECONDS": "1",
           # The clock jumps an hour: sessions must outlive it so the sockets keep listening.
           "HUB_SESSION_IDLE_MINUTES": str(60 * 24), "HUB_SESSION_TTL_HOURS": "48"}
    first = HubProcess(env, tmp_path / "hub1.log")
    try:
        await first.wait_ready()  # seeded first, so the second finds the store loaded
        second = HubProcess(env, tmp_path / "hub2.log")
        try:
            await second.wait_ready()
            yield first, second
        finally:
            second.stop()
    finally:
        first.stop()


async def _call(hub: HubProcess, token: str | None, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with aiohttp.ClientSession() as http, http.request(method, f"{hub.url}{path}", json=body,
                                                             headers=headers) as resp:
        return resp.status, await resp.json()


async def test_scheduled_delivery_and_urgent_chase_happen_once_across_processes(
        clocked_hubs: tuple[HubProcess, HubProcess]) -> None:
    first, second = clocked_hubs
    publisher = await first.login("zhouwen")
    _, units = await _call(first, publisher, "GET", "/api/v1/units")
    fin = next(u["id"] for u in units["units"] if u["name"] == "市财政局")
    _, now = await _call(first, None, "POST", "/api/v1/test/clock", {"advance_seconds": 0})
    at = datetime.fromisoformat(now["now"]).astimezone(UTC) + timedelta(hours=1)
    status, ann = await _call(first, publisher, "POST", "/api/v1/announcements", {
        "request_id": "mp-announce-1", "title": "跨进程定时公告", "body": "请阅", "unit_ids": [fin],
        "publish_at": at.isoformat(), "urgent": True, "urgent_after_minutes": 5})
    assert status == 200 and ann["status"] == "scheduled", ann
    readers = []
    for hub, who in ((first, "zhangsan"), (second, "majun"), (second, "zhangshaosong")):
        rec = Recorder()
        await rec.connect(hub.url, await hub.login(who))
        readers.append(rec)
    try:
        # Both runners see the time come and race for the one delivery, then for the 必达 round.
        await asyncio.gather(*(_call(h, None, "POST", "/api/v1/test/clock", {"advance_seconds": 3601})
                               for h in (first, second)))
        for rec in readers:
            await rec.wait_for("announcement.new", within=30)
        await asyncio.gather(*(_call(h, None, "POST", "/api/v1/test/clock", {"advance_seconds": 360})
                               for h in (first, second)))
        for rec in readers:
            await rec.wait_for("announcement.nudged", within=30)
        status, board = await _call(second, publisher, "GET", f"/api/v1/announcements/{ann['id']}/receipts")
        assert status == 200 and board["announcement"]["recipients"] == 3
        assert sorted(r["nudges"] for r in board["not_read"]) == [1, 1, 1]
        # Later events on each socket would have come after any duplicate: one delivery, one nudge each.
        await _call(first, publisher, "POST", f"/api/v1/announcements/{ann['id']}/recall")
        for rec in readers:
            await rec.wait_for("announcement.removed", within=30)
            assert len(rec.of("announcement.new")) == 1 and len(rec.of("announcement.nudged")) == 1
    finally:
        for rec in readers:
            await rec.sio.disconnect()
