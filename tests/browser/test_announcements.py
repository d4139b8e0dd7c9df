"""公告 end to end: 周文 publishes to 市财政局 and watches the read rate rise as two colleagues open and confirm."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, Session


def open_notices(s: Session) -> None:
    s.page.get_by_test_id("tab-notices").click()
    expect(s.page.get_by_test_id("notices-view")).to_be_visible()


def read_and_confirm(s: Session, title: str) -> None:
    open_notices(s)
    row = s.page.locator(f'[data-testid=notice-row][data-title="{title}"]')
    expect(row).to_be_visible()
    row.click()
    expect(s.page.get_by_test_id("notice-title")).to_contain_text(title)
    s.page.get_by_test_id("notice-confirm").click()
    expect(s.page.get_by_test_id("notice-confirmed")).to_be_visible()


def test_a_publisher_watches_the_read_rate_rise(make_session: Callable[..., Session]) -> None:
    title = f"关于报送年度预算执行情况的通知（{uuid.uuid4().hex[:6]}）"
    publisher = make_session()
    publisher.login("zhouwen")
    open_notices(publisher)
    publisher.page.get_by_test_id("notice-new").click()
    page = publisher.page
    page.get_by_test_id("compose-title").fill(title)
    page.get_by_test_id("compose-body").fill("请于本周五前报送。")
    page.locator(".el-select[data-testid=compose-units]").click()
    page.keyboard.type("市财政局")
    page.locator(".el-tree-node__content:visible", has_text="市财政局").first.click()
    page.get_by_test_id("compose-title").click()  # close the picker
    page.get_by_test_id("compose-submit").click()
    # Three people sit in 市财政局 (马军, 张绍松, 张三): nobody has read it yet.
    expect(page.get_by_test_id("receipt-board")).to_be_visible()
    expect(page.get_by_test_id("board-rate")).to_have_text("0%")
    expect(page.get_by_test_id("board-not-read")).to_contain_text("张三")
    page.screenshot(path=str(ARTIFACTS / "announce-board-0.png"))

    zhangsan = make_session()
    zhangsan.login("zhangsan")
    expect(zhangsan.page.get_by_test_id("badge-notices")).to_be_visible()
    read_and_confirm(zhangsan, title)
    expect(page.get_by_test_id("board-rate")).to_have_text("33%")
    expect(page.get_by_test_id("board-not-read")).not_to_contain_text("张三")

    colleague = make_session()
    colleague.login("zhangshaosong")
    read_and_confirm(colleague, title)
    # Live: the publisher's page was never reloaded.
    expect(page.get_by_test_id("board-rate")).to_have_text("67%")
    expect(page.get_by_test_id("board-counts")).to_contain_text(re.compile(r"3\s*人接收.*2\s*人已读.*2\s*人确认"))
    expect(page.get_by_test_id("board-not-confirmed")).to_contain_text("马军")
    page.screenshot(path=str(ARTIFACTS / "announce-board-67.png"))

    # Pinned in the 市财政局 channel's 置顶 area, for its members.
    zhangsan.page.get_by_test_id("tab-chats").click()
    zhangsan.open_channel("市财政局")
    details = zhangsan.page.get_by_test_id("details")
    if not details.is_visible():
        zhangsan.page.get_by_test_id("toggle-details").click()
    expect(zhangsan.page.locator(f'[data-testid=pinned-item][data-title="{title}"]')).to_be_visible()
    assert not publisher.errors and not zhangsan.errors and not colleague.errors
