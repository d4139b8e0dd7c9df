"""审批动态 end to end: 孙丽 opens the dashboard, drills from a figure to the list to a case; a clerk takes one in."""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, Session


def test_leader_drills_down_and_clerk_takes_in(make_session: Callable[..., Session]) -> None:
    s = make_session()
    s.login("sunli")
    s.page.get_by_test_id("tab-licensing").click()
    expect(s.page.get_by_test_id("licensing-view")).to_be_visible()
    stats = s.page.get_by_test_id("lic-stats")
    hall = stats.locator("tr", has_text="市政务服务中心").first
    expect(hall).to_be_visible()
    expect(s.page.locator("canvas").first).to_be_visible()  # the ECharts bar chart
    s.page.screenshot(path=str(ARTIFACTS / "licensing-dashboard.png"), full_page=True)
    hall.locator("button.lic-link").first.click()  # its 在办 figure
    drill = s.page.get_by_test_id("lic-drill")
    expect(drill.locator(".el-table__row").first).to_be_visible()
    drill.locator(".el-table__row", has_text="食品经营许可").first.click()
    expect(s.page.get_by_test_id("licensing-case")).to_be_visible()
    expect(s.page.get_by_test_id("lic-status")).not_to_be_empty()
    assert s.errors == []

    clerk = make_session()
    clerk.login("caiyan")
    clerk.page.goto(clerk.base + "/licensing?tab=intake")
    clerk.page.get_by_test_id("lic-matter").click()
    clerk.page.locator(".el-select-dropdown__item:visible", has_text="个体工商户设立登记").first.click()
    clerk.page.get_by_test_id("lic-name").fill("赵六")  # Element Plus puts the attribute on the <input>
    clerk.page.get_by_test_id("lic-phone").fill("13909439999")
    for label in ("个体工商户登记（备案）申请书", "经营者身份证明", "经营场所使用证明"):
        clerk.page.get_by_text(label).click()
    clerk.page.get_by_test_id("lic-submit").click()
    expect(clerk.page.get_by_test_id("lic-receipt-number")).to_contain_text("XK00101003")
    expect(clerk.page.get_by_test_id("lic-receipt-code")).to_have_text(re.compile(r"^[A-Z2-9]{8}$"))
    clerk.page.screenshot(path=str(ARTIFACTS / "licensing-intake.png"), full_page=True)
    # The 办件 is now a 待办 on the 工作台 of the 实施机关's staff; its steps are taken on the case's page.
    clerk.page.get_by_test_id("tab-work").click()
    row = clerk.page.locator('[data-testid=work-row][data-title="个体工商户设立登记：赵六"][data-box=pending]')
    expect(row).to_be_visible()
    expect(row).to_contain_text("行政审批办件")
    expect(row).to_contain_text("受理")
    expect(row.get_by_test_id("row-due")).to_be_visible()
    expect(row.get_by_test_id("row-approve")).to_have_count(0)
    row.click()
    clerk.page.get_by_test_id("instance-subject").click()
    expect(clerk.page.get_by_test_id("lic-status")).to_have_text("待受理")
    clerk.page.get_by_test_id("lic-act-accept").click()
    expect(clerk.page.get_by_test_id("lic-status")).to_have_text("审查中")
    clerk.page.get_by_test_id("tab-work").click()
    expect(row).to_contain_text("审查与决定")
    assert clerk.errors == []
