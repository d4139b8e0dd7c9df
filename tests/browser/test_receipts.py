"""Read receipts: "N 人未读" in a group going down live, the read/unread lists, and 已读/未读 in a direct chat."""

from __future__ import annotations

import uuid

from playwright.sync_api import expect


def test_group_and_direct_receipts(colleagues) -> None:  # type: ignore[no-untyped-def]
    a, b = colleagues
    t = uuid.uuid4().hex[:8]
    # 张绍松 looks at the contacts, so the message arrives unread for him (马军 is not logged in at all).
    b.page.get_by_test_id("tab-contacts").click()
    a.send(f"请审阅预算表 {t}")
    mine = a.page.locator("[data-testid=message]", has_text=t)
    expect(mine.get_by_test_id("receipt")).to_have_text("2 人未读")
    b.page.get_by_test_id("tab-chats").click()
    b.open_channel("市财政局")
    expect(mine.get_by_test_id("receipt")).to_have_text("1 人未读")
    mine.get_by_test_id("receipt").click()
    dialog = a.page.get_by_test_id("reads-dialog")
    expect(dialog.get_by_test_id("reads-unread")).to_contain_text("未读（1）")
    expect(dialog.get_by_test_id("reads-unread")).to_contain_text("马军")
    expect(dialog.get_by_test_id("reads-read")).to_contain_text("张绍松")
    dialog.press("Escape")
    a.page.mouse.click(5, 5)

    # A direct chat says 未读 until the other person opens it, then 已读.
    me_b = b.page.evaluate("fetch('/api/v1/session/me').then(r => r.json())")
    a.page.evaluate("""id => fetch('/api/v1/channels/direct', {method: 'POST', headers: {'Content-Type':
        'application/json'}, body: JSON.stringify({user_id: id})}).then(r => r.json())""", me_b["id"])
    a.page.reload()
    a.open_channel("张绍松")
    a.send(f"在吗 {t}")
    dm = a.page.locator("[data-testid=message]", has_text=f"在吗 {t}")
    expect(dm.get_by_test_id("receipt")).to_have_text("未读")
    b.open_channel("张三")
    expect(dm.get_by_test_id("receipt")).to_have_text("已读")
    assert not a.errors and not b.errors, (a.errors, b.errors)
