"""目标管理 in the browser: the office reads the board, 复核s a report, a department reports, the light turns."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, Session

RED = "全年新增城镇就业1.2万人"


def test_the_target_board_and_a_report_accepted_turns_red_to_green(make_session: Callable[..., Session]) -> None:
    office = make_session()
    office.login("zhouwen")
    office.page.get_by_test_id("tab-targets").click()
    expect(office.page.get_by_test_id("targets-view")).to_be_visible()
    totals = office.page.get_by_test_id("target-totals")
    for text in ("红灯 1", "黄灯 1", "绿灯 1", "已销号 1"):
        expect(totals).to_contain_text(text)
    expect(office.page.get_by_test_id("target-chart").locator("canvas").first).to_be_visible()
    office.page.screenshot(path=str(ARTIFACTS / "targets-board.png"))

    office.page.get_by_test_id("target-table").locator("tr", has_text=RED).click()
    expect(office.page.get_by_test_id("target-page")).to_contain_text(RED)
    expect(office.page.get_by_test_id("target-light")).to_have_text("红灯")
    target_url = office.page.url
    office.page.get_by_test_id("target-accept").click()
    expect(office.page.get_by_test_id("toast")).to_contain_text("已复核通过")
    expect(office.page.get_by_test_id("target-progress")).to_contain_text("55%")
    expect(office.page.get_by_test_id("target-light")).to_have_text("红灯")  # 60% was due

    staff = make_session()
    staff.login("huangwei")
    staff.page.goto(target_url)
    form = staff.page.get_by_test_id("target-report-form")
    expect(form).to_be_visible()
    percent = form.get_by_test_id("target-report-percent").locator("input")
    percent.fill("65")
    percent.press("Enter")
    staff.page.get_by_test_id("target-report-text").fill("新增城镇就业7,900人，超过上半年节点。")
    staff.page.get_by_test_id("target-report-submit").click()
    expect(staff.page.get_by_test_id("toast")).to_contain_text("进展已报送")
    expect(staff.page.get_by_test_id("target-report-pending")).to_contain_text("65%")
    expect(staff.page.get_by_test_id("target-accept")).to_have_count(0)  # 复核 is the office's

    office.page.reload()
    office.page.get_by_test_id("target-accept").click()
    expect(office.page.get_by_test_id("target-light")).to_have_text("绿灯")
    expect(office.page.get_by_test_id("target-progress")).to_contain_text("65%")
    office.page.screenshot(path=str(ARTIFACTS / "targets-detail.png"))
    assert not office.errors and not staff.errors
