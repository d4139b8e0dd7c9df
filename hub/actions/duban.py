"""督办: open an item (by hand, from a card, or from a 批示 through `do_open_duban`), run it as the "duban"
process (签收 → 办理 → 反馈 → 复核 → 办结销号), take progress reports, and light it from its deadline by timers."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Literal

from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from hub.access import parse_id
from hub.actions.audit import Origin, do_audit
from hub.actions.cards import access_card
from hub.actions.channels import do_get_or_create_direct
from hub.actions.messages import do_send_message
from hub.actions.policy import check_texts
from hub.actions.reminders import reminder_bot
from hub.actions.timers import do_schedule_timer
from hub.context import Hub
from hub.errors import HubError
from hub.lib.timeutil import BEIJING, as_utc
from hub.lib.workdays import WorkCalendar, beijing_date
from hub.models import Membership, Timer, Unit, User
from hub.models.duban import DubanItem, Light, ProgressReport, SourceKind
from hub.remind.duban_wire import DubanIn, ProgressIn
from hub.workflow.documents import ProcessInstance, SubjectRef
from hub.workflow.wire import StartIn

LIGHT_TIMER = "duban.light"
YELLOW_WORKDAYS = 2  # yellow from the start of the second working day before the deadline's day
OPENERS = ("leader", "office_director", "sys_admin")
_RANK: dict[str, int] = {"green": 0, "yellow": 1, "red": 2}
_MAX_RETRIES = 50


def check_may_open(user: User) -> None:
    if not any(role in user.roles for role in OPENERS):
        raise HubError("forbidden", detail="督办 is opened by leaders and the office")


async def unit_heads(unit: Unit) -> list[str]:
    seats = await Membership.find(Membership.unit_id == unit.id, Membership.is_head == True  # noqa: E712
                                  ).sort("order").to_list()
    return [str(m.user_id) for m in seats]


def yellow_from(calendar: WorkCalendar, deadline_day: date) -> datetime:
    day, counted = deadline_day, 0
    while counted < YELLOW_WORKDAYS:
        day -= timedelta(days=1)
        if calendar.is_workday(day):
            counted += 1
    return as_utc(datetime.combine(day, time(0, 0), BEIJING))


def light_at(item: DubanItem, yellow_at: datetime, now: datetime) -> Light:
    if now >= as_utc(item.deadline):
        return "red"
    return "yellow" if now >= yellow_at else "green"


async def do_open_duban(hub: Hub, user: User, body: DubanIn, origin: Origin, *, source_kind: SourceKind = "manual",
                        source_id: str | None = None) -> DubanItem:
    """Once per request id. The 公文 work opens one from a 批示 with source_kind="instruction" and the
    instruction's id; a card source must be a card the opener can see."""
    check_may_open(user)
    check_texts(hub, [body.title, body.body])
    me = str(user.id)
    earlier = await DubanItem.find_one(DubanItem.created_by == me, DubanItem.request_id == body.request_id)
    if earlier is not None:
        return await _started(hub, user, earlier, body.urgency)
    if body.source is not None:
        card = await access_card(user, body.source.id)
        source_kind, source_id = "card", str(card.id)
    unit = await Unit.get(parse_id(body.host_unit_id))
    if unit is None or unit.external:
        raise HubError("invalid_request", detail="host_unit_id: a unit of this organisation")
    if not await unit_heads(unit):
        raise HubError("no_approver", detail=f"{unit.name}: no head to sign for it")
    now = hub.clock.now()
    if body.deadline < beijing_date(now):
        raise HubError("invalid_request", detail="deadline: today or later")
    deadline = as_utc(datetime.combine(body.deadline, time(23, 59, 59, 999000), BEIJING))
    item = DubanItem(title=body.title.strip(), body=body.body.strip(), source_kind=source_kind, source_id=source_id,
                     host_unit_id=unit.id, host_unit_name=unit.name, deadline=deadline, leader_id=me,
                     leader_name=user.name, created_by=me, request_id=body.request_id, created_at=now)
    try:
        await item.insert()
    except DuplicateKeyError:
        found = await DubanItem.find_one(DubanItem.created_by == me, DubanItem.request_id == body.request_id)
        assert found is not None
        return await _started(hub, user, found, body.urgency)
    await do_audit(hub, "duban.open", actor=user, object_type="duban", object_id=item.id, origin=origin,
                   detail={"source": source_kind, "unit": unit.code})
    return await _started(hub, user, item, body.urgency)


async def _started(hub: Hub, user: User, item: DubanItem, urgency: str) -> DubanItem:
    """Start its process and schedule its lights (both idempotent: a retry finishes what a crash left)."""
    from hub.actions.workflow import do_start

    unit = await Unit.get(item.host_unit_id)
    heads = await unit_heads(unit) if unit else []
    start = StartIn(definition_key="duban", request_id=f"duban-{item.id}",
                    form={"title": item.title, "body": item.body, "host_unit": [str(item.host_unit_id)],
                          "deadline": beijing_date(item.deadline).isoformat(), "urgency": urgency},
                    chosen={"sign": heads, "handle": heads, "feedback": heads, "review": [item.leader_id]},
                    subject=SubjectRef(kind="duban", id=str(item.id)))
    inst = await do_start(hub, user, start, Origin(user_agent="duban"))
    if item.instance_id is None:
        await DubanItem.get_pymongo_collection().update_one({"_id": item.id}, {"$set": {"instance_id": inst.id}})
        item = item.model_copy(update={"instance_id": inst.id})
    calendar = await hub.workdays.fresh()
    for light, due in (("yellow", yellow_from(calendar, beijing_date(item.deadline))), ("red", item.deadline)):
        await do_schedule_timer(hub, LIGHT_TIMER, f"{LIGHT_TIMER}:{item.id}:{light}", due,
                                {"item_id": str(item.id), "light": light})
    return item


