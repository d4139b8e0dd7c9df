"""发文字号 allocation: atomic per sequence, once per document, with reserved and voided numbers kept in the
register with their reasons, so every gap can be explained (GB/T 9704: 机关代字〔年份〕序号号, no leading zeros)."""

from __future__ import annotations

from beanie import PydanticObjectId
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from hub.access import parse_id
from hub.actions.audit import Origin, do_audit
from hub.classification import check_unclassified
from hub.context import Hub
from hub.errors import HubError
from hub.lib.upsert import upsert_after
from hub.models import Membership, Unit, User
from hub.models.docnumbers import DocNumber, NumberAct, NumberClaim, NumberSequence
from hub.numbering.wire import AllocateIn, AssignIn, ReserveIn


def number_text(code: str, year: int, number: int) -> str:
    return f"{code}〔{year}〕{number}号"


async def check_numbering(user: User, unit_id: str) -> Unit:
    """The unit's 文书 (doc_clerk), in the unit itself or in its office, numbers its documents."""
    unit = await Unit.get(parse_id(unit_id))
    if unit is None:
        raise HubError("not_found")
    if "doc_clerk" not in user.roles:
        raise HubError("forbidden", detail="numbers are given by the unit's document clerk (文书)")
    mine = {m.unit_id for m in await Membership.find(Membership.user_id == user.id).to_list()}
    if unit.id in mine:
        return unit
    offices = await Unit.find(Unit.parent_id == unit.id, Unit.kind == "office").to_list()
    if any(o.id in mine for o in offices):
        return unit
    raise HubError("forbidden", detail="numbers are given by the unit's document clerk (文书)")


async def _next(unit: Unit, code: str, year: int) -> tuple[str, int]:
    key = f"{unit.id}:{code}:{year}"
    doc = await upsert_after(NumberSequence.get_pymongo_collection(), key,
                             {"$inc": {"last": 1},
                              "$setOnInsert": {"unit_id": str(unit.id), "code": code, "year": year}})
    return key, int(doc["last"])


async def _earlier(user: User, request_id: str) -> DocNumber | None:
    return await DocNumber.find_one(DocNumber.requested_by == str(user.id), DocNumber.request_id == request_id)


async def do_allocate(hub: Hub, user: User, body: AllocateIn, origin: Origin) -> DocNumber:
    """The next number for a document; the same document asked again gets the number it already has."""
    unit = await check_numbering(user, body.unit_id)
    if (earlier := await _earlier(user, body.request_id)) is not None:
        return earlier
    now = hub.clock.now()
    try:
        await NumberClaim(id=body.document_id, created_at=now).insert()
    except DuplicateKeyError:
        claim = await NumberClaim.get(body.document_id)
        if claim is not None and claim.number_id is not None:
            existing = await DocNumber.get(claim.number_id)
            if existing is not None:
                return existing
        raise HubError("conflict", detail="this document is being numbered right now") from None
    seq, n = await _next(unit, body.code, body.year)
    entry = DocNumber(sequence_id=seq, unit_id=str(unit.id), code=body.code, year=body.year, number=n,
                      text=number_text(body.code, body.year, n), status="used", document_id=body.document_id,
                      request_id=body.request_id, requested_by=str(user.id), created_at=now,
                      history=[NumberAct(at=now, act="used", actor_id=str(user.id), actor_name=user.name)])
    await entry.insert()
    await NumberClaim.get_pymongo_collection().update_one({"_id": body.document_id},
                                                          {"$set": {"number_id": entry.id}})
    await do_audit(hub, "docnumber.allocate", actor=user, object_type="doc_number", object_id=entry.id,
                   origin=origin, detail={"text": entry.text, "document": body.document_id})
    return entry


