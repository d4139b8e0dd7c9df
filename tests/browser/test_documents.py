"""公文 in the browser with three people: 吴芳 签收s (and registers), 市长 批示s, 李晓东 reads the 传阅."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from typing import Any

from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, PASSWORD, Session


def _call(base: str, method: str, path: str, token: str | None = None, body: Any = None) -> Any:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, method=method, data=data,
                                 headers={"Content-Type": "application/json",
                                          **({"Authorization": f"Bearer {token}"} if token else {})})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read() or b"null")


def _login(base: str, username: str) -> str:
    return str(_call(base, "POST", "/api/v1/session/login", body={"username": username, "password": PASSWORD})["token"])


def _user_id(base: str, token: str, name: str) -> str:
    return str(next(u["id"] for u in _call(base, "GET", f"/api/v1/users?q={urllib.parse.quote(name)}", token)["users"]
                    if u["name"] == name))


def _step(base: str, token: str, record_id: str, op: str, **extra: Any) -> Any:
    return _call(base, "POST", f"/api/v1/incoming/{record_id}/steps", token,
                 {"op": op, "request_id": f"b-{uuid.uuid4().hex[:12]}", **extra})


def open_doc(s: Session, tab: str, title: str) -> None:
    s.page.get_by_test_id("tab-docs").click()
    expect(s.page.get_by_test_id("docs-view")).to_be_visible()
    s.page.get_by_test_id(f"docs-tab-{tab}").click()
    row = s.page.locator(f'[data-testid=docs-row][data-title="{title}"]')
    expect(row).to_be_visible()
    row.click()
    expect(s.page.get_by_test_id("doc-title")).to_have_text(title)


def test_sign_instruct_and_circulate(make_session: Callable[..., Session], hub_url: str) -> None:
    title = f"会宁县关于冬季供暖保障情况的报告（{uuid.uuid4().hex[:4]}）"
    sender = _login(hub_url, "zhongmin")
    units = {u["code"]: u["id"] for u in _call(hub_url, "GET", "/api/v1/units", sender)["units"]}
    doc = _call(hub_url, "POST", "/api/v1/documents", sender, {
        "request_id": f"b-send-{uuid.uuid4().hex[:10]}",
        "elements": {"doc_type": "报告", "direction": "up", "signer": "魏东", "issuer": "会宁县人民政府",
                     "doc_number": "会政发〔2026〕41号", "main_to": [units["zf"]], "title": title,
                     "body": "市政府：\n现将我县冬季供暖保障情况报告如下……", "written_on": "2026-12-01",
                     "urgency": "加急"}})
    record_id = doc["records"][0]["id"]

    clerk = make_session()
    clerk.login("wufang")
    open_doc(clerk, "pending", title)
    expect(clerk.page.get_by_test_id("doc-urgency")).to_have_text("加急")
    expect(clerk.page.get_by_test_id("doc-op-return")).to_be_visible()
    clerk.page.screenshot(path=str(ARTIFACTS / "documents-sign.png"), full_page=True)
    clerk.page.get_by_test_id("doc-op-sign").click()
    expect(clerk.page.get_by_test_id("doc-holders")).to_contain_text("登记")
    clerk.page.get_by_test_id("doc-op-register").click()
    expect(clerk.page.get_by_test_id("doc-regno")).to_contain_text("收〔")
    clerk.page.get_by_test_id("doc-op-review").click()
    clerk.page.get_by_test_id("doc-submit").click()
    expect(clerk.page.get_by_test_id("doc-holders")).to_contain_text("周文")
    expect(clerk.page.locator("[data-testid^=doc-op-]")).to_have_count(0)

    director = _login(hub_url, "zhouwen")
    mayor_id = _user_id(hub_url, director, "陈志远")
    _step(hub_url, director, record_id, "propose", opinion="拟请陈市长阅示。", leader_ids=[mayor_id])

    mayor = make_session()
    mayor.login("chenzhiyuan")
    open_doc(mayor, "handling", title)
    mayor.page.get_by_test_id("doc-op-instruct").click()
    mayor.page.get_by_test_id("doc-lead").locator(".el-select").click()
    mayor.page.locator("[data-testid=unit-option]:visible", has_text="市财政局").first.click()
    mayor.page.get_by_test_id("doc-opinion").fill("请市财政局牵头，确保供暖资金按时拨付。")
    mayor.page.screenshot(path=str(ARTIFACTS / "documents-instruct.png"))
    mayor.page.get_by_test_id("doc-submit").click()
    expect(mayor.page.get_by_test_id("doc-instruction")).to_contain_text("市财政局")
    expect(mayor.page.get_by_test_id("doc-holders")).to_contain_text("马军")

    handler = _login(hub_url, "majun")
    reader_id = _user_id(hub_url, handler, "李晓东")
    _step(hub_url, handler, record_id, "handle", opinion="已办理。", leader_ids=[reader_id])

    reader = make_session()
    reader.login("lixiaodong")
    open_doc(reader, "circulated", title)
    me = reader.page.locator('[data-testid=doc-readers] [data-reader="李晓东"]')
    expect(me).to_have_attribute("data-state", "opened")
    reader.page.get_by_test_id("doc-op-read").click()
    reader.page.get_by_test_id("doc-opinion").fill("已阅，同意。")
    reader.page.get_by_test_id("doc-submit").click()
    expect(me).to_have_attribute("data-state", "read")
    expect(me).to_contain_text("已阅，同意。")
    reader.page.screenshot(path=str(ARTIFACTS / "documents-read.png"), full_page=True)
    # The sender finds it under 我发出的 and sees 市政府 signed in the tracking view.
    origin = make_session()
    origin.login("zhongmin")
    origin.page.get_by_test_id("tab-docs").click()
    origin.page.get_by_test_id("docs-tab-sent").click()
    origin.page.locator(f'[data-testid=docs-sent-row][data-title="{title}"]').click()
    expect(origin.page.get_by_test_id("doc-tracking")).to_contain_text("吴芳")
    expect(origin.page.get_by_test_id("track-state").first).to_contain_text("已签收")
    origin.page.screenshot(path=str(ARTIFACTS / "documents-tracking.png"), full_page=True)
    assert not clerk.errors and not mayor.errors and not reader.errors and not origin.errors
