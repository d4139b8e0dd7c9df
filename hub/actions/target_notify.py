"""目标管理's timers and messages: a reminder before each milestone, a flag to the 分管领导 when one is missed,
and the reporter told of the office's 复核. Messages come from the 目标管理 bot, once per timer or decision."""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta

from beanie import PydanticObjectId

from hub.actions.bot_dm import bot_user, do_send_bot_dm
from hub.actions.timers import do_schedule_timer
from hub.context import Hub
from hub.lib.timeutil import BEIJING
from hub.lib.workdays import WorkCalendar
from hub.models import Membership, Timer, Unit, User
from hub.models.targets import Milestone, Target, TargetAct, TargetReport
from hub.targets.lights import WARN_WORKING_DAYS, cumulative
from hub.workflow.documents import Supervision

log = logging.getLogger(__name__)

BOT_KEY = "targets"
BOT_NAME = "目标管理"
MILESTONE_TIMER = "targets.milestone"
REMIND_AT = time(9, 0)


async def targets_bot() -> User:
    return await bot_user(BOT_KEY, BOT_NAME)


def remind_day(calendar: WorkCalendar, milestone: Milestone) -> datetime:
    """09:00 Beijing on the working day WARN_WORKING_DAYS working days before the milestone's date."""
    day, left = milestone.due, WARN_WORKING_DAYS
    while left > 0:
        day -= timedelta(days=1)
        if calendar.is_workday(day):
            left -= 1
    return datetime.combine(day, REMIND_AT, BEIJING)


def overdue_moment(milestone: Milestone) -> datetime:
    """The first minute after the milestone's day ends (Beijing)."""
    return datetime.combine(milestone.due + timedelta(days=1), time(0, 1), BEIJING)


async def schedule_milestones(hub: Hub, target: Target) -> None:
    """Two timers per milestone; the keys name the firing, so scheduling again changes nothing."""
    calendar = await hub.workdays.fresh()
    now = hub.clock.now()
    for m in target.milestones:
        remind = remind_day(calendar, m)
        if remind > now:
            await do_schedule_timer(hub, MILESTONE_TIMER, f"target:{target.id}:{m.key}:remind", remind,
                                    {"target_id": str(target.id), "milestone": m.key, "what": "remind"})
        await do_schedule_timer(hub, MILESTONE_TIMER, f"target:{target.id}:{m.key}:overdue", overdue_moment(m),
                                {"target_id": str(target.id), "milestone": m.key, "what": "overdue"})


async def _heads(unit_id: str) -> list[str]:
    found = await Membership.find(Membership.unit_id == PydanticObjectId(unit_id), Membership.is_head == True  # noqa: E712
                                  ).to_list()
    return [str(m.user_id) for m in found]


async def _supervisors(unit_id: str) -> list[str]:
    found = await Supervision.find(Supervision.unit_id == PydanticObjectId(unit_id)).to_list()
    return [str(s.leader_id) for s in found]


async def _dm(hub: Hub, user_ids: list[str], text: str, msg_key: str) -> None:
    await do_send_bot_dm(hub, await targets_bot(), user_ids, text, msg_key)


async def _unit_name(unit_id: str) -> str:
    unit = await Unit.get(PydanticObjectId(unit_id))
    return unit.name if unit else ""


def _link(target: Target) -> str:
    return f"[{target.code}《{target.title}》](/targets/{target.id})"


async def notify_review(hub: Hub, target: Target, report: TargetReport) -> None:
    if report.status == "accepted":
        text = f"你报送的进展（{report.percent}%）已被{report.reviewer_name}复核采用：{_link(target)}"
    else:
        text = f"你报送的进展（{report.percent}%）被{report.reviewer_name}退回，理由：{report.reason}。{_link(target)}"
    await _dm(hub, [report.reporter_id], text, f"target-review-{report.id}")


async def milestone_fired(hub: Hub, timer: Timer) -> None:
    """Recompute the light; if the milestone is still unmet, remind the 主责 unit's head, or on the day after,
    flag it to the head and the 分管领导. Nothing for a closed target or a milestone already reached."""
    from hub.actions.targets import do_refresh_light

    target_id = PydanticObjectId(str(timer.payload["target_id"]))
    target = await Target.get(target_id)
    if target is None or target.status == "closed":
        return
    found = next(((m, pct) for m, pct in cumulative(target.milestones) if m.key == timer.payload["milestone"]), None)
    if found is None:
        return
    milestone, pct = found
    if target.progress >= pct:
        await do_refresh_light(hub, target_id)
        return
    overdue = timer.payload["what"] == "overdue"
    already = any(a.act in ("reminded", "overdue") and a.note == f"{timer.id}" for a in target.trail)
    if not already:
        act = TargetAct(at=hub.clock.now(), act="overdue" if overdue else "reminded", note=str(timer.id),
                        percent=pct)
        target = await do_refresh_light(hub, target_id, act)
    unit = await _unit_name(target.lead_unit_id)
    if overdue:
        text = (f"【目标逾期】{unit}主责的{_link(target)}节点“{milestone.title}”（{milestone.due:%m月%d日}）"
                f"未按期完成：要求{pct}%，已复核进度{target.progress}%。")
        people = await _heads(target.lead_unit_id) + await _supervisors(target.lead_unit_id)
    else:
        text = (f"【节点提醒】{_link(target)}节点“{milestone.title}”将于{milestone.due:%m月%d日}到期，"
                f"要求进度{pct}%，目前已复核{target.progress}%，请及时报送进展。")
        people = await _heads(target.lead_unit_id)
    await _dm(hub, people, text, f"timer-{timer.id}")
