"""Reactions: pick one of the fixed set, counts and who update live on the other screen, toggle off."""

from __future__ import annotations

import uuid

from playwright.sync_api import expect


def test_reactions_live_with_counts_and_toggle(colleagues) -> None:  # type: ignore[no-untyped-def]
    a, b = colleagues
    t = uuid.uuid4().hex[:8]
    a.send(f"明早九点开会 {t}")
    msg_b = b.page.locator("[data-testid=message]", has_text=t)
    expect(msg_b).to_have_count(1)
    msg_b.hover()
    msg_b.get_by_test_id("react").click()
    expect(msg_b.get_by_test_id("reaction-option")).to_have_count(6)
    msg_b.locator("[data-testid=reaction-option][data-key=like]").click()

    msg_a = a.page.locator("[data-testid=message]", has_text=t)
    like_a = msg_a.locator("[data-testid=reaction][data-key=like]")
    expect(like_a).to_contain_text("👍")
    expect(like_a.get_by_test_id("reaction-count")).to_have_text("1")
    expect(like_a).to_have_attribute("title", "张绍松")
    # 张三 adds his own by clicking the chip: two, both named, and his chip is marked as his.
    like_a.click()
    expect(like_a.get_by_test_id("reaction-count")).to_have_text("2")
    expect(like_a).to_have_class("reaction on")
    like_b = msg_b.locator("[data-testid=reaction][data-key=like]")
    expect(like_b.get_by_test_id("reaction-count")).to_have_text("2")
    expect(like_b).to_have_attribute("title", "张绍松、张三")
    # 张绍松 takes his back.
    like_b.click()
    expect(like_a.get_by_test_id("reaction-count")).to_have_text("1")
    expect(like_b).not_to_have_class("reaction on")
    b.page.screenshot(path="tests/artifacts/reactions.png")
    assert not a.errors and not b.errors, (a.errors, b.errors)
