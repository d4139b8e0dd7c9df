"""公文交换: sending a document to units starts one 收文 record and process per recipient; who sees a document."""

from __future__ import annotations

from beanie import PydanticObjectId
from beanie.operators import In
from pymongo.errors import DuplicateKeyError

from hub.access import parse_id
from hub.actions.audit import Origin, do_audit
from hub.actions.channels import ensure_unit_channel
from hub.actions.workflow import do_start
from hub.classification import check_unclassified
from hub.context import Hub
from hub.errors import HubError
from hub.models import Membership, Unit, User
from hub.models.documents import DocumentElements, IncomingRecord, OfficialDocument, content_hash
from hub.workflow.documents import Assignment, SubjectRef
from hub.workflow.wire import StartIn

INCOMING = "incoming"
# Roles that see their unit's incoming documents without holding a step: the clerk registers them, the office
# director routes them, the leaders may be asked to 批示 at any point.
DOC_ROLES = frozenset({"doc_clerk", "office_director", "leader"})
SENDER_ROLES = frozenset({"doc_clerk", "office_director", "leader"})


async def _members(unit: Unit) -> list[tuple[Membership, User]]:
    """People of the unit and of its 办公室 (市政府's clerk sits in 市政府办公室)."""
    offices = await Unit.find(Unit.parent_id == unit.id, Unit.kind == "office").to_list()
    unit_ids = [unit.id, *[o.id for o in offices]]
    seats = await Membership.find(In(Membership.unit_id, unit_ids)).sort("order").to_list()
    users = {u.id: u for u in await User.find(In(User.id, [s.user_id for s in seats]), User.disabled == False,  # noqa: E712
                                              User.is_bot == False).to_list()}  # noqa: E712
    out, seen = [], set()
    for s in seats:
        if s.user_id in users and s.user_id not in seen:
            seen.add(s.user_id)
            out.append((s, users[s.user_id]))
    return out


async def clerks_of(unit: Unit) -> list[str]:
    """Who signs for the unit: its 机要/文书 clerks, else the office director, else the unit's head."""
    members = await _members(unit)
    for pick in (lambda s, u: "doc_clerk" in u.roles, lambda s, u: "office_director" in u.roles,
                 lambda s, u: s.is_head and s.unit_id == unit.id):
        found = [str(u.id) for s, u in members if pick(s, u)]
        if found:
            return found
    return []


async def directors_of(unit: Unit) -> list[str]:
    """Who proposes the handling (拟办): the office director, else the unit's head."""
    members = await _members(unit)
    found = [str(u.id) for _, u in members if "office_director" in u.roles]
    return found or [str(u.id) for s, u in members if s.is_head and s.unit_id == unit.id]


async def heads_of(unit: Unit) -> list[str]:
    members = await _members(unit)
    return [str(u.id) for s, u in members if s.is_head and s.unit_id == unit.id] or await clerks_of(unit)


async def home_units(user: User) -> set[PydanticObjectId]:
    """The units a person acts for: their seats, and for a seat in an 办公室 the body it serves."""
    seats = await Membership.find(Membership.user_id == user.id).to_list()
    ids: set[PydanticObjectId] = {s.unit_id for s in seats}
    for unit in await Unit.find(In(Unit.id, list(ids)), Unit.kind == "office").to_list():
        if unit.parent_id is not None:
            ids.add(unit.parent_id)
    return ids


async def holds_step(user: User, record: IncomingRecord) -> bool:
    if record.instance_id is None:
        return False
    return await Assignment.find_one(Assignment.instance_id == record.instance_id,
                                     Assignment.user_id == str(user.id)) is not None


async def can_see_record(user: User, record: IncomingRecord, homes: set[PydanticObjectId]) -> bool:
    if any(r.user_id == str(user.id) for r in record.readers):
        return True
    if record.unit_id in homes and DOC_ROLES & set(user.roles):
        return True
    if record.instruction is not None and DOC_ROLES & set(user.roles) and \
            {str(u) for u in homes} & set(record.instruction.co_unit_ids):
        return True  # a 协办 unit named in the 批示 reads the record and follows its progress
    return await holds_step(user, record)


async def access_document(hub: Hub, user: User, document_id: object) -> tuple[OfficialDocument, list[IncomingRecord]]:
    """The document and the records this person may see. The sender unit's people with a document role see every
    record (the tracking view); a recipient sees their unit's. Missing and forbidden are both not_found."""
    del hub
    doc = await OfficialDocument.get(parse_id(document_id))
    if doc is None:
        raise HubError("not_found")
    homes = await home_units(user)
    records = await IncomingRecord.find(IncomingRecord.document_id == doc.id).sort("+received_at").to_list()
    if doc.sent_by == str(user.id) or (doc.sender_unit_id in homes and DOC_ROLES & set(user.roles)):
        return doc, records
    mine = [r for r in records if await can_see_record(user, r, homes)]
    if not mine:
        raise HubError("not_found")
    return doc, mine


async def access_record(hub: Hub, user: User, record_id: object) -> tuple[IncomingRecord, OfficialDocument]:
    record = await IncomingRecord.get(parse_id(record_id))
    if record is None:
        raise HubError("not_found")
    doc, records = await access_document(hub, user, str(record.document_id))
    if not any(r.id == record.id for r in records):
        raise HubError("not_found")
    return record, doc


