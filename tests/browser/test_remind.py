"""提醒 end to end: 张三 sets "1小时后" on a message from its menu; the hub's test clock moves an hour on; the
reminder arrives as a DM from 提醒助手 with a link back, and leaves 我的提醒."""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import ARTIFACTS, Session, start_hub


@pytest.fixture(scope="module")
def clock_hub() -> Iterator[str]:
    """A demo hub of its own whose clock the test may move (HUB_TEST_CLOCK)."""
    _, url, stop = start_hub(["hub", "run", "--demo"], "hub-remind-browser.log", {"HUB_TEST_CLOCK": "true",
                                                                                 "HUB_SESSION_IDLE_MINUTES": "240"})
    yield url
    stop()


def advance(url: str, seconds: float) -> None:
    req = urllib.request.Request(f"{url}/api/v1/test/clock", data=json.dumps({"advance_seconds": seconds}).encode(),
                                 headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=10) as resp:
        assert resp.status == 200


def test_a_reminder_arrives_at_the_set_time(browser: Browser, clock_hub: str,
                                            make_session: Callable[..., Session]) -> None:
    s = make_session(base=clock_hub)
    s.login("zhangsan")
    s.open_channel("市财政局")
    s.send("请于周五前报送预算调整表")
    message = s.page.locator("[data-testid=message]", has_text="请于周五前报送预算调整表").last
    # The pending bubble has no tools; wait for the stored message that replaces it before hovering.
    expect(message.get_by_test_id("remind")).to_have_count(1)
    message.hover()
    message.get_by_test_id("remind").click()
    dialog = s.page.get_by_test_id("remind-dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_test_id("remind-note").fill("记得核对")
    dialog.get_by_test_id("remind-in_1h").click()
    expect(s.page.get_by_test_id("toast")).to_contain_text("提醒你")
    s.page.goto(f"{clock_hub}/work/reminders")
    row = s.page.get_by_test_id("reminder-row")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("预算调整表")
    s.page.screenshot(path=str(ARTIFACTS / "remind-list.png"))

    s.page.goto(clock_hub)
    expect(s.page.get_by_test_id("workspace")).to_be_visible()
    advance(clock_hub, 3660)
    bot = s.channel("提醒助手")
    expect(bot).to_be_visible(timeout=20_000)
    bot.click()
    bubble = s.bubble("记得核对")
    expect(bubble).to_be_visible()
    expect(bubble).to_contain_text("预算调整表")
    expect(bubble.locator("a")).to_have_attribute("href", re.compile(r"^/c/[0-9a-f]{24}\?m=[0-9a-f]{24}$"))
    s.page.screenshot(path=str(ARTIFACTS / "remind-arrived.png"))
    s.page.goto(f"{clock_hub}/work/reminders")
    expect(s.page.get_by_test_id("reminder-row")).to_have_count(0)
    assert not s.errors


def test_a_leader_follows_duban_items_and_the_unit_reports_progress(make_session: Callable[..., Session]) -> None:
    leader = make_session()
    leader.login("lixiaodong")
    leader.page.get_by_test_id("tab-work").click()
    leader.page.get_by_test_id("link-duban").click()
    rows = leader.page.get_by_test_id("duban-row")
    expect(rows.filter(has_text="一网通办")).to_have_count(1)
    expect(rows.filter(has_text="重点项目")).to_have_count(1)
    expect(rows.first).to_have_attribute("data-light", re.compile(r"^(red|yellow|green)$"))
    leader.page.screenshot(path=str(ARTIFACTS / "duban-list.png"))

    staff = make_session()
    staff.login("heyu")  # head of 市数字办, which hosts one of the demo's items
    staff.page.goto(leader.page.url)
    staff.page.get_by_test_id("duban-hosting").click()
    staff.page.get_by_test_id("duban-row").filter(has_text="一网通办").click()
    expect(staff.page.get_by_test_id("duban-stage")).to_contain_text("办理")
    before = staff.page.get_by_test_id("duban-report").count()
    staff.page.get_by_test_id("duban-report-text").fill("已完成全部事项核对")
    staff.page.get_by_test_id("duban-report-submit").click()
    expect(staff.page.get_by_test_id("duban-report")).to_have_count(before + 1)
    staff.page.screenshot(path=str(ARTIFACTS / "duban-item.png"))
    assert not leader.errors and not staff.errors


def test_a_leader_opens_a_duban_from_a_card(make_session: Callable[..., Session]) -> None:
    leader = make_session()
    leader.login("lixiaodong")
    leader.open_channel("白银市人民政府")  # the demo's 督办 process cards are posted in the leader's unit channel
    message = leader.page.locator("[data-testid=message]", has=leader.page.get_by_test_id("card")).last
    expect(message).to_be_visible()
    message.hover()
    message.get_by_test_id("duban-from-card").click()
    dialog = leader.page.get_by_test_id("duban-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_test_id("duban-from")).to_be_visible()
    leader.page.get_by_test_id("duban-unit").click()
    # Hosted by 市数字办: other browser tests on this shared hub count 马军's (市财政局's) unread messages.
    leader.page.locator(".el-select-dropdown__item:visible", has_text="市数字白银工作办公室").first.click()
    deadline = dialog.locator(".el-date-editor input")
    deadline.fill("2099-12-31")
    deadline.press("Enter")
    dialog.locator("textarea").fill("按卡片要求落实")
    leader.page.get_by_test_id("duban-submit").click()
    expect(leader.page.get_by_test_id("duban-item")).to_be_visible()
    expect(leader.page.get_by_test_id("duban-stage")).to_contain_text("签收")
    assert not leader.errors
