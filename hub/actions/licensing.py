"""行政审批 cases: intake with a 受理回执, then 受理/补正/不予受理, 审查, 决定 and 送达 under 《行政许可法》."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, Literal

from beanie import PydanticObjectId
from pydantic import BaseModel, Field

from hub.actions.audit import Origin, do_audit
from hub.actions.licensing_counters import count_transition, day_of
from hub.actions.licensing_flow import do_follow_case, do_start_case_process, sync_due
from hub.actions.licensing_monitor import schedule_lights
from hub.actions.policy import check_texts
from hub.context import Hub
from hub.errors import HubError
from hub.lib.upsert import upsert_after
from hub.lib.workdays import DeadlineClock, beijing_date
from hub.models import Membership, Unit, User
from hub.models.licensing import (
    ACCEPT_DAYS,
    EXTENSION_DAYS,
    Applicant,
    CaseCounter,
    ClockState,
    Decision,
    Extension,
    LicensingCase,
    LightChange,
    Matter,
    Opinion,
    Pause,
    PauseKind,
    StageEntry,
    iso_week,
)

# Shown to the applicant with every decision (《行政许可法》第三十八条, 《行政复议法》, 《行政诉讼法》).
APPEAL = ("如不服本决定，可自收到本决定之日起六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。 / "
          "You may apply for administrative reconsideration within 60 days of receiving this decision, or bring an "
          "administrative lawsuit before a people's court within six months.")
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud at a window


class Receipt(BaseModel):
    """The 受理回执 the applicant takes away: the query code appears here and nowhere else, ever."""

    case_id: str
    number: str
    query_code: str
    matter_name: str
    unit_name: str
    submitted_at: datetime
    accept_due_at: datetime
    promised_days: int
    legal_days: int


class ApplicationIn(BaseModel):
    """An application from a window clerk or the 政务大厅's system."""

    matter_key: str = Field(pattern=r"^[a-z][a-z0-9-]{1,39}$")
    applicant: Applicant
    materials: list[str] = Field(default_factory=list, max_length=50)


class CaseActIn(BaseModel):
    """One act on a case. The fields an act needs: see do_case_act."""

    act: Literal["accept", "correction", "complete", "refuse", "opinion", "pause", "resume", "extend",
                 "approve_extension", "decide", "deliver"]
    version: int = Field(ge=0)
    missing: list[str] = Field(default_factory=list, max_length=50)
    reason: str = Field(default="", max_length=1000)
    text: str = Field(default="", max_length=2000)
    pause_kind: PauseKind | None = None
    granted: bool | None = None


def query_code_hash(hub: Hub, number: str, code: str) -> str:
    """Keyed by the server secret and the case number: a leaked table cannot be searched for codes."""
    material = f"licensing-query:{number}:{code.strip().upper()}".encode()
    return hmac.new(hub.settings.secret_key.encode(), material, hashlib.sha256).hexdigest()


async def _allocate_number(hub: Hub, matter: Matter, at: datetime) -> str:
    region, year = hub.settings.licensing_region_code, beijing_date(at).year
    prefix = f"{region}|{year}|{matter.code.basic}"
    doc = await upsert_after(CaseCounter.get_pymongo_collection(), prefix, {"$inc": {"value": 1}})
    try:
        return hub.settings.licensing_number_template.format(region=region, year=year, matter=matter.code.basic,
                                                             seq=int(doc["value"]))
    except (KeyError, IndexError, ValueError) as exc:
        raise HubError("internal", detail=f"licensing_number_template: {exc}") from None


async def is_member(user: User, unit_id: PydanticObjectId, *, head: bool = False) -> bool:
    query: dict[str, Any] = {"user_id": user.id, "unit_id": unit_id}
    if head:
        query["is_head"] = True
    return await Membership.find_one(query) is not None


async def check_clerk(hub: Hub, user: User, matter: Matter) -> None:
    """Staff of the 实施机关, or a window clerk of the 政务服务中心 (who takes in every matter)."""
    if await is_member(user, matter.unit_id):
        return
    hall = await Unit.find_one(Unit.code == hub.settings.licensing_hall_unit)
    if hall is None or hall.id is None or not await is_member(user, hall.id):
        raise HubError("forbidden", detail="only the 政务服务中心 or the 实施机关 enter applications")


