"""Audit hardening: unauthenticated floods aggregated and rate-limited, incremental verification from signed
checkpoints, anchors that expose entries cut off the end, and export for archiving."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
from pydantic import ValidationError

from hub.actions.audit import verify_chain
from hub.actions.audit_chain import anchor_file, check_anchors, sign_checkpoint, verify_recent
from hub.app import create_app
from hub.models import AuditEntry
from hub.models.security import AuditCheckpoint
from hub.settings import Settings
from hub.views.base import HUB_KEY
from tests.botkit import office, push
from tests.conftest import PASSWORD, World, make_settings
from tests.test_sessions_multiprocess import shared_store  # noqa: F401  (a fixture)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def settings(tmp_path: Path, store_kwargs: dict[str, Any]) -> Settings:
    return make_settings(audit_checkpoint_every=10, audit_anchor_dir=str(tmp_path / "anchors"), **store_kwargs)


async def _entries(action: str) -> list[AuditEntry]:
    return await AuditEntry.find(AuditEntry.action == action).sort("+seq").to_list()


async def test_a_thousand_bad_signatures_add_a_handful_of_entries(world: World) -> None:
    o = await office(world)
    body = {"channel_ids": [o["channel_id"]], "text": "伪造"}

    async def burst(n: int) -> list[tuple[int, Any]]:
        return list(await asyncio.gather(*[push(world, "wrong-secret", body) for _ in range(n)]))

    results: list[tuple[int, Any]] = []
    started = world.hub.clock.now().replace(second=0, microsecond=0)
    for _ in range(10):
        results += await burst(100)
    # On a slow store the burst may cross a minute boundary or two; the budget is per minute.
    minutes = int((world.hub.clock.now() - started).total_seconds() // 60) + 1
    codes = [r[1]["error"]["code"] for r in results]
    # The budget holds under concurrency: never more than 60 signature checks failed in a minute.
    assert set(codes) == {"bad_signature", "rate_limited"} and codes.count("bad_signature") <= 60 * minutes
    during = await _entries("integration.push")
    # One entry per outcome and minute, plus the summaries of minutes already over: not 1000.
    assert len(during) <= 4 * minutes, [(e.outcome, e.detail) for e in during]
    # When the minute is over the counts are written as summaries: nothing is lost, nothing floods.
    world.hub.clock.advance(timedelta(minutes=1))
    await world.user("auditor", roles=["audit_admin"])
    status, page = await world.api("GET", "/api/v1/audit", await world.login("auditor"),
                                   params={"action": "integration.push"})
    assert status == 200 and page["chain_ok"]
    after = await _entries("integration.push")
    assert len(after) <= 4 * minutes
    total = len(after) - len([e for e in after if "repeated" in e.detail])
    total += sum(e.detail.get("repeated", 0) for e in after)
    assert total == 1000
    # The right signature still works for the real sender from elsewhere.
    assert (await push(world, o["secret"], {"channel_ids": [o["channel_id"]], "text": "真的"}))[0] in (202, 429)


async def test_repeated_failed_logins_from_one_source_are_counted(world: World) -> None:
    await world.user("zhangsan")
    for i in range(4):
        resp = await world.client.post("/api/v1/session/login", json={"username": f"ghost{i}", "password": "x"})
        assert resp.status == 401
    failed = [e for e in await _entries("session.login") if e.outcome == "bad_credentials"]
    assert len(failed) == 1 and failed[0].detail == {"username": "ghost0"}
    world.hub.clock.advance(timedelta(minutes=1))
    await world.login("zhangsan")
    await world.client.post("/api/v1/session/login", json={"username": "ghost9", "password": "x"})
    summaries = [e for e in await _entries("session.login") if e.detail.get("repeated")]
    assert [s.detail["repeated"] for s in summaries] == [3]


async def test_get_audit_verifies_only_after_the_newest_signed_checkpoint(world: World) -> None:
    for i in range(25):
        await world.user(f"u{i}")  # user.created: 25 entries, checkpoints at 10 and 20
    hub = world.hub
    assert [c.seq for c in await AuditCheckpoint.find_all().sort("+seq").to_list()] == [10, 20]
    report = await verify_recent(hub)
    assert report.ok and report.entries == 5  # 21..25, not all 25
    await world.user("auditor", roles=["audit_admin"])
    token = await world.login("auditor")
    assert (await world.api("GET", "/api/v1/audit", token))[1]["chain_ok"]
    coll = AuditEntry.get_pymongo_collection()
    await coll.update_one({"seq": 23}, {"$set": {"outcome": "edited"}})
    assert not (await world.api("GET", "/api/v1/audit", token))[1]["chain_ok"]
    await coll.update_one({"seq": 23}, {"$set": {"outcome": "ok"}})
    await coll.update_one({"seq": 20}, {"$set": {"outcome": "edited"}})  # the checkpointed entry itself
    assert not (await verify_recent(hub)).ok
    await coll.update_one({"seq": 20}, {"$set": {"outcome": "ok"}})
    # A forged checkpoint (not signed with our key) is ignored rather than trusted.
    last = await coll.find_one({}, sort=[("seq", -1)])
    assert last is not None
    await AuditCheckpoint(seq=int(last["seq"]), hash="0" * 64, signature="f" * 64).insert()
    assert (await verify_recent(hub)).ok
    # Older tampering is the full verification's job.
    await coll.update_one({"seq": 3}, {"$set": {"outcome": "edited"}})
    assert not (await verify_chain()).ok


async def test_anchors_expose_entries_cut_off_the_end(world: World) -> None:
    for i in range(22):
        await world.user(f"v{i}")
    anchors = anchor_file(world.hub).read_bytes().splitlines()
    assert [orjson.loads(a)["seq"] for a in anchors] == [10, 20]
    assert (await check_anchors(world.hub)).ok
    # Cut the last entries off: what is left is a valid, shorter chain, but the anchor of 20 is gone.
    await AuditEntry.get_pymongo_collection().delete_many({"seq": {"$gte": 16}})
    await AuditCheckpoint.get_pymongo_collection().delete_many({"seq": {"$gte": 16}})
    assert (await verify_chain()).ok
    report = await check_anchors(world.hub)
    assert not report.ok and "cut off" in report.reason


def test_retention_is_at_least_180_days() -> None:
    with pytest.raises(ValidationError):
        make_settings(audit_retention_days=90)
    assert make_settings().audit_retention_days >= 180


async def test_verify_and_export_commands_on_a_real_store(aiohttp_client: Any, tmp_path: Path,
                                                          shared_store: str) -> None:  # noqa: F811
    settings = make_settings(mongodb_url=shared_store, audit_checkpoint_every=5,
                             audit_anchor_dir=str(tmp_path / "anchors"))
    client = await aiohttp_client(create_app(settings, banner=False))
    world = World(client, client.app[HUB_KEY])
    for i in range(12):
        await world.user(f"w{i}")
    await world.login("w0")
    env = {**os.environ, "HUB_MONGODB_URL": shared_store, "HUB_MONGODB_DB": settings.mongodb_db,
           "HUB_AUDIT_ANCHOR_DIR": str(settings.audit_anchor_dir), "HUB_EMBEDDED_BOTS": "[]"}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "hub", "audit", *args], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=60)

    done = await asyncio.to_thread(cli, "verify")
    assert done.returncode == 0 and "audit chain intact: 13 entries, 2 anchors agree" in done.stdout, done
    out = tmp_path / "archive" / "audit.jsonl"
    future = (world.hub.clock.now() + timedelta(days=1)).isoformat()
    done = await asyncio.to_thread(cli, "export", "--before", future, "--out", str(out))
    assert done.returncode == 0 and "exported 13" in done.stdout, done
    lines = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    trailer = lines[-1]
    assert trailer["trailer"] and trailer["entries"] == 13 and [e["seq"] for e in lines[:-1]] == list(range(1, 14))
    assert trailer["signature"] == sign_checkpoint(world.hub, 13, lines[-2]["hash"])
    assert await AuditEntry.find_all().count() == 13  # exported, never dropped
    done = await asyncio.to_thread(cli, "export", "--out", str(tmp_path / "old.jsonl"))
    assert done.returncode == 0 and "exported 0" in done.stdout  # nothing is 180 days old yet
    await AuditEntry.get_pymongo_collection().delete_many({"seq": {"$gte": 8}})  # below the anchor at 10
    done = await asyncio.to_thread(cli, "verify")
    assert done.returncode == 1 and "cut off the end" in done.stdout, done
    assert PASSWORD not in out.read_text()
