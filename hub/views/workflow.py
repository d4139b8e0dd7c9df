"""Process endpoints: the 工作台 task boxes, definitions, starting instances and acting on them."""

from __future__ import annotations

from aiohttp import web

from hub.access import access_unit, access_user
from hub.actions.workflow import access_instance, do_act, do_start, latest_definition
from hub.actions.workflow_admin import do_publish_definition, do_set_supervision, supervised_units
from hub.errors import HubError
from hub.models import User
from hub.views.base import EndpointTable, current, hub_of, origin_of
from hub.workflow.definition import SUBJECT_DEFINITIONS, Definition
from hub.workflow.documents import ProcessDefinition, ProcessInstance
from hub.workflow.queries import instance_view, list_tasks
from hub.workflow.resolve import actor_of
from hub.workflow.wire import (
    ActIn,
    ActOut,
    DefinitionList,
    DefinitionOut,
    InstanceOut,
    StartIn,
    SupervisedUnit,
    SupervisionIn,
    SupervisionOut,
    TaskList,
    TaskQuery,
)

api = EndpointTable("workflow")


def _definition_out(d: ProcessDefinition) -> DefinitionOut:
    return DefinitionOut(id=str(d.id), key=d.key, version=d.version, name=d.name, published_at=d.published_at,
                         spec=d.spec)


async def _view(request: web.Request, inst: ProcessInstance) -> InstanceOut:
    user, _ = current(request)
    dfn = await ProcessDefinition.get(inst.definition_id)
    if dfn is None:
        raise HubError("internal", detail="the instance's definition version is missing")
    return instance_view(inst, dfn.spec, await actor_of(user, hub_of(request).clock.now()))


@api("GET", "/api/v1/tasks", "My 工作台: box=pending 待办, done 已办, started 我发起的, cc 抄送我的; with counts",
     query=TaskQuery, response=TaskList)
async def get_tasks(request: web.Request, query: TaskQuery) -> TaskList:
    return await list_tasks(current(request)[0], query, hub_of(request).clock.now())


@api("GET", "/api/v1/definitions", "Processes one can start (latest version of each)", response=DefinitionList)
async def list_definitions(request: web.Request) -> DefinitionList:
    found = await ProcessDefinition.find_all().sort("+key", "-version").to_list()
    latest: dict[str, ProcessDefinition] = {}
    for d in found:
        if d.key not in SUBJECT_DEFINITIONS:  # 收文 starts from its document, not from the 工作台
            latest.setdefault(d.key, d)
    return DefinitionList(definitions=[_definition_out(d) for d in latest.values()])


@api("GET", "/api/v1/definitions/{key}", "The latest version of one definition, with its form schema",
     response=DefinitionOut)
async def get_definition(request: web.Request) -> DefinitionOut:
    key = request.match_info["key"]
    if not key.isascii() or len(key) > 40:
        raise HubError("not_found")
    return _definition_out(await latest_definition(key))


@api("POST", "/api/v1/definitions", "Publish a new version of a definition (系统管理员 only)", body=Definition,
     response=DefinitionOut)
async def publish_definition(request: web.Request, body: Definition) -> DefinitionOut:
    dfn, _ = await do_publish_definition(hub_of(request), current(request)[0], body, origin_of(request))
    return _definition_out(dfn)


@api("POST", "/api/v1/instances", "Start a process with its form; the same request_id starts it once",
     body=StartIn, response=InstanceOut)
async def start_instance(request: web.Request, body: StartIn) -> InstanceOut:
    inst = await do_start(hub_of(request), current(request)[0], body, origin_of(request))
    return await _view(request, inst)


@api("GET", "/api/v1/instances/{instance_id}", "A process with its steps, holders, trail and what you may do",
     response=InstanceOut)
async def get_instance(request: web.Request) -> InstanceOut:
    inst = await access_instance(current(request)[0], request.match_info["instance_id"], hub_of(request).clock.now())
    return await _view(request, inst)


@api("POST", "/api/v1/instances/{instance_id}/actions",
     "Act: approve, reject, add_sign, transfer, return, withdraw, retrieve, cc, urge, void", body=ActIn,
     response=ActOut)
async def act_on_instance(request: web.Request, body: ActIn) -> ActOut:
    inst = await do_act(hub_of(request), current(request)[0], request.match_info["instance_id"], body,
                        origin_of(request))
    return ActOut(instance=await _view(request, inst))


async def _supervision(leader: User) -> SupervisionOut:
    units = await supervised_units(leader)
    return SupervisionOut(leader_id=str(leader.id), leader_name=leader.name,
                          units=[SupervisedUnit(id=str(u.id), code=u.code, name=u.name) for u in units])


@api("GET", "/api/v1/users/{user_id}/supervision", "The units a leader is in charge of (分管)",
     response=SupervisionOut)
async def get_supervision(request: web.Request) -> SupervisionOut:
    return await _supervision(await access_user(current(request)[0], request.match_info["user_id"]))


@api("PUT", "/api/v1/users/{user_id}/supervision", "Set the units a leader is in charge of (系统管理员 only)",
     body=SupervisionIn, response=SupervisionOut)
async def set_supervision(request: web.Request, body: SupervisionIn) -> SupervisionOut:
    admin, _ = current(request)
    leader = await access_user(admin, request.match_info["user_id"])
    units = [await access_unit(admin, unit_id) for unit_id in dict.fromkeys(body.unit_ids)]
    await do_set_supervision(hub_of(request), leader, units, actor=admin)
    return await _supervision(leader)
