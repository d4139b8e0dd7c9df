"""A citizen checks a finished case on /query at phone width and rates it; a wrong code is refused plainly."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable
from typing import Any

from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, PASSWORD, Session


def _call(base: str, method: str, path: str, token: str | None = None, body: Any = None) -> Any:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read() or b"null")


def _finished_case(base: str) -> dict[str, Any]:
    """The 政务大厅's clerk takes in a 个体工商户 registration; it is accepted, granted and delivered."""
    token = _call(base, "POST", "/api/v1/session/login", body={"username": "caiyan", "password": PASSWORD})["token"]
    receipt = _call(base, "POST", "/api/v1/licensing/cases", token, {
        "matter_key": "sole-proprietor", "applicant": {"kind": "citizen", "name": "李华", "phone": "13909431234"},
        "materials": ["application", "operator_id", "premises"]})
    cid = receipt["case_id"]
    for act, extra in (("accept", {}), ("decide", {"granted": True, "reason": "申请材料齐全，符合法定形式"}),
                       ("deliver", {"text": "电子营业执照已发放"})):
        version = _call(base, "GET", f"/api/v1/licensing/cases/{cid}", token)["version"]
        _call(base, "POST", f"/api/v1/licensing/cases/{cid}/act", token, {"act": act, "version": version, **extra})
    return dict(receipt)


def test_citizen_checks_and_rates_on_a_phone(make_session: Callable[..., Session], hub_url: str) -> None:
    receipt = _finished_case(hub_url)
    s = make_session(width=390, height=844)
    page = s.page
    page.goto(hub_url + "/query")
    expect(page.get_by_role("heading", name="办件进度查询")).to_be_visible()
    page.locator("input[name=number]").fill(receipt["number"])
    page.locator("input[name=code]").fill("ZZZZZZZZ")
    page.get_by_test_id("query").click()
    expect(page.get_by_test_id("error")).to_contain_text("办件编号或查询码不正确")
    expect(page.get_by_test_id("result")).to_have_count(0)
    page.locator("input[name=code]").fill(receipt["query_code"])
    page.get_by_test_id("query").click()
    expect(page.get_by_test_id("status")).to_have_text("已办结")
    expect(page.get_by_test_id("decision")).to_contain_text("准予许可")
    expect(page.get_by_test_id("result")).to_contain_text("送达（办结）")
    expect(page.get_by_test_id("result")).not_to_contain_text("蔡燕")
    # Nothing is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(ARTIFACTS / "licensing-query-phone.png"), full_page=True)
    page.get_by_test_id("score-5").click()
    page.locator("textarea").fill("窗口服务热情，一次办好")
    page.get_by_test_id("rate").click()
    expect(page.get_by_test_id("rated")).to_contain_text("非常满意")
    expect(page.get_by_test_id("rating")).to_have_count(0)
    assert s.errors == []
