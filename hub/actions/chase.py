"""催办: by hand on someone's pending item (initiator, their head, their 分管领导, the office director),
at most once per item per CHASE_INTERVAL; automatically per step as its definition declares (`chase`), then
escalated to the holder's head or 分管领导. Each 催办 goes on the instance's trail; the holder gets a DM."""

from __future__ import annotations

from datetime import datetime, timedelta

from beanie import PydanticObjectId
from pymongo import ReturnDocument

from hub.access import parse_id
from hub.actions.channels import do_get_or_create_direct
from hub.actions.messages import do_send_message
from hub.actions.policy import check_texts
from hub.actions.timers import do_schedule_timer
from hub.actions.workflow_card import after_change, workflow_bot
from hub.context import Hub
from hub.errors import HubError
from hub.events import TaskUpdated
from hub.models import Membership, Timer, Unit, User
from hub.realtime.bus import user_room
from hub.remind.chase_wire import Chased, ChaseIn, ChaseOut
from hub.workflow.definition import Chase
from hub.workflow.documents import Assignment, ProcessDefinition, ProcessInstance
from hub.workflow.queries import assignment_task
from hub.workflow.resolve import supervisors_of
from hub.workflow.state import TrailEntry

CHASE_TIMER = "workflow.chase"
CHASE_INTERVAL = timedelta(minutes=30)
_MAX_RETRIES = 50


async def _units_of(user_id: str) -> list[Unit]:
    if not PydanticObjectId.is_valid(user_id):
        return []
    seats = await Membership.find(Membership.user_id == PydanticObjectId(user_id)).sort("order").to_list()
    units = [await Unit.get(m.unit_id) for m in seats]
    return [u for u in units if u is not None]


async def _heads_of(unit: Unit) -> list[str]:
    seats = await Membership.find(Membership.unit_id == unit.id, Membership.is_head == True  # noqa: E712
                                  ).sort("order").to_list()
    return [str(m.user_id) for m in seats]


async def may_chase(user: User, inst: ProcessInstance, holder_id: str) -> bool:
    """The initiator, an administrator, the office director, or a head or 分管领导 of one of the holder's units."""
    me = str(user.id)
    if me == holder_id:
        return False
    if me == inst.initiator_id or "sys_admin" in user.roles or "office_director" in user.roles:
        return True
    if "leader" not in user.roles and not await Membership.find_one(Membership.user_id == user.id,
                                                                   Membership.is_head == True):  # noqa: E712
        return False
    for unit in await _units_of(holder_id):
        if me in await _heads_of(unit) or user.id in await supervisors_of(unit):
            return True
    return False


async def escalation_target(holder_id: str, how: str) -> str | None:
    """The holder's unit head (a head's own 分管领导), or the 分管领导 directly; None when there is nobody."""
    units = await _units_of(holder_id)
    if not units or how == "none":
        return None
    unit = units[0]
    if how == "head":
        heads = [h for h in await _heads_of(unit) if h != holder_id]
        if heads:
            return heads[0]
    leaders = [str(i) for i in await supervisors_of(unit) if str(i) != holder_id]
    return leaders[0] if leaders else None


async def _record(hub: Hub, inst_id: PydanticObjectId, entry: dict[str, object], cc: str | None = None
                  ) -> ProcessInstance | None:
    """Append one 催办 act to the trail by compare-and-set (once per request id); None if already there.
    cc: someone escalated to, copied on the instance (知会) so that they may open it."""
    coll = ProcessInstance.get_pymongo_collection()
    request_id = str(entry["request_id"])
    async with hub.lock(f"process:{inst_id}"):
        for _ in range(_MAX_RETRIES):
            current = await ProcessInstance.get(inst_id)
            if current is None or any(t.request_id == request_id for t in current.trail):
                return None
            acts = current.state.acts + 1
            trail = TrailEntry.model_validate({**entry, "seq": acts})
            change: dict[str, object] = {"state.acts": acts, "version": current.version + 1,
                                         "updated_at": hub.clock.now(), "card_stale": True}
            if cc is not None and cc not in current.state.cc and cc != current.initiator_id:
                change["state.cc"] = [*current.state.cc, cc]
            doc = await coll.find_one_and_update(
                {"_id": current.id, "version": current.version},
                {"$set": change, "$push": {"trail": trail.model_dump(mode="python")}},
                return_document=ReturnDocument.AFTER)
            if doc is not None:
                updated: ProcessInstance = ProcessInstance.model_validate(doc)
                return updated
    raise HubError("conflict", detail="the process changed too often; try again")


