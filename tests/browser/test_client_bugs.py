"""The client bugs of issue 16 in a real browser: member list after a slash command, a refused message, the
待处理 count and previews at login without history requests, a poll creator's own poll, routes and 404s."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
import uuid

from playwright.sync_api import Request, expect

from tests.browser.conftest import ARTIFACTS
from tests.browser.test_cards import OUTCOMES, decision_card, push
from tests.browser.test_cards import card_hub as card_hub  # the fixture: a demo hub that tells its secret

CHANNEL = "市财政局"
HISTORY = re.compile(r"/api/v1/channels/[^/]+/messages")


def token() -> str:
    return uuid.uuid4().hex[:8]


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return int(r.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def test_member_list_survives_a_slash_command_and_a_poll_is_not_my_pending_work(make_session) -> None:  # type: ignore[no-untyped-def]
    s = make_session()
    s.login("zhangsan")
    name = f"团建小组 {token()}"
    s.page.get_by_test_id("new-group").click()
    s.page.get_by_test_id("group-name").fill(name)
    s.page.get_by_test_id("group-search").fill("majun")
    s.page.get_by_test_id("pick-person").first.click()
    s.page.get_by_test_id("group-submit").click()
    expect(s.page.get_by_test_id("conversation-title")).to_have_text(name)
    members = s.page.locator("[data-testid=member-list] li")
    expect(members).to_have_count(2)

    # /poll brings the poll bot into the group (channel.member_added): the list must grow, not drop to 0.
    s.send('/poll "周五午饭" 面 饭')
    card = s.page.locator("[data-testid=messages] [data-testid=card]", has_text="周五午饭")
    expect(card).to_be_visible()
    expect(members).to_have_count(3)
    expect(s.page.locator("[data-testid=member-list]")).to_contain_text("投票助手")

    # The creator can close the poll, but it is not work waiting for them.
    expect(card.get_by_test_id("card-action").filter(has_text="结束投票")).to_be_visible()
    expect(card.get_by_test_id("card-waiting")).to_have_count(0)
    expect(s.channel(name).get_by_test_id("waiting-count")).to_have_count(0)
    s.page.reload()
    expect(s.page.get_by_test_id("conversation-title")).to_have_text(name)  # the route (/c/:id) survives a reload
    expect(members).to_have_count(3)
    expect(s.channel(name).get_by_test_id("waiting-count")).to_have_count(0)
    assert not s.errors, s.errors


def _refused_message_shows_why(s, width: int) -> None:  # type: ignore[no-untyped-def]
    s.login("zhangsan")
    s.open_channel(CHANNEL)
    text = f"机密 预算草案 {token()}"
    s.send(text)
    failed = s.page.locator("[data-testid=pending-message]", has_text=text)
    error = failed.get_by_test_id("send-error")
    # Shown in the open (no hover needed), with the server's words, and no 重新发送 that cannot succeed.
    expect(error).to_be_visible()
    expect(error).to_contain_text("涉密标识")
    expect(failed.get_by_test_id("retry")).to_have_count(0)
    failed.screenshot(path=str(ARTIFACTS / f"refused-message-{width}.png"))
    failed.get_by_test_id("edit-refused").click()
    expect(failed).to_have_count(0)
    box = s.page.get_by_test_id("composer")
    expect(box).to_have_value(text)
    box.fill(text.replace("机密", "内部"))
    box.press("Enter")
    expect(s.bubble(text.replace("机密", "内部"))).to_have_count(1)
    expect(s.page.get_by_test_id("pending-message")).to_have_count(0)
    assert not s.errors, s.errors


def test_refused_message_says_why_and_offers_edit_on_desktop(make_session) -> None:  # type: ignore[no-untyped-def]
    _refused_message_shows_why(make_session(), 1440)


def test_refused_message_says_why_on_a_touch_phone(browser, hub_url) -> None:  # type: ignore[no-untyped-def]
    from tests.browser.conftest import Session

    ctx = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True,
                              locale="zh-CN", timezone_id="Asia/Shanghai")
    try:
        s = Session(ctx, ctx.new_page(), hub_url)
        _refused_message_shows_why(s, 390)
    finally:
        ctx.close()


def test_pending_count_and_previews_come_with_the_channel_list(make_session, card_hub) -> None:  # type: ignore[no-untyped-def]
    url, secret = card_hub
    watching = make_session(base=url)
    watching.login("majun")
    item = watching.channel(CHANNEL)
    badge = item.get_by_test_id("waiting-count")
    before = int(re.sub(r"\D", "", badge.text_content() or "0") or 0) if badge.count() else 0
    channel_id = item.get_attribute("data-channel-id")
    title = f"关于追加培训经费的请示 {token()}"
    assert push(url, secret, {"channel_ids": [channel_id], "card": decision_card(title), "outcomes": OUTCOMES}) == 202
    # Live, for a channel never opened in this session.
    expect(badge).to_contain_text(str(before + 1))
    expect(item).to_contain_text(title)

    fresh = make_session(base=url)
    history: list[str] = []

    def note(request: Request) -> None:
        if HISTORY.search(request.url):
            history.append(request.url)

    fresh.page.on("request", note)
    fresh.login("majun")
    fresh_item = fresh.channel(CHANNEL)
    # From the server at login: the count and the preview, without opening the channel...
    expect(fresh_item.get_by_test_id("waiting-count")).to_contain_text(str(before + 1))
    expect(fresh_item).to_contain_text(title)
    fresh.page.wait_for_load_state("networkidle")
    # ...and without one history request per channel.
    assert history == [], history
    fresh.page.screenshot(path=str(ARTIFACTS / "pending-at-login.png"))

    # Deciding it in one session brings the count down in the other, still unopened.
    watching.open_channel(CHANNEL)
    card = watching.page.locator("[data-testid=messages] [data-testid=card]", has_text=title)
    card.get_by_test_id("card-action").filter(has_text="同意").click()
    expect(card.get_by_test_id("card-status")).to_have_text("已同意")
    if before:
        expect(fresh_item.get_by_test_id("waiting-count")).to_contain_text(str(before))
    else:
        expect(fresh_item.get_by_test_id("waiting-count")).to_have_count(0)
    assert not watching.errors and not fresh.errors, (watching.errors, fresh.errors)


def test_client_routes_serve_the_app_and_unknown_paths_are_404(make_session, hub_url) -> None:  # type: ignore[no-untyped-def]
    assert _status(f"{hub_url}/files/x.xlsx") == 404
    assert _status(f"{hub_url}/no/such/page") == 404
    assert _status(f"{hub_url}/contacts") == 200
    s = make_session()
    s.login("zhangsan")
    channel_id = s.channel(CHANNEL).get_attribute("data-channel-id")
    # A deep link to a conversation opens it after the login page.
    other = make_session()
    other.page.goto(f"{hub_url}/c/{channel_id}")
    expect(other.page.get_by_test_id("login-form")).to_be_visible()
    other.page.get_by_test_id("username").fill("zhangsan")
    other.page.get_by_test_id("password").fill("Baiyin@2026")
    other.page.get_by_test_id("login-submit").click()
    expect(other.page.get_by_test_id("conversation-title")).to_have_text(CHANNEL)
    assert other.page.url.endswith(f"/c/{channel_id}")
    # The rail's entries are links to routes.
    other.page.get_by_test_id("tab-contacts").click()
    expect(other.page).to_have_url(f"{hub_url}/contacts")
    other.page.go_back()
    expect(other.page.get_by_test_id("conversation-title")).to_have_text(CHANNEL)
    assert not s.errors and not other.errors, (s.errors, other.errors)
