"""The audit log: what is recorded, who may read it, and a hash chain that exposes tampering."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

from pymongo import MongoClient

from hub.actions.audit import verify_chain
from hub.models import AuditEntry
from tests.conftest import World

ROOT = Path(__file__).resolve().parent.parent


async def test_logins_and_admin_acts_are_audited_without_message_bodies(world: World) -> None:
    unit = await world.unit("czj", "市财政局")
    await world.user("zhangsan", "张三", units=[unit])
    await world.user("auditor", "曹雨", roles=["audit_admin"])
    token = await world.login("zhangsan")
    await world.client.post("/api/v1/session/login", json={"username": "zhangsan", "password": "wrong"},
                            headers={"User-Agent": "pytest-agent"})
    (channel,) = (await world.api("GET", "/api/v1/channels", token))[1]["channels"]
    await world.api("POST", f"/api/v1/channels/{channel['id']}/messages", token, json={"content": "预算草案第三稿"})
    await world.api("POST", "/api/v1/session/logout", token)
    actions = [(e.action, e.outcome) for e in await AuditEntry.find_all().sort("+seq").to_list()]
    assert ("user.created", "ok") in actions and ("membership.added", "ok") in actions
    assert ("session.login", "ok") in actions and ("session.login", "bad_credentials") in actions
    assert ("session.logout", "ok") in actions
    failed = await AuditEntry.find_one(AuditEntry.outcome == "bad_credentials")
    assert failed is not None and failed.actor_name == "张三" and failed.user_agent == "pytest-agent" and failed.ip
    for entry in await AuditEntry.find_all().to_list():
        assert "预算草案第三稿" not in entry.model_dump_json() and "wrong" not in entry.model_dump_json()


async def test_only_the_audit_administrator_reads_the_log(world: World) -> None:
    await world.user("sysadmin", "田磊", roles=["sys_admin"])
    await world.user("auditor", "曹雨", roles=["audit_admin"])
    sys_token, audit_token = await world.login("sysadmin"), await world.login("auditor")
    status, body = await world.api("GET", "/api/v1/audit", sys_token)
    assert status == 403 and body["error"]["code"] == "forbidden"
    status, body = await world.api("GET", "/api/v1/audit", audit_token, params={"action": "session.login"})
    assert status == 200 and body["chain_ok"] and {e["action"] for e in body["entries"]} == {"session.login"}
    assert [e["actor_name"] for e in body["entries"]] == ["曹雨", "田磊"]  # newest first
    status, body = await world.api("GET", "/api/v1/audit", audit_token, params={"limit": "2"})
    assert len(body["entries"]) == 2 and body["entries"][0]["seq"] > body["entries"][1]["seq"]
    status, body = await world.api("GET", "/api/v1/audit", audit_token, params={"since": "not-a-date"})
    assert status == 400


async def test_the_chain_detects_altered_and_removed_entries(world: World) -> None:
    for name in ("a1", "a2", "a3"):
        await world.user(name)
    report = await verify_chain()
    assert report.ok and report.entries == 3
    coll = AuditEntry.get_pymongo_collection()
    await coll.update_one({"seq": 2}, {"$set": {"outcome": "ok-but-edited"}})
    report = await verify_chain()
    assert not report.ok and report.broken_at == 2 and "altered" in report.reason
    await coll.update_one({"seq": 2}, {"$set": {"outcome": "ok"}})
    assert (await verify_chain()).ok
    await coll.delete_one({"seq": 2})
    report = await verify_chain()
    assert not report.ok and report.broken_at == 2 and "missing" in report.reason


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hub", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60)


def test_audit_verify_command_reads_the_real_store(store_server_url: str) -> None:
    env = {**os.environ, "HUB_ARGON2_TIME_COST": "1", "HUB_ARGON2_MEMORY_KIB": "8192",
           "HUB_MONGODB_URL": store_server_url, "HUB_MONGODB_DB": f"hubtest_{uuid.uuid4().hex[:12]}"}
    for name in ("wangli", "zhaomin"):
        done = _cli(env, "users", "add", name, "--name", name, "--password", "Passw0rd!")
        assert done.returncode == 0, done.stderr
    done = _cli(env, "audit", "verify")
    assert done.returncode == 0 and "audit chain intact: 2 entries" in done.stdout, done.stdout + done.stderr
    client: MongoClient[Any] = MongoClient(store_server_url)
    try:
        client[env["HUB_MONGODB_DB"]]["audit"].update_one({"seq": 1}, {"$set": {"outcome": "edited"}})
        done = _cli(env, "audit", "verify")
        assert done.returncode == 1 and "AUDIT CHAIN BROKEN at entry 1" in done.stdout
    finally:
        client.drop_database(env["HUB_MONGODB_DB"])
        client.close()


def test_the_cli_refuses_to_act_without_a_reachable_store(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("HUB_MONGODB_URL", "HUB_STORE")}
    env["HUB_DATA_DIR"] = str(tmp_path / "data")
    for args in (("users", "add", "wangli", "--name", "王丽", "--password", "Passw0rd!"), ("audit", "verify")):
        done = _cli(env, *args)
        assert done.returncode == 3 and "no embedded store is running" in done.stderr, done.stderr
    assert not (tmp_path / "data").exists()  # nothing was started or written
    done = _cli({**env, "HUB_STORE": "memory"}, "users", "list")
    assert done.returncode == 3 and "in-memory store" in done.stderr
    done = _cli({**env, "HUB_MONGODB_URL": "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300"}, "users", "list")
    assert done.returncode == 3 and "cannot reach the store" in done.stderr, done.stderr
