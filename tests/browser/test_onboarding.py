"""The role tour on first login (completed, not shown again, replayed, skipped) and the 帮助中心 from every screen."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, Response, expect

from hub.seed.demo import TOUR_DEMO_USER
from tests.browser.conftest import HELP_SHOTS, PASSWORD, Session


def sign_in(s: Session, username: str) -> None:
    """Log in and wait until the workspace has asked the server for my tour (it shows, or not, after that)."""
    s.page.goto(s.base)
    s.page.get_by_test_id("username").fill(username)
    s.page.get_by_test_id("password").fill(PASSWORD)
    with s.page.expect_response(lambda r: r.url.endswith("/api/v1/me/tours") and r.request.method == "GET"):
        s.page.get_by_test_id("login-submit").click()
    expect(s.page.get_by_test_id("workspace")).to_be_visible()


def my_tour(page: Page, base: str) -> dict[str, object]:
    tours = page.request.get(base + "/api/v1/me/tours").json()
    return {"due": tours["due"], **next(t for t in tours["tours"] if t["key"] == tours["role"])}


def _recorded(response: Response) -> bool:
    """The client's answer from recording a tour (completed or skipped)."""
    return response.url.endswith("/api/v1/me/tours") and response.request.method == "POST"


def test_first_login_shows_the_role_tour_once_and_it_replays_from_the_avatar_menu(make_session) -> None:  # type: ignore[no-untyped-def]
    s = make_session(width=1280, height=800)
    sign_in(s, TOUR_DEMO_USER)
    tour = s.page.get_by_test_id("tour-overlay")
    expect(tour).to_have_attribute("data-tour-key", "staff")
    expect(s.page.get_by_test_id("tour-title")).to_have_text("消息")
    expect(s.page.get_by_test_id("tour-ring")).to_be_visible()
    s.page.screenshot(path=str(HELP_SHOTS / "tour.png"))
    # Through every step: the tour goes to the 工作台 for the steps that live there.
    steps = []
    while tour.count():
        steps.append(tour.get_attribute("data-step"))
        if steps[-1] == "leave":
            expect(s.page).to_have_url(s.base + "/work")
            expect(s.page.get_by_test_id("tour-title")).to_have_text("发起请假")
            expect(s.page.get_by_test_id("tour-next")).to_have_text("下一步")
        if steps[-1] == "me":  # the last step records the tour: wait for that answer before reading it back
            with s.page.expect_response(_recorded):
                s.page.get_by_test_id("tour-next").click()
        else:
            s.page.get_by_test_id("tour-next").click()
        expect(tour.and_(s.page.locator(f'[data-step="{steps[-1]}"]'))).to_have_count(0)
    assert steps == ["chats", "channels", "work", "leave", "me"]
    assert my_tour(s.page, s.base)["outcome"] == "completed"

    # Screens the help pages show: the 工作台, the 请假 form, the chats.
    s.page.get_by_test_id("tab-work").click()
    expect(s.page.get_by_test_id("work-view")).to_be_visible()
    s.page.screenshot(path=str(HELP_SHOTS / "work.png"))
    s.page.get_by_test_id("work-start").click()
    s.page.get_by_test_id("start-def-leave").click()
    expect(s.page.get_by_test_id("start-form")).to_be_visible()
    s.page.screenshot(path=str(HELP_SHOTS / "leave.png"))
    s.page.get_by_test_id("tab-chats").click()
    s.page.get_by_test_id("channel-item").first.click()
    expect(s.page.get_by_test_id("conversation-title")).to_be_visible()
    s.page.screenshot(path=str(HELP_SHOTS / "chat.png"))

    # Seen: after logging out and in again (another device, even) the tour stays away.
    s.page.get_by_test_id("me").click()
    s.page.get_by_test_id("logout").click()
    expect(s.page.get_by_test_id("login-form")).to_be_visible()
    other = make_session()
    sign_in(other, TOUR_DEMO_USER)
    expect(other.page.get_by_test_id("channel-item").first).to_be_visible()
    expect(other.page.get_by_test_id("tour-overlay")).to_have_count(0)

    # Replayed from the avatar menu, then skipped half way: recorded as skipped.
    other.page.get_by_test_id("me").click()
    other.page.get_by_test_id("menu-tour").click()
    expect(other.page.get_by_test_id("tour-count")).to_have_text("第 1 / 5 步")
    other.page.get_by_test_id("tour-next").click()
    expect(other.page.get_by_test_id("tour-count")).to_have_text("第 2 / 5 步")
    other.page.get_by_test_id("tour-prev").click()
    expect(other.page.get_by_test_id("tour-count")).to_have_text("第 1 / 5 步")
    with other.page.expect_response(_recorded):
        other.page.get_by_test_id("tour-skip").click()
    expect(other.page.get_by_test_id("tour-overlay")).to_have_count(0)
    assert my_tour(other.page, other.base)["outcome"] == "skipped"
    assert my_tour(other.page, other.base)["due"] is False
    assert not s.errors and not other.errors


