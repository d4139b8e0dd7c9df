"""信息报送 in the browser: a department submits, the office adopts it for the province and publishes an issue."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, Session

TITLE = "市财政局完成2027年部门预算编审"


def test_submit_adopt_and_publish_an_issue(make_session: Callable[..., Session]) -> None:
    staff = make_session()
    staff.login("zhangsan")
    staff.page.get_by_test_id("tab-info").click()
    expect(staff.page.get_by_test_id("info-view")).to_be_visible()
    staff.page.get_by_test_id("info-new").click()
    staff.page.get_by_test_id("info-form-title").fill(TITLE)
    staff.page.get_by_test_id("info-form-body").fill("市财政局按期完成86个部门2027年预算编审工作，压减一般性支出8%。")
    staff.page.get_by_test_id("info-form-submit").click()
    expect(staff.page.get_by_test_id("toast")).to_contain_text("信息已报送")
    expect(staff.page.locator(f'[data-testid=info-item-submitted][data-title="{TITLE}"]')).to_be_visible()

    office = make_session()
    office.login("zhouwen")
    office.page.get_by_test_id("tab-info").click()
    office.page.get_by_role("tab", name="待采用").click()
    item = office.page.locator(f'[data-testid=info-item-submitted][data-title="{TITLE}"]')
    item.get_by_test_id("info-adopt-province").click()
    expect(office.page.get_by_test_id("toast")).to_contain_text("已采用")
    office.page.get_by_role("tab", name="待编发").click()
    adopted = office.page.locator(f'[data-testid=info-item-adopted][data-title="{TITLE}"]')
    adopted.get_by_test_id("info-pick").click()
    office.page.get_by_test_id("info-compile").click()
    bulletin = office.page.get_by_test_id("info-issue")
    expect(bulletin).to_contain_text("白银信息")
    expect(bulletin).to_contain_text(TITLE)
    expect(bulletin).to_contain_text("（市财政局供稿）")
    office.page.screenshot(path=str(ARTIFACTS / "info-issue.png"))

    staff.page.reload()
    expect(staff.page.locator(f'[data-testid=info-item-adopted][data-title="{TITLE}"]')).to_contain_text("+3")
    assert not office.errors and not staff.errors
