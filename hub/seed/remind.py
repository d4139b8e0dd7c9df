"""Demo 督办 items and reminders: 李晓东 follows two items, hosted by 市数字办 (signed for, with a progress report)
and 市发改委, and a few people have reminders pending. Loading it twice changes nothing (fixed request ids).
The people are ones the browser tests do not count unread messages for (their items DM the holders)."""

from __future__ import annotations

from datetime import timedelta

from hub.actions.audit import Origin
from hub.actions.duban import do_open_duban, do_report_progress
from hub.actions.reminders import do_set_reminder
from hub.actions.workflow import do_act
from hub.context import Hub
from hub.lib.workdays import beijing_date
from hub.models import Unit, User
from hub.remind.duban_wire import DubanIn, ProgressIn
from hub.remind.wire import ReminderIn, ReminderTargetIn
from hub.workflow.documents import Assignment
from hub.workflow.wire import ActIn

SEED = Origin(user_agent="demo-seed")


async def load_remind_demo(hub: Hub) -> None:
    people = {u.username: u for u in await User.find({"username": {"$in": ["lixiaodong", "heyu", "luoyong"]}})
              .to_list()}
    szb, fgw = await Unit.find_one(Unit.code == "szb"), await Unit.find_one(Unit.code == "fgw")
    if len(people) < 3 or szb is None or fgw is None:
        return
    leader, head, other = people["lixiaodong"], people["heyu"], people["luoyong"]
    calendar = await hub.workdays.fresh()
    today = beijing_date(hub.clock.now())
    first = await do_open_duban(hub, leader, DubanIn(
        request_id="demo-duban-yiwangtongban", title="推进政务服务“一网通办”事项梳理",
        body="按市政府常务会议要求，梳理全市政务服务事项清单，月底前完成上网运行，每周报送进展。",
        host_unit_id=str(szb.id), deadline=today + timedelta(days=20), urgency="加急"), SEED)
    await do_open_duban(hub, leader, DubanIn(
        request_id="demo-duban-zhongdian", title="报送全市重点项目推进情况",
        body="请于时限内报送重点项目推进情况及存在问题，并附佐证材料。", host_unit_id=str(fgw.id),
        deadline=calendar.next_workday(today + timedelta(days=1))), SEED)
    if first.instance_id is not None:
        # 贺宇 has signed for the first item and reported its progress once.
        await do_act(hub, head, str(first.instance_id), ActIn(op="approve", request_id="demo-duban-sign",
                                                              opinion="已签收，由数据资源科牵头办理"), SEED)
        await do_report_progress(hub, head, str(first.id), ProgressIn(
            request_id="demo-duban-progress-1", percent=35, text="已完成420项事项梳理，正在核对办事指南。"))
    task = await Assignment.find_one(Assignment.user_id == str(other.id), Assignment.status == "open")
    if task is not None:
        await do_set_reminder(hub, other, ReminderIn(request_id="demo-remind-luoyong", preset="tomorrow_0900",
                                                     target=ReminderTargetIn(kind="task", id=str(task.id)),
                                                     note="签收重点项目督办"))
    if first.instance_id is not None:
        await do_set_reminder(hub, leader, ReminderIn(
            request_id="demo-remind-lixiaodong", preset="next_workday_0900",
            target=ReminderTargetIn(kind="process", id=str(first.instance_id)), note="看一网通办进展"))
