"""The 收文 steps on one record: each is an act on its process (who may act is the engine's), then the record."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time
from typing import Any, Literal
from zoneinfo import ZoneInfo

from beanie import PydanticObjectId
from beanie.operators import In
from pydantic import BaseModel, ConfigDict, Field
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from hub.access import parse_id
from hub.actions.audit import Origin, do_audit
from hub.actions.documents import access_record, clerks_of, heads_of, home_units
from hub.actions.workflow import do_act
from hub.classification import check_unclassified
from hub.context import Hub
from hub.errors import HubError
from hub.lib.upsert import upsert_after
from hub.lib.workdays import beijing_date
from hub.models import Unit, User
from hub.models.documents import DocumentReceipt, IncomingRecord, Instruction, OfficialDocument, Reader, RegisterCounter
from hub.workflow.documents import ProcessInstance
from hub.workflow.state import OpName
from hub.workflow.wire import ActIn

StepOp = Literal["sign", "return", "register", "review", "propose", "instruct", "handle", "reply", "read",
                 "recall", "finish_circulation", "close", "archive"]
BEIJING = ZoneInfo("Asia/Shanghai")
CHECKLIST = ("organ", "rules", "format", "countersigned")  # 受文机关正确, 行文规则, 文种格式, 会签完备

log = logging.getLogger(__name__)


# The process step each button acts on (read, reply and recall only touch the record).
STEP_OF: dict[str, str] = {"sign": "sign", "return": "sign", "register": "register", "review": "review",
                           "propose": "propose", "instruct": "instruct", "handle": "handle",
                           "finish_circulation": "circulate", "close": "close", "archive": "archive"}


class StepIn(BaseModel):
    """One press of a 收文 button; fields beyond op belong to that step."""

    model_config = ConfigDict(extra="forbid")
    op: StepOp
    request_id: str = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")
    opinion: str | None = Field(default=None, max_length=1000, description="意见, 退回 reason, 批示 text, 答复")
    checklist: dict[str, bool] = Field(default_factory=dict, description="初审: organ, rules, format, "
                                       "countersigned; any false returns the document to its sender")
    leader_ids: list[str] = Field(default_factory=list, max_length=20, description="拟办: leaders for 批示; "
                                  "承办: leaders to 传阅")
    lead_unit_id: str | None = Field(default=None, max_length=24, description="批示: 主办单位")
    co_unit_ids: list[str] = Field(default_factory=list, max_length=30, description="批示: 协办单位")
    deadline: date | None = Field(default=None, description="批示: 办理时限")


async def _people(ids: list[str], *, leaders: bool) -> list[User]:
    oids = [parse_id(i) for i in dict.fromkeys(ids)]
    found = await User.find(In(User.id, oids), User.disabled == False, User.is_bot == False).to_list()  # noqa: E712
    if len(found) != len(oids) or (leaders and any("leader" not in u.roles for u in found)):
        raise HubError("invalid_request", detail="leader_ids: leaders of this hub")
    by_id = {u.id: u for u in found}
    return [by_id[i] for i in oids]


async def _act(hub: Hub, user: User, record: IncomingRecord, op: OpName, body: StepIn, origin: Origin,
               chosen: dict[str, list[str]] | None = None) -> ProcessInstance:
    if record.instance_id is None:
        raise HubError("action_not_allowed")
    act = ActIn(op=op, request_id=body.request_id, opinion=body.opinion)
    return await do_act(hub, user, str(record.instance_id), act, origin, for_subject=True, chosen_update=chosen,
                        expect_step=STEP_OF[body.op])


async def _set(hub: Hub, record: IncomingRecord, fields: dict[str, Any], push: dict[str, Any] | None = None
               ) -> IncomingRecord:
    update: dict[str, Any] = {"$set": {**fields, "updated_at": hub.clock.now()}, "$inc": {"version": 1}}
    if push:
        update["$push"] = push
    doc = await IncomingRecord.get_pymongo_collection().find_one_and_update(
        {"_id": record.id}, update, return_document=ReturnDocument.AFTER)
    out: IncomingRecord = IncomingRecord.model_validate(doc)
    return out


async def _receipt(hub: Hub, user: User, record: IncomingRecord, doc: OfficialDocument, kind: Literal[
        "signed", "returned"], reason: str | None, origin: Origin) -> None:
    """The legal receipt, once per record, with an audit-chain entry; a retry finds it and adds nothing."""
    assert record.id is not None and doc.id is not None
    receipt = DocumentReceipt(document_id=doc.id, record_id=record.id, unit_id=record.unit_id,
                              unit_name=record.unit_name, kind=kind, user_id=str(user.id), user_name=user.name,
                              at=hub.clock.now(), content_hash=doc.content_hash, reason=reason,
                              doc_number=doc.elements.doc_number, title=doc.elements.title)
    try:
        await receipt.insert()
    except DuplicateKeyError:
        return
    await do_audit(hub, f"document.{'sign' if kind == 'signed' else 'return'}", actor=user,
                   object_type="document_receipt", object_id=receipt.id, origin=origin,
                   detail={"document": str(doc.id), "unit": str(record.unit_id), "hash": doc.content_hash})
    if doc.external:
        from hub.actions.documents_exchange import queue_province_notice
        await queue_province_notice(hub, doc, record, kind, reason)


async def allocate_number(hub: Hub, record: IncomingRecord, claim: str) -> IncomingRecord:
    """收文编号: the record is claimed first (one claim per record, single-document guard), then the unit's yearly
    counter is advanced once with $inc, so numbers are unique and follow each other without gaps."""
    coll = IncomingRecord.get_pymongo_collection()
    got = await coll.find_one_and_update({"_id": record.id, "reg_claim": None}, {"$set": {"reg_claim": claim}},
                                         return_document=ReturnDocument.AFTER)
    if got is None:
        current = await IncomingRecord.get(record.id)
        assert current is not None
        return current
    year = beijing_date(hub.clock.now()).year  # the register's year is Beijing's: 1 January 00:00-08:00 too
    counter = await upsert_after(RegisterCounter.get_pymongo_collection(), f"{record.unit_id}:{year}",
                                 {"$inc": {"seq": 1}, "$setOnInsert": {}})
    seq = int(counter["seq"])
    return await _set(hub, record, {"reg_year": year, "reg_seq": seq, "reg_no": f"收〔{year}〕{seq}号",
                                    "registered_at": hub.clock.now()})


async def do_step(hub: Hub, user: User, record_id: str, body: StepIn, origin: Origin) -> IncomingRecord:
    """Validate the step's own input, act on the process (the engine decides whose turn it is, inside its
    compare-and-set), then write what the step decided onto the record."""
    record, doc = await access_record(hub, user, record_id)
    check_unclassified([body.opinion])
    opinion = (body.opinion or "").strip() or None
    now = hub.clock.now()
    me = str(user.id)
    if body.op == "sign":
        await _act(hub, user, record, "approve", body, origin)
        record = await _set(hub, record, {"status": "handling", "signed_by": me, "signed_by_name": user.name,
                                          "signed_at": now})
        await _receipt(hub, user, record, doc, "signed", None, origin)
    elif body.op in ("return", "review") and (body.op == "return" or not all(body.checklist.get(k) for k in CHECKLIST)):
        if opinion is None:
            raise HubError("opinion_required")
        if body.op == "review":
            record = await _set(hub, record, {"checklist": {k: bool(body.checklist.get(k)) for k in CHECKLIST}})
        await _act(hub, user, record, "reject", body, origin)
        record = await _set(hub, record, {"status": "returned", "returned_reason": opinion, "returned_at": now})
        if body.op == "return":
            await _receipt(hub, user, record, doc, "returned", opinion, origin)
        if body.op == "review" and doc.external:
            from hub.actions.documents_exchange import queue_province_notice
            await queue_province_notice(hub, doc, record, "returned", opinion)
    elif body.op == "register":
        await _act(hub, user, record, "approve", body, origin)
        record = await allocate_number(hub, record, body.request_id)
    elif body.op == "review":
        await _act(hub, user, record, "approve", body, origin)
        record = await _set(hub, record, {"checklist": {k: True for k in CHECKLIST}})
    elif body.op == "propose":
        leaders = await _people(body.leader_ids, leaders=True) if body.leader_ids else []
        if not leaders:
            raise HubError("invalid_request", detail="leader_ids: name the leaders for 批示")
        await _act(hub, user, record, "approve", body, origin, {"instruct": [str(u.id) for u in leaders]})
        record = await _set(hub, record, {"proposal": opinion, "leaders": [str(u.id) for u in leaders]})
    elif body.op == "instruct":
        record = await _instruct(hub, user, record, body, origin)
    elif body.op == "handle":
        readers = await _people(body.leader_ids, leaders=True) if body.leader_ids else []
        unit = await Unit.get(record.unit_id)
        assert unit is not None
        managers = await clerks_of(unit) if readers else []
        await _act(hub, user, record, "approve", body, origin, {"circulate": managers})
        record = await _set(hub, record, {"readers": [Reader(user_id=str(u.id), name=u.name, delivered_at=now)
                                                      .model_dump() for u in readers]})
    elif body.op == "reply":
        record = await _reply(hub, user, record, opinion)
    elif body.op in ("read", "recall"):
        record = await _circulation(hub, user, record, body.op, opinion)
    elif body.op == "finish_circulation":
        await _act(hub, user, record, "approve", body, origin)
    elif body.op == "close":
        await _act(hub, user, record, "approve", body, origin)
        record = await _set(hub, record, {"status": "done"})
    else:  # archive: the step is taken by filing the 件 (归档章, 档号), never by a bare button
        raise HubError("action_not_allowed", detail="归档 files a 件: POST /api/v1/archive/items (the 档案 page)")
    return record


async def _instruct(hub: Hub, user: User, record: IncomingRecord, body: StepIn, origin: Origin) -> IncomingRecord:
    if not (body.opinion or "").strip():
        raise HubError("opinion_required")
    if body.lead_unit_id is None:
        raise HubError("invalid_request", detail="lead_unit_id: name the 主办单位")
    if body.deadline is not None and body.deadline < beijing_date(hub.clock.now()):
        raise HubError("invalid_request", detail="deadline: today or later")
    lead = await Unit.get(parse_id(body.lead_unit_id))
    co = [await Unit.get(parse_id(i)) for i in dict.fromkeys(body.co_unit_ids)]
    if lead is None or any(u is None for u in co) or lead.external or lead.id in {u.id for u in co if u}:
        raise HubError("invalid_request", detail="lead_unit_id/co_unit_ids: units of this hub, 主办 not also 协办")
    handlers = await heads_of(lead)
    if not handlers:
        raise HubError("no_approver", detail=f"{lead.name}: nobody handles for this unit")
    await _act(hub, user, record, "approve", body, origin, {"handle": handlers})
    instruction = Instruction(by_id=str(user.id), by_name=user.name, text=(body.opinion or "").strip(),
                              lead_unit_id=str(lead.id), lead_unit_name=lead.name,
                              co_unit_ids=[str(u.id) for u in co if u], deadline=body.deadline, at=hub.clock.now())
    # A date is not a BSON type: the deadline is stored as its ISO text and read back as a date.
    fields: dict[str, Any] = {"instruction": {**instruction.model_dump(), "deadline": body.deadline.isoformat()
                                              if body.deadline else None}}
    if body.deadline is not None:  # the end of the office day in Beijing
        fields["due_at"] = datetime.combine(body.deadline, time(18, 0), BEIJING).astimezone(UTC)
    record = await _set(hub, record, fields)
    if body.deadline is not None:
        record = await _follow_instruction(hub, user, record, lead, body.deadline, origin)
    return record


async def _follow_instruction(hub: Hub, user: User, record: IncomingRecord, lead: Unit, deadline: date,
                              origin: Origin) -> IncomingRecord:
    """A 批示 with a deadline becomes a 督办 item the leader follows (批示件督办), hosted by the 主办 unit. Its
    request id is the record's, so a retried 批示 opens it once. The 批示 is already recorded: should the item
    fail to open, the 批示 stands and the leader can open one by hand."""
    from hub.actions.duban import OPENERS, do_open_duban
    from hub.remind.duban_wire import DubanIn

    if not any(role in user.roles for role in OPENERS) or record.instruction is None:
        return record
    urgency = record.urgency if record.urgency in ("加急", "特急") else "平件"
    body = DubanIn(request_id=f"pishi-{record.id}", title=record.title[:100], body=record.instruction.text[:5000],
                   host_unit_id=str(lead.id), deadline=deadline, urgency=urgency)
    try:
        item = await do_open_duban(hub, user, body, origin, source_kind="instruction", source_id=str(record.id))
    except HubError:
        log.warning("批示 on %s: the 督办 item did not open", record.id, exc_info=True)
        return record
    return await _set(hub, record, {"instruction.duban_id": str(item.id)})


async def _reply(hub: Hub, user: User, record: IncomingRecord, text: str | None) -> IncomingRecord:
    """答复: the 主办 unit's people answer the sender; the answer shows in the sender's tracking view."""
    if text is None:
        raise HubError("opinion_required")
    lead = record.instruction.lead_unit_id if record.instruction else None
    if lead is None or PydanticObjectId(lead) not in await home_units(user) or record.status != "handling":
        raise HubError("action_not_allowed")
    return await _set(hub, record, {}, {"replies": {"by_id": str(user.id), "by_name": user.name, "text": text,
                                                    "at": hub.clock.now()}})


async def _readers_cas(hub: Hub, record_id: Any, change: Any) -> IncomingRecord | None:
    """Change the readers by compare-and-set on the record's version; change returns None to leave it alone."""
    coll = IncomingRecord.get_pymongo_collection()
    for _ in range(50):
        current = await IncomingRecord.get(record_id)
        if current is None:
            return None
        readers = change(current.readers)
        if readers is None:
            return None
        doc = await coll.find_one_and_update(
            {"_id": current.id, "version": current.version},
            {"$set": {"readers": [r.model_dump() for r in readers], "updated_at": hub.clock.now()},
             "$inc": {"version": 1}}, return_document=ReturnDocument.AFTER)
        if doc is not None:
            out: IncomingRecord = IncomingRecord.model_validate(doc)
            return out
    raise HubError("conflict", detail="the record changed too often; try again")


