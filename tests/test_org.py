"""The org tree, the demo organisation, directory search and the admin command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from pymongo import MongoClient

from hub.actions.org import do_add_membership, do_remove_membership
from hub.errors import HubError
from hub.models import Channel, Membership, Subscription, Unit, User
from hub.seed.demo import DEMO_PASSWORD, load_demo
from tests.conftest import World

ROOT = Path(__file__).resolve().parent.parent


async def _counts() -> tuple[int, int, int, int, int]:
    return (await Unit.find_all().count(), await User.find_all().count(), await Membership.find_all().count(),
            await Channel.find_all().count(), await Subscription.find_all().count())


async def test_demo_is_the_baiyin_tree_and_loading_twice_changes_nothing(world: World) -> None:
    first = await load_demo(world.hub)
    before = await _counts()
    second = await load_demo(world.hub)
    assert second == {"units": 0, "users": 0, "memberships": 0}
    assert await _counts() == before and first["users"] >= 40
    units = {u.code: u for u in await Unit.find_all().to_list()}
    kinds = [u.kind for u in units.values()]
    assert units["gs"].external and units["gs"].kind == "province"
    assert kinds.count("leadership") == 4 and kinds.count("office") >= 4
    assert kinds.count("department") >= 8 and kinds.count("district") == 2 and kinds.count("county") == 3
    assert kinds.count("township") >= 4
    leadership = {u.short_name for u in units.values() if u.kind == "leadership"}
    assert leadership == {"市委", "市人大常委会", "市政府", "市政协"}
    # Every local unit has its channel; the external province has none.
    assert await Channel.find(Channel.kind == "unit").count() == len(units) - 1
    roles = {r for u in await User.find_all().to_list() for r in u.roles}
    assert {"staff", "leader", "office_director", "doc_clerk", "sys_admin", "sec_admin", "audit_admin"} <= roles
    assert await world.login("zhangsan", DEMO_PASSWORD)


async def test_search_by_pinyin_initials_and_name(world: World) -> None:
    czj = await world.unit("czj", "市财政局")
    await world.user("zhangsan", "张三", units=[czj])
    await world.user("zhangshaosong", "张绍松", units=[czj])
    await world.user("lisi", "李四")
    token = await world.login("lisi")
    for q in ("zs", "zhangsan", "张三", "ZS", "zhang san"):
        status, body = await world.api("GET", "/api/v1/users", token, params={"q": q})
        assert status == 200
        assert body["users"][0]["name"] == "张三", q
    _, body = await world.api("GET", "/api/v1/users", token, params={"q": "zhang"})
    assert {u["name"] for u in body["users"]} == {"张三", "张绍松"}
    _, body = await world.api("GET", "/api/v1/users", token, params={"q": ".*"})
    assert body["users"] == []  # the query is text, never a pattern
    _, body = await world.api("GET", "/api/v1/users", token, params={"unit_id": str(czj.id)})
    assert len(body["users"]) == 2 and body["users"][0]["memberships"][0]["unit_name"] == "市财政局"
    status, body = await world.api("GET", "/api/v1/users", token, params={"limit": "abc"})
    assert status == 400 and body["error"]["code"] == "invalid_request"


async def test_units_profiles_and_unit_members(world: World) -> None:
    czj = await world.unit("czj", "市财政局")
    user = await world.user("zhangsan", "张三", units=[czj])
    token = await world.login("zhangsan")
    _, body = await world.api("GET", "/api/v1/units", token)
    assert [u["code"] for u in body["units"]] == ["czj"] and body["units"][0]["channel_id"]
    _, body = await world.api("GET", f"/api/v1/units/{czj.id}/members", token)
    assert [u["username"] for u in body["users"]] == ["zhangsan"]
    status, body = await world.api("GET", f"/api/v1/users/{user.id}", token)
    assert status == 200 and body["memberships"] == [
        {"unit_id": str(czj.id), "unit_name": "市财政局", "position": "科员岗", "title": "科员", "is_head": False}]
    for bad in ("000000000000000000000000", "nonsense"):
        status, body = await world.api("GET", f"/api/v1/users/{bad}", token)
        assert status == 404 and body["error"]["code"] == "not_found"


async def test_unit_channel_membership_follows_the_org(world: World) -> None:
    czj = await world.unit("czj", "市财政局")
    user = await world.user("zhangsan", "张三")
    token = await world.login("zhangsan")
    assert (await world.api("GET", "/api/v1/channels", token))[1]["channels"] == []
    rec = await world.socket(token)
    await do_add_membership(world.hub, user, czj, "预算管理岗", "科员")
    added = await rec.wait_for("channel.member_added")
    assert added[0]["channel"]["name"] == "市财政局" and added[0]["user_ids"] == [str(user.id)]
    channels = (await world.api("GET", "/api/v1/channels", token))[1]["channels"]
    assert [c["kind"] for c in channels] == ["unit"]
    await do_remove_membership(world.hub, user, czj)
    await rec.wait_for("channel.member_removed")
    assert (await world.api("GET", "/api/v1/channels", token))[1]["channels"] == []


async def test_three_administrators_stay_separate(world: World) -> None:
    with pytest.raises(HubError) as info:
        await world.user("root", roles=["sys_admin", "audit_admin"])
    assert info.value.code == "admin_separation"
    assert await User.find_one(User.username == "root") is None
    with pytest.raises(HubError):
        await world.user("weak", roles=["staff", "superuser"])


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hub", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60)


def test_cli_seed_and_admin_commands(store_server_url: str, tmp_path: Path) -> None:
    db = f"hubtest_{uuid.uuid4().hex[:12]}"
    env = {**os.environ, "HUB_ARGON2_TIME_COST": "1", "HUB_ARGON2_MEMORY_KIB": "8192",
           "HUB_MONGODB_URL": store_server_url, "HUB_MONGODB_DB": db}
    seeded = _cli(env, "seed", "--demo")
    assert seeded.returncode == 0 and "'users': 44" in seeded.stdout, seeded.stderr
    again = _cli(env, "seed", "--demo")
    assert again.returncode == 0 and "'users': 0" in again.stdout  # the store kept the first run
    added = _cli(env, "users", "add", "newbie", "--name", "新人", "--password", "longenough1")
    assert added.returncode == 0 and "created user newbie" in added.stdout
    assert "newbie" in _cli(env, "users", "list").stdout
    weak = _cli(env, "users", "add", "newbie2", "--name", "新人", "--password", "short")
    assert weak.returncode == 2 and "weak_password" in weak.stderr and "密码" in weak.stderr
    assert "newbie2" not in _cli(env, "users", "list").stdout
    missing = _cli(env, "users", "disable", "ghost")
    assert missing.returncode == 2 and "not_found" in missing.stderr
    _cli_matters(env, tmp_path)
    MongoClient(store_server_url).drop_database(db)


def _cli_matters(env: dict[str, str], tmp_path: Path) -> None:
    """How the README adds a 事项: a catalogue file, loaded by key (the demo seed loaded the shipped one)."""
    shipped = _cli(env, "licensing", "load-matters")
    assert shipped.returncode == 0 and shipped.stdout.count("exists, unchanged") == 5, shipped.stderr
    catalogue = json.loads((ROOT / "hub" / "licensing" / "matters.json").read_text(encoding="utf-8"))
    new = {**catalogue["matters"][0], "key": "food-business-2", "name": "食品经营许可（变更）"}
    mine = tmp_path / "matters.json"
    mine.write_text(json.dumps({"matters": [new]}, ensure_ascii=False), encoding="utf-8")
    added = _cli(env, "licensing", "load-matters", str(mine))
    assert added.returncode == 0 and "food-business-2 (食品经营许可（变更）): created" in added.stdout, added.stderr
    mine.write_text(json.dumps({"matters": [{**new, "key": "Bad Key"}]}), encoding="utf-8")
    bad = _cli(env, "licensing", "load-matters", str(mine))
    assert bad.returncode == 2 and "invalid_request" in bad.stderr
