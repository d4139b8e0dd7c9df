"""Reading the archive: the 归档目录 of a unit and year, 待归档, and the wire form of a 件."""

from __future__ import annotations

import re

from beanie.operators import In

from hub.archive_wire import ArchiveItemOut, PendingRow
from hub.models import Unit
from hub.models.archive import ArchiveItem
from hub.models.documents import IncomingRecord, OfficialDocument

PENDING_LIMIT = 200


def item_out(i: ArchiveItem) -> ArchiveItemOut:
    return ArchiveItemOut(id=str(i.id), unit_id=str(i.unit_id), kind=i.kind, source_id=str(i.source_id),
                          document_id=str(i.document_id), archive_no=i.archive_no, fonds=i.fonds,
                          category=i.category, year=i.year, retention=i.retention, org_code=i.org_code,
                          piece_no=i.piece_no, pages=i.pages, title=i.title, doc_number=i.doc_number,
                          doc_type=i.doc_type, issuer=i.issuer, written_on=i.written_on, file_size=i.file_size,
                          file_sha256=i.file_sha256, file_source=i.file_source, filed_by_name=i.filed_by_name,
                          filed_at=i.filed_at)


async def catalogue(unit: Unit, year: int, q: str | None = None, retention: str | None = None
                    ) -> list[ArchiveItem]:
    """The unit's 件 of a year in 档号 order (保管期限, 机构, 件号), filed ones only (with their file)."""
    query: dict[str, object] = {"unit_id": unit.id, "year": year, "file_id": {"$ne": None}}
    if retention:
        query["retention"] = retention
    if q and q.strip():
        words = re.escape(q.strip())
        query["$or"] = [{"title": {"$regex": words}}, {"doc_number": {"$regex": words}}]
    return await ArchiveItem.find(query).sort("+archive_no").to_list()


async def pending(unit: Unit) -> list[PendingRow]:
    """待归档: the unit's 办结 收文 and its sent 发文 that no 件 holds yet, newest first."""
    records = await IncomingRecord.find({"unit_id": unit.id, "status": "done"}).sort("-updated_at").limit(
        PENDING_LIMIT).to_list()
    sent = await OfficialDocument.find(OfficialDocument.sender_unit_id == unit.id).sort("-sent_at").limit(
        PENDING_LIMIT).to_list()
    sources = [r.id for r in records] + [d.id for d in sent]
    filed = {(i.kind, i.source_id) for i in await ArchiveItem.find(In(ArchiveItem.source_id, sources)).to_list()}
    docs = {d.id: d for d in await OfficialDocument.find(In(OfficialDocument.id, [r.document_id for r in records])
                                                         ).to_list()}
    rows: list[PendingRow] = []
    for r in records:
        doc = docs.get(r.document_id)
        if doc is None or ("incoming", r.id) in filed:
            continue
        e = doc.elements
        rows.append(PendingRow(kind="incoming", source_id=str(r.id), document_id=str(doc.id), title=e.title,
                               doc_number=e.doc_number, doc_type=e.doc_type, issuer=e.issuer,
                               written_on=e.written_on, at=r.updated_at))
    for d in sent:
        if ("outgoing", d.id) in filed:
            continue
        e = d.elements
        rows.append(PendingRow(kind="outgoing", source_id=str(d.id), document_id=str(d.id), title=e.title,
                               doc_number=e.doc_number, doc_type=e.doc_type, issuer=e.issuer,
                               written_on=e.written_on, at=d.sent_at))
    return sorted(rows, key=lambda row: row.at, reverse=True)
