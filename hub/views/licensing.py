"""行政审批 endpoints: the catalogue, cases and their acts, hall intake, the public query and the dashboard."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from aiohttp import web
from pydantic import BaseModel, Field, ValidationError

from hub.actions.integrations import accept_signed
from hub.actions.licensing import (
    ApplicationIn,
    CaseActIn,
    Receipt,
    access_case,
    do_case_act,
    do_submit_application,
)
from hub.actions.licensing_monitor import BOT_KEY
from hub.actions.licensing_public import (
    PublicCase,
    QueryIn,
    RateIn,
    do_close_follow_up,
    do_public_query,
    do_public_rate,
)
from hub.actions.licensing_stats import Dashboard, dashboard, export_xlsx, open_follow_ups, visible_units
from hub.errors import HubError
from hub.models import Integration
from hub.models.licensing import (
    Applicant,
    Decision,
    FollowUp,
    LicensingCase,
    LightChange,
    Material,
    Matter,
    MatterCode,
    Opinion,
    Pause,
    StageEntry,
    StageLimit,
    Thresholds,
)
from hub.views.base import EndpointTable, current, hub_of, origin_of

api = EndpointTable("licensing")


class MatterOut(BaseModel):
    key: str
    name: str
    code: MatterCode
    full_code: str
    unit_id: str
    legal_days: int
    promised_days: int
    materials: list[Material]
    stages: list[StageLimit]
    thresholds: Thresholds


class MatterList(BaseModel):
    matters: list[MatterOut]


class CaseSummary(BaseModel):
    id: str
    number: str
    matter_key: str
    matter_name: str
    unit_name: str
    applicant_name: str
    status: str
    stage: str
    light: str
    due_at: datetime | None
    submitted_at: datetime


class CaseList(BaseModel):
    cases: list[CaseSummary]


class ExtensionOut(BaseModel):
    reason: str
    requested_at: datetime
    approved: bool


class CaseOut(CaseSummary):
    """The staff view: with internal opinions, the light history and the pauses."""

    version: int
    applicant: Applicant
    materials: list[str]
    stages: list[StageEntry]
    correction: list[str] | None
    refusal: str | None
    paused: bool
    pauses: list[Pause]
    extension: ExtensionOut | None
    decision: Decision | None
    opinions: list[Opinion]
    lights: list[LightChange]
    decide_days: int | None


class CaseQuery(BaseModel):
    unit: str | None = Field(default=None, max_length=40)
    matter: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9-]{1,39}$")
    filter: Literal["all", "pending", "due_soon", "yellow", "red", "done"] = "all"


def _matter_out(m: Matter) -> MatterOut:
    return MatterOut(key=m.key, name=m.name, code=m.code, full_code=m.code.full, unit_id=str(m.unit_id),
                     legal_days=m.legal_days, promised_days=m.promised_days, materials=m.materials, stages=m.stages,
                     thresholds=m.thresholds)


def _summary(c: LicensingCase) -> dict[str, Any]:
    return dict(id=str(c.id), number=c.number, matter_key=c.matter_key, matter_name=c.matter_name,
                unit_name=c.unit_name, applicant_name=c.applicant.name, status=c.status, stage=c.stage,
                light=c.light, due_at=c.due_at, submitted_at=c.submitted_at)


def case_out(c: LicensingCase) -> CaseOut:
    ext = c.extension
    return CaseOut(**_summary(c), version=c.version, applicant=c.applicant, materials=c.materials, stages=c.stages,
                   correction=c.correction, refusal=c.refusal, paused=bool(c.clock and c.clock.paused),
                   pauses=c.pauses, decision=c.decision, opinions=c.opinions, lights=c.lights,
                   decide_days=c.decide_days,
                   extension=ExtensionOut(reason=ext.reason, requested_at=ext.requested_at,
                                          approved=ext.approved_at is not None) if ext else None)


@api("GET", "/api/v1/licensing/matters", "The 事项 catalogue", response=MatterList)
async def list_matters(request: web.Request) -> MatterList:
    found = await Matter.find_all().sort("+key").to_list()
    return MatterList(matters=[_matter_out(m) for m in found])


@api("POST", "/api/v1/licensing/cases", "A window clerk enters an application: the 受理回执 with the query code",
     body=ApplicationIn, response=Receipt)
async def submit_case(request: web.Request, body: ApplicationIn) -> web.Response:
    receipt = await do_submit_application(hub_of(request), current(request)[0], body, "window", origin_of(request))
    return web.Response(body=receipt.model_dump_json(), status=201, content_type="application/json")


@api("POST", "/api/v1/integrations/{key}/licensing",
     "政务大厅 pushes an application, signed like every incoming integration; answers the 受理回执", auth=False,
     body=None, response=Receipt)
async def hall_intake(request: web.Request) -> web.Response:
    hub = hub_of(request)
    origin = origin_of(request)

    async def consume(integration: Integration, payload: Any) -> Receipt:
        if integration.bot_key != BOT_KEY:
            raise HubError("forbidden", detail="this integration does not deliver 行政审批 applications")
        try:
            app = ApplicationIn.model_validate(payload)
        except ValidationError as exc:
            raise HubError("invalid_request", detail=str(exc.errors()[0]["msg"])) from None
        return await do_submit_application(hub, None, app, "hall", origin)

    receipt = await accept_signed(hub, request.match_info["key"], request.headers.get("X-Xietong-Timestamp"),
                                  request.headers.get("X-Xietong-Signature"), await request.read(), origin, consume)
    return web.Response(body=receipt.model_dump_json(), status=201, content_type="application/json")


@api("GET", "/api/v1/licensing/cases", "Cases the user may see, filtered for the dashboard's drill-down",
     query=CaseQuery, response=CaseList)
async def list_cases(request: web.Request, query: CaseQuery) -> CaseList:
    hub = hub_of(request)
    user = current(request)[0]
    units = await visible_units(user)
    filt: dict[str, Any] = {} if units is None else {"unit_id": {"$in": units}}
    if query.unit:
        filt["unit_id"] = _unit_in(query.unit, units)
    if query.matter:
        filt["matter_key"] = query.matter
    pending = {"$in": ["submitted", "correction", "review", "decided"]}
    if query.filter == "pending":
        filt["status"] = pending
    elif query.filter in ("yellow", "red"):
        filt |= {"status": pending, "light": query.filter}
    elif query.filter == "due_soon":
        from hub.actions.licensing_stats import DUE_SOON_DAYS
        soon = (await hub.workdays.fresh()).add_working_days(hub.clock.now(), DUE_SOON_DAYS)
        filt |= {"status": pending, "due_at": {"$ne": None, "$lte": soon}, "light": {"$ne": "red"}}
    elif query.filter == "done":
        filt["status"] = {"$in": ["delivered", "refused"]}
    found = await LicensingCase.find(filt).sort("-submitted_at").limit(500).to_list()
    return CaseList(cases=[CaseSummary(**_summary(c)) for c in found])


def _unit_in(raw: str, units: list[Any] | None) -> Any:
    from beanie import PydanticObjectId

    try:
        oid = PydanticObjectId(raw)
    except Exception:
        raise HubError("invalid_request", detail="unit is an id") from None
    return oid if units is None or oid in units else {"$in": []}


@api("GET", "/api/v1/licensing/cases/{id}", "One case, for staff of its department and its leaders",
     response=CaseOut)
async def get_case(request: web.Request) -> CaseOut:
    return case_out(await access_case(current(request)[0], request.match_info["id"]))


@api("POST", "/api/v1/licensing/cases/{id}/act", "受理, 补正, 不予受理, 意见, 暂停/恢复计时, 延期, 决定 or 送达",
     body=CaseActIn, response=CaseOut)
async def act_case(request: web.Request, body: CaseActIn) -> CaseOut:
    user = current(request)[0]
    case = await access_case(user, request.match_info["id"])
    async with hub_of(request).lock(f"licensing:{case.id}"):
        return case_out(await do_case_act(hub_of(request), user, case, body, origin_of(request)))


@api("POST", "/api/v1/public/licensing/query", "Public: a case by its number and query code (no account)",
     body=QueryIn, response=PublicCase, auth=False)
async def public_query(request: web.Request, body: QueryIn) -> PublicCase:
    return await do_public_query(hub_of(request), body, origin_of(request))


@api("POST", "/api/v1/public/licensing/rate", "Public: 好差评 of a finished case, once", body=RateIn,
     response=PublicCase, auth=False)
async def public_rate(request: web.Request, body: RateIn) -> PublicCase:
    return await do_public_rate(hub_of(request), body, origin_of(request))


@api("GET", "/api/v1/licensing/dashboard", "审批动态: figures per department and per 事项, weekly trend",
     response=Dashboard)
async def get_dashboard(request: web.Request) -> Dashboard:
    return await dashboard(hub_of(request), current(request)[0])


@api("GET", "/api/v1/licensing/dashboard.xlsx", "审批动态 as an Excel workbook")
async def export_dashboard(request: web.Request) -> web.Response:
    board = await dashboard(hub_of(request), current(request)[0])
    stamp = board.generated_at.strftime("%Y%m%d")
    return web.Response(body=export_xlsx(board), headers={
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": f'attachment; filename="licensing-{stamp}.xlsx"'})


class FollowUpOut(BaseModel):
    id: str
    number: str
    score: int
    comment: str
    due_at: datetime
    status: str
    note: str


class FollowUpList(BaseModel):
    follow_ups: list[FollowUpOut]


class CloseIn(BaseModel):
    note: str = Field(min_length=1, max_length=1000)


def _follow_out(f: FollowUp) -> FollowUpOut:
    return FollowUpOut(id=str(f.id), number=f.number, score=f.score, comment=f.comment, due_at=f.due_at,
                       status=f.status, note=f.note)


@api("GET", "/api/v1/licensing/followups", "差评 follow-ups still open, for the department and leaders",
     response=FollowUpList)
async def list_follow_ups(request: web.Request) -> FollowUpList:
    return FollowUpList(follow_ups=[_follow_out(f) for f in await open_follow_ups(current(request)[0])])


@api("POST", "/api/v1/licensing/followups/{id}/close", "Record how a 差评 was answered", body=CloseIn,
     response=FollowUpOut)
async def close_follow_up(request: web.Request, body: CloseIn) -> FollowUpOut:
    return _follow_out(await do_close_follow_up(hub_of(request), current(request)[0], request.match_info["id"],
                                                body.note))