async def _tell(hub: Hub, user_id: str, text: str, msg_id: str) -> None:
    bot = await workflow_bot()
    dm = await do_get_or_create_direct(hub, bot, user_id)
    await do_send_message(hub, bot, dm, text, msg_id[:64])


async def _touch(hub: Hub, a: Assignment, inst: ProcessInstance, now: datetime) -> None:
    await hub.realtime.emit(user_room(a.user_id), TaskUpdated(task=assignment_task(
        a.model_copy(update={"urged_at": now}), now, inst.state.status)))


async def _claim_slot(a: Assignment, now: datetime) -> Assignment | None:
    doc = await Assignment.get_pymongo_collection().find_one_and_update(
        {"_id": a.id, "status": "open", "$or": [{"urged_at": None}, {"urged_at": {"$lte": now - CHASE_INTERVAL}}]},
        {"$set": {"urged_at": now, "updated_at": now}}, return_document=ReturnDocument.AFTER)
    return Assignment.model_validate(doc) if doc else None


async def do_chase(hub: Hub, user: User, instance_id: str, body: ChaseIn) -> ChaseOut:
    """One 催办 by hand on the pending items of the current step (or one holder's); the same request id chases
    once. Refused when none may be chased by this person, or all were chased in the last CHASE_INTERVAL."""
    from hub.actions.workflow import access_instance

    now = hub.clock.now()
    try:
        inst = await access_instance(user, instance_id, now)
    except HubError:
        # A holder's head or 分管领导 may chase the holder's item without being on the process.
        found = await ProcessInstance.get(parse_id(instance_id))
        if found is None:
            raise
        open_ = await Assignment.find({"instance_id": found.id, "status": "open"}).to_list()
        if not any([await may_chase(user, found, a.user_id) for a in open_]):
            raise
        inst = found
    note = body.note.strip()
    check_texts(hub, [note])
    assert inst.id is not None
    if any(t.request_id == body.request_id and t.actor_id == str(user.id) for t in inst.trail):
        return await _answer(inst, body.request_id)
    run = inst.state.open_run()
    if inst.state.status != "running" or run is None:
        raise HubError("action_not_allowed")
    pending = await Assignment.find({"instance_id": inst.id, "run_id": run.id, "status": "open"}).to_list()
    if body.user_id is not None:
        pending = [a for a in pending if a.user_id == body.user_id]
        if not pending:
            raise HubError("invalid_request", detail="user_id: not a holder of the current step")
    mine = [a for a in pending if await may_chase(user, inst, a.user_id)]
    if not mine:
        raise HubError("chase_forbidden")
    claimed = [c for c in [await _claim_slot(a, now) for a in mine] if c is not None]
    if not claimed:
        raise HubError("urge_too_soon")
    names = {a.user_id: _holder_name(run, a.on_behalf_of or a.user_id) for a in claimed}
    updated = await _record(hub, inst.id, {
        "at": now, "kind": "urge", "run_id": run.id, "step_name": run.name, "actor_id": str(user.id),
        "actor_name": user.name, "opinion": note or None,
        "detail": {"to": "、".join(dict.fromkeys(names.values())), "users": ",".join(names)},
        "request_id": body.request_id})
    for a in claimed:
        text = f"【催办】{user.name}催办您的待办：{a.title}（{a.step_name}）" + (f"\n{note}" if note else "") + \
            f"\n[查看](/work/i/{a.instance_id})"
        await _tell(hub, a.user_id, text, f"chase-{a.id}-{int(now.timestamp())}")
        await _touch(hub, a, updated or inst, now)
    await after_change(hub, inst.id)
    return await _answer(updated or inst, body.request_id)


async def _answer(inst: ProcessInstance, request_id: str) -> ChaseOut:
    entry = next((t for t in inst.trail if t.request_id == request_id), None)
    chased: list[Chased] = []
    if entry is not None:
        for user_id in filter(None, entry.detail.get("users", "").split(",")):
            a = await Assignment.find_one({"instance_id": inst.id, "run_id": entry.run_id, "user_id": user_id})
            holder = await User.get(parse_id(user_id))
            if a is not None:
                chased.append(Chased(task_id=str(a.id), user_id=user_id, name=holder.name if holder else "",
                                     urged_at=entry.at, next_allowed_at=entry.at + CHASE_INTERVAL))
    return ChaseOut(instance_id=str(inst.id), chased=chased)