async def stage_of(item: DubanItem) -> tuple[str, bool]:
    """The item's stage from its process: the open step, 办结销号 once 复核 approved, 已撤销 if it ended otherwise."""
    inst = await ProcessInstance.get(item.instance_id) if item.instance_id else None
    if inst is None:
        return "交办", False
    if inst.state.status == "approved":
        return "办结销号", True
    if inst.state.status != "running":
        return "已撤销", True
    run = inst.state.open_run()
    return (run.name if run else "交办"), False


async def light_fired(hub: Hub, timer: Timer) -> None:
    """Yellow near the deadline, red past it: stored, and the leader and the 主办 unit's heads are told once."""
    item = await DubanItem.get(parse_id(str(timer.payload["item_id"])))
    if item is None:
        return
    _, closed = await stage_of(item)
    light = str(timer.payload["light"])
    if closed or _RANK[light] <= _RANK[item.light]:
        return
    await DubanItem.get_pymongo_collection().update_one(
        {"_id": item.id, "light": {"$in": [k for k, v in _RANK.items() if v < _RANK[light]]}},
        {"$set": {"light": light}})
    unit = await Unit.get(item.host_unit_id)
    heads = await unit_heads(unit) if unit else []
    word = "即将到期（黄灯）" if light == "yellow" else "已超期（红灯）"
    due = as_utc(item.deadline).astimezone(BEIJING)
    text = f"【督办·{word}】{item.title}\n主办单位：{item.host_unit_name}\n办结时限：{due:%Y-%m-%d}\n" \
        f"[查看](/work/duban/{item.id})"
    bot = await reminder_bot()
    for user_id in dict.fromkeys([item.leader_id, *heads]):
        dm = await do_get_or_create_direct(hub, bot, user_id)
        await do_send_message(hub, bot, dm, text, f"duban-{item.id}-{light}-{user_id}"[:64])


async def access_duban(user: User, item_id: object) -> DubanItem:
    """The leader following it, whoever opened it, members of the 主办 unit, administrators."""
    item = await DubanItem.get(parse_id(item_id))
    if item is None:
        raise HubError("not_found")
    me = str(user.id)
    if me in (item.leader_id, item.created_by) or "sys_admin" in user.roles:
        return item
    if await Membership.find_one(Membership.user_id == user.id, Membership.unit_id == item.host_unit_id):
        return item
    raise HubError("not_found")


async def may_report(user: User, item: DubanItem) -> bool:
    return await Membership.find_one(Membership.user_id == user.id, Membership.unit_id == item.host_unit_id
                                     ) is not None


async def do_report_progress(hub: Hub, user: User, item_id: str, body: ProgressIn) -> DubanItem:
    """A progress report by a member of the 主办 unit while the item is open; once per request id."""
    item = await access_duban(user, item_id)
    check_texts(hub, [body.text])
    if any(p.request_id == body.request_id and p.by_id == str(user.id) for p in item.progress):
        return item
    if not await may_report(user, item):
        raise HubError("forbidden", detail="progress is reported by the 主办 unit")
    if (await stage_of(item))[1]:
        raise HubError("action_not_allowed")
    coll = DubanItem.get_pymongo_collection()
    for _ in range(_MAX_RETRIES):
        current = await DubanItem.get(item.id)
        assert current is not None
        if any(p.request_id == body.request_id and p.by_id == str(user.id) for p in current.progress):
            return current
        report = ProgressReport(seq=len(current.progress) + 1, at=hub.clock.now(), by_id=str(user.id),
                                by_name=user.name, percent=body.percent, text=body.text.strip(),
                                request_id=body.request_id)
        doc = await coll.find_one_and_update(
            {"_id": current.id, "version": current.version},
            {"$push": {"progress": report.model_dump(mode="python")}, "$set": {"version": current.version + 1}},
            return_document=ReturnDocument.AFTER)
        if doc is not None:
            updated: DubanItem = DubanItem.model_validate(doc)
            bot = await reminder_bot()
            dm = await do_get_or_create_direct(hub, bot, item.leader_id)
            await do_send_message(hub, bot, dm, f"【督办·进展】{item.title}\n{user.name}：{body.percent}%，"
                                  f"{report.text[:200]}\n[查看](/work/duban/{item.id})",
                                  f"duban-{item.id}-p{report.seq}")
            return updated
    raise HubError("conflict", detail="the item changed too often; try again")


async def list_duban(user: User, scope: Literal["following", "hosting"]) -> list[DubanItem]:
    if scope == "following":
        me = str(user.id)
        found = await DubanItem.find({"$or": [{"leader_id": me}, {"created_by": me}]}).sort("+deadline") \
            .limit(500).to_list()
    else:
        units = [m.unit_id for m in await Membership.find(Membership.user_id == user.id).to_list()]
        found = await DubanItem.find({"host_unit_id": {"$in": units}}).sort("+deadline").limit(500).to_list() \
            if units else []
    return found


async def yellow_at_of(hub: Hub, item: DubanItem) -> datetime:
    return yellow_from(await hub.workdays.fresh(), beijing_date(item.deadline))


