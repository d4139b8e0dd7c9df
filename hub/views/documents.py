"""公文 endpoints: send, the 收文箱, a document, its 收文 steps, tracking, 催办, receipts and the 收文登记簿."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from aiohttp import web
from beanie.operators import In

from hub.access import parse_id
from hub.actions.documents import DOC_ROLES, access_document, access_record, do_send_document, home_units
from hub.actions.documents_flow import StepIn, do_step, do_urge_unsigned, mark_opened
from hub.actions.files import do_upload
from hub.documents_export import receipt_pdf, register_xlsx
from hub.documents_queries import document_out, list_incoming, register_row, tracking
from hub.documents_wire import (
    DocumentOut,
    IncomingList,
    IncomingQuery,
    RegisterOut,
    RegisterQuery,
    SendIn,
    SentList,
    SentQuery,
    SentRow,
    TrackingOut,
    TrackingQuery,
    UrgeIn,
    UrgeOut,
)
from hub.errors import HubError
from hub.files.wire import FileOut, file_out
from hub.models import Unit
from hub.models.documents import DocumentReceipt, IncomingRecord, OfficialDocument
from hub.views.base import EndpointTable, current, hub_of, origin_of
from hub.views.files import single_file_part
from hub.workflow.resolve import actor_of

api = EndpointTable("documents")


async def _document(request: web.Request, document_id: str) -> DocumentOut:
    user, _ = current(request)
    hub = hub_of(request)
    doc, records = await access_document(hub, user, document_id)
    for record in records:
        await mark_opened(hub, user, record)
    doc, records = await access_document(hub, user, document_id)
    return await document_out(doc, records, user, await actor_of(user, hub.clock.now()), hub.clock.now())


@api("POST", "/api/v1/documents", "Send a 公文 to units (公文交换): one 收文 record and process per recipient unit; "
     "the same request_id sends it once", body=SendIn, response=DocumentOut)
async def send_document(request: web.Request, body: SendIn) -> DocumentOut:
    user, _ = current(request)
    doc = await do_send_document(hub_of(request), user, body.elements, body.request_id, origin_of(request),
                                 from_unit_id=body.from_unit_id)
    return await _document(request, str(doc.id))


@api("GET", "/api/v1/documents", "Documents I sent, or my unit sent (for its clerk, office director, leaders), "
     "newest first, with tracking counts", query=SentQuery, response=SentList)
async def list_sent(request: web.Request, query: SentQuery) -> SentList:
    user, _ = current(request)
    units = list(await home_units(user)) if DOC_ROLES & set(user.roles) else []
    docs = await OfficialDocument.find({"$or": [{"sent_by": str(user.id)}, {"sender_unit_id": {"$in": units}}]}
                                       ).sort("-sent_at").limit(query.limit).to_list()
    rows = []
    for doc in docs:
        records = await IncomingRecord.find(IncomingRecord.document_id == doc.id).to_list()
        e = doc.elements
        rows.append(SentRow(id=str(doc.id), title=e.title, doc_number=e.doc_number, doc_type=e.doc_type,
                            urgency=e.urgency, sent_at=doc.sent_at, sent_by_name=doc.sent_by_name,
                            counts=tracking(doc, records, None).counts))
    return SentList(documents=rows)


@api("GET", "/api/v1/documents/{document_id}", "A document with its elements, the records you may see (flow, "
     "trail, your buttons) and receipts; a 传阅 reader opening it is marked opened", response=DocumentOut)
async def get_document(request: web.Request) -> DocumentOut:
    return await _document(request, request.match_info["document_id"])


@api("GET", "/api/v1/incoming", "The 收文箱: box=pending 待签收, handling 办理中, done 已办结, circulated 传阅给我; "
     "filters by 紧急程度, 文种, sender", query=IncomingQuery, response=IncomingList)
async def get_incoming(request: web.Request, query: IncomingQuery) -> IncomingList:
    user, _ = current(request)
    now = hub_of(request).clock.now()
    return await list_incoming(user, await actor_of(user, now), query, now)


@api("POST", "/api/v1/incoming/{record_id}/steps", "Press a 收文 button: sign, return, register, review, propose, "
     "instruct, handle, reply, read, recall, finish_circulation, close, archive", body=StepIn, response=DocumentOut)
async def post_step(request: web.Request, body: StepIn) -> DocumentOut:
    user, _ = current(request)
    record = await do_step(hub_of(request), user, request.match_info["record_id"], body, origin_of(request))
    return await _document(request, str(record.document_id))


@api("POST", "/api/v1/documents/{document_id}/attachments", "Attach a file (附件; multipart with one part named file), "
     "by the person who sent the document until a recipient signs; within a per-document total", response=FileOut)
async def attach(request: web.Request) -> FileOut:
    user, _ = current(request)
    name, chunks = await single_file_part(request)
    doc = await do_upload(hub_of(request), user, "document", request.match_info["document_id"], name, chunks,
                          origin=origin_of(request))
    return file_out(doc)


@api("GET", "/api/v1/documents/{document_id}/tracking", "The sender's view: per recipient unit signed (who, when), "
     "not yet, or returned (reason)", query=TrackingQuery, response=TrackingOut)
async def get_tracking(request: web.Request, query: TrackingQuery) -> TrackingOut:
    user, _ = current(request)
    doc, records = await access_document(hub_of(request), user, request.match_info["document_id"])
    if doc.sent_by != str(user.id) and not (doc.sender_unit_id in await home_units(user)
                                            and DOC_ROLES & set(user.roles)):
        raise HubError("not_found")
    return tracking(doc, records, query.state)


@api("POST", "/api/v1/documents/{document_id}/urge", "一键催办: chase every unit that has not signed "
     "(each at most every 30 minutes)", body=UrgeIn, response=UrgeOut)
async def urge_unsigned(request: web.Request, body: UrgeIn) -> UrgeOut:
    user, _ = current(request)
    hub = hub_of(request)
    doc, records = await access_document(hub, user, request.match_info["document_id"])
    urged, too_soon = await do_urge_unsigned(hub, user, doc, records, body.request_id, origin_of(request))
    return UrgeOut(urged=urged, too_soon=too_soon)


@api("GET", "/api/v1/incoming/{record_id}/receipt.pdf", "The 签收回执 (or 退回 record) of one unit as PDF")
async def get_receipt_pdf(request: web.Request) -> web.Response:
    user, _ = current(request)
    record, doc = await access_record(hub_of(request), user, request.match_info["record_id"])
    receipt = await DocumentReceipt.find_one(DocumentReceipt.record_id == record.id)
    if receipt is None:
        raise HubError("not_found", detail="not signed or returned yet")
    body = await receipt_pdf(receipt, doc)
    name = quote(f"签收回执-{record.unit_name}.pdf")
    return web.Response(body=body, content_type="application/pdf", headers={
        "Content-Disposition": f"attachment; filename=\"receipt.pdf\"; filename*=UTF-8''{name}",
        "X-Content-Type-Options": "nosniff"})


async def _register(request: web.Request, query: RegisterQuery) -> tuple[Unit, list[IncomingRecord],
                                                                         dict[Any, OfficialDocument]]:
    """The 收文登记簿 of a unit the clerk (or office director) acts for."""
    user, _ = current(request)
    homes = await home_units(user)
    if not {"doc_clerk", "office_director"} & set(user.roles):
        raise HubError("not_found")
    if query.unit_id is not None:
        unit = await Unit.get(parse_id(query.unit_id))
        if unit is None or unit.id not in homes:
            raise HubError("not_found")
    else:
        units = await Unit.find(In(Unit.id, list(homes))).to_list()
        unit = next((u for u in units if u.kind != "office"), units[0] if units else None)
        if unit is None:
            raise HubError("not_found")
    records = await IncomingRecord.find({"unit_id": unit.id, "reg_year": query.year}).sort("+reg_seq").to_list()
    docs = {d.id: d for d in await OfficialDocument.find(In(OfficialDocument.id, [r.document_id for r in records])
                                                         ).to_list()}
    return unit, records, docs


@api("GET", "/api/v1/incoming-register", "The clerk's 收文登记簿 for a year", query=RegisterQuery,
     response=RegisterOut)
async def get_register(request: web.Request, query: RegisterQuery) -> RegisterOut:
    unit, records, docs = await _register(request, query)
    return RegisterOut(unit_id=str(unit.id), unit_name=unit.name, year=query.year,
                       rows=[register_row(r, docs.get(r.document_id)) for r in records])


@api("GET", "/api/v1/incoming-register.xlsx", "The 收文登记簿 as an Excel workbook", query=RegisterQuery)
async def get_register_xlsx(request: web.Request, query: RegisterQuery) -> web.Response:
    unit, records, docs = await _register(request, query)
    rows = [register_row(r, docs.get(r.document_id)) for r in records]
    body = register_xlsx(unit.name, query.year, rows)
    name = quote(f"收文登记簿-{unit.name}-{query.year}.xlsx")
    return web.Response(body=body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": f"attachment; filename=\"register.xlsx\"; "
                                 f"filename*=UTF-8''{name}", "X-Content-Type-Options": "nosniff"})
