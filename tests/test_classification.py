"""密级 markings refused at the door on every text surface, disguised or not; ordinary words pass."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from hub.actions.bots import do_issue_bot_token
from hub.classification import DEFAULT_RULES
from hub.lib.timeutil import utcnow
from hub.models import AuditEntry, Card, Channel, Delegation, Message
from tests.botkit import decision_card, office, push
from tests.conftest import World

MUST_REFUSE = [
    "机密★1年", "秘密★", "绝密★长期", "这份文件是机密★1年", "密级：机密", "密级:秘密", "密级 绝密",
    "机密：边境布防方案", "绝密", "【机密】关于调整的通知", "[秘密] 会议纪要", "（绝密）作战方案", "机密 文件请阅",
    "&#31192;&#23494;★", "&#26426;&#23494;：名单", "&amp;#32477;&amp;#23494;", "**秘**密★", "__机__密★5年",
    "*机密*：附件", "机 密★", "秘\u200b密★", "机\u00ad密★1年", "\ufeff绝密", "秘\ufe0f密★", "機密★1年", "絕密",
    "祕密★", "㊙", "㊙️ 名单", "ＭＩ机密★１０年", "机密１０年", "<b>秘</b>密★", "第一行\n机密：第二行是标识",
    "密級：機密", "密级为秘密", "`绝密`",
]
MUST_PASS = [
    "商业秘密", "个人秘密", "机密性", "不是秘密", "本文件属工作秘密，注意保管", "保护商业秘密是企业的责任",
    "信息的机密性、完整性和可用性", "这件事不是秘密", "涉及个人秘密的内容请勿转发", "等保要求保障数据机密性",
    "秘书处下午开会", "请保密", "密码至少8位", "密切配合", "机关事务管理局", "亲密无间", "国家秘密的定义见保密法第二条",
    "机密性要求：三级", "今天天气很好", "关于下达2026年预算的请示", "经济秘闻", "秘鲁代表团来访", "★★★★★ 五星好评",
    "密级：内部", "密级：公开",
]


def test_the_tables_are_big_enough() -> None:
    assert len(MUST_REFUSE) >= 30 and len(MUST_PASS) >= 20


@pytest.mark.parametrize("text", MUST_REFUSE)
def test_markings_are_found(text: str) -> None:
    assert DEFAULT_RULES.marking(text) in {"秘密", "机密", "绝密"}, text


@pytest.mark.parametrize("text", MUST_PASS)
def test_ordinary_words_pass(text: str) -> None:
    assert DEFAULT_RULES.marking(text) is None, text


async def test_the_tables_through_messages_and_edits(world: World) -> None:
    o = await office(world)
    url = f"/api/v1/channels/{o['channel_id']}/messages"
    for text in MUST_REFUSE:
        status, body = await world.api("POST", url, o["t_zhangsan"], json={"content": text})
        assert status == 422 and body["error"]["code"] == "classified_content", text
    for text in MUST_PASS:
        status, body = await world.api("POST", url, o["t_zhangsan"], json={"content": text})
        assert status == 201, (text, body)
    # The channel holds exactly the passing texts.
    _, hist = await world.api("GET", url, o["t_zhangsan"], params={"limit": 100})
    assert [m["content"] for m in hist["messages"]][-len(MUST_PASS):] == MUST_PASS
    rec = await world.socket(o["t_zhangsan"])
    sent = await rec.call("message.send", {"channel_id": o["channel_id"], "content": "草稿", "client_msg_id": "c1"})
    edit = await rec.call("message.edit", {"message_id": sent["data"]["id"], "content": "&#31192;&#23494;★"})
    assert edit["error"]["code"] == "classified_content"


async def test_group_names_topics_and_delegation_reasons(world: World) -> None:
    o = await office(world)
    for payload in ({"name": "机密★专班"}, {"name": "专班", "topic": "密级：绝密"}, {"name": "**绝**密"}):
        status, body = await world.api("POST", "/api/v1/channels", o["t_zhangsan"], json=payload)
        assert status == 422 and body["error"]["code"] == "classified_content", payload
    assert await Channel.find(Channel.kind == "group").count() == 0
    period = {"starts_at": utcnow().isoformat(), "ends_at": (utcnow() + timedelta(days=2)).isoformat()}
    status, body = await world.api("POST", "/api/v1/delegations", o["t_majun"], json={
        "delegate_id": str(o["zhangshaosong"].id), "reason": "祕密★出差", **period})
    assert status == 422 and body["error"]["code"] == "classified_content"
    assert await Delegation.find_all().count() == 0
    status, _ = await world.api("POST", "/api/v1/delegations", o["t_majun"], json={
        "delegate_id": str(o["zhangshaosong"].id), "reason": "出差，注意商业秘密", **period})
    assert status == 200


def _card_with(o: dict[str, Any], where: str) -> dict[str, Any]:
    card = decision_card(o["unit"])
    marked = "機密★1年"
    if where == "kind":
        card["kind"] = marked
    elif where == "button":
        card["actions"][0]["label"] = marked
    elif where == "confirm":
        card["actions"][1]["confirm"] = "秘 密★"
    elif where == "input_label":
        card["actions"][1]["input"]["label"] = "密级：绝密"
    elif where == "choice":
        card["actions"][1]["input"] = {"kind": "choice", "options": ["同意", "&#32477;&#23494;★"]}
    elif where == "attachment":
        card["attachments"] = [{"name": "【绝密】名单.pdf", "url": "/files/1.pdf"}]
    elif where == "field":
        card["fields"] = [{"label": "密级", "value": "机密"}]
    elif where == "status":
        card["status"]["label"] = "绝密"
    elif where == "title":
        card["title"] = "秘\u200b密★"
    elif where == "body":
        card["body"] = "正文\n机密：名单附后"
    return card


SURFACES = ["kind", "button", "confirm", "input_label", "choice", "attachment", "field", "status", "title", "body"]


async def test_a_refused_card_is_never_stored(world: World) -> None:
    o = await office(world)
    token = await do_issue_bot_token(world.hub, None, "webhook")
    headers = {"Authorization": f"Bearer {token}"}
    for where in SURFACES:
        resp = await world.client.post("/api/v1/bot/cards", headers=headers,
                                       json={"channel_ids": [o["channel_id"]], "card": _card_with(o, where)})
        body = await resp.json()
        assert resp.status == 422 and body["error"]["code"] == "classified_content", (where, body)
        assert await Card.find_all().count() == 0, where
    # The bot can still post a clean card, and its messages are checked too.
    resp = await world.client.post("/api/v1/bot/cards", headers=headers,
                                   json={"channel_ids": [o["channel_id"]], "card": decision_card(o["unit"])})
    assert resp.status == 200
    card_id = (await resp.json())["id"]
    assert (await world.api("GET", f"/api/v1/cards/{card_id}", o["t_majun"]))[0] == 200
    resp = await world.client.post("/api/v1/bot/messages", headers=headers,
                                   json={"channel_ids": [o["channel_id"]], "text": "绝密★"})
    assert resp.status == 422
    resp = await world.client.patch(f"/api/v1/bot/cards/{card_id}", headers=headers, json={"title": "机密★"})
    assert resp.status == 422 and (await Card.get(card_id)).title == "关于下达2026年预算的请示"  # type: ignore[union-attr]


async def test_integration_pushes_are_checked_before_any_bot_sees_them(world: World) -> None:
    o = await office(world)
    before = await Message.find_all().count()
    status, body = await push(world, o["secret"], {"channel_ids": [o["channel_id"]], "text": "&#26426;&#23494;★名单"})
    assert status == 422 and body["error"]["code"] == "classified_content"
    status, _ = await push(world, o["secret"], {"channel_ids": [o["channel_id"]], "card": _card_with(o, "choice")})
    assert status == 422
    assert await Message.find_all().count() == before and await Card.find_all().count() == 0


async def test_the_security_administrator_edits_the_policy(world: World) -> None:
    o = await office(world)
    await world.user("anquan", "安全管理员", roles=["sec_admin"])
    admin = await world.login("anquan")
    assert (await world.api("GET", "/api/v1/policies/classification", o["t_zhangsan"]))[0] == 403
    status, policy = await world.api("GET", "/api/v1/policies/classification", admin)
    assert status == 200 and policy["levels"] == ["绝密", "机密", "秘密"] and "机密性" in policy["allow"]
    url = f"/api/v1/channels/{o['channel_id']}/messages"
    assert (await world.api("POST", url, o["t_zhangsan"], json={"content": "机密文件柜已上锁"}))[0] == 422
    new = {"levels": policy["levels"], "allow": [*policy["allow"], "机密文件柜"], "version": policy["version"]}
    status, updated = await world.api("PUT", "/api/v1/policies/classification", admin, json=new)
    assert status == 200 and updated["version"] == policy["version"] + 1
    assert (await world.api("POST", url, o["t_zhangsan"], json={"content": "机密文件柜已上锁"}))[0] == 201
    # A stale version is refused; staff cannot edit; the change is audited with before and after.
    status, body = await world.api("PUT", "/api/v1/policies/classification", admin, json=new)
    assert status == 409 and body["error"]["code"] == "conflict"
    assert (await world.api("PUT", "/api/v1/policies/classification", o["t_zhangsan"], json=new))[0] == 403
    entry = await AuditEntry.find_one(AuditEntry.action == "policy.classification_updated")
    assert entry is not None and "机密文件柜" in entry.detail["after"]["allow"]
    assert "机密文件柜" not in entry.detail["before"]["allow"]


@pytest.mark.parametrize("url", ["/\\evil.example/x", "//evil.example/x", "https://evil.example/x",
                                 "/files/../api/v1/session/logout", "/files/%2e%2e/x", "javascript:alert(1)"])
async def test_attachments_link_only_to_our_own_files(world: World, url: str) -> None:
    o = await office(world)
    token = await do_issue_bot_token(world.hub, None, "webhook")
    card = decision_card(o["unit"])
    card["attachments"] = [{"name": "附件.pdf", "url": url}]
    resp = await world.client.post("/api/v1/bot/cards", headers={"Authorization": f"Bearer {token}"},
                                   json={"channel_ids": [o["channel_id"]], "card": card})
    assert resp.status == 400 and (await resp.json())["error"]["code"] == "invalid_request"
    card["attachments"] = [{"name": "附件.pdf", "url": "/files/2026/budget.pdf"}]
    resp = await world.client.post("/api/v1/bot/cards", headers={"Authorization": f"Bearer {token}"},
                                   json={"channel_ids": [o["channel_id"]], "card": card})
    assert resp.status == 200 and await Card.find_all().count() == 1


async def test_org_names_and_slash_commands_are_checked(world: World) -> None:
    from hub.actions.org import do_create_unit, do_create_user
    from hub.errors import HubError

    for make in (lambda: do_create_unit(world.hub, "x1", "绝密★科", "绝密★科", "office", None),
                 lambda: do_create_user(world.hub, "spy", "【机密】张三", "Passw0rd!", ["staff"])):
        with pytest.raises(HubError) as refused:
            await make()
        assert refused.value.code == "classified_content"
    o = await office(world)
    status, body = await world.api("POST", f"/api/v1/channels/{o['channel_id']}/commands", o["t_zhangsan"],
                                   json={"text": '/poll "密级：机密" 甲 乙'})
    assert status == 422 and body["error"]["code"] == "classified_content"
    assert await Card.find_all().count() == 0
