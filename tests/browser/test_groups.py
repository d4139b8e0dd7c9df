"""Group management in the details column: make an admin, rename, the 群主 cannot just leave, dissolve; notices."""

from __future__ import annotations

import uuid

from playwright.sync_api import expect


def test_group_management(colleagues) -> None:  # type: ignore[no-untyped-def]
    a, b = colleagues
    t = uuid.uuid4().hex[:6]
    group = f"专班{t}"
    me_b = b.page.evaluate("fetch('/api/v1/session/me').then(r => r.json())")
    create = """([name, id]) => fetch('/api/v1/channels', {method: 'POST', headers: {'Content-Type':
        'application/json'}, body: JSON.stringify({name, member_ids: [id]})}).then(r => r.json())"""
    a.page.evaluate(create, [group, me_b["id"]])
    a.open_channel(group)
    b.open_channel(group)
    member_b = a.page.locator('[data-testid=member][data-name="张绍松"]')
    expect(a.page.locator('[data-testid=member][data-name="张三"]').get_by_test_id("member-role")).to_have_text("群主")

    # 张三 (群主) makes 张绍松 an admin: both see the notice, and 张绍松 can now rename the group.
    member_b.get_by_test_id("member-menu").click()
    member_b.get_by_test_id("make-admin").click()
    expect(member_b.get_by_test_id("member-role")).to_have_text("管理员")
    expect(b.page.get_by_test_id("system-message").filter(has_text="张三 将 张绍松 设为管理员")).to_have_count(1)
    box = b.page.get_by_test_id("group-rename")
    box.fill(f"预算专班{t}")
    box.press("Enter")
    expect(a.page.get_by_test_id("conversation-title")).to_have_text(f"预算专班{t}")
    expect(a.page.get_by_test_id("system-message").filter(has_text=f"张绍松 修改群名为“预算专班{t}”")).to_have_count(1)

    # The 群主 cannot leave without handing over; the hub says why.
    a.page.get_by_test_id("leave-group").click()
    a.page.get_by_test_id("leave-group").click()
    expect(a.page.get_by_test_id("toast")).to_contain_text("群主需先转让")

    # The 群主 dissolves it: 张绍松 hears the notice and the group leaves his list.
    a.page.get_by_test_id("dissolve-group").click()
    a.page.get_by_test_id("dissolve-group").click()
    expect(b.channel(f"预算专班{t}")).to_have_count(0)
    expect(a.channel(f"预算专班{t}")).to_have_count(0)
    assert not a.errors and not b.errors, (a.errors, b.errors)
