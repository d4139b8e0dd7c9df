"""Reading 公文: a record as its viewer may see it, the 收文箱, the sender's tracking, the 收文登记簿."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from beanie.operators import In

from hub.actions.documents import DOC_ROLES, home_units
from hub.documents_wire import (
    DocumentOut,
    IncomingList,
    IncomingQuery,
    ReceiptOut,
    RecordOut,
    RegisterRow,
    TrackingOut,
    TrackingRow,
)
from hub.files.wire import file_out
from hub.models import User
from hub.models.documents import DocumentReceipt, IncomingRecord, OfficialDocument
from hub.models.files import StoredFile
from hub.workflow.documents import Assignment, ProcessInstance
from hub.workflow.engine import holders_now, my_holder
from hub.workflow.state import Actor

STEP_OPS: dict[str, list[str]] = {
    "sign": ["sign", "return"], "register": ["register"], "review": ["review"], "propose": ["propose"],
    "instruct": ["instruct"], "handle": ["handle"], "circulate": ["recall", "finish_circulation"],
    "close": ["close"], "archive": ["archive"],
}


def record_out(record: IncomingRecord, inst: ProcessInstance | None, actor: Actor, homes: set[PydanticObjectId],
               now: datetime) -> RecordOut:
    run = inst.state.open_run() if inst and inst.state.status == "running" else None
    ops: list[str] = []
    if run is not None and my_holder(run, actor) is not None:
        ops += STEP_OPS.get(run.step_key, [])
    if any(r.user_id == actor.id and r.state in ("delivered", "opened") for r in record.readers):
        ops.append("read")
    lead = record.instruction.lead_unit_id if record.instruction else None
    if lead is not None and record.status == "handling" and PydanticObjectId(lead) in homes:
        ops.append("reply")
    due = record.due_at or (run.due_at if run else None)
    return RecordOut(
        id=str(record.id), document_id=str(record.document_id), unit_id=str(record.unit_id),
        unit_name=record.unit_name, copied=record.copied, status=record.status, doc_type=record.doc_type,
        title=record.title, urgency=record.urgency, sender_unit_name=record.sender_unit_name,
        received_at=record.received_at, signed_by_name=record.signed_by_name, signed_at=record.signed_at,
        returned_reason=record.returned_reason, reg_no=record.reg_no, checklist=record.checklist,
        proposal=record.proposal, instruction=record.instruction, readers=record.readers, replies=record.replies,
        due_at=due, overdue=record.status in ("pending", "handling") and due is not None and due < now,
        instance_id=str(record.instance_id) if record.instance_id else None,
        current_step=run.name if run else None, current_holders=holders_now(inst.state) if inst else [],
        trail=inst.trail if inst else [], my_actions=ops)


async def records_out(records: list[IncomingRecord], user: User, actor: Actor, now: datetime) -> list[RecordOut]:
    ids = [r.instance_id for r in records if r.instance_id]
    insts = {i.id: i for i in await ProcessInstance.find(In(ProcessInstance.id, ids)).to_list()} if ids else {}
    homes = await home_units(user)
    return [record_out(r, insts.get(r.instance_id) if r.instance_id else None, actor, homes, now) for r in records]


async def document_out(doc: OfficialDocument, records: list[IncomingRecord], user: User, actor: Actor,
                       now: datetime) -> DocumentOut:
    homes = await home_units(user)
    is_sender = doc.sent_by == str(user.id) or (doc.sender_unit_id in homes and bool(DOC_ROLES & set(user.roles)))
    visible = {r.id for r in records}
    receipts = [ReceiptOut(id=str(x.id), record_id=str(x.record_id), unit_name=x.unit_name, kind=x.kind,
                           user_name=x.user_name, at=x.at, content_hash=x.content_hash, reason=x.reason)
                for x in await DocumentReceipt.find(DocumentReceipt.document_id == doc.id).sort("+at").to_list()
                if x.record_id in visible]
    files = await StoredFile.find(StoredFile.scope_kind == "document", StoredFile.scope_id == str(doc.id)
                                  ).sort("+uploaded_at").to_list()
    return DocumentOut(id=str(doc.id), elements=doc.elements, attachments=[file_out(f) for f in files],
                       sender_unit_id=str(doc.sender_unit_id),
                       sender_unit_name=doc.sender_unit_name, sent_by_name=doc.sent_by_name, sent_at=doc.sent_at,
                       external=doc.external, content_hash=doc.content_hash, is_sender=is_sender,
                       records=await records_out(records, user, actor, now), receipts=receipts)


def _box_filter(box: str, me: str, units: list[PydanticObjectId], step_records: list[PydanticObjectId]
                ) -> dict[str, Any]:
    if box == "circulated":
        return {"readers.user_id": me}
    # 协办 units of a 批示 follow the record as their own units' people with a document role do.
    mine: dict[str, Any] = {"$or": [{"unit_id": {"$in": units}}, {"_id": {"$in": step_records}},
                                    {"instruction.co_unit_ids": {"$in": [str(u) for u in units]}}]}
    statuses = {"pending": ["pending"], "handling": ["handling"], "done": ["done", "archived", "returned"]}[box]
    return {**mine, "status": {"$in": statuses}}


async def list_incoming(user: User, actor: Actor, query: IncomingQuery, now: datetime) -> IncomingList:
    """The 收文箱: the units' records for people with a document role, plus any record whose step one holds."""
    me = str(user.id)
    homes = await home_units(user)
    units = list(homes) if DOC_ROLES & set(user.roles) else []
    held = await Assignment.find(Assignment.user_id == me, Assignment.definition_key == "incoming").to_list()
    insts = [a.instance_id for a in held]
    step_records = [r.id for r in await IncomingRecord.find(In(IncomingRecord.instance_id, insts)).to_list()
                    if r.id] if insts else []
    extra: dict[str, Any] = {}
    if query.urgency is not None:
        extra["urgency"] = query.urgency
    if query.doc_type is not None:
        extra["doc_type"] = query.doc_type
    if query.sender_unit_id is not None:
        extra["sender_unit_id"] = PydanticObjectId(query.sender_unit_id)
    coll = IncomingRecord.find
    found = await coll({**_box_filter(query.box, me, units, step_records), **extra}).sort(
        "-received_at").limit(query.limit).to_list()
    counts = {box: await IncomingRecord.find(_box_filter(box, me, units, step_records)).count()
              for box in ("pending", "handling", "done", "circulated")}
    return IncomingList(box=query.box, records=await records_out(found, user, actor, now), counts=counts)


def tracking(doc: OfficialDocument, records: list[IncomingRecord], state: str | None) -> TrackingOut:
    rows: list[TrackingRow] = []
    for r in records:
        st = "returned" if r.status == "returned" else "signed" if r.signed_at is not None else "pending"
        rows.append(TrackingRow(
            record_id=str(r.id), unit_id=str(r.unit_id), unit_name=r.unit_name, copied=r.copied,
            state=st,
            by_name=r.signed_by_name, at=r.signed_at or r.returned_at, reason=r.returned_reason,
            status=r.status, replies=r.replies))
    counts = {s: sum(row.state == s for row in rows) for s in ("signed", "pending", "returned")}
    return TrackingOut(document_id=str(doc.id), rows=[r for r in rows if state is None or r.state == state],
                       counts=counts)


def register_row(r: IncomingRecord, doc: OfficialDocument | None) -> RegisterRow:
    return RegisterRow(record_id=str(r.id), reg_no=r.reg_no or "", registered_at=r.registered_at,
                       doc_number=doc.elements.doc_number if doc else "", title=r.title, doc_type=r.doc_type,
                       sender_unit_name=r.sender_unit_name, urgency=r.urgency, status=r.status)
