"""The Baiyin demo organisation: real place names, made-up people. Loading it twice changes nothing."""

from __future__ import annotations

import hashlib
from typing import Any

from beanie import PydanticObjectId

from bots.protocol import IntegrationEvent
from hub.actions.channels import ensure_unit_channel, subscribe
from hub.actions.integrations import do_create_integration
from hub.actions.onboarding import do_mark_tours_seen
from hub.actions.org import do_add_membership, do_create_unit, do_create_user
from hub.cards import ActionInput, ActionRule, CardActionDef, CardField, CardSpec, CardStatus, PositionRule
from hub.context import Hub
from hub.models import BotAccount, Integration, Membership, Unit, User
from hub.seed.announce_demo import load_announcement_demo
from hub.seed.archive_demo import load_archive_demo
from hub.seed.contacts_demo import load_contacts_demo
from hub.seed.documents import load_demo_documents
from hub.seed.info_demo import load_info_demo
from hub.seed.library_demo import load_library_demo
from hub.seed.outgoing_demo import load_outgoing_demo
from hub.seed.targets_demo import load_targets_demo

DEMO_PASSWORD = "Baiyin@2026"

# code, name, short name, kind, parent code
UNITS: list[tuple[str, str, str, str, str | None]] = [
    ("gs", "甘肃省人民政府", "甘肃省", "province", None),
    ("by", "白银市", "白银市", "city", None),
    ("sw", "中共白银市委员会", "市委", "leadership", "by"),
    ("sw-bgs", "市委办公室", "市委办", "office", "sw"),
    ("sw-zzb", "市委组织部", "组织部", "department", "sw"),
    ("sw-xcb", "市委宣传部", "宣传部", "department", "sw"),
    ("rd", "白银市人大常委会", "市人大常委会", "leadership", "by"),
    ("rd-bgs", "市人大常委会办公室", "人大办", "office", "rd"),
    ("zf", "白银市人民政府", "市政府", "leadership", "by"),
    ("zf-bgs", "市政府办公室", "市政府办", "office", "zf"),
    ("fgw", "市发展和改革委员会", "市发改委", "department", "zf"),
    ("czj", "市财政局", "市财政局", "department", "zf"),
    ("rsj", "市人力资源和社会保障局", "市人社局", "department", "zf"),
    ("zrzyj", "市自然资源局", "市自然资源局", "department", "zf"),
    ("szb", "市数字白银工作办公室", "市数字办", "department", "zf"),
    ("jyj", "市教育局", "市教育局", "department", "zf"),
    ("wjw", "市卫生健康委员会", "市卫健委", "department", "zf"),
    ("zwfw", "市政务服务中心", "政务大厅", "department", "zf"),
    ("zx", "政协白银市委员会", "市政协", "leadership", "by"),
    ("zx-bgs", "市政协办公室", "政协办", "office", "zx"),
    ("byq", "白银区", "白银区", "district", "by"),
    ("pcq", "平川区", "平川区", "district", "by"),
    ("hnx", "会宁县", "会宁县", "county", "by"),
    ("jyx", "靖远县", "靖远县", "county", "by"),
    ("jtx", "景泰县", "景泰县", "county", "by"),
    ("byq-scz", "白银区水川镇", "水川镇", "township", "byq"),
    ("pcq-wjsz", "平川区王家山镇", "王家山镇", "township", "pcq"),
    ("hnx-hsz", "会宁县会师镇", "会师镇", "township", "hnx"),
    ("jyx-wlz", "靖远县乌兰镇", "乌兰镇", "township", "jyx"),
    ("jtx-ytsz", "景泰县一条山镇", "一条山镇", "township", "jtx"),
]