async def _circulation(hub: Hub, user: User, record: IncomingRecord, op: str, comment: str | None
                       ) -> IncomingRecord:
    """传阅: a reader marks 已阅 (with a comment); the step's holder 收回 what is unread."""
    now = hub.clock.now()
    me = str(user.id)
    if op == "read":
        def read(readers: list[Reader]) -> list[Reader] | None:
            if not any(r.user_id == me and r.state in ("delivered", "opened") for r in readers):
                return None
            return [r.model_copy(update={"state": "read", "read_at": now, "opened_at": r.opened_at or now,
                                         "comment": comment}) if r.user_id == me else r for r in readers]
        updated = await _readers_cas(hub, record.id, read)
    else:
        inst = await ProcessInstance.get(record.instance_id) if record.instance_id else None
        run = inst.state.open_run() if inst else None
        if run is None or run.step_key != "circulate" or not any(
                h.user_id == me and h.status == "open" for h in run.holders):
            raise HubError("action_not_allowed")
        updated = await _readers_cas(hub, record.id, lambda readers: [
            r.model_copy(update={"state": "recalled"}) if r.state in ("delivered", "opened") else r
            for r in readers])
    if updated is None:
        raise HubError("action_not_allowed")
    return updated


async def mark_opened(hub: Hub, user: User, record: IncomingRecord) -> None:
    """A reader opening the document page moves delivered to opened."""
    me, now = str(user.id), hub.clock.now()
    if not any(r.user_id == me and r.state == "delivered" for r in record.readers):
        return

    def opened(readers: list[Reader]) -> list[Reader] | None:
        if not any(r.user_id == me and r.state == "delivered" for r in readers):
            return None
        return [r.model_copy(update={"state": "opened", "opened_at": now}) if r.user_id == me and
                r.state == "delivered" else r for r in readers]
    await _readers_cas(hub, record.id, opened)


async def do_urge_unsigned(hub: Hub, user: User, doc: OfficialDocument, records: list[IncomingRecord],
                           request_id: str, origin: Origin) -> tuple[list[str], list[str]]:
    """一键催办: the person who sent it chases every unit that has not signed; each unit at most every 30 minutes
    (the engine's 催办 interval). Returns (units urged, units urged too recently)."""
    if doc.sent_by != str(user.id):
        raise HubError("action_not_allowed", detail="the person who sent the document chases it")
    urged: list[str] = []
    too_soon: list[str] = []
    for record in records:
        if record.status != "pending" or record.instance_id is None:
            continue
        act = ActIn(op="urge", request_id=f"{request_id}:{str(record.id)[-8:]}"[:64])
        try:
            await do_act(hub, user, str(record.instance_id), act, origin)
        except HubError as exc:
            if exc.code != "urge_too_soon":
                raise
            too_soon.append(record.unit_name)
            continue
        urged.append(record.unit_name)
        await _set(hub, record, {"last_urged_at": hub.clock.now()})
    return urged, too_soon
