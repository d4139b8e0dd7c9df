"""The 安全审计员's console API: filters, the audit of the other two administrators, verification, export."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from openpyxl import load_workbook

from hub.models import AuditEntry
from tests.conftest import World


async def _setup(world: World) -> tuple[str, str, str]:
    await world.user("sysadmin", "田磊", roles=["sys_admin"])
    await world.user("secadmin", "韩梅", roles=["sec_admin"])
    await world.user("auditor", "曹雨", roles=["audit_admin"])
    await world.user("formula", "=SUM(A1)")  # a name that a spreadsheet would run as a formula
    await world.login("formula")
    sys_token = await world.login("sysadmin")
    await world.api("POST", "/api/v1/admin/units", sys_token, json={"code": "czj", "name": "市财政局",
                                                                      "kind": "department"})
    world.hub.clock.advance(timedelta(hours=2))
    sys_token, sec_token = await world.login("sysadmin"), await world.login("secadmin")
    await world.api("POST", "/api/v1/admin/users", sys_token,
                    json={"username": "zhangsan", "name": "张三", "password": "Longenough1"})
    _, policy = await world.api("GET", "/api/v1/admin/security/policy", sec_token)
    await world.api("PUT", "/api/v1/admin/security/policy", sec_token, json={**policy, "login_max_failures": 4})
    return sys_token, sec_token, await world.login("auditor")


async def test_the_auditor_filters_by_actor_action_time_and_administrator_role(world: World) -> None:
    sys_token, _, token = await _setup(world)
    status, body = await world.api("GET", "/api/v1/admin/audit", token, params={"admin_role": "sys_admin"})
    assert status == 200 and body["chain_ok"]
    assert {e["actor_name"] for e in body["entries"]} == {"田磊"}
    assert [e["action"] for e in body["entries"]] == ["user.created", "session.login", "unit.created",
                                                      "session.login"]
    status, body = await world.api("GET", "/api/v1/admin/audit", token, params={"admin_role": "sec_admin"})
    assert {e["action"] for e in body["entries"]} == {"session.login", "policy.security_updated"}
    status, body = await world.api("GET", "/api/v1/admin/audit", token, params={"action": "unit."})
    assert [e["action"] for e in body["entries"]] == ["unit.created"]
    actor = body["entries"][0]["actor_id"]
    status, body = await world.api("GET", "/api/v1/admin/audit", token, params={"actor_id": actor, "action": "user."})
    assert [e["action"] for e in body["entries"]] == ["user.created"]
    since = (world.hub.clock.now() - timedelta(hours=1)).isoformat()
    status, body = await world.api("GET", "/api/v1/admin/audit", token, params={"since": since})
    assert "unit.created" not in {e["action"] for e in body["entries"]} and body["entries"]
    status, body = await world.api("GET", "/api/v1/admin/audit", token, params={"admin_role": "root"})
    assert status == 400
    status, body = await world.api("GET", "/api/v1/admin/audit", sys_token)
    assert status == 403  # a 系统管理员 cannot read the log


async def test_verification_and_exports_are_audited_and_match_the_log(world: World) -> None:
    _, _, token = await _setup(world)
    status, report = await world.api("GET", "/api/v1/admin/audit/verify", token)
    assert status == 200 and report["ok"] and report["entries"] >= 6
    resp = await world.client.get("/api/v1/admin/audit/export", params={"format": "csv", "action": "unit."},
                                  headers=world.auth(token))
    assert resp.status == 200 and resp.content_type == "text/csv"
    assert "attachment" in resp.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO((await resp.read()).decode("utf-8-sig"))))
    assert rows[0][:3] == ["序号", "时间(UTC)", "操作人"] and len(rows) == 2 and rows[1][5] == "unit.created"
    resp = await world.client.get("/api/v1/admin/audit/export", params={"format": "xlsx"}, headers=world.auth(token))
    assert resp.status == 200
    book = load_workbook(io.BytesIO(await resp.read()), read_only=True)
    sheet_rows = list(book["审计日志"].iter_rows(values_only=True))
    seqs = [int(str(r[0])) for r in sheet_rows[1:]]
    assert seqs == sorted(seqs) and len(seqs) == await AuditEntry.find(AuditEntry.seq <= max(seqs)).count()
    assert {r[5] for r in sheet_rows[1:]} >= {"unit.created", "user.created", "audit.verified"}
    exported = await AuditEntry.find(AuditEntry.action == "audit.exported").sort("+seq").to_list()
    assert [e.detail["format"] for e in exported] == ["csv", "xlsx"]
    # A name that looks like a formula is exported as text.
    assert "'=SUM(A1)" in {r[2] for r in sheet_rows}
    assert all(not str(c).startswith("=") for r in sheet_rows for c in r if c is not None)
    resp = await world.client.get("/api/v1/admin/audit/export", params={"format": "pdf"}, headers=world.auth(token))
    assert resp.status == 400
