"""Notifications across the product: 有人@我, 免打扰 and 置顶 kept on the server, browser notifications."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, Session

CHANNEL = "市财政局"
# Records what the page shows through the Notification API (permission is granted to the context).
RECORD = """
window.__notes = [];
const Real = window.Notification;
class Recorded extends Real {
  constructor(title, options) { super(title, options); window.__notes.push(title + ' | ' + (options?.body ?? '')); }
}
Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
Recorded.requestPermission = (...a) => Real.requestPermission(...a);
window.Notification = Recorded;
"""


def test_mentions_mute_pin_and_browser_notifications(make_session: Callable[..., Session]) -> None:
    me = make_session()
    me.context.grant_permissions(["notifications"])
    me.context.add_init_script(RECORD)
    me.login("zhangsan")
    other = make_session()
    other.login("zhangshaosong")
    other.open_channel(CHANNEL)

    # Browser notifications are off until turned on (the setting sits on the 公告 page).
    me.page.get_by_test_id("tab-notices").click()
    toggle = me.page.get_by_test_id("notify-toggle")
    expect(toggle.get_by_role("switch")).not_to_be_checked()
    toggle.click()
    expect(toggle.get_by_role("switch")).to_be_checked()
    me.page.get_by_test_id("tab-contacts").click()

    t = uuid.uuid4().hex[:6]
    other.send(f"@张三 请核对预算表 {t}")
    item = me.channel(CHANNEL)
    me.page.get_by_test_id("tab-chats").click()
    expect(item.get_by_test_id("mentioned")).to_have_text("[有人@我]")
    expect(item.get_by_test_id("unread-badge")).to_be_visible()
    me.page.wait_for_function(f"window.__notes.some(n => n.includes('{t}'))")
    me.page.screenshot(path=str(ARTIFACTS / "notify-mentioned.png"))
    me.open_channel(CHANNEL)
    expect(item.get_by_test_id("mentioned")).to_have_count(0)

    # 免打扰 and 置顶 from the details panel; both survive a reload (they live on the hub).
    if not me.page.get_by_test_id("pref-mute").is_visible():
        me.page.get_by_test_id("toggle-details").click()
    me.page.get_by_test_id("pref-mute").check()
    me.page.get_by_test_id("pref-pin").check()
    expect(me.page.get_by_test_id("pref-mute")).to_be_checked()
    me.page.goto(me.base + "/")
    expect(me.page.get_by_test_id("channel-item").first).to_have_attribute("data-name", CHANNEL)
    notes_before = me.page.evaluate("window.__notes.length")
    other.send(f"静音后的消息 {t}")
    expect(item).to_contain_text(f"静音后的消息 {t}")
    expect(item.get_by_test_id("muted")).to_be_visible()
    expect(item.get_by_test_id("unread-badge")).to_have_count(0)
    assert me.page.evaluate("window.__notes.length") == notes_before
    me.page.screenshot(path=str(ARTIFACTS / "notify-muted.png"))

    # Back to normal, so the shared demo hub's other tests see 市财政局 as before.
    me.open_channel(CHANNEL)
    if not me.page.get_by_test_id("pref-mute").is_visible():
        me.page.get_by_test_id("toggle-details").click()
    me.page.get_by_test_id("pref-mute").uncheck()
    me.page.get_by_test_id("pref-pin").uncheck()
    expect(me.page.get_by_test_id("pref-pin")).not_to_be_checked()
    assert not me.errors and not other.errors
