"""Starting processes and acting on them: once per request id, by compare-and-set, authorised on the current state."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from hub.access import parse_id
from hub.actions.audit import Origin, do_audit
from hub.actions.workflow_card import after_change, check_card_channel
from hub.actions.workflow_files import attachment_ids, check_process_files, do_adopt_process_files
from hub.actions.workflow_sync import notify_watchers, sync_assignments
from hub.classification import check_unclassified
from hub.context import Hub
from hub.errors import HubError
from hub.models import Channel, Unit, User
from hub.workflow import engine, operations
from hub.workflow.definition import SUBJECT_DEFINITIONS, SUBJECT_OPS, Definition, Limit, check_form
from hub.workflow.documents import Assignment, ProcessDefinition, ProcessInstance, WorkflowRequest
from hub.workflow.resolve import DueFor, actor_of, directory, person
from hub.workflow.state import Command, Person
from hub.workflow.wire import ActIn, StartIn
from hub.workflow.workday_fields import fill_workdays

_MAX_RETRIES = 50
# Only these can open a step of the definition (the others reopen, suspend or close runs, or open 加签 runs).
_OPENS_STEPS = frozenset({"approve", "reject", "return"})


async def due_calculator(hub: Hub) -> DueFor:
    """A step's limit counts in working days or office hours of the working-day calendar (调休 included)."""
    calendar = await hub.workdays.fresh()

    def due(limit: Limit, now: datetime) -> datetime:
        if limit.unit == "workdays":
            return calendar.add_working_days(now, limit.amount)
        return calendar.add_working_hours(now, limit.amount)

    return due


async def access_instance(user: User, instance_id: object, now: datetime) -> ProcessInstance:
    """Initiator, anyone with an Assignment on it (any status), people copied on it, administrators."""
    inst = await ProcessInstance.get(parse_id(instance_id))
    if inst is None:
        raise HubError("not_found")
    me = str(user.id)
    if me == inst.initiator_id or me in inst.state.cc or "sys_admin" in user.roles:
        return inst
    if await Assignment.find_one(Assignment.instance_id == inst.id, Assignment.user_id == me) is not None:
        return inst
    # A delegate (代理) named after the step opened sees what their principal holds.
    principals = [p.id for p in (await actor_of(user, now)).principals]
    if principals and await Assignment.find_one({"instance_id": inst.id, "user_id": {"$in": principals}}):
        return inst
    raise HubError("not_found")


async def latest_definition(key: str) -> ProcessDefinition:
    found = await ProcessDefinition.find(ProcessDefinition.key == key).sort("-version").limit(1).to_list()
    if not found:
        raise HubError("not_found", detail=f"definition {key}")
    return found[0]


async def _claim(user: User, request_id: str, scope: str, action: str, now: Any) -> WorkflowRequest | None:
    """Claim the request id; None when it was claimed before for the same scope and action (a retry)."""
    assert user.id is not None
    claim = WorkflowRequest(user_id=user.id, request_id=request_id, scope=scope, action=action, created_at=now)
    try:
        await claim.insert()
        return claim
    except DuplicateKeyError:
        earlier = await WorkflowRequest.find_one(WorkflowRequest.user_id == user.id,
                                                 WorkflowRequest.request_id == request_id)
        if earlier is None or earlier.scope != scope or earlier.action != action:
            raise HubError("request_id_reused") from None
        return None


def _form_texts(form: dict[str, Any]) -> list[str]:
    return [v for v in form.values() if isinstance(v, str)]


async def _check_people(ids: list[str]) -> None:
    oids = [PydanticObjectId(i) for i in ids if PydanticObjectId.is_valid(i)]
    found = await User.find({"_id": {"$in": oids}, "disabled": False, "is_bot": False}).count() if oids else 0
    if found != len(set(ids)):
        raise HubError("invalid_request", detail="unknown people")


async def _check_units(ids: list[str]) -> None:
    oids = [PydanticObjectId(i) for i in ids if PydanticObjectId.is_valid(i)]
    found = await Unit.find({"_id": {"$in": oids}}).count() if oids else 0
    if found != len(set(ids)):
        raise HubError("invalid_request", detail="unknown units")


