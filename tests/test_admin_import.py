"""Bulk import of units and people from XLSX: a good file, bad rows (nothing applied), duplicates, idempotence."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from pymongo import MongoClient

from hub.models import AuditEntry, Membership, Unit, User
from hub.models.admin import ImportBatch
from tests.conftest import World

ROOT = Path(__file__).resolve().parent.parent
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
UNIT_HEAD = ["代码", "名称", "简称", "类型", "上级代码"]
PEOPLE_HEAD = ["用户名", "姓名", "初始密码", "单位代码", "岗位", "职务", "负责人", "角色"]


def workbook(units: list[list[Any]], people: list[list[Any]]) -> bytes:
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    sheet = book.create_sheet("单位")
    sheet.append(UNIT_HEAD)
    for row in units:
        sheet.append(row)
    sheet = book.create_sheet("人员")
    sheet.append(PEOPLE_HEAD)
    for row in people:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def upload(world: World, token: str, data: bytes, filename: str = "people.xlsx") -> tuple[int, Any]:
    resp = await world.client.post("/api/v1/admin/import", params={"filename": filename}, data=data,
                                   headers={**world.auth(token), "Content-Type": XLSX})
    return resp.status, await resp.json()


GOOD_UNITS = [["jyj-jck", "基础教育科", "基教科", "部门", "jyj"], ["jyj", "市教育局", "市教育局", "部门", ""]]
GOOD_PEOPLE = [["liming", "黎明", "Passw0rd!x", "jyj", "局长岗", "局长", "是", "领导"],
               ["zhaoyun", "赵云", "Passw0rd!y", "jyj-jck", "科员岗", "科员", "", ""],
               ["sunli", "孙丽", "Passw0rd!z", "czj", "科员岗", "科员", "", "工作人员、文书"]]


async def _counts() -> tuple[int, int, int]:
    return await Unit.find_all().count(), await User.find_all().count(), await Membership.find_all().count()


async def test_a_good_file_is_previewed_then_applied_once(world: World) -> None:
    await world.unit("czj", "市财政局")
    admin = await world.user("sysadmin", "田磊", roles=["sys_admin"])
    token = await world.login("sysadmin")
    before = await _counts()
    status, preview = await upload(world, token, workbook(GOOD_UNITS, GOOD_PEOPLE))
    assert status == 200, preview
    assert preview["status"] == "ready" and preview["errors"] == []
    assert [u["code"] for u in preview["units"]] == ["jyj-jck", "jyj"] and len(preview["people"]) == 3
    assert all("password" not in p and "password_hash" not in p for p in preview["people"])
    assert await _counts() == before  # a preview creates nothing
    batch = await ImportBatch.get(preview["id"])
    assert batch is not None and "Passw0rd!x" not in batch.model_dump_json()  # hashed at rest
    status, applied = await world.api("POST", f"/api/v1/admin/import/{preview['id']}/apply", token)
    assert status == 200 and applied["status"] == "applied"
    assert await _counts() == (before[0] + 2, before[1] + 3, before[2] + 3)
    jck = await Unit.find_one(Unit.code == "jyj-jck")
    jyj = await Unit.find_one(Unit.code == "jyj")
    assert jck is not None and jyj is not None and jck.parent_id == jyj.id
    sunli = await User.find_one(User.username == "sunli")
    assert sunli is not None and sunli.roles == ["staff", "doc_clerk"]
    liming = await User.find_one(User.username == "liming")
    assert liming is not None and liming.roles == ["leader"]
    head = await Membership.find_one(Membership.user_id == liming.id)
    assert head is not None and head.is_head and head.title == "局长"
    await world.login("zhaoyun", "Passw0rd!y")
    # Applying again (a double click, a retry) changes nothing.
    after = await _counts()
    status, again = await world.api("POST", f"/api/v1/admin/import/{preview['id']}/apply", token)
    assert status == 200 and again["status"] == "applied" and await _counts() == after
    applied_entries = await AuditEntry.find(AuditEntry.action == "import.applied").to_list()
    assert len(applied_entries) == 1 and applied_entries[0].actor_id == str(admin.id)
    # Another administrator cannot apply (or see) someone else's batch; a sec_admin is refused outright.
    await world.user("sysadmin2", "王磊", roles=["sys_admin"])
    other = await world.login("sysadmin2")
    status, _ = await world.api("POST", f"/api/v1/admin/import/{preview['id']}/apply", other)
    assert status == 404


async def test_bad_rows_are_reported_by_row_and_column_and_nothing_is_applied(world: World) -> None:
    await world.unit("czj", "市财政局")
    await world.user("sysadmin", "田磊", roles=["sys_admin"])
    await world.user("wangwu", "王五")
    token = await world.login("sysadmin")
    before = await _counts()
    units = [["jyj", "市教育局", "", "部门", ""], ["Bad Code", "", "", "衙门", "nowhere"]]
    people = [["liming", "黎明", "Passw0rd!x", "jyj", "局长岗", "局长", "是", ""],
              ["wangwu", "王五", "Passw0rd!x", "czj", "科员岗", "科员", "", ""],  # taken in the store
              ["zhaoyun", "赵云", "short", "ghost", "", "", "", "系统管理员"],
              ["liming", "黎明二", "Passw0rd!x", "", "", "", "", ""],  # duplicate within the file
              ["boss", "秘密人员", "Passw0rd!x", "", "", "", "", "sec_admin"]]
    status, preview = await upload(world, token, workbook(units, people))
    assert status == 200 and preview["status"] == "invalid"
    found = {(e["sheet"], e["row"], e["column"]) for e in preview["errors"]}
    assert {("单位", 3, "代码"), ("单位", 3, "名称"), ("单位", 3, "类型"), ("单位", 3, "上级代码")} <= found
    assert ("人员", 3, "用户名") in found and ("人员", 5, "用户名") in found
    assert {("人员", 4, "初始密码"), ("人员", 4, "单位代码"), ("人员", 4, "岗位"), ("人员", 4, "角色")} <= found
    assert ("人员", 6, "角色") in found
    messages = {(e["row"], e["column"]): e["message"] for e in preview["errors"] if e["sheet"] == "人员"}
    assert messages[(3, "用户名")] == "用户名已存在" and "第 2 行" in messages[(5, "用户名")]
    status, body = await world.api("POST", f"/api/v1/admin/import/{preview['id']}/apply", token)
    assert status == 422 and body["error"]["code"] == "import_invalid"
    assert await _counts() == before


async def test_a_username_taken_after_the_preview_stops_the_apply_before_anything_is_written(world: World) -> None:
    await world.unit("czj", "市财政局")
    await world.user("sysadmin", "田磊", roles=["sys_admin"])
    token = await world.login("sysadmin")
    status, preview = await upload(world, token, workbook(GOOD_UNITS, GOOD_PEOPLE))
    assert preview["status"] == "ready"
    await world.user("sunli", "另一个孙丽")  # the duplicate username arrives between preview and apply
    before = await _counts()
    status, body = await world.api("POST", f"/api/v1/admin/import/{preview['id']}/apply", token)
    assert status == 422 and "sunli" in body["error"]["detail"]
    assert await _counts() == before


async def test_template_and_refused_files(world: World) -> None:
    await world.user("sysadmin", "田磊", roles=["sys_admin"])
    token = await world.login("sysadmin")
    resp = await world.client.get("/api/v1/admin/import/template", headers=world.auth(token))
    assert resp.status == 200 and resp.content_type == XLSX
    book = load_workbook(io.BytesIO(await resp.read()))
    assert book.sheetnames == ["说明", "单位", "人员"]
    assert [c.value for c in book["人员"][1]] == PEOPLE_HEAD and [c.value for c in book["单位"][1]] == UNIT_HEAD
    status, body = await upload(world, token, b"not a spreadsheet at all")
    assert status == 415 and body["error"]["code"] == "unsupported_file"
    status, body = await upload(world, token, b"PK\x03\x04garbage")
    assert status == 415
    status, body = await upload(world, token, workbook([], GOOD_PEOPLE[:1]), filename="people.csv")
    assert status == 415
    status, body = await upload(world, token, workbook([], []))
    assert status == 200 and body["status"] == "invalid"
    assert await ImportBatch.find(ImportBatch.status == "ready").count() == 0


def test_the_command_line_uses_the_same_acts(store_server_url: str, tmp_path: Path) -> None:
    """The CLI is a thin client of the console's actions: the same checks, the same audit."""
    db = f"hubtest_{uuid.uuid4().hex[:12]}"
    env = {**os.environ, "HUB_ARGON2_TIME_COST": "1", "HUB_ARGON2_MEMORY_KIB": "8192",
           "HUB_MONGODB_URL": store_server_url, "HUB_MONGODB_DB": db}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "hub", *args], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=60)

    try:
        assert cli("units", "add", "czj", "--name", "市财政局", "--kind", "department").returncode == 0
        bad = tmp_path / "bad.xlsx"
        bad.write_bytes(workbook([], [["wang", "王五", "short", "ghost", "", "", "", ""]]))
        refused = cli("import", "xlsx", str(bad), "--apply")
        assert refused.returncode == 2 and "import_invalid" in refused.stderr and "初始密码" in refused.stdout
        good = tmp_path / "good.xlsx"
        good.write_bytes(workbook(GOOD_UNITS, GOOD_PEOPLE))
        checked = cli("import", "xlsx", str(good))
        assert checked.returncode == 0 and "nothing imported yet" in checked.stdout
        assert "liming" not in cli("users", "list").stdout
        applied = cli("import", "xlsx", str(good), "--apply")
        assert applied.returncode == 0 and "imported" in applied.stdout, applied.stderr
        assert "liming" in cli("users", "list").stdout
        assert cli("units", "rename", "jyj-jck", "--name", "基础教育科（新）").returncode == 0
        assert cli("units", "move", "jyj-jck").returncode == 0
        busy = cli("units", "retire", "jyj")
        assert busy.returncode == 2 and "unit_not_empty" in busy.stderr
        listing = cli("units", "list").stdout
        assert "基础教育科（新）" in listing
        store: MongoClient[dict[str, Any]] = MongoClient(store_server_url)
        actions = [d["action"] for d in store[db]["audit"].find({}, sort=[("seq", 1)])]
        assert actions.count("import.applied") == 1 and actions.count("unit.updated") == 2
    finally:
        MongoClient(store_server_url).drop_database(db)
