"""Offline and back: a banner while disconnected, then catch-up with no gaps and no duplicates."""

from __future__ import annotations

import uuid

from playwright.sync_api import expect


def test_offline_catch_up_exactly_once(colleagues) -> None:  # type: ignore[no-untyped-def]
    a, b = colleagues
    t = uuid.uuid4().hex[:8]
    b.send(f"在线 {t}")
    expect(a.bubble(f"在线 {t}")).to_have_count(1)

    a.context.set_offline(True)
    expect(a.page.get_by_test_id("offline-banner")).to_be_visible()
    expect(a.page.get_by_test_id("offline-banner")).to_contain_text("正在重新连接")

    # A's message while offline waits in the send queue (issue 16), with its client_msg_id.
    a.send(f"离线发送 {t}")
    queued = a.page.locator("[data-testid=pending-message][data-status=queued]")
    expect(queued).to_have_count(1)

    missed = [f"离线期间 {i} {t}" for i in range(5)]
    for text in missed:
        b.send(text)
        expect(b.bubble(text)).to_have_count(1)
    # B also edits the message A saw before going offline.
    mine = b.page.locator("[data-testid=message]", has_text=f"在线 {t}")
    mine.hover()
    mine.get_by_test_id("edit").click()
    b.page.get_by_test_id("edit-box").fill(f"在线（改）{t}")
    b.page.get_by_test_id("edit-box").press("Enter")
    expect(b.bubble(f"在线（改）{t}")).to_have_count(1)
    expect(a.bubble(missed[0])).to_have_count(0)

    a.context.set_offline(False)
    expect(a.page.get_by_test_id("offline-banner")).to_have_count(0)
    for text in missed:
        expect(a.bubble(text)).to_have_count(1)
    expect(a.bubble(f"在线（改）{t}")).to_have_count(1)

    # The queued send goes out by itself on reconnect: it arrives once, for both.
    expect(a.page.get_by_test_id("pending-message")).to_have_count(0)
    expect(a.bubble(f"离线发送 {t}")).to_have_count(1)
    expect(b.bubble(f"离线发送 {t}")).to_have_count(1)

    # Sequence numbers in A's view are unique and without holes.
    seqs = [int(x) for x in a.page.locator("[data-testid=messages] [data-seq]").evaluate_all(
        "els => els.map(e => e.getAttribute('data-seq'))")]
    assert seqs == sorted(set(seqs)), seqs
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs))), seqs

    # A forced disconnect (not a network loss) also recovers and catches up.
    a.page.evaluate("window.__xt.bounce(1500)")
    expect(a.page.get_by_test_id("offline-banner")).to_be_visible()
    b.send(f"断线重连 {t}")
    expect(a.page.get_by_test_id("offline-banner")).to_have_count(0, timeout=15_000)
    expect(a.bubble(f"断线重连 {t}")).to_have_count(1)
