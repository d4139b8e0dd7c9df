"""Reading the 工作台: 待办, 已办, 我发起的, 抄送我的, and one instance as its viewer may see it."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from hub.models import User
from hub.workflow.definition import SUBJECT_DEFINITIONS, SUBJECT_OPS, Definition
from hub.workflow.documents import Assignment, ProcessInstance
from hub.workflow.engine import available, holders_now, return_targets
from hub.workflow.state import Actor
from hub.workflow.wire import InstanceOut, RunOut, TaskCounts, TaskList, TaskOut, TaskQuery


def assignment_task(a: Assignment, now: datetime, instance_status: str | None = None) -> TaskOut:
    box = "pending" if a.status == "open" else "done"
    return TaskOut(id=str(a.id), box=box, instance_id=str(a.instance_id), title=a.title,
                   definition_key=a.definition_key, step_name=a.step_name, status=a.status,
                   instance_status=instance_status, initiator_name=a.initiator_name,
                   on_behalf_of_name=a.on_behalf_of_name, due_at=a.due_at,
                   overdue=a.status == "open" and a.due_at is not None and a.due_at < now, urged_at=a.urged_at,
                   created_at=a.created_at, updated_at=a.updated_at)


def instance_task(inst: ProcessInstance, box: str, now: datetime) -> TaskOut:
    run = inst.state.open_run()
    return TaskOut(id=str(inst.id), box=box, instance_id=str(inst.id), title=inst.title,
                   definition_key=inst.definition_key, step_name=run.name if run else None,
                   status=inst.state.status, instance_status=inst.state.status, initiator_name=inst.initiator_name,
                   due_at=run.due_at if run else None, created_at=inst.created_at, updated_at=inst.updated_at)


async def list_tasks(user: User, query: TaskQuery, now: datetime) -> TaskList:
    """One box, ordered by due date (pending: overdue and soonest first), with counts of every box."""
    me = str(user.id)
    typed: dict[str, Any] = {}
    if query.definition_key is not None:
        typed["definition_key"] = query.definition_key  # validated against a key pattern: never client JSON
    if query.q.strip():
        typed["title"] = {"$regex": re.escape(query.q.strip())}
    tasks: list[TaskOut]
    if query.box in ("pending", "done"):
        status = "open" if query.box == "pending" else "done"
        filters: dict[str, Any] = {"user_id": me, "status": status, **typed}
        if query.overdue:
            filters["due_at"] = {"$lt": now}
        order = "+due_sort" if status == "open" else "-updated_at"
        found = await Assignment.find(filters).sort(order).skip(query.offset).limit(query.limit).to_list()
        tasks = [assignment_task(a, now) for a in found]
    else:
        field = "initiator_id" if query.box == "started" else "state.cc"
        found_i = await ProcessInstance.find({field: me, **typed}).sort("-created_at") \
            .skip(query.offset).limit(query.limit).to_list()
        tasks = [instance_task(i, query.box, now) for i in found_i]
    counts = TaskCounts(
        pending=await Assignment.find({"user_id": me, "status": "open"}).count(),
        done=await Assignment.find({"user_id": me, "status": "done"}).count(),
        started=await ProcessInstance.find({"initiator_id": me}).count(),
        cc=await ProcessInstance.find({"state.cc": me}).count(),
        overdue=await Assignment.find({"user_id": me, "status": "open", "due_at": {"$lt": now}}).count())
    return TaskList(box=query.box, tasks=tasks, counts=counts)


def instance_view(inst: ProcessInstance, spec: Definition, actor: Actor) -> InstanceOut:
    state = inst.state
    run = state.open_run()
    mine = available(spec, state, actor, inst.initiator_id)
    if inst.definition_key in SUBJECT_DEFINITIONS:
        mine = [op for op in mine if op not in SUBJECT_OPS]  # pressed on the subject's page, never here
    return InstanceOut(
        id=str(inst.id), title=inst.title, definition_key=inst.definition_key, definition_name=spec.name,
        definition_version=inst.definition_version, version=inst.version, status=state.status,
        initiator_id=inst.initiator_id, initiator_name=inst.initiator_name, form=inst.form, subject=inst.subject,
        current_step=run.name if run else None, current_holders=holders_now(state),
        runs=[RunOut(id=r.id, step_key=r.step_key, name=r.name, mode=r.mode, status=r.status, holders=r.holders,
                     due_at=r.due_at, opinion=r.opinion) for r in state.runs],
        trail=inst.trail, cc=state.cc, my_actions=mine,
        return_targets=return_targets(spec, state) if "return" in mine else [],
        created_at=inst.created_at, updated_at=inst.updated_at)
