"""归档: a unit's 文书 files a 办结 收文 or a distributed 发文 as one 件, once, with a gap-free 件号 and the stamped
版式 file stored and hashed into the audit chain. Append-only: there is no 撤销归档."""

from __future__ import annotations

import asyncio
import hashlib
import io
from datetime import datetime

from beanie import PydanticObjectId
from beanie.operators import In
from pymongo import DESCENDING
from pymongo.errors import DuplicateKeyError

from hub.access import parse_id
from hub.actions.audit import Origin, do_audit
from hub.actions.documents import home_units
from hub.actions.policy import check_texts
from hub.actions.workflow import do_act
from hub.archive_pdf import Stamp, generated, layout_of, page_count, stamped
from hub.archive_wire import ArchiveIn, ArchiveSettingsIn
from hub.context import Hub
from hub.errors import HubError
from hub.models import Unit, User
from hub.models.archive import CATEGORY, ArchiveItem, ArchiveSettings
from hub.models.documents import IncomingRecord, OfficialDocument
from hub.models.files import StoredFile
from hub.workflow.documents import ProcessInstance
from hub.workflow.engine import my_holder
from hub.workflow.resolve import actor_of
from hub.workflow.wire import ActIn

# The unit's 文书 (who holds the 归档 step) and the office director read and file the unit's archive.
ARCHIVE_ROLES = frozenset({"doc_clerk", "office_director"})


def archive_no(fonds: str, year: int, retention: str, org_code: str, piece_no: int) -> str:
    """档号 per DA/T 22-2015 §7.2: 全宗号-门类·年度-保管期限-机构(问题)-件号, the 件号 in four digits."""
    return f"{fonds}-{CATEGORY}·{year}-{retention}-{org_code}-{piece_no:04d}"


async def check_archivist(user: User, unit_id: str | None) -> Unit:
    """The unit whose archive this person keeps: one they act for, with a document role; else not_found."""
    if not ARCHIVE_ROLES & set(user.roles):
        raise HubError("not_found")
    homes = await home_units(user)
    if unit_id is not None:
        unit = await Unit.get(parse_id(unit_id))
        if unit is None or unit.id not in homes:
            raise HubError("not_found")
        return unit
    units = await Unit.find(In(Unit.id, list(homes))).sort("+order").to_list()
    found = next((u for u in units if u.kind != "office"), units[0] if units else None)
    if found is None:
        raise HubError("not_found")
    return found


async def fonds_of(unit: Unit) -> str:
    settings = await ArchiveSettings.get(str(unit.id))
    return settings.fonds if settings else unit.code.upper().replace("-", "")[:12]


async def _source(user: User, body: ArchiveIn) -> tuple[Unit, OfficialDocument, IncomingRecord | None]:
    if not ARCHIVE_ROLES & set(user.roles):
        raise HubError("not_found")
    homes = await home_units(user)
    record: IncomingRecord | None = None
    if body.kind == "incoming":
        record = await IncomingRecord.get(parse_id(body.source_id))
        if record is None or record.unit_id not in homes:
            raise HubError("not_found")
        doc = await OfficialDocument.get(record.document_id)
        unit_id = record.unit_id
    else:
        doc = await OfficialDocument.get(parse_id(body.source_id))
        if doc is None or doc.sender_unit_id not in homes:
            raise HubError("not_found")
        unit_id = doc.sender_unit_id
    unit = await Unit.get(unit_id)
    if doc is None or unit is None:
        raise HubError("not_found")
    return unit, doc, record


async def _check_step(hub: Hub, user: User, record: IncomingRecord) -> None:
    """A 收文 is filed at its last step, 归档, by whoever holds it (the engine's rule, delegates included)."""
    if record.status == "archived":
        raise HubError("already_archived")
    if record.status != "done" or record.instance_id is None:
        raise HubError("not_closed")
    inst = await ProcessInstance.get(record.instance_id)
    run = inst.state.open_run() if inst and inst.state.status == "running" else None
    if run is None or run.step_key != "archive" or my_holder(run, await actor_of(user, hub.clock.now())) is None:
        raise HubError("action_not_allowed")


async def layout_source(hub: Hub, doc: OfficialDocument) -> tuple[bytes, str]:
    """The document's stored 版式 PDF (the earliest PDF on it: what the sender or the exchange attached as the
    signed original), else one laid out from its elements by hub/layout."""
    stored = await StoredFile.find(StoredFile.scope_kind == "document", StoredFile.scope_id == str(doc.id),
                                   StoredFile.kind == "pdf").sort("+uploaded_at").first_or_none()
    if stored is not None and stored.id is not None and stored.text_status != "withheld":
        chunks = [c async for c in hub.files.open(stored.id)]
        return b"".join(chunks), "stored"
    ids = [PydanticObjectId(u) for u in [*doc.elements.main_to, *doc.elements.cc_to]]
    names = {str(u.id): u.name for u in await Unit.find(In(Unit.id, ids)).to_list()}
    return await asyncio.to_thread(generated, layout_of(doc, names)), "generated"


