"""A 办件's process on the work engine: its stages are steps, so its 待办 reach the 工作台 like any approval."""

from __future__ import annotations

from beanie import PydanticObjectId

from hub.actions.audit import Origin
from hub.actions.licensing_monitor import licensing_bot
from hub.actions.workflow import do_act, do_start
from hub.actions.workflow_admin import do_publish_definition, shipped_definitions
from hub.context import Hub
from hub.errors import HubError
from hub.events import TaskUpdated
from hub.models import Membership, User
from hub.models.licensing import LicensingCase
from hub.realtime.bus import user_room
from hub.workflow.documents import NO_DUE, Assignment, ProcessDefinition, ProcessInstance, SubjectRef
from hub.workflow.queries import assignment_task
from hub.workflow.state import OpName
from hub.workflow.wire import ActIn, StartIn

LICENSING = "licensing"
STEPS = ("accept", "decide", "deliver")
# The case acts that move the process, and the step each is meant for; the others (补正, opinions, pauses,
# extensions) change the case's clock only, which the 待办's due date follows.
ENGINE_ACT: dict[str, tuple[OpName, str]] = {
    "accept": ("approve", "accept"), "complete": ("approve", "accept"), "refuse": ("reject", "accept"),
    "decide": ("approve", "decide"), "deliver": ("approve", "deliver")}
_ORIGIN = Origin(user_agent="licensing")


async def _staff(unit_id: PydanticObjectId) -> list[str]:
    """The 实施机关's staff, who act on its cases (the same rule as the case's own check)."""
    seats = await Membership.find(Membership.unit_id == unit_id).sort("order").to_list()
    ids = list(dict.fromkeys(str(s.user_id) for s in seats))
    if not ids:
        return []
    active = {str(u.id) for u in await User.find({"_id": {"$in": [PydanticObjectId(i) for i in ids]},
                                                  "disabled": False, "is_bot": False}).to_list()}
    return [i for i in ids if i in active]


async def _ensure_definition(hub: Hub) -> None:
    """Published with the product's definitions; a store set up before 办件 ran on the engine gets it on first use."""
    if await ProcessDefinition.find_one(ProcessDefinition.key == LICENSING) is None:
        await do_publish_definition(hub, None, next(d for d in shipped_definitions() if d.key == LICENSING))


async def do_start_case_process(hub: Hub, actor: User | None, case: LicensingCase, origin: Origin | None) -> None:
    """Start the case's process once (the request id is the case's); the clerk who entered it, or the hall's
    bot for a pushed application, is its initiator. It posts no card: lights and the 工作台 carry the news."""
    assert case.id is not None
    await _ensure_definition(hub)
    staff = await _staff(case.unit_id)
    initiator = actor or await licensing_bot()
    body = StartIn(definition_key=LICENSING, request_id=f"licensing-{case.id}",
                   form={"title": f"{case.matter_name}：{case.applicant.name}"[:200], "number": case.number[:64],
                         "case_id": str(case.id)},
                   chosen={step: staff for step in STEPS},
                   subject=SubjectRef(kind="licensing_case", id=str(case.id)))
    inst = await do_start(hub, initiator, body, origin or _ORIGIN, for_subject=True)
    await LicensingCase.get_pymongo_collection().update_one({"_id": case.id, "instance_id": None},
                                                            {"$set": {"instance_id": inst.id}})
    await sync_due(hub, case.model_copy(update={"instance_id": inst.id}))


async def do_follow_case(hub: Hub, user: User, case: LicensingCase, act: str, opinion: str | None,
                         origin: Origin | None) -> None:
    """Move the process with an act on the case, before the case's own compare-and-set: the engine decides
    whether it is this person's turn. If an earlier try moved the process and then lost the case's
    compare-and-set (a light changed the version in between), the process is already past that step and
    the case only catches up."""
    if case.instance_id is None or act not in ENGINE_ACT:
        return  # a case from before the engine carried 办件: the case alone holds its state
    op, step = ENGINE_ACT[act]
    inst = await ProcessInstance.get(case.instance_id)
    if inst is None:
        raise HubError("internal", detail="the case's process is missing")
    run = inst.state.open_run()
    if run is None or run.step_key != step:
        decided = any(r.step_key == step and r.status in ("approved", "rejected") for r in inst.state.runs)
        if decided:
            return
    staff = await _staff(case.unit_id)
    later = {s: staff for s in STEPS[STEPS.index(step) + 1:]}  # those who join the unit meanwhile act next
    await do_act(hub, user, str(case.instance_id),
                 ActIn(op=op, request_id=f"lic-{case.id}-{step}-{op}", opinion=opinion or None),
                 origin or _ORIGIN, for_subject=True, chosen_update=later, expect_step=step)


async def sync_due(hub: Hub, case: LicensingCase) -> None:
    """The open 待办 show the case's statutory due time (补正 and pauses clear it, an extension moves it)."""
    if case.instance_id is None:
        return
    coll = Assignment.get_pymongo_collection()
    now = hub.clock.now()
    stale = await Assignment.find({"instance_id": case.instance_id, "status": "open",
                                   "due_at": {"$ne": case.due_at}}).to_list()
    for a in stale:
        res = await coll.update_one({"_id": a.id, "status": "open"},
                                    {"$set": {"due_at": case.due_at, "due_sort": case.due_at or NO_DUE,
                                              "updated_at": now}})
        if res.modified_count:
            moved = a.model_copy(update={"due_at": case.due_at, "due_sort": case.due_at or NO_DUE,
                                         "updated_at": now})
            await hub.realtime.emit(user_room(a.user_id), TaskUpdated(task=assignment_task(moved, now, "running")))
