"""系统管理员 endpoints: bots and tokens, integrations and secrets, process definitions, and the XLSX import."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aiohttp import web
from pydantic import BaseModel, Field

from hub.access import parse_id
from hub.actions.admin_import import do_apply_import, do_preview_import, template_xlsx
from hub.actions.bots import do_issue_bot_token, do_revoke_bot_tokens
from hub.actions.integrations import do_create_integration, do_rotate_integration_secret
from hub.actions.policy import check_texts
from hub.actions.security_policy import check_upload
from hub.actions.workflow_admin import do_publish_definition, shipped_definitions
from hub.errors import HubError
from hub.models import BotAccount, BotToken, Integration
from hub.models.admin import ImportBatch
from hub.views.base import EndpointTable, current, hub_of, origin_of
from hub.workflow.definition import Definition
from hub.workflow.documents import ProcessDefinition

api = EndpointTable("admin")
SYS = "sys_admin"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class BotOut(BaseModel):
    key: str
    name: str
    commands: list[str]
    active_tokens: int


class BotList(BaseModel):
    bots: list[BotOut]


class SecretOut(BaseModel):
    """Shown once: only a hash (bots) or a salt (integrations) is kept."""

    key: str
    secret: str


class RevokedOut(BaseModel):
    revoked: int


class IntegrationOut(BaseModel):
    key: str
    name: str
    bot_key: str
    disabled: bool
    url: str
    created_at: datetime


class IntegrationList(BaseModel):
    integrations: list[IntegrationOut]


class IntegrationIn(BaseModel):
    key: str = Field(min_length=2, max_length=40)
    name: str = Field(min_length=1, max_length=60)
    bot_key: str = Field(default="webhook", min_length=1, max_length=40)


class IntegrationCreated(BaseModel):
    integration: IntegrationOut
    secret: str


class AdminDefinitionOut(BaseModel):
    key: str
    name: str
    version: int
    published_at: datetime
    published_by: str | None


class AdminDefinitionList(BaseModel):
    definitions: list[AdminDefinitionOut]


class ImportQuery(BaseModel):
    filename: str = Field(min_length=1, max_length=200)


class ImportOut(BaseModel):
    id: str
    filename: str
    status: str
    units: list[dict[str, Any]]
    people: list[dict[str, Any]]
    errors: list[dict[str, Any]]


def _integration_out(i: Integration) -> IntegrationOut:
    return IntegrationOut(key=i.key, name=i.name, bot_key=i.bot_key, disabled=i.disabled, created_at=i.created_at,
                          url=f"/api/v1/integrations/{i.key}/incoming")


def _import_out(batch: ImportBatch) -> ImportOut:
    people = [{k: v for k, v in p.items() if k != "password_hash"} for p in batch.people]
    return ImportOut(id=str(batch.id), filename=batch.filename, status=batch.status, units=batch.units,
                     people=people, errors=batch.errors)


@api("GET", "/api/v1/admin/bots", "Bot accounts and how many live tokens each has (sys_admin)", response=BotList,
     role=SYS)
async def admin_bots(request: web.Request) -> BotList:
    live: dict[str, int] = {}
    for t in await BotToken.find(BotToken.revoked_at == None).to_list():  # noqa: E711
        live[t.bot_key] = live.get(t.bot_key, 0) + 1
    return BotList(bots=[BotOut(key=b.key, name=b.name, commands=[c.name for c in b.commands],
                                active_tokens=live.get(b.key, 0))
                         for b in await BotAccount.find_all().sort("+key").to_list()])


@api("POST", "/api/v1/admin/bots/{key}/tokens", "Issue a token for a bot process, shown once (sys_admin)",
     response=SecretOut, role=SYS)
async def admin_issue_token(request: web.Request) -> SecretOut:
    key = request.match_info["key"][:40]
    return SecretOut(key=key, secret=await do_issue_bot_token(hub_of(request), current(request)[0], key))


@api("DELETE", "/api/v1/admin/bots/{key}/tokens", "Revoke every token of a bot (sys_admin)", response=RevokedOut,
     role=SYS)
async def admin_revoke_tokens(request: web.Request) -> RevokedOut:
    key = request.match_info["key"][:40]
    if await BotAccount.find_one(BotAccount.key == key) is None:
        raise HubError("not_found")
    return RevokedOut(revoked=await do_revoke_bot_tokens(hub_of(request), current(request)[0], key))


@api("GET", "/api/v1/admin/integrations", "Incoming integrations (sys_admin)", response=IntegrationList, role=SYS)
async def admin_integrations(request: web.Request) -> IntegrationList:
    return IntegrationList(integrations=[_integration_out(i)
                                         for i in await Integration.find_all().sort("+key").to_list()])


@api("POST", "/api/v1/admin/integrations", "Create an integration; its secret is shown once (sys_admin)",
     body=IntegrationIn, response=IntegrationCreated, role=SYS)
async def admin_create_integration(request: web.Request, body: IntegrationIn) -> IntegrationCreated:
    hub = hub_of(request)
    check_texts(hub, [body.name])  # integrations.py predates names typed in a browser
    integration, secret = await do_create_integration(hub, current(request)[0], body.key, body.name, body.bot_key)
    return IntegrationCreated(integration=_integration_out(integration), secret=secret)


@api("POST", "/api/v1/admin/integrations/{key}/rotate", "A new secret for an integration, shown once; the old one "
     "stops working (sys_admin)", response=SecretOut, role=SYS)
async def admin_rotate_integration(request: web.Request) -> SecretOut:
    key = request.match_info["key"][:40]
    return SecretOut(key=key, secret=await do_rotate_integration_secret(hub_of(request), current(request)[0], key))


@api("GET", "/api/v1/admin/definitions", "Every published version of every process definition (sys_admin)",
     response=AdminDefinitionList, role=SYS)
async def admin_definitions(request: web.Request) -> AdminDefinitionList:
    found = await ProcessDefinition.find_all().sort("+key", "-version").to_list()
    return AdminDefinitionList(definitions=[AdminDefinitionOut(key=d.key, name=d.name, version=d.version,
                                                               published_at=d.published_at,
                                                               published_by=d.published_by) for d in found])


@api("POST", "/api/v1/admin/definitions/shipped", "Publish the shipped definitions; a new version only where they "
     "changed (sys_admin)", response=AdminDefinitionList, role=SYS)
async def admin_load_shipped(request: web.Request) -> AdminDefinitionList:
    out: list[AdminDefinitionOut] = []
    for spec in shipped_definitions():
        d, _ = await do_publish_definition(hub_of(request), current(request)[0], spec, origin_of(request))
        out.append(AdminDefinitionOut(key=d.key, name=d.name, version=d.version, published_at=d.published_at,
                                      published_by=d.published_by))
    return AdminDefinitionList(definitions=out)


@api("POST", "/api/v1/admin/definitions", "Publish a process definition (JSON as in hub/workflow/definitions/); a new "
     "version unless it equals the latest, running instances keep theirs (sys_admin)", body=Definition,
     response=AdminDefinitionOut, role=SYS)
async def admin_publish_definition(request: web.Request, body: Definition) -> AdminDefinitionOut:
    d, _ = await do_publish_definition(hub_of(request), current(request)[0], body, origin_of(request))
    return AdminDefinitionOut(key=d.key, name=d.name, version=d.version, published_at=d.published_at,
                              published_by=d.published_by)


@api("GET", "/api/v1/admin/import/template", "The XLSX template for importing units and people (sys_admin)",
     role=SYS)
async def admin_import_template(request: web.Request) -> web.Response:
    return web.Response(body=template_xlsx(), content_type=XLSX,
                        headers={"Content-Disposition": "attachment; filename*=UTF-8''import-template.xlsx"})


@api("POST", "/api/v1/admin/import", "Upload an XLSX (the raw file as the body): every row validated, a preview "
     "with an error report; nothing is created yet (sys_admin)", query=ImportQuery, response=ImportOut, role=SYS)
async def admin_import_preview(request: web.Request, query: ImportQuery) -> ImportOut:
    hub = hub_of(request)
    if request.content_type != XLSX:
        raise HubError("unsupported_file", detail=f"Content-Type must be {XLSX}")
    data = await request.read()
    check_upload(hub, query.filename, len(data), only=("xlsx",))
    return _import_out(await do_preview_import(hub, current(request)[0], query.filename, data))


@api("POST", "/api/v1/admin/import/{batch_id}/apply", "Create everything in a previewed file, only if every row "
     "is valid; applying again changes nothing (sys_admin)", response=ImportOut, role=SYS)
async def admin_import_apply(request: web.Request) -> ImportOut:
    batch = await do_apply_import(hub_of(request), current(request)[0], parse_id(request.match_info["batch_id"]),
                                  origin_of(request))
    return _import_out(batch)
