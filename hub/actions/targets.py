"""目标管理 acts: set a target, report progress, the office's 复核, and 销号; each once per request id."""

from __future__ import annotations

from datetime import date as date_t
from datetime import datetime, timedelta

from beanie import PydanticObjectId
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from hub.access import parse_id
from hub.actions.audit import Origin, do_audit
from hub.actions.target_notify import notify_review, schedule_milestones
from hub.classification import check_unclassified
from hub.context import Hub
from hub.errors import HubError
from hub.lib.workdays import beijing_date
from hub.models import Membership, Unit, User
from hub.models.targets import Light, Milestone, Target, TargetAct, TargetReport
from hub.targets.lights import light_of
from hub.targets.wire import ReportIn, ReviewIn, TargetIn
from hub.workflow.documents import Supervision

_MAX_RETRIES = 50


async def unit_ids_of(user: User) -> set[str]:
    return {str(m.unit_id) for m in await Membership.find(Membership.user_id == user.id).to_list()}


async def target_office_ids() -> set[str]:
    """The 市委/市政府 offices (an office unit right under a leadership body) set and review targets."""
    leadership = {u.id for u in await Unit.find(Unit.kind == "leadership").to_list()}
    offices = await Unit.find(Unit.kind == "office").to_list()
    return {str(u.id) for u in offices if u.parent_id in leadership}


async def can_manage(user: User) -> bool:
    return bool(await unit_ids_of(user) & await target_office_ids())


async def _city_leader(user: User, units: set[str]) -> bool:
    """Members of a leadership body (市委, 市政府 …) follow every target."""
    if "leader" not in user.roles or not units:
        return False
    oids = [PydanticObjectId(u) for u in units]
    return await Unit.find({"_id": {"$in": oids}, "kind": "leadership"}).count() > 0


async def may_read(user: User, target: Target) -> bool:
    units = await unit_ids_of(user)
    if units & ({target.lead_unit_id} | set(target.partner_unit_ids)):
        return True
    if units & await target_office_ids() or await _city_leader(user, units):
        return True
    lead = PydanticObjectId(target.lead_unit_id)
    return await Supervision.find_one(Supervision.leader_id == user.id, Supervision.unit_id == lead) is not None


async def access_target(user: User, target_id: object) -> Target:
    """Missing and not visible look the same."""
    target = await Target.get(parse_id(target_id))
    if target is None or not await may_read(user, target):
        raise HubError("not_found")
    return target


async def visible_filter(user: User) -> dict[str, object] | None:
    """The query that limits a list to what this person may read; None when they may read every target."""
    units = await unit_ids_of(user)
    if units & await target_office_ids() or await _city_leader(user, units):
        return None
    supervised = [str(s.unit_id) for s in await Supervision.find(Supervision.leader_id == user.id).to_list()]
    mine = sorted(units)
    return {"$or": [{"lead_unit_id": {"$in": mine + supervised}}, {"partner_unit_ids": {"$in": mine}}]}


async def check_manager(user: User) -> None:
    if not await can_manage(user):
        raise HubError("forbidden", detail="targets are set and reviewed by the 市委/市政府 office")


def compute_light(hub: Hub, milestones: list[Milestone], progress: int, now: datetime) -> Light:
    calendar = hub.workdays
    today = beijing_date(now)

    def working_days_until(day: date_t) -> int:
        return sum(1 for n in range(1, (day - today).days + 1) if calendar.is_workday(today + timedelta(days=n)))

    return light_of(milestones, progress, today, working_days_until)


