"""Demo internal approvals: the 市政府办公室 seal keeper and vehicle desk, and 待办 waiting for the demo leaders."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hub.actions.audit import Origin
from hub.actions.org import do_add_membership, do_create_user
from hub.actions.workflow import do_act, do_start
from hub.context import Hub
from hub.lib.workdays import beijing_date
from hub.models import Membership, Unit, User
from hub.workflow.wire import ActIn, StartIn

# username, name, unit code, 岗位, 职务: the people the 用印 and 用车 definitions name by position.
OFFICE_DESK = [("wanglin", "王琳", "zf-bgs", "印章管理岗", "印章管理员"),
               ("zhaogang", "赵刚", "zf-bgs", "车辆管理岗", "车辆调度员")]


async def _desk(hub: Hub, password: str, stable_id: Any) -> None:
    for username, name, code, position, title in OFFICE_DESK:
        unit = await Unit.find_one(Unit.code == code)
        if unit is None:
            continue
        user = await User.find_one(User.username == username)
        if user is None:
            user = await do_create_user(hub, username, name, password, ["staff"], user_id=stable_id("user", username))
        if await Membership.find_one(Membership.user_id == user.id, Membership.unit_id == unit.id) is None:
            await do_add_membership(hub, user, unit, position, title, order=20)


def _items(first: date) -> list[tuple[str, str, dict[str, Any], list[str]]]:
    """(initiator, definition, form, who has already approved in order): each ends waiting for a demo leader."""
    day = first.isoformat()
    week = (first + timedelta(days=6)).isoformat()
    return [
        ("zhangshaosong", "leave", {"kind": "年休假", "period": [day, week], "reason": "回老家探望父母"}, []),
        ("zhangsan", "signoff", {"title": "关于申请2027年度信息化运维经费的签报", "urgency": "加急",
                                 "body": "预算科现有业务系统运维合同将于年底到期，拟申请续签，请审定。",
                                 "amount": "38000.00"}, []),
        ("huangwei", "vehicle", {"destination": "会宁县会师镇", "depart_at": f"{day} 08:30",
                                 "return_at": f"{day} 18:00", "passengers": 3,
                                 "purpose": "赴会宁县开展就业援助月专项督导"}, []),
        ("tangli", "purchase", {"title": "市发改委会议室音视频设备采购",
                                "items": "会议终端 2套\n扩声系统 1套\n高清显示屏 2块",
                                "amount": "86500.00", "funding": "部门预算", "method": "询价",
                                "reason": "现有设备已使用九年，故障频发，影响视频会议。"}, ["luoyong"]),
        ("guoying", "seal", {"title": "报送国土空间规划实施评估报告", "document": "白银市国土空间总体规划实施评估报告",
                             "seal": "单位公章", "copies": 5, "on_date": day}, []),
    ]


async def load_demo_approvals(hub: Hub, password: str, stable_id: Any) -> int:
    """Start the demo's pending approvals once (fixed request ids: loading again starts nothing new)."""
    await _desk(hub, password, stable_id)
    calendar = await hub.workdays.fresh()
    first = calendar.next_workday(beijing_date(hub.clock.now()) + timedelta(days=1))
    started = 0
    origin = Origin(ip=None, user_agent="demo-seed")
    for n, (username, key, form, approvers) in enumerate(_items(first)):
        initiator = await User.find_one(User.username == username)
        if initiator is None:
            continue
        inst = await do_start(hub, initiator, StartIn(definition_key=key, form=form, request_id=f"demo-approval-{n}"),
                              origin)
        for i, approver in enumerate(approvers):
            user = await User.find_one(User.username == approver)
            if user is not None:
                await do_act(hub, user, str(inst.id), ActIn(op="approve", opinion="同意，请分管领导审定。",
                                                            request_id=f"demo-approval-{n}-{i}"), origin)
        started += 1
    return started
