"""档案 in the browser: 吴芳 files a 办结 收文 and finds it in the 归档目录; the 发文登记簿 shows a voided number."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, Session
from tests.browser.test_documents import _call, _login, _step, _user_id


def test_file_a_closed_record_and_see_the_register_gap(make_session: Callable[..., Session], hub_url: str) -> None:
    title = f"会宁县关于冬季农村饮水安全情况的报告（{uuid.uuid4().hex[:4]}）"
    sender = _login(hub_url, "zhongmin")
    units = {u["code"]: u["id"] for u in _call(hub_url, "GET", "/api/v1/units", sender)["units"]}
    doc = _call(hub_url, "POST", "/api/v1/documents", sender, {
        "request_id": f"b-send-{uuid.uuid4().hex[:10]}",
        "elements": {"doc_type": "报告", "direction": "up", "signer": "魏东", "issuer": "会宁县人民政府",
                     "doc_number": "会政发〔2026〕52号", "main_to": [units["zf"]], "title": title,
                     "body": "市政府：\n现将我县冬季农村饮水安全情况报告如下……", "written_on": "2026-12-01"}})
    rid = doc["records"][0]["id"]
    clerk, director = _login(hub_url, "wufang"), _login(hub_url, "zhouwen")
    mayor = _login(hub_url, "chenzhiyuan")
    checklist = {"organ": True, "rules": True, "format": True, "countersigned": True}
    # 办结 through the API; 市政府办公室 (周文) handles it, so nobody else's counts move.
    for token, op, extra in ((clerk, "sign", {}), (clerk, "register", {}), (clerk, "review", {"checklist": checklist}),
                             (director, "propose", {"opinion": "拟请陈市长阅示。",
                                                    "leader_ids": [_user_id(hub_url, director, "陈志远")]}),
                             (mayor, "instruct", {"opinion": "请市政府办公室办理。", "lead_unit_id": units["zf-bgs"]}),
                             (director, "handle", {"opinion": "已办理"}), (clerk, "close", {})):
        out = _step(hub_url, token, rid, op, **extra)
        assert out["id"] == doc["id"], (op, out)
    # A 发文字号 taken and voided: a gap with its reason.
    taken = _call(hub_url, "POST", "/api/v1/doc-numbers/reserve", clerk, {
        "request_id": f"b-res-{uuid.uuid4().hex[:10]}", "unit_id": units["zf"], "code": "白政档", "year": 2026,
        "reason": "为年度档案移交函预留"})
    _call(hub_url, "POST", f"/api/v1/doc-numbers/{taken['id']}/void", clerk, {"reason": "移交函改由市档案馆发出"})

    s = make_session()
    s.login("wufang")
    s.page.get_by_test_id("tab-docs").click()
    s.page.get_by_test_id("docs-archive-link").click()
    expect(s.page.get_by_test_id("archive-view")).to_contain_text("J001")
    s.page.get_by_test_id(f"archive-file-{rid}").click()
    dialog = s.page.get_by_test_id("archive-dialog")
    dialog.get_by_text("永久").click()
    s.page.get_by_test_id("archive-confirm").click()
    expect(s.page.get_by_test_id("archive-notice")).to_contain_text("J001-WS·2026-Y-BGS-")
    catalogue = s.page.get_by_test_id("archive-catalogue")
    row = catalogue.locator("tr", has_text=title)
    expect(row).to_contain_text("J001-WS·2026-Y-BGS-")
    expect(row).to_contain_text("会政发〔2026〕52号")
    expect(s.page.get_by_test_id(f"archive-file-{rid}")).to_have_count(0)
    s.page.screenshot(path=str(ARTIFACTS / "archive-catalogue.png"), full_page=True)

    s.page.get_by_test_id("tab-docs").click()
    s.page.get_by_test_id("docs-numbers-link").click()
    s.page.get_by_test_id("numbers-code").click()
    s.page.locator(".el-select-dropdown__item", has_text="白政档").click()
    expect(s.page.get_by_test_id("numbers-gaps")).to_contain_text("1")
    gap = s.page.get_by_test_id("numbers-table").locator("tr", has_text="白政档〔2026〕1号")
    expect(gap).to_contain_text("作废")
    expect(gap).to_contain_text("移交函改由市档案馆发出")
    expect(s.page.get_by_test_id("numbers-xlsx")).to_have_attribute("href", "/api/v1/doc-numbers/register.xlsx"
                                                                    f"?unit_id={units['zf']}&code=%E7%99%BD%E6%94%BF%E6%A1%A3&year=2026")
    s.page.screenshot(path=str(ARTIFACTS / "numbers-register.png"), full_page=True)
