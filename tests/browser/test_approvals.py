"""Internal approvals in the browser: a 请假 approved from the card on a phone and from the 工作台 in a batch,
and a delegation (代理) set, used ("代 马军 审批") and revoked from the avatar menu."""

from __future__ import annotations

import json
from collections.abc import Callable

from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, Session

LEAVE_TITLE = "请假（黄伟）"
PURCHASE_TITLE = "市发改委会议室音视频设备采购"  # from the demo seed, waiting for 李晓东


def open_work(s: Session) -> None:
    s.page.get_by_test_id("tab-work").click()
    expect(s.page.get_by_test_id("work-view")).to_be_visible()


def pick(page: Page, testid: str, option: str) -> None:
    page.get_by_test_id(testid).locator(".el-select").click()
    page.locator(".el-select-dropdown__item:visible", has_text=option).first.click()


def pending_row(s: Session, title: str):  # type: ignore[no-untyped-def]
    return s.page.locator(f'[data-testid=work-row][data-title="{title}"][data-box=pending]')


def test_leave_head_approves_from_the_card_on_a_phone_leader_from_the_workbench(
        make_session: Callable[..., Session]) -> None:
    head = make_session(width=390, height=800)
    head.login("yangxue")
    staff = make_session()
    staff.login("huangwei")
    open_work(staff)
    staff.page.get_by_test_id("work-start").click()
    staff.page.get_by_test_id("start-def-leave").click()
    pick(staff.page, "field-kind", "事假")
    dates = staff.page.get_by_test_id("field-period").locator("input")
    dates.nth(0).fill("2026-12-14")
    dates.nth(1).fill("2026-12-18")
    dates.nth(1).press("Enter")
    staff.page.get_by_test_id("field-reason").locator("textarea").fill("家中老人住院陪护")
    staff.page.get_by_test_id("start-submit").click()  # 天数 left empty: the hub counts the working days
    expect(staff.page.get_by_test_id("instance-title")).to_have_text(LEAVE_TITLE)
    expect(staff.page.get_by_test_id("value-days")).to_have_text("5")

    # The head of 市人社局, on a phone, approves from the card in the unit channel with an opinion.
    head.open_channel("市人力资源和社会保障局")
    card = head.page.locator("[data-testid=messages] [data-testid=card]", has_text=LEAVE_TITLE)
    expect(card.get_by_test_id("card-waiting")).to_be_visible()
    card.locator("[data-testid=card-action][data-action-id^=approve]").click()
    dialog = head.page.get_by_test_id("card-dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_test_id("card-dialog-comment").fill("同意，请安排好工作交接。")
    head.page.screenshot(path=str(ARTIFACTS / "approvals-card-phone.png"))
    dialog.get_by_test_id("card-dialog-submit").click()
    expect(card.locator('[data-testid=card-field][data-label="当前步骤"]')).to_have_text("分管领导审批")
    expect(card.get_by_test_id("card-waiting")).to_have_count(0)

    # Over 3 working days: the 分管领导 approves it together with the demo's purchase, in one batch.
    leader = make_session()
    leader.login("lixiaodong")
    open_work(leader)
    expect(pending_row(leader, LEAVE_TITLE)).to_be_visible()
    for title in (LEAVE_TITLE, PURCHASE_TITLE):
        pending_row(leader, title).get_by_test_id("row-select").click()
    expect(leader.page.get_by_test_id("batch-count")).to_have_text("已选 2 项")
    leader.page.get_by_test_id("batch-approve").click()
    dialog = leader.page.get_by_test_id("approval-dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_test_id("approval-opinion").fill("同意。")
    leader.page.screenshot(path=str(ARTIFACTS / "approvals-batch-dialog.png"))
    dialog.get_by_test_id("approval-submit").click()
    expect(dialog.get_by_test_id("approval-summary")).to_have_text("处理结果：成功 2 项，失败 0 项")
    expect(dialog.locator("[data-testid=approval-result][data-ok=true]")).to_have_count(2)
    expect(dialog.get_by_test_id("approval-result").filter(has_text=PURCHASE_TITLE)).to_contain_text("市长审批")
    leader.page.screenshot(path=str(ARTIFACTS / "approvals-batch-results.png"))
    dialog.get_by_test_id("approval-close").click()
    expect(pending_row(leader, LEAVE_TITLE)).to_have_count(0)
    expect(pending_row(leader, PURCHASE_TITLE)).to_have_count(0)

    expect(staff.page.get_by_test_id("instance-status")).to_have_attribute("data-status", "approved", timeout=15_000)
    expect(staff.page.get_by_test_id("trail-opinion")).to_have_text(["同意，请安排好工作交接。", "同意。"])
    assert not staff.errors and not head.errors and not leader.errors


def start_signoff(s: Session, title: str) -> None:
    """Start a 签报 through the hub's API from the person's page (same session, same origin)."""
    body = {"definition_key": "signoff", "form": {"title": title, "body": "请审定。"},
            "request_id": f"browser-{abs(hash(title)) % 10**12}"}
    status = s.page.evaluate(
        "b => fetch('/api/v1/instances', {method: 'POST', headers: {'Content-Type': 'application/json'},"
        " body: b}).then(r => r.status)", json.dumps(body))
    assert status == 200


def test_delegation_is_set_used_and_revoked_in_the_browser(make_session: Callable[..., Session]) -> None:
    leader = make_session()
    leader.login("majun")
    leader.page.get_by_test_id("me").click()
    leader.page.get_by_test_id("menu-delegation").click()
    dialog = leader.page.get_by_test_id("delegation-dialog")
    expect(dialog.get_by_test_id("delegation-none")).to_be_visible()
    dialog.get_by_test_id("delegate-picker").click()
    dialog.get_by_test_id("delegate-picker").locator("input").press_sequentially("zhangshao")
    leader.page.locator("[data-testid=user-option]:visible", has_text="张绍松").click()
    dialog.get_by_test_id("delegate-reason").fill("赴省财政厅学习")
    dialog.get_by_test_id("delegate-save").click()
    given = dialog.locator('[data-testid=delegation-given][data-delegate="张绍松"]')
    expect(given).to_contain_text("由 张绍松 代理")
    expect(given).to_contain_text("生效中")
    leader.page.screenshot(path=str(ARTIFACTS / "approvals-delegation.png"))

    staff = make_session()
    staff.login("zhangsan")
    start_signoff(staff, "关于代理审批演示的签报")
    deputy = make_session(width=390, height=800)  # the delegate approves from the 工作台 row on a phone
    deputy.login("zhangshaosong")
    open_work(deputy)
    row = pending_row(deputy, "关于代理审批演示的签报")
    expect(row).to_contain_text("代 马军 审批")
    deputy.page.screenshot(path=str(ARTIFACTS / "approvals-delegate-row.png"))
    row.get_by_test_id("row-approve").click()
    result = deputy.page.get_by_test_id("approval-dialog")
    result.get_by_test_id("approval-submit").click()
    expect(result.locator("[data-testid=approval-result][data-ok=true]")).to_have_count(1)
    result.get_by_test_id("approval-close").click()
    deputy.page.get_by_test_id("work-tab-done").click()
    deputy.page.locator('[data-testid=work-row][data-title="关于代理审批演示的签报"]').click()
    approved = deputy.page.locator("[data-testid=trail-entry][data-kind=approve]")
    expect(approved).to_contain_text("张绍松")
    expect(approved).to_contain_text("代 马军 审批")

    given.get_by_test_id("delegation-revoke").click()
    given.get_by_test_id("delegation-revoke-confirm").click()
    expect(dialog.get_by_test_id("delegation-none")).to_be_visible()
    expect(dialog.get_by_test_id("delegation-note")).to_have_text("代理已撤销")
    # Revoked: a new 签报 reaches 马军 only, not his former delegate.
    start_signoff(staff, "关于撤销代理后的签报")
    tasks = deputy.page.evaluate("fetch('/api/v1/tasks?box=pending').then(r => r.json())")
    assert "关于撤销代理后的签报" not in [t["title"] for t in tasks["tasks"]]
    assert not leader.errors and not deputy.errors
