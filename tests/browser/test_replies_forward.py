"""Replies with a quote (a recall shows in the quote, live) and forwarding several messages with their origin."""

from __future__ import annotations

import uuid

from playwright.sync_api import expect


def test_reply_quote_recall_and_forward(colleagues) -> None:  # type: ignore[no-untyped-def]
    a, b = colleagues
    t = uuid.uuid4().hex[:8]
    a.send(f"请报送预算 {t}")
    expect(b.bubble(f"请报送预算 {t}")).to_have_count(1)

    # 张绍松 replies to it: the composer shows whom he answers, and both see the quote over his reply.
    original = b.page.locator("[data-testid=message]", has_text=f"请报送预算 {t}")
    original.hover()
    original.get_by_test_id("reply").click()
    expect(b.page.get_by_test_id("reply-bar")).to_contain_text("张三")
    b.send(f"收到 {t}")
    expect(b.page.get_by_test_id("reply-bar")).to_have_count(0)
    reply_a = a.page.locator("[data-testid=message]", has_text=f"收到 {t}")
    expect(reply_a.get_by_test_id("quote")).to_contain_text(f"张三：请报送预算 {t}")

    # 张三 recalls the original: the quote turns into "recalled" on both screens, without a reload.
    mine = a.page.locator("[data-testid=message]", has_text=f"请报送预算 {t}").filter(
        has_not=a.page.get_by_test_id("quote"))
    mine.hover()
    mine.get_by_test_id("recall").click()
    a.page.get_by_test_id("recall-confirm").click()
    expect(reply_a.get_by_test_id("quote")).to_have_text("引用的消息已撤回")
    reply_b = b.page.locator("[data-testid=message]", has_text=f"收到 {t}")
    expect(reply_b.get_by_test_id("quote")).to_have_text("引用的消息已撤回")

    # 张绍松 opens a group with 张三, then forwards two messages of the unit channel into it.
    me_a = a.page.evaluate("fetch('/api/v1/session/me').then(r => r.json())")
    group = f"专班{t}"
    create = """([name, id]) => fetch('/api/v1/channels', {method: 'POST', headers: {'Content-Type':
        'application/json'}, body: JSON.stringify({name, member_ids: [id]})}).then(r => r.json())"""
    b.page.evaluate(create, [group, me_a["id"]])
    a.send(f"第一条 {t}")
    a.send(f"第二条 {t}")
    expect(b.bubble(f"第二条 {t}")).to_have_count(1)
    b.page.get_by_test_id("start-select").click()
    b.page.locator("[data-testid=message]", has_text=f"第二条 {t}").click()
    b.page.locator("[data-testid=message]", has_text=f"第一条 {t}").click()
    expect(b.page.get_by_test_id("select-bar")).to_contain_text("2")
    b.page.get_by_test_id("forward-selected").click()
    b.page.locator(f'[data-testid=forward-target][data-name="{group}"]').click()
    expect(b.page.get_by_test_id("forward-dialog")).to_have_count(0)

    # 张三 opens the group: the copies arrive in the order written, each saying where it came from.
    a.open_channel(group)
    copies = a.page.locator("[data-testid=message]", has_text=t)
    expect(copies).to_have_count(2)
    expect(copies.nth(0)).to_contain_text(f"第一条 {t}")
    expect(copies.nth(1)).to_contain_text(f"第二条 {t}")
    expect(copies.nth(0).get_by_test_id("forwarded-from")).to_have_text("转发自 张三 · 市财政局")
    assert not a.errors and not b.errors, (a.errors, b.errors)
