"""Actionable cards in two browsers: a leader decides and others see it live; polls through slash commands."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, start_hub

CHANNEL = "市财政局"
# hub.seed.demo.stable_id("unit", "czj"): demo ids are the same in every process.
CZJ = hashlib.sha256(b"xietong-demo:unit:czj").digest()[:12].hex()
OUTCOMES = {"approve": {"code": "approved", "label": "已同意", "tone": "success"},
            "reject": {"code": "rejected", "label": "已退回", "tone": "danger"}}
WATCH_BUTTONS = """id => {
  window.__sawButtons = false
  const look = () => {
    if (document.querySelector(`[data-card-id="${id}"] [data-testid=card-action]`)) window.__sawButtons = true
  }
  look()
  new MutationObserver(look).observe(document.body, { childList: true, subtree: true })
}"""


def token() -> str:
    return uuid.uuid4().hex[:8]


@pytest.fixture(scope="module")
def card_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """A hub of its own with an integration whose webhook bot sits in 市财政局; yields (url, secret)."""
    secret_file: Path = tmp_path_factory.mktemp("cardhub") / "secret"
    _, url, stop = start_hub(["tests.browser.cardhub"], "cardhub-browser.log",
                             {"CARDHUB_SECRET_FILE": str(secret_file)}, ready=secret_file.exists)
    yield url, secret_file.read_text()
    stop()


def push(url: str, secret: str, payload: dict[str, Any]) -> int:
    """A signed integration push: X-Xietong-Signature = sha256=HMAC(secret, timestamp + "." + body)."""
    body = json.dumps(payload, ensure_ascii=False).encode()
    ts = str(int(time.time()))
    sig = "sha256=" + hmac.new(secret.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
    req = urllib.request.Request(f"{url}/api/v1/integrations/province/incoming", data=body, method="POST",
                                 headers={"Content-Type": "application/json", "X-Xietong-Timestamp": ts,
                                          "X-Xietong-Signature": sig})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return int(r.status)
    except urllib.error.HTTPError as exc:
        raise AssertionError(f"push refused: {exc.code} {exc.read()!r}") from None


def decision_card(title: str) -> dict[str, Any]:
    """A 签报 only the head of 市财政局 may approve or return (return asks for a reason)."""
    rule = {"positions": [{"unit_id": CZJ}]}
    return {
        "kind": "签报", "title": title, "classification": "内部", "urgency": "加急",
        "body": "请审批。预算明细见附件，**请于本周内**反馈意见。",
        "fields": [{"label": "来文单位", "value": "省财政厅"}, {"label": "文号", "value": "甘财预〔2026〕12号"},
                   {"label": "承办人", "value": "张三"}],
        "attachments": [{"name": "预算明细.xlsx", "url": "/files/budget.xlsx", "mime": "application/vnd.ms-excel",
                         "size": 48213}],
        "deadline": "2030-01-01T09:00:00Z",
        "status": {"code": "pending", "label": "待审批", "tone": "warning"},
        "actions": [
            {"id": "approve", "label": "同意", "style": "primary", "rule": rule},
            {"id": "reject", "label": "退回", "style": "danger", "confirm": "确定退回吗？",
             "input": {"kind": "comment", "required": True, "label": "退回理由"}, "rule": rule},
        ],
    }


def test_leader_approves_and_colleague_sees_it_live(make_session, card_hub) -> None:  # type: ignore[no-untyped-def]
    url, secret = card_hub
    head, staff, head2 = (make_session(base=url) for _ in range(3))
    head.login("majun")
    staff.login("zhangsan")
    head2.login("majun")
    for s in (head, staff, head2):
        s.open_channel(CHANNEL)
    channel_id = head.channel(CHANNEL).get_attribute("data-channel-id")
    t = token()

    # 1. 同意: the head's buttons appear; staff never see any; everyone sees the outcome live.
    title = f"关于下达2026年预算的请示 {t}"
    assert push(url, secret, {"channel_ids": [channel_id], "card": decision_card(title), "outcomes": OUTCOMES}) == 202
    card_a = head.page.locator("[data-testid=messages] [data-testid=card]", has_text=title)
    card_b = staff.page.locator("[data-testid=messages] [data-testid=card]", has_text=title)
    expect(card_a.get_by_test_id("card-action")).to_have_text(["同意", "退回"])
    expect(card_a.get_by_test_id("card-waiting")).to_have_text("待你处理")
    expect(card_b.get_by_test_id("card-status")).to_have_text("待审批")
    card_id = card_b.get_attribute("data-card-id")
    staff.page.evaluate(WATCH_BUTTONS, card_id)
    expect(card_b.get_by_test_id("card-action")).to_have_count(0)
    expect(card_b.get_by_test_id("card-waiting")).to_have_count(0)
    card_a.scroll_into_view_if_needed()
    card_a.screenshot(path=str(ARTIFACTS / "card-buttons.png"))
    head.page.screenshot(path=str(ARTIFACTS / "card-workspace.png"))

    # A forged click from staff (straight to the API with their session) is refused and changes nothing.
    forged = staff.page.evaluate("""id => fetch(`/api/v1/cards/${id}/actions`, {
        method: 'POST', credentials: 'same-origin', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({action_id: 'approve', version: 1, request_id: 'forged-1'})})
        .then(async r => [r.status, (await r.json()).error.code])""", card_id)
    assert forged == [403, "action_not_allowed"]
    expect(card_b.get_by_test_id("card-status")).to_have_text("待审批")

    card_a.get_by_test_id("card-action").filter(has_text="同意").click()
    expect(card_a.get_by_test_id("card-status")).to_have_text("已同意")
    expect(head.page.get_by_test_id("toast")).to_have_text("已同意")
    expect(card_b.get_by_test_id("card-status")).to_have_text("已同意")
    expect(card_b).to_have_attribute("data-version", "2")
    expect(card_a.get_by_test_id("card-action")).to_have_count(0)
    expect(card_a.get_by_test_id("card-waiting")).to_have_count(0)
    assert staff.page.evaluate("window.__sawButtons") is False

    # 2. 退回 asks to confirm and for a reason, which is required.
    title2 = f"关于追加办公经费的请示 {t}"
    assert push(url, secret, {"channel_ids": [channel_id], "card": decision_card(title2), "outcomes": OUTCOMES}) == 202
    card2_a = head.page.locator("[data-testid=messages] [data-testid=card]", has_text=title2)
    card2_b = staff.page.locator("[data-testid=messages] [data-testid=card]", has_text=title2)
    card2_a.get_by_test_id("card-action").filter(has_text="退回").click()
    dialog = head.page.get_by_test_id("card-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_test_id("card-dialog-confirm")).to_have_text("确定退回吗？")
    expect(dialog).to_contain_text("退回理由")
    expect(dialog.get_by_test_id("card-dialog-submit")).to_be_disabled()
    dialog.get_by_test_id("card-dialog-comment").fill("数据有误，请重新核对")
    expect(dialog.get_by_test_id("card-dialog-submit")).to_be_enabled()
    head.page.screenshot(path=str(ARTIFACTS / "card-comment-dialog.png"))
    dialog.get_by_test_id("card-dialog-submit").click()
    expect(dialog).to_have_count(0)
    expect(card2_b.get_by_test_id("card-status")).to_have_text("已退回")
    expect(card2_a.get_by_test_id("card-status")).to_have_text("已退回")

    # The details panel: fields, attachments and the timeline (Beijing time), opened by clicking the card.
    card2_b.get_by_test_id("card-title").click()
    detail = staff.page.get_by_test_id("card-detail")
    expect(detail.get_by_test_id("card-title")).to_have_text(title2)
    expect(detail.get_by_test_id("card-timeline")).to_contain_text("马军")
    expect(detail.get_by_test_id("card-timeline")).to_contain_text("退回：数据有误，请重新核对")
    expect(detail).to_contain_text("甘财预〔2026〕12号")
    expect(detail).to_contain_text("预算明细.xlsx")
    expect(detail.get_by_test_id("card-action")).to_have_count(0)
    staff.page.screenshot(path=str(ARTIFACTS / "card-detail-panel.png"))

    # 3. A click that could not be sent, then the card is decided elsewhere: the retry (same request id)
    #    is told who acted first, and the card shows the outcome.
    title3 = f"关于调整政府采购目录的请示 {t}"
    assert push(url, secret, {"channel_ids": [channel_id], "card": decision_card(title3), "outcomes": OUTCOMES}) == 202
    card3_a = head.page.locator("[data-testid=messages] [data-testid=card]", has_text=title3)
    card3_c = head2.page.locator("[data-testid=messages] [data-testid=card]", has_text=title3)
    expect(card3_c.get_by_test_id("card-action")).to_have_count(2)
    head2.context.set_offline(True)
    expect(head2.page.get_by_test_id("offline-banner")).to_be_visible()
    card3_c.get_by_test_id("card-action").filter(has_text="同意").click()
    expect(card3_c.get_by_test_id("card-retry")).to_be_visible()
    card3_a.get_by_test_id("card-action").filter(has_text="同意").click()
    expect(card3_a.get_by_test_id("card-status")).to_have_text("已同意")
    head2.context.set_offline(False)
    expect(head2.page.get_by_test_id("offline-banner")).to_have_count(0, timeout=15_000)
    card3_c.get_by_test_id("card-retry").click()
    expect(card3_c.get_by_test_id("card-error")).to_contain_text("已由 马军 于")
    expect(card3_c.get_by_test_id("card-error")).to_contain_text("处理：同意")
    expect(card3_c.get_by_test_id("card-status")).to_have_text("已同意")
    expect(card3_c.get_by_test_id("card-action")).to_have_count(0)
    for s in (head, staff, head2):
        assert not s.errors, s.errors


def test_poll_through_slash_command(colleagues) -> None:  # type: ignore[no-untyped-def]
    a, b = colleagues
    t = token()
    box = a.page.get_by_test_id("composer")

    # "/" suggests commands; Tab completes.
    box.click()
    box.type("/po")
    option = a.page.get_by_test_id("command-option").first
    expect(option).to_contain_text("/poll")
    expect(option).to_contain_text("发起投票")
    box.press("Tab")
    expect(box).to_have_value("/poll ")

    # Too few options: the bot's explanation, the text stays for correction, nothing is posted.
    box.type("只有题目")
    box.press("Enter")
    expect(a.page.get_by_test_id("toast")).to_contain_text("至少需要题目和两个选项")
    expect(box).to_have_value("/poll 只有题目")
    box.fill(f'/poll "午饭吃什么 {t}" 面条 米饭')
    box.press("Enter")
    expect(box).to_have_value("")
    card_a = a.page.locator("[data-testid=messages] [data-testid=card]", has_text=f"午饭吃什么 {t}")
    card_b = b.page.locator("[data-testid=messages] [data-testid=card]", has_text=f"午饭吃什么 {t}")
    expect(card_b.get_by_test_id("card-status")).to_have_text("进行中")
    expect(a.bubble("/poll")).to_have_count(0)
    # Everyone votes; only the creator may close.
    expect(card_a.get_by_test_id("card-action")).to_have_text(["面条", "米饭", "结束投票"])
    expect(card_b.get_by_test_id("card-action")).to_have_text(["面条", "米饭"])

    card_b.get_by_test_id("card-action").filter(has_text="面条").click()
    expect(card_a.locator("[data-testid=card-field][data-label=面条]")).to_have_text("1 票（100%）")
    expect(card_b.locator("[data-testid=card-field][data-label=面条]")).to_have_text("1 票（100%）")
    card_a.get_by_test_id("card-action").filter(has_text="米饭").click()
    expect(card_b.locator("[data-testid=card-field][data-label=米饭]")).to_have_text("1 票（50%）")
    expect(card_b.locator("[data-testid=card-field][data-label=参与人数]")).to_have_text("2")
    # The creator keeps the close button after voting (personal buttons on the new version).
    expect(card_a.get_by_test_id("card-action")).to_have_text(["面条", "米饭", "结束投票"])

    card_a.get_by_test_id("card-action").filter(has_text="结束投票").click()
    dialog = a.page.get_by_test_id("card-dialog")
    expect(dialog.get_by_test_id("card-dialog-confirm")).to_contain_text("结束后将不能再投票")
    dialog.get_by_test_id("card-dialog-submit").click()
    expect(card_b.get_by_test_id("card-status")).to_have_text("已结束")
    expect(card_a.get_by_test_id("card-status")).to_have_text("已结束")
    expect(card_a.get_by_test_id("card-action")).to_have_count(0)
    expect(card_b.get_by_test_id("card-action")).to_have_count(0)
    assert not a.errors and not b.errors, (a.errors, b.errors)
