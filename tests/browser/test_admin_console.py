"""Each administrator's main task in the console: add a person, change the lockout threshold, filter and export."""

from __future__ import annotations

import csv
import uuid
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import PASSWORD, Session


def admin_login(s: Session, username: str, console: str) -> None:
    """Log in; an administrator lands on their console, not on an empty chat."""
    s.page.goto(s.base)
    s.page.get_by_test_id("username").fill(username)
    s.page.get_by_test_id("password").fill(PASSWORD)
    s.page.get_by_test_id("login-submit").click()
    expect(s.page.get_by_test_id(f"admin-{console}")).to_be_visible()
    assert s.page.url.endswith(f"/admin/{console}")


def test_sysadmin_adds_a_person_who_can_then_log_in(make_session, artifacts) -> None:  # type: ignore[no-untyped-def]
    s = make_session()
    admin_login(s, "sysadmin", "sys")
    username = f"xinren{uuid.uuid4().hex[:6]}"
    s.page.get_by_test_id("person-add").click()
    s.page.get_by_test_id("person-username").fill(username)
    s.page.get_by_test_id("person-name").fill("新同事")
    s.page.get_by_test_id("person-password").fill("short")
    s.page.get_by_test_id("person-save").click()
    expect(s.page.get_by_test_id("dialog-error")).to_contain_text("密码不符合安全策略")
    s.page.get_by_test_id("person-password").fill("Xinren@2026")
    s.page.get_by_test_id("person-save").click()
    expect(s.page.get_by_test_id("sys-notice")).to_contain_text("已添加 新同事")
    s.page.get_by_test_id("people-search").fill(username)
    s.page.get_by_test_id("people-search").press("Enter")
    row = s.page.get_by_test_id("people-table").locator("tr", has_text=username)
    expect(row).to_contain_text("新同事")
    expect(row).to_contain_text("正常")
    s.page.screenshot(path=str(artifacts / "admin-sys.png"))
    # The 系统管理员 sees neither the audit log nor the security console: the client sends them back…
    s.page.goto(s.base + "/admin/audit")
    expect(s.page.get_by_test_id("admin-audit")).to_have_count(0)
    # …and the server refuses them anyway.
    assert s.page.request.get(s.base + "/api/v1/admin/audit").status == 403
    newcomer = make_session()
    newcomer.page.goto(newcomer.base)
    newcomer.page.get_by_test_id("username").fill(username)
    newcomer.page.get_by_test_id("password").fill("Xinren@2026")
    newcomer.page.get_by_test_id("login-submit").click()
    expect(newcomer.page.get_by_test_id("workspace")).to_be_visible()
    expect(newcomer.page.get_by_test_id("tab-admin")).to_have_count(0)  # no console for staff


def test_security_admin_changes_the_lockout_threshold(make_session, artifacts) -> None:  # type: ignore[no-untyped-def]
    s = make_session()
    admin_login(s, "secadmin", "sec")
    before = s.page.request.get(s.base + "/api/v1/admin/security/policy").json()
    try:
        s.page.get_by_role("tab", name="安全策略").click()
        field = s.page.get_by_test_id("policy-login_max_failures").locator("input")
        field.fill(str(before["login_max_failures"] + 1))
        field.press("Tab")
        s.page.get_by_test_id("policy-save").click()
        expect(s.page.get_by_test_id("sec-notice")).to_contain_text("已保存")
        s.page.screenshot(path=str(artifacts / "admin-sec.png"))
        after = s.page.request.get(s.base + "/api/v1/admin/security/policy").json()
        assert after["login_max_failures"] == before["login_max_failures"] + 1
        assert after["version"] == before["version"] + 1
    finally:  # the other browser tests share this hub and expect the demo's threshold
        now = s.page.request.get(s.base + "/api/v1/admin/security/policy").json()
        if now["login_max_failures"] != before["login_max_failures"]:
            restored = s.page.request.put(s.base + "/api/v1/admin/security/policy",
                                          data={**now, "login_max_failures": before["login_max_failures"]})
            assert restored.ok, restored.text()


def test_auditor_filters_by_administrator_and_exports(make_session, artifacts, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sysadmin = make_session()
    assert sysadmin.page.request.post(sysadmin.base + "/api/v1/session/login",
                                      data={"username": "sysadmin", "password": PASSWORD}).ok
    s = make_session()
    admin_login(s, "auditadmin", "audit")
    s.page.get_by_test_id("audit-role").click()
    s.page.locator(".el-select-dropdown__item:visible", has_text="系统管理员").click()
    s.page.get_by_test_id("audit-search").click()
    table = s.page.get_by_test_id("audit-table")
    expect(table.locator(".actor").first).to_have_text("田磊")
    names = set(table.locator(".actor").all_text_contents())
    assert names == {"田磊"}
    s.page.get_by_test_id("audit-verify").click()
    expect(s.page.get_by_test_id("audit-report")).to_contain_text("哈希链完整")
    s.page.screenshot(path=str(artifacts / "admin-audit.png"))
    with s.page.expect_download() as info:
        s.page.get_by_test_id("audit-export-csv").click()
    path = tmp_path / "audit.csv"
    info.value.save_as(path)
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["序号", "时间(UTC)", "操作人"] and len(rows) > 1
    assert {r[2] for r in rows[1:]} == {"田磊"}
    # Read-only: the auditor cannot change anything, not even through the API.
    assert s.page.request.post(s.base + "/api/v1/admin/users", data={"username": "x1", "name": "x",
                                                                     "password": "Longenough1"}).status == 403
