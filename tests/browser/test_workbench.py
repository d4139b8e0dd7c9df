"""The 工作台 end to end: 张三 starts a 请假 of 5 days, 马军 (head) and 李晓东 (分管领导) approve from their 待办."""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import FilePayload, Page, expect

from tests import file_samples as samples
from tests.browser.conftest import ARTIFACTS, Session

TITLE = "请假（张三）"


def badge(page: Page) -> int:
    """The 工作台 rail badge (hidden at 0)."""
    found = page.get_by_test_id("badge-work")
    return int(found.inner_text()) if found.count() else 0


def open_work(s: Session) -> None:
    s.page.get_by_test_id("tab-work").click()
    expect(s.page.get_by_test_id("work-view")).to_be_visible()


def pick(page: Page, testid: str, option: str) -> None:
    page.get_by_test_id(testid).locator(".el-select").click()
    page.locator(".el-select-dropdown__item:visible", has_text=option).first.click()


def approve_from_todo(s: Session, opinion: str, shot: str) -> None:
    open_work(s)
    row = s.page.locator(f'[data-testid=work-row][data-title="{TITLE}"][data-box=pending]')
    expect(row).to_be_visible()
    expect(row.get_by_test_id("row-due")).to_contain_text("前办理")
    s.page.screenshot(path=str(ARTIFACTS / f"{shot}-todo.png"))
    row.click()
    expect(s.page.get_by_test_id("instance-title")).to_have_text(TITLE)
    # 不同意 needs an opinion on this step: the client says so before asking the hub.
    s.page.get_by_test_id("act-reject").click()
    expect(s.page.get_by_test_id("act-error")).to_contain_text("意见")
    s.page.get_by_test_id("act-opinion").fill(opinion)
    s.page.screenshot(path=str(ARTIFACTS / f"{shot}-instance.png"))
    s.page.get_by_test_id("act-approve").click()
    expect(s.page.get_by_test_id("toast")).to_contain_text("已同意")
    expect(s.page.get_by_test_id("trail-opinion").filter(has_text=opinion)).to_be_visible()
    expect(s.page.get_by_test_id("act-approve")).to_have_count(0)
    # What is left is what the hub offers after an approval: 抄送, and 取回 while the next person has not acted.
    expect(s.page.get_by_test_id("act-cc")).to_be_visible()


def test_leave_of_five_days_goes_through_head_and_leader_in_charge(make_session: Callable[..., Session]) -> None:
    head = make_session()
    head.login("majun")
    before = badge(head.page)

    staff = make_session()
    staff.login("zhangsan")
    open_work(staff)
    staff.page.get_by_test_id("work-start").click()
    staff.page.get_by_test_id("start-def-leave").click()
    expect(staff.page.get_by_test_id("start-form")).to_be_visible()
    # 附件: uploaded while the form is filled in, carried by the process once it starts.
    proof: FilePayload = {"name": "探亲证明.pdf", "mimeType": "application/pdf", "buffer": samples.pdf("leave proof")}
    staff.page.get_by_test_id("form-file-input").set_input_files(files=[proof])
    expect(staff.page.get_by_test_id("field-files")).to_contain_text("探亲证明.pdf")
    # Client-side checks mirror the definition: required fields are named before anything is sent.
    staff.page.get_by_test_id("start-submit").click()
    expect(staff.page.get_by_test_id("start-error")).to_contain_text("表单有误")
    expect(staff.page.locator(".el-form-item__error").first).to_have_text("必填")

    pick(staff.page, "field-kind", "年休假")
    dates = staff.page.get_by_test_id("field-period").locator("input")
    dates.nth(0).fill("2026-12-07")
    dates.nth(1).fill("2026-12-11")
    dates.nth(1).press("Enter")
    staff.page.get_by_test_id("field-days").locator("input").fill("5")
    staff.page.get_by_test_id("field-days").locator("input").press("Tab")
    staff.page.get_by_test_id("field-reason").locator("textarea").fill("回老家探亲")
    expect(staff.page.locator(".el-form-item__error")).to_have_count(0)
    expect(staff.page.get_by_test_id("start-error")).to_have_count(0)
    staff.page.screenshot(path=str(ARTIFACTS / "workbench-start-form.png"))
    staff.page.get_by_test_id("start-submit").click()

    expect(staff.page.get_by_test_id("instance-title")).to_have_text(TITLE)
    expect(staff.page.get_by_test_id("instance-status")).to_have_attribute("data-status", "running")
    expect(staff.page.get_by_test_id("value-period")).to_have_text("2026-12-07 至 2026-12-11")
    expect(staff.page.get_by_test_id("value-files")).to_contain_text("探亲证明.pdf")
    current = staff.page.locator("[data-testid=flow-step][data-status=process]")
    expect(current).to_contain_text("马军")
    expect(staff.page.locator('[data-testid=flow-step][data-title="分管领导审批"]')).to_contain_text("未开始")
    # The initiator may withdraw while nothing is decided; the button is the hub's word.
    expect(staff.page.get_by_test_id("act-withdraw")).to_be_visible()

    # The head's badge moved without a reload, and the page title counts it.
    expect(head.page.get_by_test_id("badge-work")).to_have_text(str(before + 1))
    expect(head.page).to_have_title(re.compile(r"^\(\d+\+?\) 协同$"))
    approve_from_todo(head, "同意，注意工作交接。", "workbench-head")
    expect(head.page.locator("[data-testid=flow-step][data-status=process]")).to_contain_text("李晓东")
    expect(head.page.get_by_test_id("act-retrieve")).to_be_visible()
    if before == 0:
        expect(head.page.get_by_test_id("badge-work")).to_have_count(0)

    leader = make_session()
    leader.login("lixiaodong")
    expect(leader.page.get_by_test_id("badge-work")).to_be_visible()
    approve_from_todo(leader, "同意。", "workbench-leader")
    expect(leader.page.get_by_test_id("instance-status")).to_have_attribute("data-status", "approved")

    # The initiator sees it finished in 我发起的 (kept live by task.updated), with the whole trail.
    staff.page.get_by_test_id("tab-work").click()
    staff.page.get_by_test_id("work-tab-started").click()
    row = staff.page.locator(f'[data-testid=work-row][data-title="{TITLE}"][data-box=started]')
    expect(row.get_by_test_id("row-status")).to_have_text("已通过")
    staff.page.screenshot(path=str(ARTIFACTS / "workbench-started.png"))
    row.click()
    expect(staff.page.get_by_test_id("instance-status")).to_have_attribute("data-status", "approved")
    kinds = staff.page.get_by_test_id("trail-entry")
    expect(kinds).to_have_count(3)
    expect(staff.page.get_by_test_id("trail-opinion")).to_have_text(["同意，注意工作交接。", "同意。"])
    expect(staff.page.locator("[data-testid=flow-step][data-status=success]")).to_have_count(3)
    staff.page.screenshot(path=str(ARTIFACTS / "workbench-finished.png"), full_page=True)
    # 抄送 after the end: pick a colleague by pinyin; the copy is one more act in the trail.
    staff.page.get_by_test_id("act-cc").click()
    staff.page.get_by_test_id("act-users").click()
    staff.page.get_by_test_id("act-users").locator("input").press_sequentially("zhangshao")
    staff.page.locator("[data-testid=user-option]:visible", has_text="张绍松").click()
    staff.page.get_by_test_id("act-dialog-opinion").fill("请知悉")
    staff.page.screenshot(path=str(ARTIFACTS / "workbench-cc-dialog.png"))
    staff.page.get_by_test_id("act-confirm").click()
    expect(staff.page.get_by_test_id("trail-entry")).to_have_count(4)
    expect(staff.page.get_by_test_id("trail-entry").last).to_contain_text("张绍松")
    assert not staff.errors and not head.errors and not leader.errors

    # At phone width the boxes and the instance page stack into one column.
    phone = make_session(width=390, height=800)
    phone.login("zhangsan")
    open_work(phone)
    phone.page.get_by_test_id("work-tab-started").click()
    expect(phone.page.locator(f'[data-testid=work-row][data-title="{TITLE}"]')).to_be_visible()
    phone.page.screenshot(path=str(ARTIFACTS / "workbench-phone.png"))