# username, name, roles, [(unit code, position 岗位, title 职务, is head)]
Seat = tuple[str, str, str, bool]
PEOPLE: list[tuple[str, str, list[str], list[Seat]]] = [
    ("wangjianguo", "王建国", ["leader"], [("sw", "市委主要负责人岗", "市委书记", True)]),
    ("liuhaiyan", "刘海燕", ["office_director"], [("sw-bgs", "办公室负责人岗", "市委办公室主任", True)]),
    ("zhaomin", "赵敏", ["doc_clerk"], [("sw-bgs", "机要文书岗", "机要科科员", False)]),
    ("dongzhigang", "董志刚", ["leader"], [("sw-zzb", "部门负责人岗", "组织部部长", True)]),
    ("yuanjing", "袁静", ["leader"], [("sw-xcb", "部门负责人岗", "宣传部部长", True)]),
    ("fengguoqiang", "冯国强", ["leader"], [("rd", "主要负责人岗", "市人大常委会主任", True)]),
    ("hejing", "何静", ["office_director"], [("rd-bgs", "办公室负责人岗", "办公室主任", True)]),
    ("chenzhiyuan", "陈志远", ["leader"], [("zf", "市政府主要负责人岗", "市长", True)]),
    ("lixiaodong", "李晓东", ["leader"], [("zf", "市政府领导岗", "常务副市长", False)]),
    ("sunli", "孙丽", ["leader"], [("zf", "市政府领导岗", "副市长", False),
                                    ("zwfw", "分管领导岗", "分管副市长", False)]),
    ("zhouwen", "周文", ["office_director"], [("zf-bgs", "办公室负责人岗", "市政府办公室主任", True),
                                              ("zf", "秘书长岗", "市政府秘书长", False)]),
    ("wufang", "吴芳", ["doc_clerk"], [("zf-bgs", "文书岗", "文档管理员", False)]),
    ("zhengkai", "郑凯", ["staff"], [("zf-bgs", "秘书岗", "秘书科科长", False)]),
    ("xuhong", "徐红", ["leader"], [("zx", "主要负责人岗", "市政协主席", True)]),
    ("gaopeng", "高鹏", ["office_director"], [("zx-bgs", "办公室负责人岗", "办公室主任", True)]),
    ("luoyong", "罗勇", ["leader"], [("fgw", "部门负责人岗", "市发改委主任", True)]),
    ("tangli", "唐莉", ["staff"], [("fgw", "综合岗", "综合科科员", False)]),
    ("majun", "马军", ["leader"], [("czj", "部门负责人岗", "市财政局局长", True)]),
    ("zhangshaosong", "张绍松", ["leader"], [("czj", "部门副职岗", "市财政局副局长", False)]),
    ("zhangsan", "张三", ["staff"], [("czj", "预算管理岗", "预算科科员", False)]),
    ("yangxue", "杨雪", ["leader"], [("rsj", "部门负责人岗", "市人社局局长", True)]),
    ("huangwei", "黄伟", ["staff"], [("rsj", "就业服务岗", "就业科科员", False)]),
    ("linfeng", "林峰", ["leader"], [("zrzyj", "部门负责人岗", "市自然资源局局长", True)]),
    ("guoying", "郭莹", ["staff"], [("zrzyj", "用地审批岗", "用地科科员", False)]),
    ("heyu", "贺宇", ["leader"], [("szb", "部门负责人岗", "市数字办主任", True)]),
    ("sysadmin", "田磊", ["sys_admin"], [("szb", "系统管理岗", "系统管理员", False)]),
    ("secadmin", "韩梅", ["sec_admin"], [("szb", "安全保密管理岗", "安全保密管理员", False)]),
    ("auditadmin", "曹雨", ["audit_admin"], [("szb", "安全审计岗", "安全审计员", False)]),
    ("dengchen", "邓晨", ["leader"], [("jyj", "部门负责人岗", "市教育局局长", True)]),
    ("xiaolihong", "肖丽红", ["leader"], [("wjw", "部门负责人岗", "市卫健委主任", True)]),
    ("panxin", "潘鑫", ["leader"], [("zwfw", "部门负责人岗", "政务服务中心主任", True)]),
    ("caiyan", "蔡燕", ["staff"], [("zwfw", "窗口受理岗", "综合受理窗口受理员", False)]),
    ("liangbo", "梁波", ["leader"], [("byq", "主要负责人岗", "白银区区长", True)]),
    ("songjia", "宋佳", ["leader"], [("pcq", "主要负责人岗", "平川区区长", True)]),
    ("weidong", "魏东", ["leader"], [("hnx", "主要负责人岗", "会宁县县长", True)]),
    ("zhongmin", "钟敏", ["office_director"], [("hnx", "办公室负责人岗", "县政府办公室主任", False)]),
    ("xuetao", "薛涛", ["leader"], [("jyx", "主要负责人岗", "靖远县县长", True)]),
    ("yaoyuan", "姚远", ["leader"], [("jtx", "主要负责人岗", "景泰县县长", True)]),
    ("fuqiang", "傅强", ["leader"], [("byq-scz", "主要负责人岗", "水川镇党委书记", True)]),
    ("shenjie", "沈洁", ["leader"], [("pcq-wjsz", "主要负责人岗", "王家山镇镇长", True)]),
    ("chenglei", "程磊", ["leader"], [("hnx-hsz", "主要负责人岗", "会师镇镇长", True)]),
    ("qinwen", "秦雯", ["leader"], [("jyx-wlz", "主要负责人岗", "乌兰镇镇长", True)]),
    ("baiyang", "白杨", ["leader"], [("jtx-ytsz", "主要负责人岗", "一条山镇镇长", True)]),
    ("lujia", "陆佳", ["staff"], [("jtx-ytsz", "便民服务岗", "便民服务中心干事", False)]),
]