async def check_send(user: User, from_unit_id: str | None, elements: DocumentElements
                     ) -> tuple[Unit, list[Unit]]:
    """The sender unit is one the person acts for, with a document role; recipients exist and differ from it."""
    if elements.classified:
        raise HubError("classified_content", detail="份号/密级/保密期限: 涉密公文不得进入本系统")
    check_unclassified(elements.texts())
    homes = await home_units(user)
    if from_unit_id is not None:
        sender = await Unit.get(parse_id(from_unit_id))
        if sender is None or sender.id not in homes:
            raise HubError("not_found")
    else:
        seats = await Membership.find(Membership.user_id == user.id).sort("order").to_list()
        sender = await Unit.get(seats[0].unit_id) if seats else None
        if sender is not None and sender.kind == "office" and sender.parent_id is not None:
            sender = await Unit.get(sender.parent_id)
    if sender is None or not SENDER_ROLES & set(user.roles):
        raise HubError("forbidden", detail="only a unit's clerk, office director or leader sends documents")
    ids = [PydanticObjectId(i) for i in [*elements.main_to, *elements.cc_to]]
    units = {u.id: u for u in await Unit.find(In(Unit.id, ids)).to_list()}
    if len(units) != len(ids):
        raise HubError("invalid_request", detail="main_to/cc_to: unknown units")
    if sender.id in units:
        raise HubError("invalid_request", detail="main_to/cc_to: not the sender itself")
    if any(u.external for u in units.values()):
        raise HubError("invalid_request", detail="the province receives through the outgoing exchange, not here")
    return sender, [units[i] for i in ids]


async def do_send_document(hub: Hub, user: User, elements: DocumentElements, request_id: str, origin: Origin, *,
                           from_unit_id: str | None = None, sender_unit: Unit | None = None) -> OfficialDocument:
    """Send once per request id: the document, then per recipient unit a record and its 收文 process, whose card
    goes to that unit's channel. A retry completes whatever a crash left undone."""
    if sender_unit is None:
        sender, recipients = await check_send(user, from_unit_id, elements)
    else:  # the province, through the signed incoming integration
        check_unclassified(elements.texts())
        sender = sender_unit
        ids = [PydanticObjectId(i) for i in [*elements.main_to, *elements.cc_to]]
        recipients = await Unit.find(In(Unit.id, ids)).to_list()
    now = hub.clock.now()
    payload = elements.model_dump(mode="json")
    assert sender.id is not None
    doc = OfficialDocument(elements=elements, sender_unit_id=sender.id, sender_unit_name=sender.name,
                           sent_by=str(user.id), sent_by_name=user.name, external=sender.external,
                           content_hash=content_hash(payload), recipients=[u.id for u in recipients if u.id],
                           send_request_id=request_id, sent_at=now)
    try:
        await doc.insert()
        await do_audit(hub, "document.send", actor=user, object_type="document", object_id=doc.id, origin=origin,
                       detail={"recipients": len(recipients), "hash": doc.content_hash})
    except DuplicateKeyError:
        found = await OfficialDocument.find_one(OfficialDocument.sent_by == str(user.id),
                                                OfficialDocument.send_request_id == request_id)
        assert found is not None
        doc = found
    copied = set(elements.cc_to)
    for unit in recipients:
        await _deliver(hub, user, doc, unit, str(unit.id) in copied, origin)
    return doc


async def _deliver(hub: Hub, user: User, doc: OfficialDocument, unit: Unit, copied: bool, origin: Origin) -> None:
    assert unit.id is not None and doc.id is not None
    record = IncomingRecord(document_id=doc.id, unit_id=unit.id, unit_name=unit.name, copied=copied,
                            doc_type=doc.elements.doc_type, title=doc.elements.title,
                            urgency=doc.elements.urgency, sender_unit_id=doc.sender_unit_id,
                            sender_unit_name=doc.sender_unit_name, received_at=hub.clock.now())
    try:
        await record.insert()
    except DuplicateKeyError:
        found = await IncomingRecord.find_one(IncomingRecord.document_id == doc.id, IncomingRecord.unit_id == unit.id)
        assert found is not None
        record = found
    if record.instance_id is not None:
        return
    clerks = await clerks_of(unit)
    if not clerks:
        raise HubError("no_approver", detail=f"{unit.name}: nobody signs for this unit")
    directors = await directors_of(unit)
    chosen = {"sign": clerks, "register": clerks, "review": clerks, "propose": directors, "close": clerks,
              "archive": clerks}
    body = StartIn(definition_key=INCOMING, request_id=f"doc-{doc.id}-{unit.id}"[:64],
                   form={"title": doc.elements.title, "document_id": str(doc.id), "record_id": str(record.id)},
                   chosen=chosen, subject=SubjectRef(kind="document", id=str(record.id)))
    inst = await do_start(hub, user, body, origin, subject_channel=await ensure_unit_channel(unit),
                          for_subject=True)
    await IncomingRecord.get_pymongo_collection().update_one({"_id": record.id, "instance_id": None},
                                                             {"$set": {"instance_id": inst.id}})