async def do_reserve(hub: Hub, user: User, body: ReserveIn, origin: Origin) -> DocNumber:
    """预留: take the next number now for a document to come, with the reason."""
    unit = await check_numbering(user, body.unit_id)
    check_unclassified([body.reason], hub.classification)
    if (earlier := await _earlier(user, body.request_id)) is not None:
        return earlier
    now = hub.clock.now()
    seq, n = await _next(unit, body.code, body.year)
    entry = DocNumber(sequence_id=seq, unit_id=str(unit.id), code=body.code, year=body.year, number=n,
                      text=number_text(body.code, body.year, n), status="reserved", reason=body.reason,
                      request_id=body.request_id, requested_by=str(user.id), created_at=now,
                      history=[NumberAct(at=now, act="reserved", actor_id=str(user.id), actor_name=user.name,
                                         note=body.reason)])
    await entry.insert()
    await do_audit(hub, "docnumber.reserve", actor=user, object_type="doc_number", object_id=entry.id,
                   origin=origin, detail={"text": entry.text})
    return entry


async def access_number(user: User, number_id: str) -> DocNumber:
    entry = await DocNumber.get(parse_id(number_id))
    if entry is None:
        raise HubError("not_found")
    await check_numbering(user, entry.unit_id)
    return entry


async def do_assign(hub: Hub, user: User, number_id: str, body: AssignIn, origin: Origin) -> DocNumber:
    """A reserved number given to a document (which must not have one)."""
    entry = await access_number(user, number_id)
    now = hub.clock.now()
    try:
        await NumberClaim(id=body.document_id, number_id=entry.id, created_at=now).insert()
    except DuplicateKeyError:
        claim = await NumberClaim.get(body.document_id)
        if claim is not None and claim.number_id == entry.id:
            return entry
        raise HubError("conflict", detail="the document already has a number") from None
    act = NumberAct(at=now, act="used", actor_id=str(user.id), actor_name=user.name)
    doc = await DocNumber.get_pymongo_collection().find_one_and_update(
        {"_id": entry.id, "status": "reserved"},
        {"$set": {"status": "used", "document_id": body.document_id},
         "$push": {"history": act.model_dump(mode="python")}}, return_document=ReturnDocument.AFTER)
    if doc is None:
        await NumberClaim.find(NumberClaim.id == body.document_id).delete()
        raise HubError("conflict", detail="only a reserved number can be given to a document")
    await do_audit(hub, "docnumber.assign", actor=user, object_type="doc_number", object_id=entry.id,
                   origin=origin, detail={"document": body.document_id})
    updated: DocNumber = DocNumber.model_validate(doc)
    return updated


async def do_void(hub: Hub, user: User, number_id: str, reason: str, origin: Origin) -> DocNumber:
    """作废 with a reason; the number stays in the register as an explained gap and is never given again."""
    entry = await access_number(user, number_id)
    check_unclassified([reason], hub.classification)
    now = hub.clock.now()
    act = NumberAct(at=now, act="voided", actor_id=str(user.id), actor_name=user.name, note=reason)
    doc = await DocNumber.get_pymongo_collection().find_one_and_update(
        {"_id": entry.id, "status": {"$in": ["reserved", "used"]}},
        {"$set": {"status": "void", "reason": reason}, "$push": {"history": act.model_dump(mode="python")}},
        return_document=ReturnDocument.AFTER)
    if doc is None:
        raise HubError("conflict", detail="the number is already void")
    if entry.document_id:
        # The document may be numbered again; the void number stays in the register.
        await NumberClaim.find(NumberClaim.id == entry.document_id).delete()
    await do_audit(hub, "docnumber.void", actor=user, object_type="doc_number", object_id=entry.id, origin=origin,
                   detail={"text": entry.text})
    updated: DocNumber = DocNumber.model_validate(doc)
    return updated


async def register(unit_id: PydanticObjectId, code: str, year: int) -> tuple[list[DocNumber], list[int]]:
    """The sequence's numbers in order, and the numbers the sequence passed with no row (a crash between taking
    the number and writing it): every other gap is a void or reserved row with its reason."""
    entries = await DocNumber.find(DocNumber.sequence_id == f"{unit_id}:{code}:{year}").sort("+number").to_list()
    seq = await NumberSequence.get(f"{unit_id}:{code}:{year}")
    taken = {e.number for e in entries}
    missing = [n for n in range(1, (seq.last if seq else 0) + 1) if n not in taken]
    return entries, missing