# Shown by `make run`: one account per kind of work.
# The one demo account whose first login shows the role tour (a 便民服务岗 staff member no other test uses).
TOUR_DEMO_USER = "lujia"

SHOWCASE = ["zhangsan", "majun", "chenzhiyuan", "zhouwen", "wufang", "sysadmin", "auditadmin"]


def stable_id(kind: str, key: str) -> PydanticObjectId:
    """The same id in every process and every run, so separate hubs agree on the demo's objects."""
    return PydanticObjectId(hashlib.sha256(f"xietong-demo:{kind}:{key}".encode()).digest()[:12])


async def load_demo(hub: Hub) -> dict[str, int]:
    created = {"units": 0, "users": 0, "memberships": 0}
    units: dict[str, Unit] = {}
    for order, (code, name, short, kind, parent) in enumerate(UNITS):
        unit = await Unit.find_one(Unit.code == code)
        if unit is None:
            unit = await do_create_unit(hub, code, name, short, kind, units.get(parent) if parent else None,
                                        order=order, external=kind == "province", unit_id=stable_id("unit", code))
            created["units"] += 1
        units[code] = unit
    for username, name, roles, seats in PEOPLE:
        user = await User.find_one(User.username == username)
        if user is None:
            user = await do_create_user(hub, username, name, DEMO_PASSWORD, roles,
                                        user_id=stable_id("user", username))
            created["users"] += 1
        for order, (code, position, title, head) in enumerate(seats):
            unit = units[code]
            if await Membership.find_one(Membership.user_id == user.id, Membership.unit_id == unit.id) is None:
                await do_add_membership(hub, user, unit, position, title, is_head=head,
                                        order=0 if head else 10 + order)
                created["memberships"] += 1
    await _demo_supervision_and_definitions(hub, units)
    if hub.settings.demo_scope == "org":
        return created
    await _demo_workflow(hub)
    await load_contacts_demo()
    await load_targets_demo(hub)
    await load_info_demo(hub)
    await load_demo_documents(hub, units)
    await load_archive_demo(hub, units)
    await load_outgoing_demo(hub, units)
    await _remind_demo(hub)
    await load_announcement_demo(hub)
    await load_library_demo(hub)
    if "webhook" in hub.bots.local and await Integration.find_one(Integration.key == DEMO_INTEGRATION) is None:
        await _demo_integration(hub, units)
    await _load_licensing_demo(hub)
    # Every account the demo made has seen its tour, but one: browser tests log in as demo people and must not
    # meet a tour overlay; TOUR_DEMO_USER is kept for tests/browser/test_onboarding.py, which meets it.
    people = await User.find(User.is_bot == False, User.username != TOUR_DEMO_USER).to_list()  # noqa: E712
    await do_mark_tours_seen(hub, people)
    return created