async def access_case(user: User, case_id: str) -> LicensingCase:
    """Staff of the 实施机关, leaders on its escalation chain and city leaders see a case; others get not_found."""
    try:
        oid = PydanticObjectId(case_id)
    except Exception:
        raise HubError("not_found") from None
    case = await LicensingCase.get(oid)
    if case is None:
        raise HubError("not_found")
    if "leader" in user.roles or await is_member(user, case.unit_id):
        return case
    matter = await Matter.get(case.matter_id)
    if matter is not None and user.id in matter.escalation:
        return case
    raise HubError("not_found")


async def load_matter(key: str) -> Matter:
    matter = await Matter.find_one(Matter.key == key)
    if matter is None:
        raise HubError("not_found", detail=f"matter {key}")
    return matter


def new_clock(at: datetime, days: int) -> DeadlineClock:
    return DeadlineClock(started_at=at, limit=days, unit="working_days")


async def do_submit_application(hub: Hub, actor: User | None, app: ApplicationIn, source: Literal["window", "hall"],
                                origin: Origin | None = None) -> Receipt:
    """Register the application and start the 5-working-day 受理 clock; the receipt carries the query code."""
    matter = await load_matter(app.matter_key)
    if actor is not None:
        await check_clerk(hub, actor, matter)
    known = {m.key for m in matter.materials}
    unknown = [m for m in app.materials if m not in known]
    if unknown:
        raise HubError("invalid_request", detail=f"unknown materials: {', '.join(unknown[:5])}")
    check_texts(hub, [app.applicant.name])
    unit = await Unit.get(matter.unit_id)
    if unit is None:
        raise HubError("internal", detail="the matter's unit is missing")
    now = hub.clock.now()
    number = await _allocate_number(hub, matter, now)
    code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(8))
    clock = new_clock(now, ACCEPT_DAYS)
    due = clock.due_at(await hub.workdays.fresh())
    case = LicensingCase(
        number=number, matter_id=matter.id, matter_key=matter.key, matter_name=matter.name, unit_id=matter.unit_id,
        unit_name=unit.name, applicant=app.applicant, query_code_hash=query_code_hash(hub, number, code),
        source=source, materials=sorted(set(app.materials)), stage_started_at=now,
        clock=ClockState.model_validate(clock.model_dump()), due_at=due, due_day=day_of(due) if due else None,
        stages=[StageEntry(name="申请/收件", at=now, note="已收到申请材料")], submitted_at=now, week=iso_week(now))
    await case.insert()
    await count_transition(None, case, f"{case.id}:v0")
    await do_audit(hub, "licensing.submitted", actor=actor, object_type="licensing_case", object_id=case.id,
                   detail={"number": number, "source": source}, origin=origin)
    await schedule_lights(hub, case)
    await do_start_case_process(hub, actor, case, origin)
    assert due is not None
    return Receipt(case_id=str(case.id), number=number, query_code=code, matter_name=matter.name,
                   unit_name=unit.name, submitted_at=now, accept_due_at=due, promised_days=matter.promised_days,
                   legal_days=matter.legal_days)


Change = dict[str, Any]
Step = Callable[[Hub, User, LicensingCase, Matter, CaseActIn, datetime], Awaitable[Change]]


def _need(case: LicensingCase, *statuses: str) -> None:
    if case.status not in statuses:
        raise HubError("conflict", detail=f"the case is {case.status}")


def _stage(case: LicensingCase, name: str, at: datetime, note: str = "") -> list[dict[str, Any]]:
    return [s.model_dump() for s in case.stages] + [StageEntry(name=name, at=at, note=note).model_dump()]


async def _start_decide(hub: Hub, case: LicensingCase, matter: Matter, now: datetime, name: str) -> Change:
    clock = new_clock(now, matter.legal_days)
    return {"status": "review", "stage": "decide", "clock": clock.model_dump(), "stage_started_at": now,
            "due_at": clock.due_at(await hub.workdays.fresh()), "accepted_at": now,
            "stages": _stage(case, name, now,
                             f"法定办理时限{matter.legal_days}个工作日，承诺{matter.promised_days}个工作日")}


async def _accept(hub: Hub, user: User, case: LicensingCase, matter: Matter, body: CaseActIn, now: datetime
                  ) -> Change:
    _need(case, "submitted")
    missing = [m.name for m in matter.materials if m.required and m.key not in case.materials]
    if missing:
        raise HubError("conflict", detail=f"materials missing, send a 补正 notice: {', '.join(missing)}")
    return await _start_decide(hub, case, matter, now, "受理")