async def _claim_piece(user: User, unit: Unit, doc: OfficialDocument, body: ArchiveIn, fonds: str, pages: int,
                       now: datetime) -> ArchiveItem:
    """Insert the 件 with the next 件号 of its (全宗, 年度, 保管期限, 机构); a concurrent filer taking the same
    number loses on the unique index and reads again, so numbers stay distinct and gap-free."""
    assert unit.id is not None and doc.id is not None
    year = doc.elements.written_on.year
    coll = ArchiveItem.get_pymongo_collection()
    key = {"unit_id": unit.id, "fonds": fonds, "year": year, "retention": body.retention, "org_code": body.org_code}
    for _ in range(200):
        last = await coll.find_one(key, sort=[("piece_no", DESCENDING)], projection={"piece_no": 1})
        n = int(last["piece_no"]) + 1 if last else 1
        e = doc.elements
        item = ArchiveItem(unit_id=unit.id, unit_name=unit.name, kind=body.kind, source_id=parse_id(body.source_id),
                           document_id=doc.id, fonds=fonds, year=year, retention=body.retention,
                           org_code=body.org_code, piece_no=n,
                           archive_no=archive_no(fonds, year, body.retention, body.org_code, n), pages=pages,
                           title=e.title, doc_number=e.doc_number, doc_type=e.doc_type, issuer=e.issuer,
                           written_on=e.written_on, openness=e.openness, filed_by=str(user.id),
                           filed_by_name=user.name, filed_at=now, request_id=body.request_id)
        try:
            await item.insert()
            return item
        except DuplicateKeyError:
            if await ArchiveItem.find_one(ArchiveItem.kind == body.kind,
                                          ArchiveItem.source_id == parse_id(body.source_id)) is not None:
                raise HubError("already_archived") from None
    raise HubError("conflict", detail="could not allocate a 件号; try again")


async def do_archive(hub: Hub, user: User, body: ArchiveIn, origin: Origin) -> ArchiveItem:
    """归档 once per source. The same request again (after a crash) completes what was left undone; any other
    attempt on a filed source is already_archived."""
    unit, doc, record = await _source(user, body)
    check_texts(hub, [body.org_code])
    existing = await ArchiveItem.find_one(ArchiveItem.kind == body.kind,
                                          ArchiveItem.source_id == parse_id(body.source_id))
    if existing is not None and not (existing.request_id == body.request_id and existing.filed_by == str(user.id)):
        raise HubError("already_archived")
    if record is not None and existing is None:
        await _check_step(hub, user, record)
    base, source = await layout_source(hub, doc)
    item = existing or await _claim_piece(user, unit, doc, body, await fonds_of(unit), body.pages or
                                          page_count(base), hub.clock.now())
    if item.file_id is None:
        stamp = Stamp(fonds=item.fonds, year=item.year, piece_no=item.piece_no, org_code=item.org_code,
                      retention=item.retention, pages=item.pages)
        pdf = await asyncio.to_thread(stamped, base, stamp)
        file_id = PydanticObjectId()
        await hub.files.put(file_id, f"{item.archive_no}.pdf", io.BytesIO(pdf))
        fields = {"file_id": file_id, "file_size": len(pdf), "file_sha256": hashlib.sha256(pdf).hexdigest(),
                  "file_source": source}
        await ArchiveItem.get_pymongo_collection().update_one({"_id": item.id, "file_id": None}, {"$set": fields})
        item = await ArchiveItem.get(item.id) or item
        await do_audit(hub, "archive.file", actor=user, object_type="archive_item", object_id=item.id,
                       origin=origin, detail={"archive_no": item.archive_no, "kind": item.kind,
                                              "source": str(item.source_id), "sha256": item.file_sha256})
    if record is not None and record.status == "done":
        assert record.instance_id is not None
        await do_act(hub, user, str(record.instance_id), ActIn(op="approve", request_id=body.request_id), origin,
                     for_subject=True, expect_step="archive")
        await IncomingRecord.get_pymongo_collection().update_one(
            {"_id": record.id, "status": "done"},
            {"$set": {"status": "archived", "updated_at": hub.clock.now()}, "$inc": {"version": 1}})
    return item


async def do_set_fonds(hub: Hub, user: User, body: ArchiveSettingsIn, origin: Origin) -> ArchiveSettings:
    """The 全宗号 the 档案馆 assigned; 件 already filed keep the 档号 they were given."""
    unit = await check_archivist(user, body.unit_id)
    settings = ArchiveSettings(id=str(unit.id), fonds=body.fonds, updated_by=str(user.id),
                               updated_at=hub.clock.now())
    await ArchiveSettings.get_pymongo_collection().replace_one({"_id": settings.id},
                                                               settings.model_dump(by_alias=True), upsert=True)
    await do_audit(hub, "archive.fonds", actor=user, object_type="unit", object_id=unit.id, origin=origin,
                   detail={"fonds": body.fonds})
    return settings
