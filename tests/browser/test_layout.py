"""Phone width, the language switch, and the card component."""

from __future__ import annotations

import json
import uuid

from playwright.sync_api import Route, expect

CHANNEL = "市财政局"


def test_mobile_single_column(make_session, artifacts) -> None:  # type: ignore[no-untyped-def]
    s = make_session(width=375, height=740)
    s.login("zhangsan")
    list_pane = s.page.locator(".list")
    conversation = s.page.get_by_test_id("conversation")
    expect(list_pane).to_be_visible()
    expect(conversation).to_be_hidden()
    s.open_channel(CHANNEL)
    expect(list_pane).to_be_hidden()
    expect(conversation).to_be_visible()
    box = conversation.bounding_box()
    assert box is not None and box["width"] <= 375 and box["x"] == 0
    assert s.page.evaluate("document.documentElement.scrollWidth") <= 375
    s.send(f"手机发送 {uuid.uuid4().hex[:6]}")
    s.page.screenshot(path=str(artifacts / "mobile-chat.png"))
    s.page.get_by_test_id("toggle-details").click()
    expect(s.page.get_by_test_id("details")).to_be_visible()
    # The 置顶 area lists the demo's announcement pinned in 市财政局 (hub/seed/announce_demo.py).
    expect(s.page.get_by_test_id("pinned-item").first).to_be_visible()
    s.page.get_by_test_id("details").get_by_role("button", name="返回").click()
    expect(conversation).to_be_visible()
    s.page.get_by_test_id("back").click()
    expect(list_pane).to_be_visible()
    s.page.screenshot(path=str(artifacts / "mobile-list.png"))


def test_language_switch(make_session, artifacts) -> None:  # type: ignore[no-untyped-def]
    s = make_session()
    s.login("zhangsan")
    expect(s.page.get_by_test_id("tab-chats")).to_contain_text("消息")
    s.page.get_by_test_id("lang-toggle").click()
    expect(s.page.get_by_test_id("tab-chats")).to_contain_text("Chats")
    expect(s.page.get_by_test_id("tab-contacts")).to_contain_text("Contacts")
    s.open_channel(CHANNEL)
    expect(s.page.get_by_test_id("composer")).to_have_attribute("placeholder",
                                                                 "Type a message; @ to mention, / for commands")
    expect(s.page.locator("html")).to_have_attribute("lang", "en")
    # The choice survives a reload.
    s.page.reload()
    expect(s.page.get_by_test_id("tab-chats")).to_contain_text("Chats")
    s.page.get_by_test_id("lang-toggle").click()
    expect(s.page.get_by_test_id("tab-chats")).to_contain_text("消息")


CARD = {
    "id": "card-1", "kind": "document.incoming", "title": "关于做好2026年度预算执行工作的通知",
    "fields": [{"label": "发文字号", "value": "白政发〔2026〕12号"}, {"label": "发文机关", "value": "白银市人民政府"}],
    "body": "请各单位**按时**报送。<img src=x onerror=alert(1)>",
    "attachments": [{"name": "通知正文.pdf", "url": "/files/1.pdf", "mime": "application/pdf", "size": 204800}],
    "classification": "内部", "urgency": "特急", "deadline": "2026-12-01T09:00:00+00:00",
    "status": {"code": "pending", "label": "待签收", "tone": "warning"}, "timeline": [], "version": 1,
    "bot": "公文助手", "actions": [{"id": "sign", "label": "签收", "style": "primary", "confirm": None,
                                   "input": {"kind": "none", "required": False, "label": None, "options": []}},
                                  {"id": "return", "label": "退回", "style": "danger", "confirm": None,
                                   "input": {"kind": "comment", "required": True, "label": "理由", "options": []}}],
    "fallback_text": "[公文] 关于做好2026年度预算执行工作的通知",
}


def test_card_renders(make_session, artifacts) -> None:  # type: ignore[no-untyped-def]
    s = make_session()
    s.login("zhangsan")
    s.open_channel(CHANNEL)
    t = uuid.uuid4().hex[:8]
    s.send(f"卡片载体 {t}")
    expect(s.bubble(f"卡片载体 {t}")).to_have_count(1)

    # No bot posts cards yet: dress the newest message up as one on its way from the hub.
    def with_card(route: Route) -> None:
        response = route.fetch()
        body = response.json()
        for m in body["messages"]:
            if t in m["content"]:
                m["card"] = CARD
        route.fulfill(response=response, body=json.dumps(body), content_type="application/json")

    s.page.route("**/api/v1/channels/*/messages?*", with_card)
    s.page.reload()
    s.open_channel(CHANNEL)
    card = s.page.get_by_test_id("card").filter(has_text="关于做好2026年度预算执行工作的通知")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("关于做好2026年度预算执行工作的通知")
    expect(card).to_contain_text("白政发〔2026〕12号")
    expect(card.get_by_test_id("card-classification")).to_have_text("内部")
    expect(card.get_by_test_id("card-urgency")).to_have_text("特急")
    expect(card.get_by_test_id("card-status")).to_have_text("待签收")
    expect(card).to_contain_text("通知正文.pdf")
    expect(card).to_contain_text("2026-12-01 17:00")  # Beijing time
    assert card.locator("img").count() == 0
    actions = card.get_by_test_id("card-action")
    expect(actions).to_have_count(2)
    # 退回 asks for a reason first; cancelling sends nothing.
    actions.last.click()
    expect(s.page.get_by_test_id("card-dialog")).to_contain_text("理由")
    s.page.get_by_test_id("card-dialog-cancel").click()
    expect(s.page.get_by_test_id("card-dialog")).to_have_count(0)
    # This card was never stored by the hub: the click is refused and the reason shows on the card.
    actions.first.click()
    expect(card.get_by_test_id("card-error")).to_be_visible()
    expect(actions.first).to_be_enabled()
    card.screenshot(path=str(artifacts / "card.png"))
    assert s.dialogs == []