async def _correction(hub: Hub, user: User, case: LicensingCase, matter: Matter, body: CaseActIn, now: datetime
                      ) -> Change:
    """One notice listing every missing material (第三十二条): a second notice is refused. The 受理 clock stops."""
    _need(case, "submitted")
    if case.correction is not None:
        raise HubError("conflict", detail="a 补正 notice was already sent; it must list everything at once")
    names = {m.key: m.name for m in matter.materials}
    missing = sorted(set(body.missing))
    if not missing or any(k not in names for k in missing):
        raise HubError("invalid_request", detail="missing: one or more material keys of this matter")
    listed = [names[k] for k in missing]
    return {"status": "correction", "correction": listed, "clock": None, "due_at": None,
            "stages": _stage(case, "一次性告知补正", now, "请补正：" + "、".join(listed))}


async def _complete(hub: Hub, user: User, case: LicensingCase, matter: Matter, body: CaseActIn, now: datetime
                    ) -> Change:
    """The materials are complete: the case is accepted now, and the decision clock starts from today."""
    _need(case, "correction")
    return await _start_decide(hub, case, matter, now, "补正材料齐全，受理")


async def _refuse(hub: Hub, user: User, case: LicensingCase, matter: Matter, body: CaseActIn, now: datetime
                  ) -> Change:
    _need(case, "submitted", "correction")
    if not body.reason.strip():
        raise HubError("opinion_required", detail="不予受理 needs a reason")
    return {"status": "refused", "stage": "done", "refusal": body.reason, "clock": None, "due_at": None,
            "completed_at": now, "done_week": iso_week(now),
            "stages": _stage(case, "不予受理", now, body.reason + "\n" + APPEAL)}


async def _opinion(hub: Hub, user: User, case: LicensingCase, matter: Matter, body: CaseActIn, now: datetime
                   ) -> Change:
    _need(case, "review")
    if not body.text.strip():
        raise HubError("opinion_required")
    assert user.id is not None
    op = Opinion(user_id=user.id, user_name=user.name, text=body.text, at=now)
    return {"opinions": [o.model_dump() for o in case.opinions] + [op.model_dump()]}


async def _pause(hub: Hub, user: User, case: LicensingCase, matter: Matter, body: CaseActIn, now: datetime
                 ) -> Change:
    """听证、检验、检测、鉴定、专家评审 do not count against the limit (第四十五条)."""
    _need(case, "review")
    if body.pause_kind is None or not body.reason.strip():
        raise HubError("invalid_request", detail="pause_kind and reason are required")
    assert case.clock is not None
    clock = case.clock.live().pause(now)
    pause = Pause(kind=body.pause_kind, reason=body.reason, start=now)
    return {"clock": clock.model_dump(), "due_at": None, "pauses": [p.model_dump() for p in case.pauses] +
            [pause.model_dump()], "stages": _stage(case, f"{body.pause_kind}（不计入办理时限）", now)}


async def _resume(hub: Hub, user: User, case: LicensingCase, matter: Matter, body: CaseActIn, now: datetime
                  ) -> Change:
    _need(case, "review")
    if case.clock is None or not case.clock.paused:
        raise HubError("conflict", detail="the time limit is not paused")
    clock = case.clock.live().resume(now)
    pauses = [p.model_dump() for p in case.pauses]
    pauses[-1]["end"] = now
    kind = case.pauses[-1].kind
    return {"clock": clock.model_dump(), "due_at": clock.due_at(await hub.workdays.fresh()), "pauses": pauses,
            "stages": _stage(case, f"{kind}结束，恢复计时", now)}


async def _extend(hub: Hub, user: User, case: LicensingCase, matter: Matter, body: CaseActIn, now: datetime
                  ) -> Change:
    _need(case, "review")
    if case.extension is not None:
        raise HubError("conflict", detail="an extension was already requested")
    if not body.reason.strip():
        raise HubError("opinion_required", detail="an extension needs a reason for the applicant")
    assert user.id is not None
    ext = Extension(reason=body.reason, requested_by=user.id, requested_at=now)
    return {"extension": ext.model_dump()}


async def _approve_extension(hub: Hub, user: User, case: LicensingCase, matter: Matter, body: CaseActIn,
                             now: datetime) -> Change:
    """The head of the 实施机关 approves +10 working days (第四十二条); the reason is told to the applicant."""
    _need(case, "review")
    if case.extension is None or case.extension.approved_at is not None:
        raise HubError("conflict", detail="no extension is waiting for approval")
    if not await is_member(user, case.unit_id, head=True):
        raise HubError("forbidden", detail="only the head of the 实施机关 approves an extension")
    assert case.clock is not None
    clock = case.clock.live().model_copy(update={"limit": case.clock.limit + EXTENSION_DAYS})
    ext = case.extension.model_copy(update={"approved_by": user.id, "approved_at": now})
    return {"clock": clock.model_dump(), "due_at": clock.due_at(await hub.workdays.fresh(), now),
            "extension": ext.model_dump(),
            "stages": _stage(case, f"经负责人批准延长{EXTENSION_DAYS}个工作日", now, case.extension.reason)}


