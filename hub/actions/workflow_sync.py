"""Assignments follow the instance: after each CAS they are reconciled with its latest state, then people hear."""

from __future__ import annotations

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from hub.actions.chase import schedule_chases
from hub.actions.timers import do_schedule_timer
from hub.context import Hub
from hub.events import Event, TaskCreated, TaskRemoved, TaskUpdated
from hub.models import Timer
from hub.realtime.bus import user_room
from hub.workflow.documents import NO_DUE, Assignment, ProcessInstance
from hub.workflow.engine import wanted
from hub.workflow.queries import assignment_task, instance_task

OVERDUE_TIMER = "workflow.overdue"


async def sync_assignments(hub: Hub, instance_id: PydanticObjectId, urged: set[str] | None = None) -> None:
    """Make the Assignments match the instance as it is now; safe to repeat and to race (guarded by version)."""
    async with hub.lock(f"assign:{instance_id}"):
        inst = await ProcessInstance.get(instance_id)
        if inst is None:
            return
        now = hub.clock.now()
        existing = {(a.run_id, a.user_id): a for a in await Assignment.find(Assignment.instance_id == inst.id
                                                                              ).to_list()}
        events: list[tuple[str, Event]] = []
        coll = Assignment.get_pymongo_collection()
        for w in wanted(inst.state):
            current = existing.get((w.run_id, w.user_id))
            if current is None:
                if w.status not in ("open", "done"):
                    continue  # never opened for them: nothing to cancel
                a = Assignment(instance_id=inst.id, run_id=w.run_id, step_key=w.step_key, step_name=w.step_name,
                               user_id=w.user_id, on_behalf_of=w.on_behalf_of_id,
                               on_behalf_of_name=w.on_behalf_of_name, status=w.status, due_at=w.due_at,
                               due_sort=w.due_at or NO_DUE, definition_key=inst.definition_key, title=inst.title,
                               initiator_name=inst.initiator_name, synced_version=inst.version, created_at=now,
                               updated_at=now)
                try:
                    await a.insert()
                except DuplicateKeyError:
                    continue  # another process synced it first
                if w.status == "open":
                    events.append((w.user_id, TaskCreated(task=assignment_task(a, now, inst.state.status))))
                continue
            change: dict[str, object] = {}
            if current.status != w.status:
                change["status"] = w.status
            if urged and w.status == "open" and w.user_id in urged:
                change["urged_at"] = now
            if not change:
                continue
            change |= {"synced_version": inst.version, "updated_at": now}
            res = await coll.update_one({"_id": current.id, "synced_version": {"$lte": inst.version}}, {"$set": change})
            if res.modified_count:
                updated = current.model_copy(update=change)
                task = assignment_task(updated, now, inst.state.status)
                kind = TaskRemoved if w.status in ("cancelled", "transferred") else \
                    TaskCreated if w.status == "open" and current.status != "open" else TaskUpdated
                events.append((w.user_id, kind(task=task)))
    for user_id, event in events:
        await hub.realtime.emit(user_room(user_id), event)
    run = inst.state.open_run()
    if run is not None and run.due_at is not None and inst.state.status == "running":
        # Idempotent by key: one firing per run, whichever process claims it; a run decided by then is ignored.
        await do_schedule_timer(hub, OVERDUE_TIMER, f"{OVERDUE_TIMER}:{inst.id}:{run.id}", run.due_at,
                                {"instance_id": str(inst.id), "run_id": run.id})
    await schedule_chases(hub, inst)  # automatic 催办 when the step declares it (hub/actions/chase.py)


async def overdue_fired(hub: Hub, timer: Timer) -> None:
    """A step's deadline passed: its holders hear that their 待办 is overdue (shown red), if it is still theirs."""
    inst = await ProcessInstance.get(PydanticObjectId(str(timer.payload["instance_id"])))
    if inst is None or inst.state.status != "running":
        return
    run = inst.state.open_run()
    if run is None or run.id != timer.payload["run_id"]:
        return
    now = hub.clock.now()
    late = await Assignment.find({"instance_id": inst.id, "run_id": run.id, "status": "open"}).to_list()
    for a in late:
        await hub.realtime.emit(user_room(a.user_id), TaskUpdated(task=assignment_task(a, now, inst.state.status)))


async def notify_watchers(hub: Hub, inst: ProcessInstance, new_cc: list[str], *, started: bool = False) -> None:
    """The initiator sees their started item appear and move; newly copied people get it in 抄送我的."""
    now = hub.clock.now()
    kind = TaskCreated if started else TaskUpdated
    await hub.realtime.emit(user_room(inst.initiator_id), kind(task=instance_task(inst, "started", now)))
    for user_id in new_cc:
        await hub.realtime.emit(user_room(user_id), TaskCreated(task=instance_task(inst, "cc", now)))
