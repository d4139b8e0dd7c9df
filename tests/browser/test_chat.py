"""Two people in two browser contexts: live delivery, unread badges, edit, recall, mentions, unsafe input."""

from __future__ import annotations

import uuid

from playwright.sync_api import expect

CHANNEL = "市财政局"


def token() -> str:
    return uuid.uuid4().hex[:8]


def test_live_message_unread_edit_recall(make_session) -> None:  # type: ignore[no-untyped-def]
    a, b = make_session(), make_session()
    a.login("zhangsan")
    # B is a colleague whose only unread conversation in the demo is the unit's (马军, the head, also holds a
    # 收文 待办 whose card reaches him by direct message, so his total never drops to 0 here).
    b.login("zhangshaosong")
    a.open_channel(CHANNEL)
    t = token()

    a.send(f"第一条 {t}")
    # A sees it confirmed (no pending or failed left behind).
    expect(a.bubble(f"第一条 {t}")).to_have_count(1)
    expect(a.page.get_by_test_id("pending-message")).to_have_count(0)

    # B, looking elsewhere, gets an unread badge live.
    badge = b.channel(CHANNEL).get_by_test_id("unread-badge")
    expect(badge).to_be_visible()
    expect(b.channel(CHANNEL)).to_contain_text(t)

    # Opening the channel shows the message and clears the badge.
    b.open_channel(CHANNEL)
    expect(b.bubble(f"第一条 {t}")).to_have_count(1)
    expect(badge).to_have_count(0)
    expect(b.page.get_by_test_id("total-unread")).to_have_count(0)

    # While B watches, a new message appears live, without a badge.
    a.send(f"第二条 {t}")
    expect(b.bubble(f"第二条 {t}")).to_have_count(1)
    b.page.wait_for_timeout(400)
    expect(badge).to_have_count(0)

    # A edits the second message; B sees the new text and the edited mark.
    mine = a.page.locator("[data-testid=message]", has_text=f"第二条 {t}")
    mine.hover()
    mine.get_by_test_id("edit").click()
    box = a.page.get_by_test_id("edit-box")
    box.fill(f"第二条（已更正）{t}")
    box.press("Enter")
    expect(b.bubble(f"第二条（已更正）{t}")).to_have_count(1)
    expect(b.page.locator("[data-testid=message]", has_text=f"第二条（已更正）{t}")).to_contain_text("已编辑")

    # A recalls the first message; both see the recall notice and the text is gone for B.
    first = a.page.locator("[data-testid=message]", has_text=f"第一条 {t}")
    first.hover()
    first.get_by_test_id("recall").click()
    # 撤回 asks first: cancelling keeps the message, confirming recalls it.
    a.page.get_by_test_id("recall-cancel").click()
    expect(b.bubble(f"第一条 {t}")).to_have_count(1)
    first.hover()
    first.get_by_test_id("recall").click()
    expect(a.page.get_by_test_id("recall-dialog")).to_contain_text("确定撤回")
    a.page.get_by_test_id("recall-confirm").click()
    expect(a.bubble(f"第一条 {t}")).to_have_count(0)
    expect(b.bubble(f"第一条 {t}")).to_have_count(0)
    expect(b.page.get_by_test_id("recalled").last).to_contain_text("张三 撤回了一条消息")
    assert not a.errors and not b.errors, (a.errors, b.errors)


def test_shift_enter_newline_and_mention(make_session) -> None:  # type: ignore[no-untyped-def]
    a = make_session()
    a.login("zhangsan")
    a.open_channel(CHANNEL)
    box = a.page.get_by_test_id("composer")
    box.click()
    t = token()
    box.type(f"第一行 {t}")
    box.press("Shift+Enter")
    box.type("第二行 ")
    # Mention by pinyin initials: "mj" finds 马军.
    box.type("@mj")
    option = a.page.get_by_test_id("mention-option").first
    expect(option).to_contain_text("马军")
    box.press("Enter")
    expect(box).to_have_value(f"第一行 {t}\n第二行 @马军 ")
    box.press("Enter")
    bubble = a.bubble(t)
    expect(bubble).to_have_count(1)
    assert bubble.locator("br").count() == 1
    expect(bubble).to_contain_text("@马军")


def test_unsafe_input_is_inert(colleagues) -> None:  # type: ignore[no-untyped-def]
    a, b = colleagues
    t = token()
    a.send(f"{t} <img src=x onerror=alert(1)>")
    a.send(f"{t} [x](javascript:alert(1)) <script>alert(2)</script> [ok](https://example.gov.cn)")
    for s in (a, b):
        expect(s.bubble(t)).to_have_count(2)
        expect(s.bubble(t).first).to_contain_text("<img src=x onerror=alert(1)>")
        s.page.wait_for_timeout(300)
        assert s.page.locator("[data-testid=messages] img").count() == 0
        assert s.page.locator("[onerror]").count() == 0
        assert s.page.locator("[data-testid=messages] script").count() == 0
        hrefs = s.page.locator("[data-testid=messages] a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert not [h for h in hrefs if h and h.strip().lower().startswith("javascript:")], hrefs
        assert "https://example.gov.cn" in hrefs
        assert s.dialogs == [], s.dialogs


def test_search_profile_and_direct_message(make_session) -> None:  # type: ignore[no-untyped-def]
    a, b = make_session(), make_session()
    a.login("majun")
    b.login("zhangsan")
    a.page.get_by_test_id("tab-contacts").click()
    expect(a.page.get_by_test_id("org-tree")).to_contain_text("白银市")
    a.page.get_by_test_id("people-search").fill("zs")
    person = a.page.get_by_test_id("person").first
    expect(person).to_contain_text("张三")
    person.click()
    profile = a.page.get_by_test_id("profile")
    expect(profile.get_by_test_id("profile-name")).to_contain_text("张三")
    expect(profile.get_by_test_id("profile-unit").first).to_contain_text("市财政局")
    expect(profile.get_by_test_id("profile-title").first).not_to_be_empty()
    expect(profile.get_by_test_id("profile-position").first).not_to_be_empty()
    profile.get_by_test_id("profile-message").click()
    expect(a.page.get_by_test_id("conversation-title")).to_have_text("张三")
    t = token()
    a.send(f"私聊 {t}")
    expect(a.bubble(f"私聊 {t}")).to_have_count(1)
    # The direct conversation appears for 张三 live, named after 马军, with an unread badge.
    expect(b.channel("马军").get_by_test_id("unread-badge")).to_be_visible()
    b.open_channel("马军")
    expect(b.bubble(f"私聊 {t}")).to_have_count(1)


def test_create_group_and_invite(make_session) -> None:  # type: ignore[no-untyped-def]
    a, b = make_session(), make_session()
    a.login("chenzhiyuan")
    b.login("zhouwen")
    t = token()
    a.page.get_by_test_id("new-group").click()
    a.page.get_by_test_id("group-name").fill(f"专班{t}")
    a.page.get_by_test_id("group-search").fill("zhouwen")
    a.page.get_by_test_id("pick-person").filter(has_text="周文").first.click()
    a.page.get_by_test_id("group-submit").click()
    expect(a.page.get_by_test_id("conversation-title")).to_have_text(f"专班{t}")
    expect(b.channel(f"专班{t}")).to_be_visible()
    a.page.get_by_test_id("invite").click()
    a.page.get_by_test_id("group-search").fill("majun")
    a.page.get_by_test_id("pick-person").filter(has_text="马军").first.click()
    a.page.get_by_test_id("group-submit").click()
    expect(a.page.get_by_test_id("member-list")).to_contain_text("马军")