async def do_create_target(hub: Hub, user: User, body: TargetIn, origin: Origin, *, schedule: bool = True) -> Target:
    """schedule=False: the caller schedules the milestone timers itself (the demo, once its reports are in)."""
    await check_manager(user)
    check_unclassified([body.title, body.description, *(m.title for m in body.milestones)], hub.classification)
    for unit_id in [body.lead_unit_id, *body.partner_unit_ids]:
        if not PydanticObjectId.is_valid(unit_id) or await Unit.get(PydanticObjectId(unit_id)) is None:
            raise HubError("invalid_request", detail="unknown unit")
    existing = await Target.find_one(Target.created_by == str(user.id), Target.request_id == body.request_id)
    if existing is not None:
        return existing
    now = hub.clock.now()
    await hub.workdays.fresh()
    milestones = [Milestone(key=f"m{i + 1}", title=m.title, due=m.due, weight=m.weight)
                  for i, m in enumerate(sorted(body.milestones, key=lambda m: m.due))]
    count = await Target.find(Target.year == body.year).count()
    target = Target(year=body.year, code=f"MB{body.year}-{count + 1:03d}", title=body.title,
                    description=body.description, lead_unit_id=body.lead_unit_id,
                    partner_unit_ids=body.partner_unit_ids, milestones=milestones,
                    light=compute_light(hub, milestones, 0, now), created_by=str(user.id),
                    created_by_name=user.name, request_id=body.request_id, created_at=now, updated_at=now,
                    trail=[TargetAct(at=now, act="created", actor_id=str(user.id), actor_name=user.name)])
    for _ in range(_MAX_RETRIES):
        try:
            await target.insert()
            break
        except DuplicateKeyError:
            again = await Target.find_one(Target.created_by == str(user.id), Target.request_id == body.request_id)
            if again is not None:
                return again
            # Another target took this code at the same moment: the next number.
            count += 1
            target.code = f"MB{body.year}-{count + 1:03d}"
    else:
        raise HubError("conflict")
    await do_audit(hub, "target.create", actor=user, object_type="target", object_id=target.id, origin=origin)
    if schedule:
        await schedule_milestones(hub, target)
    return target


async def do_report(hub: Hub, user: User, target_id: str, body: ReportIn, origin: Origin) -> TargetReport:
    """A 主责 or 配合 unit reports progress; it counts once the office accepts it."""
    target = await access_target(user, target_id)
    units = await unit_ids_of(user) & ({target.lead_unit_id} | set(target.partner_unit_ids))
    if not units:
        raise HubError("forbidden", detail="only the 主责 and 配合 units report progress")
    earlier = await TargetReport.find_one(TargetReport.reporter_id == str(user.id),
                                          TargetReport.request_id == body.request_id)
    if earlier is not None:
        if earlier.target_id != target.id:
            raise HubError("request_id_reused")
        return earlier  # a retry
    if target.status == "closed":
        raise HubError("conflict", detail="the target is closed (已销号)")
    check_unclassified([body.text], hub.classification)
    unit = target.lead_unit_id if target.lead_unit_id in units else sorted(units)[0]
    now = hub.clock.now()
    assert target.id is not None
    report = TargetReport(target_id=target.id, unit_id=unit, reporter_id=str(user.id), reporter_name=user.name,
                          percent=body.percent, text=body.text.strip(), request_id=body.request_id, created_at=now)
    try:
        await report.insert()
    except DuplicateKeyError:
        earlier = await TargetReport.find_one(TargetReport.reporter_id == str(user.id),
                                              TargetReport.request_id == body.request_id)
        if earlier is None or earlier.target_id != target.id:
            raise HubError("request_id_reused") from None
        return earlier
    await _append(hub, target.id, [TargetAct(at=now, act="reported", actor_id=str(user.id), actor_name=user.name,
                                             report_id=str(report.id), percent=body.percent)])
    await do_audit(hub, "target.report", actor=user, object_type="target", object_id=target.id, origin=origin,
                   detail={"report": str(report.id), "percent": body.percent})
    return report


