"""发文 in the browser: 吴芳 drafts with the live preview, two units countersign, the 市长 signs, 吴芳 numbers, checks,
seals and distributes, and 会宁县's 钟敏 signs for the county (签收)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, Session
from tests.browser.test_documents import _call, _login


def _act(base: str, token: str, draft_id: str, op: str, **extra: Any) -> Any:
    return _call(base, "POST", f"/api/v1/outgoing/{draft_id}/steps", token,
                 {"op": op, "request_id": f"b-{uuid.uuid4().hex[:12]}", **extra})


def _pick_user(s: Session, testid: str, name: str) -> None:
    s.page.get_by_test_id(testid).click()
    s.page.keyboard.type(name)
    s.page.locator(".el-select-dropdown__item:visible", has_text=name).first.click()


def _pick_unit(s: Session, testid: str, name: str) -> None:
    s.page.get_by_test_id(testid).click()
    s.page.locator(".el-select-dropdown__item:visible", has_text=name).first.click()
    s.page.keyboard.press("Escape")


def _press(s: Session, op: str, opinion: str = "") -> None:
    s.page.get_by_test_id(f"out-op-{op}").click()
    if opinion:
        s.page.get_by_test_id("out-opinion").fill(opinion)
    s.page.get_by_test_id("out-confirm").click()
    expect(s.page.get_by_test_id(f"out-op-{op}")).to_have_count(0)


def test_draft_countersign_sign_number_distribute_and_a_county_signs(make_session: Callable[..., Session],
                                                                      hub_url: str) -> None:
    title = f"白银市人民政府关于加强冬季道路交通安全管理的通知（{uuid.uuid4().hex[:4]}）"
    clerk = make_session()
    clerk.login("wufang")
    page = clerk.page
    page.get_by_test_id("tab-docs").click()
    page.get_by_test_id("docs-draft-new").click()
    expect(page.get_by_test_id("outgoing-view")).to_be_visible()
    page.get_by_test_id("out-title").fill(title)
    _pick_unit(clerk, "out-main-to", "会宁县")
    _pick_unit(clerk, "out-main-to", "靖远县")
    page.get_by_test_id("out-block-text").first.fill("为做好冬季道路交通安全管理工作，现通知如下。")
    page.get_by_test_id("out-block-add").click()
    page.get_by_test_id("out-block-level").nth(1).click()
    page.locator(".el-select-dropdown__item:visible", has_text="一级标题").first.click()
    page.get_by_test_id("out-block-text").nth(1).fill("加强重点路段巡查")
    page.get_by_test_id("out-code").fill("白政发")
    _pick_user(clerk, "out-reviewer", "周文")
    _pick_unit(clerk, "out-countersign-units", "市发展和改革委员会")
    _pick_unit(clerk, "out-countersign-units", "市教育局")
    _pick_user(clerk, "out-signer", "陈志远")
    expect(page.get_by_test_id("out-preview")).to_be_visible(timeout=60_000)  # WeasyPrint loads its fonts first
    page.screenshot(path=str(ARTIFACTS / "outgoing-draft.png"), full_page=True)
    page.get_by_test_id("out-create").click()
    expect(page.get_by_test_id("out-step")).to_have_text("核稿")
    draft_id = page.url.rstrip("/").split("/")[-1]

    # 核稿 by the office director, then 会签: 市发改委 in the browser, 市教育局 through the API.
    _act(hub_url, _login(hub_url, "zhouwen"), draft_id, "review", opinion="已核")
    head = make_session()
    head.login("luoyong")
    head.page.get_by_test_id("tab-docs").click()
    head.page.get_by_test_id("docs-tab-outgoing").click()
    head.page.locator(f'[data-testid=docs-outgoing-row][data-title="{title}"]').click()
    expect(head.page.get_by_test_id("out-step")).to_have_text("会签")
    _press(head, "countersign", "同意，发改委无意见。")
    _act(hub_url, _login(hub_url, "dengchen"), draft_id, "countersign", opinion="同意。")
    _act(hub_url, _login(hub_url, "chenzhiyuan"), draft_id, "sign", opinion="同意印发")

    # 编号 → 复核 → 用印 → 分发 by the clerk.
    page.reload()
    expect(page.get_by_test_id("out-step")).to_have_text("编号")
    expect(page.get_by_test_id("out-versions").locator("li")).to_have_count(1)
    expect(page.get_by_test_id("out-error")).to_have_count(0)
    expect(page.get_by_test_id("out-countersign")).to_contain_text("同意，发改委无意见。")
    expect(page.get_by_test_id("out-countersign")).to_contain_text("市教育局")
    _press(clerk, "number")
    expect(page.get_by_test_id("out-number")).to_contain_text("白政发〔")
    _press(clerk, "recheck")
    _press(clerk, "seal")
    expect(page.get_by_test_id("out-files")).to_be_visible(timeout=60_000)
    _press(clerk, "distribute")
    expect(page.get_by_test_id("out-status")).to_have_attribute("data-status", "distributed")
    expect(page.get_by_test_id("out-error")).to_have_count(0)
    page.screenshot(path=str(ARTIFACTS / "outgoing-distributed.png"), full_page=True)

    # 会宁县's office director signs for the county.
    county = make_session()
    county.login("zhongmin")
    county.page.get_by_test_id("tab-docs").click()
    row = county.page.locator(f'[data-testid=docs-row][data-title="{title}"]')
    expect(row).to_be_visible()
    row.click()
    county.page.get_by_test_id("doc-op-sign").click()
    expect(county.page.get_by_test_id("doc-op-sign")).to_have_count(0)
    page.get_by_test_id("out-document").click()
    expect(page.get_by_test_id("doc-title")).to_have_text(title)
    page.screenshot(path=str(ARTIFACTS / "outgoing-tracking.png"), full_page=True)