async def _chase_of(inst: ProcessInstance, step_key: str) -> Chase | None:
    dfn = await ProcessDefinition.get(inst.definition_id)
    if dfn is None:
        return None
    try:
        return dfn.spec.step(step_key).chase
    except KeyError:
        return None  # 加签 and the initiator's own turn are not steps of the definition


async def _next_time(hub: Hub, after: datetime, hours: float) -> datetime:
    calendar = await hub.workdays.fresh()
    return calendar.add_working_hours(after, hours)


async def schedule_chases(hub: Hub, inst: ProcessInstance) -> None:
    """The first automatic 催办 of the open run, when its step declares one (idempotent by key)."""
    run = inst.state.open_run()
    if run is None or inst.state.status != "running":
        return
    chase = await _chase_of(inst, run.step_key)
    if chase is None:
        return
    due = await _next_time(hub, run.opened_at, chase.every_hours)
    await do_schedule_timer(hub, CHASE_TIMER, f"{CHASE_TIMER}:{inst.id}:{run.id}:1", due,
                            {"instance_id": str(inst.id), "run_id": run.id, "n": 1})


async def chase_fired(hub: Hub, timer: Timer) -> None:
    """The n-th automatic 催办 of a run (n ≤ count), or after the count the escalation; nothing once the run is
    decided. Idempotent on the timer: its key is each trail entry's request id and each DM's id."""
    inst = await ProcessInstance.get(parse_id(str(timer.payload["instance_id"])))
    run = inst.state.open_run() if inst is not None and inst.state.status == "running" else None
    if inst is None or run is None or run.id != timer.payload["run_id"]:
        return
    chase = await _chase_of(inst, run.step_key)
    if chase is None:
        return
    n = int(timer.payload["n"])
    now = hub.clock.now()
    late = await Assignment.find({"instance_id": inst.id, "run_id": run.id, "status": "open"}).to_list()
    for a in late:
        request_id = f"{timer.key}:{a.user_id}"
        if n <= chase.count:
            await _record(hub, inst.id, {  # type: ignore[arg-type]
                "at": now, "kind": "urge", "run_id": run.id, "step_name": run.name, "actor_name": "系统",
                "detail": {"auto": str(n), "to": a.on_behalf_of_name or _holder_name(run, a.user_id)},
                "request_id": request_id})
            await Assignment.get_pymongo_collection().update_one({"_id": a.id, "status": "open"},
                                                                 {"$set": {"urged_at": now}})
            await _tell(hub, a.user_id, f"【催办】您的待办已等待较久，请尽快办理：{a.title}（{a.step_name}）"
                        f"\n第{n}次自动催办\n[查看](/work/i/{a.instance_id})", f"chase-{timer.id}-{a.user_id}")
            await _touch(hub, a, inst, now)
            continue
        target = await escalation_target(a.user_id, chase.escalate)
        if target is None:
            continue
        boss = await User.get(parse_id(target))
        holder = _holder_name(run, a.user_id)
        await _record(hub, inst.id, {  # type: ignore[arg-type]
            "at": now, "kind": "urge", "run_id": run.id, "step_name": run.name, "actor_name": "系统",
            "detail": {"escalated_to": boss.name if boss else "", "to": holder}, "request_id": request_id},
            cc=target)
        await _tell(hub, target, f"【督促】{holder}的待办经{chase.count}次催办仍未办理：{a.title}（{a.step_name}）"
                    f"\n[查看](/work/i/{a.instance_id})", f"chase-{timer.id}-{target}")
    if n <= chase.count:
        due = await _next_time(hub, timer.due_at, chase.every_hours)
        await do_schedule_timer(hub, CHASE_TIMER, f"{CHASE_TIMER}:{inst.id}:{run.id}:{n + 1}", due,
                                {"instance_id": str(inst.id), "run_id": run.id, "n": n + 1})
    await after_change(hub, inst.id)  # type: ignore[arg-type]


def _holder_name(run: object, user_id: str) -> str:
    holders = getattr(run, "holders", [])
    return next((h.name for h in holders if h.user_id == user_id), "")