async def do_start(hub: Hub, user: User, body: StartIn, origin: Origin, *, subject_channel: Channel | None = None,
                   for_subject: bool = False) -> ProcessInstance:
    """Start an instance on the latest version; the same request id starts it once. for_subject: the subject's
    own action starts it, with the card in subject_channel."""
    now = hub.clock.now()
    dfn = await latest_definition(body.definition_key)
    spec = dfn.spec
    if spec.key in SUBJECT_DEFINITIONS and not for_subject:
        raise HubError("action_not_allowed", detail="this process starts from its subject")
    form, errors = check_form(spec.form, body.form)
    if not errors:
        errors = fill_workdays(spec.form, form, await hub.workdays.fresh())
    if errors:
        raise HubError("invalid_request", detail="; ".join(errors))
    check_unclassified(_form_texts(form))
    for f in spec.form.fields:
        value = form.get(f.key)
        if value and f.kind in ("people", "units"):
            await (_check_people if f.kind == "people" else _check_units)(value if isinstance(value, list) else [value])
    choosing = {s.key for s in spec.steps if s.chooses}
    if set(body.chosen) - choosing:
        raise HubError("invalid_request", detail="chosen: only for steps that let the initiator choose (自选)")
    for ids in body.chosen.values():
        if len(ids) > 50:
            raise HubError("invalid_request", detail="chosen: at most 50 people per step")
        await _check_people(ids)
    files = attachment_ids(spec.form, form)
    if files and await ProcessInstance.find_one(ProcessInstance.initiator_id == str(user.id),
                                                ProcessInstance.start_request_id == body.request_id) is None:
        await check_process_files(user, files)  # a retry of a start that happened finds them moved already
    channel = subject_channel or (await check_card_channel(user, body.channel_id) if body.channel_id else None)
    claim = await _claim(user, body.request_id, f"start:{spec.key}", "start", now)
    if claim is None:
        existing = await ProcessInstance.find_one(ProcessInstance.initiator_id == str(user.id),
                                                  ProcessInstance.start_request_id == body.request_id)
        if existing is not None:
            await do_adopt_process_files(existing, spec.form)
            await sync_assignments(hub, existing.id)  # type: ignore[arg-type]
            await after_change(hub, existing.id)  # type: ignore[arg-type]
            return existing
    initiator = person(user)
    directory_ = await directory(spec, user, body.chosen, [], now, await due_calculator(hub))
    outcome = engine.start(spec, initiator, form, directory_, now, body.request_id)
    title_value = form.get(spec.title_field) if spec.title_field else None
    title = str(title_value) if title_value else f"{spec.name}（{user.name}）"
    assert dfn.id is not None
    inst = ProcessInstance(definition_id=dfn.id, definition_key=spec.key, definition_version=dfn.version, title=title,
                           initiator_id=initiator.id, initiator_name=user.name, form=form, chosen=body.chosen,
                           subject=body.subject, state=outcome.state, trail=outcome.acts,
                           start_request_id=body.request_id, created_at=now, updated_at=now,
                           card_channel_id=str(channel.id) if channel else None)
    try:
        await inst.insert()
    except DuplicateKeyError:
        existing = await ProcessInstance.find_one(ProcessInstance.initiator_id == str(user.id),
                                                  ProcessInstance.start_request_id == body.request_id)
        assert existing is not None
        inst = existing
    else:
        await do_audit(hub, "workflow.start", actor=user, object_type="process", object_id=inst.id, origin=origin,
                       detail={"definition": spec.key, "version": dfn.version})
    await do_adopt_process_files(inst, spec.form)
    await sync_assignments(hub, inst.id)  # type: ignore[arg-type]
    await notify_watchers(hub, inst, [], started=True)
    await after_change(hub, inst.id)  # type: ignore[arg-type]
    return inst


async def _spec_of(inst: ProcessInstance) -> Definition:
    dfn = await ProcessDefinition.get(inst.definition_id)
    if dfn is None:
        raise HubError("internal", detail="the instance's definition version is missing")
    return dfn.spec


def _applied(inst: ProcessInstance, user: User, request_id: str) -> bool:
    return any(t.request_id == request_id and t.actor_id == str(user.id) for t in inst.trail)