def test_withdrawn_signoff_refuses_a_late_approval_with_the_hubs_message(make_session: Callable[..., Session]) -> None:
    """A 签报 with money; 张三 withdraws it while 马军, offline, still shows it: 同意 gets the hub's answer."""
    head = make_session()
    head.login("majun")
    staff = make_session()
    staff.login("zhangsan")
    open_work(staff)
    staff.page.get_by_test_id("work-start").click()
    staff.page.get_by_test_id("start-def-signoff").click()
    staff.page.get_by_test_id("field-title").locator("input").fill("关于购置办公设备的请示")
    pick(staff.page, "field-urgency", "加急")
    staff.page.get_by_test_id("field-body").locator("textarea").fill("拟购置打印机两台。")
    amount = staff.page.get_by_test_id("field-amount").locator("input")
    amount.fill("12345.6")
    amount.press("Tab")
    expect(amount).to_have_value("12345.60")
    expect(staff.page.get_by_test_id("chosen-countersign")).to_be_visible()
    staff.page.get_by_test_id("start-submit").click()
    expect(staff.page.get_by_test_id("instance-title")).to_have_text("关于购置办公设备的请示")
    expect(staff.page.get_by_test_id("value-amount")).to_have_text("¥12,345.60")
    instance_url = staff.page.url

    head.page.goto(instance_url)
    expect(head.page.get_by_test_id("act-approve")).to_be_visible()
    pending = badge(head.page)
    head.page.evaluate("window.__xt.bounce(4000)")  # 马军's socket is away: no live update reaches him

    staff.page.get_by_test_id("act-withdraw").click()
    staff.page.get_by_test_id("act-confirm").click()
    expect(staff.page.get_by_test_id("instance-status")).to_have_attribute("data-status", "withdrawn")

    head.page.get_by_test_id("act-opinion").fill("同意")
    head.page.get_by_test_id("act-approve").click()
    expect(head.page.get_by_test_id("act-error")).to_have_text("流程已被他人处理")
    head.page.screenshot(path=str(ARTIFACTS / "workbench-stale.png"))
    # The page then shows the process as it is: withdrawn, nothing left to press but 抄送 for one who held it.
    expect(head.page.get_by_test_id("instance-status")).to_have_attribute("data-status", "withdrawn")
    expect(head.page.get_by_test_id("act-approve")).to_have_count(0)
    # Back online, the badge is counted again from the hub.
    if pending == 1:
        expect(head.page.get_by_test_id("badge-work")).to_have_count(0, timeout=15_000)
    else:
        expect(head.page.get_by_test_id("badge-work")).to_have_text(str(pending - 1), timeout=15_000)
