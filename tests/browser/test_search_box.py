"""The search box at the top of the channel list: grouped results with highlights, filters, jump to the message."""

from __future__ import annotations

import uuid

from playwright.sync_api import expect


def test_search_box_finds_highlights_filters_and_jumps(make_session) -> None:  # type: ignore[no-untyped-def]
    a = make_session()
    a.login("zhangsan")
    a.open_channel("市财政局")
    t = uuid.uuid4().hex[:8]
    a.send(f"请各科室报送预算执行情况 {t}")
    expect(a.bubble(t)).to_have_count(1)
    # Look at the contacts, so that clicking the result has to bring the conversation back.
    a.page.get_by_test_id("tab-contacts").click()
    a.page.get_by_test_id("tab-chats").click()

    # Ctrl-K focuses the box from anywhere in the chat view.
    a.page.keyboard.press("Control+k")
    box = a.page.get_by_test_id("search-input")
    expect(box).to_be_focused()
    box.fill(f"预算执行 {t}")
    hit = a.page.get_by_test_id("search-message").filter(has_text=t)
    expect(hit).to_have_count(1)
    expect(hit).to_contain_text("市财政局")
    expect(hit.locator("mark").first).to_have_text("预算执行")
    expect(hit.locator("mark").last).to_have_text(t)

    # People and units come in their own groups: "财政" names the 市财政局 and people in it.
    box.fill("财政")
    expect(a.page.get_by_test_id("search-group-units")).to_contain_text("市财政局")
    expect(a.page.get_by_test_id("search-group-people").get_by_test_id("search-person").first).to_be_visible()

    # A date range that ends before today finds nothing; the right channel finds it again.
    box.fill(f"预算执行 {t}")
    expect(hit).to_have_count(1)
    a.page.get_by_test_id("search-filters-toggle").click()
    a.page.get_by_test_id("search-until").fill("2020-01-31")
    expect(a.page.get_by_test_id("search-group-messages")).to_contain_text("没有找到相关消息")
    a.page.get_by_test_id("search-until").fill("")
    channel_id = a.channel("市财政局").get_attribute("data-channel-id")
    a.page.get_by_test_id("search-channel").select_option(channel_id)
    a.page.get_by_test_id("search-sender").select_option(label="张三")
    expect(hit).to_have_count(1)

    # Clicking the result opens its conversation and flashes the message.
    hit.click()
    expect(a.page.get_by_test_id("conversation-title")).to_have_text("市财政局")
    expect(a.page.locator("[data-testid=message].flash", has_text=t)).to_have_count(1)
    expect(a.page.get_by_test_id("search-results")).to_have_count(0)
    assert not a.errors, a.errors