async def do_review(hub: Hub, user: User, report_id: str, body: ReviewIn, origin: Origin, *,
                    notify: bool = True) -> TargetReport:
    """复核: accept (the target's progress becomes the report's) or return with a reason; decided once."""
    report = await TargetReport.get(parse_id(report_id))
    if report is None:
        raise HubError("not_found")
    target = await access_target(user, str(report.target_id))
    await check_manager(user)
    check_unclassified([body.reason], hub.classification)
    now = hub.clock.now()
    status = "accepted" if body.decision == "accept" else "returned"
    doc = await TargetReport.get_pymongo_collection().find_one_and_update(
        {"_id": report.id, "status": "pending"},
        {"$set": {"status": status, "reviewer_id": str(user.id), "reviewer_name": user.name,
                  "reason": (body.reason or "").strip() or None, "reviewed_at": now}},
        return_document=ReturnDocument.AFTER)
    if doc is None:
        current = await TargetReport.get(report.id)
        assert current is not None
        if current.reviewer_id == str(user.id) and current.status == status:
            return current  # a retry of this decision
        raise HubError("conflict", detail="the report has already been reviewed")
    decided: TargetReport = TargetReport.model_validate(doc)
    act = TargetAct(at=now, act=status, actor_id=str(user.id), actor_name=user.name, report_id=report_id,
                    percent=report.percent, note=decided.reason or "")
    assert target.id is not None
    await _append(hub, target.id, [act], progress=report.percent if status == "accepted" else None)
    await do_audit(hub, f"target.{body.decision}", actor=user, object_type="target", object_id=target.id,
                   origin=origin, detail={"report": report_id})
    if notify:
        await notify_review(hub, target, decided)
    return decided


async def do_close(hub: Hub, user: User, target_id: str, note: str, origin: Origin) -> Target:
    """销号: the office closes a target that is done."""
    target = await access_target(user, target_id)
    await check_manager(user)
    check_unclassified([note], hub.classification)
    if target.status == "closed":
        return target
    if target.progress < 100:
        raise HubError("conflict", detail="a target is closed (销号) once its accepted progress reaches 100%")
    now = hub.clock.now()
    assert target.id is not None
    updated = await _append(hub, target.id, [TargetAct(at=now, act="closed", actor_id=str(user.id),
                                                       actor_name=user.name, note=note.strip())], close=True)
    await do_audit(hub, "target.close", actor=user, object_type="target", object_id=target.id, origin=origin)
    return updated


async def _append(hub: Hub, target_id: PydanticObjectId, acts: list[TargetAct], *, progress: int | None = None,
                  close: bool = False) -> Target:
    """Add to the trail and recompute the light, by compare-and-set on the version; a light change is itself
    a line of the trail, so the board's history can be replayed."""
    coll = Target.get_pymongo_collection()
    await hub.workdays.fresh()
    for _ in range(_MAX_RETRIES):
        current = await Target.get(target_id)
        assert current is not None
        now = hub.clock.now()
        new_progress = max(current.progress, progress) if progress is not None else current.progress
        light = compute_light(hub, current.milestones, new_progress, now)
        lines = list(acts)
        if light != current.light and current.status == "active":
            lines.append(TargetAct(at=now, act="light", light=light))
        update: dict[str, object] = {"progress": new_progress, "light": light, "version": current.version + 1,
                                     "updated_at": now}
        if close:
            update.update(status="closed", closed_at=now)
        doc = await coll.find_one_and_update(
            {"_id": target_id, "version": current.version},
            {"$set": update, "$push": {"trail": {"$each": [a.model_dump(mode="python") for a in lines]}}},
            return_document=ReturnDocument.AFTER)
        if doc is not None:
            updated: Target = Target.model_validate(doc)
            return updated
    raise HubError("conflict", detail="the target changed too often; try again")


async def do_refresh_light(hub: Hub, target_id: PydanticObjectId, act: TargetAct | None = None) -> Target:
    """Recompute the light now (a milestone timer fired); records the act if one is given."""
    return await _append(hub, target_id, [act] if act else [])