async def do_act(hub: Hub, user: User, instance_id: str, body: ActIn, origin: Origin, *,
                 card: bool = True, for_subject: bool = False,
                 chosen_update: dict[str, list[str]] | None = None, expect_step: str | None = None
                 ) -> ProcessInstance:
    """One operation, once per request id; a stored failure answers its retry the same way.

    card=False: the caller is the card's own click handler, which holds the card and brings it up to date
    itself once the click has committed. chosen_update: the subject's action names the people of later steps
    (拟办 names the leaders of 批示), written with the act in one compare-and-set. expect_step: the act is meant
    for that step; when another step is open by now (the same clerks hold 签收 and 登记) it is stale."""
    if for_subject:  # the subject's access check ran; who may act is decided by the engine below
        found = await ProcessInstance.get(parse_id(instance_id))
        if found is None:
            raise HubError("not_found")
        inst = found
    else:
        inst = await access_instance(user, instance_id, hub.clock.now())
    if inst.definition_key in SUBJECT_DEFINITIONS and body.op in SUBJECT_OPS and not for_subject:
        raise HubError("action_not_allowed", detail="act on this process through its subject")
    claim = await _claim(user, body.request_id, f"instance:{inst.id}", body.op, hub.clock.now())
    if claim is None:
        earlier = await WorkflowRequest.find_one(WorkflowRequest.user_id == user.id,
                                                 WorkflowRequest.request_id == body.request_id)
        if earlier is not None and earlier.done and earlier.result and not earlier.result.get("ok"):
            raise HubError(earlier.result["code"], detail=earlier.result.get("detail"))
    try:
        updated = await _act(hub, user, inst, body, origin, chosen_update or {}, expect_step)
    except HubError as exc:
        if claim is not None:
            await WorkflowRequest.get_pymongo_collection().update_one(
                {"_id": claim.id}, {"$set": {"done": True, "result": {"ok": False, "code": exc.code,
                                                                      "detail": exc.detail}}})
        await do_audit(hub, f"workflow.{body.op}", actor=user, object_type="process", object_id=inst.id,
                       outcome=exc.code, origin=origin)
        raise
    if claim is not None:
        await WorkflowRequest.get_pymongo_collection().update_one(
            {"_id": claim.id}, {"$set": {"done": True, "result": {"ok": True, "version": updated.version}}})
    if card:
        await after_change(hub, updated.id)  # type: ignore[arg-type]
    return updated


async def _act(hub: Hub, user: User, inst: ProcessInstance, body: ActIn, origin: Origin,
               chosen_update: dict[str, list[str]], expect_step: str | None = None) -> ProcessInstance:
    assert inst.id is not None
    check_unclassified([body.opinion])
    cmd = Command(op=body.op, opinion=body.opinion, users=body.users, position=body.position, target=body.target)
    spec = await _spec_of(inst)
    coll = ProcessInstance.get_pymongo_collection()
    async with hub.lock(f"process:{inst.id}"):
        for _ in range(_MAX_RETRIES):
            current = await ProcessInstance.get(inst.id)
            assert current is not None
            if _applied(current, user, body.request_id):
                break  # a retry of an act that went through: only make sure the Assignments followed
            now = hub.clock.now()
            initiator = await User.get(PydanticObjectId(current.initiator_id))
            if initiator is None:
                raise HubError("internal", detail="the initiator is missing")
            # Permission is decided here, on the state being replaced, with delegations as they are now.
            actor = await actor_of(user, now)
            open_run = current.state.open_run()
            if expect_step is not None and (open_run is None or open_run.step_key != expect_step):
                # Meant for a step that is no longer (or not yet) open: stale for someone holding the open one,
                # simply not theirs for anyone else.
                holds = open_run is not None and engine.my_holder(open_run, actor) is not None
                raise HubError("stale_instance" if holds else "action_not_allowed",
                               detail=f"now at version {current.version}")
            chosen = {**current.chosen, **chosen_update}
            dir_ = await directory(spec, initiator, chosen, cmd.users, now, await due_calculator(hub),
                                   steps=cmd.op in _OPENS_STEPS)
            try:
                outcome = operations.act(spec, current.state, current.form, Person(current.initiator_id,
                                         current.initiator_name), actor, cmd, dir_, now, body.request_id)
            except HubError as exc:
                if exc.code == "action_not_allowed" and body.version is not None and body.version < current.version:
                    raise HubError("stale_instance", detail=f"now at version {current.version}") from None
                raise
            doc = await coll.find_one_and_update(
                {"_id": current.id, "version": current.version},
                {"$set": {"state": outcome.state.model_dump(mode="python"), "version": current.version + 1,
                          "updated_at": now, "card_stale": True, "chosen": chosen},
                 "$push": {"trail": {"$each": [t.model_dump(mode="python") for t in outcome.acts]}}},
                return_document=ReturnDocument.AFTER)
            if doc is not None:
                break
        else:
            raise HubError("conflict", detail="the process changed too often; try again")
    if _applied(current, user, body.request_id):
        await sync_assignments(hub, inst.id)
        return current
    updated: ProcessInstance = ProcessInstance.model_validate(doc)
    on_behalf = next((t.on_behalf_of_id for t in outcome.acts if t.on_behalf_of_id), None)
    principal = await User.get(PydanticObjectId(on_behalf)) if on_behalf else None
    await do_audit(hub, f"workflow.{body.op}", actor=user, on_behalf_of=principal, object_type="process",
                   object_id=inst.id, origin=origin,
                   detail={"version": updated.version, "has_opinion": body.opinion is not None})
    urged = {uid for uid, why in outcome.notify if why == "urged"}
    await sync_assignments(hub, inst.id, urged)
    await notify_watchers(hub, updated, [uid for uid, why in outcome.notify if why == "cc"])
    return updated
