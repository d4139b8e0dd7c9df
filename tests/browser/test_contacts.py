"""通讯录 in the browser: a profile shows office phone, mobile and room; starring puts a colleague in 常用联系人."""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, Session


def open_profile(s: Session, name: str) -> None:
    s.page.get_by_test_id("people-search").fill(name)
    s.page.get_by_test_id("person").filter(has_text=name).first.click()
    expect(s.page.get_by_test_id("profile-name")).to_contain_text(name)


def test_contact_details_and_starred_contacts(make_session: Callable[..., Session]) -> None:
    s = make_session()
    s.login("zhangsan")
    s.page.get_by_test_id("tab-contacts").click()
    open_profile(s, "马军")
    expect(s.page.get_by_test_id("profile-office-phone")).to_contain_text("0943-")
    expect(s.page.get_by_test_id("profile-room")).to_contain_text("室")
    # The same unit (市财政局): the mobile in full.
    expect(s.page.get_by_test_id("profile-mobile")).to_have_text(re.compile(r"^\s*1\d{10}\s*$"))
    s.page.get_by_test_id("profile-star").click()
    expect(s.page.get_by_test_id("profile-star")).to_contain_text("取消常用联系人")
    s.page.screenshot(path=str(ARTIFACTS / "contacts-profile.png"))
    s.page.locator(".modal-mask").first.click(position={"x": 5, "y": 5})
    s.page.get_by_test_id("people-search").fill("")
    expect(s.page.get_by_test_id("starred-contact").filter(has_text="马军")).to_be_visible()

    # Someone of another unit: the mobile is masked.
    open_profile(s, "唐莉")
    expect(s.page.get_by_test_id("profile-mobile")).to_contain_text("****")
    s.page.locator(".modal-mask").first.click(position={"x": 5, "y": 5})
    s.page.reload()
    s.page.get_by_test_id("tab-contacts").click()
    expect(s.page.get_by_test_id("starred-contact").filter(has_text="马军")).to_be_visible()
    assert not s.errors