async def _decide(hub: Hub, user: User, case: LicensingCase, matter: Matter, body: CaseActIn, now: datetime
                  ) -> Change:
    _need(case, "review")
    if body.granted is None or not body.reason.strip():
        raise HubError("invalid_request", detail="granted and reason are required")
    if case.clock is not None and case.clock.paused:
        raise HubError("conflict", detail="resume the time limit before deciding")
    if case.extension is not None and case.extension.approved_at is None:
        raise HubError("conflict", detail="the extension is still waiting for the head's approval")
    cal = await hub.workdays.fresh()
    assert case.accepted_at is not None
    days = cal.working_days_between(case.accepted_at, now)
    for p in case.pauses:
        if p.end is not None:
            days -= cal.working_days_between(p.start, p.end)
    decision = Decision(granted=body.granted, reason=body.reason, appeal=APPEAL, at=now)
    clock = new_clock(now, matter.stage("deliver").days)
    return {"status": "decided", "stage": "deliver", "decision": decision.model_dump(), "decided_at": now,
            "decide_days": max(days, 0), "clock": clock.model_dump(), "due_at": clock.due_at(cal),
            "stage_started_at": now,
            "stages": _stage(case, "准予许可" if body.granted else "不予许可", now, body.reason)}


async def _deliver(hub: Hub, user: User, case: LicensingCase, matter: Matter, body: CaseActIn, now: datetime
                   ) -> Change:
    _need(case, "decided")
    return {"status": "delivered", "stage": "done", "clock": None, "due_at": None, "completed_at": now,
            "done_week": iso_week(now),
            "stages": _stage(case, "送达（办结）", now, body.text[:200])}


STEPS: dict[str, Step] = {
    "accept": _accept, "correction": _correction, "complete": _complete, "refuse": _refuse, "opinion": _opinion,
    "pause": _pause, "resume": _resume, "extend": _extend, "approve_extension": _approve_extension,
    "decide": _decide, "deliver": _deliver}
# Acts after which the stage clock is another one: its lights start again (a new epoch).
_NEW_CLOCK = frozenset({"accept", "correction", "complete", "refuse", "pause", "resume", "approve_extension",
                        "decide", "deliver"})


async def do_case_act(hub: Hub, user: User, case: LicensingCase, body: CaseActIn, origin: Origin | None = None
                      ) -> LicensingCase:
    """Apply one act with a compare-and-set on the version the user saw; permissions are checked on that state."""
    if not await is_member(user, case.unit_id):
        raise HubError("forbidden", detail="only staff of the 实施机关 act on its cases")
    if case.version != body.version:
        raise HubError("stale_instance")
    check_texts(hub, [body.reason, body.text])
    matter = await Matter.get(case.matter_id)
    if matter is None:
        raise HubError("internal", detail="the case's matter is missing")
    now = hub.clock.now()
    change = await STEPS[body.act](hub, user, case, matter, body, now)
    if body.act in _NEW_CLOCK:
        change |= {"clock_epoch": case.clock_epoch + 1, "light": "green"}
        if case.light != "green":  # the statistics see when a light went out, too
            back = LightChange(at=now, stage=str(change.get("stage", case.stage)), light="green")
            change["lights"] = [c.model_dump() for c in case.lights] + [back.model_dump()]
    if "due_at" in change:
        change["due_day"] = day_of(change["due_at"]) if change["due_at"] is not None else None
    change["version"] = case.version + 1
    await do_follow_case(hub, user, case, body.act, body.reason or body.text, origin)
    res = await LicensingCase.get_pymongo_collection().update_one(
        {"_id": case.id, "version": case.version}, {"$set": change})
    if res.modified_count == 0:
        raise HubError("stale_instance")
    await do_audit(hub, f"licensing.{body.act}", actor=user, object_type="licensing_case", object_id=case.id,
                   origin=origin)
    updated = await LicensingCase.get(case.id)
    assert updated is not None
    # Counted between the two states this compare-and-set went between (not a reload, which may already show a
    # later change), under the new version's name: a retry computes the same change and counts nothing again.
    after = LicensingCase.model_validate(case.model_dump() | change)
    await count_transition(case, after, f"{case.id}:v{change['version']}")
    await schedule_lights(hub, updated)
    await sync_due(hub, updated)
    return updated