def open_help_page(page: Page, page_id: str, title: str) -> None:
    page.locator(f'[data-testid=help-link][data-page="{page_id}"]').click()
    view = page.get_by_test_id("help-page")
    expect(view).to_have_attribute("data-page", page_id)
    expect(view.locator("h1")).to_have_text(title)


def images_loaded(page: Page) -> bool:
    return bool(page.get_by_test_id("help-page").locator("img").evaluate_all(
        "imgs => imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0)"))


def test_help_centre_opens_from_chat_login_and_admin_console_in_both_languages(make_session, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    # From the chat screen (an office director whose tour the demo marked seen).
    s = make_session()
    sign_in(s, "gaopeng")
    expect(s.page.get_by_test_id("channel-item").first).to_be_visible()
    s.page.get_by_test_id("help-button").click()
    expect(s.page.get_by_test_id("help-index")).to_be_visible()
    open_help_page(s.page, "staff-chat", "发消息")
    s.page.wait_for_function("() => [...document.querySelectorAll('[data-testid=help-page] img')]"
                             ".every(i => i.complete && i.naturalWidth > 0)")
    assert images_loaded(s.page)
    # Switching the language shows the same page in English; the filter narrows the list.
    s.page.get_by_test_id("help-lang").click()
    expect(s.page.get_by_test_id("help-page").locator("h1")).to_have_text("Sending messages")
    s.page.get_by_test_id("help-search").fill("delegate period")
    expect(s.page.get_by_test_id("help-link")).to_have_count(1)
    open_help_page(s.page, "leader-delegation", "Delegation (代理)")
    s.page.get_by_test_id("help-search").fill("")
    s.page.get_by_test_id("help-lang").click()
    expect(s.page.get_by_test_id("help-page").locator("h1")).to_have_text("设置代理")
    s.page.screenshot(path=str(artifacts / "help-centre.png"))
    s.page.get_by_test_id("help-back").click()
    expect(s.page.get_by_test_id("workspace")).to_be_visible()

    # From the login page, without a session.
    anon = make_session()
    anon.page.goto(anon.base + "/login")
    anon.page.get_by_test_id("login-help").click()
    open_help_page(anon.page, "public-query", "办件查询（公众）")

    # From the administrator's console: its own page.
    admin = make_session(width=1280, height=800)
    sign_in(admin, "sysadmin")
    expect(admin.page.get_by_test_id("admin-sys")).to_be_visible()
    expect(admin.page.get_by_test_id("tour-overlay")).to_have_count(0)
    admin.page.screenshot(path=str(HELP_SHOTS / "admin-sys.png"))
    admin.page.get_by_test_id("admin-help").click()
    expect(admin.page.get_by_test_id("help-page")).to_have_attribute("data-page", "admin-sys")
    expect(admin.page.get_by_test_id("help-page").locator("h1")).to_have_text("系统管理员控制台")
    assert not s.errors and not anon.errors and not admin.errors