async def _load_licensing_demo(hub: Hub) -> None:
    from hub.seed.licensing import load_licensing_demo

    await load_licensing_demo(hub)


DEMO_INTEGRATION = "province"
DEMO_INTEGRATION_SALT = "demo-province-v1"


def demo_request_card(czj: Unit) -> dict[str, Any]:
    """A 请示 from 预算科 waiting for the head of 市财政局: the card a leader sees first in the demo."""
    head_only = ActionRule(positions=[PositionRule(unit_id=str(czj.id))])
    spec = CardSpec(
        kind="签报", title="关于报送2027年度部门预算草案的请示", classification="内部", urgency="加急",
        fields=[CardField(label="拟稿单位", value="市财政局预算科"), CardField(label="拟稿人", value="张三"),
                CardField(label="文号", value="白财预〔2026〕38号")],
        body="按照省财政厅通知要求，现将我局2027年度部门预算草案报上，请审定。",
        status=CardStatus(code="pending", label="待审批", tone="warning"),
        actions=[CardActionDef(id="approve", label="同意", style="primary", rule=head_only),
                 CardActionDef(id="reject", label="退回", style="danger", confirm="确定退回这份请示吗？",
                               input=ActionInput(kind="comment", required=True, label="退回理由"), rule=head_only)])
    return {"channel_ids": [], "card": spec.model_dump(mode="json"),
            "outcomes": {"approve": {"code": "approved", "label": "已同意", "tone": "success"},
                         "reject": {"code": "rejected", "label": "已退回", "tone": "danger"}}}


async def _demo_integration(hub: Hub, units: dict[str, Unit]) -> None:
    """The province's document exchange as an integration, and what it has pushed so far."""
    # A fixed salt: the secret depends only on HUB_SECRET_KEY, so push scripts survive restarts and re-seeding.
    await do_create_integration(hub, None, DEMO_INTEGRATION, "省公文交换", "webhook", salt=DEMO_INTEGRATION_SALT)
    webhook = await BotAccount.find_one(BotAccount.key == "webhook")
    assert webhook is not None
    channels = {code: await ensure_unit_channel(units[code]) for code in ("zf-bgs", "czj")}
    for channel in channels.values():
        await subscribe(hub, channel, [webhook.user_id])
    notice = {"channel_ids": [str(channels["zf-bgs"].id)],
              "text": "【省公文交换】甘肃省财政厅《关于做好2027年预算编制工作的通知》（甘财预〔2026〕112号）"
                      "已送达，请及时签收。"}
    await hub.bots.run_integration("webhook", IntegrationEvent(integration=DEMO_INTEGRATION, payload=notice))
    request = demo_request_card(units["czj"])
    request["channel_ids"] = [str(channels["czj"].id)]
    await hub.bots.run_integration("webhook", IntegrationEvent(integration=DEMO_INTEGRATION, payload=request))


# 分管: which city leader is in charge of which units (the process engine asks for 分管领导).
SUPERVISION: dict[str, list[str]] = {
    "lixiaodong": ["czj", "fgw", "rsj", "szb"],
    "sunli": ["zwfw", "zrzyj", "jyj", "wjw"],
}


async def _demo_supervision_and_definitions(hub: Hub, units: dict[str, Unit]) -> None:
    """Part of the organisation: who 分管 what, and the process definitions the product ships."""
    from hub.actions.workflow_admin import do_set_supervision, load_shipped_definitions

    for username, codes in SUPERVISION.items():
        leader = await User.find_one(User.username == username)
        if leader is not None:
            await do_set_supervision(hub, leader, [units[c] for c in codes])
    await load_shipped_definitions(hub)


async def _demo_workflow(hub: Hub) -> None:
    from hub.seed.approvals import load_demo_approvals
    await load_demo_approvals(hub, DEMO_PASSWORD, stable_id)


async def _remind_demo(hub: Hub) -> None:
    from hub.seed.remind import load_remind_demo

    await load_remind_demo(hub)


async def store_is_empty() -> bool:
    """No org tree yet (bot accounts, created at start-up, do not count)."""
    return await Unit.find_all().count() == 0
